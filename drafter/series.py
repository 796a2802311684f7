"""The archive: a folder of release files, grouped into series and checked as a whole.

A series is the rounds of one kind of talks with one counterpart (the EU-Russia human
rights consultations, say). The checks: round numbers follow on, dates increase, no two
releases of the archive share a reference, and each release's previous-round links
point at the rounds the archive holds before it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from drafter.contacts_book import resolve_contacts
from drafter.errors import DrafterError, InputError, Problem
from drafter.frames import holds_compound
from drafter.loading import read_source, release_files, validate_release
from drafter.schema import Reference, Release
from drafter.source import FieldPath, Source, dotted

__all__ = [
    "Archive",
    "Entry",
    "FileProblem",
    "Series",
    "SeriesError",
    "check_archive",
    "read_archive",
    "release_title",
    "series_key",
]


@dataclass(frozen=True)
class FileProblem:
    """A problem of one file of the archive."""

    path: Path
    problem: Problem

    def __str__(self) -> str:
        return self.problem.located(str(self.path))


def series_key(release: Release) -> tuple[str, ...]:
    """What makes a series: the two parties and the name of the talks, in any case."""
    parts = (release.eu.compound_name, release.counterpart.compound_name, release.meeting.name)
    return tuple(part.casefold() for part in parts)


@dataclass(frozen=True)
class Entry:
    """One valid release of the archive, with the positions of its fields."""

    path: Path
    release: Release
    source: Source

    @property
    def key(self) -> tuple[str, ...]:
        """The series the release belongs to (see `series_key`)."""
        return series_key(self.release)

    def problem(self, loc: FieldPath, message: str) -> FileProblem:
        """A problem of this file at the field `loc`, with the field's line."""
        position = self.source.position(loc)
        line, column = position if position else (None, None)
        return FileProblem(self.path, Problem(message, dotted(loc), line, column))

    def describe(self) -> str:
        """The round as other messages name it: `round 15 of 2012-07-20 (FILE)`."""
        meeting = self.release.meeting
        number = f"round {meeting.round} of " if meeting.round else "the round of "
        return f"{number}{meeting.date} ({self.path.name})"


@dataclass(frozen=True)
class Series:
    """The releases of one series, in the order the talks were held."""

    name: str
    entries: tuple[Entry, ...]


@dataclass
class Archive:
    """The release files of a folder: the valid ones, and the problems of the others."""

    folder: Path
    entries: list[Entry] = field(default_factory=list)
    unreadable: list[FileProblem] = field(default_factory=list)
    other_references: list[Reference] = field(default_factory=list)
    """References read from files that are not (yet) valid releases, such as drafts."""

    def series(self) -> list[Series]:
        """The series of the archive, each in date order, the series by their first round."""
        groups: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        for entry in self.entries:
            groups[entry.key].append(entry)
        found = [
            Series(_series_name(group), tuple(sorted(group, key=_order)))
            for group in groups.values()
        ]
        return sorted(found, key=lambda s: (s.entries[0].release.meeting.date, s.name))

    def references(self) -> list[Reference]:
        """Every reference found in the archive's files, valid or not."""
        valid = [entry.release.reference for entry in self.entries if entry.release.reference]
        return valid + self.other_references

    def listing(self) -> str:
        """The rounds of each series: date of the talks, round, reference, title and file."""
        lines: list[str] = []
        for series in self.series():
            count = len(series.entries)
            lines.append(f"{series.name}: {count} round{'s' if count != 1 else ''}")
            lines += [_listing_line(entry) for entry in series.entries]
        return "\n".join(lines)


def _order(entry: Entry) -> tuple[date, int]:
    return entry.release.meeting.date, entry.release.meeting.round or 0


def _series_name(entries: list[Entry]) -> str:
    r = entries[0].release
    eu, counterpart = r.eu.compound_name, r.counterpart.compound_name
    if holds_compound(r.meeting.name, eu, counterpart):  # "EU-China Human Rights Dialogue"
        return r.meeting.name
    return f"{eu}-{counterpart} {r.meeting.name}"


