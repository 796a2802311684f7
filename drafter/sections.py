"""The release's sections written as facts: civil society, the next round, the contacts.

Each group is validated on its own; what contradicts the rest of the release (a next round
before this one) is checked by `drafter.schema`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, Self

from pydantic import BeforeValidator, Field, model_validator

from drafter.fields import Email, Line, Phone, Text, WebUrl
from drafter.values import Day, Inconsistency, _lower, _Model, _whole_number, timing_years

__all__ = [
    "CivilSociety",
    "CivilSocietyMeeting",
    "Contact",
    "Contacts",
    "Layout",
    "NextRound",
    "When",
    "civil_society_problems",
    "next_round_problems",
]


class CivilSocietyMeeting(_Model):
    """A meeting with civil society ahead of the talks."""

    participants: Line = Field(description='Whom the EU met: "representatives of Russian NGOs".')
    places: list[Line] | None = Field(
        None,
        min_length=1,
        max_length=10,
        description="Where (left out: the sentence names no place).",
    )
    date: Day | None = Field(
        None, description="The (first) day; a meeting `prior` to the talks needs none."
    )
    end_date: Day | None = Field(None, description="The last day, for meetings over several days.")
    prior: bool = Field(
        False,
        description='Held just before the talks: printed "prior to the consultations", with '
        "no date.",
    )


class CivilSociety(_Model):
    """The EU's consultation of civil society around the talks."""

    meetings: list[CivilSocietyMeeting] = Field(
        default_factory=list, max_length=20, description="In the order the paragraph names them."
    )
    sentence: Text | None = Field(None, description="Replaces the generated paragraph.")
    in_body: bool = Field(
        False,
        description="Print the sentence at the end of the body's last paragraph, not as a "
        "paragraph of its own.",
    )

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.meetings and self.sentence is None:
            raise ValueError("give the meetings, or the sentence, or leave civil_society out")
        return self


Season = Literal["spring", "summer", "autumn", "winter"]
Arrangement = Literal["expected", "agreed", "proposed", "scheduled", "planned"]
WholeNumber = Annotated[int, BeforeValidator(_whole_number)]


class When(_Model):
    """When the next round takes place, as facts: a year, and a season, half or month of it."""

    year: WholeNumber = Field(ge=1950, le=2100, description="The year: 2013.")
    season: Annotated[Season, BeforeValidator(_lower)] | None = Field(
        None, description='spring, summer, autumn or winter: "in autumn 2013".'
    )
    half: Annotated[Literal["first", "second"], BeforeValidator(_lower)] | None = Field(
        None, description='first or second: "in the first half of 2014".'
    )
    month: WholeNumber | None = Field(
        None, ge=1, le=12, description='The month, 1 to 12: 11 is "in November 2013".'
    )
    by_end: bool = Field(
        False,
        description='"by the end of 2013" (with a month: "by the end of November 2013").',
    )


class NextRound(_Model):
    """What is known of the next round."""

    when: When | None = Field(
        None,
        description="When, as facts: `{year: 2013, season: autumn}`, `{year: 2014, half: "
        "first}`, `{year: 2013, month: 11}`, `{year: 2013, by_end: true}`.",
    )
    timing: Line | None = Field(
        None,
        description='When, in words (`when` writes it from facts): "autumn 2012" (printed '
        '"in autumn 2012"); a timing with its own preposition is printed as it is: "next '
        'year", "by the end of 2013", "under the Irish Presidency".',
    )
    date: Day | None = Field(None, description="The date, where it is fixed.")
    presidency: Line | None = Field(
        None,
        description='The Council Presidency it falls under, as an adjective: "German" '
        '(printed "under the German Presidency").',
    )
    place: Line | None = Field(
        None, description="Where it should take place (with or without a timing or date)."
    )
    arrangement: Annotated[Arrangement, BeforeValidator(_lower)] = Field(
        "expected",
        description='How it is settled: expected ("should take place"), agreed ("the two '
        'sides agreed to hold"), proposed ("the EU proposed to hold"), scheduled ("is '
        'scheduled to take place"), planned ("are planned").',
    )
    after_paragraph: WholeNumber | None = Field(
        None,
        ge=1,
        le=100,
        description="Print the sentence after this paragraph of `body` (1 is the first, "
        "which the opening sentence begins); by default it follows the body and civil society.",
    )
    remark: Text | None = Field(None, description="Text that follows the generated sentence.")
    sentence: Text | None = Field(None, description="Replaces the generated sentence.")

    @model_validator(mode="after")
    def _something(self) -> Self:
        given = (self.when, self.timing, self.date, self.place, self.presidency, self.sentence)
        if all(value is None for value in given):
            raise ValueError(
                "give the timing (`when` or `timing`), the date, the place, the presidency or "
                "the sentence of the next round"
            )
        return self


Found = list[Inconsistency]
"""Problems as (field, message, value)."""


