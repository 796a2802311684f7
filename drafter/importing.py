"""Reading a published release in the house format back into the facts of its YAML file.

The input is the release's text (as extracted from its PDF, with Markdown-like marks) or a
Word file drafter wrote. Its blocks are read in the house's order: the header (issuer,
date line, reference), the title, the body with its generated sentences, the footer
(contacts) and the previous rounds. Each generated sentence is read back into facts with
patterns that mirror the house's English wording; the facts are then rendered with the
house templates and every sentence that does not come out word for word is kept as the
officer's own text instead (the `title`, `opening` and `sentence` overrides), with a
warning. Facts that cannot be found at all are left as `<<FILL IN: ...>>` placeholders.
"""

from __future__ import annotations

import io
import re
import textwrap
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from babel.dates import get_month_names
from num2words import num2words
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from drafter.errors import DrafterError, InputError, LimitError, Problem
from drafter.fields import placeholder
from drafter.importers import archive_blocks, page_layout, settle
from drafter.loading import read_bytes, validate_release
from drafter.output import write_file
from drafter.rendering import rendered_blocks
from drafter.roundtrip import flow, round_trip_yaml
from drafter.schema import EU_LANGUAGES, Reference, Release
from drafter.source import MAX_BYTES, decode
from drafter.structure import Block, Span, class_text

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

__all__ = ["Imported", "import_release", "read_blocks", "write_import"]

MAX_DOCX_BYTES = 10 * MAX_BYTES
MAX_DOCX_UNPACKED = 5 * MAX_DOCX_BYTES
"""The most a Word file may unpack to (a zip bomb unpacks to gigabytes); drafter's: 100 kB."""
_WIDTH = 88
_MONTH_NAMES = tuple(get_month_names("wide", locale="en_GB")[m] for m in range(1, 13))
_MONTH = "|".join(_MONTH_NAMES)
_TO = "(?:-| and )"  # 24-27 April; two days running: 23 and 24 July
_SPAN = (
    rf"\d{{1,2}}(?: (?:{_MONTH}))?(?: \d{{4}})?"
    rf"(?:{_TO}\d{{1,2}} (?:{_MONTH})(?: \d{{4}})?)?"
)
_SPAN_PARTS = re.compile(
    rf"(?P<d1>\d{{1,2}})(?: (?P<m1>{_MONTH}))?(?: (?P<y1>\d{{4}}))?"
    rf"(?:{_TO}(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH})(?: (?P<y2>\d{{4}}))?)?"
)
_DATE = re.compile(rf"(?P<d>\d{{1,2}}) (?P<m>{_MONTH}) (?P<y>\d{{4}})")
_DATELINE = re.compile(rf"(?P<place>.+), (?P<date>{_DATE.pattern})")
_OPENING = re.compile(
    rf"On (?P<when>{_SPAN}), (?P<parties>.+?) held "
    r"(?:their (?P<ordinal>[\w-]+) round of )?(?P<name>.+?) in (?P<place>.+?)\.(?=\s|$)",
    re.DOTALL,
)
_TITLE = re.compile(r"(?P<parties>.+) hold (?P<their>their )?(?P<name>.+)")
_CIVIL = re.compile(
    r"In line with established practice and so as to incorporate the views of civil "
    r"society into the (?P<word>\S+), (?P<eu>.+?) met (?P<meetings>.+)\."
)
_CIVIL_MEETING = re.compile(rf"(?P<who>.+?) in (?P<places>.+?) on (?P<when>{_SPAN})(?:, | and |$)")
_PHRASE = r"(?:(?!\.\s).)+?"  # words within one sentence
_OWN_TIMING = r"(?:next|by|at|before|after|during|within|around|towards|until|later|this|soon)\b"
"""The first words of an English timing printed without "in" ("next year"; eu-press wording.j2)."""
_NEXT = re.compile(
    r"The next round of (?P<article>the )?(?P<compound>\S+) (?P<name>.+?) should take place"
    rf"(?: in (?P<place>{_PHRASE}))?"
    rf"(?: in (?P<timing>{_PHRASE})| on (?P<date>{_DATE.pattern})"
    rf"| (?P<own>{_OWN_TIMING}{_PHRASE}))?\."
    r"(?:\s+(?P<remark>.+))?",
    re.DOTALL,
)
_CIVIL_START = "In line with established practice"
_NEXT_START = "The next round of"
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_CONTACT_EMAIL = re.compile(r"(?P<rest>.*?)(?: - | )(?P<email>[^\s@]+@[^\s@]+)")
_CONTACT_PHONE = re.compile(r"(?P<name>.*?)(?: (?P<phone>\+[0-9 ().\-/]+))?")
_WEBSITE = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?")
_SMALL_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to"})
_EU = Release.model_fields["eu"].default


