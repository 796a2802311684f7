"""Load on `drafter serve`: many render requests from concurrent clients; latency and errors.

    python bench/load.py                          # 200 PDF renders from 8 clients
    python bench/load.py --requests 400 --clients 16 --format docx --url http://127.0.0.1:8000

Without --url it starts `drafter serve` on a free port (and stops it after). Each client
sends its share of the requests one after another, cycling through the bundled examples.
Prints the latency percentiles (p50, p90, p99), the throughput and every error by status;
the exit status is 1 when any request failed.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from typing import Any

import httpx
from server import releases, run_clients, running_server, summary


def client(
    url: str, bodies: list[dict[str, Any]], count: int, fmt: str, results: list[tuple[int, float]]
) -> None:
    with httpx.Client(timeout=120) as session:
        for index in range(count):
            started = time.perf_counter()
            try:
                status = session.post(
                    f"{url}/api/render", params={"format": fmt}, json=bodies[index % len(bodies)]
                ).status_code
            except httpx.HTTPError:
                status = 0
            results.append((status, (time.perf_counter() - started) * 1000))


def run_load(url: str, requests: int, clients: int, fmt: str) -> dict[str, Any]:
    bodies = releases()
    results: list[tuple[int, float]] = []
    shares = [requests // clients + (index < requests % clients) for index in range(clients)]
    wall = run_clients(client, [(url, bodies, share, fmt, results) for share in shares])
    statuses = Counter(status for status, _ in results)
    return {
        "format": fmt,
        "requests": len(results),
        "clients": clients,
        "seconds": wall,
        "per_second": len(results) / wall,
        "latency": summary([ms for _, ms in results]),
        "errors": sum(count for status, count in statuses.items() if status != 200),
        "statuses": {str(status): count for status, count in sorted(statuses.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--format", default="pdf", choices=["pdf", "docx", "html", "yaml"])
    parser.add_argument("--url", help="a running server (default: start one)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with running_server(args.url) as url:
        client(url, releases(), 4, args.format, [])  # warm the workers up, untimed
        result = run_load(url, args.requests, args.clients, args.format)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        latency = result["latency"]
        print(
            f"{result['requests']} {args.format} renders from {args.clients} clients in "
            f"{result['seconds']:.1f} s: {result['per_second']:.1f} a second\n"
            f"latency p50 {latency['median_ms']:.0f} ms, p90 {latency['p90_ms']:.0f} ms, "
            f"p99 {latency['p99_ms']:.0f} ms\n"
            f"errors: {result['errors']} (statuses: {result['statuses']})\n"
            f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
    raise SystemExit(1 if result["errors"] else 0)


if __name__ == "__main__":
    main()
