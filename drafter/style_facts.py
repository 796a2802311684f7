"""The house-style rules on the release's facts as written: dates, names, references."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from drafter.schema import Reference
from drafter.style_base import MONTH, Hit, Text, each, rule

__all__ = ["day_forms"]

# --- dates -------------------------------------------------------------------------------
_ORDINAL_DAY = re.compile(
    rf"\b(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?(?P<month>{MONTH})"
    r"(?:,?\s+(?P<year>\d{4}))?\b"
)
MONTH_FIRST = re.compile(
    rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
)
_LEADING_ZERO = re.compile(rf"\b(?P<day>0\d)\s+(?P<month>{MONTH})(?:,?\s+(?P<year>\d{{4}}))?\b")
_COMMA_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{MONTH}),\s+(?P<year>\d{{4}})\b")


def _house_date(match: re.Match[str]) -> str:
    year = f" {match['year']}" if match["year"] else ""
    return f"{int(match['day'])} {match['month']}{year}"


@rule(
    "date-format",
    "error",
    'dates written "24 July 2012": no ordinal, no leading zero, no comma',
    english_only=True,
)
def _date_format(text: Text) -> Iterator[Hit]:
    kinds = (
        (_ORDINAL_DAY, "has an ordinal suffix"),
        (MONTH_FIRST, "puts the month before the day"),
        (_LEADING_ZERO, "has a leading zero"),
        (_COMMA_YEAR, "has a comma before the year"),
    )
    for pattern, what in kinds:
        for loc, match in each(text, pattern):
            yield loc, f'the date "{match[0]}" {what}', f'write "{_house_date(match)}"'


@rule("date-line", "error", "the date line's place is a place name alone", english_only=True)
def _date_line(text: Text) -> Iterator[Hit]:
    """The house writes the date line from `place` and `date`: the place must be a name alone.

    The line's form itself is the house template's (eu-press: "Brussels, 24 July 2012";
    eeas-web: "Brussels, 24/07/2012 - 20:52"), not the officer's to get wrong.
    """
    place = text.release.place
    if re.search(r"[,\d]", place):
        yield (
            ("place",),
            f'"{place}" is not a place name alone: it holds a comma or figures',
            'write only the place, such as "Brussels"; the date comes from `date`',
        )


# --- names ---------------------------------------------------------------------------------
def _without_article(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


@rule(
    "counterpart-naming",
    "warning",
    "a party is named in full before its short name is used",
    english_only=True,
)
def _counterpart_naming(text: Text) -> Iterator[Hit]:
    body = text.rendered.get("body-text", "")
    release = text.release
    for key, party in (("counterpart", release.counterpart), ("eu", release.eu)):
        full, short = _without_article(party.name), _without_article(party.short_name)
        if full.casefold() == short.casefold():
            continue
        short_at = re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", body)
        full_at = body.find(full)
        if short_at and (full_at < 0 or short_at.start() < full_at):
            loc = text.first_field_with(re.compile(rf"\b{re.escape(short)}\b")) or (key, "name")
            yield (
                loc,
                f'"{short}" is used before "{full}" is named in full',
                f'write "{party.name}" at the first mention and "{party.short_name}" after it',
            )


@rule("meeting-article", "warning", 'a talks\' name in the singular takes "the"', english_only=True)
def _meeting_article(text: Text) -> Iterator[Hit]:
    """A singular name without its article reads "hold human rights dialogue"."""
    meeting = text.release.meeting
    if meeting.article or meeting.name.endswith("s"):  # "human rights consultations"
        return
    yield (
        ("meeting", "name"),
        f'"{meeting.name}" is in the singular: the release reads "hold {meeting.name}", '
        f'"round of {meeting.name}"',
        'add `article: the` to the meeting ("round of the Human Rights Dialogue")',
    )


@rule(
    "opening-facts",
    "warning",
    "an opening sentence written out names this round's days, place and number",
    english_only=True,
)
def _opening_facts(text: Text) -> Iterator[Hit]:
    """A sentence written in place of the generated opening can be last round's, pasted.

    It must name the talks' days (with or without the year, as the house writes a span,
    "30 November and 1 December", "from 26 to 28 November", or "today" when the talks end on
    the release's day), place and round ("fifteenth" or "15th").
    """
    from drafter.wording import ordinal

    meeting = text.release.meeting
    if not meeting.opening:
        return
    written = " ".join(meeting.opening.split()).casefold()
    days = day_forms(meeting.date, meeting.end_date, text.release.date)
    wanted = [("date", days), ("place", [meeting.place])]
    if meeting.round:
        styles = dict.fromkeys((meeting.round_style, "words", "figures"))
        wanted.append(("round", [ordinal(meeting.round, "en", style) for style in styles]))
    for name, forms in wanted:
        if not any(_names(written, form) for form in forms):
            yield (
                ("meeting", "opening"),
                f'does not name "{forms[0]}" (meeting.{name}): is it another round\'s sentence?',
                f"write this round's {name} in it, or correct meeting.{name}",
            )


def _names(written: str, form: str) -> bool:
    """Whether `written` (folded) holds `form` as whole words."""
    return re.search(rf"(?<!\w){re.escape(form.casefold())}(?!\w)", written) is not None


def day_forms(start: date, end: date | None, issued: date) -> list[str]:
    """The ways English text names the days of talks, the house's span first.

    "30 November-1 December 2012", "30 November and 1 December", "from 30 November to 1
    December"; "today", "yesterday and today" or "yesterday" as the release's date has them.
    """
    from drafter.wording import date_span, long_date

    end = end or start
    forms = [date_span(start, end, "en", year) for year in (True, False)]
    if end != start:
        first = [long_date(start, "en", False)]
        if (start.month, start.year) == (end.month, end.year):
            first.append(str(start.day))
        last = [long_date(end, "en", year) for year in (True, False)]
        joins = ["to", "until", "and"] if end - start == timedelta(days=1) else ["to", "until"]
        forms += [f"{a} {join} {b}" for a in first for join in joins for b in last]
    if start == end == issued:
        forms.append("today")
    elif end == issued and (issued - start).days == 1:
        forms.append("yesterday and today")
    elif start == end and (issued - end).days == 1:
        forms.append("yesterday")
    return forms


# --- references ------------------------------------------------------------------------------
@rule("reference-format", "error", "previous rounds' references in the form of the release's own")
def _reference_format(text: Text) -> Iterator[Hit]:
    release = text.release
    reference = release.reference
    if reference is None:
        return
    for index, previous in enumerate(release.previous_rounds):
        other = previous.reference
        if other and other.series != reference.series:
            yield (
                ("previous_rounds", index, "reference"),
                f'"{other}" is not in the form of the release\'s own reference "{reference}"',
                f"write it as the series writes its references: {_form(reference)}",
            )


def _form(reference: Reference) -> str:
    return f'"{reference.series} number/yy"' if reference.series else '"number/yy", no letters'
