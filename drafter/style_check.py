"""The house-style check: rules from the EU Interinstitutional Style Guide and the house's own.

Each rule is a small function registered with an id, a level (`error` or `warning`) and a
summary; it looks at the release's text and yields findings, each naming the field (and
its YAML line where known) with a suggestion. A final release must have no error-level
finding. Rules are turned off for one file (`checks: {disable: [rule-id]}`) or for a
project (`[check] disable = [...]` in its drafter.toml).

`check_release` serves any caller (the command line, a web form); `check_file` reads a
release file with its project settings.
"""

from __future__ import annotations

import difflib
import html
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from drafter.errors import InputError, Problem
from drafter.schema import Reference, Release
from drafter.source import FieldPath, Source, dotted

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "check_file",
    "check_release",
    "disabled_rules",
    "require_publishable",
    "summary",
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


def _rule_ids() -> list[str]:
    """The ids a file or project may turn off."""
    return [*RULES, CONTACT_VALIDITY]


def _rule(
    id_: str, level: Level, summary: str, *, english_only: bool = False
) -> Callable[[Check], Check]:
    """Register the decorated function as the rule `id_`."""

    def register(check: Check) -> Check:
        RULES[id_] = Rule(id_, level, summary, check, english_only)
        return check

    return register


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH = "(?:" + "|".join(_MONTHS) + ")"


def _free_text(release: Release) -> list[tuple[FieldPath, str]]:
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


def _each(text: Text, pattern: re.Pattern[str]) -> Iterator[tuple[FieldPath, re.Match[str]]]:
    for loc, words in text.fields:
        for match in pattern.finditer(words):
            yield loc, match


# --- dates -------------------------------------------------------------------------------
_ORDINAL_DAY = re.compile(
    rf"\b(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?(?P<month>{_MONTH})"
    r"(?:,?\s+(?P<year>\d{4}))?\b"
)
_MONTH_FIRST = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
)
_LEADING_ZERO = re.compile(rf"\b(?P<day>0\d)\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?\b")
_COMMA_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH}),\s+(?P<year>\d{{4}})\b")


def _house_date(match: re.Match[str]) -> str:
    year = f" {match['year']}" if match["year"] else ""
    return f"{int(match['day'])} {match['month']}{year}"


@_rule(
    "date-format",
    "error",
    'dates written "24 July 2012": no ordinal, no leading zero, no comma',
    english_only=True,
)
def _date_format(text: Text) -> Iterator[Hit]:
    kinds = (
        (_ORDINAL_DAY, "has an ordinal suffix"),
        (_MONTH_FIRST, "puts the month before the day"),
        (_LEADING_ZERO, "has a leading zero"),
        (_COMMA_YEAR, "has a comma before the year"),
    )
    for pattern, what in kinds:
        for loc, match in _each(text, pattern):
            yield loc, f'the date "{match[0]}" {what}', f'write "{_house_date(match)}"'


@_rule("date-line", "error", "the date line's place is a place name alone", english_only=True)
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


