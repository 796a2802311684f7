"""The dates the PDF and Word files carry, and the timestamps fontTools writes into fonts.

Both files are dated from SOURCE_DATE_EPOCH when the caller sets it (the convention of
reproducible builds), otherwise from the release's own date. fontTools stamps each font
subset with SOURCE_DATE_EPOCH or else the current time, so while a PDF is made drafter sets
the variable to a fixed time unless the caller has set it; `source_date` never mistakes
drafter's own fixed time for the caller's.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime

from drafter.errors import UsageError

__all__ = ["FONT_EPOCH", "day_start", "fixed_font_timestamps", "source_date"]

_VARIABLE = "SOURCE_DATE_EPOCH"
FONT_EPOCH = 315532800  # 1980-01-01, as in ZIP files
_LOCK = threading.Lock()
_users = 0  # renders running with drafter's own SOURCE_DATE_EPOCH set
_saved: str | None = None  # the caller's blank value, put back afterwards


def source_date() -> datetime | None:
    """The caller's SOURCE_DATE_EPOCH as a UTC time, or None when the caller has not set it."""
    with _LOCK:
        if _users > 0:  # the variable is drafter's own, set for fontTools
            return None
        text = os.environ.get(_VARIABLE)
    if text is None or not text.strip():
        return None
    try:
        return datetime.fromtimestamp(int(text), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"{_VARIABLE} must be a whole number of seconds since 1970-01-01, not {text!r}"
        ) from None


def day_start(day: date) -> datetime:
    """Midnight UTC at the start of `day`."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@contextlib.contextmanager
def fixed_font_timestamps() -> Iterator[None]:
    """Fix the timestamp fontTools writes into font subsets, unless SOURCE_DATE_EPOCH is set.

    Without it every PDF would differ; the release's own dates are in the PDF's metadata.
    """
    global _users, _saved  # shared by concurrent renders
    with _LOCK:
        ours = _users > 0 or not os.environ.get(_VARIABLE, "").strip()
        if ours:
            if _users == 0:
                _saved = os.environ.get(_VARIABLE)
            _users += 1
            os.environ[_VARIABLE] = str(FONT_EPOCH)
    try:
        yield
    finally:
        if ours:
            with _LOCK:
                _users -= 1
                if _users == 0:
                    _restore(_saved)


def _restore(value: str | None) -> None:
    if value is None:
        os.environ.pop(_VARIABLE, None)
    else:
        os.environ[_VARIABLE] = value