def civil_society_problems(civil: CivilSociety, issued: date, paragraphs: int) -> Found:
    """What in the civil-society meetings contradicts itself or the release's date `issued`."""
    found: Found = []
    if civil.in_body and paragraphs == 0:
        message = "needs a paragraph of `body` to end; give the body, or leave in_body out"
        found.append((("civil_society", "in_body"), message, civil.in_body))
    for index, meeting in enumerate(civil.meetings):
        found += _meeting_problems(meeting, ("civil_society", "meetings", index), issued)
    return found


def _meeting_problems(
    meeting: CivilSocietyMeeting, loc: tuple[str | int, ...], issued: date
) -> Found:
    if meeting.prior:
        return [
            ((*loc, name), "is given with `prior: true`; a meeting prior to the talks is not "
             "dated: leave one of them out", getattr(meeting, name))
            for name in ("date", "end_date")
            if getattr(meeting, name) is not None
        ]  # fmt: skip
    if meeting.date is None:
        message = "is missing: give the (first) day of the meeting, or `prior: true`"
        return [((*loc, "date"), message, None)]
    found: Found = []
    if meeting.end_date and meeting.end_date < meeting.date:
        message = f"is before its date ({meeting.date}); check both dates"
        found.append(((*loc, "end_date"), message, meeting.end_date))
    last_day = meeting.end_date or meeting.date
    if last_day > issued:
        which = "end_date" if meeting.end_date and meeting.end_date > issued else "date"
        message = (
            f"is after the release date ({issued}); a meeting reported in the release "
            "must have taken place by then: check the dates"
        )
        found.append(((*loc, which), message, last_day))
    return found


def next_round_problems(next_round: NextRound, last_day: date, paragraphs: int) -> Found:
    """What in the next round contradicts itself or this round (ending `last_day`)."""
    found: Found = []
    loc: tuple[str | int, ...] = ("next_round",)
    if next_round.date and next_round.date <= last_day:
        message = (
            f"is not after this round ({last_day}); the next round must come later: check the date"
        )
        found.append(((*loc, "date"), message, next_round.date))
    years = timing_years(next_round.timing)
    if years and max(years) < last_day.year:
        message = (
            f"names {max(years)}, before this round's year {last_day.year}; the next round must "
            "come later: check the year"
        )
        found.append(((*loc, "timing"), message, next_round.timing))
    if next_round.when:
        found += _when_problems(next_round.when, last_day)
        for other in ("timing", "date"):
            if getattr(next_round, other) is not None:
                message = f"is given with next_round.{other}; give one of them"
                found.append(((*loc, "when"), message, None))
    after = next_round.after_paragraph
    if after is not None and after > max(paragraphs, 1):
        message = (
            f"is paragraph {after} but the body has {paragraphs}; give a number from 1 to "
            f"{max(paragraphs, 1)}, or leave it out to follow the body"
        )
        found.append(((*loc, "after_paragraph"), message, after))
    return found


def _when_problems(when: When, last_day: date) -> Found:
    loc: tuple[str | int, ...] = ("next_round", "when")
    found: Found = []
    parts = [name for name in ("season", "half", "month") if getattr(when, name) is not None]
    for extra in parts[1:]:
        message = f"is given with `{parts[0]}`; give one of season, half and month"
        found.append(((*loc, extra), message, getattr(when, extra)))
    if when.by_end and parts and parts[0] != "month":
        message = f'goes with a year or a month ("by the end of 2013"), not with `{parts[0]}`'
        found.append(((*loc, "by_end"), message, when.by_end))
    month = when.month or 12
    if (when.year, month) < (last_day.year, last_day.month):
        message = (
            f"is before this round ({last_day:%B %Y}); the next round must come later: "
            "check the year and month"
        )
        found.append(((*loc, "year"), message, when.year))
    return found


class Contact(_Model):
    """A press officer to contact."""

    name: Line = Field(description="Full name.")
    title: Line | None = Field(
        None, description='What the person is, printed after the name: "Spokesperson".'
    )
    unit: Line | None = Field(
        None, description='The person\'s service, printed after the title: "Press Office".'
    )
    phones: list[Phone] = Field(default_factory=list, max_length=5, description="In order.")
    email: Email | None = Field(None, description="E-mail address.")


class Contacts(_Model):
    """The "for further details" block."""

    people: list[Contact] = Field(
        default_factory=list,
        max_length=20,
        description="One line each, in order: a person written out, or the key of a person "
        "in the shared contacts file (`contacts_file`).",
    )
    mailbox: Email | None = Field(None, description="The press team's functional mailbox.")
    website: WebUrl | None = Field(None, description="The website, printed without http://.")

    @property
    def website_text(self) -> str:
        """The website as printed: no scheme, no trailing slash."""
        return re.sub(r"^https?://", "", self.website or "").rstrip("/")


class Layout(_Model):
    """Pieces of the page a release of the family may use."""

    subtitle: Line | None = Field(None, description="A line printed under the title.")
    numbered: bool = Field(
        False, description='Number the body\'s paragraphs: "1.", "2.", ... (Council releases).'
    )
