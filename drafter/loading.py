"""Reading a release: a YAML file or text, or plain data, to a validated `Release`.

Every problem is reported at once, each with its field path and, for YAML, its line.
"""

from __future__ import annotations

import difflib
import logging
import re
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from drafter.errors import InputError, Problem, UsageError
from drafter.schema import Release
from drafter.source import Source, decode, dotted, parse_yaml, read_bytes

__all__ = [
    "RELEASE_SUFFIXES",
    "known_keys",
    "load_release",
    "load_source",
    "problem_of",
    "read_bytes",
    "read_source",
    "release_files",
    "validate_release",
]


RELEASE_SUFFIXES = (".yaml", ".yml")
logger = logging.getLogger(__name__)


def release_files(folder: Path) -> list[Path]:
    """The release files of a folder (`*.yaml`, `*.yml`, not hidden), by name; no sub-folders."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix in RELEASE_SUFFIXES and not path.name.startswith(".") and path.is_file()
    )


def read_source(
    source: str | Path | bytes | None = None, *, text: str | bytes | None = None
) -> Source:
    """YAML from a path, or from `text` (a str or UTF-8 bytes), which is never taken for a path.

    A positional `str` with a line break, or `bytes`, is read as YAML text too (the older
    form); any other `str` is a path.
    """
    if text is not None:
        if source is not None:
            raise UsageError("give either the release file's path or text=, not both")
        return parse_yaml(decode(text) if isinstance(text, bytes) else text)
    if source is None:
        raise UsageError("give the release file's path, or its YAML as text=")
    if isinstance(source, bytes):
        return parse_yaml(decode(source))
    if isinstance(source, str) and "\n" in source:
        return parse_yaml(source)
    path = Path(source)
    return parse_yaml(decode(read_bytes(path), str(path)), str(path))


def load_release(
    source: str | Path | bytes | None = None,
    *,
    text: str | bytes | None = None,
    house: str | Path | None = None,
) -> Release:
    """A validated release from a YAML file's path, or from YAML `text` (str or bytes).

    `load_release("round.yaml")` reads the file; `load_release(text=yaml)` reads the text
    and never looks for a file. The release is checked against what its house needs:
    `house` (a name or folder), else the house the release names, else the default house.
    """
    return load_source(source, text=text, house=house)[1]


def load_source(
    source: str | Path | bytes | None = None,
    *,
    text: str | bytes | None = None,
    house: str | Path | None = None,
) -> tuple[Source, Release, list[Problem]]:
    """The parsed YAML (with each field's line), its validated release, and warnings.

    The warnings (a shared contact not valid on the release's date) are also logged.
    """
    from drafter.contacts_book import resolve_contacts

    parsed = read_source(source, text=text)
    path = Path(parsed.name) if parsed.name else None  # named only when read from a file
    try:
        warnings = resolve_contacts(parsed, path)
    except InputError as exc:
        raise _with_other_problems(exc, parsed, house) from None
    for warning in warnings:
        logger.warning("%s: %s", parsed.name or "the release", warning)
    return parsed, validate_release(parsed, house=house), warnings


def _with_other_problems(error: InputError, source: Source, house: str | Path | None) -> InputError:
    """The shared contacts' problems, and beside them every other problem of the release."""
    from drafter.contacts_book import contact_keys

    keys = {dotted(("contacts", "people", index)) for index, _ in contact_keys(source.data)}
    try:
        validate_release(source, house=house)
    except InputError as other:  # a key left in place is no person: reported already
        rest = [problem for problem in other.problems if problem.field not in keys]
        return InputError(_in_order(_unique([*error.problems, *rest])), error.source)
    return error


def validate_release(
    source: Source | dict[str, Any], *, house: str | Path | None = None
) -> Release:
    """A validated release from parsed YAML (with positions) or plain data (JSON, forms).

    `house` is as for `load_release`.
    """
    if not isinstance(source, Source):
        source = Source(source)
    line, column = source.position(()) or (1, None)
    if source.data is None:
        message = "the file is empty; a release is a mapping of fields (see examples/)"
        raise InputError([Problem(message, line=1)], source.name)
    if not isinstance(source.data, dict):
        kind = "a list" if isinstance(source.data, list) else "a single value"
        message = f"the file holds {kind}; a release is a mapping of fields such as `date:`"
        raise InputError([Problem(message, line=line, column=column)], source.name)
    problems = list(source.problems)
    release = None
    try:
        release = Release.model_validate(source.data)
    except ValidationError as exc:
        problems += [_problem(error, source) for error in exc.errors(include_url=False)]
    if release is not None and release.translations:
        from drafter.languages import translation_problems

        problems += translation_problems(release, source)
    if problems or release is None:
        raise InputError(_in_order(_unique(problems)), source.name)
    problems = _house_problems(release, house, source)
    if problems:
        raise InputError(_in_order(problems), source.name)
    return release


def _house_problems(release: Release, house: str | Path | None, source: Source) -> list[Problem]:
    """What the house asks of the release and it lacks, with the field's line."""
    from drafter.houses import DEFAULT_HOUSE, declared_house, house_problems

    try:
        # a release file names a house, never a folder: only the command line may
        chosen = declared_house(house or release.house or DEFAULT_HOUSE, folders=house is not None)
    except UsageError as exc:
        if house is not None:
            raise
        return [_at(("house",), str(exc), source)]
    return [_at(path, message, source) for path, message in house_problems(release, chosen)]


def _at(loc: tuple[str | int, ...], message: str, source: Source) -> Problem:
    line, column = source.position(loc) or (None, None)
    return Problem(message, dotted(loc), line, column)


def problem_of(error: ErrorDetails, source: Source) -> Problem:
    """The officer's problem for one pydantic error, with its field and YAML position."""
    return _problem(error, source)


def known_keys(loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the model found at `loc` inside a Release."""
    return _known_keys(loc)


def _problem(error: ErrorDetails, source: Source) -> Problem:
    loc = _clean_loc(error["loc"], source.data)
    message = _message(error, loc)
    position = source.position(loc)
    line, column = position if position else (None, None)
    return Problem(message, dotted(loc) or "(top level)", line, column)


def _clean_loc(loc: tuple[int | str, ...], data: object = None) -> tuple[str | int, ...]:
    """The field path without pydantic's union and validator markers.

    A part that is a key (or index) of `data` there is the user's, whatever it looks like
    (a key `a[0]` is no marker).
    """
    kept: list[str | int] = []
    node = data
    for part in loc:
        if _holds(node, part):
            node = node[part]  # type: ignore[index]  # _holds checked the type
        elif isinstance(part, str) and (
            part.startswith(("function-", "tagged-union")) or "[" in part
        ):
            continue
        else:
            node = None
        kept.append(part)
    return tuple(kept)


def _holds(node: object, part: str | int) -> bool:
    """True when `part` is a key of the mapping, or an index of the list, `node`."""
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


_KINDS = {"dict": "a group of fields", "list": "a list", "str": "text"}


def _message(error: ErrorDetails, loc: tuple[str | int, ...]) -> str:
    """The officer's message for one pydantic error: what is wrong and how to fix it."""
    kind, text, ctx = error["type"], error["msg"], error.get("ctx", {})
    value = error["input"]
    text = text.removeprefix("Value error, ")
    if kind == "missing":
        return _missing(loc)
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    if kind == "literal_error":
        return f"must be one of: {text.split('Input should be ', 1)[-1]}"
    if value is None and kind.endswith("_type"):
        return "is empty; write a value here"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        known = ", ".join(f"`{key}:`" for key in _known_keys(loc))
        fields = f" ({known})" if known else ""
        return (
            f"must be a group of fields{fields}, not {_kind(value)}: write them on the "
            "lines below it, indented"
        )
    if kind == "list_type":
        return f"must be a list, one `- ` item per line, not {_kind(value)}"
    if kind == "string_type":
        return f"must be text, not {_kind(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number in figures, such as 15"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return "is not a date; write it as YYYY-MM-DD, such as 2012-07-24"
    if kind in ("greater_than_equal", "less_than_equal"):
        return _out_of_range(kind, ctx)
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        length = f" (it has {len(value):,})" if isinstance(value, str) else ""
        return f"is too long: at most {ctx['max_length']:,} characters{length}; shorten it"
    if kind == "too_long":
        return f"has too many entries: at most {ctx['max_length']}"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} entry; add one or leave the field out"
    text = text.replace("Input should be", "must be", 1)
    return text[:1].lower() + text[1:]


def _kind(value: object) -> str:
    return _KINDS.get(type(value).__name__, "a single value")


def _out_of_range(kind: str, ctx: dict[str, Any]) -> str:
    bound = ctx.get("ge") if kind == "greater_than_equal" else ctx.get("le")
    shown = re.fullmatch(r"datetime\.date\((\d+), (\d+), (\d+)\)", str(bound))
    if shown:  # pydantic gives date bounds as their repr
        bound = date(*(int(part) for part in shown.groups()))
    if isinstance(bound, date):
        side = "after" if kind == "greater_than_equal" else "before"
        return f"must be on or {side} {bound.isoformat()}; check the year"
    side = "least" if kind == "greater_than_equal" else "most"
    return f"must be at {side} {bound}"


def _missing(loc: tuple[str | int, ...]) -> str:
    key = str(loc[-1]) if loc else ""
    description = _description(loc)
    about = f" ({description[:1].lower()}{description[1:].rstrip('.')})" if description else ""
    return f"is required but missing; add `{key}:`{about}"


def _description(loc: tuple[str | int, ...]) -> str:
    """The schema's description of the field at `loc`, if it has one."""
    if not loc or isinstance(loc[-1], int):
        return ""
    model = _model_at(loc[:-1])
    field = model.model_fields.get(str(loc[-1])) if model else None
    return (field.description or "") if field else ""


def _unknown_key(loc: tuple[str | int, ...]) -> str:
    if not loc:
        return "is not a known field"
    key = str(loc[-1])
    known = _known_keys(loc[:-1])
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"did you mean `{close[0]}`?" if close else f"known keys here: {', '.join(known)}"
    return f"`{key}` is not a known field; {hint}"


def _known_keys(loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the model found at `loc` inside a Release."""
    model = _model_at(loc)
    return sorted(model.model_fields) if model else []


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class found at `loc` inside a Release, or None."""
    model: type[BaseModel] | None = Release
    for part in loc:
        if isinstance(part, int):
            continue
        if model is None:
            return None
        field = model.model_fields.get(part)
        model = _model_in(field.annotation) if field else None
    return model


def _model_in(annotation: object) -> type[BaseModel] | None:
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


def _in_order(problems: list[Problem]) -> list[Problem]:
    """Problems in the order of the file's lines; those without a line last."""
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0, p.column or 0))
