"""Which characters of a release the house's PDF fonts cannot draw.

WeasyPrint draws a character no font has as a blank and only logs a warning; drafter
refuses such text instead, naming the field and the characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from drafter.errors import Problem, TemplateError
from drafter.source import FieldPath, dotted
from drafter.templating import House

__all__ = ["missing_glyphs"]

# Spaces and invisible format characters need no glyph of their own.
_NO_GLYPH = frozenset({"Zs", "Zl", "Zp", "Cf", "Cc"})


@lru_cache(maxsize=16)
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # WeasyPrint's dependency; loaded only for PDFs

    try:
        with TTFont(path, lazy=True) as font:
            return frozenset(font.getBestCmap() or {})
    except Exception as exc:  # fontTools fails in many ways on a file that is no font
        raise TemplateError(f"the font {path} cannot be read: {exc}") from None


def _font_files(house: House) -> list[str]:
    """The house's `[fonts] files`, checked for their shape."""
    fonts = house.config.get("fonts", {})
    files = fonts.get("files", []) if isinstance(fonts, dict) else None
    if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
        raise TemplateError(
            f"house.toml of {house.name}: fonts.files must be a list of font files, such as "
            '["fonts/LiberationSans-Regular.ttf"], in a [fonts] table'
        )
    return files


def _coverage(house: House) -> frozenset[int]:
    covered: set[int] = set()
    for name in _font_files(house):
        path = house.find(name)
        if path is None:
            raise TemplateError(f"house.toml of {house.name}: the font {name} is not in the house")
        covered |= _cmap(path)
    return frozenset(covered)


def _texts(value: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every piece of text in a model, with its field path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def missing_glyphs(release: BaseModel, house: House) -> list[Problem]:
    """A problem for each field holding characters none of the house's PDF fonts draws."""
    covered = _coverage(house)
    if not covered:
        return []
    problems = []
    for path, text in _texts(release):
        missing = sorted(
            {c for c in text if ord(c) not in covered and unicodedata.category(c) not in _NO_GLYPH}
        )
        if missing:
            shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing[:5])
            more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
            message = (
                f"the PDF fonts cannot draw {shown}{more}; write the text without them, "
                "or make only the HTML and DOCX"
            )
            problems.append(Problem(message, dotted(path)))
    return problems
