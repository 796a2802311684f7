"""From draft to publication: the DRAFT marking, the embargo and the provenance of every format."""

from __future__ import annotations

import io
import shutil
from collections import Counter
from pathlib import Path

import docx
import pikepdf
import pypdf
import pytest
from clirun import Cap, run
from edits import edit, line_of
from test_accessibility import _marked_ids, _MarkedText, _painting
from textutil import REPO, docx_blocks, html_blocks, normalise, pdf_text, reference_blocks

import drafter
from drafter.errors import InputError, TemplateError
from drafter.provenance import input_sha256
from drafter.rendering import output_paths

BANNER = "DRAFT: not for publication"
FINAL = ("status: final", "status: draft")
LONG_BODY = "body:\n" + "".join(
    f"  - Paragraph {n} of a long release. " + "Words " * 120 + "\n" for n in range(8)
)


def release(*changes: tuple[str, str]) -> drafter.Release:
    return drafter.load_release(edit(*changes))


@pytest.fixture(scope="module")
def draft() -> dict[str, bytes]:
    """The reference release as a draft, in every format."""
    return drafter.render_all(release(FINAL))


# --- the DRAFT marking -----------------------------------------------------------------------


def test_a_release_is_a_draft_unless_marked_final() -> None:
    text = edit(("status: final  #", "#"))
    assert drafter.load_release(text).status == "draft"
    assert release().status == "final"


def test_a_draft_is_the_reference_word_for_word_plus_the_mark_in_every_format(
    draft: dict[str, bytes],
) -> None:
    expected = Counter(reference_blocks()) + Counter([BANNER])
    assert Counter(html_blocks(draft["html"])) == expected
    assert Counter(docx_blocks(draft["docx"])) == expected
    text = normalise(pdf_text(draft["pdf"]))
    assert [block for block in reference_blocks() if block not in text] == []
    assert text.startswith("DRAFT")


def test_the_html_draft_has_a_banner_first_in_its_header(draft: dict[str, bytes]) -> None:
    html = draft["html"].decode()
    header = html[html.index('<header class="release-header">') :]
    assert (
        header.split("\n")[1] == f'<p class="draft-mark" role="note" data-mark="DRAFT">{BANNER}</p>'
    )


def test_every_pdf_page_of_a_draft_carries_the_watermark_as_an_artifact() -> None:
    pdf = drafter.render(release(FINAL, ("body:\n", LONG_BODY)), "pdf")
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3
    for page in pages:
        artifacts = normalise(" ".join(_MarkedText(page).artifacts))
        assert artifacts.startswith("DRAFT"), artifacts
    with pikepdf.open(io.BytesIO(pdf)) as document:  # still every piece tagged or an artifact
        used = set()
        for index in range(len(document.pages)):
            for operator, marks in _painting(document, index):
                ids = [mark for mark in marks if isinstance(mark, int)]
                assert "/Artifact" in marks or ids, f"page {index + 1}: {operator} untagged"
                if "/Artifact" not in marks:
                    used.add((index, ids[-1]))
        assert used == _marked_ids(document)


def test_a_final_release_carries_no_mark(draft: dict[str, bytes]) -> None:
    final = drafter.render_all(release())
    assert b'class="draft-mark"' not in final["html"]
    assert "DRAFT" not in pdf_text(final["pdf"])
    document = docx.Document(io.BytesIO(final["docx"]))
    assert [p.text for p in document.sections[0].header.paragraphs] == [""]
    assert b'class="draft-mark"' in draft["html"]


def test_the_word_draft_is_marked_in_the_header_of_every_page(draft: dict[str, bytes]) -> None:
    section = docx.Document(io.BytesIO(draft["docx"])).sections[0]
    assert section.first_page_header.paragraphs[0].text == BANNER
    assert [p.text for p in section.header.paragraphs] == [BANNER]
    assert section.header.paragraphs[0].style.name == "House Draft Mark"


def test_a_drafts_files_are_named_draft(tmp_path: Path, capsys: Cap) -> None:
    paths = output_paths(release(FINAL), ["pdf", "html"], tmp_path)
    assert [path.name for path in paths.values()] == [
        "2012-07-24_A-350-12_DRAFT.pdf",
        "2012-07-24_A-350-12_DRAFT.html",
    ]
    assert release().file_stem == "2012-07-24_A-350-12"


def test_a_template_that_does_not_mark_drafts_is_refused(tmp_path: Path) -> None:
    house = REPO / "templates" / "eu-press"
    text = (house / "release.html.j2").read_text(encoding="utf-8")
    (tmp_path / "release.html.j2").write_text(text.replace('{%- include "marks.j2" %}', ""))
    with pytest.raises(TemplateError, match="does not mark drafts"):
        drafter.render(release(FINAL), "html", templates=tmp_path)
    assert b"<main" in drafter.render(release(), "html", templates=tmp_path)  # a final is fine


# --- the embargo -----------------------------------------------------------------------------