def _listing_line(entry: Entry) -> str:
    r = entry.release
    round_ = str(r.meeting.round) if r.meeting.round else "-"
    reference = str(r.reference) if r.reference else "-"
    return (
        f"  {r.meeting.date}  {round_:>3}  {reference:<10}  {release_title(r)}  ({entry.path.name})"
    )


def release_title(release: Release) -> str:
    """The release's title as the house prints it (its own, or the generated one)."""
    from drafter.rendering import rendered_blocks
    from drafter.structure import class_text

    return release.title or class_text(rendered_blocks(release), "title") or ""


class SeriesError(InputError):
    """The archive's checks failed; lists every problem with its file, field and line."""

    def __init__(self, problems: list[FileProblem], folder: Path) -> None:
        self.file_problems = list(problems)
        super().__init__([found.problem for found in problems], str(folder))

    def _describe(self) -> str:
        count = len(self.file_problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.source}: {count} {noun} found in the archive."]
        return "\n".join([*lines, *(str(found) for found in self.file_problems)])


def read_archive(folder: str | Path) -> Archive:
    """Every release file of `folder`, read and validated; problems kept, not raised."""
    archive = Archive(Path(folder))
    if not archive.folder.is_dir():
        message = f"{folder} is not a folder; give the folder that holds the release files"
        raise InputError([Problem(message)])
    for path in release_files(archive.folder):
        _read_into(archive, path)
    return archive


def _read_into(archive: Archive, path: Path) -> None:
    source: Source | None = None
    try:
        source = read_source(path)
        resolve_contacts(source, path)
        archive.entries.append(Entry(path, validate_release(source), source))
    except InputError as exc:
        archive.unreadable += [FileProblem(path, problem) for problem in exc.problems]
        reference = _lenient_reference(source)
        if reference is not None:
            archive.other_references.append(reference)
    except DrafterError as exc:
        archive.unreadable.append(FileProblem(path, Problem(str(exc))))


def _lenient_reference(source: Source | None) -> Reference | None:
    """The reference of a file that is not a valid release, if it has a readable one."""
    data = source.data if source else None
    if not isinstance(data, dict) or data.get("reference") is None:
        return None
    return Reference.parse_or_none(data["reference"])


def check_archive(archive: Archive) -> list[FileProblem]:
    """Every problem of the archive: unreadable files, then each check of each series."""
    problems = list(archive.unreadable)
    problems += _duplicate_references(archive.entries)
    for series in archive.series():
        problems += _round_problems(series)
        for entry in series.entries:
            problems += _link_problems(entry, series)
    return problems


def _duplicate_references(entries: list[Entry]) -> list[FileProblem]:
    """A problem for each release whose reference an earlier file of the archive has."""
    first: dict[str, Entry] = {}
    found: list[FileProblem] = []
    for entry in sorted(entries, key=lambda e: (e.release.date, e.path.name)):
        reference = str(entry.release.reference) if entry.release.reference else None
        if reference is None:
            continue
        if reference in first:
            other = first[reference].path.name
            message = f"{reference} is also the reference of {other}; each release has its own"
            found.append(entry.problem(("reference",), message))
        first.setdefault(reference, entry)
    return found


def _round_problems(series: Series) -> list[FileProblem]:
    """Round numbers that do not follow on, and dates that do not increase, in a series."""
    found: list[FileProblem] = []
    for before, entry in zip(series.entries, series.entries[1:], strict=False):
        found += _follows(before, entry)
    return found


