"""Linked language versions: each HTML page names its other languages (hreflang), and the
Atom feed lists every language of each release, links to itself, says its language, and
keeps its id when the archive folder is renamed."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

from clirun import EXAMPLES, R14, R15, R16, Cap, archive, run
from textutil import REFERENCE_YAML

import drafter
from drafter.feed import atom_feed

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STEM = "2012-07-24_A-350-12"
EXPECTED = {
    "en": f"{STEM}.html",
    "fr": f"{STEM}_FR.html",
    "de": f"{STEM}_DE.html",
    "bg": f"{STEM}_BG.html",
}


class _Alternates(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "alternate" and values.get("hreflang"):
            self.found[str(values["hreflang"])] = str(values.get("href"))


def test_every_language_version_links_every_language() -> None:
    release = drafter.load_release(REFERENCE_YAML)
    assert release.languages == ("en", "fr", "de", "bg")
    for code in release.languages:
        html = drafter.render(release, "html", language=code).decode()
        assert _Alternates(html).found == EXPECTED, code


def test_a_release_in_one_language_has_no_language_links() -> None:
    release = drafter.load_release(EXAMPLES / R16)
    assert len(release.languages) == 1
    assert _Alternates(drafter.render(release, "html").decode()).found == {}


def test_the_links_point_at_the_files_written(tmp_path: Path) -> None:
    release = drafter.load_release(REFERENCE_YAML)
    written = drafter.write_release(release, tmp_path, ["html"], languages=release.languages)
    for path in written:
        for href in _Alternates(path.read_text(encoding="utf-8")).found.values():
            assert (path.parent / href).is_file(), href


def _feed(folder: Path, base_url: str = "https://example.org/press/") -> ET.Element:
    return ET.fromstring(atom_feed(folder, base_url))


def test_the_feed_links_itself_says_its_language_and_lists_every_language(tmp_path: Path) -> None:
    folder = archive(tmp_path / "archive", R14, R15, R16)
    root = _feed(folder)
    assert root.get(XML_LANG) == "en"
    selfs = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in selfs] == ["https://example.org/press/feed.xml"]
    assert selfs[0].get("type") == "application/atom+xml"
    (entry,) = [
        e for e in root.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}id", "").endswith(":A-350-12")
    ]
    assert entry.get(XML_LANG) == "en"
    links = {
        link.get("hreflang"): link.get("href")
        for link in entry.findall(f"{ATOM}link")
        if link.get("rel") == "alternate"
    }
    assert links == {code: f"https://example.org/press/{name}" for code, name in EXPECTED.items()}


def test_the_feed_id_stays_when_the_folder_is_renamed(tmp_path: Path) -> None:
    first = archive(tmp_path / "archive", R14, R15)
    before = _feed(first).findtext(f"{ATOM}id")
    tag = _feed(first, "").findtext(f"{ATOM}id")  # no base URL: a tag URI, not the address
    assert tag is not None and tag.startswith("tag:") and "archive" not in tag
    renamed = tmp_path / "press-2012"
    shutil.move(first, renamed)
    assert _feed(renamed).findtext(f"{ATOM}id") == before
    assert _feed(renamed, "").findtext(f"{ATOM}id") == tag
    moved = archive(tmp_path / "other", R14, R15)
    assert ET.fromstring(atom_feed(moved)).findtext(f"{ATOM}id") == ET.fromstring(
        atom_feed(renamed)
    ).findtext(f"{ATOM}id")


def test_the_self_link_names_the_feed_file_written(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "archive", R15)
    out = tmp_path / "news.atom"
    assert (
        run(capsys, "feed", str(folder), "--out", str(out), "--base-url", "https://e.org/p/")[0]
        == 0
    )
    root = ET.parse(out).getroot()
    (link,) = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert link.get("href") == "https://e.org/p/news.atom"
