"""The plain-text writer: the release as the body of an e-mail, wrapped at 72 characters.

Built from the same HTML as the other formats: header, body, then the first page's footer
(contacts), as the release reads on paper, without the marks only paper needs (the "PRESS"
line, the language code in the corner). Each link's text is followed by a number, and
the addresses are listed at the end (`[1] http://...`); an e-mail address written out as
its own link text needs no number.
"""

from __future__ import annotations

import textwrap

from drafter.structure import Block, parse_document
from drafter.templating import House

__all__ = ["WIDTH", "paragraphs", "plain_text", "write_txt"]

WIDTH = 72
_ORDER = {"header": 0, "main": 1, "footer": 2}
_PAPER_ONLY = frozenset({"press-marker", "language-code"})


def write_txt(html: str, house: House) -> bytes:
    """The HTML document as UTF-8 plain text with the links listed at the end."""
    del house
    return plain_text(html).encode("utf-8")


def _blocks(html: str) -> list[Block]:
    """The text blocks in reading order: header, body, footer; no pictures or paper marks."""
    blocks = [
        block
        for block in parse_document(html).blocks
        if not block.is_figure and not _PAPER_ONLY.intersection(block.classes)
    ]
    return sorted(blocks, key=lambda block: _ORDER.get(block.region, 1))  # stable


def paragraphs(html: str) -> list[str]:
    """The text of each block, in reading order, unwrapped."""
    return [block.text for block in _blocks(html)]


def plain_text(html: str) -> str:
    """The HTML document's text, wrapped, one blank line between blocks, links at the end."""
    blocks = _blocks(html)
    links: list[str] = []
    text = ""
    for index, block in enumerate(blocks):
        if index:  # list items one a line, other blocks a blank line apart
            text += "\n" if block.tag == "li" == blocks[index - 1].tag else "\n\n"
        text += _wrap(_with_numbers(block, links), block)
    if links:
        listed = [f"[{number}] {link}" for number, link in enumerate(links, start=1)]
        text += "\n\n" + "\n".join(listed)
    return text + "\n"


def _with_numbers(block: Block, links: list[str]) -> str:
    """The block's text, each link followed by its number in `links`: `text [1]`."""
    parts = []
    for span in block.spans:
        parts.append(span.text)
        if span.href is None or span.href.removeprefix("mailto:") == span.text.strip():
            continue
        if span.href not in links:
            links.append(span.href)
        parts.append(f" [{links.index(span.href) + 1}]")
    return "".join(parts)


def _wrap(text: str, block: Block) -> str:
    """The text wrapped at WIDTH; list items as `- item`; words and addresses never broken."""
    prefix = "- " if block.tag == "li" else ""
    lines = text.split("\n")
    return "\n".join(
        textwrap.fill(
            line,
            WIDTH,
            initial_indent=prefix,
            subsequent_indent=" " * len(prefix),
            break_long_words=False,
            break_on_hyphens=False,
        )
        for line in lines
    )
