"""What drafter adds to WeasyPrint's PDF tags so that the house's PDF meets PDF/UA-1.

WeasyPrint (`pdf_tags=True`) tags the document's body, but not what it draws in the page
margins: it marks their content and maps it in the parent tree, yet links the structure it
builds for them nowhere. The first page's footer (the house's contacts, a running element in
a margin box) would be unreachable for a screen reader, and the page numbers would be tagged
content outside the structure tree. It also takes an inline SVG's alternative text only from
a <title>, which the house's HTML leaves out (tools that ignore SVG would read it out as text).

So drafter, through public interfaces only and for its own PDFs only:

- `for_weasyprint` gives the HTML WeasyPrint lays out a <title> in each inline SVG that has
  an accessible name (aria-label), which WeasyPrint takes as the Figure's alternative text;
- `complete` reads WeasyPrint's PDF with pikepdf, links a margin box's structure that holds
  document content (it has headings, paragraphs or links) at the end of the document, so the
  PDF reads header, body, then footer, and turns a margin box of generated text only (page
  numbers) into a pagination artifact. The tests read the tags back.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pikepdf

__all__ = ["complete", "for_weasyprint"]

# An inline SVG's start tag with its accessible name, not followed by a <title> already.
_NAMED_SVG = re.compile(
    r"""(<svg\b[^>]*?\saria-label=(["'])(.*?)\2[^>]*(?<!/)>)(?!\s*<title\b)""",
    re.IGNORECASE | re.DOTALL,
)
# Structure types a margin box's generated text (counter(page), string()) is tagged with.
_GENERATED = {"/NonStruct", "/Span"}


def for_weasyprint(html: str) -> str:
    """The HTML with each named inline SVG's aria-label also as its <title>, for WeasyPrint."""
    return _NAMED_SVG.sub(lambda found: f"{found[1]}<title>{found[3]}</title>", html)


@dataclass
class _Loose:
    """A structure element WeasyPrint made but did not link, and the content it marks."""

    element: pikepdf.Object
    page: int
    marks: list[tuple[int, int]] = field(default_factory=list)  # (page, MCID)


def complete(data: bytes) -> bytes:
    """WeasyPrint's tagged PDF with the margin boxes' structure placed, or as it was."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            return data
        (document,) = _kids(root)
        loose = _loose_elements(pdf, root, document)
        if not loose:
            return data
        artifacts: dict[int, set[int]] = {}
        for item in sorted(loose, key=lambda item: (item.page, item.element.objgen)):
            if _holds_structure(item.element):
                document.K.append(item.element)
            else:
                for page, mcid in item.marks:
                    artifacts.setdefault(page, set()).add(mcid)
        _unmap(root, artifacts)
        for page, mcids in artifacts.items():
            _as_artifacts(pdf, pdf.pages[page], mcids)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _page_arrays(root: pikepdf.Object) -> Iterator[tuple[int, pikepdf.Array]]:
    """Each page's MCID-to-element array of the parent tree (WeasyPrint writes a flat one)."""
    nums = root.ParentTree.Nums
    for index in range(0, len(nums), 2):
        value = nums[index + 1]
        if isinstance(value, pikepdf.Array):
            yield int(nums[index]), value


def _loose_elements(
    pdf: pikepdf.Pdf, root: pikepdf.Object, document: pikepdf.Object
) -> list[_Loose]:
    """The top elements that mark content but that the document does not reach."""
    linked = {kid.objgen for kid in _kids(document)}
    found: dict[tuple[int, int], _Loose] = {}
    for page, elements in _page_arrays(root):
        for mcid, element in enumerate(elements):
            if not isinstance(element, pikepdf.Dictionary):
                continue
            top: pikepdf.Object = element
            while top.get("/P") is not None and top.P.objgen != document.objgen:
                top = top.P
            if top.get("/P") is None or top.objgen in linked:
                continue
            item = found.setdefault(top.objgen, _Loose(top, page))
            item.marks.append((page, mcid))
    return list(found.values())


def _holds_structure(element: pikepdf.Object) -> bool:
    """Whether an element, or one inside it, is more than generated text (or has a link)."""
    if str(element.get("/S", "")) not in _GENERATED:
        return True
    return any(
        isinstance(kid, pikepdf.Dictionary) and ("/S" not in kid or _holds_structure(kid))
        for kid in _kids(element)
    )


def _unmap(root: pikepdf.Object, artifacts: dict[int, set[int]]) -> None:
    """Take artifacts' MCIDs out of the parent tree (trailing ones dropped, others null)."""
    for page, elements in _page_arrays(root):
        gone = artifacts.get(page, set())
        for mcid in gone:
            elements[mcid] = None
        while len(elements) and len(elements) - 1 in gone:
            del elements[len(elements) - 1]


def _as_artifacts(pdf: pikepdf.Pdf, page: pikepdf.Page, mcids: set[int]) -> None:
    """Mark the content of `mcids` on `page` as an artifact instead of tagged content."""
    instructions = []
    for instruction in pikepdf.parse_content_stream(page):
        operands = list(instruction.operands)
        if (
            str(instruction.operator) == "BDC"
            and isinstance(operands[-1], pikepdf.Dictionary)
            and int(operands[-1].get("/MCID", -1)) in mcids
        ):
            instruction = pikepdf.ContentStreamInstruction(
                [pikepdf.Name.Artifact], pikepdf.Operator("BMC")
            )
        instructions.append(instruction)
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
