"""The house layouts a published release is found in, recognised from its blocks.

An EU or Council press release (eu-press) reads: issuer, "Brussels, 24 July 2012", the
reference or the Council's number, the title, the body, the first page's footer. An EEAS
web release (eeas-web) reads: issuer, the title, "Brussels, 20/07/2017 - 20:52", "UNIQUE
ID: 170720_16", the body. `page_layout` puts an EEAS release's blocks in the press
release's order, with the facts only its layout gives (the house, the time, the unique
ID), so one reader reads both; a page in neither layout is refused, naming what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from babel.dates import format_date

from drafter.errors import DrafterError, InputError, Problem
from drafter.importers.sample import sample_release
from drafter.structure import Block, Span, class_text

if TYPE_CHECKING:
    from drafter.importing import Imported

__all__ = ["Layout", "page_layout", "settle"]

_EEAS_DATELINE = re.compile(
    r"(?P<place>[^,]+), (?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4})(?: - (?P<time>\d{2}:\d{2}))?"
)
_UNIQUE_ID = re.compile(r"UNIQUE ID\s*:?\s*(?P<id>\S+)", re.IGNORECASE)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATELINE = re.compile(rf"[^,]{{1,80}}, \d{{1,2}} (?:{_MONTHS}) \d{{4}}")
_OPENING = re.compile(r"On \d{1,2}\b[^.]{0,400}? held ")
_EXAMPLES = (
    '"Brussels, 24 July 2012" (an EU or Council press release) or "Brussels, 20/07/2017 - '
    '20:52" (an EEAS web release)'
)


@dataclass
class Layout:
    """The blocks in the press release's order, and the facts the layout alone gives."""

    blocks: list[Block]
    facts: dict[str, Any] = field(default_factory=dict)


def page_layout(blocks: list[Block], name: str, *, strict: bool) -> Layout:
    """The release's blocks in the order `drafter.importing` reads, and the layout's facts.

    `strict`: a file of an archive format (PDF, HTML, another maker's Word file) must be in
    a known layout; a text or drafter's own Word file is read as the house wrote it.
    """
    if strict:
        blocks = _draft_marked(blocks)
    texts = [block.text.strip() for block in blocks]
    eeas = next((i for i, text in enumerate(texts) if _EEAS_DATELINE.fullmatch(text)), None)
    if eeas is not None and eeas > 0:
        return _eeas(blocks, eeas)
    if strict:
        _check_known(texts, name)
    return Layout(blocks)


def _draft_marked(blocks: list[Block]) -> list[Block]:
    """The blocks with a PDF's DRAFT marks as the house's HTML has them.

    The PDF spaces the banner's letters out ("D R A FT: not for publication") and prints the
    word DRAFT at the top of every page; the banner is put back as the house prints it, and
    the word at the top of the pages is left out.
    """
    mark, word = _draft_mark()
    if not mark or not any(_squeezed(block.text) == _squeezed(mark) for block in blocks):
        return blocks
    return [
        _plain(mark) if _squeezed(block.text) == _squeezed(mark) else block
        for block in blocks
        if block.text.strip() != word
    ]


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=1)
def _draft_mark() -> tuple[str, str]:
    """The house's DRAFT banner and the word printed at the top of a draft's pages."""
    from drafter.rendering import render

    html = render(sample_release(status="draft"), "html").decode("utf-8")
    found = re.search(r'class="draft-mark"[^>]*data-mark="([^"]*)"[^>]*>([^<]*)<', html)
    return (found[2].strip(), found[1].strip()) if found else ("", "")


def _check_known(texts: list[str], name: str) -> None:
    """An InputError naming what a page in no known layout lacks."""
    missing = []
    if not any(_DATELINE.fullmatch(text) for text in texts):
        missing.append(f"no date line such as {_EXAMPLES}")
    if not any(_OPENING.match(text) for text in texts):
        missing.append('no opening sentence ("On 20 July 2012, ... held ...")')
    if missing:
        shown = "; ".join(missing)
        found = f"{len(texts)} paragraphs" if texts else "no text"
        message = (
            f"{name} is not a release in a layout import knows: {shown} was found "
            f"(read {found}). Is it the page or file of a press release?"
        )
        raise InputError([Problem(message)])


def _eeas(blocks: list[Block], at: int) -> Layout:
    """An EEAS web release's blocks in the press release's order, with its facts."""
    found = _EEAS_DATELINE.fullmatch(blocks[at].text.strip())
    assert found is not None
    day = date(int(found["y"]), int(found["m"]), int(found["d"]))
    dateline = f"{found['place']}, {format_date(day, 'd MMMM y', locale='en_GB')}"
    facts: dict[str, Any] = {"house": "eeas-web"}
    if found["time"]:
        facts["time"] = found["time"]
    rest = blocks[at + 1 :]
    unique = _UNIQUE_ID.fullmatch(rest[0].text.strip()) if rest else None
    if unique:
        facts["identifier"] = unique["id"]
        rest = rest[1:]
    title = blocks[at - 1]
    issuers = [_upper(block) for block in blocks[: at - 1]]
    ordered = [*issuers, _plain(dateline), title, *rest]
    return Layout(ordered, facts)


def _upper(block: Block) -> Block:
    return _plain(block.text.strip().upper())


def _plain(text: str) -> Block:
    return Block("p", (), "", (Span(text),))


def settle(imported: Imported, layout: Layout) -> None:
    """Add the layout's facts; drop the texts kept that the layout's house generates itself.

    The reader compares the generated sentences with the default house's; a title or a
    heading that the layout's own house writes from the facts is not the officer's text.
    """
    from drafter.importing.facts import validated

    if not layout.facts:
        return
    data = imported.data
    data.update(layout.facts)
    for key, part, label in (
        ("title", "title", "the title"),
        ("previous_rounds_heading", "previous-heading", "the previous rounds' heading"),
    ):
        if key in data and _generated(data, key, part):
            del data[key]
            imported.warnings = [w for w in imported.warnings if not w.startswith(label)]
    imported.release = validated(imported)


def _generated(data: dict[str, Any], key: str, part: str) -> bool:
    """Whether the house of `data` writes the text of `key` from the other facts."""
    from drafter.importing.facts import without_empty
    from drafter.loading import validate_release
    from drafter.rendering import render
    from drafter.structure import parse_document

    text = data[key]
    try:
        release = validate_release(without_empty({k: v for k, v in data.items() if k != key}))
        html = render(release, "html").decode("utf-8")
    except DrafterError:
        return False
    return bool(class_text(parse_document(html).blocks, part) == text)
