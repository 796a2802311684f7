"""A Word file drafter wrote as blocks: first-page header, body, first-page footer."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import InputError, LimitError, Problem
from drafter.source import MAX_BYTES
from drafter.structure import Block, Span

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

__all__ = ["MAX_DOCX_BYTES", "MAX_DOCX_UNPACKED", "docx_blocks"]

MAX_DOCX_BYTES = 10 * MAX_BYTES
MAX_DOCX_UNPACKED = 5 * MAX_DOCX_BYTES
"""The most a Word file may unpack to (a zip bomb unpacks to gigabytes); drafter's: 100 kB."""


def docx_blocks(raw: bytes, path: Path) -> list[Block]:
    """The paragraphs of a Word file drafter wrote: first-page header, body, first-page footer."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        _check_unpacked_size(raw, path)
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        # lxml's XMLSyntaxError is a SyntaxError: broken XML, and entity bombs it will not expand
        message = f"{path} is not a Word document that can be read; is it a DOCX file?"
        raise InputError([Problem(message)]) from None
    section = document.sections[0]
    paragraphs = [
        *section.first_page_header.paragraphs,
        *document.paragraphs,
        *section.first_page_footer.paragraphs,
    ]
    blocks = [Block("p", (), "", _docx_spans(paragraph)) for paragraph in paragraphs]
    return [block for block in blocks if block.text.strip()]


def _check_unpacked_size(raw: bytes, path: Path) -> None:
    """A LimitError for a Word file whose parts unpack to over MAX_DOCX_UNPACKED bytes.

    Python's zipfile never unpacks more than the size a part declares, so the sum of the
    declared sizes bounds what reading the file takes.
    """
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        size = sum(info.file_size for info in package.infolist())
    if size > MAX_DOCX_UNPACKED:
        raise LimitError(
            f"{path} unpacks to {size:,} bytes; a release's Word file may unpack to at most "
            f"{MAX_DOCX_UNPACKED:,}. Is this the right file?"
        )


def _docx_spans(paragraph: Paragraph) -> tuple[Span, ...]:
    """A Word paragraph's runs and hyperlinks as spans, neighbours of one format merged."""
    from docx.text.hyperlink import Hyperlink

    spans: list[Span] = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        href = (item.url or None) if isinstance(item, Hyperlink) else None
        spans += [Span(run.text, bool(run.bold), bool(run.italic), href) for run in runs]
    return _merged(spans)


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.href) == (span.bold, span.italic, span.href):
            merged[-1] = Span(last.text + span.text, span.bold, span.italic, span.href)
        elif span.text:
            merged.append(span)
    return tuple(merged)
