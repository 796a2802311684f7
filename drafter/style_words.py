"""The house-style rules on the words: typography, spelling, numbers, acronyms, the title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.source import FieldPath
from drafter.style_base import MONTH, Hit, Text, each, rule

__all__ = ["MAX_TITLE", "WELL_KNOWN"]


# --- typography ------------------------------------------------------------------------------
@rule("double-space", "warning", "one space between words")
def _double_space(text: Text) -> Iterator[Hit]:
    if text.source is None:
        return
    for loc, value in _strings(text.source.data, ()):
        for line in value.splitlines():
            if re.search(r"\S {2,}\S", line):
                yield loc, "has two spaces in a row", "write one space between words"
                break


def _strings(data: object, loc: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*loc, index))


_STRAIGHT = re.compile(r"\"|(?:(?<=^)|(?<=[\s(\[]))'|'(?=[\s.,;:!?)\]]|$)")


@rule("straight-quotes", "warning", "typographic quotation marks, not straight ones")
def _straight_quotes(text: Text) -> Iterator[Hit]:
    for loc, words in text.fields:
        if _STRAIGHT.search(words):
            yield (
                loc,
                "has straight quotation marks",
                "use typographic ones: \u2018 \u2019 or \u201c \u201d (\u2019 as an apostrophe)",
            )


_ABBREVIATIONS = re.compile(
    r"(?<![\w.])(?P<found>(?:[Ee]\.?\s?[Gg]|[Ii]\.?\s?[Ee])\.?,?)(?=[\s)]|$)"
)


@rule("eg-ie", "error", 'written "e.g." and "i.e.", with no comma after', english_only=True)
def _eg_ie(text: Text) -> Iterator[Hit]:
    for loc, match in each(text, _ABBREVIATIONS):
        found = match["found"]
        right = "e.g." if found[0] in "Ee" else "i.e."
        if found in (right, "IE", "EG"):  # the house form, or capitals that are not it
            continue
        yield loc, f'"{found}" is not the house form', f'write "{right}" (no comma after it)'


# --- spelling --------------------------------------------------------------------------------
_AMERICAN = {
    "analyze": "analyse", "analyzed": "analysed", "behavior": "behaviour",
    "behaviors": "behaviours", "canceled": "cancelled", "canceling": "cancelling",
    "catalog": "catalogue", "center": "centre", "centers": "centres", "color": "colour",
    "colors": "colours", "defense": "defence", "dialog": "dialogue", "enroll": "enrol",
    "favor": "favour", "favorable": "favourable", "favors": "favours", "fulfill": "fulfil",
    "gray": "grey", "honor": "honour", "honored": "honoured", "labor": "labour",
    "labeled": "labelled", "modeling": "modelling", "neighbor": "neighbour",
    "neighbors": "neighbours", "neighboring": "neighbouring", "offense": "offence",
    "paralyze": "paralyse", "program": "programme", "programs": "programmes",
    "skeptical": "sceptical", "theater": "theatre", "traveled": "travelled",
    "traveling": "travelling", "endeavor": "endeavour", "rumor": "rumour",
}  # fmt: skip
_IZE = re.compile(r"\b([A-Za-z]{3,})iz(e|es|ed|ing|ation|ations)\b")
_OFFICIAL_NAMES = re.compile(
    r"\b(?:Organization for Security and Co-operation in Europe|Organization of American States"
    r"|Organization of Islamic Cooperation|International Organization for Migration"
    r"|(?:International Labour|World Health|World Trade|World Intellectual Property"
    r"|World Meteorological|International Civil Aviation|International Maritime"
    r"|Food and Agriculture|North Atlantic Treaty|Scientific and Cultural) Organization)\b"
)
"""Names that keep their own spelling (EU style: an organisation's name as it writes it)."""
_NOT_IZE = frozenset({"caps", "downs", "overs", "ups", "res", "bel", "self"})


@rule(
    "british-spelling",
    "error",
    "British spelling (EU English): colour, organise, centre",
    english_only=True,
)
def _british_spelling(text: Text) -> Iterator[Hit]:
    words = re.compile(r"\b(" + "|".join(_AMERICAN) + r")\b", re.IGNORECASE)
    for loc, match in each(text, words):
        if _in_official_name(match):
            continue
        found = match[0]
        british = _AMERICAN[found.lower()]
        british = british.capitalize() if found[0].isupper() else british
        yield loc, f'"{found}" is American spelling', f'write "{british}"'
    for loc, match in each(text, _IZE):
        stem, ending = match[1], match[2]
        if stem.lower() in _NOT_IZE or _in_official_name(match):
            continue
        yield loc, f'"{match[0]}" is American spelling', f'write "{stem}is{ending}"'


def _in_official_name(match: re.Match[str]) -> bool:
    """Whether the word found is part of an official name ("World Health Organization")."""
    return any(
        name.start() <= match.start() and match.end() <= name.end()
        for name in _OFFICIAL_NAMES.finditer(match.string)
    )


# --- numbers and acronyms ----------------------------------------------------------------------
_TO_DAY = rf"\s*(?:-|\u2013|\s(?:and|to|until|or)\s)\s*\d{{1,2}}\s+{MONTH}"
"""What follows the first day of a span of days: "3 to 4 December", "3 and 4 December"."""
_SMALL = re.compile(
    rf"(?<![\w.,/:-])(?<!Article )(?<!article )(?<!paragraph )(?<!point )(?<!No )"
    rf"(?P<n>[1-9])(?![\w.,/:%-]|\s+{MONTH}|{_TO_DAY})"
)
_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@rule("small-numbers", "warning", "numbers from one to nine in words", english_only=True)
def _small_numbers(text: Text) -> Iterator[Hit]:
    for loc, match in each(text, _SMALL):
        yield loc, f'"{match["n"]}" is written in figures', f'write "{_WORDS[int(match["n"]) - 1]}"'


WELL_KNOWN = frozenset(
    {
        "EU", "UN", "OSCE", "NGO", "LGBT", "LGBTI", "LGBTIQ", "UK", "US", "USA", "NATO",
        "EEAS", "UNESCO", "UNICEF", "UNHCR", "OHCHR", "WTO", "IMF", "OECD", "ASEAN", "AU",
        "G7", "G8", "G20", "CET", "CEST", "ICC", "ECHR", "AIDS", "HIV", "COVID",
    }
)  # fmt: skip
_ACRONYM = re.compile(r"\b(?P<acronym>[A-Z][A-Z0-9]{1,9})(?P<plural>s?)\b")
_ROMAN = re.compile(r"^[IVXLCDM]+$")


@rule(
    "acronyms",
    "warning",
    "an acronym is spelt out at its first use, unless well known",
    english_only=True,
)
def _acronyms(text: Text) -> Iterator[Hit]:
    seen: set[str] = set()
    for loc, match in each(text, _ACRONYM):
        acronym = match["acronym"]
        if acronym in seen or acronym in WELL_KNOWN or _ROMAN.match(acronym):
            continue
        seen.add(acronym)
        explained = match.string[max(0, match.start() - 1) : match.end() + 1]
        if explained.startswith("(") and explained.endswith(")"):
            continue
        yield (
            loc,
            f'"{acronym}" is not explained at its first use',
            f'write it out in full followed by "({acronym})", or leave it out',
        )


MAX_TITLE = 100


@rule("title-length", "warning", f"a title of at most {MAX_TITLE} characters")
def _title_length(text: Text) -> Iterator[Hit]:
    title = text.release.title or text.rendered.get("title", "")
    if len(title) > MAX_TITLE:
        yield (
            ("title",),
            f"the title has {len(title)} characters; at most {MAX_TITLE} read well",
            "shorten it; say the rest in the first paragraph",
        )
