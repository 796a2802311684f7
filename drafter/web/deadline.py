"""Slow clients cut off: a request must arrive whole within a time limit.

Uvicorn waits for a request's headers and body as long as bytes keep coming, so a client
sending one byte a second holds a connection (and a request's place) for ever. This
protocol gives each request `READ_SECONDS` from its first byte (or from the connection's
opening) to arrive whole, headers and body; past it, the connection is closed.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["READ_SECONDS", "server_config"]

READ_SECONDS = 20.0
"""How long a request may take to arrive (a 1 MiB body over a slow line takes a few seconds)."""


class _DeadlineProtocol(H11Protocol):
    """Uvicorn's h11 protocol, with a deadline on reading each request."""

    read_seconds = READ_SECONDS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """The connection opened: its first request has `read_seconds` to arrive."""
        super().connection_made(transport)
        self._deadline: asyncio.TimerHandle | None = None
        self._arm()

    def data_received(self, data: bytes) -> None:
        """Bytes in: the deadline ends once the request is whole, starts with the next one."""
        if self._deadline is None and self.conn.their_state is h11.IDLE:
            self._arm()
        super().data_received(data)
        if self.conn.their_state in (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR):
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        """The connection closed: no deadline left."""
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.read_seconds, self._cut)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _cut(self) -> None:
        self._deadline = None
        if self.conn.their_state not in (h11.DONE, h11.MUST_CLOSE, h11.CLOSED):
            self.logger.warning("a client was too slow sending its request; disconnected")
            if self.cycle is not None and not self.cycle.response_complete:
                self.cycle.disconnected = True
                self.cycle.message_event.set()
            self.transport.close()


def server_config(app: Any, host: str, port: int, *, read_seconds: float = READ_SECONDS) -> Any:  # noqa: ANN401
    """The uvicorn configuration of `drafter serve`: h11, with the read deadline."""
    protocol = type("DrafterHttp", (_DeadlineProtocol,), {"read_seconds": read_seconds})
    return uvicorn.Config(
        app, host=host, port=port, log_level="warning", http=protocol, timeout_keep_alive=5
    )
