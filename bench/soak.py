"""A timed load on `drafter serve`: many clients for a while, as the press office's form does.

    python bench/soak.py                     # 20 clients for 30 s on loopback
    python bench/soak.py --clients 20 --seconds 30 --url http://127.0.0.1:8000

Without --url it starts `drafter serve` on a free port (and stops it after). Each client
sends, one after another and round the bundled examples, what an officer's form sends
while a release is written: /api/validate, the HTML preview and /api/check, with a pause
between requests (--pause, 0.1 s), and every --pdf-every'th time (40) the PDF. Prints,
for each kind of request, the count and latency percentiles; then the errors (any status
but 200 and 503, or no answer) and the 503s ("every worker is busy"). The exit status is
1 when any request failed or was refused.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
from collections import Counter, defaultdict
from typing import Any

import httpx
from server import releases, running_server, summary

LIGHT = (
    ("validate", "/api/validate"),
    ("html", "/api/render?format=html"),
    ("check", "/api/check"),
)
PDF = ("pdf", "/api/render?format=pdf")


def requests_for(pdf_every: int) -> list[tuple[str, str]]:
    """One cycle of a client's requests: light ones, and a PDF at the end."""
    return [LIGHT[index % len(LIGHT)] for index in range(pdf_every - 1)] + [PDF]


def client(
    url: str,
    bodies: list[dict[str, Any]],
    until: float,
    start: int,
    results: list[Any],
    cycle: list[tuple[str, str]],
    pause: float,
) -> None:
    with httpx.Client(timeout=120) as session:
        step = start
        while time.monotonic() < until:
            kind, path = cycle[step % len(cycle)]
            body = bodies[step % len(bodies)]
            started = time.perf_counter()
            try:
                status = session.post(f"{url}{path}", json=body).status_code
            except httpx.HTTPError:
                status = 0
            results.append((kind, status, (time.perf_counter() - started) * 1000))
            step += 1
            time.sleep(pause)  # the officer types on


def run_soak(
    url: str, clients: int, seconds: float, pdf_every: int, pause: float
) -> dict[str, Any]:
    bodies = releases()
    results: list[tuple[str, int, float]] = []
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=client,
            args=(url, bodies, until, index * 7, results, requests_for(pdf_every), pause),
        )
        for index in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, status, ms in results:
        if status == 200:
            by_kind[kind].append(ms)
    statuses = Counter(status for _, status, _ in results)
    busy = Counter(kind for kind, status, _ in results if status == 503)
    return {
        "clients": clients,
        "seconds": wall,
        "requests": len(results),
        "per_second": len(results) / wall,
        "latency": {kind: summary(values) for kind, values in sorted(by_kind.items())},
        "errors": sum(n for status, n in statuses.items() if status not in (200, 503)),
        "busy_503": statuses.get(503, 0),
        "busy_by_kind": dict(sorted(busy.items())),
        "statuses": {str(status): n for status, n in sorted(statuses.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--pdf-every", type=int, default=40, help="a PDF every N requests")
    parser.add_argument("--pause", type=float, default=0.1, help="seconds between requests")
    parser.add_argument("--url", help="a running server (default: start one)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with running_server(args.url) as url:
        warm = requests_for(2)  # warm the workers up, untimed
        client(url, releases(), time.monotonic() + 3, 0, [], warm, 0)
        result = run_soak(url, args.clients, args.seconds, args.pdf_every, args.pause)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{result['requests']} requests from {result['clients']} clients in "
            f"{result['seconds']:.1f} s: {result['per_second']:.1f} a second"
        )
        for kind, figures in result["latency"].items():
            print(
                f"  {kind:8} {figures['n']:5} answered, p50 {figures['median_ms']:.0f} ms, "
                f"p90 {figures['p90_ms']:.0f} ms, p99 {figures['p99_ms']:.0f} ms"
            )
        print(
            f"errors: {result['errors']}, 503 (busy): {result['busy_503']} "
            f"{result['busy_by_kind']} (statuses: {result['statuses']})\n"
            f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
    raise SystemExit(1 if result["errors"] or result["busy_503"] else 0)


if __name__ == "__main__":
    main()