def _follows(before: Entry, entry: Entry) -> list[FileProblem]:
    """The problems of `entry` as the round after `before` (by the dates of the talks)."""
    earlier, later = before.release, entry.release
    found: list[FileProblem] = []
    if later.meeting.date == earlier.meeting.date:
        message = f"is also the date of {before.describe()}; two rounds cannot be on one day"
        found.append(entry.problem(("meeting", "date"), message))
    elif later.date < earlier.date:
        message = (
            f"is before the release date of {before.describe()} ({earlier.date}), an earlier "
            "round: check both dates"
        )
        found.append(entry.problem(("date",), message))
    if earlier.meeting.round and later.meeting.round:
        wrong = _round_message(earlier.meeting.round, later.meeting.round, before)
        if wrong:
            found.append(entry.problem(("meeting", "round"), wrong))
    return found


def _round_message(earlier: int, later: int, before: Entry) -> str | None:
    """What is wrong with round `later` coming after round `earlier`, if anything."""
    if later == earlier + 1:
        return None
    if later == earlier:
        return f"round {later} is also {before.describe()}; check the round numbers"
    if later < earlier:
        return (
            f"round {later} comes after {before.describe()} by the dates of the talks; "
            "check the round numbers and the dates"
        )
    missing = (
        f"round {earlier + 1}" if later == earlier + 2 else f"rounds {earlier + 1}-{later - 1}"
    )
    return (
        f"round {later} follows {before.describe()}: {missing} is missing from the archive, "
        "or the number is wrong"
    )


def _link_problems(entry: Entry, series: Series) -> list[FileProblem]:
    """Previous-round links that the archive's earlier rounds of the series contradict."""
    links = entry.release.previous_rounds
    earlier = [e for e in series.entries if e.release.meeting.date < entry.release.meeting.date]
    if not links or not earlier:
        return []
    found: list[FileProblem] = []
    for index in range(len(links)):
        found += _link_target_problems(entry, index, earlier, series.entries[0])
    return found + _unlisted_rounds(entry, earlier)


def _link_target_problems(
    entry: Entry, index: int, earlier: list[Entry], first: Entry
) -> list[FileProblem]:
    """The problems of link `index` of `entry`: no such round, or another round's reference."""
    link = entry.release.previous_rounds[index]
    by_date = {e.release.meeting.date: e for e in earlier}
    by_reference = {str(e.release.reference): e for e in earlier if e.release.reference}
    target = by_date.get(link.date)
    reference = str(link.reference) if link.reference else None
    loc: FieldPath = ("previous_rounds", index)
    if target is not None:
        actual = target.release.reference
        if reference and actual and reference != str(actual):
            message = f"is not the reference of {target.describe()}: that release is {actual}"
            return [entry.problem((*loc, "reference"), message)]
        last = target.release.meeting.end_date
        if link.end_date and link.end_date != last:
            held = f"ended on {last}" if last else "was held on one day"
            message = f"does not match {target.describe()}: that round {held}"
            return [entry.problem((*loc, "end_date"), message)]
        return []
    if reference in by_reference:
        message = f"names {reference}, the release of {by_reference[reference].describe()}"
        return [entry.problem((*loc, "date"), f"{message}; check the date")]
    if link.date >= first.release.meeting.date:
        rounds = ", ".join(str(e.release.meeting.date) for e in reversed(earlier))
        message = (
            "no earlier round of the series in the archive was held on that day "
            f"(the archive's rounds: {rounds})"
        )
        return [entry.problem((*loc, "date"), f"{message}; check the date")]
    return []  # older than the archive: nothing to check it against


def _unlisted_rounds(entry: Entry, earlier: list[Entry]) -> list[FileProblem]:
    """The archive's rounds newer than the oldest link that the links leave out."""
    linked = {link.date for link in entry.release.previous_rounds}
    oldest = min(linked)
    missing = [
        e
        for e in earlier
        if e.release.meeting.date >= oldest and e.release.meeting.date not in linked
    ]
    return [
        entry.problem(
            ("previous_rounds",),
            f"does not list {e.describe()}; add `- date: {e.release.meeting.date}`",
        )
        for e in reversed(missing)
    ]
