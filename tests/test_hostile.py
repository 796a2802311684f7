"""Hostile and unusual input, in every format.

Text is only ever text: markup, template syntax and Markdown come out as the words typed.
Links stay clickable, very long words and paragraphs are laid out, any script survives,
and the PDF writer reads nothing but the house's own files and never reaches the network.
User templates run in Jinja's sandbox.
"""

from __future__ import annotations

import contextlib
import io
import re
import socket
import string
import sys
import unicodedata
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import lxml.html  # type: ignore[import-untyped]
import pypdf
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from textutil import docx_text, normalise, pdf_text

import drafter
from drafter.errors import InputError, TemplateError
from drafter.loading import read_source
from drafter.templating import load_house, packaged_templates
from drafter.writers.pdf import write_pdf

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BASE_EXAMPLE = EXAMPLES / "eu-russia-2012-07-24.yaml"


def _data() -> dict[str, Any]:
    data = read_source(BASE_EXAMPLE).data
    assert isinstance(data, dict)
    return data


def _release(**changes: Any) -> drafter.Release:
    data = _data()
    data.update(changes)
    return drafter.validate_release(data)


def _html_text(html: bytes) -> str:
    """What a browser shows of the page body, whitespace folded as a browser folds it."""
    body = lxml.html.document_fromstring(html).body
    return re.sub(r"[ \t\n\r\f]+", " ", body.text_content()).strip()


