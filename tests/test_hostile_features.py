"""Hostile and broken inputs to the newer paths: houses, house.toml rules, catalogues, feeds.

Each test feeds what a careless or hostile user could give and asserts a clear error with a
non-zero exit status (never an internal error, a hang, or text leaked from drafter's inside).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from clirun import EXAMPLES, R15, Cap, run

HOUSE_TOML_START = 'name = "hostile"\nextends = "eu-press"\n'
FR_CATALOGUE = Path(__file__).resolve().parents[1] / (
    "templates/eu-press/locale/fr/LC_MESSAGES/house.po"
)


def _release(folder: Path, prefix: str = "") -> Path:
    """The reference release in `folder`, with `prefix` put after its `language:` line."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (EXAMPLES / R15).read_text(encoding="utf-8")
    target = folder / R15
    target.write_text(text.replace("language: en\n", f"language: en\n{prefix}", 1), "utf-8")
    return target


def _house(folder: Path, toml: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "house.toml").write_text(toml, encoding="utf-8")
    return folder


# --- a release file names its house by name only --------------------------------------------


def test_release_cannot_pick_a_folder_of_the_working_directory_as_its_house(
    tmp_path: Path, capsys: Cap, monkeypatch: pytest.MonkeyPatch
) -> None:
    evil = _house(tmp_path / "evil", 'name = "evil"\nextends = "eu-press"\n')
    (evil / "release.html.j2").write_text("OWNED {{ release.title }}", encoding="utf-8")
    release = _release(tmp_path, "house: evil\n")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    code, _, err = run(capsys, "new", "--html", "-o", str(out), str(release))
    assert code == 1
    assert ":6:1: house: " in err and "'evil'" in err
    assert not out.exists() or not any(out.iterdir())
    # the same folder is a house when the command line names it
    code, _, err = run(capsys, "validate", "--house", "evil", str(release))
    assert code == 0, err


# --- house.toml [fields] rules of the wrong shape --------------------------------------------


@pytest.mark.parametrize(
    ("rules", "named"),
    [
        ("[fields]\nforms = [1]\n", "fields.forms"),
        ('[fields.forms]\nreference = "x"\n', "fields.forms.reference"),
        ("[fields.forms.reference]\npattern = 5\n", "fields.forms.reference.pattern"),
        ('[fields]\nrequired = "title"\n', "fields.required"),
        ("[fields]\nrequired = [1, 2]\n", "fields.required"),
        ('[fields]\nnot_shown = "title"\n', "fields.not_shown"),
        ("fields = 3\n", "fields"),
        ("languages = 5\n", "languages"),
        ('languages = "fr"\n', "languages"),
    ],
)
def test_house_toml_of_the_wrong_shape_is_a_clear_error(
    tmp_path: Path, capsys: Cap, rules: str, named: str
) -> None:
    house = _house(tmp_path / "h", HOUSE_TOML_START + rules)
    release = _release(tmp_path / "r")
    code, _, err = run(capsys, "new", "--html", "--house", str(house), str(release))
    assert code == 1, err
    assert "internal error" not in err
    assert named in err and "house.toml" in err
    assert not list((tmp_path / "r").glob("*.html"))


def test_catastrophic_house_pattern_is_stopped_not_hung(tmp_path: Path, capsys: Cap) -> None:
    rules = '[fields.forms.title]\npattern = "(a|aa)+"\nexample = "aaa"\n'
    house = _house(tmp_path / "h", HOUSE_TOML_START + rules)
    release = _release(tmp_path / "r", f"title: {'a' * 60}!\n")
    started = time.perf_counter()
    code, _, err = run(capsys, "validate", "--house", str(house), str(release))
    assert time.perf_counter() - started < 30
    assert code == 1, err
    assert "fields.forms.title" in err and "too long" in err


# --- a user's catalogue ----------------------------------------------------------------------


def _catalogue(folder: Path, msgid: str, msgstr: str) -> Path:
    text = FR_CATALOGUE.read_text(encoding="utf-8")
    pattern = rf'(msgid "{re.escape(msgid)}"\nmsgstr )"[^\n]*"'
    changed, count = re.subn(pattern, lambda m: f'{m.group(1)}"{msgstr}"', text)
    assert count == 1
    target = folder / "locale/fr/LC_MESSAGES/house.po"
    target.parent.mkdir(parents=True)
    target.write_text(changed, encoding="utf-8")
    return folder


