"""The writers, one module per output format, each turning the house's HTML into bytes.

A writer module is imported only when its format is asked for, so commands that do not
render never load WeasyPrint or python-docx. `dates` dates the PDF and Word files;
`pdf_tags` is what drafter adds to WeasyPrint's PDF tags.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, get_args

from drafter.errors import UsageError

if TYPE_CHECKING:
    from drafter.templating import House

__all__ = [
    "ALL_FORMATS",
    "DEFAULT_PDF_VARIANT",
    "EXTRA_FORMATS",
    "FORMATS",
    "PDF_VARIANTS",
    "Format",
    "Writer",
    "check_pdf_variant",
    "writer",
]

Format = Literal["html", "pdf", "docx"]
FORMATS: tuple[Format, ...] = get_args(Format)
#: Formats written only when asked for: plain text for an e-mail body, and the e-mail itself
#: (text and HTML alternatives, the PDF attached).
EXTRA_FORMATS = ("txt", "eml")
ALL_FORMATS = (*FORMATS, *EXTRA_FORMATS)
_MODULES = {"txt": "text"}

#: The PDF flavours drafter makes, by WeasyPrint's names: tagged PDF/UA-1 (accessible) by
#: default, or a PDF/A level for the archive (tagged too).
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-2b", "pdf/a-2u", "pdf/a-2a", "pdf/a-3b", "pdf/a-3u", "pdf/a-3a")
DEFAULT_PDF_VARIANT = "pdf/ua-1"

Writer = Callable[[str, "House"], bytes]


def writer(fmt: str) -> Writer:
    """The function that writes `fmt` ("html", "pdf", "docx", "txt" or "eml")."""
    if fmt not in ALL_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(ALL_FORMATS)}")
    module = importlib.import_module(f"drafter.writers.{_MODULES.get(fmt, fmt)}")
    function: Writer = getattr(module, f"write_{fmt}")
    return function


def check_pdf_variant(variant: str) -> None:
    """Refuse a PDF variant drafter does not make, naming the ones it does."""
    if variant not in PDF_VARIANTS:
        choices = ", ".join(PDF_VARIANTS)
        raise UsageError(f"unknown PDF variant {variant!r}; choose one of {choices}")