def _pdf_streams(pdf: bytes) -> Iterator[bytes]:
    """Every stream of the PDF, decompressed: content, fonts, embedded files."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    size = reader.trailer["/Size"]
    assert isinstance(size, int)
    for number in range(1, size):
        try:
            found = reader.get_object(number)
        except Exception:
            continue
        if isinstance(found, pypdf.generic.StreamObject):
            yield found.get_data()


def _pdf_holds(pdf: bytes, marker: bytes) -> bool:
    return marker in pdf or any(marker in stream for stream in _pdf_streams(pdf))


def _pdf_attachments(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names = list(reader.attachments)
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            if annotation.get_object().get("/Subtype") == "/FileAttachment":
                names.append("annotation")
    if b"/EmbeddedFile" in pdf:
        names.append("/EmbeddedFile")
    return names


# --- text is text ----------------------------------------------------------------------------

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)"> and <b>bold</b> </p><h1>Injected</h1>',
    "{{ 7*191 }} and {% raw %}raw{% endraw %} and {# comment #} and ${7*191}",
    "**not bold** _not italic_ [not a link](https://example.org) # not a heading",
    "&amp; &lt;b&gt; &#39; &copy; &nbsp; stay as typed",
    "<![CDATA[ x ]]> ]]> <!-- not a comment --> <?xml version='1.0'?>",
    "<w:t>not Word XML</w:t> \"quotes\" 'apostrophes' \\ back\\slash %s %(x)s {0}",
]


@pytest.fixture(scope="module")
def hostile_outputs() -> dict[str, bytes]:
    release = _release(
        title="</title><script>alert(1)</script> {{ 7*191 }}",
        co_issuer="<i>Co</i> {{ 7*191 }} &amp;",
        body=[[text] for text in HOSTILE],
        previous_rounds_heading="<h2>{{ heading }}</h2> &amp;",
        contacts={"people": [{"name": "<b>Jane</b> {{ name }} &amp; Doe"}]},
    )
    return drafter.render_all(release)


def test_hostile_text_is_literal_in_html(hostile_outputs: dict[str, bytes]) -> None:
    html = hostile_outputs["html"]
    page = lxml.html.document_fromstring(html)
    assert list(page.iter("script")) == []
    tags = {element.tag for element in page.body.iter()}
    allowed = {"body", "header", "footer", "main", "section", "p", "h1", "h2", "ul", "li"}
    assert tags <= allowed | {"svg", "path"}  # the emblem drafter draws in the header
    assert [h.text_content() for h in page.iter("h1")] == [
        "</title><script>alert(1)</script> {{ 7*191 }}"
    ]
    assert page.findtext(".//title") == "</title><script>alert(1)</script> {{ 7*191 }}"
    text = _html_text(html)
    for hostile in HOSTILE:
        assert hostile in text
    assert "<I>CO</I> {{ 7*191 }} &AMP;" in text
    assert "<h2>{{ heading }}</h2> &amp;" in text
    assert "<b>Jane</b> {{ name }} &amp; Doe" in text
    assert "1337" not in text


def test_hostile_text_is_literal_in_docx(hostile_outputs: dict[str, bytes]) -> None:
    data = hostile_outputs["docx"]
    text = docx_text(data)
    for hostile in HOSTILE:
        assert normalise(hostile) in text
    assert "<I>CO</I> {{ 7*191 }} &AMP;" in text
    assert "<b>Jane</b> {{ name }} &amp; Doe" in text
    assert "1337" not in text
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title == "</title><script>alert(1)</script> {{ 7*191 }}"
    hyperlinks = document.element.body.findall(".//" + qn("w:hyperlink"))
    assert hyperlinks == []  # the Markdown link stayed text


def test_hostile_text_is_literal_in_pdf(hostile_outputs: dict[str, bytes]) -> None:
    text = normalise(pdf_text(hostile_outputs["pdf"]))
    for hostile in HOSTILE:
        assert normalise(hostile) in text
    assert "</title><script>alert(1)</script> {{ 7*191 }}" in text
    assert "1337" not in text
    uris = _pdf_uris(hostile_outputs["pdf"])
    assert "https://example.org" not in uris


def test_quotes_in_a_link_stay_inside_the_href() -> None:
    url = 'https://example.org/a"onmouseover="alert(1)"'
    release = _release(body=[[{"text": "a link", "url": url}]])
    page = lxml.html.document_fromstring(drafter.render(release, "html"))
    (link,) = [a for a in page.body.iter("a") if a.text_content() == "a link"]
    assert dict(link.attrib) == {"href": url}


# --- links -----------------------------------------------------------------------------------

LINK = "https://www.example.org/human-rights/dialogue?year=2013&lang=en#top"


def _pdf_uris(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
    return uris


@pytest.fixture(scope="module")
def link_outputs() -> dict[str, bytes]:
    body = [[{"text": "See"}, {"text": "the conclusions", "url": LINK}, {"text": "."}]]
    return drafter.render_all(_release(body=body))


def test_link_is_clickable_in_html(link_outputs: dict[str, bytes]) -> None:
    page = lxml.html.document_fromstring(link_outputs["html"])
    links = {a.text_content(): a.get("href") for a in page.body.iter("a")}
    assert links["the conclusions"] == LINK
    assert "See the conclusions." in _html_text(link_outputs["html"])


def test_link_is_clickable_in_docx(link_outputs: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(link_outputs["docx"]))
    rels = document.part.rels
    found = {}
    for element in document.element.body.iter(qn("w:hyperlink")):
        rel = rels[element.get(qn("r:id"))]
        assert rel.reltype == RELATIONSHIP_TYPE.HYPERLINK and rel.is_external
        found["".join(t.text for t in element.iter(qn("w:t")))] = rel.target_ref
    assert found == {"the conclusions": LINK}
    assert "See the conclusions." in docx_text(link_outputs["docx"])


def test_link_is_clickable_in_pdf(link_outputs: dict[str, bytes]) -> None:
    assert LINK in _pdf_uris(link_outputs["pdf"])
    assert "mailto:Michael.Mann@eeas.europa.eu" in _pdf_uris(link_outputs["pdf"])


# --- long words, long paragraphs -------------------------------------------------------------

LONG_WORD = "".join(string.ascii_lowercase[i % 26] for i in range(500))
MAX_LINE = 120  # characters on one line of A4 at 11 pt is about 95


def test_a_very_long_word_wraps() -> None:
    title_word = LONG_WORD[:300].upper()
    release = _release(
        title=title_word,
        body=[f"Before {LONG_WORD} after."],
        contacts={"people": [{"name": LONG_WORD[:300], "email": "press@example.eu"}]},
    )
    outputs = drafter.render_all(release)
    lines = pdf_text(outputs["pdf"]).splitlines()
    assert max(len(line) for line in lines) <= MAX_LINE
    joined = "".join(pdf_text(outputs["pdf"]).split())
    assert f"Before{LONG_WORD}after." in joined
    assert title_word in joined and LONG_WORD[:300] in joined
    assert f"Before {LONG_WORD} after." in _html_text(outputs["html"])
    assert f"Before {LONG_WORD} after." in docx_text(outputs["docx"])
    assert "overflow-wrap: break-word" in outputs["html"].decode()


WORDS: tuple[str, ...] = ("the", "dialogue", "covered", "freedom", "of", "expression")
WORDS += ("assembly", "and", "association", "in", "detail")


def test_a_five_thousand_word_paragraph_runs_over_pages() -> None:
    words = [WORDS[i % len(WORDS)] + ("," if i % 17 == 16 else "") for i in range(5000)]
    chunks = [" ".join(words[i : i + 1000]) for i in range(0, 5000, 1000)]
    release = _release(body=[chunks, "A short last paragraph."])
    outputs = drafter.render_all(release)
    paragraph = " ".join(words)
    assert paragraph in _html_text(outputs["html"])
    assert paragraph in docx_text(outputs["docx"])
    reader = pypdf.PdfReader(io.BytesIO(outputs["pdf"]))
    assert len(reader.pages) > 3
    text = normalise(pdf_text(outputs["pdf"]))
    # The first page's footer and the page numbers come between the pages' words.
    assert _in_order(paragraph.split(), text.split())
    assert "A short last paragraph." in text


def _in_order(words: list[str], text: list[str]) -> bool:
    """Whether `words` appear in `text` in this order, other words allowed between them."""
    remaining = iter(text)
    return all(word in remaining for word in words)


# --- scripts of the world --------------------------------------------------------------------

WORLD = [
    "\u062d\u0642\u0648\u0642 \u0627\u0644\u0625\u0646\u0633\u0627\u0646 \u200f(\u0661\u0662)",
    "\u05d6\u05db\u05d5\u05d9\u05d5\u05ea \u05d0\u05d3\u05dd",
    "e\u0301\u0302 a\u0308 Z\u0336\u0335 \u0928\u092e\u0938\u094d\u0924\u0947 \u1100\u1161\u11a8",
    "\U0001f1ea\U0001f1fa \U0001f91d \U0001f469\U0001f3fd\u200d\u2696\ufe0f "
    "\U0001f3f3\ufe0f\u200d\U0001f308",
    "\u4eba\u6743\u5bf9\u8bdd \u0420\u043e\u0441\u0441\u0438\u044f "
    "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1",
    "mixed: EU \u0648 \u062a\u0631\u0643\u0645\u0627\u0646\u0633\u062a\u0627\u0646 2013",
]


@pytest.fixture(scope="module")
def world_outputs() -> dict[str, bytes]:
    release = _release(
        place=WORLD[0][:12],
        counterpart={"name": WORLD[4], "short_name": WORLD[1]},
        body=[[text] for text in WORLD],
        contacts={"people": [{"name": WORLD[3]}]},
    )
    return drafter.render_all(release, ["html", "docx"])


def test_every_script_survives_in_html(world_outputs: dict[str, bytes]) -> None:
    text = lxml.html.document_fromstring(world_outputs["html"]).body.text_content()
    for sample in WORLD:
        assert sample in text
    assert "\u00e9" not in text  # not normalised to NFC
    assert f"The EU and {WORLD[1]} hold" in text


def test_every_script_survives_in_docx(world_outputs: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(world_outputs["docx"]))
    texts = [p.text for p in document.paragraphs]
    texts += [p.text for p in document.sections[0].first_page_footer.paragraphs]
    for sample in WORLD:
        assert sample in texts or any(sample in text for text in texts)
    assert not any("\u00e9" in text for text in texts)


PDF_DRAWABLE = [
    "\u05d6\u05db\u05d5\u05d9\u05d5\u05ea \u05d0\u05d3\u05dd",
    "\u0420\u043e\u0441\u0441\u0438\u044f",
    "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1",
    "\u062d\u0642\u0648\u0642",
    "e\u0301\u0302 a\u0308",
    "\U0001f600",
]


def test_scripts_the_house_fonts_draw_render_in_pdf() -> None:
    release = _release(body=[[text] for text in PDF_DRAWABLE])

    def squeeze(text: str) -> str:  # pypdf puts a space after combining marks
        return "".join(unicodedata.normalize("NFC", text).split())

    text = squeeze(pdf_text(drafter.render(release, "pdf")))
    for sample in PDF_DRAWABLE:
        assert squeeze(sample) in text


def test_characters_no_house_font_draws_are_refused_for_pdf_naming_the_field() -> None:
    release = _release(
        counterpart={"name": "\u4eba\u6743\u5bf9\u8bdd", "short_name": "China"},
        body=[["fine"], ["\u0928\u092e\u0938\u094d\u0924\u0947"]],
    )
    with pytest.raises(InputError) as raised:
        drafter.render(release, "pdf")
    fields = {problem.field for problem in raised.value.problems}
    assert fields == {"counterpart.name", "body[1][0].text"}
    assert "U+4EBA" in str(raised.value) and "U+0928" in str(raised.value)
    assert drafter.render(release, "html")  # the other formats still render


# --- the PDF writer reads only the house's files ---------------------------------------------

_events: list[tuple[str, str]] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _events is not None and event in ("open", "socket.connect", "socket.getaddrinfo"):
        _events.append((event, str(args[0]) if args else ""))


sys.addaudithook(_audit)


@contextlib.contextmanager
def _watched() -> Iterator[list[tuple[str, str]]]:
    """Every file opened and every connection tried, as (event, target)."""
    global _events
    _events = []
    try:
        yield _events
    finally:
        _events = None


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file that must never reach a PDF: a stylesheet that would print its marker."""
    marker = f"SECRET-{uuid.uuid4().hex}"
    path = tmp_path / "outside" / "secret.css"
    path.parent.mkdir()
    path.write_text(f'main::after {{ content: "{marker}" }} /* {marker} */\n', encoding="utf-8")
    return path


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local port that records whether anything connected to it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(5)
        server.setblocking(False)
        yield server


