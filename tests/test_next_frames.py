"""The next-round sentence from typed facts: when, the Presidency, the arrangement, its place.

Each frame is rendered in English, French and German (the EU-Kyrgyzstan dialogue of
tests/test_family.py) and compared with the words the house writes; one release of each
kind is read back from the HTML, the Word file and the PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from familyutil import assert_in_all, texts
from frameutil import html_text, translated_round

import drafter

EN = "The next round of the EU-Kyrgyzstan Human Rights Dialogue"
FR = "Le prochain cycle du dialogue sur les droits de l'homme entre l'UE et le Kirghizstan"
DE = "Die nächste Runde des Menschenrechtsdialogs EU-Kirgisistan"

# facts of next_round, then the sentence in en, fr and de
FRAMES: list[tuple[dict[str, Any], tuple[str, str, str]]] = [
    (
        {"when": {"year": "2013", "season": "autumn"}, "place": "Brussels"},
        (
            f"{EN} should take place in Brussels in autumn 2013.",
            f"{FR} devrait avoir lieu à Bruxelles en automne 2013.",
            f"{DE} soll im Herbst 2013 in Brüssel stattfinden.",
        ),
    ),
    (
        {"when": {"year": "2013", "season": "Spring"}},
        (
            f"{EN} should take place in spring 2013.",
            f"{FR} devrait avoir lieu au printemps 2013.",
            f"{DE} soll im Frühjahr 2013 stattfinden.",
        ),
    ),
    (
        {"when": {"year": "2014", "half": "first"}},
        (
            f"{EN} should take place in the first half of 2014.",
            f"{FR} devrait avoir lieu au premier semestre 2014.",
            f"{DE} soll im ersten Halbjahr 2014 stattfinden.",
        ),
    ),
    (
        {"when": {"year": "2013", "month": "11"}},
        (
            f"{EN} should take place in November 2013.",
            f"{FR} devrait avoir lieu en novembre 2013.",
            f"{DE} soll im November 2013 stattfinden.",
        ),
    ),
    (
        {"when": {"year": "2013", "by_end": "true"}},
        (
            f"{EN} should take place by the end of 2013.",
            f"{FR} devrait avoir lieu d'ici à la fin de 2013.",
            f"{DE} soll bis Ende 2013 stattfinden.",
        ),
    ),
    (
        {"when": {"year": "2013", "month": "4", "by_end": "true"}},
        (
            f"{EN} should take place by the end of April 2013.",
            f"{FR} devrait avoir lieu d'ici à la fin d'avril 2013.",
            f"{DE} soll bis Ende April 2013 stattfinden.",
        ),
    ),
    (
        {"when": {"year": "2014"}},
        (
            f"{EN} should take place in 2014.",
            f"{FR} devrait avoir lieu en 2014.",
            f"{DE} soll im Jahr 2014 stattfinden.",
        ),
    ),
    (
        {"presidency": "German"},
        (
            f"{EN} should take place under the German Presidency.",
            f"{FR} devrait avoir lieu sous la présidence allemande.",
            f"{DE} soll unter deutschem Vorsitz stattfinden.",
        ),
    ),
    (
        {"when": {"year": "2014", "half": "second"}, "presidency": "German", "place": "Berlin"},
        (
            f"{EN} should take place in Berlin in the second half of 2014 under the German "
            "Presidency.",
            f"{FR} devrait avoir lieu à Berlin au second semestre 2014 sous la présidence "
            "allemande.",
            f"{DE} soll im zweiten Halbjahr 2014 unter deutschem Vorsitz in Berlin stattfinden.",
        ),
    ),
    (
        {"when": {"year": "2013", "season": "autumn"}, "arrangement": "agreed", "place": "Bonn"},
        (
            "The two sides agreed to hold the next round of the EU-Kyrgyzstan Human Rights "
            "Dialogue in Bonn in autumn 2013.",
            "Les deux parties sont convenues de tenir le prochain cycle du dialogue sur les droits "
            "de l'homme entre l'UE et le Kirghizstan à Bonn en automne 2013.",
            "Beide Seiten kamen überein, die nächste Runde des Menschenrechtsdialogs "
            "EU-Kirgisistan im Herbst 2013 in Bonn abzuhalten.",
        ),
    ),
    (
        {"place": "Brussels", "arrangement": "Proposed"},
        (
            "The EU proposed to hold the next round of the EU-Kyrgyzstan Human Rights Dialogue "
            "in Brussels.",
            "L'UE a proposé de tenir le prochain cycle du dialogue sur les droits de l'homme "
            "entre l'UE et le Kirghizstan à Bruxelles.",
            "Die EU schlug vor, die nächste Runde des Menschenrechtsdialogs EU-Kirgisistan in "
            "Brüssel abzuhalten.",
        ),
    ),
    (
        {"date": "2013-06-20", "arrangement": "scheduled"},
        (
            f"{EN} is scheduled to take place on 20 June 2013.",
            f"{FR} aura lieu le 20 juin 2013.",
            f"{DE} findet am 20. Juni 2013 statt.",
        ),
    ),
    (
        {"when": {"year": "2014"}, "arrangement": "planned"},
        (
            f"{EN} is planned in 2014.",
            f"{FR} est prévu en 2014.",
            f"{DE} ist im Jahr 2014 geplant.",
        ),
    ),
]
_PRESIDENCY = {
    "fr": {"next_round": {"presidency": "allemande"}},
    "de": {"next_round": {"presidency": "deutschem"}},
}


def _data(facts: dict[str, Any]) -> Any:
    """The round with the next round's `facts`; the Presidency's adjective translated."""
    return translated_round(_PRESIDENCY if "presidency" in facts else {}, next_round=facts)


@pytest.mark.parametrize(("facts", "expected"), FRAMES, ids=[str(f) for f, _ in FRAMES])
@pytest.mark.parametrize("index", [0, 1, 2], ids=["en", "fr", "de"])
def test_the_next_round_sentence_of_each_frame(
    facts: dict[str, Any], expected: tuple[str, str, str], index: int
) -> None:
    text = html_text(_data(facts), ("en", "fr", "de")[index])
    assert expected[index] in text


def test_consultations_are_planned_in_the_plural() -> None:
    data = translated_round(
        {
            "fr": {"meeting": {"name": "consultations sur les droits de l'homme"}},
            "de": {"meeting": {"name": "Menschenrechtskonsultationen"}},
        },
        meeting={"name": "human rights consultations", "article": ""},
        next_round={"when": {"year": "2013", "season": "autumn"}, "arrangement": "planned"},
    )
    assert "The next EU-Kyrgyzstan human rights consultations are planned in autumn 2013." in (
        html_text(data, "en")
    )
    assert (
        "Le prochain cycle de consultations sur les droits de l'homme entre l'UE et le "
        "Kirghizstan est prévu en automne 2013." in html_text(data, "fr")
    )
    assert (
        "Die nächste Runde der EU-Kirgisistan-Menschenrechtskonsultationen ist im Herbst 2013 "
        "geplant." in html_text(data, "de")
    )


@pytest.mark.parametrize(
    "timing", ["under the Irish Presidency", "from March 2013", "between May and June 2013"]
)
def test_no_free_timing_yields_in_before_its_own_preposition(timing: str) -> None:
    data = translated_round(next_round={"timing": timing})
    text = html_text(data, "en")
    assert f"{EN} should take place {timing}." in text
    assert "take place in under" not in text and "in from" not in text


def test_every_format_carries_a_typed_frame_in_english_and_french() -> None:
    data = _data({"when": {"year": "2014", "half": "second"}, "presidency": "German",
                  "place": "Brussels", "arrangement": "agreed"})  # fmt: skip
    assert_in_all(
        data,
        "The two sides agreed to hold the next round of the EU-Kyrgyzstan Human Rights Dialogue "
        "in Brussels in the second half of 2014 under the German Presidency.",
    )
    assert_in_all(
        data,
        "Les deux parties sont convenues de tenir le prochain cycle du dialogue sur les droits "
        "de l'homme entre l'UE et le Kirghizstan à Bruxelles au second semestre 2014 sous la "
        "présidence allemande.",
        language="fr",
    )


# --- where the sentence stands -------------------------------------------------------------

_BODY = ["The talks were held in an open atmosphere.", "The EU delegation was led by X."]


def _blocks(after: int | None) -> list[str]:
    facts: dict[str, Any] = {"when": {"year": "2013", "season": "autumn"}}
    if after is not None:
        facts["after_paragraph"] = str(after)
    data = translated_round(body=_BODY, next_round=facts)
    return html_text(data, "en").split(" | ")


def test_the_next_round_follows_the_body_by_default() -> None:
    blocks = _blocks(None)
    assert blocks[-1].startswith(EN) and blocks[-2] == _BODY[1]


def test_the_next_round_stands_before_the_delegation_paragraph() -> None:
    blocks = _blocks(1)
    at = next(i for i, block in enumerate(blocks) if block.startswith(EN))
    assert blocks[at - 1].endswith(_BODY[0]) and blocks[at + 1] == _BODY[1]


def test_the_placed_sentence_is_in_every_format_in_its_place() -> None:
    facts = {"when": {"year": "2013", "season": "autumn"}, "after_paragraph": "1"}
    data = translated_round(body=_BODY, next_round=facts)
    expected = f"{_BODY[0]} {EN} should take place in autumn 2013. {_BODY[1]}"
    for fmt, text in texts(data).items():
        assert expected in text.replace(" | ", " "), fmt


# --- refused facts, each named by its field ------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "field", "says"),
    [
        ({"when": {"year": "2013", "season": "fall"}}, "next_round.when.season", "autumn"),
        ({"when": {"year": "2013", "month": "13"}}, "next_round.when.month", "12"),
        ({"when": {"year": "2013", "season": "autumn", "month": "10"}},
         "next_round.when.month", "one of season, half and month"),
        ({"when": {"year": "2013", "half": "first", "by_end": "true"}},
         "next_round.when.by_end", "not with `half`"),
        ({"when": {"year": "2012", "month": "6"}}, "next_round.when.year", "before this round"),
        ({"when": {"year": "2013"}, "timing": "autumn 2013"}, "next_round.when", "give one"),
        ({"when": {"year": "2013"}, "arrangement": "hoped"}, "next_round.arrangement", "agreed"),
        ({"when": {"year": "2013"}, "after_paragraph": "3"},
         "next_round.after_paragraph", "the body has 2"),
        ({"when": {"season": "autumn"}}, "next_round.when.year", ""),
    ],
)  # fmt: skip
def test_a_next_rounds_wrong_fact_is_named(facts: dict[str, Any], field: str, says: str) -> None:
    data = translated_round(body=_BODY, next_round=facts)
    with pytest.raises(drafter.InputError) as refused:
        drafter.validate_release(data)
    problems = [p for p in refused.value.problems if p.field == field]
    assert problems, refused.value.problems
    assert says in problems[0].message


def test_the_next_rounds_draft_asks_for_its_timing_again(tmp_path: Path) -> None:
    from drafter.next_round import draft_next

    data = translated_round(next_round={"when": {"year": "2013", "season": "autumn"}})
    source = tmp_path / "round-4.yaml"
    source.write_text(yaml.safe_dump(data), encoding="utf-8")
    draft = yaml.safe_load(draft_next(source).text)
    assert "when" not in draft["next_round"]
    assert "FILL IN" in draft["next_round"]["timing"]
    reference = draft_next(source).reference  # numbered in the year the next round is in
    assert reference is not None and reference.year == 2013
