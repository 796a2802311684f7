"""The reference release's paths and blocks; the text readers of each format (drafter.testing)."""

from __future__ import annotations

import re
from pathlib import Path

from drafter.testing import (
    docx_blocks,
    docx_text,
    html_blocks,
    html_text,
    normalise,
    pdf_text,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "reference" / "A-350-12_eu-russia-human-rights-consultations.txt"
REFERENCE_YAML = REPO / "examples" / "eu-russia-2012-07-24.yaml"

__all__ = [
    "REFERENCE",
    "REFERENCE_YAML",
    "REPO",
    "SHARED",
    "docx_blocks",
    "docx_text",
    "html_blocks",
    "html_text",
    "normalise",
    "pdf_text",
    "reference_blocks",
]


def reference_blocks() -> list[str]:
    """The reference release's blocks, without the extraction's Markdown marks."""
    text = REFERENCE.read_text(encoding="utf-8")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("## ", "")
    # Blank lines separate blocks; a line ending in two spaces is a line break (Markdown).
    blocks = [normalise(block) for block in re.split(r"\n\s*\n| {2,}\n", text)]
    return [block for block in blocks if block and block != "---"]