def _marker(secret: Path) -> str:
    found = re.search(r"SECRET-[0-9a-f]+", secret.read_text(encoding="utf-8"))
    assert found is not None
    return found.group(0)


def _page(extra: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"{extra}</head><body><main><p>Text.</p>{extra}</main></body></html>"
    )


HOSTILE_HTML = {
    "img-file": '<img src="file://{secret}">',
    "img-absolute-path": '<img src="{secret}">',
    "stylesheet-http": '<link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">',
    "stylesheet-scheme-relative": '<link rel="stylesheet" href="//127.0.0.1:{port}/x.css">',
    "stylesheet-file": '<link rel="stylesheet" href="file://{secret}">',
    "img-http": '<img src="http://127.0.0.1:{port}/x.png">',
    "base-file": '<base href="file://{folder}/"><link rel="stylesheet" href="secret.css">',
    "base-img": '<base href="file://{folder}/"><img src="secret.css">',
    "base-http": '<base href="http://127.0.0.1:{port}/"><img src="x.png">',
    "attachment-anchor": '<a rel="attachment" href="file://{secret}">attached</a>',
    "attachment-link": '<link rel="attachment" href="file://{secret}">',
    "css-url": "<style>main {{ background: url({secret}) }}</style>",
    "css-url-file": "<style>main {{ background-image: url('file://{secret}') }}</style>",
    "css-import": "<style>@import url({secret});</style>",
    "css-import-http": '<style>@import "http://127.0.0.1:{port}/x.css";</style>',
    "font-face": (
        "<style>@font-face {{ font-family: X; src: url({secret}) }} p {{ font-family: X }}</style>"
    ),
    "dot-dot": '<link rel="stylesheet" href="file://{house}/{up}{secret}">',
    "dot-dot-encoded": '<link rel="stylesheet" href="file://{house}/{up_encoded}{secret}">',
    "relative-dot-dot": '<link rel="stylesheet" href="{up}{secret}">',
    "object": '<object data="file://{secret}"></object><embed src="file://{secret}">',
    "iframe": '<iframe src="file://{secret}"></iframe>',
    "svg-image": '<svg><image href="file://{secret}" width="10" height="10"/></svg>',
    "localhost-host": '<img src="file://localhost{secret}">',
    "other-host": '<img src="file://127.0.0.1{secret}">',
}


