"""A real drafter server (uvicorn, in a thread, on a free port) for the web tests."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn

from drafter.web.app import Initial, ServerSettings, create_app
from drafter.web.pool import RenderPool
from drafter.web.security import allowed_hosts

with warnings.catch_warnings():
    # Starlette asks for httpx2 in its test client; httpx is what FastAPI documents.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

__all__ = ["Live", "TestClient", "free_port", "live_server", "pool_of"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Live:
    """A running server: its address and its application."""

    url: str
    app: Any


def pool_of(app: Any) -> RenderPool:
    """The render pool of an application made by create_app."""
    pool: RenderPool = app.app.state.pool
    return pool


@contextmanager
def live_server(
    initial: Initial | None = None, settings: ServerSettings | None = None
) -> Iterator[Live]:
    """A drafter server on 127.0.0.1 answering to the loopback names, until the block ends."""
    port = free_port()
    base = settings or ServerSettings()
    hosts = sorted(allowed_hosts("127.0.0.1", port))
    chosen = ServerSettings(
        base.workers, base.queue_size, base.timeout, hosts, base.house, base.archive
    )
    app = create_app(initial, chosen)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield Live(f"http://127.0.0.1:{port}", app)
    finally:
        server.should_exit = True
        thread.join(30)
