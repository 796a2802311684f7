"""Reading a release: a YAML file or text, or plain data, to a validated `Release`.

Every problem is reported at once, each with its field path and, for YAML, its line.
"""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from drafter.errors import InputError, OutputError, Problem
from drafter.schema import Release
from drafter.source import MAX_BYTES, Source, decode, dotted, parse_yaml

__all__ = ["load_release", "read_source", "validate_release"]


def read_source(source: str | Path | bytes) -> Source:
    """YAML from a path (a `Path`, or a `str` with no line break), YAML text or bytes."""
    if isinstance(source, bytes):
        return parse_yaml(decode(source))
    if isinstance(source, str) and "\n" in source:
        return parse_yaml(source)
    path = Path(source)
    return parse_yaml(decode(_read_bytes(path), str(path)), str(path))


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_file() and path.stat().st_size > MAX_BYTES:
            return path.read_bytes()[: MAX_BYTES + 1]
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(f"there is no file {path}")]) from None
    except IsADirectoryError:
        raise InputError([Problem(f"{path} is a folder, not a release file")]) from None
    except OSError as exc:
        raise OutputError(f"{path} cannot be read: {exc.strerror}") from None


def load_release(source: str | Path | bytes) -> Release:
    """A validated release from a YAML file path, YAML text or YAML bytes."""
    return validate_release(read_source(source))


def validate_release(source: Source | dict[str, Any]) -> Release:
    """A validated release from parsed YAML (with positions) or plain data (JSON, forms)."""
    if not isinstance(source, Source):
        source = Source(source)
    if source.data is None:
        message = "the file is empty; a release is a mapping of fields (see examples/)"
        raise InputError([Problem(message)], source.name)
    if not isinstance(source.data, dict):
        kind = "a list" if isinstance(source.data, list) else "a single value"
        message = f"the file holds {kind}; a release is a mapping of fields such as `date:`"
        raise InputError([Problem(message, line=1)], source.name)
    try:
        return Release.model_validate(source.data)
    except ValidationError as exc:
        problems = [_problem(error, source) for error in exc.errors(include_url=False)]
        raise InputError(_unique(problems), source.name) from None


def _problem(error: ErrorDetails, source: Source) -> Problem:
    loc = _clean_loc(error["loc"])
    message = _message(error, loc)
    position = source.position(loc)
    line, column = position if position else (None, None)
    return Problem(message, dotted(loc) or "(top level)", line, column)


def _clean_loc(loc: tuple[int | str, ...]) -> tuple[str | int, ...]:
    """The field path without pydantic's union and validator markers."""
    kept: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and (part.startswith(("function-", "tagged-union")) or "[" in part):
            continue
        kept.append(part)
    return tuple(kept)


def _message(error: ErrorDetails, loc: tuple[str | int, ...]) -> str:
    kind, text = error["type"], error["msg"]
    text = text.removeprefix("Value error, ")
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "literal_error":
        return f"must be one of: {text.split('Input should be ', 1)[-1]}"
    return text[:1].lower() + text[1:]


def _unknown_key(loc: tuple[str | int, ...]) -> str:
    key = str(loc[-1])
    known = _known_keys(loc[:-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"did you mean `{close[0]}`?" if close else f"known keys here: {', '.join(known)}"
    return f"`{key}` is not a known field; {hint}"


def _known_keys(loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the model found at `loc` inside a Release."""
    model: Any = Release
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
        field = model.model_fields.get(part)
        model = _model_in(field.annotation) if field else None
    if isinstance(model, type) and issubclass(model, BaseModel):
        return sorted(model.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """The model class inside list[...], X | None and Annotated[...] annotations."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    return [p for p in problems if not (p in seen or seen.add(p))]  # type: ignore[func-returns-value]
