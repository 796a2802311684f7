"""Every example release renders in every format, and no absent part leaves a trace.

An absent part (no contacts, no previous rounds, no reference, ...) must leave no empty
heading, no empty paragraph and no stray punctuation or spaces in what the reader sees.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import lxml.html  # type: ignore[import-untyped]
import pypdf
import pytest
from textutil import docx_blocks, normalise, pdf_text

import drafter
from drafter.loading import read_source

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))
_SPACE = re.compile(r"[ \t\n\r\f]+")


def _ids(path: Path) -> str:
    return path.stem


def _data(path: Path) -> dict[str, Any]:
    """The example as plain data, as read from its YAML."""
    data = read_source(path).data
    assert isinstance(data, dict)
    return data


def test_there_are_several_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=_ids)
def test_example_renders_in_every_format(path: Path) -> None:
    release = drafter.load_release(path)
    outputs = drafter.render_all(release)
    assert sorted(outputs) == sorted(drafter.FORMATS)

    page = lxml.html.document_fromstring(outputs["html"])
    title = normalise(page.findtext(".//title") or "")
    assert title
    assert normalise(page.find(".//h1").text_content()) == title

    reader = pypdf.PdfReader(io.BytesIO(outputs["pdf"]))
    assert len(reader.pages) >= 1
    assert title in normalise(pdf_text(outputs["pdf"]))

    document = docx.Document(io.BytesIO(outputs["docx"]))
    assert document.core_properties.title == title
    assert title in docx_blocks(outputs["docx"])
    opening = normalise(page.find(".//main/p[@class='body-text']").text_content())
    frame = release.opening_frame  # the date first: "On 20 July 2012, ..." or "Today, ..."
    starts = {"en": ("On ", "Today, "), "fr": ("Le ", "Aujourd'hui"), "de": ("Am ", "Heute")}
    assert opening.startswith(starts[release.language]) == frame.date_first
    assert opening in normalise(pdf_text(outputs["pdf"]))
    assert any(block.startswith(opening) for block in docx_blocks(outputs["docx"]))


# --- absent parts ----------------------------------------------------------------------------


def _drop(*keys: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for key in keys:
            data.pop(key, None)

    return change


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data[key] = copy.deepcopy(value)

    return change


def _set_meeting(**values: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for key, value in values.items():
            if value is None:
                data["meeting"].pop(key, None)
            else:
                data["meeting"][key] = value

    return change


VARIANTS: dict[str, Callable[[dict[str, Any]], None]] = {
    "as-is": _drop(),
    "no-reference": _drop("reference"),
    "no-body": _drop("body"),
    "no-civil-society": _drop("civil_society"),
    "no-next-round": _drop("next_round"),
    "no-contacts": _drop("contacts"),
    "no-previous-rounds": _drop("previous_rounds"),
    "nothing-optional": _drop(
        "reference", "body", "civil_society", "next_round", "contacts", "previous_rounds"
    ),
    "empty-contacts": _set("contacts", {}),
    "contacts-without-people": _set("contacts", {"mailbox": "press@example.eu"}),
    "contact-name-only": _set("contacts", {"people": [{"name": "Jane Doe"}]}),
    "contact-email-only": _set(
        "contacts", {"people": [{"name": "Jane Doe", "email": "jane.doe@example.eu"}]}
    ),
    "contact-phone-only": _set(
        "contacts", {"people": [{"name": "Jane Doe", "phones": ["+32 2 299 97 80"]}]}
    ),
    "contacts-website-only": _set("contacts", {"website": "https://www.example.eu/"}),
    "next-round-sentence": _set("next_round", {"sentence": "A date will be agreed."}),
    "next-round-date-place": _set("next_round", {"date": "2099-03-01", "place": "Vienna"}),
    "civil-society-sentence": _set("civil_society", {"sentence": "NGOs were consulted."}),
    "co-issuer": _set("co_issuer", "European External Action Service"),
    "own-title": _set("title", "A title of our own"),
    "previous-with-links": _set(
        "previous_rounds",
        [{"date": "1999-05-04", "url": "https://www.example.eu/a"}, {"date": "1998-11-29"}],
    ),
    "previous-own-heading": _set("previous_rounds_heading", "Earlier rounds:"),
    "no-round": _set_meeting(round=None),
    "round-in-figures": _set_meeting(round_style="figures"),
    "named-dialogue": _set_meeting(name="Human Rights Dialogue", article="the"),
    "own-opening": _set_meeting(opening="The talks took place."),
}


def _visible_blocks(html: bytes) -> list[tuple[str, str, str]]:
    """(tag, class, text) of every paragraph-level element, text as the browser shows it."""
    page = lxml.html.document_fromstring(html)
    blocks = []
    for element in page.body.iter("p", "h1", "h2", "h3", "li"):
        raw = element.text_content()
        blocks.append((element.tag, element.get("class", ""), raw))
    return blocks


def _problems(html: bytes) -> list[str]:
    """Every trace of an absent part found in the HTML."""
    found = []
    page = lxml.html.document_fromstring(html)
    for tag, css_class, raw in _visible_blocks(html):
        text = _SPACE.sub(" ", raw)
        where = f"<{tag} class={css_class!r}> {text!r}"
        if not text.strip():
            found.append(f"empty {where}")
        if text != text.strip() or "  " in raw.replace("\n", " "):
            found.append(f"stray spaces in {where}")
        if re.search(r" [,.;:!?)]|\( |\(\)|\[\]|,,|\.\.|, *[,.]|^[,.;:]", text.strip()):
            found.append(f"stray punctuation in {where}")
        if text.strip() in {":", "-", ",", "."} or re.search(r"\b(in|on|of|and|the) ?[.:]$", text):
            found.append(f"sentence cut short in {where}")
    for section in page.body.iter("section", "ul", "ol"):
        content = [
            element.text_content().strip()
            for element in section.iter("p", "li")
            if element.text_content().strip()
        ]
        if not content:
            found.append(f"<{section.tag} class={section.get('class')!r}> with no content")
    for heading in page.body.iter("h1", "h2"):
        if not heading.text_content().strip():
            found.append(f"empty heading <{heading.tag} class={heading.get('class')!r}>")
    return found


@pytest.mark.parametrize("variant", VARIANTS, ids=list(VARIANTS))
@pytest.mark.parametrize("path", EXAMPLES, ids=_ids)
def test_absent_parts_leave_no_trace_in_html(path: Path, variant: str) -> None:
    data = _data(path)
    data.pop("translations", None)  # a translation of a part left out is refused (test_languages)
    VARIANTS[variant](data)
    release = drafter.validate_release(data)
    html = drafter.render(release, "html")
    assert _problems(html) == []


@pytest.mark.parametrize("variant", ["nothing-optional", "empty-contacts", "no-contacts"])
@pytest.mark.parametrize("path", EXAMPLES, ids=_ids)
def test_absent_parts_leave_no_empty_paragraph_in_docx(path: Path, variant: str) -> None:
    data = _data(path)
    data.pop("translations", None)
    VARIANTS[variant](data)
    release = drafter.validate_release(data)
    document = docx.Document(io.BytesIO(drafter.render(release, "docx")))
    section = document.sections[0]
    paragraphs = [
        *section.first_page_header.paragraphs,
        *document.paragraphs,
        *section.first_page_footer.paragraphs,
    ]
    assert [p.style.name for p in paragraphs if not p.text.strip()] == []
    contacts = release.contacts
    has_contacts = bool(contacts and (contacts.people or contacts.mailbox or contacts.website))
    texts = [normalise(p.text) for p in paragraphs]
    assert ("FOR FURTHER DETAILS:" in texts) == has_contacts


def test_the_problem_finder_finds_problems() -> None:
    """The checks above are not vacuous: each kind of trace is caught."""
    bad = (
        b"<html><body><main><h2></h2><p>Held in .</p><p>A  B</p><p>x ()</p>"
        b"<section><h2>Previous:</h2><ul></ul></section></main></body></html>"
    )
    problems = " | ".join(_problems(bad))
    for kind in ("empty heading", "stray spaces", "stray punctuation", "cut short", "no content"):
        assert kind in problems


# --- house wording on the examples -----------------------------------------------------------


def _main_blocks(path: Path, change: Callable[[dict[str, Any]], None] | None = None) -> list[str]:
    data = _data(path)
    if change:
        change(data)
    html = drafter.render(drafter.validate_release(data), "html")
    return [_SPACE.sub(" ", raw).strip() for tag, _, raw in _visible_blocks(html)]


def test_the_reference_wording_is_kept() -> None:
    blocks = _main_blocks(EXAMPLES_DIR.joinpath("eu-russia-2012-07-24.yaml"))
    assert "The EU and Russia hold human rights consultations" in blocks
    assert "Previous Human Rights Consultations:" in blocks
    assert any(
        b.startswith(
            "On 20 July 2012, the European Union and the Russian Federation held their "
            "fifteenth round of human rights consultations in Brussels. The consultations"
        )
        for b in blocks
    )
    assert (
        "In line with established practice and so as to incorporate the views of civil society "
        "into the consultations, the EU met representatives of Russian NGOs in Moscow and "
        "St Petersburg on 24-27 April and international NGOs in Brussels on 19 June."
    ) in blocks


def test_a_named_dialogue_reads_well() -> None:
    path = EXAMPLES_DIR.joinpath("eu-turkmenistan-2013-06-20.yaml")
    blocks = _main_blocks(path)
    assert "Turkmenistan and the EU hold their Human Rights Dialogue" in blocks
    assert any(
        b.startswith(
            "On 18 June 2013, Turkmenistan and the European Union held their 5th round of "
            "the Human Rights Dialogue in Ashgabat."
        )
        for b in blocks
    )
    assert any(
        "The EU welcomed the readiness" in b and "presented its Guidelines on Human" in b
        for b in blocks
    )
    assert not any("FOR FURTHER DETAILS" in b for b in blocks)
    previous = [{"date": "2012-06-12"}, {"date": "2011-05-30"}]
    blocks = _main_blocks(path, _set("previous_rounds", previous))
    assert "Previous rounds of the Human Rights Dialogue:" in blocks
    blocks = _main_blocks(path, _set("next_round", {"timing": "2014", "place": "Brussels"}))
    assert (
        "The next round of the Turkmenistan-EU Human Rights Dialogue should take place in "
        "Brussels in 2014."
    ) in blocks


def test_two_day_round_in_moscow() -> None:
    blocks = _main_blocks(EXAMPLES_DIR.joinpath("eu-russia-2012-12-06.yaml"))
    assert any(
        b.startswith(
            "On 4-5 December 2012, the European Union and the Russian Federation held their "
            "sixteenth round of human rights consultations in Moscow."
        )
        for b in blocks
    )
    assert blocks[-4:-3] == ["Previous Human Rights Consultations:"]
    assert blocks[-3:] == ["20 July 2012", "29 November 2011", "4 May 2011"]


def test_the_joint_communique_names_both_issuers_and_both_parties() -> None:
    blocks = _main_blocks(EXAMPLES_DIR.joinpath("eu-georgia-2016-11-30-joint.yaml"))
    assert blocks[1:3] == ["EUROPEAN UNION", "GOVERNMENT OF GEORGIA"]
    label = blocks.index("Joint communiqué")
    assert blocks[label + 1] == "The EU and Georgia hold their Human Rights Dialogue"
    assert blocks[label + 2].startswith(
        "On 30 November and 1 December 2016, the 8th round of the EU-Georgia Human Rights "
        "Dialogue took place in Tbilisi, in the framework of the EU-Georgia Association "
        "Agreement. The European Union and Georgia discussed"
    )


def test_the_presidency_s_release_names_the_eu_as_represented_by_it() -> None:
    blocks = _main_blocks(EXAMPLES_DIR.joinpath("eu-china-2007-05-15-presidency.yaml"))
    assert "PRESIDENCY OF THE COUNCIL OF THE EUROPEAN UNION" in blocks
    assert any(
        b.startswith(
            "The European Union, represented by the German Presidency, and the People's "
            "Republic of China held the twenty-third round of the EU-China Human Rights "
            "Dialogue in Berlin on 15 May 2007. The talks covered"
        )
        for b in blocks
    )


def test_the_round_with_no_number_is_a_regular_round_held_today() -> None:
    path = EXAMPLES_DIR.joinpath("eu-vietnam-2013-12-13.yaml")
    blocks = _main_blocks(path)
    assert "Hanoi, 13 December 2013" in blocks
    opening = blocks.index(
        "Today, the European Union and Viet Nam held a regular round of the EU-Viet Nam "
        "Human Rights Dialogue."
    )
    assert blocks[opening + 1].startswith("The dialogue covered freedom of expression")
    release = drafter.load_release(path)
    french = drafter.render(release, "html", language="fr")
    assert (
        "Aujourd'hui, l'Union européenne et le Viet Nam ont tenu un cycle régulier du dialogue "
        "sur les droits de l'homme entre l'UE et le Viet Nam."
    ) in [_SPACE.sub(" ", raw).strip() for _, _, raw in _visible_blocks(french)]
