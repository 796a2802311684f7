"""The layout pieces of the family: subtitle, numbered paragraphs, labels, contacts, lost numbers.

Each piece is looked for in the HTML, and in the text read back from the Word file and the
PDF, so that the three formats carry the same words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from familyutil import KYRGYZ_ROUND, assert_in_all, changed
from textutil import docx_blocks, html_blocks, normalise, pdf_text

import drafter
from drafter.errors import TemplateError

_BODY = ["The talks were held in an open atmosphere.", "The EU delegation was led by X."]
_PERSON = {"name": "Jane Doe", "title": "Spokesperson", "unit": "Press Office",
           "phones": ["+32 2 299 97 80"]}  # fmt: skip


def _release(**changes: Any) -> dict[str, Any]:
    return changed(KYRGYZ_ROUND, body=_BODY, **changes)


def _all_formats(
    data: dict[str, Any], house: Path | None = None, language: str = "en"
) -> dict[str, str]:
    """The text of each format rendered by `house`, blocks joined by ` | ` (the PDF's by spaces)."""
    outputs = drafter.render_all(drafter.validate_release(data), language=language, house=house)
    return {
        "html": " | ".join(html_blocks(outputs["html"])),
        "docx": " | ".join(docx_blocks(outputs["docx"])),
        "pdf": normalise(pdf_text(outputs["pdf"])),
    }


def _house(folder: Path, layout: str) -> Path:
    """A house of the family: eu-press with a [layout] table."""
    folder.mkdir()
    (folder / "house.toml").write_text(
        f'name = "{folder.name}"\nextends = "eu-press"\n\n[layout]\n{layout}\n', encoding="utf-8"
    )
    return folder


def test_a_subtitle_follows_the_title_in_every_format() -> None:
    data = _release(layout={"subtitle": "Fourth round of the dialogue in Bishkek"})
    assert_in_all(data, "Fourth round of the dialogue in Bishkek")
    html = drafter.render(drafter.validate_release(data), "html").decode()
    subtitle = '<p class="subtitle">Fourth round of the dialogue in Bishkek</p>'
    assert f"</h1>\n{subtitle}\n</hgroup>" in html


def test_a_subtitle_is_translated_with_the_text() -> None:
    data = _release(
        layout={"subtitle": "Fourth round in Bishkek"},
        translations={"fr": {"layout": {"subtitle": "Quatrième cycle à Bichkek"}}},
    )
    assert_in_all(data, "Quatrième cycle à Bichkek", absent=("Fourth round",), language="fr")


def test_numbered_paragraphs_are_numbered_in_every_format() -> None:
    data = _release(
        layout={"numbered": "true"},
        next_round={"when": {"year": "2013", "season": "autumn"}, "after_paragraph": "1"},
    )
    for fmt, text in _all_formats(data).items():
        joined = text.replace(" | ", " ")
        assert "1. On 27 November 2012, the European Union" in joined, fmt
        assert "2. The next round of the EU-Kyrgyzstan" in joined, fmt
        assert f"3. {_BODY[1]}" in joined, fmt


def test_paragraphs_are_not_numbered_unless_asked() -> None:
    blocks = html_blocks(drafter.render(drafter.validate_release(_release()), "html"))
    assert _BODY[1] in blocks and not any(block.startswith("1. ") for block in blocks)


def test_a_contacts_title_and_unit_follow_the_name() -> None:
    data = _release(contacts={"people": [_PERSON]})
    assert_in_all(data, "Jane Doe, Spokesperson, Press Office +32 2 299 97 80")


def test_a_shared_contacts_title_and_unit_are_printed(tmp_path: Path) -> None:
    (tmp_path / "contacts.yaml").write_text(
        "doe:\n  name: Jane Doe\n  title: Spokesperson\n  unit: Press Office\n", encoding="utf-8"
    )
    path = tmp_path / "round.yaml"
    path.write_text(
        "issuer: European Union\nplace: Brussels\ndate: 2012-12-03\nreference: A 540/12\n"
        "counterpart: {name: the Kyrgyz Republic, short_name: Kyrgyzstan}\n"
        "meeting: {name: Human Rights Dialogue, article: the, date: 2012-11-27, place: Bishkek}\n"
        "contacts_file: contacts.yaml\ncontacts:\n  people: [doe]\n",
        encoding="utf-8",
    )
    html = drafter.render(drafter.load_release(path), "html")
    assert "Jane Doe, Spokesperson, Press Office" in html_blocks(html)


def test_a_release_with_a_lost_number_has_no_reference_line() -> None:
    data = _release(reference_lost="true")
    data.pop("reference")
    for fmt, text in _all_formats(data).items():
        assert "Brussels, 3 December 2012" in text and "A 540/12" not in text, fmt
    html = drafter.render(drafter.validate_release(data), "html").decode()
    assert 'class="reference"' not in html


def test_a_lost_number_satisfies_a_house_that_asks_for_one(tmp_path: Path) -> None:
    house = tmp_path / "numbered-house"
    house.mkdir()
    (house / "house.toml").write_text(
        'name = "numbered-house"\nextends = "eu-press"\n\n[fields]\nrequired = ["reference"]\n',
        encoding="utf-8",
    )
    data = _release()
    data.pop("reference")
    with pytest.raises(drafter.InputError, match="reference"):
        drafter.render(drafter.validate_release(data), "html", house=house)
    lost = drafter.validate_release({**data, "reference_lost": "true"})
    assert "Brussels, 3 December 2012" in html_blocks(drafter.render(lost, "html", house=house))


def test_a_lost_number_with_a_reference_is_refused() -> None:
    with pytest.raises(drafter.InputError) as refused:
        drafter.validate_release(_release(reference_lost="true"))
    [problem] = refused.value.problems
    assert problem.field == "reference_lost" and "reference is given" in problem.message


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Press release"), ("fr", "Communiqué de presse"), ("de", "Pressemitteilung")],
)
def test_a_house_prints_the_press_release_label(tmp_path: Path, language: str, label: str) -> None:
    house = _house(tmp_path / "labelled", "press_release_label = true")
    data = _release(translations={"fr": {}, "de": {}})
    for fmt, text in _all_formats(data, house, language).items():
        assert f"A 540/12 | {label} |" in text or f"A 540/12 {label} " in text, fmt
    plain = " | ".join(html_blocks(drafter.render(drafter.validate_release(data), "html")))
    assert "Press release" not in plain


