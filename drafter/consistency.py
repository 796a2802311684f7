"""The release's facts that contradict one another: dates out of order, a wrong year.

`release_inconsistencies` is called from the release's own checks (`Release._consistent`);
the parts' own checks are with the parts (`drafter.meeting`, `drafter.sections`,
`drafter.publication`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from drafter.meeting import opening_inconsistencies
from drafter.publication import embargo_problems
from drafter.sections import civil_society_problems, next_round_problems
from drafter.values import _OTHER_FORM, Inconsistency

if TYPE_CHECKING:
    from drafter.schema import Release

__all__ = ["release_inconsistencies"]


def release_inconsistencies(release: Release) -> list[Inconsistency]:
    """Every fact that contradicts another, as (field, message, value)."""
    found: list[Inconsistency] = []
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


def _previous_inconsistencies(release: Release) -> list[Inconsistency]:
    """The previous rounds' dates that contradict this round's or each other."""
    found: list[Inconsistency] = []
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
