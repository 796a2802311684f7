"""The blocks of a release file, whatever its format: the one door of `drafter import`.

Each format has a module of its own that turns the file into `Block`s in reading order
(`text`: a release's text with Markdown-like marks; `word`: a DOCX drafter wrote); files
of other programs (PDF, HTML, any Word file) are read by `drafter.importers`.
"""

from __future__ import annotations

from pathlib import Path

from drafter.importers import archive_blocks
from drafter.importers.docx import MAX_DOCX_BYTES
from drafter.importing.text import text_blocks
from drafter.importing.word import docx_blocks
from drafter.loading import read_bytes
from drafter.source import decode
from drafter.structure import Block

__all__ = ["blocks_of", "read_blocks"]


def read_blocks(path: Path) -> list[Block]:
    """The release's paragraphs in reading order, from its text, PDF, HTML or Word file."""
    return blocks_of(read_bytes(path, MAX_DOCX_BYTES), path)[0]


def blocks_of(raw: bytes, path: Path) -> tuple[list[Block], bool]:
    """The paragraphs of the file's bytes, and whether another program made the file.

    PDF, HTML and Word files of other programs are read by `drafter.importers`; a
    release's text and a Word file drafter wrote here.
    """
    archive = archive_blocks(raw, path)  # PDF, HTML, a Word file another program wrote
    if archive is not None:
        return archive, True
    if raw.startswith(b"PK\x03\x04"):
        return docx_blocks(raw, path), False
    return text_blocks(decode(raw, str(path)).replace("\r\n", "\n")), False
