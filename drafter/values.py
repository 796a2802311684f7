"""The value types of the release's facts: days, whole numbers, choices, and the base model.

Shared by `drafter.schema` (the release) and `drafter.sections` (its groups).
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from drafter.fields import check_placeholder

Language = Literal[
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
]  # fmt: skip
EU_LANGUAGES: tuple[str, ...] = get_args(Language)
_YEAR = re.compile(r"\b(19\d\d|20\d\d|2100)\b")


def timing_years(timing: str | None) -> list[int]:
    """The years named in a timing written in words: "autumn 2012" gives [2012]."""
    return [int(year) for year in _YEAR.findall(timing or "")]


_REFERENCE = re.compile(
    r"^(?:(?P<series>[A-Z]{1,8})\s+)?(?P<number>\d{1,6})/(?P<year>\d{2}|\d{4})$"
)
_OTHER_FORM = "; a number of another form is written `identifier: %(number)s`"
MAX_RELEASE_TEXT = 500_000
FIRST_DAY = date(1950, 1, 1)
LAST_DAY = date(2100, 12, 31)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""The months' English names, January first."""


def _day(value: object) -> object:
    """A date written as YYYY-MM-DD; nothing else (no times, no Unix timestamps)."""
    if not isinstance(value, str):
        return value
    text = check_placeholder(value.strip())
    match = _ISO_DAY.fullmatch(text)
    if match is None:
        raise ValueError(f'"{text}" is not a date; write it as YYYY-MM-DD, such as 2012-07-24')
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{text} is not a date: there is no month {month:02d}; write YYYY-MM-DD")
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise ValueError(
            f"{text} is out of range: a date must be from {FIRST_DAY} to {LAST_DAY}; check the year"
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(
            f"{text} is not a date: {MONTHS[month - 1]} {year} has {last} days; check the day"
        )
    return date(year, month, day)


def _whole_number(value: object) -> object:
    """A whole number written in figures (not `fifteen`, `15.0` or `1_5`)."""
    if not isinstance(value, str):
        return value
    text = check_placeholder(value.strip())
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f'"{text}" is not a whole number; write it in figures, such as 15')
    return int(text)


def _lower(value: object) -> object:
    """A choice of small words written with capitals (`The`) as the word itself."""
    return value.lower() if isinstance(value, str) else value


def _series(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{1,8}", value):
        raise ValueError(f'"{value}" is not a series; write 1 to 8 capital letters, such as A')
    return value


Day = Annotated[date, BeforeValidator(_day), Field(ge=FIRST_DAY, le=LAST_DAY)]
"""A day from 1950 to 2100, written YYYY-MM-DD."""


def _clock_time(value: str) -> str:
    text = check_placeholder(value)
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", text):
        raise ValueError(f'"{text}" is not a time; write it as HH:MM on the 24-hour clock: 20:52')
    return text


def _house_name(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", value):
        raise ValueError(
            f'"{value}" is not a house name; write a name such as eu-press (small letters, '
            "figures and hyphens; a house folder is given on the command line, not here)"
        )
    return value


ClockTime = Annotated[
    str,
    AfterValidator(_clock_time),
    Field(json_schema_extra={"pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}),
]
"""A time of day, HH:MM on the 24-hour clock."""

HouseName = Annotated[
    str, AfterValidator(_house_name), Field(json_schema_extra={"pattern": "^[a-z0-9][a-z0-9._-]*$"})
]

Series = Annotated[
    str, AfterValidator(_series), Field(json_schema_extra={"pattern": "^[A-Z]{1,8}$"})
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Inconsistency = tuple[tuple[str | int, ...], str, object]
"""A fact that contradicts another: (field, message, value)."""
