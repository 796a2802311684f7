"""Reading a published release in the house format back into the facts of its YAML file.

The input is the release's text (as extracted from its PDF, with Markdown-like marks) or a
Word file drafter wrote. Its blocks are read in the house's order: the header (issuer,
date line, reference), the title, the body with its generated sentences, the footer
(contacts) and the previous rounds. Each generated sentence is read back into facts with
patterns that mirror the house's English wording; the facts are then rendered with the
house templates and every sentence that does not come out word for word is kept as the
officer's own text instead (the `title`, `opening` and `sentence` overrides), with a
warning. Facts that cannot be found at all are left as `<<FILL IN: ...>>` placeholders.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.importers import page_layout, settle
from drafter.importers.docx import MAX_DOCX_BYTES
from drafter.importing.facts import WIDTH, _checked, _layout
from drafter.importing.files import blocks_of, read_blocks
from drafter.importing.reader import _Reader
from drafter.limits import time_limit
from drafter.loading import read_bytes
from drafter.output import write_file
from drafter.roundtrip import round_trip_yaml
from drafter.schema import Release

__all__ = ["IMPORT_SECONDS", "Imported", "import_release", "read_blocks", "write_import"]

IMPORT_SECONDS = 30.0
"""How long reading one release may take (a few milliseconds for a real one)."""


@dataclass
class Imported:
    """The facts read from a published release, as the plain data of a release file."""

    data: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    release: Release | None = None
    """The validated release, when every required fact was found."""

    def yaml(self, name: str = "") -> str:
        """The facts as the text of a release file, in the examples' key order and layout."""
        yaml = round_trip_yaml(WIDTH + 8)
        stream = io.StringIO()
        yaml.dump(_layout(self.data), stream)
        source = f" from {name}" if name else ""
        head = f"# Imported by `drafter import`{source}.\n"
        return head + "# Check the facts, then: drafter validate FILE\n" + stream.getvalue()


def import_release(source: str | Path, *, timeout: float | None = IMPORT_SECONDS) -> Imported:
    """The facts of the published release in `source`: text, PDF, HTML or a Word file.

    Raises LimitError if reading takes more than `timeout` seconds (main thread only).
    """
    path = Path(source)
    message = (
        f"reading {source} took longer than {timeout:g} seconds and was stopped; "
        "is it a release in the house format?"
    )
    with time_limit(timeout, message):
        blocks, archive = blocks_of(read_bytes(path, MAX_DOCX_BYTES), path)
        layout = page_layout(blocks, str(path), strict=archive)
        reader = _Reader(layout.blocks)
        imported = Imported(reader.facts(), reader.warnings)
        imported.release = _checked(imported, reader)
        settle(imported, layout)  # the facts of the layout's house (eeas-web: time, unique ID)
    return imported


def write_import(
    source: str | Path, out: str | Path | None = None, *, force: bool = False
) -> tuple[Path, Imported]:
    """Import `source` and write its YAML to `out` (default: beside it, as .yaml)."""
    path = Path(source)
    target = Path(out) if out is not None else path.with_suffix(".yaml")
    imported = import_release(path)
    write_file(target, imported.yaml(path.name).encode("utf-8"), force)
    return target, imported
