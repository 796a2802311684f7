"""Render workers for the server: warm processes, a bounded queue, and a time limit that holds.

Each worker is a process forked from a fork server that has imported the writers once
(WeasyPrint, python-docx), so a new or replaced worker starts at once and warm. A render
that runs over the time limit cannot be stopped from inside a thread (SIGALRM works only on
a process's main thread), so its worker is killed and replaced. Requests beyond the
workers and the queue are refused at once with `Busy`, never left to pile up.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import shutil
import signal
import threading
from collections.abc import Sequence
from dataclasses import astuple
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from drafter import lifeline
from drafter.errors import DrafterError, InputError, LimitError, Problem
from drafter.limits import MAX_SECONDS
from drafter.schema import Release

__all__ = ["Busy", "RenderPool", "RenderTimeout"]

logger = logging.getLogger(__name__)

_PRELOAD = ["drafter.rendering", "drafter.writers.pdf", "drafter.writers.docx"]


class Busy(Exception):
    """Every worker is rendering and the queue is full; try again shortly."""


class RenderTimeout(LimitError):
    """A render ran over the pool's time limit; its worker was killed and replaced."""


Job = tuple[Release, tuple[str, ...], str | Path | None, str | None]
"""What a worker renders: the release, the formats, the house and the language (None: its own)."""


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(
        self,
        context: Any,  # noqa: ANN401 - a multiprocessing context
        templates: str | Path | None,
        scratch: Path,
    ) -> None:
        self.context = context
        self.templates = templates
        self.scratch = scratch
        self.folder = scratch
        self.process: BaseProcess
        self.conn: Connection
        self.start()

    def start(self) -> None:
        """Start (or restart) the process, with a temporary folder of its own."""
        ours, theirs = self.context.Pipe()
        self.folder = lifeline.worker_folder(self.scratch)
        self.process = self.context.Process(
            target=_serve,
            args=(theirs, self.templates, self.folder),
            daemon=True,
            name="drafter-render",
        )
        self.process.start()
        theirs.close()
        self.conn = ours

    def call(self, job: Job, timeout: float) -> tuple[Any, ...]:
        """The worker's answer to `job`; the worker is replaced if it overruns or dies."""
        try:
            self.conn.send(job)
            # beyond MAX_SECONDS (infinity, say) is no limit: the system's wait takes no more
            if self.conn.poll(timeout if timeout <= MAX_SECONDS else None):
                answer: tuple[Any, ...] = self.conn.recv()
                return answer
        except (EOFError, OSError) as exc:
            logger.error("a render worker died (%s); starting another", exc)
            self.restart()
            return ("bug", "a render worker died; this is a bug in drafter or its libraries")
        self.restart()
        return ("timeout", f"rendering took longer than {timeout:g} seconds and was stopped")

    def restart(self) -> None:
        """Kill the process and start a fresh one."""
        self.stop(kill=True)
        self.start()

    def stop(self, *, kill: bool = False) -> None:
        """Ask the process to end (or kill it) and wait for it."""
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)  # WeasyPrint's fonts, left if killed


def _serve(conn: Connection, templates: str | Path | None, folder: Path) -> None:
    """A worker's loop: render each release it is sent until it is sent None.

    The worker dies with the fork server that started it, which ends with the server.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    lifeline.die_with_parent(os.getppid())
    lifeline.use_folder(folder)
    from drafter.rendering import render_all
    from drafter.templating import load_house

    load_house(templates)  # the default house's files, read once before the first job
    while (job := conn.recv()) is not None:
        release, formats, house, language = job
        try:
            outputs = render_all(
                release, formats, templates=templates, house=house, language=language
            )
            conn.send(("ok", outputs))
        except InputError as exc:
            conn.send(("input", [astuple(problem) for problem in exc.problems]))
        except LimitError as exc:
            conn.send(("limit", str(exc)))
        except DrafterError as exc:
            conn.send(("error", str(exc)))
        except Exception as exc:
            logger.exception("rendering failed")
            conn.send(("bug", f"internal error ({type(exc).__name__}); this is a bug in drafter"))


class RenderPool:
    """`workers` render processes; up to `queue` requests wait for one, the rest are Busy."""

    def __init__(
        self,
        workers: int | None = None,
        queue_size: int | None = None,
        timeout: float = 30.0,
        templates: str | Path | None = None,
    ) -> None:
        cores = len(os.sched_getaffinity(0))
        self.size = min(workers or cores, cores)  # more would only share the cores
        self.queue_size = self.size * 4 if queue_size is None else queue_size
        self.timeout = timeout
        self.templates = templates
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._workers: list[_Worker] = []
        self._pending = 0
        self._lock = threading.Lock()
        self._scratch = contextlib.ExitStack()

    def start(self) -> None:
        """Start the fork server (it imports the writers) and the workers."""
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        scratch = self._scratch.enter_context(lifeline.scratch())
        for _ in range(self.size):
            worker = _Worker(context, self.templates, scratch)
            self._workers.append(worker)
            self._idle.put(worker)

    def close(self) -> None:
        """Stop every worker, and remove their temporary files."""
        for worker in self._workers:
            worker.stop()
        self._workers.clear()
        self._scratch.close()

    def pids(self) -> list[int | None]:
        """The process ids of the workers (they change when a worker is replaced)."""
        return [worker.process.pid for worker in self._workers]

    def admit(self) -> None:
        """Take a place for one request, or raise Busy when workers and queue are full."""
        with self._lock:
            if self._pending >= self.size + self.queue_size:
                raise Busy
            self._pending += 1

    def render(
        self,
        release: Release,
        formats: Sequence[str],
        house: str | Path | None = None,
        language: str | None = None,
    ) -> dict[str, bytes]:
        """Render on the next free worker (blocking); call `admit` first.

        `house` and `language` are as for `render_all`: by default the release's own.

        Raises what `render_all` raises (InputError with its problems, LimitError when the
        time limit is hit).
        """
        try:
            worker = self._idle.get()
            try:
                answer = worker.call((release, tuple(formats), house, language), self.timeout)
            finally:
                self._idle.put(worker)
        finally:
            with self._lock:
                self._pending -= 1
        return _result(answer)


def _result(answer: tuple[Any, ...]) -> dict[str, bytes]:
    kind, value = answer
    if kind == "ok":
        outputs: dict[str, bytes] = value
        return outputs
    if kind == "input":
        raise InputError([Problem(*fields) for fields in value])
    if kind == "timeout":
        raise RenderTimeout(value)
    if kind == "limit":
        raise LimitError(value)
    raise DrafterError(value)  # a broken template, or a bug: the server answers 500
