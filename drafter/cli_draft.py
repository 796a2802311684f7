"""The `drafter` commands that start and write releases: init, new, build, schema, houses.

Registered on the app, in the order of `drafter --help`, by `drafter.cli`.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from drafter.cli_options import DocxTemplateOption, EmlOption, FileArg, HouseOption, TxtOption
from drafter.errors import UsageError
from drafter.writers import DEFAULT_PDF_VARIANT, FORMATS

if TYPE_CHECKING:
    from drafter.house import House

__all__ = ["build", "houses", "init", "new", "schema"]


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


def schema() -> None:
    """Print the JSON Schema of release files, for editors' completion and checks.

    Example: drafter schema > release.schema.json
    """
    from drafter import release_schema

    typer.echo(json.dumps(release_schema(), indent=2, ensure_ascii=False))


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
