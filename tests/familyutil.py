"""A plausible round of the family (EU-Kyrgyzstan), and its text read back from each format."""

from __future__ import annotations

import copy
from typing import Any

from textutil import docx_blocks, html_blocks, normalise, pdf_text

import drafter

KYRGYZ_ROUND: dict[str, Any] = {
    "issuer": "European Union",
    "place": "Brussels",
    "date": "2012-12-03",
    "reference": "A 540/12",
    "counterpart": {"name": "the Kyrgyz Republic", "short_name": "Kyrgyzstan"},
    "meeting": {
        "name": "Human Rights Dialogue",
        "article": "the",
        "round": "4",
        "date": "2012-11-27",
        "place": "Bishkek",
    },
}
"""The fourth round of the EU-Kyrgyzstan dialogue, in English."""


def changed(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of `data` with `changes`: a mapping is merged into the group of its key."""
    result = copy.deepcopy(data)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = {**result[key], **value}
        else:
            result[key] = value
    return result


def texts(data: dict[str, Any], language: str | None = None) -> dict[str, str]:
    """A language version's text in each format, words separated by single spaces."""
    outputs = drafter.render_all(drafter.validate_release(data), language=language)
    return {
        "html": " | ".join(html_blocks(outputs["html"])),
        "docx": " | ".join(docx_blocks(outputs["docx"])),
        "pdf": normalise(pdf_text(outputs["pdf"])),
    }


def assert_in_all(
    data: dict[str, Any],
    *expected: str,
    absent: tuple[str, ...] = (),
    language: str | None = None,
) -> None:
    """Every `expected` text is in the HTML, Word and PDF text, and no `absent` one is."""
    for fmt, text in texts(data, language).items():
        for words in expected:
            assert words in text, f"{language or ''} {fmt}: {words!r} not in {text!r}"
        for words in absent:
            assert words not in text, f"{language or ''} {fmt}: {words!r} in {text!r}"
