"""House formats: choosing, finding and listing houses; what a house asks of a release.

A new house is a folder: these tests add one in a temporary folder, and one through an
installed package's entry point, and render releases through them with no code change.
"""

from __future__ import annotations

import io
import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from clirun import EXAMPLES, R15, Cap, run
from textutil import REFERENCE_YAML, docx_text, html_blocks, normalise, pdf_text

import drafter
from drafter import houses
from drafter.errors import InputError, TemplateError, UsageError
from drafter.rendering import output_paths
from drafter.templating import load_house

BELARUS = EXAMPLES / "eeas-web" / "eu-belarus-2017-07-20.yaml"


def _copy(source: Path, folder: Path, replace: tuple[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    text = source.read_text(encoding="utf-8")
    if replace is not None:
        assert replace[0] in text
        text = text.replace(*replace)
    target.write_text(text, encoding="utf-8")
    return target


# --- the eeas-web house -------------------------------------------------------------------------


def test_eeas_web_prints_title_dateline_with_time_and_unique_id() -> None:
    outputs = drafter.render_all(drafter.load_release(BELARUS))
    expected = [
        "European External Action Service",
        "4th round of EU-Belarus Human Rights Dialogue",
        "Brussels, 20/07/2017 - 20:52",
        "UNIQUE ID: 170720_16",
    ]
    blocks = html_blocks(outputs["html"])
    assert blocks[:4] == expected
    assert normalise(docx_text(outputs["docx"])).startswith(" ".join(expected))
    assert normalise(pdf_text(outputs["pdf"])).startswith(" ".join(expected))
    for text in (docx_text(outputs["docx"]), pdf_text(outputs["pdf"])):
        assert "P R E S S" not in text and "FOR FURTHER DETAILS" not in text


def test_eeas_web_title_uses_word_styles_of_its_own() -> None:
    data = drafter.render(drafter.load_release(BELARUS), "docx")
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    title = next(p for p in paragraphs if p.text.startswith("4th round"))
    assert title.style is not None and title.style.name == "Heading 1"
    assert title.style.font.size is not None and title.style.font.size.pt == 18
    dateline = next(p for p in paragraphs if p.text.startswith("Brussels, 20/07/2017"))
    assert dateline.style is not None and dateline.style.name == "House Dateline"


def test_the_reference_release_in_eeas_web_leaves_out_contacts_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    release = drafter.load_release(REFERENCE_YAML)
    with caplog.at_level(logging.WARNING, logger="drafter"):
        html = drafter.render(release, "html", house="eeas-web").decode()
    assert "Fifteenth round of EU-Russia human rights consultations" in html
    assert "Brussels, 24/07/2012<" in html  # no time given, none printed
    assert "Michael Mann" not in html and "A 350/12" not in html
    warned = sorted(r.getMessage() for r in caplog.records)
    assert warned == [
        "the house eeas-web does not show contacts; it is left out",
        "the house eeas-web does not show reference; it is left out",
    ]


def test_an_identifier_not_in_the_house_form_is_refused_with_field_and_line(
    tmp_path: Path,
) -> None:
    path = _copy(BELARUS, tmp_path, ('identifier: "170720_16"', 'identifier: "2017/16"'))
    with pytest.raises(InputError) as refused:
        drafter.load_release(path)
    (problem,) = refused.value.problems
    assert (problem.field, problem.line) == ("identifier", 11)
    assert problem.message == (
        '"2017/16" is not a unique ID; write it like "170720_16" (the release date as '
        "YYMMDD, an underscore and the release's number of that day)"
    )


def test_a_time_must_be_hh_mm(tmp_path: Path) -> None:
    path = _copy(BELARUS, tmp_path, ('time: "20:52"', 'time: "8.52 pm"'))
    with pytest.raises(InputError) as refused:
        drafter.load_release(path)
    (problem,) = refused.value.problems
    assert (problem.field, problem.line) == ("time", 10)
    assert "is not a time; write it as HH:MM" in problem.message


def test_eu_press_output_of_the_reference_is_unchanged_by_the_house_option() -> None:
    release = drafter.load_release(REFERENCE_YAML)
    assert drafter.render(release, "html", house="eu-press") == drafter.render(release, "html")


# --- choosing a house ---------------------------------------------------------------------------


def test_houses_lists_name_languages_origin_and_description(capsys: Cap) -> None:
    code, out, err = run(capsys, "houses")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.split()[:6] for line in lines] == [
        ["eeas-web", "en,", "fr,", "de,", "bg", "packaged"],
        ["eu-press", "en,", "fr,", "de,", "bg,", "it,"],
    ]
    assert "UNIQUE ID" in lines[0]


def test_new_with_house_writes_that_house(capsys: Cap, tmp_path: Path) -> None:
    release = _copy(REFERENCE_YAML, tmp_path)
    code, out, _ = run(capsys, "new", str(release), "--html", "--lang", "en", "--house", "eeas-web")
    assert code == 0
    html = Path(out.strip()).read_text(encoding="utf-8")
    assert "Brussels, 24/07/2012" in html and "P R E S S" not in html


def test_house_option_wins_over_the_release_house(capsys: Cap, tmp_path: Path) -> None:
    release = _copy(BELARUS, tmp_path)
    code, out, _ = run(capsys, "new", str(release), "--html", "--house", "eu-press")
    assert code == 0
    html = Path(out.strip()).read_text(encoding="utf-8")
    assert "P R E S S" in html and "UNIQUE ID" not in html
    loaded = drafter.load_release(release)
    assert loaded.file_stem == "2017-07-20_170720_16"  # named from the identifier
    assert Path(out.strip()) == output_paths(loaded, ["html"], tmp_path)["html"]


def test_an_unknown_house_option_is_wrong_usage_naming_the_houses(
    capsys: Cap, tmp_path: Path
) -> None:
    release = _copy(REFERENCE_YAML, tmp_path)
    code, _, err = run(capsys, "new", str(release), "--house", "eu-presse")
    assert code == 2
    assert "there is no house format called 'eu-presse'" in err
    assert "the houses are: eeas-web, eu-press" in err
    assert [p.suffix for p in tmp_path.iterdir()] == [".yaml"]


def test_an_unknown_house_in_the_yaml_is_an_input_problem_with_its_line(
    capsys: Cap, tmp_path: Path
) -> None:
    release = _copy(BELARUS, tmp_path, ("house: eeas-web", "house: eeas-webb"))
    code, _, err = run(capsys, "validate", str(release))
    assert code == 1
    assert ":5:1: house: there is no house format called 'eeas-webb'" in err


def test_a_house_name_in_the_yaml_is_not_a_path(tmp_path: Path) -> None:
    release = _copy(BELARUS, tmp_path, ("house: eeas-web", "house: ../elsewhere"))
    with pytest.raises(InputError, match=r":5:1: house: .*is not a house name"):
        drafter.load_release(release)


def test_build_with_house_renders_every_file_in_it(capsys: Cap, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    source = _copy(EXAMPLES / R15, folder)
    code, _, err = run(capsys, "build", str(folder), "--html", "--house", "eeas-web")
    assert code == 0, err
    written = output_paths(drafter.load_release(source), ["html"], folder)["html"]
    html = written.read_text(encoding="utf-8")
    assert "Brussels, 24/07/2012" in html


# --- a new house, dropped in as a folder ---------------------------------------------------------

TINY_TEMPLATE = """\
{%- set r = release -%}
<!DOCTYPE html>
<html lang="{{ r.language }}">
<head><meta charset="utf-8"><title>{{ r.meeting.name | sentence_start }}</title></head>
<body>
<main>
<h1 class="title">{{ r.meeting.name | sentence_start }}</h1>
<p class="dateline">{{ r.place }}, {{ r.date | date_as("yyyy.MM.dd", r.language) }}</p>
<p class="reference">Ref. {{ r.identifier }}</p>
</main>
</body>
</html>
"""

TINY_TOML = """\
name = "tiny"
description = "A house of three lines"
languages = ["en"]

[fields]
required = ["identifier", "time"]

[fields.forms.identifier]
pattern = 'PR-\\d{4}-\\d{3}'
what = "a press-release number"
example = "PR-2012-001"
explain = "PR, the year and three figures"

[fonts]
files = ["fonts/LiberationSans-Regular.ttf"]
"""

TINY_PRINT = '@font-face { font-family: "T"; src: url(fonts/LiberationSans-Regular.ttf); }\n'
TINY_PRINT += 'body { font-family: "T"; }\n'


def _tiny_house(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "house.toml").write_text(TINY_TOML, encoding="utf-8")
    (folder / "release.html.j2").write_text(TINY_TEMPLATE, encoding="utf-8")
    (folder / "print.css").write_text(TINY_PRINT, encoding="utf-8")
    fonts = folder / "fonts"
    fonts.mkdir()
    packaged = houses.packaged_templates() / "eu-press" / "fonts" / "LiberationSans-Regular.ttf"
    shutil.copy(packaged, fonts)
    return folder


def _tiny_release(tmp_path: Path, extra: str) -> Path:
    return _copy(REFERENCE_YAML, tmp_path / "release", ("reference: A 350/12\n", extra))


def test_a_house_folder_given_by_path_renders_and_declares_its_fields(
    capsys: Cap, tmp_path: Path
) -> None:
    house = _tiny_house(tmp_path / "tiny")
    release = _tiny_release(tmp_path, 'identifier: PR-2012-042\ntime: "09:30"\n')
    out = tmp_path / "out"
    code, written, err = run(
        capsys, "new", str(release), "--lang", "en", "--house", str(house), "-o", str(out)
    )
    assert code == 0, err
    loaded = drafter.load_release(release, house=house)
    assert loaded.file_stem == "2012-07-24_PR-2012-042"
    expected = output_paths(loaded, ["html", "pdf", "docx"], out)
    assert written.split() == [str(path) for path in expected.values()]
    text = normalise(pdf_text(expected["pdf"].read_bytes()))
    assert text == "Human rights consultations Brussels, 2012.07.24 Ref. PR-2012-042"


def test_a_house_folder_in_the_working_folder_needs_no_dot_slash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tiny_house(tmp_path / "tiny")
    monkeypatch.chdir(tmp_path)
    found = houses.find_house("tiny")
    assert (found.name, found.folder, found.origin) == ("tiny", tmp_path / "tiny", "path")
    (tmp_path / "eu-press").mkdir()  # a name is looked up first
    (tmp_path / "eu-press" / "house.toml").write_text('name = "mine"\n')
    assert houses.find_house("eu-press").origin == "packaged"


def test_a_house_folder_refuses_what_lacks_its_required_fields(tmp_path: Path) -> None:
    house = _tiny_house(tmp_path / "tiny")
    release = _tiny_release(tmp_path, "identifier: 42\n")
    with pytest.raises(InputError) as refused:
        drafter.load_release(release, house=house)
    problems = [(p.field, p.message) for p in refused.value.problems]
    assert problems == [
        (
            "time",
            "the house tiny needs it; add `time:` (time of issue, for houses that print it: "
            '"20:52" (24-hour clock))',
        ),
        (
            "identifier",
            '"42" is not a press-release number; write it like "PR-2012-001" '
            "(PR, the year and three figures)",
        ),
    ]
    lines = REFERENCE_YAML.read_text(encoding="utf-8").splitlines()
    first_key = next(n for n, text in enumerate(lines, 1) if text and not text.startswith("#"))
    where = [p.line for p in refused.value.problems]
    assert where == [first_key, lines.index("reference: A 350/12") + 1]  # time: absent
    # the same rules hold for a release made in Python and rendered directly
    valid = drafter.load_release(REFERENCE_YAML)
    with pytest.raises(InputError) as direct:
        drafter.render(valid, "html", house=house)
    assert [p.field for p in direct.value.problems] == ["identifier", "time"]
    assert "needs it; add `identifier:`" in direct.value.problems[0].message


def test_a_house_that_extends_itself_is_a_template_error(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for folder, parent in ((one, two), (two, one)):
        folder.mkdir()
        text = f'name = "{folder.name}"\nextends = "{parent}"\n'
        (folder / "house.toml").write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError, match="extends itself"):
        load_house(None, one)


def test_a_folder_without_house_toml_is_not_a_house(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"has no house\.toml"):
        load_house(None, tmp_path)
    with pytest.raises(UsageError, match="does not exist"):
        load_house(None, tmp_path / "missing")


# --- a house installed as a Python package (entry point) ----------------------------------------


def _install_package(site: Path, house_folder: Path) -> None:
    """A tiny installed distribution, `tinyhouse`, exposing the house in drafter.houses."""
    module = site / "tinyhouse.py"
    module.write_text(
        "from pathlib import Path\n\n\n"
        f"def folder() -> Path:\n    return Path({str(house_folder)!r})\n",
        encoding="utf-8",
    )
    info = site / "tinyhouse-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tinyhouse\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[drafter.houses]\ntiny = tinyhouse:folder\n")


def _on_path(monkeypatch: pytest.MonkeyPatch, site: Path) -> None:
    """The site folder first on sys.path, the package imported afresh from it."""
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, "tinyhouse", raising=False)
    houses._installed.cache_clear()


