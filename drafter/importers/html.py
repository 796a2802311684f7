"""The paragraphs of a release's web page (lxml): drafter's own, the Council's, the EEAS's.

The page's blocks are its paragraphs, headings, list items and the other block elements
that hold text directly (a date in a `<div>`), in reading order, with bold, italics and
links as runs; a line break (`<br>`) starts a new block. The site around the release is
left out: scripts, styles, navigation, forms, pictures, and a page header or footer that
holds neither a date nor a contact (drafter's own hold the release's date line and contacts).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from drafter.errors import InputError, Problem
from drafter.importers.spans import stripped
from drafter.source import decode
from drafter.structure import Block, Span, _fold

__all__ = ["html_blocks"]

_SKIP = frozenset(
    {
        "head", "script", "style", "noscript", "template", "nav", "form", "button", "select",
        "iframe", "svg", "img", "picture", "video", "audio", "canvas", "aside", "object",
    }
)  # fmt: skip
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
        "u", "var", "wbr", "label",
    }
)  # fmt: skip
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em", "cite"})
_SPACE = re.compile(r"[ \t\n\r\f]+")
_RELEASE_PART = re.compile(r"@|\+\d|P R E S S|FOR FURTHER DETAILS|\b(?:19|20)\d\d\b", re.I)
"""What a header or footer of the release holds (contacts, the date line), not the site's."""


def html_blocks(raw: bytes, path: Path) -> list[Block]:
    """The release's paragraphs in reading order, from its HTML page."""
    import lxml.html  # type: ignore[import-untyped]
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(decode(raw, str(path)))
    except (etree.ParserError, ValueError):
        message = f"{path} is not a web page that can be read; is it an HTML file?"
        raise InputError([Problem(message)]) from None
    reader = _Reader(own=bool(root.xpath('//meta[@name="generator"][@content="drafter"]')))
    reader.element(root, (False, False, None))
    reader.flush()
    return reader.blocks


class _Reader:
    """Walks the page, gathering the text of each block element as runs."""

    def __init__(self, *, own: bool) -> None:
        self.own = own
        """Whether drafter wrote the page: its header and footer are the release's."""
        self.blocks: list[Block] = []
        self.spans: list[Span] = []

    def flush(self) -> None:
        """End the block being gathered."""
        spans = _trimmed(self.spans)
        if spans:
            self.blocks.append(Block("p", (), "", spans))
        self.spans = []

    def text(self, text: str | None, form: tuple[bool, bool, str | None]) -> None:
        """Add text in the formatting `form` (bold, italic, link)."""
        if text:
            self.spans.append(Span(_SPACE.sub(" ", text), *form))

    def element(self, element: Any, form: tuple[bool, bool, str | None]) -> None:  # noqa: ANN401
        """Read an element and its children, then the text that follows it."""
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag and not self._skipped(element, tag):
            self._inside(element, tag, form)
        self.text(element.tail, form)

    def _skipped(self, element: Any, tag: str) -> bool:  # noqa: ANN401
        if tag in _SKIP or element.get("hidden") is not None:
            return True
        if element.get("aria-hidden") == "true":
            return True
        if tag in ("header", "footer") and not self.own:
            return not _RELEASE_PART.search(element.text_content()) and _site_part(element)
        return False

    def _inside(self, element: Any, tag: str, form: tuple[bool, bool, str | None]) -> None:  # noqa: ANN401
        if tag == "br":
            self.flush()
            return
        block = tag not in _INLINE
        if block:
            self.flush()
        bold, italic, href = form
        inner = (
            bold or tag in _BOLD,
            italic or tag in _ITALIC,
            (element.get("href") or None) if tag == "a" else href,
        )
        self.text(element.text, inner)
        for child in element:
            self.element(child, inner)
        if block:
            self.flush()


def _site_part(element: Any) -> bool:  # noqa: ANN401
    """Whether a header or footer is the site's (outside the article), not the release's."""
    parent = element.getparent()
    while parent is not None:
        if parent.tag in ("article", "main"):
            return False
        parent = parent.getparent()
    return True


def _trimmed(spans: list[Span]) -> tuple[Span, ...]:
    """The runs folded as a browser shows them, without the block's outer white space."""
    return stripped(list(_fold(spans)))
