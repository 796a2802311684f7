"""The writers, one module per output format, each turning the house's HTML into bytes.

A writer module is imported only when its format is asked for, so commands that do not
render never load WeasyPrint or python-docx.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Literal, get_args

from drafter.errors import UsageError
from drafter.templating import House

__all__ = ["FORMATS", "Format", "writer"]

Format = Literal["html", "pdf", "docx"]
FORMATS: tuple[Format, ...] = get_args(Format)

Writer = Callable[[str, House], bytes]


def writer(fmt: str) -> Writer:
    """The function that writes `fmt` ("html", "pdf" or "docx")."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"drafter.writers.{fmt}")
    function: Writer = getattr(module, f"write_{fmt}")
    return function
