"""Language-aware formatting of facts for templates: dates, date spans, ordinals, lists."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from num2words import num2words

__all__ = [
    "FILTERS",
    "date_as",
    "date_span",
    "join_words",
    "long_date",
    "ordinal",
    "sentence_start",
    "word_language",
]

# Babel locales for the house's English: EU English is British English.
_LOCALES = {"en": "en_GB"}


@lru_cache(maxsize=64)
def _locale(language: str) -> Locale:
    return Locale.parse(_LOCALES.get(language, language))


def long_date(day: date, language: str = "en", year: bool = True) -> str:
    """A date as the house writes it: `24 July 2012` (or `24 July` without the year)."""
    if year:
        return format_date(day, "long", locale=_locale(language))
    return format_skeleton("MMMMd", day, locale=_locale(language))


def date_as(day: date, pattern: str, language: str = "en") -> str:
    """A date in a CLDR pattern of the house's: `dd/MM/yyyy` gives `20/07/2017`."""
    return format_date(day, pattern, locale=_locale(language))


def date_span(start: date, end: date | None = None, language: str = "en", year: bool = True) -> str:
    """One day or a span of days, with a plain hyphen: `24-27 April 2012`."""
    if end is None or end == start:
        return long_date(start, language, year)
    if (start.year, start.month) == (end.year, end.month):
        first = format_skeleton("d", start, locale=_locale(language))
    else:
        first = long_date(start, language, year and start.year != end.year)
    return f"{first}-{long_date(end, language, year)}"


def ordinal(number: int, language: str = "en", style: str = "words") -> str:
    """The ordinal of `number`: `fifteenth` in words, `15th` in figures."""
    to = "ordinal" if style == "words" else "ordinal_num"
    return str(num2words(number, to=to, lang=language))


def join_words(items: list[str], language: str = "en") -> str:
    """Items joined as in running text: `Moscow, Kazan and St Petersburg`."""
    return format_list(list(items), locale=_locale(language)) if items else ""


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
    "date_span": date_span,
    "ordinal": ordinal,
    "join_words": join_words,
    "sentence_start": sentence_start,
}
