"""The family's round in English, French, German and Bulgarian, for the frames' tests."""

from __future__ import annotations

from typing import Any

from familyutil import KYRGYZ_ROUND, changed
from textutil import html_blocks

import drafter

TRANSLATIONS: dict[str, dict[str, Any]] = {
    "fr": {
        "issuer": "Union européenne",
        "counterpart": {"name": "la République kirghize", "short_name": "le Kirghizstan"},
        "meeting": {"name": "dialogue sur les droits de l'homme"},
    },
    "de": {
        "issuer": "Europäische Union",
        "counterpart": {"name": "die Kirgisische Republik", "short_name": "Kirgisistan"},
        "meeting": {"name": "Menschenrechtsdialog"},
    },
    "bg": {
        "issuer": "Европейски съюз",
        "counterpart": {"name": "Киргизката република", "short_name": "Киргизстан"},
        "meeting": {"name": "диалог по правата на човека"},
    },
}
"""The EU-Kyrgyzstan dialogue's text in each complete language."""


def translated_round(
    translated: dict[str, dict[str, Any]] | None = None,
    *,
    release: dict[str, Any] | None = None,
    **changes: Any,
) -> Any:
    """A round with `changes` made to it and, by `translated`, to its translations.

    The round is `release` (with its translations), by default the EU-Kyrgyzstan round in
    every complete language.
    """
    data = changed(release or {**KYRGYZ_ROUND, "translations": TRANSLATIONS}, **changes)
    for code, groups in (translated or {}).items():
        data["translations"][code] = changed(data["translations"][code], **groups)
    return data


def html_text(data: dict[str, Any], language: str) -> str:
    """The blocks of a language version's HTML, joined by ` | `."""
    release = drafter.validate_release(data)
    return " | ".join(html_blocks(drafter.render(release, "html", language=language)))
