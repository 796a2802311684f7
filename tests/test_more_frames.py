# ruff: noqa: RUF001 - Polish joins the parties and the days with an en dash
"""The opening sentence's frames (docs/frames.md) in Italian, Spanish, Dutch and Polish.

The facts of tests/test_frames.py's EU-China round with a translator's text in each
language; the sentence drafter writes is compared, word for word, with the EU's wording.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

import pytest
from test_frames import _PLURAL, FRAMES, _opening, _release

# What a translator gives for the EU-China Human Rights Dialogue.
CHINA: dict[str, dict[str, Any]] = {
    "it": {
        "issuer": "Unione europea",
        "counterpart": {"name": "la Cina", "short_name": "la Cina"},
        "meeting": {"name": "dialogo sui diritti umani"},
    },
    "es": {
        "issuer": "Unión Europea",
        "counterpart": {"name": "China", "short_name": "China"},
        "meeting": {"name": "diálogo sobre derechos humanos"},
    },
    "nl": {
        "issuer": "Europese Unie",
        "counterpart": {"name": "China", "short_name": "China"},
        "meeting": {"name": "mensenrechtendialoog"},
    },
    "pl": {
        "issuer": "Unia Europejska",
        "counterpart": {"name": "Chiny", "short_name": "Chiny"},
        "meeting": {"name": "dialog w sprawie praw człowieka"},
    },
}

# The EU-Russia human rights consultations (a plural, with no round number).
RUSSIA: dict[str, dict[str, Any]] = {
    "it": {
        "counterpart": {"name": "la Federazione russa", "short_name": "la Russia"},
        "meeting": {"name": "consultazioni sui diritti umani"},
    },
    "es": {
        "counterpart": {"name": "la Federación de Rusia", "short_name": "Rusia"},
        "meeting": {"name": "consultas sobre derechos humanos"},
    },
    "nl": {
        "counterpart": {"name": "de Russische Federatie", "short_name": "Rusland"},
        "meeting": {"name": "mensenrechtenconsultaties"},
    },
    "pl": {
        "counterpart": {"name": "Federacja Rosyjska", "short_name": "Rosja"},
        "meeting": {"name": "konsultacje w sprawie praw człowieka"},
    },
}


def _in(code: str, plural: bool = False, **changes: Any) -> dict[str, Any]:
    """The round with `changes`, translated into `code` only."""
    data = _release(**(({**_PLURAL, **changes}) if plural else changes))
    text = copy.deepcopy(CHINA[code])
    if plural:
        text.update(copy.deepcopy(RUSSIA[code]))
    data["translations"] = {code: text}
    return data


def _assert(expected: dict[str, str], plural: bool = False, **changes: Any) -> None:
    for code, sentence in expected.items():
        assert _opening(_in(code, plural, **changes), code) == sentence, code


def test_took_place_on_two_days_joined_by_and() -> None:
    _assert(
        {
            "it": "Il 30 novembre e il 1º dicembre 2016 a Bruxelles ha avuto luogo il 35º ciclo "
            "del dialogo sui diritti umani tra l'UE e la Cina.",
            "es": "Los días 30 de noviembre y 1 de diciembre de 2016, tuvo lugar en Bruselas la "
            "35.ª ronda del diálogo sobre derechos humanos entre la UE y China.",
            "nl": "Op 30 november en 1 december 2016 vond in Brussel de 35e ronde van de "
            "mensenrechtendialoog tussen de EU en China plaats.",
            "pl": "W dniach 30 listopada i 1 grudnia 2016 r. w Brukseli odbyto 35. rundę "
            "dialogu UE–Chiny w sprawie praw człowieka.",
        },
        opening={"verb": "took_place", "two_days": "and"},
    )


def test_a_regular_round_with_no_number_today_in_the_date_line_s_place() -> None:
    _assert(
        {
            "it": "Oggi l'Unione europea e la Cina hanno tenuto un ciclo regolare del dialogo "
            "sui diritti umani tra l'UE e la Cina.",
            "es": "Hoy, la Unión Europea y China celebraron una ronda ordinaria del diálogo "
            "sobre derechos humanos entre la UE y China.",
            "nl": "Vandaag hebben de Europese Unie en China een reguliere ronde van de "
            "mensenrechtendialoog tussen de EU en China gehouden.",
            "pl": "Dziś Unia Europejska i Chiny przeprowadziły regularną rundę dialogu "
            "UE–Chiny w sprawie praw człowieka.",
        },
        date="2016-11-30",
        meeting={"round": None, "end_date": None},
        opening={"kind": "regular", "relative": "today", "place_in_opening": False},
    )


def test_consultations_with_no_number_were_held_with_the_date_last() -> None:
    _assert(
        {
            "it": "Le consultazioni sui diritti umani tra l'UE e la Russia hanno avuto luogo a "
            "Bruxelles dal 30 novembre al 1º dicembre 2016.",
            "es": "Las consultas sobre derechos humanos entre la UE y Rusia se celebraron en "
            "Bruselas del 30 de noviembre al 1 de diciembre de 2016.",
            "nl": "De mensenrechtenconsultaties tussen de EU en Rusland werden van 30 november "
            "tot en met 1 december 2016 in Brussel gehouden.",
            "pl": "W Brukseli przeprowadzono konsultacje UE–Rosja w sprawie praw człowieka w "
            "dniach 30 listopada–1 grudnia 2016 r.",
        },
        plural=True,
        opening={"verb": "were_held", "date_first": False},
    )


ELEVENTH = {"date": "2012-07-20", "end_date": "2012-07-21", "round": 11, "round_style": "words"}


def test_the_eleventh_round_in_words_on_two_days_of_one_month() -> None:
    _assert(
        {
            "it": "Il 20 e il 21 luglio 2012 a Bruxelles si è tenuto l'undicesimo ciclo del "
            "dialogo sui diritti umani tra l'UE e la Cina.",
            "nl": "Op 20 en 21 juli 2012 werd in Brussel de elfde ronde van de "
            "mensenrechtendialoog tussen de EU en China gehouden.",
            "pl": "W dniach 20 i 21 lipca 2012 r. w Brukseli przeprowadzono jedenastą rundę "
            "dialogu UE–Chiny w sprawie praw człowieka.",
        },
        date="2012-07-24",
        meeting=ELEVENTH,
        opening={"two_days": "and", "verb": "were_held"},
    )


def test_the_first_round_launched_the_dialogue() -> None:
    _assert(
        {
            "it": "L'Unione europea e la Cina hanno avviato il loro dialogo sui diritti umani a "
            "Bruxelles il 30 novembre 2016.",
            "es": "La Unión Europea y China pusieron en marcha su diálogo sobre derechos humanos "
            "en Bruselas el 30 de noviembre de 2016.",
            "nl": "De Europese Unie en China hebben op 30 november 2016 in Brussel hun "
            "mensenrechtendialoog gelanceerd.",
            "pl": "Unia Europejska i Chiny zainaugurowały dialog w sprawie praw człowieka w "
            "Brukseli 30 listopada 2016 r.",
        },
        meeting={"round": None, "end_date": None},
        opening={"kind": "first", "date_first": False},
    )


def test_a_polish_sentence_ending_in_the_year_s_abbreviation_keeps_its_stop() -> None:
    data = _in("pl", meeting={"end_date": None}, opening={"date_first": False, "continues": "x"})
    data["translations"]["pl"]["opening"] = {"continues": "co potwierdza ich partnerstwo"}
    assert _opening(data, "pl") == (
        "Unia Europejska i Chiny przeprowadziły 35. rundę dialogu w sprawie praw człowieka w "
        "Brukseli 30 listopada 2016 r., co potwierdza ich partnerstwo."
    )


@pytest.mark.parametrize("frame", sorted(FRAMES))
@pytest.mark.parametrize("code", sorted(CHINA))
def test_every_frame_renders_with_no_english_fallback(
    code: str, frame: str, caplog: pytest.LogCaptureFixture
) -> None:
    facts = copy.deepcopy(FRAMES[frame])
    plural = facts.get("meeting") == _PLURAL["meeting"]
    for key in _PLURAL if plural else ():
        facts.pop(key)
    with caplog.at_level(logging.WARNING, logger="drafter"):
        opening = _opening(_in(code, plural, **facts), code)
    fallbacks = [
        r.getMessage() for r in caplog.records if "catalogue has no translation" in r.getMessage()
    ]
    assert fallbacks == []
    assert opening.endswith(".") and "  " not in opening and " ." not in opening
    assert not any(word in opening.split() for word in ("held", "took", "round", "launched"))