def _embargo(when: str) -> tuple[str, str]:
    return ("status: final", f"status: final\nembargo: {when}")


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_the_embargo_is_printed_in_every_format(fmt: str) -> None:
    data = drafter.render(release(_embargo("2012-07-24 12:00")), fmt)
    text = {"html": lambda d: "\n".join(html_blocks(d)), "pdf": pdf_text}.get(
        fmt, lambda d: "\n".join(docx_blocks(d))
    )(data)
    assert "EMBARGO: not for publication before 24 July 2012, 12:00 CEST" in normalise(text)


def test_the_embargo_zone_is_cet_in_winter() -> None:
    winter = release(
        ("date: 2012-07-24", "date: 2012-12-06"),
        ("reference: A 350/12", "reference: A 561/12"),
        _embargo("2012-12-06T09:30"),
    )
    assert "before 6 December 2012, 09:30 CET</p>" in drafter.render(winter, "html").decode()


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2012-07-25 00:00", "is after the release's date line (2012-07-24)"),
        ("2012-07-23 18:00", "is before the release's date (2012-07-24)"),
        ("24 July 2012, 12:00", 'write it as "YYYY-MM-DD HH:MM"'),
        ("2012-07-24 25:00", "is not a date and time"),
        ("2012-03-25 02:30", "does not exist in Brussels"),
        ("2012-10-28 02:30", "happens twice in Brussels"),
    ],
)
def test_a_wrong_embargo_is_refused_naming_the_field_and_line(when: str, message: str) -> None:
    text = edit(_embargo(when))
    with pytest.raises(InputError) as raised:
        drafter.load_release(text)
    [problem] = raised.value.problems
    assert (problem.field, problem.line) == ("embargo", line_of(text, "embargo:"))
    assert message in problem.message


def test_the_embargo_must_fall_on_the_date_line_day_in_brussels() -> None:
    # 23:30 UTC on the 23rd is 01:30 on the 24th in Brussels: the date line's day.
    assert release(_embargo("2012-07-24 01:30")).embargo is not None
    assert release(_embargo("2012-07-24 23:59")).embargo is not None


# --- provenance ------------------------------------------------------------------------------


def test_every_format_carries_the_provenance(draft: dict[str, bytes]) -> None:
    sha = input_sha256(release(FINAL))
    made_by = f"drafter {drafter.__version__}"
    html = draft["html"].decode()
    for name, value in [
        ("drafter-version", made_by),
        ("drafter-template-set", "eu-press 1.0.0"),
        ("drafter-input-sha256", sha),
        ("drafter-status", "draft"),
    ]:
        assert f'<meta name="{name}" content="{value}">' in html
    metadata = pypdf.PdfReader(io.BytesIO(draft["pdf"])).metadata
    assert metadata is not None
    info = {str(key): str(value) for key, value in metadata.items()}
    assert (info["/DrafterVersion"], info["/DrafterTemplateSet"]) == (made_by, "eu-press 1.0.0")
    assert info["/DrafterInputSHA256"] == sha and info["/DrafterStatus"] == "draft"
    creator = f"{made_by}, template set eu-press 1.0.0"
    assert info["/Creator"] == creator
    with pikepdf.open(io.BytesIO(draft["pdf"])) as pdf:
        assert pdf.open_metadata()["xmp:CreatorTool"] == creator
    props = docx.Document(io.BytesIO(draft["docx"])).core_properties
    assert (props.version, props.identifier, props.content_status) == (
        made_by,
        f"sha256:{sha}",
        "draft",
    )
    assert "eu-press 1.0.0" in props.comments


def test_the_input_hash_follows_the_facts() -> None:
    same = drafter.load_release(edit(("# Facts are written once", "# Facts, written once")))
    assert input_sha256(same) == input_sha256(release())  # comments are not facts
    changed = release(("  round: 15", "  round: 16"))
    assert input_sha256(changed) != input_sha256(release())
    assert len(input_sha256(changed)) == 64


def test_drafter_new_names_a_draft_and_checks_only_finals(tmp_path: Path, capsys: Cap) -> None:
    source = tmp_path / "round.yaml"
    shutil.copy(REPO / "examples" / "eu-russia-2012-07-24.yaml", source)
    code, out, _ = run(capsys, "new", str(source), "--html", "--lang", "en")
    assert code == 0 and out.strip() == str(tmp_path / "2012-07-24_A-350-12.html")


def test_an_embargo_from_plain_data_is_text_or_a_datetime() -> None:
    from datetime import datetime

    from drafter.loading import read_source

    data = read_source(edit()).data
    with pytest.raises(InputError, match=r"embargo: is not a date and time"):
        drafter.validate_release({**data, "embargo": 1343124000})  # no Unix timestamps
    naive = drafter.validate_release({**data, "embargo": datetime(2012, 7, 24, 12, 0)})
    assert naive.embargo is not None and naive.embargo.utcoffset() is not None
    assert naive.embargo.isoformat() == "2012-07-24T12:00:00+02:00"