@pytest.mark.parametrize("msgstr", ["en %s", "en %r", "%(timing)r", "%(timing)d", "50 %"])
def test_catalogue_placeholder_that_is_not_named_is_refused(
    tmp_path: Path, capsys: Cap, msgstr: str
) -> None:
    templates = _catalogue(tmp_path / "tpl", "in %(timing)s", msgstr)
    release = _release(tmp_path / "r")
    args = ["new", "--html", "--lang", "fr", "--templates", str(templates), str(release)]
    code, _, err = run(capsys, *args)
    assert code == 1, err
    assert "%(name)s" in err and "%%" in err
    assert not list((tmp_path / "r").glob("*.html"))


def test_catalogue_percent_sign_written_double_is_printed_once(tmp_path: Path, capsys: Cap) -> None:
    templates = _catalogue(tmp_path / "tpl", "in %(timing)s", "%(timing)s (100 %%)")
    release = _release(tmp_path / "r")
    args = ["new", "--html", "--lang", "fr", "--templates", str(templates), str(release)]
    code, _, err = run(capsys, *args)
    assert code == 0, err
    html = next((tmp_path / "r").glob("*_FR.html")).read_text(encoding="utf-8")
    assert "(100 %)" in html and "{" not in html.split("<body")[1].split("<style")[0]


def test_house_toml_that_is_a_folder_is_a_clear_error(tmp_path: Path, capsys: Cap) -> None:
    (tmp_path / "h" / "house.toml").mkdir(parents=True)
    release = _release(tmp_path / "r")
    code, _, err = run(capsys, "new", "--html", "--house", str(tmp_path / "h"), str(release))
    assert code == 1, err
    assert "house.toml cannot be read" in err
    assert not list((tmp_path / "r").glob("*.html"))


def test_user_house_toml_not_utf8_is_a_clear_error(tmp_path: Path, capsys: Cap) -> None:
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "house.toml").write_bytes(b"\xff\xfe\x00name = 1")
    release = _release(tmp_path / "r")
    code, _, err = run(capsys, "new", "--html", "--templates", str(templates), str(release))
    assert code == 1, err
    assert "house.toml of eu-press cannot be read" in err
    assert not list((tmp_path / "r").glob("*.html"))


# --- contacts files named with a NUL or a name no file system takes -------------------------

CONTACT = "mann:\n  name: Michael Mann\n  email: Michael.Mann@eeas.europa.eu\n"
NOT_A_NAME = [("c\\0x", "NUL character"), ("a" * 5000, "too long")]


def _keyed_release(folder: Path, prefix: str = "") -> Path:
    """The reference release naming its first contact by the key `mann`."""
    release = _release(folder, prefix)
    text = re.sub(r"  people:\n(    .*\n)+", "  people: [mann]\n", release.read_text("utf-8"))
    release.write_text(text, encoding="utf-8")
    (folder / "c.yaml").write_text(CONTACT, encoding="utf-8")
    return release


@pytest.mark.parametrize(("name", "said"), NOT_A_NAME)
def test_contacts_file_that_is_no_file_name_is_refused(
    tmp_path: Path, capsys: Cap, name: str, said: str
) -> None:
    release = _keyed_release(tmp_path, f'contacts_file: "{name}"\n')
    code, _, err = run(capsys, "validate", str(release))
    assert code == 1, err
    assert ":6: contacts_file: " in err and said in err


@pytest.mark.parametrize(("name", "said"), NOT_A_NAME)
def test_drafter_toml_contacts_file_that_is_no_file_name_is_refused(
    tmp_path: Path, capsys: Cap, name: str, said: str
) -> None:
    release = _keyed_release(tmp_path)
    escaped = name.replace("\\0", "\\u0000")  # TOML's way to write a NUL
    toml = f'[contacts]\nfile = "{escaped}"\n'
    (tmp_path / "drafter.toml").write_text(toml, encoding="utf-8")
    for command in ("validate", "check"):
        code, _, err = run(capsys, command, str(release))
        assert code == 1, err
        assert "contacts.file" in err and said in err


