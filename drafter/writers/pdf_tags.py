"""What drafter adds to WeasyPrint's PDF tags so that the house's PDF meets PDF/UA-1.

WeasyPrint (70) tags the document's body, but not what it draws in the page margins: the
first page's footer (the house's contacts, a running element in a margin box) would be
untagged content, and the page numbers would be tagged content outside the structure tree.
It also takes an inline SVG's alternative text only from a <title>, which the house does
not use (a <title> would be read out as text by tools that ignore SVG). So drafter:

- tags a margin box that holds document content (a running element) like the body, and
  puts it at the end of the structure: the PDF reads header, body, then footer;
- marks a margin box of generated content only (page numbers) as a pagination artifact;
- gives an inline SVG's Figure its accessible name (aria-label) as alternative text.

`install` hooks this into two WeasyPrint functions, once; `structure_finisher` must be
passed as WeasyPrint's `finisher` to place the footer. The tests read the tags back.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

import pydyf  # type: ignore[import-untyped]
import weasyprint
import weasyprint.draw
import weasyprint.pdf.tags
from weasyprint.document import Document
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.pdf.stream import Stream
from weasyprint.stacking import StackingContext

__all__ = ["install", "structure_finisher"]

logger = logging.getLogger(__name__)
_SVG = "{http://www.w3.org/2000/svg}svg"
Finisher = Callable[[Document, pydyf.PDF], None]

# (parent, element) of each margin box's structure, while a PDF is written
_deferred: ContextVar[list[tuple[pydyf.Dictionary, pydyf.Dictionary]] | None] = ContextVar(
    "drafter_deferred_tags", default=None
)
_install_lock = threading.Lock()
_installed = False
_originals: dict[str, Any] = {}  # WeasyPrint's own functions, called by drafter's


def install() -> None:
    """Hook drafter's tagging into WeasyPrint (once per process), if it is WeasyPrint 70's."""
    global _installed
    with _install_lock:
        if _installed:
            return
        _installed = True
        tree = getattr(weasyprint.pdf.tags, "_build_box_tree", None)
        draw = getattr(weasyprint.draw, "draw_stacking_context", None)
        if tree is None or draw is None:
            logger.warning(
                "WeasyPrint %s is not the one drafter's PDF tags were made for (70): the "
                "first page's footer may be left untagged",
                weasyprint.__version__,
            )
            return
        _originals.update(tree=tree, draw=draw)
        weasyprint.pdf.tags._build_box_tree = _box_tree
        weasyprint.draw.draw_stacking_context = _draw_stacking_context


@contextlib.contextmanager
def structure_finisher() -> Iterator[Finisher]:
    """A WeasyPrint finisher that appends the margin boxes' structure after the body's."""
    found: list[tuple[pydyf.Dictionary, pydyf.Dictionary]] = []
    token = _deferred.set(found)

    def finish(document: Document, pdf: pydyf.PDF) -> None:
        del document, pdf
        for parent, element in found:
            parent["K"].append(element.reference)

    try:
        yield finish
    finally:
        _deferred.reset(token)


def holds_content(box: boxes.MarginBox) -> bool:
    """Whether a margin box shows document content (a running element), not generated text."""
    return any(child.element is not None for child in box.children)


def _box_tree(
    box: boxes.Box, parent: pydyf.Dictionary, *args: object
) -> Iterator[pydyf.Dictionary]:
    """WeasyPrint's structure of `box`, with margin boxes and SVG figures handled."""
    if isinstance(box, boxes.MarginBox):
        yield from _margin_tree(box, parent, *args)
        return
    for element in _originals["tree"](box, parent, *args):
        _name_figure(element, box)
        yield element


def _margin_tree(
    box: boxes.MarginBox, parent: pydyf.Dictionary, *args: object
) -> Iterator[pydyf.Dictionary]:
    """The structure of a margin box's content; deferred to the end while drafter writes."""
    if not holds_content(box):
        return  # drawn as an artifact, so nothing in it was tagged
    elements = [element for child in box.children for element in _box_tree(child, parent, *args)]
    deferred = _deferred.get()
    if deferred is None:
        yield from elements
    else:
        deferred.extend((parent, element) for element in elements)


def _name_figure(element: pydyf.Dictionary, box: boxes.Box) -> None:
    """An inline SVG's aria-label as its Figure's alternative text."""
    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    if element.get("S") != "/Figure" or "Alt" in element or box.element is None:
        return
    label = box.element.get("aria-label") if box.element.tag == _SVG else None
    if label:
        element["Alt"] = pydyf.String(label)


def _context_holds_content(context: StackingContext) -> bool:
    """Whether a stacking context draws document content, in itself or in one it holds.

    A running element is positioned, so it is drawn as a stacking context of its own.
    """
    if any(box.element is not None for box in (*context.box.children, *context.block_level_boxes)):
        return True
    nested = (
        *context.negative_z_contexts,
        *context.zero_z_contexts,
        *context.positive_z_contexts,
        *context.float_contexts,
    )
    return any(inner.box.element is not None or _context_holds_content(inner) for inner in nested)


def _draw_stacking_context(stream: Stream, context: StackingContext) -> None:
    """Draw as WeasyPrint does, but generated margin content (page numbers) as an artifact."""
    if not isinstance(context.box, boxes.MarginBox) or _context_holds_content(context):
        _originals["draw"](stream, context)
        return
    with stream.artifact():
        tags, stream._tags = stream._tags, None  # nothing inside is tagged content
        try:
            _originals["draw"](stream, context)
        finally:
            stream._tags = tags