@dataclass
class Imported:
    """The facts read from a published release, as the plain data of a release file."""

    data: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    release: Release | None = None
    """The validated release, when every required fact was found."""

    def yaml(self, name: str = "") -> str:
        """The facts as the text of a release file, in the examples' key order and layout."""
        yaml = round_trip_yaml(_WIDTH + 8)
        stream = io.StringIO()
        yaml.dump(_layout(self.data), stream)
        source = f" from {name}" if name else ""
        head = f"# Imported by `drafter import`{source}.\n"
        return head + "# Check the facts, then: drafter validate FILE\n" + stream.getvalue()


def import_release(source: str | Path) -> Imported:
    """The facts of the published release in `source`: text, PDF, HTML or a Word file."""
    path = Path(source)
    raw = read_bytes(path, MAX_DOCX_BYTES)
    archive = archive_blocks(raw, path)  # PDF, HTML, a Word file another program wrote
    blocks = archive if archive is not None else _own_blocks(raw, path)
    layout = page_layout(blocks, str(path), strict=archive is not None)
    reader = _Reader(layout.blocks)
    imported = Imported(reader.facts(), reader.warnings)
    imported.release = _checked(imported, reader)
    settle(imported, layout)  # the facts of the layout's house (eeas-web: time, unique ID)
    return imported


def write_import(
    source: str | Path, out: str | Path | None = None, *, force: bool = False
) -> tuple[Path, Imported]:
    """Import `source` and write its YAML to `out` (default: beside it, as .yaml)."""
    path = Path(source)
    target = Path(out) if out is not None else path.with_suffix(".yaml")
    imported = import_release(path)
    write_file(target, imported.yaml(path.name).encode("utf-8"), force)
    return target, imported


# --- Reading the blocks of a release ------------------------------------------------


def read_blocks(path: Path) -> list[Block]:
    """The release's paragraphs in reading order, from its text, PDF, HTML or Word file."""
    raw = read_bytes(path, MAX_DOCX_BYTES)
    archive = archive_blocks(raw, path)
    return archive if archive is not None else _own_blocks(raw, path)


def _own_blocks(raw: bytes, path: Path) -> list[Block]:
    """The paragraphs of a release's text, or of a Word file drafter wrote."""
    if raw.startswith(b"PK\x03\x04"):
        return _docx_blocks(raw, path)
    return _text_blocks(decode(raw, str(path)).replace("\r\n", "\n"))


_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")


def _text_blocks(text: str) -> list[Block]:
    """Blocks of the release's text: blank lines (or a Markdown line break) separate them."""
    blocks = []
    for raw in re.split(r"\n\s*\n| {2,}\n", text):
        line = re.sub(r"\s+", " ", raw.replace("**", "")).strip()
        line = re.sub(r"^#+ ", "", line)
        if line and set(line) != {"-"}:
            blocks.append(Block("p", (), "", tuple(_markdown_spans(line))))
    return blocks


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


