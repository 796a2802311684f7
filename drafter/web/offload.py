"""The server's light work (reading JSON and YAML, validating, checking, HTML, YAML) off its loop.

Each job runs on one of a few threads, never on the event loop, so a large request cannot
stall the other clients. The jobs waiting or running are bounded (beyond them: `Busy`, a
503), and each has the render time limit: past it the request is answered with a
`RenderTimeout` (504) and the job is stopped by an exception raised in its thread (at its
next Python instruction; a job stopped past the limit still holds its place until it ends).
"""

from __future__ import annotations

import asyncio
import ctypes
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from drafter.web.pool import Busy, RenderTimeout

__all__ = ["Offload"]

T = TypeVar("T")


class _Stopped(BaseException):
    """Raised in a job's thread past its time limit (not an Exception: nothing catches it)."""


class _Job:
    """One call on a thread, which `stop` can interrupt while (and only while) it runs."""

    def __init__(self, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.function = function
        self.args = args
        self.lock = threading.Lock()
        self.thread: int | None = None
        self.stopped = False

    def run(self) -> Any:  # noqa: ANN401 - what the function gives
        """Call the function on this thread (or nothing, if it was stopped before it began)."""
        with self.lock:
            if self.stopped:
                raise RenderTimeout("stopped before it began")
            self.thread = threading.get_ident()
        try:
            return self.function(*self.args)
        except _Stopped:
            raise RenderTimeout("stopped at the time limit") from None
        finally:
            with self.lock:
                self.thread = None
                if self.stopped:  # an exception asked for but not raised yet: withdrawn
                    _raise_in(threading.get_ident(), None)

    def stop(self) -> None:
        """Interrupt the call if it runs; make it give up if it has not begun."""
        with self.lock:
            self.stopped = True
            if self.thread is not None:
                _raise_in(self.thread, _Stopped)


def _raise_in(thread: int, error: type[BaseException] | None) -> None:
    """Ask Python to raise `error` in `thread` at its next instruction (None: withdraw it)."""
    exception = ctypes.py_object(error) if error is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), exception)


class Offload:
    """`threads` threads for light jobs; up to `queue_size` more jobs wait, the rest are Busy."""

    def __init__(self, threads: int, queue_size: int, timeout: float) -> None:
        self.limit = threads + queue_size
        self.timeout = timeout
        self._executor = ThreadPoolExecutor(threads, thread_name_prefix="drafter-light")
        self._pending = 0
        self._lock = threading.Lock()

    async def run(self, function: Callable[..., T], *args: Any) -> T:  # noqa: ANN401
        """`function(*args)` on a thread; Busy when full, RenderTimeout past the time limit."""
        with self._lock:
            if self._pending >= self.limit:
                raise Busy
            self._pending += 1
        job = _Job(function, args)
        try:
            future = self._executor.submit(job.run)
        except RuntimeError:  # shut down
            self._done(None)
            raise Busy from None
        future.add_done_callback(self._done)
        try:
            result: T = await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            job.stop()
            message = f"the request took longer than {self.timeout:g} seconds and was stopped"
            raise RenderTimeout(message) from None
        return result

    def _done(self, future: Future[Any] | None) -> None:
        del future
        with self._lock:
            self._pending -= 1

    def close(self) -> None:
        """Stop taking jobs; those waiting are dropped."""
        self._executor.shutdown(wait=False, cancel_futures=True)