# --- a path the system refuses is the user's error, not drafter's ---------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["new", "--html", "--templates", "{long}", "{release}"],
        ["new", "--html", "--house", "./{long}", "{release}"],
        ["new", "--html", "--out", "{long}/x", "{release}"],
        ["feed", "{long}"],
        ["build", "{long}"],
        ["series", "{long}"],
    ],
)
def test_path_too_long_for_the_system_is_a_usage_error(
    tmp_path: Path, capsys: Cap, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    release = _release(tmp_path)
    monkeypatch.chdir(tmp_path)
    filled = [arg.format(long="a" * 5000, release=release) for arg in args]
    code, _, err = run(capsys, *filled)
    assert code == 2, err
    assert "File name too long" in err and "internal error" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [R15]


# --- feeds ---------------------------------------------------------------------------------


def test_feed_refuses_two_files_of_one_release(tmp_path: Path, capsys: Cap) -> None:
    folder = tmp_path / "archive"
    _release(folder)
    (folder / "copy.yaml").write_bytes((folder / R15).read_bytes())
    code, _, err = run(capsys, "feed", str(folder))
    assert code == 1, err
    assert f"{R15} is the same release as copy.yaml" in err
    assert not (folder / "feed.xml").exists()


def test_huge_catalogue_is_refused_before_it_is_read(tmp_path: Path, capsys: Cap) -> None:
    templates = _catalogue(tmp_path / "tpl", "in %(timing)s", "%(timing)s")
    catalogue = templates / "locale/fr/LC_MESSAGES/house.po"
    padding = "".join(f'msgid "m{i}"\nmsgstr "{"x" * 200}"\n\n' for i in range(20_000))
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + padding, encoding="utf-8")
    release = _release(tmp_path / "r")
    args = ["new", "--html", "--lang", "fr", "--templates", str(templates), str(release)]
    code, _, err = run(capsys, *args)
    assert code == 4, err
    assert "house.po is" in err and "at most 2,097,152 bytes" in err
    assert not list((tmp_path / "r").glob("*.html"))


@pytest.mark.parametrize("key", ["name", "version"])
def test_house_name_or_version_with_control_characters_is_refused(
    tmp_path: Path, capsys: Cap, key: str
) -> None:
    toml = 'extends = "eu-press"\n' + f'{key} = "1.0\\u0001\\r\\nX: y"\n'
    house = _house(tmp_path / "h", toml)
    release = _release(tmp_path / "r")
    code, _, err = run(capsys, "new", "--docx", "--house", str(house), str(release))
    assert code == 1, err
    assert f"{key} must be one line of text" in err
    assert not list((tmp_path / "r").glob("*.docx"))


# --- line breaks that are not \n ------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\\u2028", "\\u2029"])
def test_unicode_line_separator_in_the_title_is_a_space_in_the_mail(
    tmp_path: Path, capsys: Cap, separator: str
) -> None:
    release = _release(tmp_path, f'title: "Hello{separator}Bcc: x@example.org"\n')
    code, _, err = run(capsys, "new", "--eml", "--txt", "--lang", "en", str(release))
    assert code == 0, err
    mail = next(tmp_path.glob("*.eml")).read_bytes()
    assert b"\r\nSubject: Hello Bcc: x@example.org\r\n" in b"\r\n" + mail
    assert b"\r\nBcc:" not in mail
    text = next(tmp_path.glob("*.txt")).read_text(encoding="utf-8")
    assert "Hello Bcc: x@example.org" in text and "\u2028" not in text


# --- drafter.toml of the wrong shape ---------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "section"),
    [("check = [1]\n[contacts]\nfile = 'c.yaml'\n", "check"), ("contacts = 5\n", "contacts")],
)
def test_drafter_toml_section_that_is_no_table_is_refused(
    tmp_path: Path, capsys: Cap, toml: str, section: str
) -> None:
    release = _keyed_release(tmp_path)
    (tmp_path / "drafter.toml").write_text(toml, encoding="utf-8")
    code, _, err = run(capsys, "check", str(release))
    assert code == 1, err
    assert f"{section}: must be a table, written [{section}]" in err


