"""`drafter import` of what archives keep: PDF, HTML pages and Word files of any maker."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from clirun import Cap, run
from docx.shared import Pt, RGBColor
from lxml import etree  # type: ignore[import-untyped]
from lxml.builder import E  # type: ignore[import-untyped]
from textutil import REPO, html_text, normalise

import drafter
from drafter.errors import InputError
from drafter.importing import import_release
from drafter.structure import parse_document

COUNCIL = REPO / "examples" / "eu-russia-2012-07-24.yaml"
COUNCIL_NUMBER = REPO / "examples" / "eu-turkmenistan-2013-06-20.yaml"
EEAS = REPO / "examples" / "eeas-web" / "eu-belarus-2017-07-20.yaml"


def _own(path: Path) -> drafter.Release:
    """The release in its own language only: a published release holds one language."""
    return drafter.load_release(path).model_copy(update={"translations": {}})


def _words(release: drafter.Release) -> str:
    return normalise(html_text(drafter.render(release, "html")))


def _imported(path: Path) -> drafter.Release:
    imported = import_release(path)
    assert imported.release is not None, imported.warnings
    return imported.release


@pytest.mark.parametrize("example", [COUNCIL, COUNCIL_NUMBER, EEAS], ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_a_release_drafter_published_imports_and_renders_back_the_same_words(
    example: Path, fmt: str, tmp_path: Path
) -> None:
    release = _own(example)
    path = tmp_path / f"published.{fmt}"
    path.write_bytes(drafter.render(release, fmt))
    back = _imported(path)
    assert _words(back) == _words(release)
    assert back == release


def test_the_import_command_reads_a_pdf(tmp_path: Path, capsys: Cap) -> None:
    release = _own(COUNCIL)
    pdf = tmp_path / "A-350-12.pdf"
    pdf.write_bytes(drafter.render(release, "pdf"))
    out = tmp_path / "imported.yaml"
    code, stdout, stderr = run(capsys, "import", str(pdf), "--out", str(out))
    assert (code, stdout.strip(), stderr) == (0, str(out), "")
    assert _words(drafter.load_release(out)) == _words(release)


def _paragraphs(release: drafter.Release) -> list[str]:
    """The release's blocks as drafter renders them in its house, to be written by another tool."""
    blocks = parse_document(drafter.render(release, "html").decode("utf-8")).blocks
    return [block.text for block in blocks if not block.is_figure]


def test_a_word_file_another_tool_made_imports_with_the_same_words(tmp_path: Path) -> None:
    """Word's own styles, the header lines in a table, the date line and reference in one
    paragraph with a line break, the contacts in the page footer."""
    release = _own(COUNCIL)
    blocks = _paragraphs(release)
    press = blocks.index("P R E S S")
    footer, end = blocks[press : blocks.index("EN") + 1], blocks.index("EN") + 1
    issuer, dateline, reference = blocks[0], blocks[1], blocks[2]
    document = docx.Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.color.rgb = RGBColor(0x22, 0x22, 0x88)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run(issuer).bold = True
    both = document.add_paragraph(dateline)
    both.runs[0].add_break()
    both.add_run(reference)
    document.add_paragraph(blocks[end], style="Title")
    for text in blocks[end + 1 :]:
        style = "Heading 2" if text.endswith(":") else "Normal"
        document.add_paragraph(text, style=style).paragraph_format.space_after = Pt(12)
    footer_part = document.sections[0].footer
    footer_part.paragraphs[0].text = footer[0]
    for text in footer[1:]:
        footer_part.add_paragraph(text)
    path = tmp_path / "from-word.docx"
    document.save(str(path))
    assert _words(_imported(path)) == _words(release)


def _eeas_page(release: drafter.Release) -> bytes:
    """The release as the EEAS website laid it out: site chrome around an article."""
    blocks = _paragraphs(release)
    issuer, title, dateline, unique = blocks[:4]
    body = blocks[4:]
    date, _, clock = dateline.partition(" - ")
    article = E.article(
        E.h1(title, {"class": "page-header"}),
        E.div(
            E.span(date, {"class": "date-display-single"}),
            " - ",
            E.span(clock),
            {"class": "field--name-published"},
        ),
        E.div(E.strong(unique), {"class": "field--name-unique-id"}),
        E.div(*(E.h3(t) if t.endswith(":") else E.p(t) for t in body), {"class": "field--body"}),
    )
    page = E.html(
        E.head(E.title(f"{title} | EEAS"), E.meta(charset="utf-8")),
        E.body(
            E.div(
                E.nav(E.ul(E.li(E.a("Home", href="/")), E.li(E.a("Press", href="/p")))),
                {"class": "navbar"},
            ),
            E.div(issuer, {"class": "site-name"}),
            E.main(article),
            E.footer(E.p("© European Union"), E.a("Legal notice", href="/legal")),
        ),
    )
    html: bytes = etree.tostring(page, method="html", doctype="<!DOCTYPE html>", encoding="utf-8")
    return html


def test_an_eeas_web_page_another_tool_made_imports_with_the_same_words(tmp_path: Path) -> None:
    release = _own(EEAS)
    path = tmp_path / "eeas.html"
    path.write_bytes(_eeas_page(release))
    back = _imported(path)
    assert (back.house, back.time, back.identifier) == ("eeas-web", "20:52", "170720_16")
    assert _words(back) == _words(release)


def test_a_page_that_holds_no_release_is_refused_naming_what_is_missing(
    tmp_path: Path, capsys: Cap
) -> None:
    page = tmp_path / "news.html"
    page.write_bytes(
        etree.tostring(E.html(E.body(E.h1("News"), E.p("Nothing was held."))), method="html")
    )
    with pytest.raises(InputError) as raised:
        import_release(page)
    message = str(raised.value)
    assert "date line" in message and "news.html" in message
    code, _, err = run(capsys, "import", str(page))
    assert code == 1 and "date line" in err
    assert not (tmp_path / "news.yaml").exists()


def test_a_pdf_without_text_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    stream = io.BytesIO()
    writer.write(stream)
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(stream.getvalue())
    with pytest.raises(InputError) as raised:
        import_release(pdf)
    assert "no text" in str(raised.value)


def test_a_council_pdf_another_tool_made_imports_with_the_same_words(tmp_path: Path) -> None:
    """A plain page typeset by WeasyPrint on its own: a serif face, ragged lines, a long
    paragraph across the page break, the contacts after the body rather than in a footer."""
    import weasyprint

    release = _own(COUNCIL)
    blocks = _paragraphs(release)
    press, end = blocks.index("P R E S S"), blocks.index("EN") + 1
    body = [*blocks[:press], *blocks[end:], *blocks[press:end]]
    style = (
        "@page { size: A5; margin: 20mm }"  # two paragraphs go on overleaf
        "body { font: 11pt/1.6 serif; text-align: left }"
        "p { margin: 0 0 9pt } h1 { font-size: 15pt }"
    )
    html = E.html(
        E.head(E.style(style)),
        E.body(*(E.h1(t) if t == blocks[end] else E.p(t) for t in body)),
    )
    page = etree.tostring(html, method="html", encoding="unicode")
    path = tmp_path / "council.pdf"
    path.write_bytes(weasyprint.HTML(string=page).write_pdf())
    from pypdf import PdfReader

    assert len(PdfReader(path).pages) > 1
    back = _imported(path)
    assert _words(back) == _words(release)
    assert back.body == release.body  # the paragraphs that go on overleaf are whole
