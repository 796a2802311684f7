"""YAML text to plain data (mappings, lists, strings) with the line and column of every field.

Every scalar stays a string: the schema, not YAML, decides what is a date, a number or
text, so `no`, `1.10` or `+32 2 299 97 80` never silently change type. Only an empty plain
value (or `~`, `null`) stands for "not given". Anchors, aliases, tags and duplicate keys are
refused, which also rules out alias bombs.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import InputError, LimitError, Problem, UsageError
from drafter.fields import character_message

__all__ = [
    "MAX_BYTES",
    "FieldPath",
    "Source",
    "decode",
    "dotted",
    "not_a_file",
    "parse_yaml",
    "read_bytes",
]

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 100_000
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Characters a YAML reader refuses anywhere in a file (YAML 1.1, "printable" characters).
_UNREADABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_MAX_REPORTED = 20

FieldPath = tuple[str | int, ...]


@dataclass
class Source:
    """Plain data read from YAML, with the (line, column) where each field path starts."""

    data: Any
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    name: str = ""
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading that do not stop validation (duplicate keys)."""
    scalars: list[tuple[tuple[int, int], tuple[int, int], FieldPath]] = field(
        default_factory=list, repr=False
    )
    """Where each scalar starts and ends, with its field path."""

    def position(self, path: FieldPath) -> tuple[int, int] | None:
        """The position of `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return None


def _loader_class() -> type[yaml.SafeLoader]:
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


def too_big(name: str, size: int | None = None, limit: int = MAX_BYTES) -> LimitError:
    """The error for an input over `limit` bytes; `size` in bytes where it is known."""
    what = f"is {size:,} bytes" if size else "is too big"
    return LimitError(
        f"{name or 'the input'} {what}; such a file may be at most {limit:,} bytes. "
        "Is this the right file?"
    )


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def not_a_file(path: Path | str) -> str | None:
    """Why `path` cannot be read as a file (a folder, a pipe, a device), or None.

    A missing path, or one the system refuses, is None: opening it says what is wrong.
    """
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else _kind_message(path, mode)


def _kind_message(path: Path | str, mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"{path} is {kind}, not a regular file; name a file"


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file `path`; never more than `limit` are read.

    A folder, a named pipe or a device is refused with a UsageError naming it, at once
    (never waiting for a writer); a missing file is an InputError, a bigger one a LimitError.
    """
    wrong = not_a_file(path)
    if wrong:
        raise UsageError(wrong)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise InputError([Problem(f"there is no file {path}; check the name and folder")]) from None
    except OSError as exc:
        raise InputError([Problem(f"{path} cannot be read: {exc.strerror}")]) from None
    with os.fdopen(handle, "rb") as stream:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):  # replaced between the two looks
            raise UsageError(_kind_message(path, mode))
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise too_big(str(path), os.fstat(handle).st_size, limit)
        return raw


def decode(raw: bytes, name: str = "") -> str:
    """UTF-8 bytes to text, with a problem naming the first bad byte's line."""
    if len(raw) > MAX_BYTES:
        raise too_big(name, len(raw))
    wide = _wide_encoding(raw)
    if wide:
        message = f"the file is {wide} text; save it as UTF-8 (in most editors: Save As, UTF-8)"
        raise InputError([Problem(message, line=1, column=1)], name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw[: exc.start].count(b"\n") + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        byte = raw[exc.start]
        message = (
            f"the file is not UTF-8 text (byte 0x{byte:02X} cannot be read); "
            "save it as UTF-8 (in most editors: Save As, Encoding UTF-8)"
        )
        raise InputError([Problem(message, line=line, column=column)], name) from None


def _wide_encoding(raw: bytes) -> str | None:
    """The wide encoding ("UTF-32", "UTF-16") the bytes start in, else None.

    Known by a byte order mark, or by zero bytes between the letters of ASCII text.
    """
    zeros = tuple(byte == 0 for byte in raw[:4])
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or zeros in (
        (False, True, True, True),
        (True, True, True, False),
    ):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or zeros in (
        (False, True, False, True),
        (True, False, True, False),
    ):
        return "UTF-16"
    return None


def parse_yaml(text: str, name: str = "") -> Source:
    """Parse one YAML document into plain data and positions; raise InputError on bad YAML.

    Problems that do not stop the reading (a key given twice) are left in `Source.problems`
    for the caller to report with the schema's.
    """
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise too_big(name)
    if _UNREADABLE.search(text):
        raise InputError(_unreadable_problems(text, name), name)
    return _parse(text, name)


def _parse(text: str, name: str) -> Source:
    builder = _Builder(name)
    try:
        data = builder.build(yaml.parse(text, Loader=_loader_class()))
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # libyaml's own limit on [[[...]]]
            mark = exc.problem_mark
            line = mark.line + 1 if mark else 1
            raise _too_deep(name, line) from None
        raise InputError([_syntax_problem(exc, text)], name) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError([Problem(f"the YAML cannot be read: {first}", line=1)], name) from None
    except InputError as exc:  # raised while building, without the file's name
        raise InputError(exc.problems, name) from None
    return Source(data, builder.positions, name, builder.problems, builder.scalars)


def _too_deep(name: str, line: int) -> LimitError:
    return LimitError(
        f"{name or 'the input'}: the YAML is nested more than {MAX_DEPTH} levels deep "
        f"(line {line}); a release needs only a few levels"
    )


def _unreadable_problems(text: str, name: str) -> list[Problem]:
    """A problem for each character no YAML file may hold, naming the field it is in."""
    try:
        scalars = _parse(_UNREADABLE.sub("\ufffd", text), name).scalars
    except InputError:
        scalars = []
    problems = []
    for found in list(_UNREADABLE.finditer(text))[:_MAX_REPORTED]:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        where = next((path for start, end, path in scalars if start <= (line, column) < end), None)
        problems.append(
            Problem(
                character_message(found.group()),
                "" if where is None else dotted(where),
                line,
                column,
            )
        )
    return problems


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str = "") -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "the YAML cannot be read"
    if (
        "tab character" in problem
        or "'\\t'" in problem
        or "\t" in problem
        or (mark is not None and _tab_indented(text, mark.line, mark.column))
    ):
        message = "a tab character is used; YAML indents with spaces only: replace it with spaces"
    else:
        context = f" {exc.context}" if exc.context else ""
        message = (
            f"YAML syntax error: {problem}{context} (check the indentation, and put text that "
            "contains ': ' or starts with a symbol in quotes)"
        )
    if mark is None:
        return Problem(message, line=1)
    return Problem(message, line=mark.line + 1, column=mark.column + 1)


