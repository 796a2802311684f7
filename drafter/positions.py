"""The lines of problems found after loading (when rendering), read back from the release file.

A problem found while rendering names its field in the language version being rendered
(`issuer`); in the file that field is at the top level, or under `translations.<code>` for
a translated text. This finds it, so the message can name the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from drafter.errors import DrafterError, InputError, Problem
from drafter.source import FieldPath, Source, dotted

__all__ = ["field_path", "locate"]

_PART = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def field_path(dotted: str) -> FieldPath:
    """A dotted field path (`contacts.people[0].email`) as a path of keys and indexes."""
    return tuple(
        int(index) if index else name for index, name in _PART.findall(dotted) if index or name
    )


def locate(error: InputError, source: str | Path | None, language: str | None) -> InputError:
    """`error` with the file's name and each problem's line, when `source` (a file) is given.

    `language` is the code of a translation being rendered (None for the file's own).
    """
    if source is None or error.source:
        return error
    from drafter.loading import read_source

    try:
        parsed = read_source(Path(source))
    except DrafterError:  # the file changed since it was read: keep the error as it is
        return error
    return InputError([_located(p, parsed, language) for p in error.problems], parsed.name)


def _located(problem: Problem, parsed: Source, language: str | None) -> Problem:
    if problem.line is not None or not problem.field:
        return problem
    path = field_path(problem.field)
    candidates = [("translations", language, *path)] if language else []
    for candidate in [*candidates, path]:
        if candidate in parsed.positions:
            line, column = parsed.positions[candidate]
            return replace(problem, field=dotted(candidate), line=line, column=column)
    return problem
