"""The civil-society sentence: a meeting prior to the talks, without places, inside the body.

Each frame is rendered in English, French and German (the EU-Kyrgyzstan dialogue of
tests/test_family.py) and compared with the words the house writes.
"""

from __future__ import annotations

from typing import Any

import pytest
from familyutil import texts
from frameutil import html_text, translated_round

import drafter

_WHO = {
    "en": "representatives of Kyrgyz NGOs",
    "fr": "des représentants d'ONG kirghizes",
    "de": "Vertreter kirgisischer NGOs",
}
_OPENING = {
    "en": "the EU met ",
    "fr": "l'UE a rencontré ",
    "de": "traf die EU ",
}


def _data(meeting: dict[str, Any], **changes: Any) -> Any:
    """The round with one civil-society meeting, its participants translated."""
    translated = {
        code: {"civil_society": {"meetings": [{"participants": _WHO[code]}]}}
        for code in ("fr", "de")
    }
    civil = {"meetings": [{"participants": _WHO["en"], **meeting}], **changes.pop("civil", {})}
    return translated_round(translated, civil_society=civil, **changes)


FRAMES: list[tuple[dict[str, Any], dict[str, str]]] = [
    (
        {"prior": "true"},
        {
            "en": "representatives of Kyrgyz NGOs prior to the dialogue.",
            "fr": "des représentants d'ONG kirghizes avant le dialogue sur les droits de l'homme.",
            "de": "Vertreter kirgisischer NGOs im Vorfeld des Menschenrechtsdialogs.",
        },
    ),
    (
        {"prior": "true", "places": ["Bishkek"]},
        {
            "en": "representatives of Kyrgyz NGOs in Bishkek prior to the dialogue.",
            "fr": "des représentants d'ONG kirghizes à Bichkek avant le dialogue sur les droits "
            "de l'homme.",
            "de": "Vertreter kirgisischer NGOs in Bischkek im Vorfeld des Menschenrechtsdialogs.",
        },
    ),
    (
        {"date": "2012-11-20"},
        {
            "en": "representatives of Kyrgyz NGOs on 20 November.",
            "fr": "des représentants d'ONG kirghizes le 20 novembre.",
            "de": "Vertreter kirgisischer NGOs am 20. November.",
        },
    ),
]


@pytest.mark.parametrize(("meeting", "expected"), FRAMES, ids=["prior", "prior-at", "no-place"])
@pytest.mark.parametrize("code", ["en", "fr", "de"])
def test_the_civil_society_sentence_of_each_frame(
    meeting: dict[str, Any], expected: dict[str, str], code: str
) -> None:
    assert _OPENING[code] + expected[code] in html_text(_data(meeting), code)


_BODY = ["The talks were held in an open atmosphere.", "The EU delegation was led by X."]


def test_a_civil_society_sentence_in_the_body_ends_its_last_paragraph() -> None:
    data = _data({"prior": "true"}, body=_BODY, civil={"in_body": "true"})
    sentence = (
        "In line with established practice and so as to incorporate the views of civil society "
        "into the dialogue, the EU met representatives of Kyrgyz NGOs prior to the dialogue."
    )
    for fmt, text in texts(data).items():
        blocks = text.split(" | ")
        assert f"{_BODY[1]} {sentence}" in text, fmt
        if fmt == "html":  # the paragraph ends the body: no paragraph of its own follows
            assert blocks[-1] == f"{_BODY[1]} {sentence}"
    german = html_text(data, "de").split(" | ")
    assert german[-1].startswith(_BODY[1] + " Wie üblich")


@pytest.mark.parametrize(
    ("meeting", "changes", "field", "says"),
    [
        ({"prior": "true", "date": "2012-11-20"}, {}, "civil_society.meetings[0].date", "prior"),
        ({}, {}, "civil_society.meetings[0].date", "is missing"),
        ({"places": []}, {}, "civil_society.meetings[0].places", "at least 1"),
        ({"prior": "true"}, {"civil_society": {"in_body": "true"}}, "civil_society.in_body",
         "needs a paragraph"),
    ],
)  # fmt: skip
def test_a_civil_society_meetings_wrong_fact_is_named(
    meeting: dict[str, Any], changes: dict[str, Any], field: str, says: str
) -> None:
    data = _data(meeting, civil=changes.get("civil_society", {}))
    with pytest.raises(drafter.InputError) as refused:
        drafter.validate_release(data)
    problems = [p for p in refused.value.problems if p.field == field]
    assert problems, refused.value.problems
    assert says in problems[0].message
