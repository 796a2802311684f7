"""`drafter build`'s face: its progress while it runs (a bar or a line a file), then a summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from rich.progress import Progress

    from drafter.batch import BuildReport, Outcome

__all__ = ["summary", "watched"]


def watched(run: Callable[..., BuildReport], stream: IO[str], *, quiet: bool) -> BuildReport:
    """The build `run`, its progress on `stream`: a bar on a terminal, lines otherwise."""
    if quiet:
        return run(watcher=None)
    if stream.isatty():
        return _with_bar(run, stream=stream)
    return run(watcher=_PlainLines(stream))


class _PlainLines:
    """One line per file as it is done: for logs and pipes, where a bar would be noise."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.total = 0
        self.count = 0

    def begin(self, total: int) -> None:
        self.total = total

    def done(self, outcome: Outcome) -> None:
        self.count += 1
        width = len(str(self.total))
        count = len(outcome.written)
        what = f"{count} file{'' if count == 1 else 's'}" if outcome.ok else "FAILED"
        self.stream.write(f"[{self.count:{width}}/{self.total}] {outcome.source.name}: {what}\n")
        self.stream.flush()


def _with_bar(run: Callable[..., BuildReport], *, stream: IO[str]) -> BuildReport:
    """The build `run` with a rich progress bar on `stream`."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=True,
    )

    try:
        return run(watcher=_Bar(bar))
    finally:
        bar.stop()


class _Bar:
    """Drives a rich progress bar: started once the workers are up, failures counted on it."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task = bar.add_task("building", total=None, failed="")
        self.failures = 0

    def begin(self, total: int) -> None:
        self.bar.update(self.task, total=total)
        self.bar.start()

    def done(self, outcome: Outcome) -> None:
        self.failures += not outcome.ok
        failed = f"{self.failures} failed" if self.failures else ""
        self.bar.update(self.task, advance=1, failed=failed)


def summary(
    report: BuildReport, folder: Path, out_dir: Path, out: IO[str], err: IO[str], quiet: bool
) -> None:
    """The build's summary: on `out` what was built, on `err` what failed and why."""
    total = len(report.outcomes)
    if total == 0:
        err.write(f"drafter: {folder} holds no release files (*.yaml); nothing to build\n")
        return
    built = total - len(report.failed)
    if not quiet:
        rate = built / report.seconds if report.seconds > 0 else 0.0
        jobs = "1 job" if report.jobs == 1 else f"{report.jobs} jobs"
        out.write(
            f"Built {built} of {total} releases ({len(report.written)} files in {out_dir}) "
            f"in {report.seconds:.1f} s: {rate:.1f} releases a second with {jobs}.\n"
        )
    if report.failed:
        count = len(report.failed)
        noun, them = ("release", "it") if count == 1 else ("releases", "them")
        err.write(f"drafter: {count} {noun} failed; nothing was written for {them}:\n")
        for outcome in report.failed:
            err.write(f"  {outcome.source}: {outcome.problem}\n")
