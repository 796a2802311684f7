"""The block structure of the house's semantic HTML: what the DOCX writer maps to Word.

Blocks are the paragraphs, headings and list items of the document, each with the region
it belongs to (header, main or footer), its classes and its runs of formatted text.
Whitespace is folded as a browser folds it, so every format shows the same words.
Pictures (an inline <svg> or an <img> outside a paragraph) are blocks too, with no text
and their accessible name as `alt`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["FIGURE_TAGS", "Block", "Document", "Span", "parse_document"]

_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li"})
FIGURE_TAGS = frozenset({"svg", "img"})
_REGION_TAGS = frozenset({"header", "footer", "main"})
_SKIP_TAGS = frozenset({"style", "script", "template"})
_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph-level element of the document."""

    tag: str
    classes: tuple[str, ...]
    region: str
    spans: tuple[Span, ...]
    alt: str = ""

    @property
    def text(self) -> str:
        """The block's words."""
        return "".join(span.text for span in self.spans)

    @property
    def is_figure(self) -> bool:
        """Whether the block is a picture (its name is `alt`) rather than text."""
        return self.tag in FIGURE_TAGS


@dataclass
class Document:
    """What a writer needs of the HTML: metadata and blocks in order."""

    title: str = ""
    language: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)


def class_text(blocks: list[Block], name: str) -> str | None:
    """The text of the first block with the class `name`, if there is one."""
    return next((block.text for block in blocks if name in block.classes), None)


def parse_document(html: str) -> Document:
    """The house HTML as a Document."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.document


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.document = Document()
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._spans: list[Span] | None = None
        self._block: tuple[str, tuple[str, ...], str] | None = None
        self._title: list[str] | None = None
        self._skip = 0
        self._svg = 0  # depth inside an <svg>, whose text is not the document's

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in FIGURE_TAGS and self._block is None and not self._svg:
            self._add_figure(tag, values)
        if tag == "svg":
            self._svg += 1
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif not self._svg:
            self._read_tag(tag, values)
        if tag in _BLOCK_TAGS and self._block is None:
            self._block = (tag, tuple(values.get("class", "").split()), self._region())
            self._spans = []
        if tag not in {"meta", "br", "link", "img", "hr", "input"}:
            self._stack.append((tag, values))

    def _read_tag(self, tag: str, values: dict[str, str]) -> None:
        """Title, language, metadata and line breaks."""
        if tag == "title":
            self._title = []
        elif tag == "html":
            self.document.language = values.get("lang", "")
        elif tag == "meta" and "name" in values:
            self.document.meta[values["name"]] = values.get("content", "")
        elif tag == "br" and self._spans is not None:
            self._spans.append(Span("\n", *self._format()))

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg = max(0, self._svg - 1)
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        if tag == "title" and self._title is not None:
            self.document.title = _SPACE.sub(" ", "".join(self._title)).strip()
            self._title = None
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break
        if self._block is not None and tag == self._block[0]:
            self._finish_block()

    def handle_data(self, data: str) -> None:
        if self._skip or self._svg:
            return
        if self._title is not None:
            self._title.append(data)
        elif self._spans is not None:
            self._spans.append(Span(data, *self._format()))

    def _format(self) -> tuple[bool, bool, str | None]:
        tags = [tag for tag, _ in self._stack]
        href = next((a.get("href") for tag, a in reversed(self._stack) if tag == "a"), None)
        bold = any(tag in ("strong", "b") for tag in tags)
        italic = any(tag in ("em", "i") for tag in tags)
        return bold, italic, href

    def _add_figure(self, tag: str, values: dict[str, str]) -> None:
        """A picture: its accessible name is aria-label, or an <img>'s alt."""
        alt = values.get("aria-label") or (values.get("alt", "") if tag == "img" else "")
        classes = tuple(values.get("class", "").split())
        name = _SPACE.sub(" ", alt).strip()
        self.document.blocks.append(Block(tag, classes, self._region(), (), name))

    def _region(self) -> str:
        return next((tag for tag, _ in reversed(self._stack) if tag in _REGION_TAGS), "main")

    def _finish_block(self) -> None:
        assert self._block is not None and self._spans is not None
        tag, classes, region = self._block
        spans = _fold(self._spans)
        if spans:
            self.document.blocks.append(Block(tag, classes, region, spans))
        self._block, self._spans = None, None


def _fold(spans: list[Span]) -> tuple[Span, ...]:
    """Spans with whitespace folded as in a browser and neighbours of one format merged."""
    folded: list[Span] = []
    previous_space = True
    for span in spans:
        text = _SPACE.sub(" ", span.text) if span.text != "\n" else "\n"
        if previous_space:
            text = text.lstrip(" ")
        if not text:
            continue
        previous_space = text.endswith((" ", "\n"))
        if folded and _same_format(folded[-1], span):
            last = folded.pop()
            text = last.text + text
        folded.append(Span(text, span.bold, span.italic, span.href))
    if folded and folded[-1].text.endswith(" "):
        last = folded.pop()
        if last.text.rstrip(" "):
            folded.append(Span(last.text.rstrip(" "), last.bold, last.italic, last.href))
    return tuple(folded)


def _same_format(one: Span, other: Span) -> bool:
    return (one.bold, one.italic, one.href) == (other.bold, other.italic, other.href)
