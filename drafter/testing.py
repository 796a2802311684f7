"""Checks for house authors: every example renders through a house, and the formats agree.

`check_house("my-house", paths)` renders each release file through the house as HTML, PDF
and DOCX and returns what it found wrong (an empty list when all is well): a release the
house refuses or fails on, and any word one format shows that another does not. The text
readers here (`html_blocks`, `docx_blocks`, `pdf_text`) read the files back independently
of the writers. The PDF is read with pypdf: `pip install "drafter-press[testing]"`.
"""

from __future__ import annotations

import html
import io
import re
from collections import Counter
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

from drafter.errors import DrafterError

__all__ = [
    "check_house",
    "docx_blocks",
    "docx_text",
    "html_blocks",
    "html_text",
    "normalise",
    "pdf_text",
]

_BLOCK_TAGS = {"p", "h1", "h2", "h3", "li", "title", "div", "section", "header", "footer", "main"}
_HIDDEN_TAGS = ("style", "script", "head")


def normalise(text: str) -> str:
    """Words separated by single spaces; hyphens broken across PDF lines rejoined."""
    text = re.sub(r"(?<=\w)-\n(?=\w)", "-", text)
    return re.sub(r"\s+", " ", text).strip()


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
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
    """The visible text of an HTML page, a block a line."""
    return "\n".join(html_blocks(data))


def docx_blocks(data: bytes) -> list[str]:
    """Paragraph texts of a Word file: first-page header, body, then first-page footer."""
    import docx

    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    paragraphs = [
        *section.first_page_header.paragraphs,
        *document.paragraphs,
        *section.first_page_footer.paragraphs,
    ]
    return [normalise(p.text) for p in paragraphs if p.text.strip()]


def docx_text(data: bytes) -> str:
    """The text of a Word file, a paragraph a line."""
    return "\n".join(docx_blocks(data))


def pdf_text(data: bytes) -> str:
    """The PDF's text, without the page numbers of pages after the first."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        text = (page.extract_text() or "").rstrip()
        if number > 1:
            text = re.sub(rf"\n?{number}$", "", text)
        pages.append(text)
    return "\n".join(pages)


def _words(text: str) -> Counter[str]:
    return Counter(normalise(text).split(" ")) if text.strip() else Counter()


def page_marks(data: bytes) -> Counter[str]:
    """The words the HTML asks to repeat on every page (`data-mark`, such as DRAFT)."""
    marks = re.findall(rb'data-mark="([^"]*)"', data)
    return _words(" ".join(html.unescape(mark.decode("utf-8")) for mark in marks))


def _differences(example: str, texts: dict[str, str], marks: Counter[str]) -> list[str]:
    """Where a format's words are not the HTML's (each format compared with the HTML).

    The PDF may repeat the page marks (a draft's watermark) on every page.
    """
    problems = []
    expected = _words(texts["html"])
    for fmt in ("pdf", "docx"):
        other = _words(texts[fmt])
        missing, extra = expected - other, other - expected
        extra = Counter({word: n for word, n in extra.items() if word not in marks})
        if missing:
            problems.append(f"{example}: the {fmt} lacks {sorted(missing.elements())}")
        if extra:
            problems.append(f"{example}: the {fmt} adds {sorted(extra.elements())}")
    return problems


def check_house(
    house: str | Path, examples: Iterable[str | Path], *, templates: str | Path | None = None
) -> list[str]:
    """Render every example through `house` in the three formats; return what is wrong.

    `house` is a house's name or folder, `templates` an optional folder searched before it.
    An example the house refuses, or a word that one format shows and another does not, is
    one line each; an empty list means every example rendered and the formats agree.
    """
    from drafter.loading import load_release
    from drafter.rendering import render_all

    problems: list[str] = []
    checked = 0
    for example in examples:
        checked += 1
        try:
            release = load_release(Path(example), house=house)
            outputs = render_all(release, templates=templates, house=house)
        except DrafterError as exc:
            said = str(exc)
            problems.append(said if said.startswith(f"{example}:") else f"{example}: {said}")
            continue
        texts = {
            "html": html_text(outputs["html"]),
            "pdf": pdf_text(outputs["pdf"]),
            "docx": docx_text(outputs["docx"]),
        }
        problems += _differences(str(example), texts, page_marks(outputs["html"]))
    if not checked:
        problems.append("no examples were given")
    return problems
