"""Names in the release's own language: a French or German original never prints English names."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from textutil import html_blocks

import drafter

_FRENCH: dict[str, Any] = {
    "language": "fr",
    "issuer": "Union européenne",
    "place": "Bruxelles",
    "date": "2012-12-03",
    "reference": "A 540/12",
    "counterpart": {"name": "la République kirghize", "short_name": "le Kirghizstan"},
    "meeting": {
        "name": "dialogue sur les droits de l'homme",
        "round": "4",
        "date": "2012-11-27",
        "place": "Bichkek",
    },
    "next_round": {"when": {"year": "2013", "season": "autumn"}, "place": "Bruxelles"},
}
_GERMAN: dict[str, Any] = {
    **_FRENCH,
    "language": "de",
    "issuer": "Europäische Union",
    "place": "Brüssel",
    "counterpart": {"name": "die Kirgisische Republik", "short_name": "Kirgisistan"},
    "meeting": {**_FRENCH["meeting"], "name": "Menschenrechtsdialog", "place": "Bischkek"},
    "next_round": {"when": {"year": "2013", "season": "autumn"}, "place": "Brüssel"},
}


def _text(data: dict[str, Any], house: str | Path | None = None) -> str:
    return " | ".join(
        html_blocks(drafter.render(drafter.validate_release(data), "html", house=house))
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            _FRENCH,
            (
                "L'UE et le Kirghizstan tiennent leur dialogue sur les droits de l'homme",
                "Le 27 novembre 2012, l'Union européenne et la République kirghize ont tenu",
                "entre l'UE et le Kirghizstan devrait avoir lieu à Bruxelles en automne 2013.",
            ),
        ),
        (
            _GERMAN,
            (
                "Die EU und Kirgisistan halten ihren Menschenrechtsdialog ab",
                "Am 27. November 2012 haben die Europäische Union und die Kirgisische Republik",
                "Menschenrechtsdialogs EU-Kirgisistan soll im Herbst 2013 in Brüssel stattfinden.",
            ),
        ),
    ],
    ids=["fr", "de"],
)
def test_an_original_in_french_or_german_names_the_eu_in_its_language(
    data: dict[str, Any], expected: tuple[str, ...]
) -> None:
    text = _text(data)
    for words in expected:
        assert words in text
    assert "European Union" not in text and "the EU" not in text


@pytest.mark.parametrize(
    ("counterpart", "says"),
    [
        ({"name": "la République kirghize", "short_name": "Kyrgyzstan"},
         "counterpart.short_name is 'Kyrgyzstan', the English name; in fr CLDR names it "
         "'Kirghizstan'"),
        ({"name": "the Kyrgyz Republic", "short_name": "le Kirghizstan"},
         "counterpart.name is 'the Kyrgyz Republic', with the English article"),
    ],
)  # fmt: skip
def test_a_counterpart_left_in_english_is_warned_of(
    counterpart: dict[str, str], says: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        _text({**_FRENCH, "counterpart": counterpart})
    assert says in caplog.text


def test_a_translation_left_with_english_names_is_warned_of(
    caplog: pytest.LogCaptureFixture,
) -> None:
    english = {**_FRENCH, "language": "en", "issuer": "European Union", "place": "Brussels",
               "counterpart": {"name": "the Kyrgyz Republic", "short_name": "Kyrgyzstan"},
               "meeting": {**_FRENCH["meeting"], "name": "human rights dialogue", "article": "the",
                           "place": "Bishkek"},
               "next_round": {"place": "Brussels"}, "translations": {"de": {}}}  # fmt: skip
    release = drafter.validate_release(english)
    with caplog.at_level(logging.WARNING):
        drafter.render(release, "html", language="de")
    assert "counterpart.short_name is 'Kyrgyzstan', the English name; in de CLDR" in caplog.text


def test_names_in_the_language_are_not_warned_of(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        _text(_FRENCH)
        _text(_GERMAN)
    assert "English name" not in caplog.text and "printed in English" not in caplog.text


def test_the_eeas_web_house_words_a_french_release_in_french() -> None:
    data = {**_FRENCH, "identifier": "121203_5", "time": "18:30"}
    data.pop("reference")
    text = _text(data, house="eeas-web")
    assert "Quatrième cycle du dialogue sur les droits de l'homme UE-Kirghizstan" in text
    assert "IDENTIFIANT UNIQUE : 121203_5" in text and "Bruxelles, 03/12/2012 - 18:30" in text


def test_a_house_of_one_language_refuses_another_with_a_clear_message(tmp_path: Path) -> None:
    house = tmp_path / "english-only"
    house.mkdir()
    (house / "house.toml").write_text(
        'name = "english-only"\nextends = "eu-press"\nlanguages = ["en"]\n'
        "other_languages = false\n",
        encoding="utf-8",
    )
    with pytest.raises(drafter.InputError) as refused:
        drafter.render(drafter.validate_release(_FRENCH), "html", house=house)
    [problem] = refused.value.problems
    assert problem.field == "language"
    assert "english-only words its releases in en only" in problem.message
    assert "eu-press" in problem.message
