"""The facts that pick the opening sentence's frame, and who speaks in the release.

The house writes one opening sentence a round, in a handful of frames: "On 20 July 2012,
the EU and Russia held their fifteenth round of ..." or "The 34th round of the EU-China
Human Rights Dialogue took place in Brussels today." The `opening` block of a release holds
the facts that choose among them (see docs/frames.md); `joint`, `issuer_role` and
`compound_order` say who speaks. Their consistency with the rest of the release is
checked by `opening_inconsistencies`, called from the release's own checks.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from drafter.fields import Text
from drafter.values import Inconsistency, _Model

if TYPE_CHECKING:
    from drafter.schema import Release

__all__ = [
    "CompoundOrder",
    "IssuerRole",
    "Joint",
    "Opening",
    "opening_inconsistencies",
]

Verb = Literal["held", "took_place", "were_held"]
IssuerRole = Literal["eu", "presidency", "counterpart"]
CompoundOrder = Literal["eu_first", "counterpart_first", "as_named"]


class Opening(_Model):
    """How the generated opening sentence reads: its frame, chosen by facts."""

    verb: Verb = Field(
        "held",
        description='"held": the parties held the round; "took_place": the round took place; '
        '"were_held": the round was held (the talks were held, with no round number).',
    )
    round_phrase: Literal["their", "of_dialogue"] | None = Field(
        None,
        description='"their": "their 15th round of ..."; "of_dialogue": "the 15th round of the '
        'EU-China ..." (the default with took_place and were_held, and for a round with no '
        "number).",
    )
    kind: Literal["regular", "another", "first"] | None = Field(
        None,
        description='A round with no number: "a regular round", "another round", or the first '
        'round ("launched their Human Rights Dialogue").',
    )
    date_first: bool = Field(
        True, description='The date before the names ("On 20 July 2012, the EU ..."), or last.'
    )
    place_in_opening: bool = Field(
        True, description="Name the meeting's place; false where the date line gives it."
    )
    relative: Literal["today"] | None = Field(
        None, description='Print "today" for the date (the meeting on the release\'s day).'
    )
    two_days: Literal["span", "and"] = Field(
        "span",
        description='Two days running as a span ("20-21 July") or joined by "and" ("30 '
        'November and 1 December").',
    )
    continues: Text | None = Field(
        None,
        description='A clause that continues the opening sentence, after a comma: "which '
        'focused on freedom of expression".',
    )
    paragraph: Literal["joined", "own"] = Field(
        "joined",
        description="The opening sentence starts the first paragraph, or is a paragraph alone.",
    )


class Joint(_Model):
    """A release issued jointly by the EU and another party (the `co_issuer`)."""

    label: Literal["joint press release", "joint communiqué"] = Field(
        "joint press release", description="The label printed above the title."
    )


def opening_inconsistencies(release: Release) -> list[Inconsistency]:
    """Every fact of the opening and of who speaks that contradicts another."""
    found: list[Inconsistency] = []
    opening, meeting = release.opening, release.meeting
    if opening is not None:
        found += _frame_problems(opening, meeting.round)
        found += _day_problems(opening, meeting.date, meeting.end_date, release.date)
        if not opening.place_in_opening and meeting.place != release.place:
            message = (
                f"is false but the date line ({release.place}) does not give the meeting's "
                f"place ({meeting.place}); name the place, or check both places"
            )
            found.append((("opening", "place_in_opening"), message, False))
    found += _speaker_problems(release)
    return found


def _frame_problems(opening: Opening, number: int | None) -> list[Inconsistency]:
    found: list[Inconsistency] = []
    if opening.kind and number is not None:
        message = (
            f"is for a round with no number, but meeting.round is {number}: leave one of them out"
        )
        found.append((("opening", "kind"), message, opening.kind))
    if opening.round_phrase == "their" and opening.verb != "held":
        message = (
            f'"their" needs the parties as the subject, which verb {opening.verb} has not: '
            "leave round_phrase out, or write verb: held"
        )
        found.append((("opening", "round_phrase"), message, "their"))
    elif opening.round_phrase == "their" and opening.kind in ("regular", "another"):
        message = (
            f'a {opening.kind} round is named "of the EU-... dialogue": leave round_phrase out'
        )
        found.append((("opening", "round_phrase"), message, "their"))
    return found


def _day_problems(
    opening: Opening, start: date, end: date | None, issued: date
) -> list[Inconsistency]:
    found: list[Inconsistency] = []
    if opening.relative == "today" and (start != issued or (end and end != start)):
        message = (
            f'prints "today", but the meeting is on {start}{f" to {end}" if end else ""} and the '
            f"release is dated {issued}: today is for a meeting of one day, on the release's day"
        )
        found.append((("opening", "relative"), message, "today"))
    if opening.two_days == "and" and end != start + timedelta(days=1):
        message = (
            f"joins two days running, but the meeting is on {start}"
            f"{f' to {end}' if end else ' only'}: give meeting.end_date the next day, or "
            "leave two_days out"
        )
        found.append((("opening", "two_days"), message, "and"))
    return found


def _speaker_problems(release: Release) -> list[Inconsistency]:
    found: list[Inconsistency] = []
    if release.joint and not release.co_issuer:
        message = "a joint release has two issuers: give co_issuer (the other party's body)"
        found.append((("joint",), message, "joint"))
    if release.issuer_role == "presidency" and not release.presidency:
        message = 'a Presidency issues the release: name it in presidency ("the German Presidency")'
        found.append((("issuer_role",), message, release.issuer_role))
    if release.presidency and release.issuer_role != "presidency":
        message = (
            "names the Presidency of a release it does not issue: write issuer_role: presidency"
        )
        found.append((("presidency",), message, release.presidency))
    return found
