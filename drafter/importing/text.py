"""A release's text (as extracted from its PDF, with Markdown-like marks) as blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.structure import Block, Span

__all__ = ["text_blocks"]

_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")  # no nesting: linear time


def text_blocks(text: str) -> list[Block]:
    """Blocks of the release's text: blank lines (or a Markdown line break) separate them."""
    blocks = []
    for raw in _paragraphs(text):
        line = re.sub(r"\s+", " ", raw.replace("**", "")).strip()
        line = re.sub(r"^#+ ", "", line)
        if line and set(line) != {"-"}:
            blocks.append(Block("p", (), "", tuple(_markdown_spans(line))))
    return blocks


def _paragraphs(text: str) -> Iterator[str]:
    """The text's paragraphs: ended by a blank line, or by two spaces at a line's end."""
    lines: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            yield "\n".join(lines)
            lines = []
            continue
        lines.append(line)
        if line.endswith("  "):
            yield "\n".join(lines)
            lines = []
    yield "\n".join(lines)


def _markdown_spans(line: str) -> Iterator[Span]:
    """The text as spans: `[text](target)` is a link (none for `#`), the rest plain."""
    end = 0
    for link in _LINK.finditer(line):
        if link.start() > end:
            yield Span(line[end : link.start()])
        target = link[2] if link[2] not in ("", "#") else None
        yield Span(link[1], href=target)
        end = link.end()
    if end < len(line):
        yield Span(line[end:])
