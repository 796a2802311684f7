"""The publication facts of a release: its status (draft or final), embargo and check settings.

A release is a draft until marked final; every format of a draft is marked DRAFT and its
files are named so. An embargo is a time in Brussels (Europe/Brussels, CET or CEST) before
which the release may not be published; it must fall on the day of the release's date line.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from drafter.errors import TemplateError
from drafter.fields import Line, check_placeholder

__all__ = [
    "Checks",
    "EmbargoTime",
    "Status",
    "brussels",
    "check_marked",
    "embargo_problems",
    "embargo_text",
    "schema_with_contact_keys",
]

if TYPE_CHECKING:
    from drafter.schema import Release


@cache
def brussels() -> tzinfo:
    """Europe/Brussels, the embargo's time zone (loaded on first use: `validate` is quick)."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Brussels")


Status = Literal["draft", "final"]
_EMBARGO = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})")
_HINT = 'write it as "YYYY-MM-DD HH:MM", Brussels time, such as "2012-07-24 12:00"'


def _brussels_time(value: object) -> object:
    """A Brussels wall-clock time written "2012-07-24 12:00", as an aware datetime.

    A datetime (from Python) is taken as it is, in Brussels when it names no zone; numbers
    (Unix timestamps) and anything else are refused.
    """
    if isinstance(value, datetime):
        shown = value.isoformat(sep=" ", timespec="minutes")
        return value if value.tzinfo else _in_brussels(value, shown)
    if not isinstance(value, str):
        raise ValueError(f"is not a date and time; {_HINT}")
    text = check_placeholder(value.strip())
    match = _EMBARGO.fullmatch(text)
    if match is None:
        raise ValueError(f'"{text}" is not a date and time; {_HINT}')
    try:
        day = date.fromisoformat(match[1])
        naive = datetime(day.year, day.month, day.day, int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(f'"{text}" is not a date and time; {_HINT}') from None
    return _in_brussels(naive, text)


def _in_brussels(naive: datetime, text: str) -> datetime:
    """`naive` in Brussels; refused where the clocks skip it or show it twice."""
    first, second = (
        naive.replace(tzinfo=brussels(), fold=0),
        naive.replace(tzinfo=brussels(), fold=1),
    )
    before, after = first.utcoffset() or timedelta(), second.utcoffset() or timedelta()
    if before > after:
        raise ValueError(
            f"{text} happens twice in Brussels (the clocks go back that night); choose another time"
        )
    if before < after:
        raise ValueError(
            f"{text} does not exist in Brussels (the clocks go forward that night); "
            "choose another time"
        )
    return first


EmbargoTime = Annotated[
    datetime,
    BeforeValidator(_brussels_time),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$",
            "examples": ["2012-07-24 12:00"],
        }
    ),
]
"""A time in Brussels, written "2012-07-24 12:00"."""


class Checks(BaseModel):
    """Settings of the house-style check for this file."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    disable: list[Line] = Field(
        default_factory=list, max_length=50, description="Ids of check rules not to run."
    )


def embargo_text(embargo: datetime) -> tuple[date, str]:
    """The embargo's day (for the house's date form) and its time: `12:00 CEST`."""
    local = embargo.astimezone(brussels())
    return local.date(), f"{local:%H:%M} {local.tzname()}"


def embargo_problems(embargo: datetime | None, issued: date) -> list[str]:
    """What is wrong with an embargo for a release dated `issued` (its date line)."""
    if embargo is None:
        return []
    day = embargo.astimezone(brussels()).date()
    if day > issued:
        return [
            f"is after the release's date line ({issued}); a release is dated the day it may "
            "be published: move the embargo to that day or change the release's `date`"
        ]
    if day < issued:
        return [
            f"is before the release's date ({issued}): the embargo would lift before the "
            "release is issued; set it on the day of the date line, or remove it"
        ]
    return []


def check_marked(release: Release, html: str, house: str) -> None:
    """Refuse the HTML of a draft that its template did not mark DRAFT (marks.j2)."""
    if release.status == "draft" and 'class="draft-mark"' not in html:
        raise TemplateError(
            f"the house {house}'s template does not mark drafts: a draft must carry the "
            'DRAFT mark (include "marks.j2" at the top of the header), or set `status: final`'
        )


def schema_with_contact_keys(schema: dict[str, Any]) -> dict[str, Any]:
    """The release's JSON Schema, a person of `contacts.people` also a key (shared contacts)."""
    people = schema.get("$defs", {}).get("Contacts", {}).get("properties", {}).get("people")
    if people and "items" in people:
        key = {"type": "string", "description": "A key of the shared contacts file."}
        people["items"] = {"anyOf": [people["items"], key]}
    return schema
