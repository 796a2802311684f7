"""YAML text to plain data (mappings, lists, strings) with the line and column of every field.

Every scalar stays a string: the schema, not YAML, decides what is a date, a number or
text, so `no`, `1.10` or `+32 2 299 97 80` never silently change type. Anchors, aliases,
tags and duplicate keys are refused, which also rules out alias bombs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from drafter.errors import InputError, LimitError, Problem

__all__ = ["MAX_BYTES", "FieldPath", "Source", "decode", "dotted", "parse_yaml"]

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 100_000
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

FieldPath = tuple[str | int, ...]


@dataclass
class Source:
    """Plain data read from YAML, with the (line, column) where each field path starts."""

    data: Any
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    name: str = ""

    def position(self, path: FieldPath) -> tuple[int, int] | None:
        """The position of `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return None


def _loader_class() -> type[yaml.SafeLoader]:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[no-any-return]


def decode(raw: bytes, name: str = "") -> str:
    """UTF-8 bytes to text, with a problem naming the first bad byte's line."""
    if len(raw) > MAX_BYTES:
        raise LimitError(
            f"{name or 'the input'} is {len(raw):,} bytes; a release file may be at most "
            f"{MAX_BYTES:,} bytes. Is this the right file?"
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError([Problem("the file is UTF-16 text; save it as UTF-8")], name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        message = (
            f"the file is not UTF-8 text (byte 0x{byte:02X} cannot be read); "
            "save it as UTF-8 (in most editors: Save As, Encoding UTF-8)"
        )
        raise InputError([Problem(message, line=line)], name) from None


def parse_yaml(text: str, name: str = "") -> Source:
    """Parse one YAML document into plain data and positions; raise InputError on bad YAML."""
    if len(text) > MAX_BYTES:
        raise LimitError(f"{name or 'the input'} is over {MAX_BYTES:,} characters")
    builder = _Builder(name)
    try:
        data = builder.build(yaml.parse(text, Loader=_loader_class()))
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_problem(exc)], name) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(f"the YAML cannot be read: {exc}")], name) from None
    if builder.problems:
        raise InputError(builder.problems, name)
    return Source(data, builder.positions, name)


def _syntax_problem(exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "the YAML cannot be read"
    if "'\\t'" in problem or "\t" in problem:
        problem = "a tab character is used; YAML indents with spaces only"
    else:
        context = f" {exc.context}" if exc.context else ""
        problem = f"YAML syntax error: {problem}{context}"
    hint = " (check the indentation and quote text that contains ': ' or starts with a symbol)"
    if mark is None:
        return Problem(problem + hint)
    return Problem(problem + hint, line=mark.line + 1, column=mark.column + 1)


class _Builder:
    """Turns a stream of YAML events into plain data, recording positions."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.positions: dict[FieldPath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self._nodes = 0

    def build(self, events: Iterator[yaml.Event]) -> Any:
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

    def _node(self, stream: _Peekable, path: FieldPath, depth: int) -> Any:
        event = stream.next()
        self._check(event, path, depth)
        self.positions.setdefault(path, _mark(event))
        if isinstance(event, yaml.ScalarEvent):
            if event.style is None and event.value in _NULLS:
                return None
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
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

    def _check(self, event: yaml.Event, path: FieldPath, depth: int) -> None:
        self._nodes += 1
        if self._nodes > MAX_NODES or depth > MAX_DEPTH:
            raise LimitError(f"{self.name or 'the input'}: the YAML is nested too deep or too large")
        where = dotted(path)
        if isinstance(event, yaml.AliasEvent):
            raise InputError([_at(event, "aliases (*name) are not allowed; write the value out", where)])
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise InputError([_at(event, "anchors (&name) are not allowed; write the value out", where)])
        if isinstance(event, yaml.NodeEvent) and getattr(event, "tag", None) not in (None, "!"):
            message = f"YAML tags ({event.tag}) are not allowed; write a plain value"  # type: ignore[attr-defined]
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
