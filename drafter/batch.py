"""Building a folder of releases: every `*.yaml` file in it, by worker processes that stay warm.

The main process reads and validates each file (about a millisecond each), refuses two files
that would write the same outputs, and hands the valid releases to a pool of worker
processes. Each worker imports the writers once and keeps WeasyPrint's font configuration,
the parsed print stylesheet and the compiled templates for every document it renders, so
only the first document of each worker pays for setting them up. Outputs are written by
`drafter.write_release`: atomically, and never over an existing file unless `force`.

A file that fails does not stop the others. Its outcome carries the exit status that
`drafter new` would have given for it and its first problem; the build's status is the
smallest of them: 1 if any input was invalid, else 3 if an output could not be written,
else 4 if a limit was hit (70 for a bug in drafter).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from drafter import lifeline
from drafter.errors import EXIT_INTERNAL, DrafterError, InputError, UsageError
from drafter.loading import release_files

if TYPE_CHECKING:
    from drafter.house import House
    from drafter.schema import Release

__all__ = ["BuildReport", "Outcome", "build", "default_jobs", "run_build"]


@dataclass(frozen=True)
class Outcome:
    """What became of one release file: the paths written, or its status and first problem."""

    source: Path
    written: tuple[Path, ...] = ()
    status: int = 0
    problem: str = ""

    @property
    def ok(self) -> bool:
        """True when every format asked for was written."""
        return self.status == 0


@dataclass(frozen=True)
class BuildReport:
    """The outcome of every file of a build, in the folder's (sorted) order."""

    outcomes: tuple[Outcome, ...]
    seconds: float
    jobs: int

    @property
    def written(self) -> list[Path]:
        """Every path written."""
        return [path for outcome in self.outcomes for path in outcome.written]

    @property
    def failed(self) -> list[Outcome]:
        """The files that failed."""
        return [outcome for outcome in self.outcomes if not outcome.ok]

    @property
    def exit_status(self) -> int:
        """0 when all were written; otherwise the smallest status of the failures."""
        return min((outcome.status for outcome in self.failed), default=0)


def default_jobs() -> int:
    """One worker per CPU this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1  # pragma: no cover - not Linux


def _release_files(folder: str | Path) -> list[Path]:
    where = Path(folder)
    if not where.is_dir():
        what = "is not a folder" if where.exists() else "does not exist"
        raise UsageError(f"{where} {what}; give the folder that holds the release files")
    return release_files(where)


class _Job(Protocol):
    """Called after the pool has started, with the number of files; then once per outcome."""

    def begin(self, total: int) -> None: ...

    def done(self, outcome: Outcome) -> None: ...


def build(
    folder: str | Path,
    out_dir: str | Path | None = None,
    formats: Sequence[str] | None = None,
    *,
    jobs: int | None = None,
    force: bool = False,
    templates: str | Path | None = None,
    timeout: float | None = 120,
    watcher: _Job | None = None,
    house: str | Path | None = None,
    docx_template: str | Path | None = None,
) -> BuildReport:
    """Write every release of `folder` into `out_dir` (default: `folder`) in each format.

    With `jobs` above 1, the releases are rendered by that many worker processes (default:
    one per CPU; never more than there are CPUs, as more only share them, each with its
    own memory, nor more than there are files). Failures are reported in the outcomes,
    never raised; a missing folder or template folder raises UsageError before any work.
    `house` (a name or folder) is used for every file; by default each file's own house.
    `docx_template`: the office's Word template the Word files are made on.
    """
    from drafter.templating import DEFAULT_HOUSE, load_house
    from drafter.writers import FORMATS, writer

    chosen = list(formats or FORMATS)
    for fmt in chosen:
        writer(fmt)  # an unknown format is a UsageError now, not one failure per file
    load_house(templates, house or DEFAULT_HOUSE)  # a missing template folder or house too
    sources = _release_files(folder)
    out = Path(out_dir) if out_dir is not None else Path(folder)
    workers = max(1, min(jobs or default_jobs(), default_jobs(), len(sources)))
    template = Path(docx_template).resolve() if docx_template is not None else None
    task = _Task(out, tuple(chosen), force, templates, timeout, house, template)
    started = time.perf_counter()
    outcomes = (
        _build_here(sources, task, watcher)
        if workers == 1
        else _build_in_pool(sources, task, workers, watcher)
    )
    order = {source: index for index, source in enumerate(sources)}
    ordered = tuple(sorted(outcomes, key=lambda outcome: order[outcome.source]))
    return BuildReport(ordered, time.perf_counter() - started, workers)


@dataclass(frozen=True)
class _Task:
    """What every release of a build is rendered with (sent to the workers once per file)."""

    out: Path
    formats: tuple[str, ...]
    force: bool
    templates: str | Path | None
    timeout: float | None
    house: str | Path | None = None
    docx_template: Path | None = None


def _build_here(sources: list[Path], task: _Task, watcher: _Job | None) -> list[Outcome]:
    if watcher:
        watcher.begin(len(sources))
    claims: dict[str, Path] = {}
    outcomes: list[Outcome] = []
    for source in sources:
        prepared = _prepare(source, claims, task.house)
        outcome = prepared if isinstance(prepared, Outcome) else _render(source, prepared, task)
        _record(outcome, outcomes, watcher)
    return outcomes


def _build_in_pool(
    sources: list[Path], task: _Task, workers: int, watcher: _Job | None
) -> list[Outcome]:
    # Forked workers start at once with drafter already imported; elsewhere they are spawned.
    with lifeline.scratch() as folder:  # the workers' temporary files, removed at the end
        return _run_pool(sources, task, workers, watcher, folder)


def _run_pool(
    sources: list[Path], task: _Task, workers: int, watcher: _Job | None, folder: Path
) -> list[Outcome]:
    method = "fork" if sys.platform == "linux" else None
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(task.formats, task.templates, os.getpid(), folder),
    )
    outcomes: list[Outcome] = []
    try:
        # With fork, the first submit starts every worker: do it before the watcher starts
        # a thread of its own (a progress bar does), as forking beside threads is unsafe.
        pool.submit(os.getpid)
        if watcher:
            watcher.begin(len(sources))
        claims: dict[str, Path] = {}
        pending: dict[Future[Outcome], Path] = {}
        for source in sources:
            prepared = _prepare(source, claims, task.house)
            if isinstance(prepared, Outcome):
                _record(prepared, outcomes, watcher)
            else:
                pending[pool.submit(_render, source, prepared, task)] = source
        for future in as_completed(pending):
            source = pending[future]
            try:
                outcome = future.result()
            except BrokenProcessPool:
                outcome = Outcome(source, status=EXIT_INTERNAL, problem=_BROKEN)
            _record(outcome, outcomes, watcher)
    except BaseException:
        # Ctrl-C or SIGTERM: the workers ignore both and finish the document they are on
        # (each is written whole or not at all); the files not yet started are dropped.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return outcomes


_BROKEN = (
    "a worker process died while rendering (out of memory, or a crash in a library); "
    "this is a bug in drafter or the libraries: build this file alone with `drafter new`"
)


def _record(outcome: Outcome, outcomes: list[Outcome], watcher: _Job | None) -> None:
    outcomes.append(outcome)
    if watcher:
        watcher.done(outcome)


def _start_worker(
    formats: tuple[str, ...], templates: str | Path | None, parent: int, folder: Path
) -> None:
    """A worker's set-up: signals left to the main process, the writers imported once.

    The worker dies with the main process (even one killed with `kill -9`), and its
    temporary files go into a folder of its own inside `folder`, which the main process
    removes.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    lifeline.die_with_parent(parent)
    lifeline.use_folder(lifeline.worker_folder(folder))
    from drafter.templating import load_house
    from drafter.writers import writer

    for fmt in formats:
        writer(fmt)
    load_house(templates)


