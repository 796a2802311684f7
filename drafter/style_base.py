"""What the house-style rules share: findings, the text they read, and their registry.

A rule is a small function registered with `rule` under an id, a level (`error` or
`warning`) and a summary; it reads a `Text` and yields hits (field, message, suggestion).
The rules themselves are in `drafter.style_facts` (dates, names, references) and
`drafter.style_words` (typography, spelling, numbers); `drafter.style_check` runs them.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Literal

from drafter.schema import Release
from drafter.source import FieldPath, Source
from drafter.values import MONTHS

__all__ = [
    "CONTACT_VALIDITY",
    "MONTH",
    "RULES",
    "Finding",
    "Hit",
    "Level",
    "Rule",
    "Text",
    "each",
    "free_text",
    "rule",
    "rule_ids",
]

logger = logging.getLogger(__name__)
Level = Literal["error", "warning"]
Hit = tuple[FieldPath, str, str]
"""What a rule found: the field, the message and the suggestion."""


@dataclass(frozen=True)
class Finding:
    """One departure from the house style."""

    rule: str
    level: Level
    message: str
    field: str
    line: int | None
    suggestion: str

    def __str__(self) -> str:
        where = f"{self.field} (line {self.line})" if self.line else self.field
        hint = f"; {self.suggestion}" if self.suggestion else ""
        return f"{self.level} [{self.rule}] {where}: {self.message}{hint}"

    def as_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return asdict(self)


_BLOCK = re.compile(r'<(p|h1)\s+class="(?P<classes>[^"]*)"[^>]*>(?P<inner>.*?)</\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Text:
    """What the rules read: the release, its free text in reading order, and its rendering."""

    release: Release
    source: Source | None = None
    fields: list[tuple[FieldPath, str]] = field(default_factory=list)
    html: str | None = None
    """The release's HTML as rendered; the packaged house's when not given."""

    @cached_property
    def rendered(self) -> dict[str, str]:
        """The texts of the rendered release's blocks by class (body paragraphs joined)."""
        from drafter.templating import load_house, render_html

        page = self.html if self.html is not None else render_html(self.release, load_house())
        found: dict[str, str] = {}
        for block in _BLOCK.finditer(page):  # the house's own HTML: quicker than parsing
            words = " ".join(html.unescape(_TAG.sub("", block["inner"])).split())
            for name in block["classes"].split():
                found[name] = f"{found[name]} {words}" if name in found else words
        return found

    def first_field_with(self, pattern: re.Pattern[str]) -> FieldPath | None:
        """The first free-text field, in reading order, where `pattern` occurs."""
        return next((loc for loc, text in self.fields if pattern.search(text)), None)


Check = Callable[[Text], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A house-style rule: its id, level, what it checks, and the function that checks it."""

    id: str
    level: Level
    summary: str
    check: Check
    english_only: bool = False
    """The rule reads English wording (month names, spelling): other languages skip it."""


RULES: dict[str, Rule] = {}
"""Every rule, by id, in the order they run."""
CONTACT_VALIDITY = "contact-validity"
"""The warning of a shared contact not valid on the release's date, found while loading."""


def rule_ids() -> list[str]:
    """The ids a file or project may turn off."""
    return [*RULES, CONTACT_VALIDITY]


def rule(
    id_: str, level: Level, summary: str, *, english_only: bool = False
) -> Callable[[Check], Check]:
    """Register the decorated function as the rule `id_`."""

    def register(check: Check) -> Check:
        RULES[id_] = Rule(id_, level, summary, check, english_only)
        return check

    return register


MONTH = "(?:" + "|".join(MONTHS) + ")"
"""A month's English name, as a regular expression's group."""


def free_text(release: Release) -> list[tuple[FieldPath, str]]:
    """The text the officer wrote, field by field, in the order the release reads."""
    found: list[tuple[FieldPath, str | None]] = [
        (("title",), release.title),
        (("meeting", "name"), release.meeting.name),
        (("meeting", "opening"), release.meeting.opening),
    ]
    for index, paragraph in enumerate(release.body):
        if len(paragraph) == 1:  # written as plain text: the field is the paragraph
            found.append((("body", index), paragraph[0].text))
            continue
        found += [(("body", index, run, "text"), piece.text) for run, piece in enumerate(paragraph)]
    if release.civil_society:
        meetings = release.civil_society.meetings
        found += [
            (("civil_society", "meetings", i, "participants"), m.participants)
            for i, m in enumerate(meetings)
        ]
        found.append((("civil_society", "sentence"), release.civil_society.sentence))
    if release.next_round:
        for name in ("timing", "sentence", "remark"):
            found.append((("next_round", name), getattr(release.next_round, name)))
    found.append((("previous_rounds_heading",), release.previous_rounds_heading))
    return [(loc, text) for loc, text in found if text]


def each(text: Text, pattern: re.Pattern[str]) -> Iterator[tuple[FieldPath, re.Match[str]]]:
    """Every match of `pattern` in the free text, with its field."""
    for loc, words in text.fields:
        for match in pattern.finditer(words):
            yield loc, match
