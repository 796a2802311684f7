"""Small edits of the reference example's YAML text, and where things are in it."""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "eu-russia-2012-07-24.yaml"
FULL_TEXT = EXAMPLE.read_text(encoding="utf-8")
TRANSLATIONS = "\n# The other language versions"
TEXT = FULL_TEXT.split(TRANSLATIONS)[0]
"""The example in its own language only: its translations repeat field names (body:, ...)."""


def edit(*changes: tuple[str, str], text: str = TEXT) -> str:
    """The example with each `old` (which must occur exactly once) replaced by `new`."""
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times, not once"
        text = text.replace(old, new)
    return text


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the one line of `text` that contains `needle`."""
    found = [number for number, line in enumerate(text.split("\n"), 1) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found}, not on one line"
    return found[0]


def column_of(text: str, needle: str) -> int:
    """The 1-based column where `needle` starts on its line."""
    return text.split("\n")[line_of(text, needle) - 1].index(needle) + 1