def _docx_blocks(raw: bytes, path: Path) -> list[Block]:
    """The paragraphs of a Word file drafter wrote: first-page header, body, first-page footer."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        _check_unpacked_size(raw, path)
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        # lxml's XMLSyntaxError is a SyntaxError: broken XML, and entity bombs it will not expand
        message = f"{path} is not a Word document that can be read; is it a DOCX file?"
        raise InputError([Problem(message)]) from None
    section = document.sections[0]
    paragraphs = [
        *section.first_page_header.paragraphs,
        *document.paragraphs,
        *section.first_page_footer.paragraphs,
    ]
    blocks = [Block("p", (), "", _docx_spans(paragraph)) for paragraph in paragraphs]
    return [block for block in blocks if block.text.strip()]


def _check_unpacked_size(raw: bytes, path: Path) -> None:
    """A LimitError for a Word file whose parts unpack to over MAX_DOCX_UNPACKED bytes.

    Python's zipfile never unpacks more than the size a part declares, so the sum of the
    declared sizes bounds what reading the file takes.
    """
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        size = sum(info.file_size for info in package.infolist())
    if size > MAX_DOCX_UNPACKED:
        raise LimitError(
            f"{path} unpacks to {size:,} bytes; a release's Word file may unpack to at most "
            f"{MAX_DOCX_UNPACKED:,}. Is this the right file?"
        )


def _docx_spans(paragraph: Paragraph) -> tuple[Span, ...]:
    """A Word paragraph's runs and hyperlinks as spans, neighbours of one format merged."""
    from docx.text.hyperlink import Hyperlink

    spans: list[Span] = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        href = (item.url or None) if isinstance(item, Hyperlink) else None
        spans += [Span(run.text, bool(run.bold), bool(run.italic), href) for run in runs]
    return _merged(spans)


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.href) == (span.bold, span.italic, span.href):
            merged[-1] = Span(last.text + span.text, span.bold, span.italic, span.href)
        elif span.text:
            merged.append(span)
    return tuple(merged)


# --- Reading facts from the blocks ----------------------------------------------------


def _sample_blocks(**extra: object) -> list[Block]:
    """The blocks the house renders for a small sample release with `extra` facts."""
    sample = validate_release(
        {
            "issuer": "European Union",
            "place": "Brussels",
            "date": "2012-07-24",
            "counterpart": {"name": "the Russian Federation", "short_name": "Russia"},
            "meeting": {"name": "talks", "date": "2012-07-20", "place": "Brussels"},
            **extra,
        }
    )
    return rendered_blocks(sample)


@lru_cache(maxsize=1)
def _labels() -> tuple[str, str]:
    """The house's press marker and contacts heading, as its templates print them."""
    blocks = _sample_blocks(contacts={"mailbox": "press@example.org"})
    return class_text(blocks, "press-marker") or "", class_text(blocks, "contacts-heading") or ""


