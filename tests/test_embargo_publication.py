"""Nothing embargoed is published before its time (issue 18): the feed, the e-mail's subject."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy
from pathlib import Path
from xml.etree import ElementTree as ET

import lxml.html  # type: ignore[import-untyped]
import pytest
from clirun import R14, R15, Cap, archive, run
from edits import FULL_TEXT, edit

import drafter
from drafter.feed import ATOM, atom_feed

EMBARGO = "embargo: 2012-07-24 12:00\n"  # 10:00 UTC
TITLE = "The EU and Russia hold human rights consultations"


def _folder(tmp_path: Path, embargo: str = EMBARGO) -> Path:
    """An archive of two final rounds, the later one (A 350/12) embargoed."""
    folder = archive(tmp_path / "a", R14)
    (folder / R14).write_text((folder / R14).read_text("utf-8") + "status: final\n", "utf-8")
    (folder / R15).write_text(edit() + embargo, "utf-8")
    return folder


def _entries(feed: bytes) -> list[str]:
    root = ET.fromstring(feed)
    atom = f"{{{ATOM}}}"
    return [entry.findtext(f"{atom}id") or "" for entry in root.findall(f"{atom}entry")]


def test_the_feed_leaves_out_a_release_before_its_embargo(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _folder(tmp_path)
    before = datetime(2012, 7, 24, 9, 59, tzinfo=UTC)
    entries = _entries(atom_feed(folder, now=before))
    assert len(entries) == 1 and not any("A-350-12" in entry for entry in entries)
    assert R15 in caplog.text and "embargoed until 2012-07-24 12:00 CEST" in caplog.text
    at = datetime(2012, 7, 24, 10, 0, tzinfo=UTC)
    assert any("A-350-12" in entry for entry in _entries(atom_feed(folder, now=at)))


def test_the_feed_lists_an_embargoed_release_when_asked(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    before = datetime(2012, 7, 24, 9, 0, tzinfo=UTC)
    entries = _entries(atom_feed(folder, now=before, include_embargoed=True))
    assert any("A-350-12" in entry for entry in entries)


def _future(tmp_path: Path) -> Path:
    """A folder whose only final release is embargoed until 2049."""
    folder = tmp_path / "future"
    folder.mkdir()
    text = edit(
        ("date: 2012-07-24", "date: 2049-07-24"), ("reference: A 350/12", "reference: A 1/49")
    )
    (folder / "future.yaml").write_text(text + "embargo: 2049-07-24 12:00\n", "utf-8")
    return folder


def test_the_feed_command_refuses_to_publish_only_embargoed_releases(
    tmp_path: Path, capsys: Cap
) -> None:
    folder = _future(tmp_path)
    code, _, err = run(capsys, "feed", str(folder))
    assert code == 1 and "embargo" in err and "--include-embargoed" in err
    assert not (folder / "feed.xml").exists()
    code, _, err = run(capsys, "feed", str(folder), "--include-embargoed")
    assert code == 0, err
    assert _entries((folder / "feed.xml").read_bytes())


def _subject(data: bytes) -> str:
    return str(email.message_from_bytes(data, policy=policy.default)["Subject"])


def test_the_email_subject_of_an_embargoed_release_says_embargo() -> None:
    release = drafter.load_release(edit() + EMBARGO)
    subject = _subject(drafter.render(release, "eml"))
    assert subject == f"[EMBARGO: not for publication before 24 July 2012, 12:00 CEST] {TITLE}"


def test_a_draft_under_embargo_carries_both_marks_in_its_language() -> None:
    text = edit(("status: final", "status: draft"), text=FULL_TEXT) + EMBARGO
    release = drafter.load_release(text)
    assert _subject(drafter.render(release, "eml")).startswith("[DRAFT] [EMBARGO: ")
    french = _subject(drafter.render(release, "eml", language="fr"))
    assert french.startswith("[PROJET] [EMBARGO") and "24 juillet 2012" in french


def test_without_embargo_the_subject_is_the_title() -> None:
    assert _subject(drafter.render(drafter.load_release(edit()), "eml")) == TITLE


# --- the HTML page, meant for the web --------------------------------------------------------


def _head(html: bytes) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html).find("head")


@pytest.mark.parametrize("house", ["eu-press", "eeas-web"])
def test_the_page_of_an_embargoed_release_says_so_and_is_not_indexed(house: str) -> None:
    changes = [] if house == "eu-press" else [("reference: A 350/12", "identifier: 120724_01")]
    release = drafter.load_release(edit(*changes) + EMBARGO)
    head = _head(drafter.render(release, "html", house=house))
    title = head.findtext("title") or ""
    assert title.startswith("[EMBARGO: not for publication before 24 July 2012, 12:00 CEST] ")
    meta = {m.get("name"): m.get("content") for m in head.iter("meta")}
    assert meta["robots"] == "noindex, noarchive"
    assert meta["drafter-embargo"] == "2012-07-24T10:00:00Z"


def test_the_page_of_a_release_without_embargo_is_as_before() -> None:
    head = _head(drafter.render(drafter.load_release(edit()), "html"))
    assert head.findtext("title") == TITLE
    assert not [m for m in head.iter("meta") if m.get("name") in ("robots", "drafter-embargo")]
