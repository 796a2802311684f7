"""The bundled example reproduces the reference release word for word, in every format."""

from __future__ import annotations

from collections import Counter

import pytest
from textutil import (
    REFERENCE_YAML,
    docx_blocks,
    docx_text,
    html_blocks,
    html_text,
    normalise,
    pdf_text,
    reference_blocks,
)

import drafter


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    return drafter.render_all(drafter.load_release(REFERENCE_YAML))


@pytest.fixture(scope="module")
def texts(outputs: dict[str, bytes]) -> dict[str, str]:
    return {
        "html": normalise(html_text(outputs["html"])),
        "pdf": normalise(pdf_text(outputs["pdf"])),
        "docx": normalise(docx_text(outputs["docx"])),
    }


def test_reference_has_the_blocks_we_expect() -> None:
    blocks = reference_blocks()
    assert blocks[0] == "EUROPEAN UNION"
    assert "P R E S S" in blocks and "EN" in blocks
    assert len(blocks) >= 15


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_every_reference_block_is_in_the_output(fmt: str, texts: dict[str, str]) -> None:
    missing = [block for block in reference_blocks() if block not in texts[fmt]]
    assert missing == []


def test_html_and_docx_have_exactly_the_reference_blocks(outputs: dict[str, bytes]) -> None:
    expected = Counter(reference_blocks())
    assert Counter(html_blocks(outputs["html"])) == expected
    assert Counter(docx_blocks(outputs["docx"])) == expected


def test_the_three_formats_carry_the_same_words(texts: dict[str, str]) -> None:
    words = {fmt: Counter(text.split()) for fmt, text in texts.items()}
    assert words["html"] == words["pdf"] == words["docx"]
    assert sum(words["html"].values()) > 350


def test_metadata_carries_title_and_language(outputs: dict[str, bytes]) -> None:
    import io

    import docx
    import pypdf

    title = "The EU and Russia hold human rights consultations"
    assert b'<html lang="en">' in outputs["html"]
    assert f"<title>{title}</title>".encode() in outputs["html"]
    metadata = pypdf.PdfReader(io.BytesIO(outputs["pdf"])).metadata
    assert metadata is not None and metadata.title == title
    props = docx.Document(io.BytesIO(outputs["docx"])).core_properties
    assert (props.title, props.language) == (title, "en-GB")


def test_rendering_is_deterministic(outputs: dict[str, bytes]) -> None:
    again = drafter.render_all(drafter.load_release(REFERENCE_YAML))
    assert again == outputs


def test_docx_has_real_hyperlinks_and_house_styles(outputs: dict[str, bytes]) -> None:
    import io

    import docx

    document = docx.Document(io.BytesIO(outputs["docx"]))
    footer = document.sections[0].first_page_footer
    targets = {rel.target_ref for rel in footer.part.rels.values() if rel.is_external}
    assert "mailto:Michael.Mann@eeas.europa.eu" in targets
    assert "http://www.eeas.europa.eu" in targets
    styles = [p.style.name if p.style else "" for p in document.paragraphs]
    assert styles[0] == "Heading 1"
    assert "House Body Text" in styles
