"""Text extraction from each output format, independent of drafter's own parsing."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "reference" / "A-350-12_eu-russia-human-rights-consultations.txt"
REFERENCE_YAML = REPO / "examples" / "eu-russia-2012-07-24.yaml"

_BLOCK_TAGS = {"p", "h1", "h2", "h3", "li", "title", "div", "section", "header", "footer", "main"}


def normalise(text: str) -> str:
    """Words separated by single spaces; hyphens broken across PDF lines rejoined."""
    text = re.sub(r"(?<=\w)-\n(?=\w)", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def reference_blocks() -> list[str]:
    """The reference release's blocks, without the extraction's Markdown marks."""
    text = REFERENCE.read_text(encoding="utf-8")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("## ", "")
    # Blank lines separate blocks; a line ending in two spaces is a line break (Markdown).
    blocks = [normalise(block) for block in re.split(r"\n\s*\n| {2,}\n", text)]
    return [block for block in blocks if block and block != "---"]


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head"):
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head"):
            self._skip -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_blocks(data: bytes) -> list[str]:
    """The visible text of an HTML page, one entry per block."""
    parser = _HTMLText()
    parser.feed(data.decode("utf-8"))
    raw = re.split(r"\n\s*\n|\n", "".join(parser.parts))
    return [b for b in (re.sub(r"\s+", " ", part).strip() for part in raw) if b]


def html_text(data: bytes) -> str:
    return "\n".join(html_blocks(data))


def docx_blocks(data: bytes) -> list[str]:
    """Paragraph texts of a Word file: first-page header, body, then first-page footer."""
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    paragraphs = [
        *section.first_page_header.paragraphs,
        *document.paragraphs,
        *section.first_page_footer.paragraphs,
    ]
    return [normalise(p.text) for p in paragraphs if p.text.strip()]


def docx_text(data: bytes) -> str:
    return "\n".join(docx_blocks(data))


def pdf_text(data: bytes) -> str:
    """The PDF's text, without the page numbers of pages after the first."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        text = (page.extract_text() or "").rstrip()
        if number > 1:
            text = re.sub(rf"\n?{number}$", "", text)
        pages.append(text)
    return "\n".join(pages)
