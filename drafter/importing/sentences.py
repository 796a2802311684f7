"""The house's generated lines and sentences read back into their parts, in linear time.

Each reader mirrors the house's English wording. They split at fixed words with
`partition`, `find` and anchored patterns of bounded length, never with patterns such as
`(.+?) in (.+?) on ...` whose backtracking takes minutes on a crafted text of a few
kilobytes (cubic time): a line of n characters is read in O(n).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.dates import get_month_names

__all__ = [
    "DATE",
    "MONTH_NAMES",
    "SPAN_PARTS",
    "CivilMeeting",
    "NextRound",
    "Opening",
    "civil_meetings",
    "civil_sentence",
    "contact_email",
    "contact_phone",
    "dateline",
    "embargo",
    "is_website",
    "next_round",
    "opening",
    "title",
]

MONTH_NAMES = tuple(get_month_names("wide", locale="en_GB")[m] for m in range(1, 13))
_MONTH = "|".join(MONTH_NAMES)
_TO = "(?:-| and )"  # 24-27 April; two days running: 23 and 24 July
_SPAN = (
    rf"\d{{1,2}}(?: (?:{_MONTH}))?(?: \d{{4}})?"
    rf"(?:{_TO}\d{{1,2}} (?:{_MONTH})(?: \d{{4}})?)?"
)
SPAN_PARTS = re.compile(
    rf"(?P<d1>\d{{1,2}})(?: (?P<m1>{_MONTH}))?(?: (?P<y1>\d{{4}}))?"
    rf"(?:{_TO}(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH})(?: (?P<y2>\d{{4}}))?)?"
)
DATE = re.compile(rf"(?P<d>\d{{1,2}}) (?P<m>{_MONTH}) (?P<y>\d{{4}})")
_OPENING_START = re.compile(rf"On (?P<when>{_SPAN}), ")
_THEIR_ROUND = re.compile(r"their (?P<ordinal>[\w-]+) round of ")
_SENTENCE_END = re.compile(r"\.(?=\s|$)")
_SPAN_THEN = re.compile(rf"(?P<when>{_SPAN})(?:, | and |$)")
_CIVIL_START = (
    "In line with established practice and so as to incorporate the views of civil "
    "society into the "
)
_NEXT_START = "The next round of "
_TAKE_PLACE = " should take place"
_OWN_TIMING = re.compile(
    r"(?:next|by|at|before|after|during|within|around|towards|until|later|this|soon)\b"
)
"""The first words of an English timing printed without "in" ("next year"; eu-press wording.j2)."""
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
_PHONE_CHARS = frozenset("0123456789 ().-/")
_LABEL = re.compile(r"[\w-]+")
_EMBARGO_END = re.compile(rf"(?P<date>{DATE.pattern}), (?P<time>\d{{1,2}}:\d{{2}}) CES?T")


def dateline(text: str) -> tuple[str, str] | None:
    """`Brussels, 24 July 2012` as (place, date), or None."""
    place, comma, day = text.rpartition(", ")
    if not (comma and place) or "\n" in place or not DATE.fullmatch(day):
        return None
    return place, day


def title(text: str) -> tuple[str, bool, str] | None:
    """`The EU and Russia hold (their) NAME` as (parties, whether "their", name), or None."""
    parties, hold, rest = text.rpartition(" hold ")
    if not (hold and parties and rest):
        return None
    their = rest.startswith("their ") and len(rest) > len("their ")
    return parties, their, rest.removeprefix("their ") if their else rest


@dataclass(frozen=True)
class Opening:
    """The parts of an opening: `On WHEN, PARTIES held (their ORDINAL round of) NAME in PLACE`."""

    text: str
    when: str
    parties: str
    ordinal: str | None
    name: str
    place: str


def opening(text: str) -> Opening | None:
    """The opening sentence at the start of `text`, read into its parts; None if it is not one.

    PARTIES ends at the first " held ", NAME at the first " in " after it, and PLACE at the
    first full stop followed by a space (or the end).
    """
    start = _OPENING_START.match(text)
    if start is None:
        return None
    held = text.find(" held ", start.end() + 1)
    if held < 0:
        return None
    name_at = held + len(" held ")
    their = _THEIR_ROUND.match(text, name_at)
    if their is not None:
        name_at = their.end()
    where = text.find(" in ", name_at + 1)
    end = _SENTENCE_END.search(text, where + len(" in ") + 1) if where >= 0 else None
    if end is None:
        return None
    return Opening(
        text=text[: end.end()],
        when=start["when"],
        parties=text[start.end() : held],
        ordinal=their["ordinal"] if their else None,
        name=text[name_at:where],
        place=text[where + len(" in ") : end.start()],
    )


def civil_sentence(text: str) -> tuple[str, str, str] | None:
    """`In line with ... into the WORD, EU met MEETINGS.` as (word, eu, meetings), or None."""
    if not text.startswith(_CIVIL_START) or not text.endswith(".") or "\n" in text:
        return None
    rest = text[len(_CIVIL_START) : -1]
    word, space, rest = rest.partition(" ")
    if not (space and word.endswith(",") and len(word) > 1):
        return None
    met = rest.find(" met ", 1)
    meetings = rest[met + len(" met ") :] if met >= 0 else ""
    if not meetings:
        return None
    return word[:-1], rest[:met], meetings


@dataclass(frozen=True)
class CivilMeeting:
    """One meeting of the civil-society sentence: `WHO in PLACES on WHEN`."""

    who: str
    places: str
    when: str


def civil_meetings(text: str) -> list[CivilMeeting] | None:
    """`WHO in PLACES on WHEN, ... and ...` as its meetings; None unless it is all of them."""
    meetings: list[CivilMeeting] = []
    position = 0
    while position < len(text):
        where = text.find(" in ", position + 1)
        if where < 0:
            return None
        found = _next_span(text, where + len(" in ") + 1)
        if found is None:
            return None
        on, span = found
        who, places = text[position:where], text[where + len(" in ") : on]
        if "\n" in who or "\n" in places:
            return None
        meetings.append(CivilMeeting(who, places, span["when"]))
        position = span.end()
    return meetings or None


def _next_span(text: str, start: int) -> tuple[int, re.Match[str]] | None:
    """The first " on WHEN" at or after `start` that a separator or the end follows."""
    on = text.find(" on ", start)
    while on >= 0:
        span = _SPAN_THEN.match(text, on + len(" on "))
        if span is not None:
            return on, span
        on = text.find(" on ", on + 1)
    return None


@dataclass(frozen=True)
class NextRound:
    """The parts of `The next round of (the) COMPOUND NAME should take place ... REMARK`."""

    article: bool
    compound: str
    name: str
    place: str | None = None
    timing: str | None = None
    date: str | None = None
    own: str | None = None
    remark: str | None = None


def next_round(text: str) -> NextRound | None:
    """The next-round paragraph read into its parts, or None.

    After "should take place" come, within the sentence: " in PLACE", then " in TIMING",
    " on DATE" or a timing of its own ("next year"); any of them may be left out.
    """
    if not text.startswith(_NEXT_START):
        return None
    rest = text[len(_NEXT_START) :]
    article = rest.startswith("the ")
    compound, space, rest = rest.removeprefix("the ").partition(" ")
    take = rest.find(_TAKE_PLACE, 1)
    if not (compound and space) or take < 0:
        return None
    after = take + len(_TAKE_PLACE)
    end = _SENTENCE_END.search(rest, after)
    if end is None:
        return None
    remark = rest[end.end() :]
    if remark and not (remark[0].isspace() and remark.strip()):
        return None
    parts = _when_and_where(rest[after : end.start()])
    if parts is None:
        return None
    place, timing, day, own = parts
    return NextRound(
        article, compound, rest[:take], place, timing, day, own, remark.lstrip() or None
    )


def _when_and_where(middle: str) -> tuple[str | None, ...] | None:
    """(place, timing, date, own timing) of what follows "should take place", or None."""
    if middle.startswith(" in ") and len(middle) > len(" in "):
        for cut in range(len(" in ") + 1, len(middle) + 1):
            tail = _timing(middle, cut)
            if tail is not None:
                return (middle[len(" in ") : cut], *tail)
    tail = _timing(middle, 0)
    return None if tail is None else (None, *tail)


def _timing(middle: str, cut: int) -> tuple[str | None, str | None, str | None] | None:
    """(timing, date, own timing) if `middle[cut:]` is one of them or nothing, else None."""
    if cut == len(middle):
        return None, None, None
    if middle.startswith(" in ", cut) and len(middle) > cut + len(" in "):
        return middle[cut + len(" in ") :], None, None
    if middle.startswith(" on ", cut) and DATE.fullmatch(middle, cut + len(" on ")):
        return None, middle[cut + len(" on ") :], None
    own = _OWN_TIMING.match(middle, cut + 1) if middle.startswith(" ", cut) else None
    if own is not None and own.end() < len(middle):
        return None, None, middle[cut + 1 :]
    return None


def contact_email(text: str) -> tuple[str, str | None]:
    """A contact line as (what comes before the e-mail address, the address or None)."""
    head, space, email = text.rpartition(" ")
    if not space or "\n" in head or not _EMAIL.fullmatch(email):
        return text, None
    return head.removesuffix(" -"), email


def contact_phone(text: str) -> tuple[str, str | None]:
    """`Name +32 2 299 97 80` as (name, phone), the phone None when there is none at the end."""
    start = len(text)
    while start > 0 and text[start - 1] in _PHONE_CHARS:
        start -= 1
    if start >= 2 and start < len(text) and text[start - 2 : start] == " +":
        return text[: start - 2], text[start - 1 :]
    return text, None


def is_website(text: str) -> bool:
    """Whether `text` is a web address as a footer prints it: `www.eeas.europa.eu/press`."""
    rest = text.removeprefix("https://") if text.startswith("https://") else text
    rest = rest.removeprefix("http://")
    host, _, path = rest.partition("/")
    labels = host.split(".")
    plain = all(_LABEL.fullmatch(label) for label in labels)
    return len(labels) > 1 and plain and not any(char.isspace() for char in path)


def embargo(text: str) -> tuple[str, str] | None:
    """`EMBARGO: ... before 24 July 2012, 10:00 CET` as (date, time), or None."""
    head, before, end = text.rpartition(" before ")
    found = _EMBARGO_END.fullmatch(end) if before else None
    if found is None or not head.startswith("EMBARGO: ") or "\n" in head:
        return None
    return found["date"], found["time"]
