"""The reader: a release's blocks, in the house's order, back into the facts of its YAML."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from drafter.fields import placeholder
from drafter.importing import sentences
from drafter.importing.helpers import (
    _EU,
    _civil_meetings,
    _day,
    _drop_prefix,
    _is_language,
    _ordinal,
    _other_number,
    _paragraph,
    _place_name,
    _previous_round,
    _round_days,
    _short_name,
    _span,
    _split_parties,
    _title_case,
    _website,
)
from drafter.loading import validate_release
from drafter.rendering import rendered_blocks
from drafter.schema import Reference
from drafter.structure import Block, Span, class_text

_CIVIL_START = "In line with established practice"
_NEXT_START = "The next round of"
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")


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
        self.opening: sentences.Opening | None = None

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
        while blocks and not sentences.dateline(blocks[0].text) and blocks[0].text.isupper():
            issuers.append(_title_case(blocks.pop(0).text))
        self._set_issuers(issuers)
        dateline = sentences.dateline(blocks[0].text) if blocks else None
        day = _day(dateline[1]) if dateline else None
        if dateline and day:
            blocks.pop(0)
        self.data["place"] = (
            dateline[0]
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
        found = sentences.opening(block.text)
        if found is not None and _span(found.when, None) is None:
            found = None  # not a date the house writes
        if found is None:
            sentence = _SENTENCE_END.search(block.text, 1)
            self.texts["opening"] = block.text[: sentence.end()] if sentence else block.text
        else:
            self.texts["opening"] = found.text
            self.opening = found
        rest = _drop_prefix(block.spans, len(self.texts["opening"]))
        return [rest] if rest else []

    def _parties_and_meeting(self) -> None:
        found = self.opening
        parties = _split_parties(found.parties, _EU.name) if found else None
        title = sentences.title(self.texts.get("title", ""))
        short = _split_parties(title[0], _EU.short_name, capital=True) if title else None
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
        self.data["meeting"] = self._meeting(found, bool(title and title[1]))

    def _unknown_meeting(self) -> dict[str, Any]:
        return {
            "name": self._missing("meeting.name", "what the talks are called"),
            "date": self._missing("meeting.date", "the (first) day of the talks, YYYY-MM-DD"),
            "place": self._missing("meeting.place", "where the talks were held"),
            "opening": self.texts.get("opening", ""),
        }

    def _meeting(self, found: sentences.Opening, their: bool) -> dict[str, Any]:
        meeting: dict[str, Any] = {}
        name = found.name
        if (found.ordinal or their) and name.startswith("the "):
            meeting["article"] = "the"
            name = name.removeprefix("the ")
        meeting["name"] = name
        if found.ordinal:
            number, style = _ordinal(found.ordinal)
            if number is None:
                self.warn(f'the round "{found.ordinal}" is not an ordinal number')
            meeting["round"] = number
            if style == "figures":
                meeting["round_style"] = "figures"
        meeting["date"], meeting["end_date"] = _span(found.when, None) or (None, None)
        meeting["place"] = found.place
        return meeting

    def _civil_society(self) -> None:
        text = self.texts.get("civil_society")
        if text is None:
            return
        found = sentences.civil_sentence(text)
        meetings = _civil_meetings(found[2], self.data.get("date")) if found else None
        if found is None or meetings is None or found[1] != _EU.short_name:
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
        found = sentences.next_round(text)
        if found is not None and found.date and _day(found.date) is None:
            found = None
        if found is None:
            self.data["next_round"] = {"sentence": text}
            self.warn("the next-round paragraph is not recognised; kept as `next_round.sentence`")
            return
        self._compound(found.compound)
        place, timing = found.place, found.timing or found.own
        if place and not (timing or found.date) and not _place_name(place):
            place, timing = None, place  # "in autumn 2013.": a time; "in Brussels.": a place
        self.data["next_round"] = {
            "timing": timing,
            "date": _day(found.date) if found.date else None,
            "place": place,
            "remark": found.remark,
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
            elif sentences.is_website(text) and " " not in text:
                contacts["website"] = _website(block)
            else:
                people.append(self._contact(text))
        if people:
            contacts = {"people": people, **contacts}
        if contacts:
            self.data["contacts"] = contacts

    def _contact(self, text: str) -> dict[str, Any]:
        rest, email = sentences.contact_email(text)
        first, *more = rest.split(" - ")
        name, phone = sentences.contact_phone(first)
        phones = ([phone] if phone else []) + more
        if more and not phone:
            self.warn(f'the contact line "{text}" is not recognised; check its name and phones')
        return {"name": name, "phones": phones, "email": email}


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
        embargo = sentences.embargo(blocks[0].text)
        if blocks[0].text == _draft_mark():
            marks["status"] = "draft"
        elif embargo and (day := _day(embargo[0])):
            marks["embargo"] = f"{day.isoformat()} {embargo[1]}"
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
        or (sentences.is_website(text) and " " not in text)
    )