@pytest.fixture
def installed_house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    site = tmp_path / "site"
    site.mkdir()
    house = _tiny_house(tmp_path / "tiny-house")
    _install_package(site, house)
    _on_path(monkeypatch, site)
    yield house
    houses._installed.cache_clear()


def test_an_installed_house_is_listed_and_used(
    installed_house: Path, capsys: Cap, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "houses")
    assert code == 0
    tiny = next(line for line in out.splitlines() if line.startswith("tiny "))
    assert tiny.split()[1:4] == ["en", "package", "tinyhouse"]
    assert tiny.endswith("A house of three lines")
    release = _tiny_release(tmp_path, 'identifier: PR-2012-042\ntime: "09:30"\nhouse: tiny\n')
    html = drafter.render(drafter.load_release(release), "html").decode()
    assert "Ref. PR-2012-042" in html


def test_an_installed_house_cannot_replace_a_packaged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_package(site, _tiny_house(tmp_path / "tiny-house"))
    (site / "tinyhouse-1.0.dist-info" / "entry_points.txt").write_text(
        "[drafter.houses]\neu-press = tinyhouse:folder\n"
    )
    _on_path(monkeypatch, site)
    try:
        found = houses.available_houses()["eu-press"]
    finally:
        houses._installed.cache_clear()
    assert found.origin == "packaged"