def _check_isolated(
    html: str, house: Any, secret: Path, listener: socket.socket, link: Path | None = None
) -> None:
    """Rendering `html` opens neither the secret (nor a link to it) nor any connection."""
    marker = _marker(secret)
    with _watched() as events:
        try:
            pdf = write_pdf(html, house)
        except TemplateError:
            pdf = None
    forbidden = [str(secret.parent)] + ([str(link)] if link else [])
    opened = [target for event, target in events if event == "open"]
    assert [t for t in opened if any(f in t for f in forbidden)] == []
    assert [e for e in events if e[0].startswith("socket")] == []
    with pytest.raises(BlockingIOError):
        listener.accept()
    if pdf is not None:
        assert not _pdf_holds(pdf, marker.encode())
        assert marker not in pdf_text(pdf)
        assert _pdf_attachments(pdf) == []


@pytest.mark.parametrize("case", HOSTILE_HTML, ids=list(HOSTILE_HTML))
def test_pdf_writer_reads_no_outside_file(case: str, secret: Path, listener: socket.socket) -> None:
    house = load_house()
    base = house.dirs[-1]
    up = "../" * len(base.parts)
    html = _page(
        HOSTILE_HTML[case].format(
            secret=secret,
            folder=secret.parent,
            port=listener.getsockname()[1],
            house=base,
            up=up.removesuffix("/"),
            up_encoded="%2e%2e/" * (len(base.parts) - 1) + "%2e%2e",
        )
    )
    _check_isolated(html, house, secret, listener)


