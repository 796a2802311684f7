"""A helper process that makes the PDF while `drafter new` does everything else.

Importing WeasyPrint and loading the house's print stylesheet and fonts is most of a cold
`drafter new --pdf`, and none of it depends on the release. So the CLI, and only the CLI,
forks a helper first thing: the helper loads the PDF writer while the main process reads
and validates the release and renders its HTML; it then lays out the HTML it is sent with
the same `write_pdf` and sends the PDF back, while the main process makes the other formats.

The helper changes nothing but the time. It writes no file (the main process writes every
output, as before). A DrafterError it raises comes back as the same error; its log records
are handed to the main process's logging; any other failure, or a helper that died, means
the main process makes the PDF itself, as it does without a helper. The main process's
time limit covers the wait, and the helper is killed when the command ends, however it
ends. Without `os.fork`, with threads running, or with DRAFTER_PREFORK=0 in the
environment, there is no helper. Library callers never get one.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import logging
import os
import pickle
import select
import signal
import struct
import sys
import threading
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from drafter import lifeline
from drafter.errors import DrafterError

if TYPE_CHECKING:
    from drafter.house import House
    from drafter.writers import Writer

__all__ = ["Helper", "RemotePdf", "current", "pdf_helper"]

logger = logging.getLogger(__name__)
SWITCH = "DRAFTER_PREFORK"
_HEADER = struct.Struct("!Q")
_PIPE_SIZE = 1 << 20  # room for a whole release's HTML, so sending it never waits
_current: Helper | None = None


def current() -> Helper | None:
    """The helper of this process, while the CLI runs one; None otherwise."""
    return _current


@contextlib.contextmanager
def pdf_helper(wanted: bool, *, warm_house: bool = True) -> Iterator[Helper | None]:
    """While inside, PDFs are made by a helper process, if `wanted` and one can be forked.

    `warm_house`: the helper loads the packaged house's print stylesheet and fonts before
    it is asked (not when the command names its own templates).
    """
    global _current
    helper = None
    with contextlib.ExitStack() as stack:
        if wanted and _can_fork():
            _import_shared()
            # the helper's temporary files (WeasyPrint's fonts) go with it, however it ends
            helper = _start(warm_house, stack.enter_context(lifeline.scratch()))
        _current = helper
        try:
            yield helper
        finally:
            _current = None
            if helper is not None:
                helper.stop()


#: Modules both processes need (the main one for the glyph check, the Word file and its
#: emblem, and the atomic writes; the helper for WeasyPrint): imported once, before the fork.
_SHARED = ("fontTools.ttLib", "PIL.Image", "lxml.etree", "tempfile")


def _import_shared() -> None:
    for name in _SHARED:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def _can_fork() -> bool:
    return (
        hasattr(os, "fork")
        and os.environ.get(SWITCH, "1").strip() != "0"
        and _current is None
        and threading.active_count() == 1  # forking beside threads is unsafe
    )


@dataclass(frozen=True)
class RemotePdf:
    """The PDF writer while a helper runs: made by the helper, or here if it cannot."""

    variant: str

    def __call__(self, html: str, house: House) -> bytes:
        """The PDF made in this process: what happens without a helper."""
        from drafter.writers.pdf import write_pdf

        return write_pdf(html, house, variant=self.variant)


class Helper:
    """The main process's end of the helper: send HTML, get the PDF (or its error) back."""

    def __init__(self, pid: int, requests: int, replies: int) -> None:
        self.pid = pid
        self._requests = requests
        self._replies = replies
        self.running = True
        self._pending = False  # a PDF was asked for and its reply not read yet

    def write_all(self, writers: Mapping[str, Writer], html: str, house: House) -> dict[str, bytes]:
        """Each writer's bytes, the PDF made by the helper meanwhile.

        Errors and log records come in the writers' order, as without a helper: what the
        writers after the PDF log is held back until the PDF is there.
        """
        remote = writers.get("pdf")
        if not isinstance(remote, RemotePdf) or not self._submit(html, house, remote.variant):
            return {fmt: write(html, house) for fmt, write in writers.items()}
        order = list(writers)
        before, after = order[: order.index("pdf")], order[order.index("pdf") + 1 :]
        try:
            outputs = {fmt: writers[fmt](html, house) for fmt in before}
            with _holding_records() as held:
                made = {fmt: _attempt(writers[fmt], html, house) for fmt in after}
            outputs["pdf"] = self._collect(remote, html, house)
            for record in held:
                _replay(record)
            for fmt, result in made.items():
                if isinstance(result, Exception):
                    raise result
                outputs[fmt] = result
            return outputs
        finally:
            if self._pending:  # the PDF was not collected: its reply is never read
                self.stop()

    def stop(self) -> None:
        """Kill the helper and reap it; later PDFs are made in this process."""
        if not self.running:
            return
        self.running = self._pending = False
        for fd in (self._requests, self._replies):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)

    def _submit(self, html: str, house: House, variant: str) -> bool:
        if not self.running:
            return False
        level = logging.getLogger().getEffectiveLevel()
        try:
            _send(self._requests, (html, house, variant, level))
        except (OSError, pickle.PicklingError):
            logger.debug("the PDF helper is gone; making the PDF here")
            self.stop()
            return False
        self._pending = True
        return True

    def _collect(self, remote: RemotePdf, html: str, house: House) -> bytes:
        reply = self._receive()
        if reply is None:
            return remote(html, house)
        kind, value, records = reply
        for record in records:
            _replay(record)
        if kind == "pdf":
            logger.debug("the PDF was made by the helper process %d", self.pid)
            return bytes(value)
        if kind == "error":
            raise _rebuild(*value) from None
        logger.debug("the PDF helper failed (%s); making the PDF here", value)
        return remote(html, house)

    def _receive(self) -> tuple[str, Any, list[logging.LogRecord]] | None:
        try:
            reply: tuple[str, Any, list[logging.LogRecord]] | None = _read(self._replies)
        except (OSError, EOFError, pickle.UnpicklingError):
            reply = None
        self._pending = False
        if reply is None:
            logger.debug("the PDF helper stopped; making the PDF here")
            self.stop()
        return reply