class _Reader:
    """Reads the facts of a release from its blocks; remembers what it could not read."""

    def __init__(self, blocks: list[Block]) -> None:
        self.warnings: list[str] = []
        self.main, self.footer = _split_footer(blocks)
        self.data: dict[str, Any] = {}
        self.texts: dict[str, str] = {}
        """The imported text of each generated part, to compare with the rendering."""
        self.opening: re.Match[str] | None = None

    def warn(self, message: str) -> None:
        """Note something that was not recognised."""
        self.warnings.append(message)

    def facts(self) -> dict[str, Any]:
        """The release's facts as plain data, in the order of a release file."""
        main, marks = _marks(list(self.main))
        rest = self._header(main)
        rest = self._previous_rounds(rest)
        self._body(rest)
        self._footer()
        self.data.update(marks)
        return self.data

    # The header: issuer(s), date line, reference, title.

    def _header(self, blocks: list[Block]) -> list[Block]:
        issuers: list[str] = []
        while blocks and not _DATELINE.fullmatch(blocks[0].text) and blocks[0].text.isupper():
            issuers.append(_title_case(blocks.pop(0).text))
        self._set_issuers(issuers)
        dateline = _DATELINE.fullmatch(blocks[0].text) if blocks else None
        day = _day(dateline["date"]) if dateline else None
        if dateline and day:
            blocks.pop(0)
        self.data["place"] = (
            dateline["place"]
            if dateline and day
            else self._missing("place", "the place of the date line")
        )
        self.data["date"] = day or self._missing("date", "the date of the release, YYYY-MM-DD")
        number = blocks[0].text if blocks else ""
        reference = Reference.parse_or_none(number) if blocks else None
        if _other_number(number, day):
            self.data["identifier"] = blocks.pop(0).text
        elif reference is not None:
            self.data["reference"] = str(reference)
            blocks.pop(0)
        self.texts["title"] = blocks.pop(0).text if blocks else ""
        return blocks

    def _set_issuers(self, issuers: list[str]) -> None:
        if not issuers:
            issuers = [self._missing("issuer", "the issuing body, such as European Union")]
        self.data["issuer"] = issuers[0]
        if len(issuers) > 1:
            self.data["co_issuer"] = issuers[1]
        for extra in issuers[2:]:
            self.warn(f'a third issuer line is not recognised and was left out: "{extra}"')

    def _missing(self, field_name: str, what: str) -> str:
        self.warn(f"{field_name}: not found; left as a placeholder to fill in")
        return placeholder(what)

    # The previous rounds: a heading ending in ":" and the dates below it.

    def _previous_rounds(self, blocks: list[Block]) -> list[Block]:
        count = 0
        while count < len(blocks) and _round_days(blocks[-1 - count].text):
            count += 1
        heading = len(blocks) - count - 1
        if count == 0 or heading < 0 or not blocks[heading].text.endswith(":"):
            return blocks
        self.texts["previous_heading"] = blocks[heading].text
        rounds = [_previous_round(block) for block in blocks[heading + 1 :]]
        self.data["previous_rounds"] = rounds
        return blocks[:heading]

    # The body: opening sentence and paragraphs, civil society, next round.

    def _body(self, blocks: list[Block]) -> None:
        paragraphs: list[tuple[Span, ...]] = []
        for index, block in enumerate(blocks):
            if index == 0:
                paragraphs += self._opening(block)
            elif block.text.startswith(_CIVIL_START) and "civil_society" not in self.texts:
                self.texts["civil_society"] = block.text
            elif block.text.startswith(_NEXT_START) and "next_round" not in self.texts:
                self.texts["next_round"] = block.text
            else:
                paragraphs.append(block.spans)
        self._parties_and_meeting()
        if paragraphs:
            self.data["body"] = [_paragraph(spans) for spans in paragraphs]
        self._civil_society()
        self._next_round()

    def _opening(self, block: Block) -> list[tuple[Span, ...]]:
        """The paragraphs left after taking the opening sentence off the first block."""
        found = _OPENING.match(block.text)
        if found is not None and _span(found["when"], None) is None:
            found = None  # not a date the house writes
        if found is None:
            sentence = re.match(r".+?[.!?](?=\s|$)", block.text, re.DOTALL)
            self.texts["opening"] = sentence[0] if sentence else block.text
        else:
            self.texts["opening"] = found[0]
            self.opening = found
        rest = _drop_prefix(block.spans, len(self.texts["opening"]))
        return [rest] if rest else []

    def _parties_and_meeting(self) -> None:
        found = self.opening
        parties = _split_parties(found["parties"], _EU.name) if found else None
        title = _TITLE.fullmatch(self.texts.get("title", ""))
        short = _split_parties(title["parties"], _EU.short_name, capital=True) if title else None
        if found is None or parties is None:
            self.warn("the opening sentence is not recognised; kept as `meeting.opening`")
            self.data["counterpart"] = {
                "name": self._missing(
                    "counterpart.name", "the counterpart, such as the Russian Federation"
                ),
                "short_name": self._missing(
                    "counterpart.short_name", "its short name, such as Russia"
                ),
            }
            self.data["meeting"] = self._unknown_meeting()
            return
        name, counterpart_first = parties
        short_name = _short_name(short, name, counterpart_first)
        self.data["counterpart"] = {"name": name, "short_name": short_name}
        if counterpart_first:
            self.data["counterpart_first"] = True
        self.data["meeting"] = self._meeting(found, bool(title and title["their"]))

    def _unknown_meeting(self) -> dict[str, Any]:
        return {
            "name": self._missing("meeting.name", "what the talks are called"),
            "date": self._missing("meeting.date", "the (first) day of the talks, YYYY-MM-DD"),
            "place": self._missing("meeting.place", "where the talks were held"),
            "opening": self.texts.get("opening", ""),
        }

    def _meeting(self, found: re.Match[str], their: bool) -> dict[str, Any]:
        meeting: dict[str, Any] = {}
        name = found["name"]
        if (found["ordinal"] or their) and name.startswith("the "):
            meeting["article"] = "the"
            name = name.removeprefix("the ")
        meeting["name"] = name
        if found["ordinal"]:
            number, style = _ordinal(found["ordinal"])
            if number is None:
                self.warn(f'the round "{found["ordinal"]}" is not an ordinal number')
            meeting["round"] = number
            if style == "figures":
                meeting["round_style"] = "figures"
        meeting["date"], meeting["end_date"] = _span(found["when"], None) or (None, None)
        meeting["place"] = found["place"]
        return meeting

    def _civil_society(self) -> None:
        text = self.texts.get("civil_society")
        if text is None:
            return
        found = _CIVIL.fullmatch(text)
        meetings = _civil_meetings(found["meetings"], self.data.get("date")) if found else None
        if found is None or meetings is None or found["eu"] != _EU.short_name:
            self.data["civil_society"] = {"sentence": text}
            self.warn(
                "the civil-society paragraph is not recognised; kept as `civil_society.sentence`"
            )
            return
        self.data["civil_society"] = {"meetings": meetings}

    def _next_round(self) -> None:
        text = self.texts.get("next_round")
        if text is None:
            return
        found = _NEXT.fullmatch(text)
        if found is not None and found["date"] and _day(found["date"]) is None:
            found = None
        if found is None:
            self.data["next_round"] = {"sentence": text}
            self.warn("the next-round paragraph is not recognised; kept as `next_round.sentence`")
            return
        self._compound(found["compound"])
        place, timing = found["place"], found["timing"] or found["own"]
        if place and not (timing or found["date"]) and not _place_name(place):
            place, timing = None, place  # "in autumn 2013.": a time; "in Brussels.": a place
        self.data["next_round"] = {
            "timing": timing,
            "date": _day(found["date"]) if found["date"] else None,
            "place": place,
            "remark": found["remark"],
        }

    def _compound(self, compound: str) -> None:
        """The counterpart's form in compounds, where it is not the short name's."""
        counterpart = self.data["counterpart"]
        first = self.data.get("counterpart_first", False)
        eu = _EU.compound_name
        own = compound.removesuffix(f"-{eu}") if first else compound.removeprefix(f"{eu}-")
        default = re.sub(r"^the\s+", "", counterpart["short_name"], flags=re.IGNORECASE)
        if own != compound and own != default:
            counterpart["compound"] = own

    # The footer: press marker, contacts heading, contacts, mailbox, website, language.

    def _footer(self) -> None:
        press, heading = _labels()
        people: list[dict[str, Any]] = []
        contacts: dict[str, Any] = {}
        for block in self.footer:
            text = block.text
            if text in (press, heading):
                continue
            if _is_language(text):
                self.data["language"] = text.lower()
            elif _EMAIL.fullmatch(text):
                contacts["mailbox"] = text
            elif _WEBSITE.fullmatch(text) and " " not in text:
                contacts["website"] = _website(block)
            else:
                people.append(self._contact(text))
        if people:
            contacts = {"people": people, **contacts}
        if contacts:
            self.data["contacts"] = contacts

    def _contact(self, text: str) -> dict[str, Any]:
        found = _CONTACT_EMAIL.fullmatch(text)
        rest, email = (found["rest"], found["email"]) if found else (text, None)
        first, *more = rest.split(" - ")
        person = _CONTACT_PHONE.fullmatch(first)
        name = person["name"] if person else first
        phones = ([person["phone"]] if person and person["phone"] else []) + more
        if more and not (person and person["phone"]):
            self.warn(f'the contact line "{text}" is not recognised; check its name and phones')
        return {"name": name, "phones": phones, "email": email}


