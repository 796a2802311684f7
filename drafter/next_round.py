"""The draft of a series' next round, made from the file of the round before.

The numbers and links are derived: the round is one more, the round before goes on top of
the previous-round links (as many links as before), and the reference is the next free
number of its year in the archive (the folder of the file). What only the officer knows
(dates, paragraphs, the next round's timing, the civil-society meetings) is left as a
`<<FILL IN: ...>>` placeholder, which validation refuses until it is filled in.

The file is edited with ruamel.yaml's round-trip mode, so its comments and key order stay
as they were; the release itself is read and validated as every release is (PyYAML).
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from drafter.allocation import counted_in, folder_lock, taken_references
from drafter.errors import InputError, OutputError, Problem, UsageError
from drafter.fields import placeholder
from drafter.loading import read_bytes, validate_release
from drafter.output import write_file
from drafter.roundtrip import flow, round_trip_yaml
from drafter.schema import FIRST_DAY, LAST_DAY, Reference, Release, timing_years
from drafter.series import Entry, read_archive, series_key
from drafter.source import decode, parse_yaml

__all__ = ["Draft", "default_path", "draft_next", "next_reference", "parse_day", "write_next"]

logger = logging.getLogger(__name__)

DATE = placeholder("the date of the release, YYYY-MM-DD")
MEETING_DATE = placeholder("the (first) day of the talks, YYYY-MM-DD")
# Houses that print them (eeas-web): the new release's own identifier and time of issue.
_OWN = {
    "identifier": placeholder("the release's identifier, in the house's form"),
    "time": placeholder("the time of the release, HH:MM"),
}
END_DATE = placeholder("the last day of the talks, YYYY-MM-DD; delete the line for one day")
OPENING = placeholder("the opening sentence; delete the line for the generated one")
BODY = placeholder("the paragraphs on the talks, one list item each")
PARTICIPANTS = placeholder("whom the EU met, such as representatives of NGOs")
PLACES = placeholder("where")
CIVIL_DATE = placeholder("the (first) day of the meeting, YYYY-MM-DD")
CIVIL_SENTENCE = placeholder("the civil-society paragraph")
TIMING = placeholder("when the next round should take place, such as autumn 2013")
NEXT_DATE = placeholder("the date of the next round, YYYY-MM-DD")
NEXT_PLACE = placeholder("where the next round should take place; or delete the line")
REMARK = placeholder("the text after the next-round sentence; or delete the line")
NEXT_SENTENCE = placeholder("the next-round paragraph")

_NEXT_ROUND = {
    "timing": TIMING,
    "date": NEXT_DATE,
    "place": NEXT_PLACE,
    "remark": REMARK,
    "sentence": NEXT_SENTENCE,
}
_BLOCK = (FoldedScalarString, LiteralScalarString)
_DATED_STEM = re.compile(r"[-_ ]?\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Draft:
    """The YAML text of the next round's draft, and what was derived for it."""

    text: str
    round: int
    reference: Reference | None


def draft_next(previous: str | Path, *, release_date: date | None = None) -> Draft:
    """The draft of the round after the one in the file `previous`.

    `release_date`, when known, is written in and fixes the reference's year; otherwise
    the year is the one the previous release gives for the next round, or its own.
    """
    path = Path(previous)
    text = decode(read_bytes(path), str(path))
    source = parse_yaml(text, str(path))
    release = validate_release(source)
    round_ = _next_number(release, source.position(("meeting", "round")), str(path))
    archive = read_archive(path.parent)
    _warn_if_drafted(archive.entries, release, round_)
    year = release_date.year if release_date else expected_year(release)
    series = release.reference.model_copy(update={"year": year}) if release.reference else None
    reference = next_reference(taken_references(archive, series), release.reference, year)
    yaml = round_trip_yaml()
    document = yaml.load(text)
    _edit(document, release, reference, release_date)
    stream = io.StringIO()
    yaml.dump(document, stream)
    return Draft(_header(path, release, reference) + stream.getvalue(), round_, reference)


def write_next(
    previous: str | Path,
    out: str | Path | None = None,
    *,
    force: bool = False,
    release_date: date | None = None,
) -> Path:
    """Write the next round's draft to `out` (default: beside `previous`); return its path.

    The draft is never written over `previous`. When it is written into the archive folder
    (the folder of `previous`), the folder is locked from the scan for the next free
    reference until the draft is written, so runs at once hand out distinct references.
    """
    source = Path(previous)
    if out is not None:
        _refuse_own_source(Path(out), source)
    in_archive = out is None or counted_in(source.parent, Path(out))
    with folder_lock(source.parent) if in_archive else contextlib.nullcontext():
        draft = draft_next(source, release_date=release_date)
        target = Path(out) if out is not None else default_path(source, draft.round)
        _refuse_own_source(target, source)
        write_file(target, draft.text.encode("utf-8"), force)
    if not in_archive and draft.reference is not None:
        logger.warning(
            "%s is not in %s: its reference %s is taken only once the draft is in that folder",
            target,
            source.parent,
            draft.reference,
        )
    logger.info("wrote %s", target)
    return target


