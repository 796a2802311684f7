"""The `drafter` commands that check releases: validate, check (the house style), diff.

Registered on the app, in the order of `drafter --help`, by `drafter.cli`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from drafter.cli_options import FilesArg, ForceOption, HouseOption, JsonOption

__all__ = ["check", "diff", "validate"]


def validate(files: FilesArg, house: HouseOption = None, as_json: JsonOption = False) -> None:
    """Check release files and report every problem as FILE:LINE:COL: field: message.

    Every file is checked; exits 1 if any is invalid. Example: drafter validate round.yaml
    """
    from drafter.reports import validate_files

    raise typer.Exit(validate_files(files, house, as_json=as_json))


# --- from draft to publication: check, diff, feed (issue 8) ---
def check(files: FilesArg, as_json: JsonOption = False) -> None:
    """Check releases against the house style; exits 1 on an error-level finding.

    Rules are turned off with `checks: {disable: [rule-id]}` in the file, or
    `[check] disable = [...]` in a drafter.toml of its folder or a parent, up to the
    repository root (the folder holding .git); the settings file used is printed. With
    several files, each JSON finding names its `file`.

    Example: drafter check round.yaml --json
    """
    from drafter.reports import check_files

    raise typer.Exit(check_files(files, as_json=as_json))


def diff(
    old: Annotated[Path, typer.Argument(help="The earlier release file.")],
    new: Annotated[Path, typer.Argument(help="The later release file.")],
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Also write the changes as an HTML page.")
    ] = None,
    force: ForceOption = False,
    as_json: JsonOption = False,
) -> None:
    """Show what changed between two drafts or rounds: the facts, and the words of the text.

    Exits 1 when the releases differ, 0 when they do not (as diff does).

    Example: drafter diff round-15.yaml round-16.yaml --html changes.html
    """
    from drafter.diff import diff_releases, html_page
    from drafter.loading import load_release
    from drafter.output import write_file

    changes = diff_releases(load_release(old), load_release(new))
    if as_json:
        from drafter.reports import diff_json

        typer.echo(diff_json(changes))
    else:
        typer.echo(changes.terminal(), nl=False)
    if html_out is not None:
        page = html_page(changes, old.name, new.name)
        write_file(html_out, page.encode("utf-8"), force)
        if not as_json:
            typer.echo(str(html_out))
    raise typer.Exit(1 if changes.changed else 0)
