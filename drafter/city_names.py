"""The places of a release in another language, from CLDR's city names (Brussels: Bruxelles).

A language version whose translation does not give a place (the date line's, the talks',
the next round's, the civil-society meetings') gets CLDR's name of that city in its own
language: the exemplar city of its time zone, as `babel` holds them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["babel_locale", "local_place", "localise_places"]

# The single places CLDR can name in each language (the civil-society meetings' lists too).
_PLACES: tuple[tuple[str, ...], ...] = (("place",), ("meeting", "place"), ("next_round", "place"))


def localise_places(
    data: dict[str, Any], translation: dict[str, Any], source: str, target: str
) -> list[str]:
    """Put the places the translation does not give in the target language (CLDR's names).

    Returns the places CLDR has no name for, left as written.
    """
    unnamed: list[str] = []

    def local(place: str) -> str:
        named = local_place(place, source, target)
        if named == place and _cities(source).get(place.casefold()) is None:
            unnamed.append(place)
        return named

    for path in _PLACES:
        group = data.get(path[0]) if len(path) == 2 else data
        given = translation.get(path[0]) if len(path) == 2 else translation
        translated = isinstance(given, dict) and given.get(path[-1])
        if isinstance(group, dict) and isinstance(group.get(path[-1]), str) and not translated:
            group[path[-1]] = local(group[path[-1]])
    society = data.get("civil_society") or {}
    given_meetings = (translation.get("civil_society") or {}).get("meetings") or []
    for index, meeting in enumerate(society.get("meetings") or []):
        given = given_meetings[index] if index < len(given_meetings) else {}
        if meeting.get("places") and not (isinstance(given, dict) and given.get("places")):
            meeting["places"] = [local(place) for place in meeting["places"]]
    return unnamed


def local_place(place: str, source: str, target: str) -> str:
    """A city's name in `target` (CLDR's exemplar city), where CLDR knows it; else as given."""
    zone = _cities(source).get(place.casefold())
    if zone is None:
        return place
    return _city_names(target)[zone]


def babel_locale(language: str) -> str:
    """The CLDR locale of a release's language: EU English is British English."""
    return "en_GB" if language == "en" else language


@lru_cache(maxsize=32)
def _city_names(language: str) -> dict[str, str]:
    """CLDR's cities (the time zones' exemplar cities) in `language`: zone to name.

    A zone whose city CLDR does not name in a language is named after its identifier
    (`Europe/Brussels`: Brussels), as CLDR itself does.
    """
    from babel import Locale
    from babel.core import get_global

    names = Locale.parse(babel_locale(language)).time_zones
    return {
        zone: str(names.get(zone, {}).get("city") or zone.split("/")[-1].replace("_", " "))
        for zone in get_global("zone_territories")
        if not zone.startswith("Etc/")
    }


@lru_cache(maxsize=32)
def _cities(language: str) -> dict[str, str]:
    """The zone of each city CLDR names in `language`, by its name in lower case."""
    cities: dict[str, str] = {}
    for zone, name in _city_names(language).items():
        cities.setdefault(name.casefold(), zone)
    return cities
