"""The paragraphs of a release's PDF, from the position of its lines (pdfminer.six).

pdfminer groups a page's lines into boxes by the space between them. A box is split where
a line ends short of the right margin although the next line's first word would have fitted
(a line break, not a wrapped line: the date line above the reference); a paragraph whose
last line on a page is full goes on at the top of the next page. Page numbers are left out;
bold and italics come from the fonts' names, links from the pages' link annotations.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from drafter.errors import InputError, Problem
from drafter.importers.spans import merged_spans, stripped
from drafter.structure import Block, Span

__all__ = ["pdf_blocks"]

_SPACE = re.compile(r"\s+")
_MAX_PAGES = 50


@dataclass
class _Line:
    x0: float
    x1: float
    top: float
    bottom: float
    spans: list[Span]

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


def pdf_blocks(raw: bytes, path: Path) -> list[Block]:
    """The release's paragraphs in reading order, from its PDF."""
    pages = [(_split(lines, right), right) for lines, right in _pages(raw, path)]
    for (parts, right), (following, _) in pairwise(pages):
        last = next((i for i in range(len(parts) - 1, -1, -1) if len(parts[i]) > 1), None)
        if last is None or not following:
            continue
        first = following[0][0]
        if abs(first.x0 - parts[last][-1].x0) < 2 and _full(parts[last][-1], right, first):
            following[0] = parts.pop(last) + following[0]  # the paragraph goes on overleaf
    blocks = [_block(lines) for parts, _ in pages for lines in parts]
    blocks = [block for block in blocks if block.text.strip()]
    if not blocks:
        message = (
            f"{path} has no text to read (a scanned page is a picture): import reads a PDF "
            "with text, such as one drafter or a word processor wrote"
        )
        raise InputError([Problem(message)])
    return blocks


def _pages(raw: bytes, path: Path) -> list[tuple[list[_Line], float]]:
    """Each page's lines, top to bottom, and the right edge of its paragraphs' text."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    pages = []
    try:
        links = _links(raw)
        layout = LAParams(boxes_flow=None)
        for number, page in enumerate(extract_pages(io.BytesIO(raw), laparams=layout)):
            if number >= _MAX_PAGES:
                break
            boxes = [
                _lines(box, links.get(number, [])) for box in page if isinstance(box, LTTextBox)
            ]
            lines = [line for box in boxes if not _page_number(box) for line in box]
            lines.sort(key=lambda line: (-line.top, line.x0))
            pages.append((lines, _right(lines)))
    except (PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        message = f"{path} is not a PDF that can be read ({type(exc).__name__}); is it a PDF file?"
        raise InputError([Problem(message)]) from None
    return pages


def _right(lines: list[_Line]) -> float:
    """The right edge of the text: where the longest lines of the commonest start end."""
    starts = [round(line.x0) for line in lines]
    left = max(set(starts), key=starts.count, default=0)
    ends = [line.x1 for line in lines if round(line.x0) == left]
    return max(ends, default=0.0)


def _links(raw: bytes) -> dict[int, list[tuple[tuple[float, float, float, float], str]]]:
    """Each page's link annotations: the rectangle and the address."""
    from pypdf import PdfReader

    found: dict[int, list[tuple[tuple[float, float, float, float], str]]] = {}
    try:
        reader = PdfReader(io.BytesIO(raw))
        for number, page in enumerate(reader.pages[:_MAX_PAGES]):
            for ref in page.get("/Annots") or []:
                annot: Any = ref.get_object()
                action = annot.get("/A") or {}
                if annot.get("/Subtype") == "/Link" and action.get("/URI"):
                    x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
                    rect = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
                    found.setdefault(number, []).append((rect, str(action["/URI"])))
    except Exception:
        return {}
    return found


def _lines(box: Any, links: list[tuple[tuple[float, float, float, float], str]]) -> list[_Line]:  # noqa: ANN401
    from pdfminer.layout import LTChar, LTTextLine

    lines = []
    for line in box:
        if not isinstance(line, LTTextLine):
            continue
        spans: list[Span] = []
        for char in line:
            text = char.get_text()
            if isinstance(char, LTChar):
                name = char.fontname.lower()
                bold = "bold" in name or "black" in name or "heavy" in name
                italic = "italic" in name or "oblique" in name
                href = _link_at(links, (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2)
                spans.append(Span(text, bold, italic, href))
            else:  # the space or line end pdfminer adds: it joins the run before it
                spans.append(Span(text))
        merged = _merged(spans)
        if "".join(span.text for span in merged).strip():
            lines.append(_Line(line.x0, line.x1, line.y1, line.y0, merged))
    return lines


def _link_at(
    links: list[tuple[tuple[float, float, float, float], str]], x: float, y: float
) -> str | None:
    for (x0, y0, x1, y1), uri in links:
        if x0 <= x <= x1 and y0 <= y <= y1:
            return uri
    return None


def _merged(spans: list[Span]) -> list[Span]:
    """A line's characters as runs: a line's end is a space, a space keeps the run before it."""
    spaced = [Span(s.text.replace("\n", " "), s.bold, s.italic, s.href) for s in spans]
    return merged_spans(spaced, join_spaces=True)


def _page_number(lines: list[_Line]) -> bool:
    return len(lines) == 1 and lines[0].text.strip().isdigit() and len(lines[0].text.strip()) < 4


def _full(line: _Line, right: float, following: _Line | None) -> bool:
    """Whether the line was wrapped: the next one's first word would not have fitted on it."""
    text = line.text.rstrip()
    width = (line.x1 - line.x0) / max(len(text), 1)
    first = following.text.strip().split(" ")[0] if following is not None else "M" * 8
    # a word's letters are wider than the line's mean (which counts its spaces); an address
    # (a long word: an e-mail, a link) is measured as it is, so a line above it is not taken
    # for one it would have been wrapped from
    wider = 1.3 if len(first) <= 15 else 1.0
    return right - line.x1 < (len(first) + 1) * width * wider


def _split(lines: list[_Line], right: float) -> list[list[_Line]]:
    """A page's lines as paragraphs: a new one after a space, a short line or a new size."""
    parts: list[list[_Line]] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        if previous is None or _starts(previous, line, right):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _starts(previous: _Line, line: _Line, right: float) -> bool:
    """Whether `line` starts a paragraph after `previous`."""
    height = previous.top - previous.bottom
    return (
        previous.bottom - line.top > 0.9 * height
        or abs((line.top - line.bottom) - height) > 0.2 * height
        or (abs(line.x0 - previous.x0) > 2 and not _centred(previous, line))
        or (not _centred(previous, line) and not _full(previous, right, line))
    )


def _centred(previous: _Line, line: _Line) -> bool:
    """Whether two lines are centred on one axis, not starting at one margin (a title)."""
    middle = (previous.x0 + previous.x1) / 2
    return abs(line.x0 - previous.x0) > 2 and abs((line.x0 + line.x1) / 2 - middle) < 3


def _block(lines: list[_Line]) -> Block:
    """One paragraph from its lines: a space between lines, none after a hyphen."""
    spans: list[Span] = []
    for line in lines:
        line_spans = [Span(_SPACE.sub(" ", s.text), s.bold, s.italic, s.href) for s in line.spans]
        if spans:
            last = spans[-1]
            text = last.text.rstrip()
            joined = text if re.search(r"\S-$", text) else text + " "
            spans[-1] = Span(joined, last.bold, last.italic, last.href)
        spans += line_spans
    return Block("p", (), "", stripped(_merged(spans)))
