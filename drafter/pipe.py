"""The pipe between drafter's own two processes (`drafter.prefork`): length-prefixed pickles."""

from __future__ import annotations

import os
import pickle
import struct
from typing import Any

__all__ = ["read", "send"]

_HEADER = struct.Struct("!Q")


def send(fd: int, value: object) -> None:
    """Send `value` down the pipe `fd`, whole."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def read(fd: int) -> Any:  # noqa: ANN401 - what the other process sent
    """The next value sent, or None at the end of the pipe."""
    header = _read_exactly(fd, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    data = _read_exactly(fd, size)
    if data is None:
        raise EOFError("the pipe ended inside a message")
    return pickle.loads(data)  # noqa: S301 - written by drafter's own other process


def _read_exactly(fd: int, size: int) -> bytes | None:
    """The next `size` bytes of the pipe, or None if it ends first."""
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