@pytest.mark.parametrize(
    ("option", "language", "label"),
    [
        ("press-contacts", "en", "Press contacts:"),
        ("press-contacts", "de", "Pressekontakte:"),
        ("contacts", "fr", "Contacts\u00a0:"),
        ("further-details", "en", "FOR FURTHER DETAILS:"),
    ],
)
def test_a_house_chooses_the_contact_blocks_label(
    tmp_path: Path, option: str, language: str, label: str
) -> None:
    house = _house(tmp_path / "contacts-house", f'contacts_label = "{option}"')
    data = _release(contacts={"people": [_PERSON]}, translations={"fr": {}, "de": {}})
    for fmt, text in _all_formats(data, house, language).items():
        assert normalise(label) in text, fmt


@pytest.mark.parametrize(
    ("layout", "says"),
    [
        ('contacts_label = "phone"', "layout.contacts_label is 'phone'; write one of"),
        ("press_label = true", "layout.press_label is not an option"),
        ('press_release_label = "yes"', "layout.press_release_label is true or false"),
    ],
)
def test_a_wrong_layout_option_is_named(tmp_path: Path, layout: str, says: str) -> None:
    house = _house(tmp_path / "wrong", layout)
    with pytest.raises(TemplateError, match=says):
        drafter.render(drafter.validate_release(_release()), "html", house=house)


@pytest.mark.parametrize(
    ("layout", "field"),
    [({"numbered": "perhaps"}, "layout.numbered"), ({"subtitles": "x"}, "layout.subtitles")],
)
def test_a_wrong_layout_fact_is_named(layout: dict[str, str], field: str) -> None:
    with pytest.raises(drafter.InputError) as refused:
        drafter.validate_release(_release(layout=layout))
    assert [problem.field for problem in refused.value.problems] == [field]