def _refuse_own_source(target: Path, source: Path) -> None:
    """Refuse to write the draft over the file it is made from (OutputError)."""
    if _same_file(target, source):
        raise OutputError(
            f"{target} is the file the draft is made from ({source}); write the draft to "
            "another file (--out NEW.yaml)"
        )


def _same_file(one: Path, other: Path) -> bool:
    """Whether the two paths name one file (by its path, or as links of one file)."""
    try:
        return one.resolve() == other.resolve() or (one.exists() and one.samefile(other))
    except OSError:
        return False


def parse_day(text: str) -> date:
    """The date given as `--date`: YYYY-MM-DD within the schema's years, or a UsageError."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            day = date.fromisoformat(text.strip())
            if not FIRST_DAY <= day <= LAST_DAY:
                raise UsageError(
                    f'--date "{text}" is out of range: a release is dated from '
                    f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}; check the year"
                )
            return day
    except ValueError:
        pass
    raise UsageError(f'--date "{text}" is not a date; write it as YYYY-MM-DD, such as 2013-03-14')


def default_path(previous: Path, round_: int) -> Path:
    """`eu-russia-round-16.yaml` beside `eu-russia-2012-07-24.yaml`."""
    stem = _DATED_STEM.sub("", previous.stem) or "release"
    return previous.with_name(f"{stem}-round-{round_}.yaml")


def expected_year(release: Release) -> int:
    """The year the next release is expected in: the next round's, as far as it is known."""
    next_round = release.next_round
    years = [release.date.year]
    if next_round and next_round.date:
        years.append(next_round.date.year)
    if next_round and next_round.timing:
        years += timing_years(next_round.timing)
    if next_round and next_round.when:
        years.append(next_round.when.year)
    return max(years)


def next_reference(
    taken: list[Reference], previous: Reference | None, year: int
) -> Reference | None:
    """The next free number of `year` in the series letters of `previous`; None without one."""
    if previous is None:
        return None
    numbers = [r.number for r in taken if r.series == previous.series and r.year == year]
    return Reference(series=previous.series, number=max(numbers, default=0) + 1, year=year)


def _next_number(release: Release, position: tuple[int, int] | None, name: str) -> int:
    if release.meeting.round is None:
        line = position[0] if position else None
        message = "has no round number, so there is no next one to draft; add `round:`"
        raise InputError([Problem(message, "meeting.round", line)], name)
    return release.meeting.round + 1


def _warn_if_drafted(entries: list[Entry], release: Release, round_: int) -> None:
    """Log a warning when the archive already holds the round about to be drafted."""
    key = series_key(release)
    for entry in entries:
        if entry.key == key and entry.release.meeting.round == round_:
            logger.warning("the archive already holds round %d: %s", round_, entry.path)


def _header(path: Path, release: Release, reference: Reference | None) -> str:
    """The comment on top of the draft: where it came from and what to do with it."""
    lines = [f"# Drafted by `drafter next` from {path.name} (round {release.meeting.round})."]
    if reference is not None:
        lines.append(f"# {reference}: the next free reference of {reference.year} in this folder.")
    lines.append("# Fill in every <<FILL IN: ...>> below; `drafter validate` lists those left.")
    return "".join(f"{line}\n" for line in lines)


def _edit(
    document: CommentedMap, release: Release, reference: Reference | None, day: date | None
) -> None:
    """The previous round's file made into the next round's draft, in place."""
    document["date"] = day or DATE
    for key, value in _OWN.items():
        if document.get(key) is not None:
            document[key] = value
    if reference is not None:
        _set_reference(document, reference)
    _edit_meeting(document["meeting"], (release.meeting.round or 0) + 1)
    if isinstance(document.get("body"), CommentedSeq):
        _replace_items(document["body"], [BODY])
    _edit_section(document, "civil_society", _edit_civil_society)
    _edit_section(document, "next_round", _edit_next_round)
    _edit_section(document, "opening", _edit_opening)
    if document.get("opening") == {}:
        document.pop("opening")
    _add_previous_round(document, release)
    _drop_translations(document)  # the new round's text is translated anew
    if document.get("status") == "final":  # the new round is a draft until approved
        document["status"] = "draft"
    document.pop("embargo", None)