def test_hostile_html_is_refused_not_ignored(secret: Path) -> None:
    """A page asking for an outside file is an error, so a broken template is noticed."""
    with pytest.raises(TemplateError, match=r"house's own files|does not fetch"):
        write_pdf(_page(f'<img src="file://{secret}">'), load_house())


def test_house_files_are_still_served(tmp_path: Path) -> None:
    html = _page('<img src="fonts/LICENSE-Liberation.txt"><link rel="stylesheet" href="print.css">')
    assert write_pdf(html, load_house()).startswith(b"%PDF")


def _user_folder(tmp_path: Path) -> Path:
    user = tmp_path / "user"
    (user / "fonts").mkdir(parents=True)
    return user


@pytest.mark.parametrize(
    ("link", "html"),
    [
        ("evil.css", '<link rel="stylesheet" href="evil.css">'),
        ("fonts/evil.css", '<link rel="stylesheet" href="fonts/evil.css">'),
        (
            "fonts/evil.ttf",
            "<style>@font-face { font-family: E; src: url(fonts/evil.ttf) }</style>",
        ),
        ("evil.png", '<img src="evil.png">'),
    ],
)
def test_pdf_writer_follows_no_symlink_out_of_a_user_folder(
    tmp_path: Path, secret: Path, listener: socket.socket, link: str, html: str
) -> None:
    user = _user_folder(tmp_path)
    (user / link).symlink_to(secret)
    _check_isolated(_page(html), load_house(user), secret, listener, user / link)