_EMBARGO = re.compile(
    rf"EMBARGO: .* before (?P<date>{_DATE.pattern}), (?P<time>\d{{1,2}}:\d{{2}}) CES?T"
)


@lru_cache(maxsize=1)
def _draft_mark() -> str:
    """The DRAFT banner as the house's templates print it."""
    return class_text(_sample_blocks(status="draft"), "draft-mark") or ""


def _marks(blocks: list[Block]) -> tuple[list[Block], dict[str, str]]:
    """The blocks after the DRAFT and embargo marks at the top, and the status and embargo.

    A release without the DRAFT mark is a published one: final.
    """
    marks = {"status": "final"}
    while blocks:
        embargo = _EMBARGO.fullmatch(blocks[0].text)
        if blocks[0].text == _draft_mark():
            marks["status"] = "draft"
        elif embargo and (day := _day(embargo["date"])):
            marks["embargo"] = f"{day.isoformat()} {embargo['time']}"
        else:
            break
        blocks.pop(0)
    return blocks, marks


def _split_footer(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The blocks of the page (header and body), and those of the first page's footer.

    The footer starts at the press marker or the contacts heading and ends with the
    language code, or before the first line that is no contact.
    """
    labels = _labels()
    start = next((i for i, block in enumerate(blocks) if block.text in labels), None)
    if start is None:
        return blocks, []
    end = start
    while end < len(blocks) and _in_footer(blocks[end].text, labels):
        end += 1
        if _is_language(blocks[end - 1].text):
            break
    return blocks[:start] + blocks[end:], blocks[start:end]


def _in_footer(text: str, labels: tuple[str, str]) -> bool:
    """Whether a line can be part of the footer: a label, a contact, an address, a language."""
    return (
        text in labels
        or _is_language(text)
        or bool(_EMAIL.search(text) or re.search(r"\+\d", text))
        or (bool(_WEBSITE.fullmatch(text)) and " " not in text)
    )


def _is_language(text: str) -> bool:
    return text.isupper() and text.lower() in EU_LANGUAGES


def _title_case(text: str) -> str:
    """An issuer printed in capitals, written as a name: `Council of the European Union`."""
    words = text.lower().split()
    return " ".join(
        word if index and word in _SMALL_WORDS else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


def _month(name: str) -> int:
    return _MONTH_NAMES.index(name) + 1


_COUNCIL_NUMBER = re.compile(r"\d{1,6}/\d{2} [A-Z]{2,8} \d{1,6}")  # 11361/13 PRESSE 281


def _other_number(text: str, day: date | None) -> bool:
    """Whether the line under the date line is a number other than a reference (`identifier`).

    EEAS numbers are the release's date and a serial (130627/01 on 27 June 2013); the
    Council's add the press office's series (11361/13 PRESSE 281).
    """
    if Reference.parse_or_none(text) is None:
        return bool(_COUNCIL_NUMBER.fullmatch(text))
    return day is not None and text.startswith(f"{day:%y%m%d}/")


def _place_name(text: str) -> bool:
    """Whether words after "in" name a place ("Brussels"), not a time ("autumn 2013", "2014")."""
    return text[:1].isupper() and not re.search(r"\d", text)


def _day(text: str) -> date | None:
    """The date of `24 July 2012`, or None for anything else."""
    found = _DATE.fullmatch(text)
    try:
        return date(int(found["y"]), _month(found["m"]), int(found["d"])) if found else None
    except ValueError:  # 31 June
        return None


def _span(text: str, default_year: int | None) -> tuple[date, date | None] | None:
    """`24-27 April 2012`, `30 November and 1 December`, ... as (first day, last day or None).

    A span printed without a year starts in `default_year`; None if the days cannot be read.
    """
    found = _SPAN_PARTS.fullmatch(text)
    if found is None or not (found["m1"] or found["m2"]):
        return None
    end_month = _month(found["m2"] or found["m1"])
    start_month = _month(found["m1"] or found["m2"])
    wrap = int(start_month > end_month)  # 30 December-2 January runs into the next year
    if found["y1"] or found["y2"]:
        end_year = int(found["y2"] or found["y1"])
        start_year = int(found["y1"] or end_year - wrap)
    elif default_year is not None:
        start_year, end_year = default_year, default_year + wrap
    else:
        return None
    try:
        start = date(start_year, start_month, int(found["d1"]))
        return start, date(end_year, end_month, int(found["d2"])) if found["d2"] else None
    except ValueError:  # 31 June
        return None


@lru_cache(maxsize=4)
def _ordinals(language: str) -> dict[str, int]:
    """Ordinal words to numbers (`fifteenth` -> 15), built from num2words for 1 to 999."""
    return {str(num2words(n, to="ordinal", lang=language)): n for n in range(1, 1000)}


def _ordinal(text: str, language: str = "en") -> tuple[int | None, str]:
    """The number of an ordinal in words or figures, and which of the two it is in."""
    figures = re.fullmatch(r"(\d{1,3})\D+", text)
    if figures and str(num2words(int(figures[1]), to="ordinal_num", lang=language)) == text:
        return int(figures[1]), "figures"
    return _ordinals(language).get(text), "words"


def _split_parties(text: str, eu: str, *, capital: bool = False) -> tuple[str, bool] | None:
    """The counterpart's name in `A and B` where one side is the EU's; and whether it is first."""
    for found in re.finditer(" and ", text):
        first, second = text[: found.start()], text[found.end() :]
        eu_first = first == (eu[:1].upper() + eu[1:] if capital else eu)
        if eu_first:
            return second, False
        if second == eu:
            return first, True
    return None


def _short_name(short: tuple[str, bool] | None, name: str, counterpart_first: bool) -> str:
    """The counterpart's short name from the title, without the capital a title start gives."""
    if short is None:
        return name
    found = short[0]
    if counterpart_first and found.startswith("The ") and name.startswith("the "):
        return "t" + found[1:]
    return found


def _drop_prefix(spans: tuple[Span, ...], length: int) -> tuple[Span, ...]:
    """The spans without their first `length` characters and the spaces after them."""
    kept: list[Span] = []
    for span in spans:
        text = span.text[length:]
        length = max(0, length - len(span.text))
        text = text if kept else text.lstrip()
        if text:
            kept.append(Span(text, span.bold, span.italic, span.href))
    return tuple(kept)


def _paragraph(spans: tuple[Span, ...]) -> str | list[dict[str, Any]]:
    """A paragraph as the YAML writes it: plain text, or runs with bold, italics and links."""
    runs = [span for span in spans if span.text.strip()]
    if len(runs) == 1 and not (runs[0].bold or runs[0].italic or runs[0].href):
        return runs[0].text.strip()
    return [
        {"text": s.text.strip(), "bold": s.bold or None, "italic": s.italic or None, "url": s.href}
        for s in runs
    ]


def _civil_meetings(text: str, released: object) -> list[dict[str, Any]] | None:
    """The civil-society meetings of `who in places on when, ... and ...`, or None."""
    year = released.year if isinstance(released, date) else None
    meetings: list[dict[str, Any]] = []
    position = 0
    for found in _CIVIL_MEETING.finditer(text):
        if found.start() != position:
            return None
        days = _span(found["when"], year)
        if days is None:
            return None
        start, end = days
        places = re.split(r", | and ", found["places"])
        meetings.append(
            {"participants": found["who"], "places": places, "date": start, "end_date": end}
        )
        position = found.end()
    return meetings if meetings and position == len(text) else None


def _round_days(text: str) -> tuple[date, date | None] | None:
    """A previous round's day or days, as listed: `4 May 2011`, `13-14 May 2013`."""
    day = _day(text)
    return (day, None) if day else _span(text, None)


def _previous_round(block: Block) -> dict[str, Any]:
    href = next((span.href for span in block.spans if span.href), None)
    start, end = _round_days(block.text) or (None, None)
    return {"date": start, **({"end_date": end} if end else {}), "url": href}


def _website(block: Block) -> str:
    """The website's address: the link's target where it has one, else the printed text."""
    href = next((span.href for span in block.spans if span.href), None)
    shown = block.text.rstrip("/")
    if href and re.sub(r"^https?://", "", href).rstrip("/") == shown:
        return href
    return block.text if block.text.startswith(("http://", "https://")) else f"http://{block.text}"


# --- Checking the facts against the text -----------------------------------------------


def _checked(imported: Imported, reader: _Reader) -> Release | None:
    """The release, its generated sentences replaced by the text where they differ from it."""
    release = _valid(imported)
    if release is None:
        return None
    blocks = rendered_blocks(release)
    _keep_text(imported, reader.texts, blocks)
    release = _valid(imported)
    if release is not None:
        _check_footer(imported, reader.footer, rendered_blocks(release))
    return release


def _valid(imported: Imported) -> Release | None:
    try:
        return validate_release(_without_empty(imported.data))
    except DrafterError as exc:
        imported.warnings.append(f"the facts read are not a valid release yet: {exc}")
        return None


def _keep_text(imported: Imported, texts: dict[str, str], blocks: list[Block]) -> None:
    """Keep the imported text wherever the generated sentence is not word for word the same."""
    data = imported.data
    title = class_text(blocks, "title")
    if texts.get("title") and title != texts["title"]:
        data["title"] = texts["title"]
        imported.warnings.append("the title is not the house's generated one; kept as `title`")
    first = class_text(blocks, "body-text") or ""
    opening = texts.get("opening", "")
    if opening and not first.startswith(opening) and "opening" not in data["meeting"]:
        data["meeting"]["opening"] = opening
        imported.warnings.append(
            "the opening sentence does not match its facts; kept as `meeting.opening`"
        )
    _keep_paragraph(imported, "civil_society", class_text(blocks, "civil-society"), texts)
    _keep_paragraph(imported, "next_round", class_text(blocks, "next-round"), texts)
    heading = class_text(blocks, "previous-heading")
    if texts.get("previous_heading") and heading != texts["previous_heading"]:
        data["previous_rounds_heading"] = texts["previous_heading"]
        imported.warnings.append(
            "the previous rounds' heading is kept as `previous_rounds_heading`"
        )


def _keep_paragraph(
    imported: Imported, key: str, rendered: str | None, texts: dict[str, str]
) -> None:
    text = texts.get(key)
    if text is None or rendered == text or "sentence" in imported.data.get(key, {}):
        return
    imported.data[key] = {"sentence": text}
    shown = key.replace("_", "-")
    imported.warnings.append(
        f"the {shown} paragraph does not match its facts; kept as `{key}.sentence`"
    )


def _check_footer(imported: Imported, footer: list[Block], blocks: list[Block]) -> None:
    """Warn of footer lines (contacts) that the facts do not give back word for word."""
    rendered = {block.text for block in blocks if block.region == "footer"}
    for block in footer:
        if block.text not in rendered:
            imported.warnings.append(f'the footer line "{block.text}" is not recognised')


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    """Plain data without the keys whose value is None or an empty list, at every level."""
    pruned = _pruned(data)
    assert isinstance(pruned, dict)
    return pruned


def _pruned(value: object) -> object:
    if isinstance(value, dict):
        return {k: _pruned(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_pruned(item) for item in value]
    return value


# --- Writing the YAML ----------------------------------------------------------------------

_ORDER = (
    "house", "language", "issuer", "co_issuer", "place", "date", "time", "reference",
    "identifier", "title", "counterpart",
    "counterpart_first", "meeting", "body", "civil_society", "next_round", "contacts",
    "previous_rounds", "previous_rounds_heading", "status", "embargo",
)  # fmt: skip
_LONG_TEXTS = (
    ("meeting", "opening"), ("civil_society", "sentence"),
    ("next_round", "remark"), ("next_round", "sentence"),
)  # fmt: skip


def _layout(data: dict[str, Any]) -> CommentedMap:
    """The data laid out as in the examples: folded paragraphs, short lists on one line."""
    clean = _without_empty(data)
    top = CommentedMap((key, clean[key]) for key in _ORDER if key in clean)
    for key in list(top)[1:]:
        if isinstance(top[key], dict | list):
            top.yaml_set_comment_before_after_key(key, before="\n")  # a blank line
    if "body" in top:
        top["body"] = [_folded(p) if isinstance(p, str) else p for p in top["body"]]
    for section, key in _LONG_TEXTS:
        if key in top.get(section, {}):
            top[section][key] = _folded(top[section][key])
    for meeting in top.get("civil_society", {}).get("meetings", []):
        meeting["places"] = flow(meeting["places"])
    for person in top.get("contacts", {}).get("people", []):
        if "phones" in person:
            person["phones"] = flow([DoubleQuotedScalarString(p) for p in person["phones"]])
    return top


def _folded(text: str) -> str:
    """Long text as a folded block (`>-`), its lines at most `_WIDTH` characters."""
    if len(text) <= _WIDTH - 20:
        return text
    lines = textwrap.wrap(text, _WIDTH - 4, break_long_words=False, break_on_hyphens=False)
    if " ".join(lines) != text:  # more than single spaces between words: keep it as it is
        return text
    folded = FoldedScalarString(text)
    folded.fold_pos = [end - 1 for end in accumulate(len(line) + 1 for line in lines[:-1])]
    return cast(str, folded)