def _drop_translations(document: CommentedMap) -> None:
    """Remove the translations, and the comment lines written above them."""
    keys = list(document)
    if "translations" not in keys:
        return
    at = keys.index("translations")
    if at:  # the lines above a key are kept after what comes before it
        before = document[keys[at - 1]]
        nested = isinstance(before, _Collection) and before and not before.fa.flow_style()
        found = _tail_slot(before) if nested else (document, keys[at - 1], 2)
        comments = found[0].ca.items.get(found[1]) if found else None
        if found and comments and isinstance(comments[found[2]], CommentToken):
            first, newline, _ = comments[found[2]].value.partition("\n")
            comments[found[2]].value = first + newline  # the line's own comment stays
    document.pop("translations")


def _set_reference(document: CommentedMap, reference: Reference) -> None:
    written = document.get("reference")
    if isinstance(written, CommentedMap):
        written["number"] = reference.number
        written["year"] = reference.year
    else:
        document["reference"] = str(reference)


def _edit_meeting(meeting: CommentedMap, round_: int) -> None:
    meeting["round"] = round_
    meeting["date"] = MEETING_DATE
    for key, value in (("end_date", END_DATE), ("opening", OPENING)):
        if meeting.get(key) is not None:
            meeting[key] = value


def _edit_section(document: CommentedMap, key: str, edit: Callable[[CommentedMap], None]) -> None:
    section = document.get(key)
    if isinstance(section, CommentedMap):
        edit(section)


def _edit_civil_society(section: CommentedMap) -> None:
    if isinstance(section.get("meetings"), CommentedSeq) and section["meetings"]:
        meeting = CommentedMap(participants=PARTICIPANTS, date=CIVIL_DATE)
        meeting.insert(1, "places", flow([PLACES]))
        _replace_items(section["meetings"], [meeting])
    if section.get("sentence") is not None:
        section["sentence"] = CIVIL_SENTENCE


_THIS_ROUND_ONLY = ("relative", "two_days", "continues")
"""The opening's facts of one round's days and words: not carried into the next draft."""


def _edit_opening(section: CommentedMap) -> None:
    for key in _THIS_ROUND_ONLY:
        section.pop(key, None)


def _edit_next_round(section: CommentedMap) -> None:
    if "when" in section:  # the last round's facts of its next round: asked again, in words
        position = list(section).index("when")
        del section["when"]
        section.insert(position, "timing", TIMING)
    for key, value in _NEXT_ROUND.items():
        if section.get(key) is not None:
            section[key] = value


def _add_previous_round(document: CommentedMap, release: Release) -> None:
    """The round before on top of the previous-round links, keeping as many links as before."""
    entry = CommentedMap(date=release.meeting.date)
    if release.meeting.end_date:
        entry["end_date"] = release.meeting.end_date
    if release.reference:
        entry["reference"] = str(release.reference)
    links = document.get("previous_rounds")
    if not isinstance(links, CommentedSeq):
        document["previous_rounds"] = CommentedSeq([entry])
        document.yaml_set_comment_before_after_key("previous_rounds", before="\n")
        return
    keep = max(len(links), 1)
    _replace_items(links, [entry, *list(links)][:keep])


def _replace_items(seq: CommentedSeq, items: list[Any]) -> None:
    """Replace a list's items, keeping the comment or blank lines that follow the list."""
    tail = _pop_tail(seq)
    del seq[:]
    seq.extend(items)
    if tail is not None:
        _put_tail(seq, *tail)


_Collection = CommentedMap | CommentedSeq


def _tail_slot(node: object) -> tuple[_Collection, Any, int] | None:
    """Where the comment after a block collection is kept: (container, key, slot)."""
    if isinstance(node, CommentedMap) and node:
        key: Any = list(node)[-1]
        slot = 2
    elif isinstance(node, CommentedSeq) and node:
        key, slot = len(node) - 1, 0
    else:
        return None
    child = node[key]
    if isinstance(child, _Collection) and child and not child.fa.flow_style():
        return _tail_slot(child)
    return node, key, slot


def _pop_tail(node: object) -> tuple[CommentToken, bool] | None:
    """The comment token after a collection (removed), and whether it follows a block scalar."""
    found = _tail_slot(node)
    if found is None:
        return None
    container, key, slot = found
    comments = container.ca.items.get(key)
    if not comments or not isinstance(comments[slot], CommentToken):
        return None
    token: CommentToken = comments[slot]
    comments[slot] = None
    return token, isinstance(container[key], _BLOCK)


def _put_tail(node: object, token: CommentToken, after_block: bool) -> None:
    """Put a comment token after a collection, as the collection's new last item needs it."""
    found = _tail_slot(node)
    if found is None:
        return
    container, key, slot = found
    now_block = isinstance(container[key], _BLOCK)
    if after_block and not now_block:
        token.value = "\n" + token.value  # a flow scalar leaves its line open
    elif now_block and not after_block and token.value.startswith("\n"):
        token.value = token.value[1:]
    comments = container.ca.items.setdefault(key, [None, None, None, None])
    comments[slot] = token
