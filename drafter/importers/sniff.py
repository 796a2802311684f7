"""Which reader a file takes, from its first bytes."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from drafter.structure import Block

__all__ = ["archive_blocks", "is_html", "made_by_drafter"]

_HTML = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I)


def is_html(raw: bytes) -> bool:
    """Whether the bytes are an HTML page (after a byte-order mark, blanks and comments)."""
    return bool(_HTML.match(raw.removeprefix(b"\xef\xbb\xbf")[:4096]))


def made_by_drafter(raw: bytes) -> bool:
    """Whether a Word file is one drafter wrote (its author property is drafter)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            core = package.read("docProps/core.xml")[:65536]
    except (zipfile.BadZipFile, KeyError, OSError):
        return True  # not a package that can be read: the Word reader says so
    return b"<dc:creator>drafter</dc:creator>" in core


def archive_blocks(raw: bytes, path: Path) -> list[Block] | None:
    """The blocks of a PDF, an HTML page or a Word file drafter did not write; else None."""
    if raw.startswith(b"%PDF"):
        from drafter.importers.pdf import pdf_blocks

        return pdf_blocks(raw, path)
    if raw.startswith(b"PK\x03\x04") and not made_by_drafter(raw):
        from drafter.importers.docx import docx_blocks

        return docx_blocks(raw, path)
    if is_html(raw):
        from drafter.importers.html import html_blocks

        return html_blocks(raw, path)
    return None
