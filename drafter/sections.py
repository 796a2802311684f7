"""The release's sections written as facts: civil society, the next round, the contacts.

Each group is validated on its own; what contradicts the rest of the release (a next round
before this one) is checked by `drafter.schema`.
"""

from __future__ import annotations

import re
from typing import Self

from pydantic import Field, model_validator

from drafter.fields import Email, Line, Phone, Text, WebUrl
from drafter.values import Day, _Model

__all__ = ["CivilSociety", "CivilSocietyMeeting", "Contact", "Contacts", "NextRound"]


class CivilSocietyMeeting(_Model):
    """A meeting with civil society ahead of the talks."""

    participants: Line = Field(description='Whom the EU met: "representatives of Russian NGOs".')
    places: list[Line] = Field(min_length=1, max_length=10, description="Where.")
    date: Day = Field(description="The (first) day.")
    end_date: Day | None = Field(None, description="The last day, for meetings over several days.")


class CivilSociety(_Model):
    """The EU's consultation of civil society around the talks."""

    meetings: list[CivilSocietyMeeting] = Field(
        default_factory=list, max_length=20, description="In the order the paragraph names them."
    )
    sentence: Text | None = Field(None, description="Replaces the generated paragraph.")

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.meetings and self.sentence is None:
            raise ValueError("give the meetings, or the sentence, or leave civil_society out")
        return self


class NextRound(_Model):
    """What is known of the next round."""

    timing: Line | None = Field(
        None,
        description='When, in words: "autumn 2012" (printed "in autumn 2012"); a timing with '
        'its own preposition is printed as it is: "next year", "by the end of 2013".',
    )
    date: Day | None = Field(None, description="The date, where it is fixed.")
    place: Line | None = Field(
        None, description="Where it should take place (with or without a timing or date)."
    )
    remark: Text | None = Field(None, description="Text that follows the generated sentence.")
    sentence: Text | None = Field(None, description="Replaces the generated sentence.")

    @model_validator(mode="after")
    def _something(self) -> Self:
        if all(value is None for value in (self.timing, self.date, self.place, self.sentence)):
            raise ValueError(
                "give the timing, the date, the place or the sentence of the next round"
            )
        return self


class Contact(_Model):
    """A press officer to contact."""

    name: Line = Field(description="Full name.")
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
