"""docs/body-frames.md: every block of facts there gives the sentence printed under it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from familyutil import KYRGYZ_ROUND, changed
from textutil import html_blocks

import drafter

PAGE = Path(__file__).resolve().parents[1] / "docs" / "body-frames.md"
_EXAMPLE = re.compile(r"```yaml\n(?P<facts>.*?)```\n\n> (?P<sentence>[^\n]+)\n", re.S)


def _examples() -> list[tuple[dict[str, Any], str]]:
    text = PAGE.read_text(encoding="utf-8")
    return [(yaml.safe_load(m["facts"]), m["sentence"]) for m in _EXAMPLE.finditer(text)]


def test_the_page_shows_a_sentence_for_every_arrangement_and_time() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for word in ("agreed", "proposed", "scheduled", "planned", "season", "half", "by_end",
                 "presidency", "prior", "in_body", "after_paragraph", "subtitle", "numbered",
                 "reference_lost", "press_release_label", "contacts_label"):  # fmt: skip
        assert re.search(rf"[`.]{word}\b|\b{word}( =|:)|: {word}\n", text), word
    assert len(_examples()) >= 12


@pytest.mark.parametrize(("facts", "sentence"), _examples(), ids=lambda value: str(value)[:60])
def test_the_documented_facts_give_the_documented_sentence(
    facts: dict[str, Any], sentence: str
) -> None:
    data = changed(KYRGYZ_ROUND, **{key: _text(value) for key, value in facts.items()})
    blocks = html_blocks(drafter.render(drafter.validate_release(data), "html"))
    assert sentence in blocks


def _text(value: Any) -> Any:
    """YAML's numbers and dates as the text a release file's scalars are read as."""
    if isinstance(value, dict):
        return {key: _text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_text(item) for item in value]
    return value if isinstance(value, str) else str(value).lower()
