"""Shared contacts: a contacts file kept once, its people named by key in releases."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from clirun import Cap, run
from edits import edit, line_of

import drafter
from drafter.errors import InputError
from drafter.style_check import check_file

BOOK = """\
mann:
  name: Michael Mann
  role: Spokesperson of the High Representative
  phones: ["+32 498 999 780", "+32 2 299 97 80"]
  email: Michael.Mann@eeas.europa.eu
  valid_from: 2010-01-01
  valid_until: 2014-10-31
kocijancic:
  name: Maja Kocijancic
  phones: ["0032 498 984 425", "+32 2 298 65 70"]
  email: Maja.Kocijancic@ec.europa.eu
  valid_until: 2012-06-30
"""
INLINE_PEOPLE = edit().split("  people:\n", 1)[1].split("  mailbox:", 1)[0]
BRABANT = INLINE_PEOPLE[INLINE_PEOPLE.index("    - name: Sebastien Brabant") :]


def _people(*keys: str, book: str = "") -> tuple[str, str]:
    listed = "".join(f"    - {key}\n" for key in keys)
    head = f"contacts_file: {book}\n" if book else ""
    return (
        "contacts:\n  people:\n" + INLINE_PEOPLE,
        head + "contacts:\n  people:\n" + listed + BRABANT,
    )


def _release(folder: Path, *changes: tuple[str, str], book: str = BOOK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "contacts.yaml").write_text(book, encoding="utf-8")
    path = folder / "round.yaml"
    path.write_text(edit(*changes), encoding="utf-8")
    return path


def test_keys_and_inline_entries_give_the_reference_contacts(tmp_path: Path) -> None:
    path = _release(tmp_path, _people("mann", book="contacts.yaml"))
    release = drafter.load_release(path)
    assert release.contacts is not None
    people = release.contacts.people
    assert [person.name for person in people] == ["Michael Mann", "Sebastien Brabant"]
    assert people[0].phones == ["+32 498 999 780", "+32 2 299 97 80"]  # the grouping kept
    text = drafter.render(release, "html").decode()
    assert "Michael Mann +32 498 999 780 - +32 2 299 97 80 - <a href" in text


def test_the_phone_of_a_shared_contact_is_written_in_the_house_form(tmp_path: Path) -> None:
    book = BOOK.replace("  valid_until: 2012-06-30\n", "")
    path = _release(tmp_path, _people("kocijancic", book="contacts.yaml"), book=book)
    release = drafter.load_release(path)
    assert release.contacts is not None
    assert release.contacts.people[0].phones == ["+32 498 98 44 25", "+32 2 298 65 70"]


def test_the_project_names_the_contacts_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the project's root is the repository's
    (tmp_path / "drafter.toml").write_text('[contacts]\nfile = "team/contacts.yaml"\n')
    _release(tmp_path / "team")
    path = _release(tmp_path / "releases" / "2012", _people("mann"))
    release = drafter.load_release(path)
    assert release.contacts is not None and release.contacts.people[0].name == "Michael Mann"


def test_an_unknown_key_is_named_with_its_line_and_the_nearest_key(tmp_path: Path) -> None:
    path = _release(tmp_path, _people("man", book="contacts.yaml"))
    with pytest.raises(InputError) as raised:
        drafter.load_release(path)
    [problem] = raised.value.problems
    assert problem.field == "contacts.people[0]"
    assert problem.line == line_of(path.read_text(), "    - man")
    assert (
        "`man` is not a key of the contacts file contacts.yaml; did you mean `mann`?"
        in problem.message
    )


@pytest.mark.parametrize("name", ["../contacts.yaml", "/etc/passwd", "sub/../../x.yaml"])
def test_a_contacts_file_outside_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / "contacts.yaml").write_text(BOOK)
    path = _release(tmp_path / "release", _people("mann", book=name))
    with pytest.raises(InputError) as raised:
        drafter.load_release(path)
    [problem] = raised.value.problems
    assert (problem.field, problem.line) == (
        "contacts_file",
        line_of(path.read_text(), "contacts_file:"),
    )
    assert "is outside the folder" in problem.message


def test_without_a_contacts_file_a_key_is_an_error(tmp_path: Path) -> None:
    path = _release(tmp_path, _people("mann"))
    with pytest.raises(InputError, match=r"no contacts file is given: add `contacts_file:"):
        drafter.load_release(path)
    with pytest.raises(InputError, match="only a release file can do"):
        drafter.load_release(edit(_people("mann", book="contacts.yaml")))


def test_a_bad_entry_of_the_contacts_file_is_named_there(tmp_path: Path) -> None:
    book = BOOK.replace("Michael.Mann@eeas.europa.eu", "Michael.Mann-at-eeas")
    path = _release(tmp_path, _people("mann", book="contacts.yaml"), book=book)
    with pytest.raises(InputError) as raised:
        drafter.load_release(path)
    assert raised.value.source.endswith("contacts.yaml")
    [problem] = raised.value.problems
    assert (problem.field, problem.line) == ("mann.email", line_of(book, "Michael.Mann-at-eeas"))


@pytest.mark.parametrize(
    ("valid", "warned"),
    [
        ("  valid_until: 2014-10-31", None),
        ("  valid_until: 2012-07-24", None),  # the last day counts
        ("  valid_until: 2012-07-23", "was valid only until 2012-07-23"),
        ("  valid_from: 2012-07-25", "is valid only from 2012-07-25"),
    ],
)
def test_a_contact_not_valid_on_the_release_date_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, valid: str, warned: str | None
) -> None:
    book = BOOK.replace("  valid_from: 2010-01-01\n  valid_until: 2014-10-31", valid)
    path = _release(tmp_path, _people("mann", book="contacts.yaml"), book=book)
    with caplog.at_level(logging.WARNING, logger="drafter"):
        release = drafter.load_release(path)
    assert release.contacts is not None  # a warning, not an error
    messages = [record.getMessage() for record in caplog.records]
    if warned is None:
        assert messages == []
        return
    assert len(messages) == 1 and warned in messages[0]
    assert "contacts.people[0]" in messages[0] and "Michael Mann" in messages[0]


def test_validate_and_check_show_the_validity_warning(
    tmp_path: Path, capsys: Cap, caplog: pytest.LogCaptureFixture
) -> None:
    book = BOOK.replace("  valid_until: 2014-10-31", "  valid_until: 2012-01-31")
    path = _release(tmp_path, _people("mann", book="contacts.yaml"), book=book)
    with caplog.at_level(logging.WARNING, logger="drafter"):
        code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and out.strip() == f"{path}: valid"
    assert "was valid only until 2012-01-31" in caplog.text
    findings = check_file(path)[1]
    assert [(f.rule, f.level, f.field) for f in findings] == [
        ("contact-validity", "warning", "contacts.people[0]")
    ]
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0 and "warning [contact-validity]" in out


def test_the_json_schema_allows_keys_and_the_embargo_form() -> None:
    schema = drafter.release_schema()
    items = schema["$defs"]["Contacts"]["properties"]["people"]["items"]["anyOf"]
    assert {"$ref": "#/$defs/Contact"} in items and any(i.get("type") == "string" for i in items)
    assert "contacts_file" in schema["properties"]
    embargo = schema["properties"]["embargo"]["anyOf"][0]
    assert embargo["type"] == "string" and "format" not in embargo
    assert re.fullmatch(embargo["pattern"], "2012-07-24 12:00")


def test_the_validity_warning_can_be_turned_off(tmp_path: Path) -> None:
    book = BOOK.replace("  valid_until: 2014-10-31", "  valid_until: 2012-01-31")
    off = ("status: final", "status: final\nchecks:\n  disable: [contact-validity]")
    path = _release(tmp_path, _people("mann", book="contacts.yaml"), off, book=book)
    assert check_file(path)[1] == []
