"""The facts of a release of a round of talks, as a validated Pydantic model.

The model holds facts (who met whom, when, where, which round); the house templates turn
them into sentences. Every generated sentence can be replaced by text of the officer's own
(the `title`, `opening`, `sentence` and `heading` fields).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from drafter.fields import Line, Text, Url, check_placeholder
from drafter.meeting import CompoundOrder, IssuerRole, Joint, Opening, opening_inconsistencies
from drafter.publication import Checks, EmbargoTime, Status, embargo_problems
from drafter.sections import (
    CivilSociety,
    CivilSocietyMeeting,
    Contact,
    Contacts,
    Layout,
    NextRound,
    civil_society_problems,
    next_round_problems,
)
from drafter.values import (
    _OTHER_FORM,
    _REFERENCE,
    EU_LANGUAGES,
    FIRST_DAY,
    LAST_DAY,
    MAX_RELEASE_TEXT,
    ClockTime,
    Day,
    HouseName,
    Language,
    Series,
    _lower,
    _Model,
    _whole_number,
    timing_years,
)

__all__ = [
    "EU_LANGUAGES",
    "FIRST_DAY",
    "LAST_DAY",
    "CivilSociety",
    "CivilSocietyMeeting",
    "Contact",
    "Contacts",
    "Day",
    "Meeting",
    "NextRound",
    "Party",
    "PreviousRound",
    "Reference",
    "Release",
    "Run",
    "timing_years",
]


class Run(_Model):
    """A piece of a paragraph: text, optionally bold, italic or a link."""

    text: Text = Field(description="The words of this piece of the paragraph.")
    bold: bool = Field(False, description="Print in bold.")
    italic: bool = Field(False, description="Print in italics.")
    url: Url | None = Field(None, description="Make the text a link to this address.")


def _runs(value: object) -> object:
    """A paragraph written as plain text, or as one run, is a list of one run."""
    return [value] if isinstance(value, str | int | float | dict) else value


def _run(value: object) -> object:
    return {"text": value} if isinstance(value, str | int | float) else value


Paragraph = Annotated[
    list[Annotated[Run, BeforeValidator(_run)]],
    BeforeValidator(_runs),
    Field(min_length=1, max_length=200),
]
"""A paragraph: plain text, or a list of runs for bold, italics and links."""


class Party(_Model):
    """One side of the talks, named as in running text."""

    name: Line = Field(
        description="Full name as written mid-sentence, with its article: "
        '"the Russian Federation", "China", "the European Union".'
    )
    short_name: Line = Field(description='Short name mid-sentence: "Russia", "the EU".')
    compound: Line | None = Field(
        None,
        description='Form in compounds such as "EU-Russia"; default: short name without "the".',
    )

    @property
    def compound_name(self) -> str:
        """The form used in compounds ("EU-Russia")."""
        return self.compound or re.sub(r"^the\s+", "", self.short_name, flags=re.IGNORECASE)


class Reference(_Model):
    """The release's number in its series, printed like `A 350/12`."""

    series: Series | None = Field(None, description='Series letters: "A".')
    number: Annotated[int, BeforeValidator(_whole_number)] = Field(
        ge=1, le=999_999, description="Number within the series and year: 350."
    )
    year: int = Field(
        ge=1950, le=2100, description="Year of the reference (printed as two digits)."
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        match = _REFERENCE.match(check_placeholder(value.strip()))
        if match is None:
            spaced = re.sub(r"^([A-Z]{1,8})\s*(?=\d)", r"\1 ", value.strip())
            hint = (
                f'write "{spaced}"'
                if _REFERENCE.match(spaced)
                else 'write it like "A 350/12" (series letters, a space, the number, a slash '
                f"and the year){_OTHER_FORM % {'number': value.strip()}}"
            )
            raise ValueError(f'"{value}" is not a reference; {hint}')
        year = int(match["year"])
        if year < 100:  # two digits: 50-99 are 1950-1999, 00-49 are 2000-2049
            year += 1900 if year >= 50 else 2000
        return {"series": match["series"], "number": match["number"], "year": year}

    @classmethod
    def parse_or_none(cls, value: object) -> Reference | None:
        """The reference in `value`, or None where it is not one."""
        try:
            return cls.model_validate(value)
        except ValueError:
            return None

    def __str__(self) -> str:
        serial = f"{self.number}/{self.year % 100:02d}"
        return f"{self.series} {serial}" if self.series else serial

    @property
    def slug(self) -> str:
        """The reference as a file-name part: `A-350-12`."""
        return str(self).replace(" ", "-").replace("/", "-")


class Meeting(_Model):
    """The round of talks the release is about."""

    name: Line = Field(
        description='What the talks are called, as after "round of": "human rights consultations".'
    )
    article: Annotated[Literal["", "the"], BeforeValidator(_lower)] = Field(
        "", description='"the" for a named singular event: "round of the Human Rights Dialogue".'
    )
    round: Annotated[int, BeforeValidator(_whole_number)] | None = Field(
        None, ge=1, le=999, description="The round's number: 15."
    )
    round_style: Literal["words", "figures"] = Field(
        "words", description='Print the round as "fifteenth" (words) or "15th" (figures).'
    )
    date: Day = Field(description="The (first) day of the talks.")
    end_date: Day | None = Field(None, description="The last day, for talks over several days.")
    place: Line = Field(description='Where the talks were held: "Brussels".')
    opening: Text | None = Field(None, description="Replaces the generated opening sentence.")


class PreviousRound(_Model):
    """An earlier round, listed under the release with a link to its release."""

    date: Day = Field(description="The (first) day of that round.")
    end_date: Day | None = Field(None, description="The last day, for a round of several days.")
    url: Url | None = Field(None, description="Link to that round's release.")
    reference: Reference | None = Field(None, description="That round's release reference.")


_EU = Party(name="the European Union", short_name="the EU", compound="EU")


class Release(_Model):
    """A press release on a round of talks."""

    language: Language = Field("en", description="Language of this version (ISO 639-1).")
    issuer: Line = Field(description='Issuing body, printed as the header: "European Union".')
    co_issuer: Line | None = Field(None, description="Second issuing body of a joint release.")
    place: Line = Field(description='Place of the date line: "Brussels".')
    date: Day = Field(description="Date of issue.")
    reference: Reference | None = Field(
        None,
        description='Reference: "A 350/12" (series, number/year). A number of another form '
        "is an `identifier`.",
    )
    reference_lost: bool = Field(
        False,
        description="The release's number is lost (an archived release): no reference line, "
        "and no house asks for one.",
    )
    identifier: Line | None = Field(
        None,
        description="The release's number where it is not a reference of the form A 350/12: "
        'EEAS "130627/01", Council "11361/13 PRESSE 281", eeas-web "170720_16" (the house '
        "may ask for a form). eu-press prints it in the reference's place.",
    )
    time: ClockTime | None = Field(
        None, description='Time of issue, for houses that print it: "20:52" (24-hour clock).'
    )
    house: HouseName | None = Field(
        None, description='House format: "eu-press" (the default), "eeas-web" or an installed one.'
    )
    title: Line | None = Field(None, description="Replaces the generated title.")
    layout: Layout | None = Field(
        None, description="Pieces of the page: a subtitle, numbered paragraphs."
    )
    eu: Party = Field(_EU, description="The EU side as named in this release.")
    counterpart: Party = Field(description="The other side of the talks.")
    counterpart_first: bool = Field(False, description="Name the counterpart before the EU.")
    meeting: Meeting
    # --- the opening's frame and who speaks (drafter/meeting.py, docs/frames.md) ---
    opening: Opening | None = Field(
        None, description="How the generated opening sentence reads (its frame)."
    )
    joint: Joint | None = Field(
        None, description="A joint release of the EU and the `co_issuer`, with its label."
    )
    issuer_role: IssuerRole = Field(
        "eu",
        description='Who issues the release: "eu", "presidency" (the Council Presidency, named '
        'in `presidency`) or "counterpart" (then named first, unless `counterpart_first` says).',
    )
    presidency: Line | None = Field(
        None,
        description='The Presidency issuing the release, as mid-sentence: "the German Presidency".',
    )
    compound_order: CompoundOrder | None = Field(
        None,
        description='The order of compounds ("EU-Turkmenistan"): eu_first, counterpart_first, or '
        "as_named (the order the release names the parties in). Default: as_named where "
        "`counterpart_first` is written, eu_first otherwise.",
    )
    body: list[Paragraph] = Field(
        default_factory=list,
        max_length=100,
        description="Paragraphs after the opening sentence, each plain text or a list of runs "
        "(for bold, italics and links): the talks, the delegations and who led them, visits, "
        "meetings on the margins.",
    )
    civil_society: CivilSociety | None = None
    next_round: NextRound | None = None
    contacts: Contacts | None = None
    previous_rounds: list[PreviousRound] = Field(
        default_factory=list,
        max_length=50,
        description="Earlier rounds, listed under the release newest first (in any order here).",
    )
    previous_rounds_heading: Line | None = Field(
        None, description="Replaces the generated heading."
    )
    # --- from draft to publication (issue 8) ---
    status: Status = Field(
        "draft", description="draft (every format marked DRAFT) or final (checked, publishable)."
    )
    embargo: EmbargoTime | None = Field(
        None, description='Not for publication before, Brussels time: "2012-07-24 12:00".'
    )
    checks: Checks | None = Field(None, description="Settings of `drafter check` for this file.")
    contacts_file: Line | None = Field(
        None,
        description="The shared contacts file whose keys `contacts.people` may name, "
        "relative to this file.",
    )

    translations: dict[Language, dict[str, Any]] = Field(
        default_factory=dict,
        description="Other language versions: for each language code, only that language's "
        "text (title, body, names, places, sentences); the facts are shared.",
    )

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of the release: its own first, then its translations'."""
        return (self.language, *(code for code in self.translations if code != self.language))

    @property
    def parties(self) -> tuple[Party, Party]:
        """The two sides in the order the release names them.

        A release the counterpart issues names it first, unless `counterpart_first` is written.
        """
        first = self.counterpart_first
        if self.issuer_role == "counterpart" and "counterpart_first" not in self.model_fields_set:
            first = True
        return (self.counterpart, self.eu) if first else (self.eu, self.counterpart)

    @property
    def opening_frame(self) -> Opening:
        """The facts of the opening's frame: the `opening` block, or the house's default frame."""
        return self.opening or Opening()

    @property
    def compound_parties(self) -> tuple[Party, Party]:
        """The two sides in the order of compounds: "EU-Turkmenistan" (`compound_order`)."""
        order = self.compound_order
        if order is None:
            order = "as_named" if "counterpart_first" in self.model_fields_set else "eu_first"
        if order == "as_named":
            return self.parties
        pair = (self.eu, self.counterpart)
        return pair if order == "eu_first" else (self.counterpart, self.eu)

    @property
    def file_stem(self) -> str:
        """The outputs' common file name: `2012-07-24_A-350-12`."""
        tail = self.reference.slug if self.reference else _slug(self.identifier or "release")
        draft = "_DRAFT" if self.status == "draft" else ""
        return f"{self.date.isoformat()}_{tail}{draft}"

    @model_validator(mode="after")
    def _not_too_long(self) -> Self:
        total = _text_length(self)
        if total > MAX_RELEASE_TEXT:
            raise ValueError(
                f"the release holds {total:,} characters of text; at most "
                f"{MAX_RELEASE_TEXT:,} (about 100 pages) fit one release: split it"
            )
        return self

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        errors = [_error(loc, message, value) for loc, message, value in _inconsistencies(self)]
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self


def _slug(text: str) -> str:
    """Text as a file-name part: letters, figures, `_` and `-` only."""
    return re.sub(r"[^A-Za-z0-9_]+", "-", text).strip("-") or "release"


def _text_length(value: object) -> int:
    """The number of characters of text in a model, its lists and sub-models."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, BaseModel):
        return sum(_text_length(getattr(value, name)) for name in type(value).model_fields)
    if isinstance(value, list):
        return sum(_text_length(item) for item in value)
    if isinstance(value, dict):
        return sum(_text_length(item) for item in value.values())
    return 0


def _error(loc: tuple[str | int, ...], message: str, value: object) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError("inconsistent", message), loc=loc, input=value)


def _inconsistencies(release: Release) -> list[tuple[tuple[str | int, ...], str, object]]:
    """Every fact that contradicts another, as (field, message, value)."""
    found: list[tuple[tuple[str | int, ...], str, object]] = []
    meeting, issued = release.meeting, release.date
    last_day = meeting.end_date or meeting.date
    if meeting.end_date and meeting.end_date < meeting.date:
        message = (
            f"is before meeting.date ({meeting.date}); the last day cannot come before the first"
        )
        found.append((("meeting", "end_date"), message, meeting.end_date))
    if last_day > issued:
        which = "end_date" if meeting.end_date and meeting.end_date > issued else "date"
        message = (
            f"is after the release date ({issued}); the talks must be over by then: "
            "check both dates"
        )
        found.append((("meeting", which), message, last_day))
    if release.reference and release.reference.year != issued.year:
        year = release.reference.year
        message = (
            f"is a reference of {year} but the release is dated {issued.year}; "
            f"use the number for {issued.year} (.../{issued.year % 100:02d}) or check the date"
            f"{_OTHER_FORM % {'number': release.reference}}"
        )
        found.append((("reference",), message, str(release.reference)))
    if release.reference_lost and (release.reference or release.identifier):
        given = "reference" if release.reference else "identifier"
        message = f"is true but the {given} is given; leave one of them out"
        found.append((("reference_lost",), message, True))
    found += _previous_inconsistencies(release)
    found += [
        (("embargo",), message, release.embargo)
        for message in embargo_problems(release.embargo, issued)
    ]
    if release.civil_society:
        found += civil_society_problems(release.civil_society, issued, len(release.body))
    found += opening_inconsistencies(release)
    if release.next_round:
        found += next_round_problems(release.next_round, last_day, len(release.body))
    return found


def _previous_inconsistencies(release: Release) -> list[tuple[tuple[str | int, ...], str, object]]:
    found: list[tuple[tuple[str | int, ...], str, object]] = []
    seen: dict[date, int] = {}
    for index, previous in enumerate(release.previous_rounds):
        loc = ("previous_rounds", index, "date")
        if previous.date >= release.meeting.date:
            message = (
                f"is not before this round ({release.meeting.date}); a previous round must be "
                "earlier: check the date or remove the entry"
            )
            found.append((loc, message, previous.date))
        if previous.date in seen:
            first = seen[previous.date]
            message = f"this round is listed twice (also previous_rounds[{first}]); remove one"
            found.append((loc, message, previous.date))
        seen.setdefault(previous.date, index)
        if previous.end_date and previous.end_date <= previous.date:
            message = f"is not after its date ({previous.date}); check both dates"
            found.append(((*loc[:-1], "end_date"), message, previous.end_date))
        elif previous.end_date and previous.end_date >= release.meeting.date:
            message = f"is not before this round ({release.meeting.date}); check the dates"
            found.append(((*loc[:-1], "end_date"), message, previous.end_date))
    return found
