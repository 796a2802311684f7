"""The `drafter` command: a thin face over the library's public API.

This module holds the Typer app, drafter's own options and the one handler, `main`, that
turns every error into a message and an exit status; it registers the commands, in the
order of `drafter --help`, from the modules that hold them: `cli_draft` (init, new, build,
schema, houses), `cli_check` (validate, check, diff), `cli_archive` (series, next, import,
feed) and `cli_serve` (serve); the options several commands take are in `cli_options`.
Every command imports what it needs inside its function, so `drafter --help` and
`drafter validate` never load the PDF or Word libraries.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import sys
from collections.abc import Iterator
from typing import Annotated

import typer
from typer.main import get_command_name
from typer.models import CommandInfo

from drafter import cli_archive, cli_check, cli_draft, cli_serve, console
from drafter.console import EXIT_INTERRUPTED
from drafter.errors import EXIT_INTERNAL
from drafter.writers import FORMATS

__all__ = ["EXIT_INTERNAL", "EXIT_INTERRUPTED", "app", "main"]

app = typer.Typer(
    name="drafter",
    help="Draft press releases in the house format from the facts of a round (one YAML file).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from drafter import __version__

        typer.echo(f"drafter {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Draft press releases in the house format from the facts of a round (one YAML file).

    Example: drafter new examples/eu-russia-2012-07-24.yaml --pdf --out out/
    """
    console.configure_logging(debug=debug, quiet=quiet)


# The commands, in the order `drafter --help` and docs/reference/cli.md list them.
app.command()(cli_draft.new)
app.command()(cli_check.validate)
app.command()(cli_draft.init)
app.command()(cli_draft.schema)
app.command()(cli_draft.houses)
app.command()(cli_draft.build)
app.command()(cli_archive.series)
app.command(name="next")(cli_archive.next_round)
app.command(name="import")(cli_archive.import_release)
app.command()(cli_check.check)
app.command()(cli_check.diff)
app.command()(cli_archive.feed)
app.command()(cli_serve.serve)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with drafter's documented status (see the README)."""
    args = sys.argv[1:] if argv is None else argv

    def command() -> None:
        # Typer itself answers wrong usage (exit 2) and --help.
        with _speed_ups(args):
            _app_for(_command(args))(args=args, prog_name="drafter")

    try:
        console.run(command, debug="--debug" in args)
    except SystemExit as exc:
        if argv is None and _command(args) in _ONE_SHOT:
            console.leave_now(exc)
        raise


# --- speed: a helper process for the PDF, and a quick exit (issue 9; see bench/README.md) ---
_ONE_SHOT = frozenset({"new", "validate"})  # commands that do one thing, then end


def _command(args: list[str]) -> str | None:
    """The command named in `args` (drafter's own options before it take no values)."""
    return next((arg for arg in args if not arg.startswith("-")), None)


def _app_for(command: str | None) -> typer.Typer:
    """The app with only the command named, if one is: Typer builds every command it has.

    Building the options of every command takes about 10 ms of each run; the named
    command's own options, usage, errors and help are the same either way. With no command
    or an unknown one (drafter's own help, its "No such command"), the whole app.
    """
    named = [info for info in app.registered_commands if _name_of(info) == command]
    if not named:
        return app
    alone = copy.copy(app)
    alone.registered_commands = named
    return alone


def _name_of(info: CommandInfo) -> str | None:
    """A registered command's name, as Typer derives it from the function when not given."""
    if info.name or info.callback is None:
        return info.name
    return get_command_name(info.callback.__name__)


@contextlib.contextmanager
def _speed_ups(args: list[str]) -> Iterator[None]:
    """For `new` and `validate`: the collector paused; for `new`, a helper for the PDF.

    Guessed from the arguments before Typer reads them; a wrong guess costs only time.
    """
    command = _command(args)
    if command not in _ONE_SHOT or {"-h", "--help"} & set(args):
        yield
        return
    flags = {f"--{fmt}" for fmt in FORMATS}
    helper: contextlib.AbstractContextManager[object] = contextlib.nullcontext()
    if command == "new" and ("--pdf" in args or not flags & set(args)):
        from drafter import prefork

        own_templates = any(arg.startswith("--templates") for arg in args)
        helper = prefork.pdf_helper(True, warm_house=not own_templates)
    collecting = gc.isenabled()
    gc.disable()  # one command's objects: collecting them before the process ends is wasted
    try:
        with helper:
            yield
    finally:
        if collecting:
            gc.enable()
