"""Limits on how long drafter may work on one release."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from drafter.errors import LimitError

__all__ = ["MAX_SECONDS", "time_limit"]

MAX_SECONDS = 10**7
"""The longest time limit set (about 4 months); a longer one, or infinity, is no limit."""


class _Expired(BaseException):
    """Raised by the alarm; a BaseException so that no library's `except Exception` eats it."""


def _expire(signum: int, frame: FrameType | None) -> None:
    del signum, frame
    raise _Expired


@contextlib.contextmanager
def time_limit(seconds: float | None, message: str = "") -> Iterator[None]:
    """Stop the work inside with a LimitError after `seconds` (main thread on Unix only).

    `message` is the error's (by default, the render's: "rendering took longer ...").
    """
    usable = (
        seconds is not None
        and 0 < seconds <= MAX_SECONDS  # the system's timer takes no more (nor NaN)
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    assert seconds is not None
    previous = signal.signal(signal.SIGALRM, _expire)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)  # inside: a short limit may expire at once
        yield
    except _Expired:
        raise LimitError(
            message
            or f"rendering took longer than {seconds:g} seconds and was stopped; "
            "shorten the release or allow more time with --timeout"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
