"""Accessible and archival outputs, checked by tools other than drafter.

PDF: the tags, metadata and marked content of tagged PDF/UA-1 read back with pikepdf (and
the text of each tagged piece with pypdf); PDF/A on request. HTML: the Nu HTML Checker
(vnu.jar, run by Java) and axe-core in headless Chromium, plus the accessibility tree
Chromium builds and the page as Chromium prints it. Word: heading styles, language, title,
the emblem's alternative text and no tables. The tools come from .ci/run (apt-get and
`npm ci`); a missing tool fails the tests, naming how to install it.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pikepdf
import pypdf
import pytest
from browserutil import chromium
from docx.oxml.ns import qn
from PIL import Image
from playwright.sync_api import Browser, Page
from textutil import REFERENCE_YAML, normalise

import drafter
from drafter.cli import main
from drafter.loading import read_source
from drafter.structure import parse_document
from drafter.writers import PDF_VARIANTS

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").rglob("*.yaml"))  # both houses
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
EMBLEM = "Emblem of the European Union"
TITLE = "The EU and Russia hold human rights consultations"
INSTALL = "install the checkers as .ci/run does (apt-get install chromium; npm ci)"


def _tool(path: Path) -> Path:
    assert path.is_file(), f"{path} is missing: {INSTALL}"
    return path


@pytest.fixture(scope="module")
def reference() -> dict[str, bytes]:
    return drafter.render_all(drafter.load_release(REFERENCE_YAML))


def _with_links() -> drafter.Release:
    """The reference release with linked previous rounds and a link in the body."""
    data = read_source(REFERENCE_YAML).data
    assert isinstance(data, dict)
    data["previous_rounds"] = [
        {"date": "2011-11-29", "url": "https://www.eeas.europa.eu/a"},
        {"date": "2011-05-04", "url": "https://www.eeas.europa.eu/b"},
    ]
    data["body"] = [
        *data["body"],
        [
            "Read",
            {"text": "the EU Guidelines on Human Rights Defenders", "url": "https://eeas.eu/g"},
        ],
    ]
    return drafter.validate_release(data)


@pytest.fixture(scope="module")
def pages() -> dict[str, bytes]:
    """The HTML of every example in each of its languages, and of the reference with links."""
    found = {}
    for path in EXAMPLES:
        release = drafter.load_release(path)
        found[path.stem] = drafter.render(release, "html")
        for code in release.languages[1:]:
            found[f"{path.stem}-{code}"] = drafter.render(release, "html", language=code)
    found["with-links"] = drafter.render(_with_links(), "html")
    return found


# --- PDF: tagged PDF/UA-1 ---------------------------------------------------------------------


def _open(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _elements(pdf: pikepdf.Pdf) -> Iterator[Any]:
    """Every structure element, depth first: the order a screen reader reads them."""
    stack = list(reversed(_kids(pdf.Root.StructTreeRoot)))
    while stack:
        element = stack.pop()
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            yield element
            stack.extend(reversed(_kids(element)))


def _marked_ids(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """(page, MCID) of every piece of content the structure tree reaches."""
    found = set()
    for element in _elements(pdf):
        for kid in _kids(element):
            if isinstance(kid, int):
                page = element.Pg if "/Pg" in element else None
                assert page is not None, f"{element.S} has content but no page"
                found.add((_page_index(pdf, page), kid))
    return found


def _page_index(pdf: pikepdf.Pdf, page: Any) -> int:
    return next(i for i, p in enumerate(pdf.pages) if p.obj.objgen == page.objgen)


_PAINTING = {"Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s"}


def _painting(pdf: pikepdf.Pdf, index: int) -> Iterator[tuple[str, list[Any]]]:
    """Each operator that paints on page `index`, with the marked content around it."""
    marks: list[Any] = []
    for instruction in pikepdf.parse_content_stream(pdf.pages[index]):
        operands, name = list(instruction.operands), str(instruction.operator)
        if name == "BDC":
            marks.append(operands[1].get("/MCID", str(operands[0])))
        elif name == "BMC":
            marks.append(str(operands[0]))
        elif name == "EMC":
            marks.pop()
        elif name in _PAINTING:
            yield name, list(marks)


def test_pdf_is_declared_pdf_ua_1_with_title_and_language(reference: dict[str, bytes]) -> None:
    with _open(reference["pdf"]) as pdf:
        assert pdf.pdf_version == "1.7"
        assert str(pdf.Root.Lang) == "en"
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert str(pdf.docinfo.Title) == TITLE
        metadata = pdf.open_metadata()
        assert metadata["pdfuaid:part"] == "1"
        assert metadata["dc:title"] == TITLE
        assert "pdfaid:part" not in metadata
        for font in _fonts(pdf):  # embedded, and mapped to Unicode
            assert "/ToUnicode" in font
            for drawn in font.get("/DescendantFonts", [font]):
                assert {"/FontFile2", "/FontFile3"} & set(drawn.FontDescriptor.keys())
        for page in pdf.pages:
            assert page.obj.Tabs == "/S"  # tab order follows the structure


def _fonts(pdf: pikepdf.Pdf) -> Iterator[Any]:
    for page in pdf.pages:
        yield from page.Resources.get("/Font", {}).values()


def test_pdf_tags_headings_paragraphs_lists_links_and_the_emblem(
    reference: dict[str, bytes],
) -> None:
    with _open(reference["pdf"]) as pdf:
        elements = list(_elements(pdf))
        types = [str(element.S) for element in elements]
        headings = [t for t in types if re.fullmatch(r"/H\d", t)]
        assert headings == ["/H1", "/H2", "/H2"]  # title, previous rounds, contacts
        paragraphs = [b for b in parse_document(reference["html"].decode()).blocks if b.tag == "p"]
        assert types.count("/P") == len(paragraphs) == 14  # no paragraph split over pages here
        (figure,) = [element for element in elements if element.S == "/Figure"]
        assert str(figure.Alt) == EMBLEM
        assert len(figure.A.BBox) == 4
        (listing,) = [element for element in elements if element.S == "/L"]
        items = [kid for kid in _kids(listing) if kid.S == "/LI"]
        assert len(items) == 2
        assert all([k.S for k in _kids(item)] == ["/LBody"] for item in items)
        links = [element for element in elements if element.S == "/Link"]
        annotations = [a for page in pdf.pages for a in page.get("/Annots", [])]
        assert len(links) == len(annotations) == 5
        parents = pdf.Root.StructTreeRoot.ParentTree.Nums
        by_key = {int(parents[i]): parents[i + 1] for i in range(0, len(parents), 2)}
        for annotation in annotations:
            assert str(annotation.Contents).startswith(("mailto:", "http"))
            owner = by_key[int(annotation.StructParent)]
            assert owner.S == "/Link"
            assert any(
                isinstance(kid, pikepdf.Dictionary) and kid.Obj.objgen == annotation.objgen
                for kid in _kids(owner)
            )


def test_every_piece_of_page_content_is_tagged_or_an_artifact(reference: dict[str, bytes]) -> None:
    with _open(reference["pdf"]) as pdf:
        reached = _marked_ids(pdf)
        used = set()
        for index in range(len(pdf.pages)):
            for operator, marks in _painting(pdf, index):
                assert marks, f"page {index + 1}: {operator} outside marked content"
                ids = [mark for mark in marks if isinstance(mark, int)]
                if "/Artifact" not in marks:
                    assert ids, f"page {index + 1}: {operator} neither tagged nor an artifact"
                    used.add((index, ids[-1]))
        assert used == reached  # every tagged piece is in the tree, and every MCID is used


class _MarkedText:
    """The text of each tagged piece of a page, by MCID, and the text of its artifacts."""

    def __init__(self, page: pypdf.PageObject) -> None:
        self.by_id: dict[int, str] = {}
        self.artifacts: list[str] = []
        self._marks: list[Any] = []
        page.extract_text(visitor_operand_before=self._operator, visitor_text=self._text)

    def _operator(self, operator: bytes, operands: list[Any], *_: Any) -> None:
        if operator == b"BDC":
            properties = operands[1]
            self._marks.append(properties.get("/MCID") if hasattr(properties, "get") else None)
        elif operator == b"BMC":
            self._marks.append(str(operands[0]))
        elif operator == b"EMC":
            self._marks.pop()

    def _text(self, chunk: str, *_: Any) -> None:
        ids = [mark for mark in self._marks if isinstance(mark, int)]
        if "/Artifact" in self._marks:
            self.artifacts.append(chunk)
        elif ids:
            self.by_id[ids[-1]] = self.by_id.get(ids[-1], "") + chunk


def test_pdf_reads_header_then_body_then_the_first_pages_footer(
    reference: dict[str, bytes],
) -> None:
    marked = [_MarkedText(page) for page in pypdf.PdfReader(io.BytesIO(reference["pdf"])).pages]
    with _open(reference["pdf"]) as pdf:
        order = []
        for element in _elements(pdf):
            ids = [kid for kid in _kids(element) if isinstance(kid, int)]
            if ids:
                texts = marked[_page_index(pdf, element.Pg)].by_id
                order += [texts.get(mcid, "") for mcid in ids]
    artifacts = [chunk for page in marked for chunk in page.artifacts]
    blocks = parse_document(reference["html"].decode()).blocks
    expected = [
        b.text for region in ("header", "main", "footer") for b in blocks if b.region == region
    ]
    assert normalise(" ".join(order)) == normalise(" ".join(expected))
    assert normalise(" ".join(artifacts)) == "2"  # the page number of page 2


@pytest.mark.parametrize("variant", [v for v in PDF_VARIANTS if v.startswith("pdf/a")])
def test_pdf_a_on_request_still_tagged(variant: str) -> None:
    data = drafter.render(drafter.load_release(REFERENCE_YAML), "pdf", pdf_variant=variant)
    part, level = variant[-2], variant[-1]  # "pdf/a-3b": part 3, level B
    with _open(data) as pdf:
        metadata = pdf.open_metadata()
        assert (metadata["pdfaid:part"], metadata["pdfaid:conformance"]) == (part, level.upper())
        assert "pdfuaid:part" not in metadata
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1"
        assert intent.DestOutputProfile.N == 3  # the sRGB profile
        assert str(pdf.Root.Lang) == "en" and "/StructTreeRoot" in pdf.Root
        assert any(element.S == "/Figure" for element in _elements(pdf))


def test_an_unknown_pdf_variant_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(drafter.UsageError, match=r"pdf/x-4.*pdf/ua-1, pdf/a-2b"):
        drafter.render(drafter.load_release(REFERENCE_YAML), "pdf", pdf_variant="pdf/x-4")
    with pytest.raises(SystemExit) as stopped:
        main(["new", str(REFERENCE_YAML), "--pdf", "--pdf-variant", "pdf/x-4", "-o", str(tmp_path)])
    assert stopped.value.code == 2
    assert "unknown PDF variant 'pdf/x-4'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_drafter_new_writes_pdf_a_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(
            ["new", str(REFERENCE_YAML), "--pdf", "--pdf-variant", "pdf/a-3b", "-o", str(tmp_path)]
        )
    assert stopped.value.code in (0, None)
    written = {path.stem.rpartition("_")[2]: path for path in tmp_path.iterdir()}
    assert sorted(written) == ["A-350-12", "BG", "DE", "FR"]  # every language; English plain
    for code, path in written.items():
        with pikepdf.open(path) as pdf:
            assert pdf.open_metadata()["pdfaid:part"] == "3"
            assert str(pdf.Root.Lang) == ("en" if code == "A-350-12" else code.lower())
    capsys.readouterr()


# --- HTML: Nu HTML Checker and axe-core ---------------------------------------------------------


def test_html_is_valid_html5(pages: dict[str, bytes], tmp_path: Path) -> None:
    files = []
    for name, html in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(html)
    checked = subprocess.run(
        [
            "java",
            "-jar",
            str(_tool(VNU)),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    messages = json.loads(checked.stderr)["messages"]
    problems = [m for m in messages if m["type"] == "error" or m.get("subType") == "warning"]
    assert problems == []
    assert {Path(m["url"]).name for m in messages} <= {f.name for f in files}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page()
    opened.route("**/*", lambda route: route.abort())  # the page must need nothing from outside
    yield opened
    opened.close()


def _axe(page: Page, html: bytes) -> dict[str, Any]:
    page.set_content(html.decode("utf-8"))
    page.add_script_tag(content=_tool(AXE).read_text(encoding="utf-8"))
    results: dict[str, Any] = page.evaluate("async () => await axe.run(document)")
    return results


TRANSLATED = [f"eu-russia-2012-07-24-{code}" for code in ("fr", "de", "bg")]


@pytest.mark.parametrize("name", [*(path.stem for path in EXAMPLES), *TRANSLATED, "with-links"])
def test_axe_finds_no_violations(page: Page, pages: dict[str, bytes], name: str) -> None:
    results = _axe(page, pages[name])
    violations = [(v["id"], [n["html"] for n in v["nodes"]]) for v in results["violations"]]
    assert violations == []
    passed = {rule["id"] for rule in results["passes"]}
    expected = {"color-contrast", "document-title", "html-has-lang", "html-lang-valid"}
    expected |= {"landmark-one-main", "page-has-heading-one", "region", "svg-img-alt"}
    expected |= {"landmark-banner-is-top-level"}
    if b"<footer" in pages[name]:  # eeas-web has no footer
        expected |= {"landmark-contentinfo-is-top-level"}
    assert expected <= passed
    if name == "with-links":
        assert "link-name" in passed


def test_the_page_has_landmarks_one_h1_and_a_named_emblem(
    page: Page, reference: dict[str, bytes]
) -> None:
    page.set_content(reference["html"].decode("utf-8"))
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.title() == TITLE
    landmarks = (
        page.get_by_role("banner"),
        page.get_by_role("main"),
        page.get_by_role("contentinfo"),
    )
    assert [landmark.count() for landmark in landmarks] == [1, 1, 1]
    assert page.get_by_role("heading", level=1).all_inner_texts() == [TITLE]
    emblem = page.get_by_role("banner").get_by_role("img", name=EMBLEM, exact=True)
    assert emblem.count() == 1
    box = emblem.bounding_box()
    assert box is not None and box["width"] / box["height"] == pytest.approx(1.5, rel=0.01)
    assert page.get_by_role("region", name="FOR FURTHER DETAILS:").count() == 1


def test_link_names_make_sense_out_of_context(page: Page, pages: dict[str, bytes]) -> None:
    page.set_content(pages["with-links"].decode("utf-8"))
    links = page.get_by_role("link")
    names = [
        links.nth(i).evaluate("a => a.getAttribute('aria-label') || a.textContent")
        for i in range(links.count())
    ]
    assert "Human rights consultations of 29 November 2011" in names
    assert "Human rights consultations of 4 May 2011" in names
    assert (
        page.get_by_role("link", name="Human rights consultations of 4 May 2011").inner_text()
        == "4 May 2011"
    )
    for name in names:
        assert not re.fullmatch(r"[\d\s]*\w+ \d{4}", name), f"a bare date as a link name: {name}"
        assert name.lower() not in {"here", "click here", "more", "link", "read more"}


def test_the_print_stylesheet_prints_the_footer_last_in_black(
    page: Page, reference: dict[str, bytes]
) -> None:
    page.set_content(reference["html"].decode("utf-8"))
    page.emulate_media(media="print")
    header, main, footer = (
        page.locator(selector).bounding_box()
        for selector in (".release-header", ".release-body", ".release-footer")
    )
    assert header and main and footer
    assert header["y"] + header["height"] <= main["y"] < main["y"] + main["height"] <= footer["y"]
    colour = page.locator(".contacts a").first.evaluate("a => getComputedStyle(a).color")
    assert colour == "rgb(0, 0, 0)"
    adjust = page.locator(".emblem").evaluate("e => getComputedStyle(e).printColorAdjust")
    assert adjust == "exact"
    printed = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = normalise(" ".join(p.extract_text() for p in printed.pages))
    assert (
        text.index(TITLE)
        < text.index("Previous Human Rights Consultations")
        < text.index("FOR FURTHER DETAILS")
    )
    page.emulate_media(media="screen")
    footer_on_screen = page.locator(".release-footer").bounding_box()
    main_on_screen = page.locator(".release-body").bounding_box()
    assert footer_on_screen and main_on_screen
    assert footer_on_screen["y"] >= main_on_screen["y"] + main_on_screen["height"]


# --- Word ----------------------------------------------------------------------------------------


def _word(reference: dict[str, bytes]) -> Any:
    return docx.Document(io.BytesIO(reference["docx"]))


def test_docx_headings_use_words_built_in_heading_styles(reference: dict[str, bytes]) -> None:
    document = _word(reference)
    headings = [
        (p.text, p.style) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert [(text, style.name) for text, style in headings] == [
        (TITLE, "Heading 1"),
        ("Previous Human Rights Consultations:", "Heading 2"),
    ]
    for level, (_, style) in enumerate(headings):
        assert style.builtin and style.style_id == f"Heading{level + 1}"
        outline = style.element.pPr.find(qn("w:outlineLvl"))
        assert outline is not None and outline.get(qn("w:val")) == str(level)


def test_docx_language_and_title(reference: dict[str, bytes]) -> None:
    document = _word(reference)
    assert (document.core_properties.title, document.core_properties.language) == (TITLE, "en-GB")
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"


def test_docx_emblem_is_a_picture_with_alternative_text(reference: dict[str, bytes]) -> None:
    header = _word(reference).sections[0].first_page_header
    (first, *_) = header.paragraphs
    drawings = first._p.findall(f".//{qn('w:drawing')}")
    assert len(drawings) == 1
    (properties,) = drawings[0].iter(qn("wp:docPr"))
    assert properties.get("descr") == EMBLEM
    (extent,) = drawings[0].iter(qn("wp:extent"))
    width, height = int(extent.get("cx")), int(extent.get("cy"))
    assert width / height == pytest.approx(1.5, rel=0.01)
    assert height == pytest.approx(16 * 36000, rel=0.01)  # 16 mm in EMU
    assert normalise(first.text) == "EUROPEAN UNION"
    (blip,) = drawings[0].iter(qn("a:blip"))
    image = header.part.related_parts[blip.get(qn("r:embed"))]
    picture = Image.open(io.BytesIO(image.blob)).convert("RGB")
    assert picture.size[0] / picture.size[1] == pytest.approx(1.5)
    colours = {colour for _, colour in picture.getcolors(1 << 16) or []}
    assert (0x00, 0x33, 0x99) in colours and (0xFF, 0xCC, 0x00) in colours


def test_docx_contacts_are_paragraphs_not_a_table(reference: dict[str, bytes]) -> None:
    document = _word(reference)
    section = document.sections[0]
    parts = (document, section.first_page_header, section.first_page_footer, section.footer)
    assert [len(part.tables) for part in parts] == [0, 0, 0, 0]
    contacts = [p for p in section.first_page_footer.paragraphs if p.style.name == "House Contact"]
    assert len(contacts) == 5
    assert contacts[0].text.startswith("Michael Mann +32 498 999 780")
