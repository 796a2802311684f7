"""Hostile values in a release's fields: each refused naming the field and its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import Cap, run
from textutil import REFERENCE_YAML

import drafter
from drafter.errors import InputError

WEBSITE = "website: http://www.eeas.europa.eu"
TEXT = REFERENCE_YAML.read_text(encoding="utf-8")
LINE = TEXT[: TEXT.index(WEBSITE)].count("\n") + 1


def _problems(old: str, new: str) -> list[str]:
    assert old in TEXT
    with pytest.raises(InputError) as info:
        drafter.load_release(TEXT.replace(old, new, 1))
    return [str(problem) for problem in info.value.problems]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://user:secret@www.eeas.europa.eu", "user name or password"),
        ("http://www.eeas.europa.eu@evil.example", "user name or password"),
        ("https://www.eeas.europa.eu\\@evil.example/", "user name or password"),
        ("http://evil.example\\www.eeas.europa.eu", "backslash"),
        ("http://www.eeas.europa.eu:99999/", "port"),
        ("http://www.eeas.europa.eu:http/", "port"),
    ],
)
def test_a_deceptive_or_broken_web_address_is_refused(url: str, said: str) -> None:
    problems = _problems(WEBSITE, f"website: '{url}'")
    assert len(problems) == 1
    assert problems[0].startswith(f"contacts.website (line {LINE}, column 3): ")
    assert said in problems[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.eeas.europa.eu:443/eeas/press",
        "http://bücher.example/ä?q=1#frag",
        "https://www.eeas.europa.eu/a%20b",
    ],
)
def test_ordinary_web_addresses_are_still_taken(url: str) -> None:
    release = drafter.load_release(TEXT.replace(WEBSITE, f"website: '{url}'", 1))
    assert release.contacts is not None and release.contacts.website == url


PLACE = "place: Brussels\n"


def test_a_character_the_pdf_fonts_lack_is_refused_at_its_line(tmp_path: Path, capsys: Cap) -> None:
    release = tmp_path / "round.yaml"
    release.write_text(TEXT.replace(PLACE, "place: Brus\ue000sels\n", 1), encoding="utf-8")
    line = TEXT[: TEXT.index(PLACE)].count("\n") + 1
    code, _, err = run(capsys, "new", "--pdf", "--out", str(tmp_path / "out"), str(release))
    assert code == 1, err
    assert f"{release}: 1 problem" in err
    assert f":{line}:1: place: the PDF fonts cannot draw" in err
    assert not (tmp_path / "out").exists()


def test_a_character_the_fonts_lack_in_a_translation_is_refused_at_its_line(
    tmp_path: Path, capsys: Cap
) -> None:
    old = "    issuer: Union européenne\n"
    assert old in TEXT
    release = tmp_path / "round.yaml"
    release.write_text(TEXT.replace(old, "    issuer: Union\ue000\n", 1), encoding="utf-8")
    line = TEXT[: TEXT.index(old)].count("\n") + 1
    args = ["new", "--pdf", "--lang", "fr", "--out", str(tmp_path / "out"), str(release)]
    code, _, err = run(capsys, *args)
    assert code == 1, err
    assert f":{line}:5: translations.fr.issuer: the PDF fonts cannot draw" in err


PLACE_LINE = TEXT[: TEXT.index(PLACE)].count("\n") + 1


@pytest.mark.parametrize(
    "invisible", ["\\u200b", "\\u200d", "\\u2060\\u200c", "\\ufeff", "\\u00ad"]
)
def test_text_of_invisible_characters_only_is_empty(invisible: str) -> None:
    problems = _problems(PLACE, f'place: "{invisible}"\n')
    assert problems == [
        f"place (line {PLACE_LINE}, column 1): is empty; write the text, or leave the field "
        "out if it is optional"
    ]


def test_text_with_a_joiner_between_letters_is_kept() -> None:
    release = drafter.load_release(TEXT.replace(PLACE, 'place: "Brus\\u200dsels"\n', 1))
    assert release.place == "Brus\u200dsels"