def test_catalogue_markup_and_template_code_are_printed_as_text(
    tmp_path: Path, capsys: Cap
) -> None:
    hostile = "<script>alert(1)</script>{{ 7*7 }} %(timing)s"
    templates = _catalogue(tmp_path / "tpl", "in %(timing)s", hostile)
    release = _release(tmp_path / "r")
    args = ["new", "--html", "--lang", "fr", "--templates", str(templates), str(release)]
    code, _, err = run(capsys, *args)
    assert code == 0, err
    html = next((tmp_path / "r").glob("*_FR.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}" in html
    assert "<script>alert" not in html


def test_extends_a_bare_word_names_a_house_not_a_folder_of_the_working_directory(
    tmp_path: Path, capsys: Cap, monkeypatch: pytest.MonkeyPatch
) -> None:
    house = _house(tmp_path / "houses" / "h", 'extends = "base"\n')
    base = _house(tmp_path / "work" / "base", 'extends = "eu-press"\n')
    (base / "release.html.j2").write_text("OWNED", encoding="utf-8")
    release = _release(tmp_path / "work")
    monkeypatch.chdir(tmp_path / "work")
    code, _, err = run(capsys, "new", "--html", "--house", str(house), str(release))
    assert code == 2, err
    assert "there is no house format called 'base'" in err
    assert not list((tmp_path / "work").glob("*.html"))


def test_catalogue_grammar_pattern_with_a_bare_placeholder_is_refused(
    tmp_path: Path, capsys: Cap
) -> None:
    templates = _catalogue(tmp_path / "tpl", "ordinal in figures", "%se")
    release = _release(tmp_path / "r")
    args = ["new", "--html", "--lang", "fr", "--templates", str(templates), str(release)]
    code, _, err = run(capsys, *args)
    assert code == 1, err
    assert "'%se' has a placeholder that is not %(name)s" in err
    assert not list((tmp_path / "r").glob("*.html"))


def test_contacts_file_unknown_key_names_a_persons_fields(tmp_path: Path, capsys: Cap) -> None:
    release = _keyed_release(tmp_path, "contacts_file: c.yaml\n")
    book = CONTACT + "  emial: x\n  foo: bar\n"
    (tmp_path / "c.yaml").write_text(book, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(release))
    assert code == 1, err
    assert ":4:3: mann.emial: `emial` is not a known field; did you mean `email`?" in err
    assert "`foo` is not a known field; a person has: name, role, phones, email" in err


@pytest.mark.parametrize(
    ("fonts", "said"),
    [
        ('[fonts]\nfiles = "fonts/x.ttf"\n', "fonts.files must be a list of font files"),
        ("fonts = 5\n", "fonts.files must be a list of font files"),
        ('[fonts]\nfiles = ["fonts/bad.ttf"]\n', "bad.ttf cannot be read"),
        (
            '[fonts]\nfiles = ["../../outside.ttf"]\n',
            "the font ../../outside.ttf is not in the house",
        ),
    ],
)
def test_house_fonts_of_the_wrong_shape_or_no_font_are_refused(
    tmp_path: Path, capsys: Cap, fonts: str, said: str
) -> None:
    house = _house(tmp_path / "h", HOUSE_TOML_START + fonts)
    (house / "fonts").mkdir()
    (house / "fonts" / "bad.ttf").write_bytes(b"\x00not a font" * 10)
    release = _release(tmp_path / "r")
    code, _, err = run(capsys, "new", "--pdf", "--house", str(house), str(release))
    assert code == 1, err
    assert said in err
    assert not list((tmp_path / "r").glob("*.pdf"))


@pytest.mark.parametrize(
    "docx",
    [
        "docx = 5\n",
        "[docx]\nemblem = 5\n",
        '[docx.emblem]\nheight_mm = "x"\n',
        '[docx.page]\nwidth_mm = "x"\n',
        "[docx.page]\nwidth_mm = -5\n",
        '[docx.styles.title]\ncolor = "zz"\n',
        '[docx.styles.title]\nalign = "nope"\n',
        "[docx]\nstyles = 5\n",
    ],
)
def test_house_docx_settings_of_the_wrong_type_are_refused(
    tmp_path: Path, capsys: Cap, docx: str
) -> None:
    house = _house(tmp_path / "h", HOUSE_TOML_START + docx)
    release = _release(tmp_path / "r")
    code, _, err = run(capsys, "new", "--docx", "--house", str(house), str(release))
    assert code == 1, err
    assert "house.toml of hostile: " in err and "[docx]" in err
    assert len(err) < 400
    assert not list((tmp_path / "r").glob("*.docx"))


# --- outputs -------------------------------------------------------------------------------


def test_force_never_replaces_what_is_not_a_regular_file(tmp_path: Path, capsys: Cap) -> None:
    import os
    import stat

    release = _release(tmp_path)
    pipe = tmp_path / "changes.html"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "diff", str(release), str(release), "--html", str(pipe), "--force")
    assert code == 3, err
    assert "is not a regular file" in err
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