def _attempt(write: Writer, html: str, house: House) -> bytes | Exception:
    """The writer's bytes, or its error (raised later, in the writers' order)."""
    try:
        return write(html, house)
    except Exception as exc:
        return exc


@contextlib.contextmanager
def _holding_records() -> Iterator[list[logging.LogRecord]]:
    """The log records made inside, kept from the handlers, to be handled later."""
    root = logging.getLogger()
    holder = _Records()
    handlers, root.handlers = root.handlers, [holder]
    try:
        yield holder.kept
    finally:
        root.handlers = handlers


def _rebuild(cls: type[DrafterError], args: tuple[Any, ...], state: dict[str, Any]) -> Exception:
    """The helper's DrafterError, as the same class with the same message and fields."""
    if not (isinstance(cls, type) and issubclass(cls, DrafterError)):
        return DrafterError(*args)
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


def _replay(record: logging.LogRecord) -> None:
    """A log record of the helper's, handled here as if it had been logged here."""
    target = logging.getLogger(record.name)
    if target.isEnabledFor(record.levelno):
        target.handle(record)


# --- The helper's side ---------------------------------------------------------------------


def _start(warm_house: bool, folder: Path) -> Helper | None:
    """Fork the helper (its temporary files in `folder`); None if that fails."""
    try:
        requests_in, requests_out = os.pipe()
        replies_in, replies_out = os.pipe()
    except OSError:
        return None
    if hasattr(os, "F_SETPIPE_SZ"):  # Linux
        with contextlib.suppress(OSError):
            import fcntl

            fcntl.fcntl(requests_out, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        for fd in (requests_in, requests_out, replies_in, replies_out):
            os.close(fd)
        return None
    if pid == 0:
        os.close(requests_out)
        os.close(replies_in)
        lifeline.die_with_parent(parent)
        lifeline.use_folder(folder)
        _serve(requests_in, replies_out, warm_house)
    os.close(requests_in)
    os.close(replies_out)
    return Helper(pid, requests_out, replies_in)


def _serve(requests: int, replies: int, warm_house: bool) -> NoReturn:
    """The helper's life: load the PDF writer, then answer requests until there are none."""
    status = 1
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL)  # nothing to clean up: the helper writes no file
        # The helper lives for one command: collecting its few cycles is not worth the time
        # (about 7 % of a PDF, and more of the imports).
        gc.disable()
        records = _Records()
        logging.getLogger().addHandler(records)
        _warm_up(warm_house, requests, records)
        while (job := _read(requests)) is not None:
            html, house, variant, level = job
            logging.getLogger().setLevel(level)
            kind, value = _make_pdf(html, house, variant)
            try:
                _send(replies, (kind, value, records.take()))
            except (pickle.PicklingError, TypeError, AttributeError) as exc:
                _send(replies, ("failed", f"{type(exc).__name__}: {exc}", []))
        status = 0
    finally:
        _forget_fonts()
        os._exit(status)  # never run the main process's clean-up code, nor its atexit hooks


