"""An Atom feed (RFC 4287) of the published releases of an archive folder.

Each final release of the folder is an entry: its id (a tag URI from the issuer's website
and the release's date and reference), title, updated (the release's date, or the embargo's
time), a link to the HTML file of each of its languages (`hreflang`), its language
(`xml:lang`) and a summary (the opening paragraph). Drafts are left out: a feed announces
what is published; so are releases whose embargo has not passed yet, unless asked for.
The feed links to itself (`rel="self"`) and says its language; its id is the feed's
address when a base URL is given, else a tag URI from the issuer's website, the year of
the archive's first release and the issuer, never the folder's name, so that renaming or
moving the folder does not make readers see a new feed. The feed is deterministic: same
folder and embargoes lifted, same bytes.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, time
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

from drafter.errors import InputError, Problem, UsageError
from drafter.provenance import utc_stamp
from drafter.publication import embargo_text
from drafter.schema import Release
from drafter.series import Entry, read_archive

__all__ = ["ATOM", "atom_feed", "write_feed"]

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
logger = logging.getLogger(__name__)


def atom_feed(
    folder: str | Path,
    base_url: str = "",
    *,
    include_embargoed: bool = False,
    now: datetime | None = None,
    name: str = "feed.xml",
) -> bytes:
    """The feed of the folder's final releases, newest first, as UTF-8 XML.

    Links point at each release's HTML files (`2012-07-24_A-350-12.html`, a translation's
    `..._FR.html`), relative to the feed unless `base_url` (an http(s) address, else a
    UsageError) is given; `name` is the feed's own file name, for its `self` link. A release
    whose embargo has not passed by `now` (default: the current time) is left out, unless
    `include_embargoed`.
    """
    if base_url:
        _check_base_url(base_url)
    archive = read_archive(folder)
    for problem in archive.unreadable:
        logger.warning("left out of the feed: %s", problem)
    entries = [entry for entry in archive.entries if entry.release.status == "final"]
    drafts = len(archive.entries) - len(entries)
    if drafts:
        logger.info("left out of the feed: %d draft(s)", drafts)
    if not include_embargoed:
        entries = _published(entries, now or datetime.now(UTC))
    if not entries:
        message = (
            f"{folder} holds no final release whose embargo has passed; a feed lists "
            "published releases (--include-embargoed lists embargoed ones too)"
        )
        raise InputError([Problem(message)])
    entries.sort(key=lambda entry: (_updated(entry.release), entry.path.name), reverse=True)
    _refuse_twins(entries)
    ET.register_namespace("", ATOM)
    feed = ET.Element(_tag("feed"))
    latest = entries[0].release
    feed.set(XML_LANG, latest.language)
    address = urljoin(base_url, name) if base_url else name
    _text(feed, "id", address if base_url else _feed_tag(entries))
    _text(feed, "title", f"{latest.issuer}: press releases")
    own = ET.SubElement(feed, _tag("link"))
    own.attrib.update({"rel": "self", "type": "application/atom+xml", "href": address})
    _text(feed, "updated", utc_stamp(_updated(latest)))
    _text(ET.SubElement(feed, _tag("author")), "name", latest.issuer)
    _text(feed, "generator", "drafter")
    for entry in entries:
        _entry(feed, entry, base_url)
    ET.indent(feed)
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True)) + b"\n"


def _published(entries: list[Entry], now: datetime) -> list[Entry]:
    """The entries whose embargo, if any, has passed by `now`; a warning for each other."""
    kept = []
    for entry in entries:
        embargo = entry.release.embargo
        if embargo is None or embargo <= now:
            kept.append(entry)
            continue
        day, at = embargo_text(embargo)
        logger.warning(
            "left out of the feed: %s, embargoed until %s %s (--include-embargoed lists it)",
            entry.path,
            day.isoformat(),
            at,
        )
    return kept


def _check_base_url(base_url: str) -> None:
    """Refuse a base URL that a release's own links could not be: http(s), a host, no user."""
    from pydantic import TypeAdapter, ValidationError

    from drafter.fields import WebUrl

    try:
        TypeAdapter(WebUrl).validate_python(base_url)
    except ValidationError as exc:
        reason = exc.errors()[0]["msg"].removeprefix("Value error, ")
        raise UsageError(f"the base URL {base_url!r} {reason}") from None


def _entry(feed: ET.Element, entry: Entry, base_url: str) -> None:
    from drafter.rendering import language_links
    from drafter.series import release_title

    release = entry.release
    element = ET.SubElement(feed, _tag("entry"))
    element.set(XML_LANG, release.language)
    specific = release.reference.slug if release.reference else release.file_stem
    _text(element, "id", f"tag:{_authority(release)},{release.date.isoformat()}:{specific}")
    _text(element, "title", release_title(release))
    _text(element, "updated", utc_stamp(_updated(release)))
    # as `drafter new` names them: the release's own language first, then its translations
    versions = language_links(release) or [(release.language, f"{release.file_stem}.html")]
    for code, href in versions:
        link = ET.SubElement(element, _tag("link"))
        link.attrib.update({"rel": "alternate", "type": "text/html", "hreflang": code})
        link.set("href", urljoin(base_url, href) if base_url else href)
    _text(element, "summary", _summary(release))


def _feed_tag(entries: list[Entry]) -> str:
    """The feed's id without a base URL: the issuer's site, its first year, the issuer."""
    first = min(entries, key=lambda entry: entry.release.date).release
    issuer = re.sub(r"[^a-z0-9]+", "-", first.issuer.casefold()).strip("-") or "issuer"
    return f"tag:{_authority(first)},{first.date.year}:{issuer}/press-releases"


def _refuse_twins(entries: list[Entry]) -> None:
    """Refuse two files of one release (same date and reference).

    Their entries would share an id and a link, which Atom forbids.
    """
    seen: dict[str, Path] = {}
    problems = []
    for entry in sorted(entries, key=lambda entry: entry.path.name):
        stem = entry.release.file_stem
        if stem in seen:
            message = (
                f"{entry.path.name} is the same release as {seen[stem].name} (same date and "
                "reference); a feed lists each release once: remove or renumber one"
            )
            problems.append(Problem(message, "reference"))
        seen.setdefault(stem, entry.path)
    if problems:
        raise InputError(problems)


def _summary(release: Release) -> str:
    from drafter.rendering import rendered_blocks

    body = [block for block in rendered_blocks(release) if "body-text" in block.classes]
    return body[0].text if body else ""


def _tag(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, _tag(name)).text = text


def _authority(release: Release) -> str:
    """The tag URI's authority: the host of the release's website, or drafter.invalid."""
    website = release.contacts.website if release.contacts else None
    return (urlsplit(website).hostname or "drafter.invalid") if website else "drafter.invalid"


def _updated(release: Release) -> datetime:
    """When the release is published: its embargo's time, or the start of its date (UTC)."""
    if release.embargo is not None:
        return release.embargo.astimezone(UTC)
    return datetime.combine(release.date, time(), tzinfo=UTC)


def write_feed(
    folder: str | Path,
    out: str | Path | None = None,
    *,
    base_url: str = "",
    force: bool = False,
    include_embargoed: bool = False,
) -> Path:
    """Write the folder's feed to `out` (default: `feed.xml` in the folder); return the path.

    Releases still under embargo are left out unless `include_embargoed`.
    """
    from drafter.output import write_file

    target = Path(out) if out is not None else Path(folder) / "feed.xml"
    feed = atom_feed(folder, base_url, include_embargoed=include_embargoed, name=target.name)
    write_file(target, feed, force)
    return target
