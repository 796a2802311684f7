"""The blocks of a release file, whatever its format: the one door of `drafter import`.

Each format has a module of its own that turns the file into `Block`s in reading order
(`text`: a release's text with Markdown-like marks; `word`: a DOCX drafter wrote); a new
format (PDF, HTML) is one more module and one more branch in `read_blocks`.
"""

from __future__ import annotations

from pathlib import Path

from drafter.errors import InputError, Problem
from drafter.importing.text import text_blocks
from drafter.importing.word import MAX_DOCX_BYTES, docx_blocks
from drafter.loading import read_bytes
from drafter.source import decode
from drafter.structure import Block

__all__ = ["read_blocks"]


def read_blocks(path: Path) -> list[Block]:
    """The release's paragraphs in reading order, from its text or its DOCX file."""
    raw = read_bytes(path, MAX_DOCX_BYTES)
    if raw.startswith(b"PK\x03\x04"):
        return docx_blocks(raw, path)
    if raw.startswith(b"%PDF"):
        message = (
            f"{path} is a PDF; import reads a release's text (extract it first, for example "
            "with pdftotext) or a DOCX that drafter wrote"
        )
        raise InputError([Problem(message)])
    return text_blocks(decode(raw, str(path)).replace("\r\n", "\n"))