def _forget_fonts() -> None:
    """WeasyPrint's temporary fonts removed (`os._exit` skips it), if the helper loaded it."""
    pdf = sys.modules.get("drafter.writers.pdf")
    if pdf is not None:
        with contextlib.suppress(Exception):
            pdf.forget_fonts()


def _warm_up(warm_house: bool, requests: int, records: _Records) -> None:
    """Import the PDF writer and load the fonts (and the house's stylesheet) before asked."""
    logging.getLogger().setLevel(logging.DEBUG)  # kept, then handed over at the main's level
    try:
        with _library_lookup_by_ldconfig():
            from drafter.writers import pdf

        house = None
        if warm_house:
            from drafter.house import load_house

            house = load_house()
        pdf.warm_up(house)
        if house is not None and not select.select([requests], [], [], 0)[0]:
            _rehearse(house, records)
    except Exception as exc:  # the main process meets the same problem if it is one
        logger.debug("the PDF helper could not prepare: %s", exc)


_SAMPLE = (
    '<!DOCTYPE html><html lang="en"><head><title>-</title></head><body><header><p>-</p>'
    "</header><h1>A <strong>b</strong></h1><p>c <em>d</em> <a href='https://e.eu'>f</a></p>"
    "</body></html>"
)


def _rehearse(house: House, records: _Records) -> None:
    """Make a small PDF and drop it, with its log records and warnings, while nothing waits.

    Pango, HarfBuzz and WeasyPrint set up much on their first document; then the release's
    PDF takes about two thirds of the time.
    """
    from drafter.writers.pdf import write_pdf

    kept = records.take()
    try:
        with warnings.catch_warnings(record=True):
            write_pdf(_SAMPLE, house)
    finally:
        records.take()
        records.kept = kept


@contextlib.contextmanager
def _library_lookup_by_ldconfig() -> Iterator[None]:
    """While WeasyPrint loads its C libraries (on Linux): ask only ldconfig's cache for them.

    WeasyPrint tries each library under the names of every platform, and for each name the
    system's dynamic linker does not know, ctypes runs ldconfig, then gcc, then ld (about
    12 ms a name, 0.2 s in all). The names that do load are in ldconfig's cache, which
    ctypes asks first. If a library is not found this way, this import fails and the
    helper imports WeasyPrint again, with ctypes' full search, when it is asked for a PDF.
    """
    import ctypes.util

    by_ldconfig = getattr(ctypes.util, "_findSoname_ldconfig", None)
    if sys.platform != "linux" or by_ldconfig is None:
        yield
        return
    full = ctypes.util.find_library
    ctypes.util.find_library = by_ldconfig
    try:
        yield
    finally:
        ctypes.util.find_library = full


def _make_pdf(html: str, house: House, variant: str) -> tuple[str, Any]:
    from drafter.writers.pdf import write_pdf

    try:
        return "pdf", write_pdf(html, house, variant=variant)
    except DrafterError as exc:
        return "error", (type(exc), exc.args, dict(vars(exc)))
    except Exception as exc:  # the main process makes the PDF, and meets this itself
        return "failed", f"{type(exc).__name__}: {exc}"


class _Records(logging.Handler):
    """Keeps the helper's log records, made ready to cross to the main process."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.kept: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record, its message and traceback as text."""
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.kept.append(record)

    def take(self) -> list[logging.LogRecord]:
        """The records kept since the last call."""
        taken, self.kept = self.kept, []
        return taken


# --- The pipe: length-prefixed pickles between drafter's own two processes -----------------


def _send(fd: int, value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _read(fd: int) -> Any:  # noqa: ANN401 - what the other process sent
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
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