def test_next_leaves_the_identifier_and_time_to_fill_in(capsys: Cap, tmp_path: Path) -> None:
    previous = _copy(BELARUS, tmp_path)
    code, out, _ = run(capsys, "next", str(previous), "--date", "2018-06-12")
    assert code == 0
    with pytest.raises(InputError) as refused:
        drafter.load_release(Path(out.strip()))
    fields = {p.field: p.message for p in refused.value.problems}
    assert fields["identifier"].startswith("is a placeholder from `drafter next`")
    assert fields["time"].startswith("is a placeholder from `drafter next`")
    assert "date" not in fields


def test_a_broken_installed_house_is_warned_and_the_others_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_package(site, tmp_path / "nowhere")
    _on_path(monkeypatch, site)
    try:
        with caplog.at_level(logging.WARNING, logger="drafter"):
            names = list(houses.available_houses())
    finally:
        houses._installed.cache_clear()
    assert names == ["eeas-web", "eu-press"]
    (record,) = caplog.records
    assert record.getMessage().startswith("the house tiny of package tinyhouse cannot be loaded")
    assert "has no house.toml" in record.getMessage()


def test_a_house_extends_a_folder_relative_to_itself_and_inherits_its_files(
    tmp_path: Path,
) -> None:
    _tiny_house(tmp_path / "houses" / "base")
    child = tmp_path / "houses" / "child"
    child.mkdir()
    (child / "house.toml").write_text(
        'name = "child"\nextends = "../base"\n\n[fields]\nrequired = []\n', encoding="utf-8"
    )
    house = load_house(None, child)
    assert house.dirs == (child, tmp_path / "houses" / "base")
    assert house.config["description"] == "A house of three lines"  # inherited
    release = drafter.load_release(_tiny_release(tmp_path, "identifier: PR-2012-042\n"))
    html = drafter.render(release, "html", house=child).decode()  # time no longer required
    assert "Ref. PR-2012-042" in html


def test_a_form_may_be_declared_for_any_field_and_a_wrong_pattern_is_named(
    tmp_path: Path,
) -> None:
    house = tmp_path / "a-only"
    house.mkdir()
    forms = '[fields.forms.reference]\npattern = "A .*"\nwhat = "a reference of series A"\n'
    forms += 'example = "A 350/12"\n'
    (house / "house.toml").write_text(f'extends = "eu-press"\n{forms}', encoding="utf-8")
    turkmenistan = EXAMPLES / "eu-turkmenistan-2013-06-20.yaml"
    with pytest.raises(InputError) as refused:
        drafter.load_release(turkmenistan, house=house)
    (problem,) = refused.value.problems
    assert (problem.field, problem.line) == ("reference", 10)
    assert problem.message == '"11163/13" is not a reference of series A; write it like "A 350/12"'
    assert drafter.load_release(REFERENCE_YAML, house=house).reference is not None
    (house / "house.toml").write_text(f'extends = "eu-press"\n{forms}'.replace("A .*", "A ("))
    with pytest.raises(TemplateError, match=r"the pattern of fields\.forms\.reference is wrong"):
        drafter.load_release(REFERENCE_YAML, house=house)
