"""The PDF helper's own side of `drafter.prefork`: load the PDF writer, then answer requests.

The helper is forked by `drafter.prefork`; it loads WeasyPrint, the fonts and (unless the
command names its own templates) the house's print stylesheet, rehearses a small PDF while
nothing waits, then lays out each HTML it is sent and sends the PDF back, with its log
records, until the pipe ends. It never returns: it leaves with `os._exit`.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import select
import signal
import sys
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NoReturn

from drafter.errors import DrafterError
from drafter.pipe import read, send

if TYPE_CHECKING:
    from drafter.house import House

__all__ = ["Records", "serve"]

logger = logging.getLogger("drafter.prefork")  # the helper's messages, as they always were


def serve(requests: int, replies: int, warm_house: bool) -> NoReturn:
    """The helper's life: load the PDF writer, then answer requests until there are none."""
    status = 1
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL)  # nothing to clean up: the helper writes no file
        # The helper lives for one command: collecting its few cycles is not worth the time
        # (about 7 % of a PDF, and more of the imports).
        gc.disable()
        records = Records()
        logging.getLogger().addHandler(records)
        _warm_up(warm_house, requests, records)
        while (job := read(requests)) is not None:
            html, house, variant, level = job
            logging.getLogger().setLevel(level)
            kind, value = _make_pdf(html, house, variant)
            try:
                send(replies, (kind, value, records.take()))
            except (pickle.PicklingError, TypeError, AttributeError) as exc:
                send(replies, ("failed", f"{type(exc).__name__}: {exc}", []))
        status = 0
    finally:
        # WeasyPrint's fonts need no clean-up: the helper's are in its temporary folder,
        # which the main process removes (`lifeline.use_folder`); any it inherited are the
        # main process's.
        os._exit(status)  # never run the main process's clean-up code, nor its atexit hooks


def _warm_up(warm_house: bool, requests: int, records: Records) -> None:
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


def _rehearse(house: House, records: Records) -> None:
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


class Records(logging.Handler):
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
