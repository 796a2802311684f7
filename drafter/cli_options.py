"""The arguments and options more than one `drafter` command takes (see `drafter.cli`).

Kept apart from the app so that the command modules import them without importing
`drafter.cli`, which registers those modules' commands: no import cycle, and the order of
the commands in `drafter --help` is the one `drafter.cli` gives, whatever is imported first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = [
    "DocxTemplateOption",
    "EmlOption",
    "FileArg",
    "FilesArg",
    "ForceOption",
    "HouseOption",
    "JsonOption",
    "OutOption",
    "TxtOption",
]

FileArg = Annotated[Path, typer.Argument(help="The release's YAML file.", show_default=False)]
FilesArg = Annotated[
    list[Path], typer.Argument(help="The release's YAML file (or several).", show_default=False)
]


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
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="The YAML file to write.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing file.")]
