"""A user's gettext catalogue is read strictly: a broken `.po` file is refused, naming its line.

A lenient reader would drop an unterminated string, keep a bad escape as written, ignore a
`msgstr` with no `msgid` or let the second of two translations of one message win: the
release would be printed with wording the translator never wrote, without a word said.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import EXAMPLES, R15, Cap, run

from drafter.catalogues import catalogue_path
from drafter.errors import TemplateError
from drafter.pofile import check_catalogue

FR_CATALOGUE = Path(__file__).resolve().parents[1] / "templates/eu-press" / catalogue_path("fr")
FR_TEXT = FR_CATALOGUE.read_text(encoding="utf-8")
MESSAGE = 'msgid "in %(timing)s"\nmsgstr "%(timing)s"\n'
"""A message of the French catalogue, changed by the cases below."""


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


BROKEN = [
    ('msgid "in %(timing)s"\nmsgstr "%(timing)s\n', "is not closed", 'msgstr "%(timing)s\n'),
    ('msgid "in %(timing)s"\nmsgstr "%(timing)s" x\n', "after the closing", '"%(timing)s" x'),
    ('msgid "in %(timing)s"\nmsgstr "%(timing)s\\q"\n', "escape \\q", 'msgstr "%(timing)s\\q"'),
    ('msgid "in %(timing)s"\nmsgstr %(timing)s\n', "quotes", "msgstr %(timing)s"),
    ('msgstr "%(timing)s"\n', "no msgid", 'msgstr "%(timing)s"'),
    ('msgid "in %(timing)s"\n', "no msgstr", 'msgid "in %(timing)s"'),
    ('msgid "in %(timing)s"\nmsgid "x"\nmsgstr "y"\n', "no msgstr", 'msgid "in %(timing)s"'),
    ('"%(timing)s"\nmsgid "in"\nmsgstr ""\n', "continues no", '"%(timing)s"\nmsgid "in"'),
    ('msgid "in %(timing)s"\nmsgstr "%(timing)s"\nmsgstr "x"\n', "second msgstr", 'msgstr "x"'),
    ('msgid "in %(timing)s"\nmsgstrr "%(timing)s"\n', "msgstrr", 'msgstrr "%(timing)s"'),
    (MESSAGE + "\n" + MESSAGE, "given twice (first on line", MESSAGE + "\n" + MESSAGE),
]


@pytest.mark.parametrize(("changed", "said", "where"), BROKEN)
def test_a_broken_catalogue_is_refused_naming_the_file_and_line(
    changed: str, said: str, where: str
) -> None:
    assert MESSAGE in FR_TEXT
    text = FR_TEXT.replace(MESSAGE, changed, 1)
    line = _line_of(text, where)
    if said.startswith("given twice"):
        line = _line_of(text, MESSAGE + "\n" + MESSAGE) + MESSAGE.count("\n") + 1
    with pytest.raises(TemplateError) as info:
        check_catalogue(text, "fr.po")
    assert f"fr.po, line {line}:" in str(info.value), str(info.value)
    assert said in str(info.value)


def test_the_same_id_in_two_contexts_is_no_duplicate() -> None:
    text = FR_TEXT + '\nmsgctxt "x"\n' + MESSAGE
    check_catalogue(text, "fr.po")


@pytest.mark.parametrize(
    "path", sorted((Path(__file__).resolve().parents[1] / "templates").glob("*/locale/*/*/*.po"))
)
def test_every_shipped_catalogue_reads(path: Path) -> None:
    check_catalogue(path.read_text(encoding="utf-8"), str(path))


def test_obsolete_entries_and_plurals_are_read() -> None:
    extra = (
        '\n#~ msgid "old"\n#~ msgstr "vieux"\n\n#~ msgid "old"\n#~ msgstr "encore"\n'
        '\nmsgid "one"\nmsgid_plural "many"\nmsgstr[0] "un"\nmsgstr[1] "plusieurs"\n'
        '\nmsgid "tab\\t\\"quote\\" \\\\ \\r\\n"\nmsgstr "ok"\n'
    )
    check_catalogue(FR_TEXT + extra, "fr.po")


def _user_catalogue(folder: Path, text: str) -> tuple[Path, Path, Path]:
    """A templates folder whose French catalogue is `text`, and the reference release beside it.

    Returns the templates folder, the catalogue's path and the release's.
    """
    templates = folder / "tpl"
    target = templates / catalogue_path("fr")
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    release = folder / R15
    release.write_text((EXAMPLES / R15).read_text(encoding="utf-8"), encoding="utf-8")
    return templates, target, release


def test_cli_refuses_a_user_catalogue_with_an_unterminated_string(
    tmp_path: Path, capsys: Cap
) -> None:
    text = FR_TEXT.replace(MESSAGE, 'msgid "in %(timing)s"\nmsgstr "%(timing)s\n', 1)
    templates, target, release = _user_catalogue(tmp_path, text)
    line = _line_of(text, 'msgstr "%(timing)s\n')
    args = ["new", "--html", "--lang", "fr", "--templates", str(templates), str(release)]
    code, _, err = run(capsys, *args)
    assert code == 1, err
    assert f"{target}, line {line}:" in err and "is not closed" in err
    assert not list(tmp_path.glob("*.html"))


@pytest.mark.parametrize(
    ("msgstr", "said"),
    [
        ("%(timing)s\x07", "U+0007"),
        ("%(timing)s \x1b[31m", "U+001B"),
        ("%(timing)s\u202e", "U+202E"),
        ("%(timing)s\\a", "escape \\a"),
        ("%(timing)s\\x41", "escape \\x"),
        ("%(timing)s\\101", "escape \\1"),
    ],
)
def test_a_message_with_a_character_no_document_holds_is_refused(msgstr: str, said: str) -> None:
    text = FR_TEXT.replace(MESSAGE, f'msgid "in %(timing)s"\nmsgstr "{msgstr}"\n', 1)
    line = _line_of(text, f'msgstr "{msgstr}"')
    with pytest.raises(TemplateError) as info:
        check_catalogue(text, "fr.po")
    assert f"fr.po, line {line}:" in str(info.value) and said in str(info.value)


def test_cli_refuses_a_control_character_in_a_catalogue_not_an_internal_error(
    tmp_path: Path, capsys: Cap
) -> None:
    text = FR_TEXT.replace(MESSAGE, 'msgid "in %(timing)s"\nmsgstr "%(timing)s\x07"\n', 1)
    templates, target, release = _user_catalogue(tmp_path, text)
    args = ["new", "--docx", "--lang", "fr", "--templates", str(templates), str(release)]
    code, _, err = run(capsys, *args)
    assert code == 1, err
    assert "U+0007" in err and str(target) in err
    assert not list(tmp_path.glob("*.docx"))


def test_a_template_writing_a_control_character_is_a_template_error(
    tmp_path: Path, capsys: Cap
) -> None:
    templates = tmp_path / "tpl"
    templates.mkdir()
    marks = Path(__file__).resolve().parents[1] / "templates/eu-press/marks.j2"
    (templates / "marks.j2").write_text(marks.read_text("utf-8") + "\x0c", encoding="utf-8")
    release = tmp_path / R15
    release.write_text((EXAMPLES / R15).read_text(encoding="utf-8"), encoding="utf-8")
    args = ["new", "--docx", "--html", "--lang", "en", "--templates", str(templates), str(release)]
    code, _, err = run(capsys, *args)
    assert code == 1, err
    assert "U+000C" in err and "internal error" not in err
    assert not list(tmp_path.glob("*.docx")) and not list(tmp_path.glob("*.html"))