@_rule(
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


@_rule(
    "meeting-article", "warning", 'a talks\' name in the singular takes "the"', english_only=True
)
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


@_rule(
    "opening-facts",
    "warning",
    "an opening sentence written out names this round's days, place and number",
    english_only=True,
)
def _opening_facts(text: Text) -> Iterator[Hit]:
    """A sentence written in place of the generated opening can be last round's, pasted.

    It must name the talks' days (with or without the year), place and round as the house
    writes them: "20 July 2012", "Brussels", "fifteenth" (or "15th").
    """
    from drafter.wording import date_span, ordinal

    meeting = text.release.meeting
    if not meeting.opening:
        return
    written = " ".join(meeting.opening.split()).casefold()
    days = [date_span(meeting.date, meeting.end_date, "en", year) for year in (True, False)]
    wanted = [("date", days), ("place", [meeting.place])]
    if meeting.round:
        wanted.append(("round", [ordinal(meeting.round, "en", meeting.round_style)]))
    for name, forms in wanted:
        if not any(form.casefold() in written for form in forms):
            yield (
                ("meeting", "opening"),
                f'does not name "{forms[0]}" (meeting.{name}): is it another round\'s sentence?',
                f"write this round's {name} in it, or correct meeting.{name}",
            )


# --- references ------------------------------------------------------------------------------
@_rule("reference-format", "error", "previous rounds' references in the form of the release's own")
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


# --- typography ------------------------------------------------------------------------------
@_rule("double-space", "warning", "one space between words")
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


@_rule("straight-quotes", "warning", "typographic quotation marks, not straight ones")
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


@_rule("eg-ie", "error", 'written "e.g." and "i.e.", with no comma after', english_only=True)
def _eg_ie(text: Text) -> Iterator[Hit]:
    for loc, match in _each(text, _ABBREVIATIONS):
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


@_rule(
    "british-spelling",
    "error",
    "British spelling (EU English): colour, organise, centre",
    english_only=True,
)
def _british_spelling(text: Text) -> Iterator[Hit]:
    words = re.compile(r"\b(" + "|".join(_AMERICAN) + r")\b", re.IGNORECASE)
    for loc, match in _each(text, words):
        if _in_official_name(match):
            continue
        found = match[0]
        british = _AMERICAN[found.lower()]
        british = british.capitalize() if found[0].isupper() else british
        yield loc, f'"{found}" is American spelling', f'write "{british}"'
    for loc, match in _each(text, _IZE):
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
_SMALL = re.compile(
    rf"(?<![\w.,/:-])(?<!Article )(?<!article )(?<!paragraph )(?<!point )(?<!No )"
    rf"(?P<n>[1-9])(?![\w.,/:%-]|\s+{_MONTH})"
)
_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@_rule("small-numbers", "warning", "numbers from one to nine in words", english_only=True)
def _small_numbers(text: Text) -> Iterator[Hit]:
    for loc, match in _each(text, _SMALL):
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


@_rule(
    "acronyms",
    "warning",
    "an acronym is spelt out at its first use, unless well known",
    english_only=True,
)
def _acronyms(text: Text) -> Iterator[Hit]:
    seen: set[str] = set()
    for loc, match in _each(text, _ACRONYM):
        acronym = match["acronym"]
        if acronym in seen or acronym in WELL_KNOWN or _ROMAN.match(acronym):
            continue
        seen.add(acronym)
        words = dict(text.fields)[loc]
        explained = words[max(0, match.start() - 1) : match.end() + 1]
        if explained.startswith("(") and explained.endswith(")"):
            continue
        yield (
            loc,
            f'"{acronym}" is not explained at its first use',
            f'write it out in full followed by "({acronym})", or leave it out',
        )


MAX_TITLE = 100


@_rule("title-length", "warning", f"a title of at most {MAX_TITLE} characters")
def _title_length(text: Text) -> Iterator[Hit]:
    title = text.release.title or text.rendered.get("title", "")
    if len(title) > MAX_TITLE:
        yield (
            ("title",),
            f"the title has {len(title)} characters; at most {MAX_TITLE} read well",
            "shorten it; say the rest in the first paragraph",
        )


# --- running the rules ---------------------------------------------------------------------
def check_release(
    release: Release,
    source: Source | None = None,
    disable: Iterable[str] = (),
    html: str | None = None,
) -> list[Finding]:
    """The house-style findings of a release, errors first, each in the order of the file.

    `source` (the parsed YAML) gives lines and the raw text the schema tidies (doubled
    spaces); `disable` names rules not to run, beside those of the release's `checks`;
    `html` is the release as rendered (by default, by the packaged house).
    """
    off = set(disable) | set(release.checks.disable if release.checks else ())
    text = Text(release, source, _free_text(release), html)
    findings = _unknown_rules(release, source)
    for rule in RULES.values():
        if rule.id in off or (rule.english_only and release.language != "en"):
            continue
        findings += [_finding(rule, hit, source) for hit in rule.check(text)]
    return sorted(findings, key=lambda f: (f.level != "error", f.line or 0, f.rule))


def _finding(rule: Rule, hit: Hit, source: Source | None) -> Finding:
    loc, message, suggestion = hit
    position = source.position(loc) if source else None
    return Finding(
        rule.id, rule.level, message, dotted(loc), position[0] if position else None, suggestion
    )


def _unknown_rules(release: Release, source: Source | None) -> list[Finding]:
    """A finding for each rule the file turns off that does not exist."""
    found = []
    names = release.checks.disable if release.checks else []
    for index, name in enumerate(names):
        if name in _rule_ids():
            continue
        close = difflib.get_close_matches(name, _rule_ids(), n=1)
        hint = f"did you mean {close[0]}?" if close else f"the rules: {', '.join(_rule_ids())}"
        loc = ("checks", "disable", index)
        position = source.position(loc) if source else None
        found.append(
            Finding(
                "checks", "error", f"there is no rule {name!r}", dotted(loc),
                position[0] if position else None, hint,
            )
        )  # fmt: skip
    return found


def disabled_rules(path: Path | None, *, final: bool = False) -> list[str]:
    """The rules the project of the file at `path` turns off (none without a drafter.toml).

    For a `final` release, a warning names the settings file that turns them off.
    """
    from drafter.project import find_project

    project = find_project(path) if path is not None else None
    if project is None:
        return []
    names = project.disabled_checks()
    unknown = [name for name in names if name not in _rule_ids()]
    if unknown:
        message = (
            f"names rules that do not exist: {', '.join(unknown)}; "
            f"the rules: {', '.join(_rule_ids())}"
        )
        raise InputError([Problem(message, "check.disable")], str(project.path))
    if names and final:  # never silent: the project's settings let a final release through
        logger.warning(
            "%s is final; the settings of %s turn off the checks %s",
            path,
            project.path,
            ", ".join(names),
        )
    return names


def check_file(path: Path) -> tuple[Release, list[Finding]]:
    """The release in the file at `path` and its findings, with the project's settings."""
    from drafter.loading import load_source

    source, release, warnings = load_source(path)
    disabled = disabled_rules(path)
    off = set(disabled) | set(release.checks.disable if release.checks else ())
    findings = [
        Finding(CONTACT_VALIDITY, "warning", w.message, w.field, w.line, "update the entry")
        for w in warnings
        if CONTACT_VALIDITY not in off
    ]
    return release, findings + check_release(release, source, disabled)


def require_publishable(
    release: Release, path: Path | None = None, html: str | None = None
) -> None:
    """Refuse a final release with error-level findings, listing them (InputError).

    Warnings do not stop it; they are logged.

    `path` is the release's file (for lines and the project's settings), `html` the release
    as rendered.
    """
    if release.status != "final":
        return
    source = None
    if path is not None:
        from drafter.loading import read_source

        source = read_source(path)  # for the lines; the release is already resolved
    findings = check_release(release, source, disabled_rules(path, final=True), html)
    errors = [finding for finding in findings if finding.level == "error"]
    for finding in findings if not errors else []:
        logger.warning("%s: %s", path or "the release", finding)
    if errors:
        problems = [
            Problem(f"[{f.rule}] {f.message}; {f.suggestion} (house style)", f.field, f.line)
            for f in errors
        ]
        position = source.position(("status",)) if source else None
        message = "is final, so the release must pass `drafter check`; or set it to draft"
        problems.append(Problem(message, "status", position[0] if position else None))
        raise InputError(problems, str(path or ""))


def summary(findings: list[Finding]) -> str:
    """`2 errors, 1 warning`, or `no findings`."""
    if not findings:
        return "no findings: the release follows the house style"
    errors = sum(finding.level == "error" for finding in findings)
    warnings = len(findings) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
