"""What the commands print for pipelines: several files at once, and JSON.

`drafter validate` and `drafter check` take several files (as pre-commit passes them) and
go through every one before they exit; `--json` on validate, check, series and diff prints
one JSON document on standard output. Problems are `file:line:col: field: message` in text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.errors import InputError

if TYPE_CHECKING:
    from drafter.diff import ReleaseDiff
    from drafter.series import Archive, FileProblem
    from drafter.style_check import Finding

__all__ = ["check_files", "diff_json", "dumps", "series_json", "validate_files"]


def dumps(data: object) -> str:
    """JSON as drafter prints it: indented, non-ASCII kept."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def validate_files(files: Sequence[Path], house: str | None, *, as_json: bool) -> int:
    """Validate each file; print each verdict (or one JSON list); the exit status."""
    from drafter import console

    if len(files) == 1 and not as_json:
        console.validate_file(files[0], house)  # an invalid file raises, as it always has
        return 0
    from drafter.loading import load_release

    verdicts: list[dict[str, Any]] = []
    status = 0
    for file in files:
        try:
            if as_json:
                load_release(file, house=house)
            else:
                console.validate_file(file, house)
            problems: list[dict[str, object]] = []
        except InputError as exc:
            if not as_json:
                _say(str(exc))
            problems = [problem.as_dict() for problem in exc.problems]
            status = status or exc.exit_code
        verdicts.append({"file": str(file), "valid": not problems, "problems": problems})
    if as_json:
        print(dumps(verdicts))
    return status


def check_files(files: Sequence[Path], *, as_json: bool) -> int:
    """`drafter check` of each file: findings as `file:line: ...` or JSON; the exit status."""
    from drafter.project import find_project
    from drafter.style_check import check_file, summary

    found: list[dict[str, Any]] = []
    status = 0
    for file in files:
        try:
            findings = check_file(file)[1]
        except InputError as exc:  # not a valid release: said, and the next file checked
            if len(files) == 1:
                raise
            _say(str(exc))
            status = status or exc.exit_code
            continue
        if any(finding.level == "error" for finding in findings):
            status = 1
        if as_json:
            extra = {"file": str(file)} if len(files) > 1 else {}
            found += [{**finding.as_dict(), **extra} for finding in findings]
            continue
        if (project := find_project(file)) is not None:
            print(f"{file}: settings: {project.path}")
        for finding in findings:
            print(_located(file, finding))
        print(f"{file}: {summary(findings)}")
    if as_json:
        print(dumps(found))
    return status


def _located(file: Path, finding: Finding) -> str:
    """A finding as `file:line: level [rule] field: message; suggestion`."""
    if not finding.line:
        return f"{file}: {finding}"
    hint = f"; {finding.suggestion}" if finding.suggestion else ""
    what = f"{finding.field}: {finding.message}" if finding.field else finding.message
    return f"{file}:{finding.line}: {finding.level} [{finding.rule}] {what}{hint}"


def diff_json(changes: ReleaseDiff) -> str:
    """The changes as JSON: whether anything changed, the facts, and the runs of words."""
    return dumps(
        {
            "changed": changes.changed,
            "facts": changes.facts,
            "words": [{"kind": piece.kind, "text": piece.text} for piece in changes.pieces],
        }
    )


def series_json(archive: Archive, problems: Sequence[FileProblem]) -> str:
    """The archive's series with their rounds, and its problems, as JSON."""
    from drafter.series import release_title

    series = [
        {
            "name": found.name,
            "rounds": [
                {
                    "round": entry.release.meeting.round,
                    "date": entry.release.meeting.date.isoformat(),
                    "reference": str(entry.release.reference) if entry.release.reference else None,
                    "identifier": entry.release.identifier,
                    "title": release_title(entry.release),
                    "file": entry.path.name,
                }
                for entry in found.entries
            ],
        }
        for found in archive.series()
    ]
    listed = [found.problem.as_dict(str(found.path)) for found in problems]
    return dumps({"series": series, "problems": listed})


def _say(message: str) -> None:
    """An error message on standard error, as the command's handler writes one."""
    from drafter.terminal import shown

    sys.stderr.write(f"drafter: {shown(message)}\n")
