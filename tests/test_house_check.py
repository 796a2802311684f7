"""drafter.testing.check_house: the house author's check, run for both shipped houses."""

from __future__ import annotations

from pathlib import Path

import pytest
from clirun import EXAMPLES

from drafter.houses import packaged_templates
from drafter.testing import check_house

ALL_EXAMPLES = sorted(EXAMPLES.glob("*.yaml")) + sorted(EXAMPLES.glob("*/*.yaml"))


def test_there_are_examples_of_both_houses() -> None:
    assert any(path.parent.name == "eeas-web" for path in ALL_EXAMPLES)
    assert len(ALL_EXAMPLES) >= 5


@pytest.mark.parametrize("house", ["eu-press", "eeas-web"])
def test_every_example_renders_through_the_house_and_the_formats_agree(house: str) -> None:
    assert check_house(house, ALL_EXAMPLES) == []


def _print_css_with(folder: Path, rule: str) -> Path:
    """A templates folder whose eu-press print stylesheet ends with `rule`."""
    overlay = folder / "overlay"
    overlay.mkdir()
    css = (packaged_templates() / "eu-press" / "print.css").read_text(encoding="utf-8")
    (overlay / "print.css").write_text(f"{css}{rule}\n")
    return overlay


def test_a_word_only_the_pdf_shows_is_found(tmp_path: Path) -> None:
    overlay = _print_css_with(tmp_path, '.title::after { content: " Extra"; }')
    example = EXAMPLES / "eu-russia-2012-07-24.yaml"
    problems = check_house("eu-press", [example], templates=overlay)
    assert problems == [f"{example}: the pdf adds ['Extra']"]


def test_a_paragraph_the_pdf_hides_is_found(tmp_path: Path) -> None:
    overlay = _print_css_with(tmp_path, ".language-code { display: none; }")
    example = EXAMPLES / "eu-russia-2012-07-24.yaml"
    assert check_house("eu-press", [example], templates=overlay) == [
        f"{example}: the pdf lacks ['EN']"
    ]


def test_an_example_the_house_refuses_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (EXAMPLES / "eeas-web" / "eu-belarus-2017-07-20.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace('"170720_16"', '"16"'), encoding="utf-8")
    (problem,) = check_house("eeas-web", [bad])
    assert problem.startswith(f"{bad}: ") and ':11:1: identifier: "16"' in problem


def test_no_examples_is_a_problem() -> None:
    assert check_house("eu-press", []) == ["no examples were given"]
