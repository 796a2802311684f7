r"""The strict syntax check of a gettext catalogue (`.po`), before Babel reads it.

Babel's reader is lenient: it drops an unterminated string, keeps an escape it does not
know (`\a`) as written, takes control characters, ignores a `msgstr` with no `msgid` and
lets the last of two translations of a message win. A catalogue a house uses must say what
its translator meant, so each of those is refused, naming the file and the line. An entry
is `[msgctxt] msgid [msgid_plural] msgstr...`, each keyword followed by a quoted string and
continuation strings on the next lines; a blank or comment line ends it. Obsolete entries
(`#~`) are comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.errors import TemplateError
from drafter.fields import clean_text

__all__ = ["check_catalogue"]

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?:\s+|(?=\")|$)(.*)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"\s*')
_ESCAPE = re.compile(r'\\[\\"nrt]')
"""The escapes Babel's reader turns into characters; it would print any other as written."""


class _Refused(Exception):
    """One syntax error: at `line`, else at the line being read."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class _Entry:
    """The entry being read: where its parts are, and its id and context as written."""

    parts: dict[str, int] = field(default_factory=dict)
    context: str | None = None
    id: str = ""
    last: str = ""


def check_catalogue(text: str, name: str) -> None:
    """Refuse (TemplateError naming `name` and the line) a catalogue that is not valid `.po`."""
    seen: dict[tuple[str | None, str], int] = {}
    entry: _Entry | None = None
    number = 0
    try:
        for number, raw in enumerate(text.splitlines(), start=1):
            entry = _line(raw.strip(), number, entry, seen)
        number += 1
        _close(entry, seen)
    except _Refused as exc:
        line = exc.line or number
        raise TemplateError(f"the catalogue {name}, line {line}: {exc}") from None


def _line(
    line: str, number: int, entry: _Entry | None, seen: dict[tuple[str | None, str], int]
) -> _Entry | None:
    """The entry after reading `line`: continued, started, or ended (None)."""
    if not line or line.startswith("#"):
        _close(entry, seen)
        return None
    if line.startswith('"'):
        if entry is None or not entry.last:
            raise _Refused("a string that continues no msgid or msgstr; put a keyword before it")
        _add(entry, entry.last, _string(line))
        return entry
    found = _KEYWORD.fullmatch(line)
    if found is None:
        word = line.split(maxsplit=1)[0]
        raise _Refused(
            f"`{word}` is not a catalogue keyword (msgctxt, msgid, msgid_plural, msgstr)"
        )
    keyword, rest = found.groups()
    if not rest.startswith('"'):
        raise _Refused(f"the text after {keyword} must be in double quotes")
    return _keyword(keyword.split("[")[0], _string(rest), number, entry, seen)


_ORDER = ("msgctxt", "msgid", "msgid_plural", "msgstr")


def _keyword(
    keyword: str,
    value: str,
    number: int,
    entry: _Entry | None,
    seen: dict[tuple[str | None, str], int],
) -> _Entry:
    if keyword in ("msgctxt", "msgid") and (entry is None or "msgstr" in entry.parts):
        _close(entry, seen)
        entry = _Entry()
    if entry is None or (keyword in ("msgid_plural", "msgstr") and "msgid" not in entry.parts):
        raise _Refused(f"{keyword} with no msgid before it; start the entry with msgid")
    if keyword in ("msgctxt", "msgid") and "msgid" in entry.parts:
        _no_msgstr(entry)
    if keyword in entry.parts and not (keyword == "msgstr" and "msgid_plural" in entry.parts):
        raise _Refused(f"a second {keyword} in one entry; leave a blank line between messages")
    later = [part for part in _ORDER[_ORDER.index(keyword) + 1 :] if part in entry.parts]
    if later:
        raise _Refused(f"{keyword} after {later[0]}; it comes before")
    entry.parts.setdefault(keyword, number)
    entry.last = keyword
    _add(entry, keyword, value)
    return entry


def _add(entry: _Entry, keyword: str, value: str) -> None:
    if keyword == "msgctxt":
        entry.context = (entry.context or "") + value
    elif keyword == "msgid":
        entry.id += value


def _close(entry: _Entry | None, seen: dict[tuple[str | None, str], int]) -> None:
    """Record a finished entry; refuse one without msgstr, or a message given twice."""
    if entry is None:
        return
    if "msgstr" not in entry.parts:
        _no_msgstr(entry)
    key = (entry.context, entry.id)
    first = seen.setdefault(key, entry.parts["msgid"])
    if first != entry.parts["msgid"]:
        shown = f"the message {entry.id!r}" + (
            f" (context {entry.context!r})" if entry.context is not None else ""
        )
        raise _Refused(
            f"{shown} is given twice (first on line {first}); keep one", entry.parts["msgid"]
        )


def _no_msgstr(entry: _Entry) -> None:
    line = entry.parts.get("msgid")
    where = f"the msgid on line {line}" if line else "the msgctxt"
    raise _Refused(f'{where} has no msgstr; add `msgstr ""` (empty: not translated)', line)


def _string(text: str) -> str:
    """The inside of one quoted string (escapes as written), or why it is not one."""
    found = _STRING.match(text)
    if found is None:
        raise _Refused('the string is not closed: end it with " on the same line')
    if found.end() != len(text):
        raise _Refused(f"text after the closing quote: {text[found.end() :]!r}")
    inside = found.group(1)
    for escape in re.finditer(r"\\.?", inside):
        if not _ESCAPE.match(inside, escape.start()):
            raise _Refused(
                f"the escape {escape.group()} is not one drafter reads "
                '(\\n, \\t, \\r, \\", \\\\); write a backslash as \\\\'
            )
    try:
        clean_text(inside)  # what no document can hold: control and direction characters
    except ValueError as exc:
        raise _Refused(f"the string {exc}") from None
    return inside
