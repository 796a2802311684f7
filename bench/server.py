"""A `drafter serve` process for the load and timing scripts, and latency arithmetic."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def running_server(url: str | None = None) -> Iterator[str]:
    """The address of a running server: `url` as given, or a `drafter serve` started here."""
    if url:
        yield url.rstrip("/")
        return
    port = free_port()
    argv = [sys.executable, "-m", "drafter", "serve", "--port", str(port)]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{address}/api/schema", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    err = process.stderr.read().decode() if process.stderr else ""
                    raise SystemExit(f"drafter serve did not start:\n{err}") from None
                time.sleep(0.1)
        yield address
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def releases() -> list[dict[str, Any]]:
    """The bundled examples as the JSON the API takes."""
    from drafter import load_release
    from drafter.web.yamlfile import form_data

    return [form_data(load_release(path)) for path in EXAMPLES]


def percentile(values: list[float], share: float) -> float:
    """The `share` (0-1) percentile, by the nearest rank."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(values_ms: list[float]) -> dict[str, float]:
    return {
        "median_ms": statistics.median(values_ms),
        "p90_ms": percentile(values_ms, 0.90),
        "p99_ms": percentile(values_ms, 0.99),
        "n": len(values_ms),
    }


def cpu_count() -> int:
    return len(os.sched_getaffinity(0))


def run_clients(target: Callable[..., None], shares: list[tuple[Any, ...]]) -> float:
    """Run `target` in one thread a share of arguments, all at once; the seconds they took."""
    threads = [threading.Thread(target=target, args=share) for share in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started
