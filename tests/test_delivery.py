"""Sending and publishing: the plain text, the e-mail, the diff of two drafts, the Atom feed."""

from __future__ import annotations

import email
import re
from datetime import datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from clirun import R14, R15, R16, TURKMENISTAN, Cap, archive, run
from edits import edit
from textutil import normalise, reference_blocks

import drafter
from drafter.diff import diff_releases, html_page
from drafter.writers.text import WIDTH

LINKED = (
    "  - date: 2011-11-29\n  - date: 2011-05-04",
    "  - date: 2011-11-29\n    url: https://www.eeas.europa.eu/a\n  - date: 2011-05-04",
)


def release(*changes: tuple[str, str]) -> drafter.Release:
    return drafter.load_release(edit(*changes))


# --- plain text ------------------------------------------------------------------------------


def test_the_text_is_wrapped_and_lists_its_links_at_the_end() -> None:
    text = drafter.render_all(release(LINKED), ["txt"])["txt"].decode()
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    assert lines[-2:] == ["[1] https://www.eeas.europa.eu/a", "[2] http://www.eeas.europa.eu"]
    assert "- 29 November 2011 [1]" in lines and "www.eeas.europa.eu [2]" in lines
    assert "Michael.Mann@eeas.europa.eu [" not in text  # an address shown as itself
    assert "P R E S S" not in text and "\nEN\n" not in text


def test_the_text_has_the_reference_words_in_reading_order() -> None:
    text = normalise(drafter.render_all(release(), ["txt"])["txt"].decode())
    paper_only = {"P R E S S", "EN"}
    blocks = [block for block in reference_blocks() if block not in paper_only]
    assert [block for block in blocks if block not in text] == []
    assert text.index("EUROPEAN UNION") < text.index("On 20 July") < text.index("FOR FURTHER")


# --- e-mail ----------------------------------------------------------------------------------


def _parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture(scope="module")
def eml() -> dict[str, bytes]:
    return drafter.render_all(release(("status: final", "status: draft")), ["eml", "txt", "html"])


def test_the_email_has_text_and_html_alternatives_and_the_pdf(eml: dict[str, bytes]) -> None:
    message = _parse(eml["eml"])
    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = list(message.iter_parts())
    assert alternative.get_content_type() == "multipart/alternative"
    text, html = list(alternative.iter_parts())
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert text.get_content().replace("\r\n", "\n") == eml["txt"].decode()
    assert html.get_content().replace("\r\n", "\n") == eml["html"].decode()
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "2012-07-24_A-350-12_DRAFT_EN.pdf"
    assert attachment.get_content().startswith(b"%PDF-")


def test_the_email_headers(eml: dict[str, bytes]) -> None:
    message = _parse(eml["eml"])
    assert message["Subject"] == "[DRAFT] The EU and Russia hold human rights consultations"
    assert message["From"] == "COMM-SPP-HRVP-ASHTON@ec.europa.eu"
    assert message["Date"].datetime == datetime.fromisoformat("2012-07-24T00:00:00+00:00")
    assert re.fullmatch(r"<[0-9a-f]{40}@drafter\.invalid>", message["Message-ID"])
    assert message["X-Unsent"] == "1" and message["Content-Language"] == "en"
    final = _parse(drafter.render(release(), "eml"))
    assert final["Subject"] == "The EU and Russia hold human rights consultations"
    assert final["Message-ID"] != message["Message-ID"]


def test_the_email_is_deterministic(eml: dict[str, bytes]) -> None:
    again = drafter.render(release(("status: final", "status: draft")), "eml")
    assert again == eml["eml"]