@pytest.mark.parametrize(
    "link", ["print.css", "fonts/LiberationSans-Regular.ttf", "fonts/LiberationSans-Bold.ttf"]
)
def test_render_follows_no_symlink_out_of_a_user_folder(
    tmp_path: Path, secret: Path, link: str
) -> None:
    user = _user_folder(tmp_path)
    (user / link).symlink_to(secret)
    release = _release()
    with _watched() as events:
        outputs = drafter.render_all(release, templates=user)
    forbidden = (str(secret.parent), str(user / link))
    opened = [target for event, target in events if event == "open"]
    assert [t for t in opened if t.startswith(forbidden)] == []
    assert _marker(secret) not in pdf_text(outputs["pdf"])
    assert not _pdf_holds(outputs["pdf"], _marker(secret).encode())


@pytest.mark.parametrize("link", ["style.css", "wording.j2"])
def test_templates_follow_no_symlink_out_of_a_user_folder(
    tmp_path: Path, secret: Path, link: str
) -> None:
    user = _user_folder(tmp_path)
    outside = secret.parent / link
    if link == "wording.j2":
        wording = (packaged_templates() / "eu-press" / "wording.j2").read_text(encoding="utf-8")
        outside.write_text(wording.replace(" hold ", f" {_marker(secret)} "), encoding="utf-8")
    else:
        outside.write_text(secret.read_text(encoding="utf-8"), encoding="utf-8")
    (user / link).symlink_to(outside)
    with contextlib.suppress(TemplateError):
        html = drafter.render(_release(), "html", templates=user)
        assert _marker(secret).encode() not in html


# --- user templates: sandboxed, and used -----------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ release.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ '{0.__class__}'.format(release) }}",
        "{% set x = release.body.append(1) %}{{ x }}",
        "{% set x = release.__setattr__('issuer', 'x') %}",
        "{% include '/etc/passwd' %}",
        "{% include '../../../../../../etc/passwd' %}",
        "{% import 'nothing.j2' as n %}",
        "{% if %}",
        "{{ no_such_variable }}",
        # template code that fails in Python, not in Jinja, is a template error too
        "{{ range(10**9) | list }}",
        "{{ 1 // 0 }}",
        "{{ release.date + 1 }}",
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    ],
)
def test_user_template_runs_in_the_sandbox_and_fails_as_a_template_error(
    tmp_path: Path, source: str
) -> None:
    user = _user_folder(tmp_path)
    (user / "release.html.j2").write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError):
        drafter.render(_release(), "html", templates=user)


def test_user_wording_override_is_used(tmp_path: Path) -> None:
    user = _user_folder(tmp_path)
    wording = (packaged_templates() / "eu-press" / "wording.j2").read_text(encoding="utf-8")
    changed = wording.replace(" hold ", " meet for ").replace("P R E S S", "PRESS RELEASE")
    assert changed != wording
    (user / "wording.j2").write_text(changed, encoding="utf-8")
    release = _release()
    outputs = drafter.render_all(release, templates=user)
    for text in (_html_text(outputs["html"]), docx_text(outputs["docx"])):
        assert "The EU and Russia meet for human rights consultations" in text
        assert "PRESS RELEASE" in text
    assert "meet for human rights" in normalise(pdf_text(outputs["pdf"]))
    default = _html_text(drafter.render(release, "html"))
    assert "The EU and Russia hold human rights consultations" in default


def test_house_files_outside_the_user_folder_are_not_templates(tmp_path: Path) -> None:
    """`templates=` names a folder; a file inside it cannot climb out with `..`."""
    user = _user_folder(tmp_path)
    (tmp_path / "stolen.j2").write_text("STOLEN", encoding="utf-8")
    (user / "release.html.j2").write_text("{% include '../stolen.j2' %}", encoding="utf-8")
    with pytest.raises(TemplateError):
        drafter.render(_release(), "html", templates=user)
