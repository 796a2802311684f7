"""The office's Word template: its styles, page, header and footer; drafter's structure kept."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from clirun import Cap, run
from docx.shared import Mm, Pt, RGBColor
from textutil import REFERENCE_YAML, docx_blocks

import drafter

HEADER = "Office of the Spokesperson - Communications"
FOOTER = "Rue de la Loi 175, 1048 Brussels"
COLOUR = RGBColor(0x7F, 0x10, 0x10)
_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _own() -> drafter.Release:
    return drafter.load_release(REFERENCE_YAML).model_copy(update={"translations": {}})


def office_template(path: Path) -> Path:
    """An office's template as Word saves one: its fonts, colours, margins, header, footer."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = COLOUR
    heading = document.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.color.rgb = COLOUR
    section = document.sections[0]
    section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    section.top_margin, section.bottom_margin = Mm(31), Mm(27)
    section.left_margin, section.right_margin = Mm(33), Mm(19)
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = FOOTER
    document.add_paragraph("Type the release here.")
    document.save(str(path))
    if path.suffix == ".dotx":  # the same package, as a template
        raw = path.read_bytes()
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(raw)) as old, zipfile.ZipFile(out, "w") as new:
            for info in old.infolist():
                data = old.read(info)
                if info.filename == "[Content_Types].xml":
                    data = data.replace(_DOCX.encode(), _DOTX.encode())
                new.writestr(info, data)
        path.write_bytes(out.getvalue())
    return path


def _links(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return sum(
            package.read(name).count(b"<w:hyperlink ")
            for name in package.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        )


def assert_in_template(data: bytes, plain: bytes) -> None:
    """The Word file has the template's styles, page and header, and drafter's words and links."""
    document = docx.Document(io.BytesIO(data))
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size, normal.color.rgb) == ("Georgia", Pt(10.5), COLOUR)
    assert document.styles["Heading 1"].font.color.rgb == COLOUR
    section = document.sections[0]
    page = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    wanted = (215.9, 279.4, 31, 27, 33, 19)  # Word keeps twentieths of a point
    assert all(
        abs((got or 0) - Mm(mm)) < Mm(0.1)
        for got, mm in zip([*page, *margins], wanted, strict=True)
    )
    assert HEADER in [p.text for p in section.header.paragraphs]  # pages after the first
    assert FOOTER in [p.text for p in section.footer.paragraphs]
    assert docx_blocks(data) == [HEADER, *docx_blocks(plain), FOOTER]  # the first page too
    assert "Type the release here." not in [p.text for p in document.paragraphs]
    assert _links(data) == _links(plain) > 0
    for style in ("House Body Text", "House Issuer"):  # drafter's own, on the template's
        assert document.styles[style].font.name is None  # Normal's face, the office's
    assert document.styles["House Body Text"].base_style.name == "Normal"


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_new_renders_the_release_into_the_office_template(
    suffix: str, tmp_path: Path, capsys: Cap
) -> None:
    template = office_template(tmp_path / f"office{suffix}")
    out = tmp_path / "out"
    args = ["new", str(REFERENCE_YAML), "--docx", "--lang", "en", "--out", str(out)]
    code, stdout, err = run(capsys, *args, "--docx-template", str(template))
    assert (code, err) == (0, "")
    written = Path(stdout.split()[0])
    assert_in_template(written.read_bytes(), drafter.render(_own(), "docx"))


def test_a_house_names_its_word_template_in_house_toml(tmp_path: Path) -> None:
    house = tmp_path / "office-house"
    house.mkdir()
    office_template(house / "office.dotx")
    (house / "house.toml").write_text(
        'name = "office"\nextends = "eu-press"\n\n[docx]\ntemplate = "office.dotx"\n',
        encoding="utf-8",
    )
    data = drafter.render(_own(), "docx", house=house)
    assert_in_template(data, drafter.render(_own(), "docx"))


def test_build_renders_every_release_into_the_template(tmp_path: Path, capsys: Cap) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    shutil.copy(REFERENCE_YAML, folder)
    template = office_template(tmp_path / "office.docx")
    code, _, err = run(
        capsys, "build", str(folder), "--docx", "--jobs", "1", "--docx-template", str(template)
    )
    assert code == 0, err
    written = sorted(folder.glob("*.docx"))
    assert written
    document = docx.Document(str(written[0]))
    assert document.styles["Normal"].font.name == "Georgia"


def test_a_template_that_is_not_a_word_file_is_refused(tmp_path: Path, capsys: Cap) -> None:
    template = tmp_path / "office.dotx"
    template.write_bytes(b"not a zip")
    args = ["new", str(REFERENCE_YAML), "--docx", "--out", str(tmp_path / "out")]
    code, _, err = run(capsys, *args, "--docx-template", str(template))
    assert code != 0 and "office.dotx" in err and "Word" in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_changed_template_is_read_again(tmp_path: Path) -> None:
    """The house's empty document is made once per template content, not once per path."""
    template = office_template(tmp_path / "office.docx")
    house = tmp_path / "office-house"
    house.mkdir()
    (house / "house.toml").write_text(
        f'name = "office"\nextends = "eu-press"\n\n[docx]\ntemplate = "{template}"\n',
        encoding="utf-8",
    )
    before = drafter.render(_own(), "docx", house=house)
    edited = docx.Document(str(template))
    edited.sections[0].header.paragraphs[0].text = "Office of the Spokesperson"
    edited.save(str(template))
    after = drafter.render(_own(), "docx", house=house)
    assert docx_blocks(before)[0] == HEADER
    assert docx_blocks(after)[0] == "Office of the Spokesperson"
    assert docx_blocks(after)[1:] == docx_blocks(before)[1:]