def test_drafter_new_writes_text_and_email_only_when_asked(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", R15)
    code, out, _ = run(capsys, "new", str(folder / R15), "--txt", "--eml", "--lang", "en")
    assert code == 0
    assert sorted(Path(line).name for line in out.split()) == [
        "2012-07-24_A-350-12.eml",
        "2012-07-24_A-350-12.txt",
    ]
    code, out, _ = run(
        capsys, "new", str(folder / R15), "--lang", "en", "--out", str(tmp_path / "b")
    )
    assert code == 0 and sorted(Path(line).suffix for line in out.split()) == [
        ".docx",
        ".html",
        ".pdf",
    ]


# --- diff ------------------------------------------------------------------------------------

NEXT_ROUND = (
    ("  round: 15", "  round: 16"),
    ("in an open atmosphere", "in a frank atmosphere"),
    (
        "  mailbox:",
        "    - name: Jane Doe\n      email: Jane.Doe@eeas.europa.eu\n  mailbox:",
    ),
    ("  - date: 2011-11-29", "  - date: 2012-01-10\n  - date: 2011-11-29"),
)


def test_the_diff_gives_the_changed_facts() -> None:
    changes = diff_releases(release(), release(*NEXT_ROUND))
    assert changes.facts == [
        "meeting.round: 15 -> 16",
        "contacts.people: added Jane Doe",
        "previous_rounds: added 2012-01-10",
    ]


def test_the_diff_gives_the_changed_words() -> None:
    changes = diff_releases(release(), release(*NEXT_ROUND))
    terminal = changes.terminal()
    assert "[-fifteenth-] {+sixteenth+}" in terminal
    assert "in [-an open-] {+a frank+} atmosphere" in terminal
    assert "\n  {+Jane Doe Jane.Doe@eeas.europa.eu+}\n" in terminal  # a whole new paragraph
    unchanged = "The EU raised a number of concerns"
    assert unchanged not in terminal  # only the changed paragraphs are shown
    same = diff_releases(release(), release())
    assert same.facts == [] and not same.text_changed
    assert same.terminal() == "Facts:\n  no change\nText:\n  no change\n"


def test_the_diff_page_marks_insertions_and_deletions_escaped() -> None:
    hostile = ("in an open atmosphere", "in an <b>open</b> & frank atmosphere")
    page = html_page(diff_releases(release(), release(hostile)), "a<.yaml", "b.yaml")
    assert "<del>" not in page.split("<h2>Text</h2>")[0]
    assert "<ins>&lt;b&gt;open&lt;/b&gt; &amp; frank</ins>" in page
    assert "<del>open</del>" in page
    assert "<title>Changes from a&lt;.yaml to b.yaml</title>" in page
    assert "<b>" not in page


def test_drafter_diff_writes_the_page_and_keeps_an_existing_one(
    tmp_path: Path, capsys: Cap
) -> None:
    folder = archive(tmp_path / "a", R15, R16)
    out = tmp_path / "changes.html"
    code, stdout, _ = run(capsys, "diff", str(folder / R15), str(folder / R16), "--html", str(out))
    assert code == 1 and "meeting.round: 15 -> 16" in stdout and str(out) in stdout  # differ
    assert "civil_society.meetings: added 2012-11-22" in stdout
    assert "<ins>sixteenth</ins>" in out.read_text(encoding="utf-8")
    code, _, err = run(capsys, "diff", str(folder / R15), str(folder / R16), "--html", str(out))
    assert code == 3 and "--force" in err


# --- the Atom feed ---------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _finals(folder: Path, *names: str) -> Path:
    """The named examples, all set to final (the invented ones are drafts)."""
    archive(folder, *names)
    for name in names:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        if "status: final" not in text:
            path.write_text(text + "status: final\n", encoding="utf-8")
    return folder


def test_the_feed_is_valid_atom_newest_first(tmp_path: Path, capsys: Cap) -> None:
    folder = _finals(tmp_path / "a", R14, R15, R16)
    archive(folder, TURKMENISTAN)  # a draft: not in the feed
    code, out, _ = run(capsys, "feed", str(folder), "--base-url", "https://example.org/press/")
    assert code == 0 and out.strip() == str(folder / "feed.xml")
    root = ET.parse(folder / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1 and root.findtext(f"{ATOM}{name}")
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "European Union"
    assert RFC3339.fullmatch(root.findtext(f"{ATOM}updated") or "")
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}updated") for entry in entries] == [
        "2012-12-06T00:00:00Z",
        "2012-07-24T00:00:00Z",
        "2011-12-01T00:00:00Z",
    ]
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == 3 and ids[1] == "tag:www.eeas.europa.eu,2012-07-24:A-350-12"
    for entry in entries:
        assert entry.findtext(f"{ATOM}title") == "The EU and Russia hold human rights consultations"
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("rel") == "alternate"
        assert re.fullmatch(
            r"https://example\.org/press/\d{4}-\d\d-\d\d_A-\d+-\d\d\.html", link.get("href", "")
        )
        assert (entry.findtext(f"{ATOM}summary") or "").startswith("On ")
    assert root.findtext(f"{ATOM}updated") == "2012-12-06T00:00:00Z"


