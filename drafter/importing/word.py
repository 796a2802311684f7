"""A Word file drafter wrote as blocks: first-page header, body, first-page footer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.importers.docx import open_docx
from drafter.importers.spans import merged_spans
from drafter.structure import Block, Span

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

__all__ = ["docx_blocks"]


def docx_blocks(raw: bytes, path: Path) -> list[Block]:
    """The paragraphs of a Word file drafter wrote: first-page header, body, first-page footer."""
    document = open_docx(raw, path)
    section = document.sections[0]
    paragraphs = [
        *section.first_page_header.paragraphs,
        *document.paragraphs,
        *section.first_page_footer.paragraphs,
    ]
    blocks = [Block("p", (), "", _docx_spans(paragraph)) for paragraph in paragraphs]
    return [block for block in blocks if block.text.strip()]


def _docx_spans(paragraph: Paragraph) -> tuple[Span, ...]:
    """A Word paragraph's runs and hyperlinks as spans, neighbours of one format merged."""
    from docx.text.hyperlink import Hyperlink

    spans: list[Span] = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        href = (item.url or None) if isinstance(item, Hyperlink) else None
        spans += [Span(run.text, bool(run.bold), bool(run.italic), href) for run in runs]
    return tuple(merged_spans(spans))
