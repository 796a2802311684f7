"""The `drafter` commands on a folder of rounds: series, next, import, feed.

Registered on the app, in the order of `drafter --help`, by `drafter.cli`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from drafter.cli_options import FileArg, ForceOption, JsonOption, OutOption

__all__ = ["feed", "import_release", "next_round", "series"]


# --- the series: series, next, import (issue 6) ---
def series(
    folder: Annotated[Path, typer.Argument(help="A folder of release files.")],
    as_json: JsonOption = False,
) -> None:
    """List the rounds of each series in a folder, and check the series.

    Round numbers must follow on, dates increase, references be unique and previous-round
    links point at the earlier rounds of the folder; exits 1 on any problem.

    Example: drafter series examples/
    """
    from drafter.series import SeriesError, check_archive, read_archive

    archive = read_archive(folder)
    problems = check_archive(archive)
    if as_json:
        from drafter.reports import series_json

        typer.echo(series_json(archive, problems))
        raise typer.Exit(1 if problems else 0)
    typer.echo(archive.listing())
    if problems:
        raise SeriesError(problems, folder)


def next_round(
    file: FileArg,
    out: OutOption = None,
    force: ForceOption = False,
    day: Annotated[
        str | None, typer.Option("--date", help="The new release's date, if known: YYYY-MM-DD.")
    ] = None,
) -> None:
    """Write the draft of the next round: numbers and links derived, new facts to fill in.

    Example: drafter next examples/eu-russia-2012-07-24.yaml --out round-16.yaml
    """
    from drafter.next_round import parse_day, write_next

    release_date = parse_day(day) if day is not None else None
    typer.echo(str(write_next(file, out, force=force, release_date=release_date)))


def import_release(
    release: Annotated[Path, typer.Argument(help="A release's text, PDF, web page or Word file.")],
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Write the YAML of a published release's facts; warn of what is kept as text.

    Example: drafter import A-350-12.txt --out archive/eu-russia-2012-07-24.yaml
    """
    from drafter.importing import write_import

    path, imported = write_import(release, out, force=force)
    for warning in imported.warnings:
        logging.getLogger("drafter").warning("%s: %s", release, warning)
    typer.echo(str(path))


# --- from draft to publication: feed (issue 8) ---
def feed(
    folder: Annotated[Path, typer.Argument(help="A folder of release files (the archive).")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="The feed file [default: DIR/feed.xml].")
    ] = None,
    base_url: Annotated[
        str, typer.Option("--base-url", help="Where the HTML files are published.")
    ] = "",
    force: ForceOption = False,
    include_embargoed: Annotated[
        bool,
        typer.Option(
            "--include-embargoed", help="Also list releases whose embargo has not passed."
        ),
    ] = False,
) -> None:
    """Write an Atom feed of the folder's final releases, newest first.

    A release whose embargo has not passed is left out, unless --include-embargoed.

    Example: drafter feed archive/ --base-url https://example.org/press/
    """
    from drafter.feed import write_feed

    written = write_feed(
        folder, out, base_url=base_url, force=force, include_embargoed=include_embargoed
    )
    typer.echo(str(written))
