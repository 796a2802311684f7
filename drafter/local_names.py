"""The parties' names in the language a release is printed in, never English by default.

A release written in French or German gets the EU's default names from the house's
catalogue ("l'Union européenne", "die Europäische Union"), in its own language as in its
translations. A counterpart's name left in English in another language's version (CLDR's
English name of a country, such as "Kyrgyzstan" in a French text) is warned of, naming the
field and the language's own name from CLDR.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from drafter.city_names import babel_locale

__all__ = ["english_name_warnings", "warn_english_names"]

logger = logging.getLogger(__name__)
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


@lru_cache(maxsize=32)
def _territories(language: str) -> dict[str, str]:
    """CLDR's country names in `language`, by territory code."""
    from babel import Locale

    names = Locale.parse(babel_locale(language)).territories
    return {code: str(name) for code, name in names.items() if code.isalpha()}


@lru_cache(maxsize=1)
def _english_codes() -> dict[str, str]:
    """The territory code of each English country name, in lower case."""
    return {name.casefold(): code for code, name in _territories("en").items()}


def english_name_warnings(counterpart: dict[str, Any], language: str) -> list[str]:
    """What of the counterpart's names is English in a version in `language`."""
    if language == "en" or not isinstance(counterpart, dict):
        return []
    found = []
    for key in ("name", "short_name"):
        text = counterpart.get(key)
        if not isinstance(text, str):
            continue
        if _ARTICLE.match(text):
            found.append(
                f"counterpart.{key} is {text!r}, with the English article; give the name as "
                "this language writes it"
            )
            continue
        code = _english_codes().get(text.casefold())
        local = _territories(language).get(code or "")
        if code and local and local.casefold() != text.casefold():
            found.append(
                f"counterpart.{key} is {text!r}, the English name; in {language} CLDR names it "
                f"{local!r}: give the name as this language writes it, with its article"
            )
    return found


def warn_english_names(data: dict[str, Any], language: str) -> None:
    """Log a warning for each counterpart name left in English in a non-English version."""
    for message in english_name_warnings(data.get("counterpart") or {}, language):
        logger.warning("the %s version: %s", language, message)