def test_an_embargoed_release_is_updated_at_its_embargo(tmp_path: Path) -> None:
    folder = _finals(tmp_path / "a", R15)
    path = folder / R15
    path.write_text(path.read_text() + "embargo: 2012-07-24 12:00\n")
    from drafter.feed import atom_feed

    root = ET.fromstring(atom_feed(folder))
    assert root.findtext(f"{ATOM}entry/{ATOM}updated") == "2012-07-24T10:00:00Z"  # 12:00 CEST
    assert atom_feed(folder) == atom_feed(folder)


def test_a_folder_without_a_final_release_has_no_feed(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", TURKMENISTAN)
    code, _, err = run(capsys, "feed", str(folder))
    assert code == 1 and "no final release" in err
    assert not (folder / "feed.xml").exists()


def test_the_email_attaches_the_pdf_variant_asked_for() -> None:
    import io

    import pikepdf

    data = drafter.render_all(release(), ["eml"], pdf_variant="pdf/a-3b")["eml"]
    attachment = list(_parse(data).iter_parts())[1]
    with pikepdf.open(io.BytesIO(attachment.get_content())) as pdf:
        assert pdf.open_metadata().pdfa_status == "3B"


def test_the_reference_round_from_draft_to_sent_and_published(tmp_path: Path, capsys: Cap) -> None:
    """The issue's "done when": draft, check, see the changes, approve with an embargo, send."""
    folder = archive(tmp_path / "archive", R15)
    first = tmp_path / "first-draft.yaml"
    first.write_text(edit(("status: final", "status: draft")), encoding="utf-8")
    code, out, _ = run(
        capsys, "new", str(first), "--pdf", "--lang", "en", "--out", str(tmp_path / "drafts")
    )
    assert code == 0 and out.strip().endswith("2012-07-24_A-350-12_DRAFT.pdf")
    assert run(capsys, "check", str(first))[0] == 0

    approved = folder / R15  # the officer's edit, approved and embargoed
    approved.write_text(
        edit(("in an open atmosphere", "in a frank atmosphere")) + "embargo: 2012-07-24 12:00\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "diff", str(first), str(approved))
    assert code == 1 and "status: draft -> final" in out and "embargo: (none) -> 2012-07-24" in out
    assert "[-an open-] {+a frank+}" in out

    code, out, _ = run(capsys, "new", str(approved), "--html", "--eml", "--txt", "--lang", "en")
    assert code == 0
    assert sorted(Path(line).name for line in out.split()) == [
        "2012-07-24_A-350-12.eml",
        "2012-07-24_A-350-12.html",
        "2012-07-24_A-350-12.txt",
    ]
    message = _parse((folder / "2012-07-24_A-350-12.eml").read_bytes())
    assert message["Subject"] == (
        "[EMBARGO: not for publication before 24 July 2012, 12:00 CEST] "
        "The EU and Russia hold human rights consultations"
    )
    body = next(message.iter_parts()).get_body(("plain",))
    assert body is not None
    assert "EMBARGO: not for publication before 24 July 2012, 12:00 CEST" in body.get_content()

    assert run(capsys, "feed", str(folder))[0] == 0
    root = ET.parse(folder / "feed.xml").getroot()
    assert root.findtext(f"{ATOM}entry/{ATOM}updated") == "2012-07-24T10:00:00Z"
