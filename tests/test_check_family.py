"""`drafter check` on faithful text of the family: the days as real releases write them.

No finding for "30 November and 1 December", "from 26 to 28 November" or "today" where the
release's facts say so; the rules still find what they are for, in English only.
"""

from __future__ import annotations

from typing import Any

import pytest
from familyutil import KYRGYZ_ROUND, changed

import drafter
from drafter.style_check import Finding

_TALKS = "the European Union and the Kyrgyz Republic held their fourth round of the Human Rights "
_IN = "Dialogue in Bishkek."
_HELD = _TALKS + _IN


def _findings(
    issued: str, start: str, end: str | None, opening: str, **changes: Any
) -> list[Finding]:
    meeting = {"date": start, "opening": opening, **({"end_date": end} if end else {})}
    data = changed(KYRGYZ_ROUND, date=issued, meeting=meeting, **changes)
    return drafter.check_release(drafter.validate_release(data))


FAITHFUL = [
    ("2012-12-03", "2012-11-30", "2012-12-01", f"On 30 November and 1 December 2012, {_HELD}"),
    ("2012-12-03", "2012-11-30", "2012-12-01", f"From 30 November to 1 December 2012, {_HELD}"),
    ("2012-12-03", "2012-11-26", "2012-11-27", f"On 26 and 27 November, {_HELD}"),
    ("2012-12-03", "2012-11-26", "2012-11-28", f"From 26 to 28 November 2012, {_HELD}"),
    ("2012-11-27", "2012-11-27", None, f"Today, {_HELD}"),
    ("2012-11-27", "2012-11-26", "2012-11-27", f"Yesterday and today, {_HELD}"),
    ("2012-11-28", "2012-11-27", None, f"Yesterday, {_HELD}"),
    ("2012-12-03", "2012-11-27", None, f"On 27 November, {_TALKS.replace('fourth', '4th')}{_IN}"),
]  # fmt: skip


@pytest.mark.parametrize(("issued", "start", "end", "opening"), FAITHFUL)
def test_an_opening_naming_the_days_as_releases_do_is_not_warned(
    issued: str, start: str, end: str | None, opening: str
) -> None:
    assert _findings(issued, start, end, opening) == []


@pytest.mark.parametrize(
    ("issued", "start", "end", "opening"),
    [
        ("2012-12-03", "2012-11-30", "2012-12-01", f"On 29 and 30 November 2012, {_HELD}"),
        ("2012-12-03", "2012-11-27", None, f"Today, {_HELD}"),
        ("2012-12-03", "2012-11-26", "2012-11-28", f"On 26 and 28 November 2012, {_HELD}"),
    ],
)  # fmt: skip
def test_an_opening_naming_other_days_is_still_warned(
    issued: str, start: str, end: str | None, opening: str
) -> None:
    found = [f for f in _findings(issued, start, end, opening) if f.rule == "opening-facts"]
    assert [f.field for f in found] == ["meeting.opening"]
    assert "(meeting.date)" in found[0].message


_BODY_DAYS = "The experts met on 3 and 4 December, and again from 5 to 6 December."


def test_days_of_a_span_in_figures_are_not_small_numbers() -> None:
    found = _findings("2012-12-10", "2012-11-27", None, f"On 27 November 2012, {_HELD}",
                      body=[_BODY_DAYS, "They met 3 NGOs."])  # fmt: skip
    assert [(f.rule, f.field) for f in found] == [("small-numbers", "body[1]")]


def test_the_english_rules_still_find_their_problems_and_leave_french_alone() -> None:
    body = ["The talks were organized on December 4th, 2012, with 3 NGOs."]
    data = changed(KYRGYZ_ROUND, date="2012-12-05", body=body)
    english = {f.rule for f in drafter.check_release(drafter.validate_release(data))}
    assert {"british-spelling", "date-format", "small-numbers"} <= english
    french = drafter.check_release(drafter.validate_release({**data, "language": "fr"}))
    assert {f.rule for f in french} & {"british-spelling", "date-format", "small-numbers"} == set()
