"""The paragraphs of a Word file of any maker (Word, LibreOffice, pandoc), with python-docx.

Read in the order a reader sees the first page: the page header (the first page's, when it
has its own), the body's paragraphs and the paragraphs of its tables' cells, then the page
footer. A line break in a paragraph starts a new block (a date line and a reference typed
as two lines of one paragraph); the styles' names and looks play no part.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from drafter.errors import InputError, LimitError, Problem
from drafter.importers.spans import merged_spans, stripped
from drafter.source import MAX_BYTES
from drafter.structure import Block, Span

__all__ = ["MAX_DOCX_BYTES", "MAX_DOCX_UNPACKED", "docx_blocks", "open_docx"]

MAX_DOCX_BYTES = 10 * MAX_BYTES
"""The most a Word file may weigh."""
MAX_DOCX_UNPACKED = 5 * MAX_DOCX_BYTES
"""The most a Word file may unpack to (a zip bomb unpacks to gigabytes); drafter's: 100 kB."""


def docx_blocks(raw: bytes, path: Path) -> list[Block]:
    """The paragraphs of a Word file, header first, footer last."""
    document = open_docx(raw, path)
    section = document.sections[0]
    first = section.different_first_page_header_footer
    header = section.first_page_header if first else section.header
    footer = section.first_page_footer if first else section.footer
    paragraphs = [
        *(_paragraphs(header) if not header.is_linked_to_previous else []),
        *_paragraphs(document),
        *(_paragraphs(footer) if not footer.is_linked_to_previous else []),
    ]
    return [block for paragraph in paragraphs for block in _blocks(paragraph)]


def open_docx(raw: bytes, path: Path) -> Any:  # noqa: ANN401 - python-docx is untyped
    """The python-docx document of a Word file's bytes; an InputError if it is none."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        _check_unpacked_size(raw, path)
        return docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        # lxml's XMLSyntaxError is a SyntaxError: broken XML, and entity bombs it will not expand
        message = f"{path} is not a Word document that can be read; is it a DOCX file?"
        raise InputError([Problem(message)]) from None


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


def _paragraphs(container: Any) -> Iterator[Any]:  # noqa: ANN401 - python-docx is untyped
    """The paragraphs of a document, header or cell, those of its tables in their place."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in _unique(row.cells):
                    yield from _paragraphs(cell)
        else:
            yield item


def _unique(cells: list[Any]) -> list[Any]:
    """A row's cells, a merged cell once."""
    seen: list[Any] = []
    for cell in cells:
        if not any(cell._tc is other._tc for other in seen):
            seen.append(cell)
    return seen


def _blocks(paragraph: Any) -> list[Block]:  # noqa: ANN401
    """A paragraph as blocks: one a line, its runs and links as spans."""
    from docx.text.hyperlink import Hyperlink

    lines: list[list[Span]] = [[]]
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        href = (item.url or None) if isinstance(item, Hyperlink) else None
        for run in runs:
            parts = run.text.replace("\t", " ").split("\n")
            for number, part in enumerate(parts):
                if number:
                    lines.append([])
                if part:
                    lines[-1].append(Span(part, bool(run.bold), bool(run.italic), href))
    blocks = [Block("p", (), "", stripped(merged_spans(spans))) for spans in lines]
    return [block for block in blocks if block.text.strip()]