def _tab_indented(text: str, line: int, column: int) -> bool:
    """True when the indentation of `line` (0-based), up to `column`, holds a tab."""
    lines = text.split("\n", line + 1)
    if line >= len(lines):
        return False
    indent = re.match(r"[ \t]*", lines[line])
    return indent is not None and "\t" in indent.group()[: column + 1]


class _Builder:
    """Turns a stream of YAML events into plain data, recording positions."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.positions: dict[FieldPath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.scalars: list[tuple[tuple[int, int], tuple[int, int], FieldPath]] = []
        self._nodes = 0

    def build(self, events: Iterator[yaml.Event]) -> object:
        stream = _Peekable(events)
        stream.expect(yaml.StreamStartEvent)
        if stream.peek_is(yaml.StreamEndEvent):
            return None
        stream.expect(yaml.DocumentStartEvent)
        data = self._node(stream, (), 0)
        stream.expect(yaml.DocumentEndEvent)
        if not stream.peek_is(yaml.StreamEndEvent):
            event = stream.next()
            raise InputError([_at(event, "the file holds more than one YAML document (---)")])
        return data

    def _node(self, stream: _Peekable, path: FieldPath, depth: int) -> object:
        event = stream.next()
        self._check(event, path, depth)
        self.positions.setdefault(path, _mark(event))
        if isinstance(event, yaml.ScalarEvent):
            self._span(event, path)
            # The C parser reports a plain scalar's style as "", the Python one as None.
            if not event.style and event.tag is None and event.value in _NULLS:
                return None
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[object] = []
            while not stream.peek_is(yaml.SequenceEndEvent):
                items.append(self._node(stream, (*path, len(items)), depth + 1))
            stream.next()
            return items
        return self._mapping(stream, path, depth)

    def _mapping(self, stream: _Peekable, path: FieldPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not stream.peek_is(yaml.MappingEndEvent):
            key_event = stream.next()
            self._check(key_event, path, depth + 1)
            if not isinstance(key_event, yaml.ScalarEvent) or key_event.value == "":
                raise InputError([_at(key_event, "a key must be a plain name such as `date`")])
            key = key_event.value
            child = (*path, key)
            self._span(key_event, child)
            if key in result:
                first = self.positions[child][0]
                message = f"the key `{key}` is given twice (first on line {first}); keep one"
                self.problems.append(_at(key_event, message, dotted(child)))
                self._node(stream, (*path, f"{key}#duplicate"), depth + 1)
                continue
            self.positions[child] = _mark(key_event)
            result[key] = self._node(stream, child, depth + 1)
        stream.next()
        return result

    def _span(self, event: yaml.Event, path: FieldPath) -> None:
        """Remember where a scalar starts and ends, to name the field at a position."""
        if event.start_mark and event.end_mark:
            start, end = event.start_mark, event.end_mark
            self.scalars.append(
                ((start.line + 1, start.column + 1), (end.line + 1, end.column + 1), path)
            )

    def _check(self, event: yaml.Event, path: FieldPath, depth: int) -> None:
        self._nodes += 1
        line = _mark(event)[0]
        where = dotted(path)
        if depth > MAX_DEPTH:
            raise _too_deep(self.name, line)
        if self._nodes > MAX_NODES:
            raise LimitError(
                f"{self.name or 'the input'}: the YAML holds more than {MAX_NODES:,} values "
                f"(line {line}); is this the right file?"
            )
        if isinstance(event, yaml.AliasEvent):
            raise InputError(
                [_at(event, "aliases (*name) are not allowed; write the value out", where)]
            )
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise InputError(
                [_at(event, "anchors (&name) are not allowed; write the value out", where)]
            )
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.NodeEvent) and tag not in (None, "!"):
            shown = str(tag).replace("tag:yaml.org,2002:", "!!", 1)
            message = f"YAML tags ({shown}) are not allowed; remove the tag and write a plain value"
            raise InputError([_at(event, message, where)])


class _Peekable:
    def __init__(self, events: Iterator[yaml.Event]) -> None:
        self._events = events
        self._next: yaml.Event | None = None

    def peek(self) -> yaml.Event:
        if self._next is None:
            self._next = next(self._events)
        return self._next

    def peek_is(self, kind: type[yaml.Event]) -> bool:
        return isinstance(self.peek(), kind)

    def next(self) -> yaml.Event:
        event = self.peek()
        self._next = None
        return event

    def expect(self, kind: type[yaml.Event]) -> None:
        event = self.next()
        if not isinstance(event, kind):
            raise InputError([_at(event, "unexpected YAML structure")])


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (0, 0)


def _at(event: yaml.Event, message: str, where: str = "") -> Problem:
    line, column = _mark(event)
    return Problem(message, where, line or None, column or None)


def dotted(path: FieldPath) -> str:
    """A field path as officers read it: `contacts[0].email`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
