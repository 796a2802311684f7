"""Language-aware formatting of facts for templates: dates, date spans, ordinals, lists."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from babel import Locale
from babel.core import get_global
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from markupsafe import Markup, escape
from num2words import CONVERTER_CLASSES, num2words

from drafter import frames, grammar
from drafter.city_names import babel_locale
from drafter.grammar import ordinal_suffix
from drafter.inflection import polish_ordinal

if TYPE_CHECKING:
    from unicode_rbnf import RbnfEngine

__all__ = [
    "FILTERS",
    "date_as",
    "date_span",
    "join_words",
    "long_date",
    "month_year",
    "ordinal",
    "sentence_start",
    "span_start",
    "word_language",
]


@lru_cache(maxsize=64)
def _locale(language: str) -> Locale:
    """Babel's locale of the language (EU English is British English)."""
    return Locale.parse(babel_locale(language))


def long_date(day: date, language: str = "en", year: bool = True) -> str:
    """A date as the house writes it: `24 July 2012` (or `24 July` without the year)."""
    if year:
        return _first(format_date(day, "long", locale=_locale(language)), day, language)
    return _first(format_skeleton("MMMMd", day, locale=_locale(language)), day, language)


def _first(text: str, day: date, language: str) -> str:
    """French and Italian write the first of the month as an ordinal: `1er juillet`, `1º luglio`.

    Polish marks the year of a date written out: `24 lipca 2012 r.` (CLDR has neither).
    """
    if language == "pl" and text.endswith(str(day.year)):
        text = f"{text} r."
    first = {"fr": "1er", "it": "1º"}.get(language)
    if first and day.day == 1 and text[:1] == "1" and not text[1:2].isdigit():
        return first + text[1:]
    return text


def date_as(day: date, pattern: str, language: str = "en") -> str:
    """A date in a CLDR pattern of the house's: `dd/MM/yyyy` gives `20/07/2017`."""
    return format_date(day, pattern, locale=_locale(language))


def month_year(year: int, month: int, language: str = "en") -> str:
    """A month of a year as written mid-sentence: `November 2013`, `novembre 2013`."""
    return format_skeleton("yMMMM", date(year, month, 1), locale=_locale(language))


def date_span(start: date, end: date | None = None, language: str = "en", year: bool = True) -> str:
    """One day or a span of days: `24-27 April 2012` (house English), `24-27 avril 2012`.

    The house's English joins two days running with its hyphen too (`13-14 April`), as its
    releases do.
    """
    if end is None or end == start:
        return long_date(start, language, year)
    if not _day_first(language):  # "2012. április 24-27.": CLDR's own interval form
        skeleton = "yMMMMd" if year else "MMMMd"
        return format_interval(start, end, skeleton, locale=_locale(language))
    first = span_start(start, end, language, year)
    dash = "-" if language == "en" else "\u2013"  # the house's English hyphen; CLDR's en dash
    return f"{first}{dash}{long_date(end, language, year)}"


def span_start(start: date, end: date | None, language: str = "en", year: bool = True) -> str:
    """The first day of a span as written before its end: `24` of 24-27 April, `24.` in German."""
    if end is None or end == start:
        return long_date(start, language, year)
    if (start.year, start.month) == (end.year, end.month):
        return _first(
            format_date(start, _bare_day(language), locale=_locale(language)), start, language
        )
    return long_date(start, language, year and start.year != end.year)


@lru_cache(maxsize=64)
def _day_pattern(language: str) -> str:
    return str(_locale(language).datetime_skeletons["MMMMd"].pattern)


def _day_first(language: str) -> bool:
    """Whether the long date starts with the day (`24 July 2012`, not `2012. július 24.`)."""
    pattern = str(_locale(language).date_formats["long"].pattern)
    return pattern.find("d") < min(pattern.find("M"), pattern.find("y"))


def _bare_day(language: str) -> str:
    """The day alone, with the full stop that follows it in the language's dates (`d.`)."""
    pattern = _day_pattern(language)
    after = pattern[pattern.find("d") + 1 : pattern.find("d") + 2]
    return "d." if after == "." else "d"


def ordinal(
    number: int, language: str = "en", style: str = "words", form: str = "", figures: str = ""
) -> str:
    """The ordinal of `number`: `fifteenth` in words, `15th` in figures.

    `form` is the grammatical form the language needs before its word for a round
    (`masculine`, `feminine`, `neuter`, `common`), naming a CLDR rule set. Words come from
    CLDR's rules for that form, else num2words, else CLDR's plain rules. `figures` is the
    language's pattern for an ordinal in figures (`%(number)s.`), used for the figures
    style and where neither library has words for the language.
    """
    if style == "words":
        words = _ordinal_words(number, language, form)
        if words is not None:
            return words
    return _ordinal_figures(number, language, figures, form)


def _ordinal_words(number: int, language: str, form: str) -> str | None:
    rules = _rbnf(language)
    for name in (f"spellout-ordinal-{form}" if form else "", "num2words", "spellout-ordinal"):
        if name == "num2words" and language in CONVERTER_CLASSES:
            try:
                words = str(num2words(number, to="ordinal", lang=language))
            except NotImplementedError:
                continue
            return polish_ordinal(words, form) if language == "pl" else words
        if name and rules is not None and name in rules.rulesets:
            return str(rules.format_number(number, ruleset_names=[name]).text)
    return None


def _ordinal_figures(number: int, language: str, figures: str, form: str = "") -> str:
    if figures:  # %(suffix)s: the ending that depends on the number (1er, 4e; 1-ви, 4-ти)
        return figures % {"number": number, "suffix": ordinal_suffix(number, language, form)}
    if language in CONVERTER_CLASSES:
        try:
            return str(num2words(number, to="ordinal_num", lang=language))
        except NotImplementedError:
            pass
    return f"{number}."


@lru_cache(maxsize=32)
def _rbnf(language: str) -> RbnfEngine | None:
    """CLDR's rule-based number formats for `language`, or None where CLDR has none."""
    from unicode_rbnf import RbnfEngine

    try:
        return RbnfEngine.for_language(language)
    except (ValueError, FileNotFoundError):
        return None


def join_words(items: list[str], language: str = "en") -> str:
    """Items joined as in running text: `Moscow, Kazan and St Petersburg`.

    Items already escaped for HTML (`Markup`) keep the result escaped, not escaped twice.
    """
    if not items:
        return ""
    if any(isinstance(item, Markup) for item in items):
        return Markup(format_list([escape(item) for item in items], locale=_locale(language)))  # noqa: S704 - every item escaped
    return format_list(list(items), locale=_locale(language))


def word_language(language: str) -> str:
    """The language tag Word and PDF readers expect: `en-GB`, `fr-FR`."""
    locale = _locale(language)
    if locale.territory:
        return f"{locale.language}-{locale.territory}"
    likely = get_global("likely_subtags").get(language, language).split("_")
    return f"{language}-{likely[-1]}" if len(likely) > 1 else language


def sentence_start(text: str) -> str:
    """`text` with its first letter in capitals, the rest untouched."""
    return text[:1].upper() + text[1:]


FILTERS = {
    "long_date": long_date,
    "date_as": date_as,
    "month_year": month_year,
    "date_span": date_span,
    "ordinal": ordinal,
    "span_start": span_start,
    "join_words": join_words,
    "sentence_start": sentence_start,
    **grammar.FILTERS,
    **frames.FILTERS,
}
