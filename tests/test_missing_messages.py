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
from edits import FULL_TEXT

import drafter
from drafter.catalogues import MissingMessagesError
from drafter.errors import TemplateError

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
    assert isinstance(error, TemplateError) and error.exit_code == 1
    assert error.language == "fr"
    assert error.messages == [("EU", "the EU"), (None, "P R E S S")]
    message = str(error)
    assert "the fr catalogue has no translation of 2 messages this final release uses" in message
    assert "\n  - 'the EU' (context 'EU')\n  - 'P R E S S'\n" in message
    assert str(mine / "locale" / "fr" / "LC_MESSAGES" / "house.po") in message
    assert "status: draft" in message


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
    assert "the fr catalogue has no translation of 1 message this final release uses" in err
    assert "'P R E S S'" in err and "WARNING" not in err
    assert not out.exists() or list(out.iterdir()) == []
