# ruff: noqa: RUF001 - Polish joins the parties with an en dash
"""The body's typed frames (docs/body-frames.md) in Italian, Spanish, Dutch and Polish.

The EU-Kyrgyzstan round of tests/frameutil.py with a translator's text in each language:
the next round's sentence, a civil-society meeting prior to the talks and the EEAS web
title, compared word for word with the EU's wording.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from familyutil import KYRGYZ_ROUND, changed
from frameutil import html_text

TEXT: dict[str, dict[str, Any]] = {
    "it": {
        "issuer": "Unione europea",
        "counterpart": {"name": "la Repubblica del Kirghizistan", "short_name": "il Kirghizistan"},
        "meeting": {"name": "dialogo sui diritti umani"},
    },
    "es": {
        "issuer": "Unión Europea",
        "counterpart": {"name": "la República Kirguisa", "short_name": "Kirguistán"},
        "meeting": {"name": "diálogo sobre derechos humanos"},
    },
    "nl": {
        "issuer": "Europese Unie",
        "counterpart": {"name": "de Kirgizische Republiek", "short_name": "Kirgizië"},
        "meeting": {"name": "mensenrechtendialoog"},
    },
    "pl": {
        "issuer": "Unia Europejska",
        "counterpart": {"name": "Republika Kirgiska", "short_name": "Kirgistan"},
        "meeting": {"name": "dialog w sprawie praw człowieka"},
    },
}
"""The EU-Kyrgyzstan dialogue as each language's translator gives it."""

TALKS = {
    "it": "il prossimo ciclo del dialogo sui diritti umani tra l'UE e il Kirghizistan",
    "es": "la próxima ronda del diálogo sobre derechos humanos entre la UE y Kirguistán",
    "nl": "de volgende ronde van de mensenrechtendialoog tussen de EU en Kirgizië",
    "pl": "następna runda dialogu UE–Kirgistan w sprawie praw człowieka",
}


def _text(code: str, **changes: Any) -> str:
    """The HTML blocks of the round with `changes`, in `code`."""
    data = changed(KYRGYZ_ROUND, translations={code: copy.deepcopy(TEXT[code])})
    data = changed(data, **changes)
    if "presidency" in changes.get("next_round", {}):
        adjective = {"it": "tedesca", "es": "alemana", "nl": "Duitse", "pl": "niemieckiej"}
        data["translations"][code]["next_round"] = {"presidency": adjective[code]}
    if "civil_society" in changes:
        participants = {
            "it": "rappresentanti di ONG kirghise",
            "es": "representantes de ONG kirguisas",
            "nl": "vertegenwoordigers van Kirgizische ngo's",
            "pl": "przedstawicielami kirgiskich organizacji pozarządowych",
        }
        meetings = [{"participants": participants[code]}]
        data["translations"][code]["civil_society"] = {"meetings": meetings}
    return html_text(data, code)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


NEXT: list[tuple[dict[str, Any], dict[str, str]]] = [
    (
        {"when": {"year": "2013", "season": "autumn"}, "place": "Brussels"},
        {
            "it": "dovrebbe svolgersi a Bruxelles nell'autunno del 2013.",
            "es": "debería celebrarse en Bruselas en otoño de 2013.",
            "nl": "zal in het najaar van 2013 in Brussel plaatsvinden.",
            "pl": "powinna się odbyć w Brukseli jesienią 2013 r.",
        },
    ),
    (
        {"when": {"year": "2013", "month": "11"}},
        {
            "it": "dovrebbe svolgersi nel novembre 2013.",
            "es": "debería celebrarse en noviembre de 2013.",
            "nl": "zal in november 2013 plaatsvinden.",
            "pl": "powinna się odbyć w listopadzie 2013 r.",
        },
    ),
    (
        {"when": {"year": "2013", "month": "4", "by_end": "true"}},
        {
            "it": "dovrebbe svolgersi entro la fine di aprile 2013.",
            "es": "debería celebrarse antes de finales de abril de 2013.",
            "nl": "zal vóór eind april 2013 plaatsvinden.",
            "pl": "powinna się odbyć do końca kwietnia 2013 r.",
        },
    ),
    (
        {"when": {"year": "2014", "half": "second"}, "presidency": "German", "place": "Berlin"},
        {
            "it": "dovrebbe svolgersi a Berlino nel secondo semestre del 2014 sotto la presidenza "
            "tedesca.",
            "es": "debería celebrarse en Berlín en el segundo semestre de 2014 durante la "
            "Presidencia alemana.",
            "nl": "zal in de tweede helft van 2014 onder het Duitse voorzitterschap in Berlijn "
            "plaatsvinden.",
            "pl": "powinna się odbyć w Berlinie w drugiej połowie 2014 r. podczas prezydencji "
            "niemieckiej.",
        },
    ),
]


@pytest.mark.parametrize(("facts", "expected"), NEXT, ids=[str(f) for f, _ in NEXT])
@pytest.mark.parametrize("code", sorted(TEXT))
def test_the_next_round_s_typed_time(
    code: str, facts: dict[str, Any], expected: dict[str, str]
) -> None:
    assert f"{_capital(TALKS[code])} {expected[code]}" in _text(code, next_round=facts)


def test_the_two_sides_agreed_the_next_round() -> None:
    facts = {"when": {"year": "2013", "season": "autumn"}, "arrangement": "agreed"}
    expected = {
        "it": f"Le due parti hanno convenuto di tenere {TALKS['it']} nell'autunno del 2013.",
        "es": f"Ambas partes acordaron celebrar {TALKS['es']} en otoño de 2013.",
        "nl": f"Beide partijen zijn overeengekomen {TALKS['nl']} in het najaar van 2013 te houden.",
        "pl": f"Obie strony uzgodniły, że {TALKS['pl']} odbędzie się jesienią 2013 r.",
    }
    for code, sentence in expected.items():
        assert sentence in _text(code, next_round=facts), code


def test_a_civil_society_meeting_prior_to_the_talks() -> None:
    meeting = {"participants": "representatives of Kyrgyz NGOs", "prior": "true"}
    expected = {
        "it": "l'UE ha incontrato rappresentanti di ONG kirghise a Bishkek prima del dialogo "
        "sui diritti umani.",
        "es": "la UE se reunió con representantes de ONG kirguisas en Bishkek antes del "
        "diálogo sobre derechos humanos.",
        "nl": "ontmoette de EU vertegenwoordigers van Kirgizische ngo's in Bisjkek voorafgaand "
        "aan de mensenrechtendialoog.",
        "pl": "UE spotkała się z przedstawicielami kirgiskich organizacji pozarządowych w "
        "Biszkeku przed rozpoczęciem dialogu w sprawie praw człowieka.",
    }
    civil = {"meetings": [{**meeting, "places": ["Bishkek"]}]}
    for code, words in expected.items():
        assert words in _text(code, civil_society=civil), code


def test_the_eeas_web_title_s_ordinal_agrees_with_its_round() -> None:
    expected = {
        "it": "Quindicesimo ciclo del dialogo sui diritti umani UE-Kirghizistan",
        "es": "Decimoquinta ronda del diálogo sobre derechos humanos UE-Kirguistán",
        "nl": "Vijftiende ronde van de mensenrechtendialoog EU-Kirgizië",
        "pl": "Piętnasta runda dialogu w sprawie praw człowieka UE–Kirgistan",
    }
    for code, title in expected.items():
        meeting = {"round": "15", "round_style": "words"}
        blocks = _text(code, house="eeas-web", meeting=meeting).split(" | ")
        assert title in blocks, code