def _prepare(
    source: Path, claims: dict[str, Path], house: str | Path | None = None
) -> Release | Outcome:
    """The validated release, or the failed outcome of a file that is invalid or a clash."""
    from drafter.loading import load_release
    from drafter.rendering import output_stem

    try:
        release = load_release(source, house=house)
    except DrafterError as exc:
        return _failure(source, exc)
    except Exception as exc:  # a bug: reported for this file, the build goes on
        return _internal(source, exc)
    stems = [output_stem(release, code) for code in release.languages]
    for stem in stems:
        first = claims.get(stem, source)
        if first != source:
            problem = (
                f"would write the same files as {first.name} ({stem}.*): the two have the same "
                "date and reference (a file's own language keeps the plain name); correct the "
                "reference of one of them, or make one a translation of the other"
            )
            return Outcome(source, status=InputError.exit_code, problem=problem)
    claims.update(dict.fromkeys(stems, source))
    return release


def _render(source: Path, release: Release, task: _Task) -> Outcome:
    """Write one release (in a worker, or in the main process with one job)."""
    from drafter.rendering import write_release
    from drafter.writers.docx_template import office_house

    try:
        templates: str | Path | House | None = task.templates
        if task.docx_template is not None:
            templates = office_house(templates, task.house, release.house, task.docx_template)
        written = write_release(
            release,
            task.out,
            task.formats,
            force=task.force,
            templates=templates,
            timeout=task.timeout,
            house=task.house,
            languages=release.languages,
            source=source,
        )
    except DrafterError as exc:
        return _failure(source, exc)
    except Exception as exc:
        return _internal(source, exc)
    return Outcome(source, tuple(written))


def _failure(source: Path, exc: DrafterError) -> Outcome:
    if isinstance(exc, InputError) and exc.problems:
        problem = str(exc.problems[0])
        more = len(exc.problems) - 1
        if more:
            noun = "problem" if more == 1 else "problems"
            problem += f" (and {more} more {noun}: `drafter validate {source}` lists them all)"
    else:
        problem = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return Outcome(source, status=exc.exit_code, problem=problem)


def _internal(source: Path, exc: Exception) -> Outcome:
    problem = f"internal error ({type(exc).__name__}: {exc}); this is a bug in drafter"
    return Outcome(source, status=EXIT_INTERNAL, problem=problem)


# --- The command's face (its progress and summary: drafter.build_progress). ------------------


def run_build(
    folder: Path,
    out_dir: Path | None,
    formats: Iterable[str],
    *,
    jobs: int | None,
    force: bool,
    quiet: bool = False,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    house: str | Path | None = None,
    docx_template: str | Path | None = None,
) -> int:
    """`drafter build`: progress (a bar on a terminal, lines otherwise), a summary, a status."""
    from drafter.build_progress import summary, watched

    out, err = stdout or sys.stdout, stderr or sys.stderr
    chosen = list(formats)
    run = partial(
        build,
        folder,
        out_dir,
        chosen,
        jobs=jobs,
        force=force,
        house=house,
        docx_template=docx_template,
    )
    report = watched(run, err, quiet=quiet)
    summary(report, folder, out_dir or folder, out, err, quiet)
    return report.exit_status
