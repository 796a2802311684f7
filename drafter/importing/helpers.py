"""What the reader needs to read facts: dates, ordinals, parties, paragraphs, links."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from num2words import num2words

from drafter.importing import sentences
from drafter.importing.sentences import DATE, MONTH_NAMES, SPAN_PARTS
from drafter.schema import EU_LANGUAGES, Reference, Release
from drafter.structure import Block, Span

_SMALL_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to"})
_EU = Release.model_fields["eu"].default


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
    return MONTH_NAMES.index(name) + 1


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
    found = DATE.fullmatch(text)
    try:
        return date(int(found["y"]), _month(found["m"]), int(found["d"])) if found else None
    except ValueError:  # 31 June
        return None


def _span(text: str, default_year: int | None) -> tuple[date, date | None] | None:
    """`24-27 April 2012`, `30 November and 1 December`, ... as (first day, last day or None).

    A span printed without a year starts in `default_year`; None if the days cannot be read.
    """
    found = SPAN_PARTS.fullmatch(text)
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
    own = eu[:1].upper() + eu[1:] if capital else eu
    first = len(own) if text.startswith(f"{own} and ") else None
    last = len(text) - len(eu) - len(" and ")
    second = last if last >= 0 and text.endswith(f" and {eu}") else None
    if first is not None and (second is None or first <= second):
        return text[first + len(" and ") :], False
    if second is not None:
        return text[:second], True
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
    for found in sentences.civil_meetings(text) or []:
        days = _span(found.when, year)
        if days is None:
            return None
        start, end = days
        places = re.split(r", | and ", found.places)
        meetings.append(
            {"participants": found.who, "places": places, "date": start, "end_date": end}
        )
    return meetings or None


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
