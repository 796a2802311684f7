"""The `drafter` command: a thin face over the library's public API.

Every command imports what it needs inside its function, so `drafter --help` and
`drafter validate` never load the PDF or Word libraries. One handler, `main`, turns every
error into a message and an exit status.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer.main import get_command_name
from typer.models import CommandInfo

from drafter import console
from drafter.console import EXIT_INTERRUPTED
from drafter.errors import EXIT_INTERNAL, UsageError
from drafter.writers import DEFAULT_PDF_VARIANT, FORMATS

if TYPE_CHECKING:
    from drafter.house import House

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

FileArg = Annotated[Path, typer.Argument(help="The release's YAML file.", show_default=False)]


def _house_names(incomplete: str) -> list[str]:
    """The house names starting with `incomplete`, for shell completion of --house."""
    from drafter.houses import available_houses

    return [name for name in available_houses() if name.startswith(incomplete)]


TxtOption = Annotated[
    bool, typer.Option("--txt", help="Write plain text for an e-mail body (only if asked).")
]
EmlOption = Annotated[
    bool, typer.Option("--eml", help="Write an e-mail with the PDF attached (only if asked).")
]
HouseOption = Annotated[
    str | None,
    typer.Option(
        "--house",
        help="House format: a name (see `drafter houses`) or a house folder. "
        "Default: the release's `house:`, else eu-press.",
        autocompletion=_house_names,
    ),
]
DocxTemplateOption = Annotated[
    Path | None,
    typer.Option(
        "--docx-template",
        help="The office's Word template (.dotx or .docx): the Word files take its styles, "
        "page, header and footer.",
    ),
]


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


@app.command()
def new(
    file: FileArg,
    pdf: Annotated[bool, typer.Option("--pdf", help="Write the PDF.")] = False,
    docx: Annotated[bool, typer.Option("--docx", help="Write the Word document.")] = False,
    html: Annotated[bool, typer.Option("--html", help="Write the HTML page.")] = False,
    txt: TxtOption = False,
    eml: EmlOption = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output folder (default: the YAML file's folder)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="Your own template folder, searched before the house's."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Stop rendering after this many seconds.", min=1)
    ] = 120,
    pdf_variant: Annotated[
        str,
        typer.Option(
            "--pdf-variant",
            help="PDF flavour: pdf/ua-1 (tagged, accessible) or a PDF/A level such as "
            "pdf/a-3b (archival).",
        ),
    ] = DEFAULT_PDF_VARIANT,
    house: HouseOption = None,
    docx_template: DocxTemplateOption = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", help="Languages to write, e.g. fr,de [default: every language of the file]."
        ),
    ] = None,
) -> None:
    """Write the release in the formats asked for (all three when none is named).

    One file a language and format, named from the date and reference, e.g.
    2012-07-24_A-350-12.pdf, a translation's with its language: 2012-07-24_A-350-12_FR.pdf;
    existing files are kept unless --force is given.

    Example: drafter new round.yaml --pdf --docx --out out/
    """
    from drafter import load_release, write_release

    chosen = _formats(html=html, pdf=pdf, docx=docx, txt=txt, eml=eml)
    release = load_release(file, house=house)
    chosen_templates: Path | House | None = templates
    if docx_template is not None:
        from drafter.writers.docx_template import office_house

        chosen_templates = office_house(templates, house, release.house, docx_template)
    written = write_release(
        release,
        out or file.parent,
        chosen,
        force=force,
        templates=chosen_templates,
        timeout=timeout,
        pdf_variant=pdf_variant,
        house=house,
        languages=_languages(lang) or release.languages,
        source=file,
    )
    for path in written:
        typer.echo(str(path))


FilesArg = Annotated[
    list[Path], typer.Argument(help="The release's YAML file (or several).", show_default=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


@app.command()
def validate(files: FilesArg, house: HouseOption = None, as_json: JsonOption = False) -> None:
    """Check release files and report every problem as FILE:LINE:COL: field: message.

    Every file is checked; exits 1 if any is invalid. Example: drafter validate round.yaml
    """
    from drafter.reports import validate_files

    raise typer.Exit(validate_files(files, house, as_json=as_json))


@app.command()
def init(
    target: Annotated[
        Path | None,
        typer.Argument(help="The file to write [default: release.yaml].", show_default=False),
    ] = None,
    house: Annotated[
        str | None,
        typer.Option("--house", help="Write a starter house folder of this name instead."),
    ] = None,
) -> None:
    """Write a commented starter release that validates, or (--house NAME) a starter house.

    Nothing existing is replaced. Example: drafter init round.yaml; drafter init --house my-office
    """
    from drafter.starting import write_house_starter, write_release_starter

    if house is not None and target is not None:
        raise UsageError("give either a file to write or --house NAME, not both")
    if house is not None:
        written = write_house_starter(Path(house))
    else:
        written = [write_release_starter(target or Path("release.yaml"))]
    for path in written:
        typer.echo(str(path))


@app.command()
def schema() -> None:
    """Print the JSON Schema of release files, for editors' completion and checks.

    Example: drafter schema > release.schema.json
    """
    from drafter import release_schema

    typer.echo(json.dumps(release_schema(), indent=2, ensure_ascii=False))


@app.command()
def houses() -> None:
    """List the house formats: name, description, languages and where each comes from.

    Example: drafter houses
    """
    from drafter.houses import available_houses

    rows = [
        (found.name, ", ".join(found.languages), found.origin, found.description)
        for found in available_houses().values()
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        typer.echo("  ".join([*cells, row[3]]))


# --- batch: build (issue 9) ---
@app.command()
def build(
    folder: Annotated[Path, typer.Argument(help="Folder of release files (*.yaml).")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder.")] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes [default: CPUs].")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Write the PDFs.")] = False,
    docx: Annotated[bool, typer.Option("--docx", help="Write the Word documents.")] = False,
    html: Annotated[bool, typer.Option("--html", help="Write the HTML pages.")] = False,
    txt: TxtOption = False,
    eml: EmlOption = False,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
    house: HouseOption = None,
    docx_template: DocxTemplateOption = None,
) -> None:
    """Write every release of a folder, in parallel; a failing file does not stop the others.

    Prints progress and a summary; exits 1 if any file was invalid, else 3 if an output
    could not be written, else 4 if a limit was hit.

    Example: drafter build releases/ --pdf --out out/ --jobs 2
    """
    from drafter.batch import run_build

    chosen = _formats(html=html, pdf=pdf, docx=docx, txt=txt, eml=eml)
    quiet = logging.getLogger().getEffectiveLevel() >= logging.ERROR
    status = run_build(
        folder,
        out,
        chosen,
        jobs=jobs,
        force=force,
        quiet=quiet,
        house=house,
        docx_template=docx_template,
    )
    raise typer.Exit(status)


# --- the series: series, next, import (issue 6) ---
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="The YAML file to write.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing file.")]


@app.command()
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


@app.command(name="next")
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


@app.command(name="import")
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


# --- from draft to publication: check, diff, feed (issue 8) ---
@app.command()
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


@app.command()
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


@app.command()
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


# --- the web form and HTTP API (issue 4) ---
@app.command()
def serve(
    file: Annotated[
        Path | None, typer.Argument(help="A release file the form starts with.", show_default=False)
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1)] = 8000,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Stop a render after this many seconds.", min=1)
    ] = 30,
    house: HouseOption = None,
    archive: Annotated[
        Path | None,
        typer.Option(
            "--archive",
            help="The folder of release files to draft the next round from (default: FILE's).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the web form and the HTTP API until Ctrl-C (see the README).

    Example: drafter serve examples/eu-russia-2012-07-24.yaml --port 8000
    """
    try:
        from drafter.web.app import Initial, address, initial_from_file, serve
    except ModuleNotFoundError as exc:
        if exc.name not in ("fastapi", "starlette", "uvicorn"):
            raise
        hint = 'install the web extra: pip install "drafter-press[web]"'
        raise UsageError(f"{exc}; {hint}") from None
    if house is not None:
        from drafter.houses import find_house

        find_house(house)  # an unknown house is wrong usage, before the server starts
    initial = initial_from_file(file) if file else Initial()
    typer.echo(f"drafter: the form is at {address(host, port)} (Ctrl-C to stop)")
    folder = archive or (file.parent if file else None)
    serve(initial, host, port, timeout=timeout, house=house, archive=folder)


def _formats(
    *, html: bool, pdf: bool, docx: bool, txt: bool = False, eml: bool = False
) -> tuple[str, ...]:
    """The formats named by the flags; text and e-mail only when asked.

    With none of the three documents named, all three, unless text or e-mail is asked for.
    """
    wanted = {"html": html, "pdf": pdf, "docx": docx}
    extra = tuple(fmt for fmt, asked in (("txt", txt), ("eml", eml)) if asked)
    named = tuple(fmt for fmt in FORMATS if wanted[fmt])
    return (named or (() if extra else FORMATS)) + extra


def _languages(option: str | None) -> list[str]:
    """The language codes of a `--lang fr,de` option (lower case), in order."""
    codes = [code.strip().lower() for code in (option or "").split(",") if code.strip()]
    if option is not None and not codes:
        raise UsageError(f"--lang {option!r} names no language; write codes such as fr,de")
    return codes


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

    Building the options of all twelve commands takes about 10 ms of each run; the named
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
