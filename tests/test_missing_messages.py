"""A final release is never printed half in English: a message its catalogue lacks refuses it.

A draft prints a missing message in English with a warning (it is work in progress); a
final release in a language whose catalogue lacks a message the rendering uses is refused,
naming each missing message, the language and the catalogue to complete. A message the
release does not use (a sentence for a case it is not) never refuses it.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from clirun import Cap, run
from edits import FULL_TEXT, TEXT, line_of

import drafter
from drafter.catalogues import MissingMessagesError
from drafter.errors import InputError

LOCALE = Path(__file__).resolve().parents[1] / "templates" / "eu-press" / "locale"
FRENCH = (LOCALE / "fr" / "LC_MESSAGES" / "house.po").read_text(encoding="utf-8")
PRESS = 'msgid "P R E S S"\nmsgstr "P R E S S E"\n'
EU_SHORT = 'msgctxt "EU"\nmsgid "the EU"\nmsgstr "l\'UE"\n'
# The sentence of a next round known by its place alone: the example's has its timing only.
PLACE_ONLY = (
    'msgid "The next round of %(talks)s should take place in %(place)s."\n'
    'msgstr "Le prochain cycle de %(talks)s devrait avoir lieu à %(place)s."\n'
)


def _catalogue(tmp_path: Path, *left_out: str) -> Path:
    """A user's template folder whose French catalogue lacks the messages `left_out`."""
    text = FRENCH
    for message in left_out:
        assert text.count(message) == 1, message
        text = text.replace(message, "")
    folder = tmp_path / "mine"
    (folder / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (folder / "locale" / "fr" / "LC_MESSAGES" / "house.po").write_text(text, encoding="utf-8")
    return folder


def _release(status: str = "final") -> drafter.Release:
    return drafter.load_release(FULL_TEXT.replace("status: final", f"status: {status}"))


def test_a_final_release_lacking_a_message_is_refused_naming_it(tmp_path: Path) -> None:
    mine = _catalogue(tmp_path, PRESS, EU_SHORT)
    with pytest.raises(MissingMessagesError) as caught:
        drafter.render(_release(), "html", language="fr", templates=mine)
    error = caught.value
    assert isinstance(error, InputError) and error.exit_code == 1
    assert (error.language, error.messages) == ("fr", [("EU", "the EU"), (None, "P R E S S")])
    catalogue = mine / "locale" / "fr" / "LC_MESSAGES" / "house.po"
    assert error.catalogue == str(catalogue)
    assert [(p.field, p.message) for p in error.problems[:2]] == [
        ("translations.fr", "'the EU' (context 'EU') has no translation in the fr catalogue"),
        ("translations.fr", "'P R E S S' has no translation in the fr catalogue"),
    ]
    fix = error.problems[2]
    assert fix.field == "status" and "never printed half in English" in fix.message
    assert f"translate them in {catalogue}" in fix.message and "set it to draft" in fix.message


def test_the_file_s_own_language_is_refused_at_its_language(tmp_path: Path) -> None:
    mine = _catalogue(tmp_path, PRESS)
    own = drafter.load_release(TEXT.replace("language: en\n", "language: fr\n"))
    with pytest.raises(MissingMessagesError) as caught:
        drafter.render(own, "html", templates=mine)
    assert [p.field for p in caught.value.problems] == ["language", "status"]


def test_a_draft_lacking_a_message_is_printed_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    mine = _catalogue(tmp_path, PRESS)
    with caplog.at_level(logging.WARNING, logger="drafter"):
        html = drafter.render(_release("draft"), "html", language="fr", templates=mine).decode()
    assert "P R E S S<" in html.replace("P R E S S E", "")
    warned = [r.getMessage() for r in caplog.records]
    assert warned == [
        "the fr catalogue has no translation of 'P R E S S'; it is printed in English"
    ]


def test_a_message_the_release_does_not_use_does_not_refuse_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    mine = _catalogue(tmp_path, PLACE_ONLY)
    with caplog.at_level(logging.WARNING, logger="drafter"):
        html = drafter.render(_release(), "html", language="fr", templates=mine).decode()
    assert "devrait avoir lieu à l&#39;automne 2012." in html
    assert [r.getMessage() for r in caplog.records] == []
    # the release that uses it is refused
    edited = FULL_TEXT.replace("  timing: autumn 2012\n", "  place: Moscow\n").replace(
        "      timing: à l'automne 2012\n", ""
    )
    with pytest.raises(MissingMessagesError, match="should take place in"):
        drafter.render(drafter.load_release(edited), "html", language="fr", templates=mine)


def test_the_english_version_of_a_final_release_needs_no_catalogue(tmp_path: Path) -> None:
    mine = _catalogue(tmp_path, PRESS)
    assert b"P R E S S" in drafter.render(_release(), "html", templates=mine)


def test_new_refuses_a_final_release_and_writes_nothing(tmp_path: Path, capsys: Cap) -> None:
    mine = _catalogue(tmp_path, PRESS)
    source = tmp_path / "release.yaml"
    source.write_text(FULL_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    arguments = [str(source), "--html", "--lang", "fr", "--templates", str(mine)]
    code, _, err = run(capsys, "new", *arguments, "--out", str(out))
    assert code == 1
    assert f"{source}: 2 problems found; nothing was written." in err
    line = line_of(FULL_TEXT, "  fr:")
    expected = f":{line}:3: translations.fr: 'P R E S S' has no translation in the fr"
    assert expected in err
    assert f":{line_of(FULL_TEXT, 'status: final')}:1: status: is final" in err
    assert "WARNING" not in err
    assert not out.exists() or list(out.iterdir()) == []


def test_the_server_refuses_it_as_the_release_s_problem_at_its_fields() -> None:
    from textutil import REFERENCE_YAML
    from webutil import TestClient

    from drafter.web.app import ServerSettings, create_app
    from drafter.web.yamlfile import form_data

    data = form_data(drafter.load_release(REFERENCE_YAML))
    data["translations"] = {"pt": data["translations"]["fr"]}  # no Portuguese wording yet
    with TestClient(create_app(settings=ServerSettings(workers=1))) as client:
        refused = client.post("/api/render?format=html&language=pt", json=data)
        data["status"] = "draft"
        drafted = client.post("/api/render?format=html&language=pt", json=data)
    assert refused.status_code == 422
    problems = [(problem["field"], problem["message"]) for problem in refused.json()["problems"]]
    # the server renders the whole release in the language asked for, as `drafter new` does:
    # the problems are at the translation's field
    eu = "'the European Union' (context 'EU') has no translation in the pt catalogue"
    assert problems[0] == ("translations.pt", eu)
    assert ("translations.pt", "'P R E S S' has no translation in the pt catalogue") in problems
    assert problems[-1][0] == "status"
    assert drafted.status_code == 200 and "P R E S S" in drafted.text
