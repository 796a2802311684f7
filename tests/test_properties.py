"""Property tests: any valid release renders in every format and loses none of its words.

Releases are built like the bundled example, with random text (any character the schema
accepts), random numbers of paragraphs, runs, contacts and previous rounds, and random
valid dates. The text of each field must be found in the HTML and the DOCX; in the PDF
too, for Latin text (PDF text extraction is not exact for every script).
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date, timedelta
from typing import Any

import docx
import lxml.html  # type: ignore[import-untyped]
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textutil import docx_text, html_text, normalise, pdf_text

import drafter
from drafter.errors import InputError
from drafter.fields import clean_text
from drafter.wording import date_span, join_words, long_date, sentence_start

FAST = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PDF = settings(FAST, max_examples=6)

# Every character the schema accepts: no control characters, no surrogates, no U+FFFE/FFFF.
ANY_CHARACTER = st.characters(
    exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff"
) | st.sampled_from(" \t\n ")
# Latin text the PDF's text layer gives back exactly: no hyphen (a line may break after
# one), no very long word (it would be broken across lines).
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
LATIN_WORD = st.text(st.sampled_from(LATIN_LETTERS + "éèàçöüñÉ"), min_size=1, max_size=10)
LATIN_PUNCTUATION = st.sampled_from(["", "", "", ",", ".", ";", ":", "!", "?", "'s"])

PHONES = ["+32 498 999 780", "+32 2 299 97 80", "+32 460 75 09 98", "+33 1 44 55 66 77"]
EMAILS = ["press@example.eu", "Jane.Doe@eeas.europa.eu", "a.b-c@consilium.europa.eu"]
WEBSITES = ["http://www.eeas.europa.eu", "https://www.consilium.europa.eu/en/press/"]
LINKS = [
    "https://www.example.org/a?b=1&c=2#d",
    "http://eeas.europa.eu/human_rights/index_en.htm",
    "mailto:press@example.eu",
]


def _valid(text: str) -> bool:
    # format characters alone (a soft hyphen, a zero-width space) are an empty field
    return any(unicodedata.category(char) != "Cf" for char in clean_text(text))


def _texts(latin: bool, max_size: int) -> st.SearchStrategy[str]:
    if latin:
        word = st.tuples(LATIN_WORD, LATIN_PUNCTUATION).map("".join)
        return st.lists(word, min_size=1, max_size=max(1, max_size // 8)).map(" ".join)
    return st.text(ANY_CHARACTER, min_size=1, max_size=max_size).filter(_valid)


@st.composite
def releases(draw: st.DrawFn, latin: bool = False) -> dict[str, Any]:
    """A valid release as plain data, shaped like examples/eu-russia-2012-07-24.yaml."""
    line = _texts(latin, 40)
    text = _texts(latin, 200 if not latin else 120)
    maybe = st.booleans()

    issued = draw(st.dates(date(1990, 1, 1), date(2090, 12, 31)))
    start = issued - timedelta(days=draw(st.integers(0, 40)))
    end = start + timedelta(days=draw(st.integers(0, 4)))
    end = min(end, issued)
    data: dict[str, Any] = {
        "issuer": draw(line),
        "place": draw(line),
        "date": issued,
        "counterpart": {"name": draw(line), "short_name": draw(line)},
        "counterpart_first": draw(maybe),
        "meeting": {
            "name": draw(line),
            "article": draw(st.sampled_from(["", "the"])),
            "round": draw(st.none() | st.integers(1, 999)),
            "round_style": draw(st.sampled_from(["words", "figures"])),
            "date": start,
            "end_date": end if end != start else None,
            "place": draw(line),
        },
    }
    if draw(maybe):
        data["co_issuer"] = draw(line)
    if draw(maybe):
        series = draw(st.sampled_from(["A", "ST", "PRESSE", ""]))
        data["reference"] = f"{series} {draw(st.integers(1, 99999))}/{issued.year}".strip()
    if draw(st.integers(0, 4)) == 0:
        data["title"] = draw(line)
    if draw(st.integers(0, 4)) == 0:
        data["meeting"]["opening"] = draw(text)
    if draw(st.integers(0, 4)) == 0:
        data["eu"] = {"name": draw(line), "short_name": draw(line)}
    if draw(maybe):
        data["counterpart"]["compound"] = draw(line)

    run = st.fixed_dictionaries(
        {"text": text},
        optional={"bold": maybe, "italic": maybe, "url": st.sampled_from(LINKS)},
    )
    paragraph = text | st.lists(run, min_size=1, max_size=4)
    data["body"] = draw(st.lists(paragraph, max_size=2 if latin else 5))

    if draw(maybe):
        meeting = st.builds(
            lambda who, places, back, days: {
                "participants": who,
                "places": places,
                "date": issued - timedelta(days=back),
                "end_date": issued - timedelta(days=back) + timedelta(days=min(days, back)),
            },
            line,
            st.lists(line, min_size=1, max_size=3),
            st.integers(0, 400),
            st.integers(0, 3),
        )
        if draw(st.integers(0, 3)) == 0:
            data["civil_society"] = {"sentence": draw(text)}
        else:
            data["civil_society"] = {"meetings": draw(st.lists(meeting, min_size=1, max_size=3))}

    if draw(maybe):
        timing = line.map(lambda t: "".join(c for c in t if not c.isdigit())).filter(_valid)
        next_round: dict[str, Any] = {}
        choice = draw(st.sampled_from(["timing", "date", "both", "sentence"]))
        if choice in ("timing", "both"):
            next_round["timing"] = draw(timing)
        if choice in ("date", "both"):
            next_round["date"] = end + timedelta(days=draw(st.integers(1, 800)))
        if choice == "sentence":
            next_round["sentence"] = draw(text)
        if draw(maybe):
            next_round["place"] = draw(line)
        if draw(maybe):
            next_round["remark"] = draw(text)
        data["next_round"] = next_round

    if draw(maybe):
        person = st.fixed_dictionaries(
            {"name": line},
            optional={
                "phones": st.lists(st.sampled_from(PHONES), max_size=3),
                "email": st.sampled_from(EMAILS),
            },
        )
        data["contacts"] = draw(
            st.fixed_dictionaries(
                {"people": st.lists(person, max_size=3)},
                optional={
                    "mailbox": st.sampled_from(EMAILS),
                    "website": st.sampled_from(WEBSITES),
                },
            )
        )

    back = draw(st.lists(st.integers(1, 9000), unique=True, max_size=5))
    data["previous_rounds"] = []
    for days in back:
        previous: dict[str, Any] = {"date": start - timedelta(days=days)}
        if draw(maybe):
            previous["url"] = draw(st.sampled_from(LINKS))
        data["previous_rounds"].append(previous)
    if draw(maybe) and back:
        data["previous_rounds_heading"] = draw(line)
    return data


def expected(release: drafter.Release) -> list[str]:
    """Every text the reader must find, as the house prints it."""
    r = release
    found = [r.issuer.upper(), r.place, long_date(r.date)]
    if r.co_issuer:
        found.append(r.co_issuer.upper())
    if r.reference:
        found.append(str(r.reference))
    first, second = r.parties
    if r.title:
        found.append(r.title)
    else:
        found += [sentence_start(first.short_name), second.short_name, r.meeting.name]
    if r.meeting.opening:
        found.append(r.meeting.opening)
    else:
        found += [first.name, second.name, r.meeting.name, r.meeting.place]
        found.append(date_span(r.meeting.date, r.meeting.end_date))
    found += [run.text for paragraph in r.body for run in paragraph]
    if r.civil_society and r.civil_society.sentence:
        found.append(r.civil_society.sentence)
    elif r.civil_society:
        found.append(r.eu.short_name)
        for meeting in r.civil_society.meetings:
            found += [meeting.participants, join_words(meeting.places or [])]
    if r.next_round:
        n = r.next_round
        if n.sentence:
            found.append(n.sentence)
        else:
            found += [f"{first.compound_name}-{second.compound_name}", r.meeting.name]
            found.append(n.timing or long_date(n.date))  # type: ignore[arg-type]
            found += [n.place] if n.place else []
        found += [n.remark] if n.remark else []
    if r.contacts:
        for person in r.contacts.people:
            found += [person.name, *person.phones] + ([person.email] if person.email else [])
        found += [r.contacts.mailbox] if r.contacts.mailbox else []
        found += [r.contacts.website_text] if r.contacts.website else []
    found += [long_date(previous.date) for previous in r.previous_rounds]
    if r.previous_rounds and r.previous_rounds_heading:
        found.append(r.previous_rounds_heading)
    return [normalise(text) for text in found]


def _links(release: drafter.Release) -> set[str]:
    return {run.url for paragraph in release.body for run in paragraph if run.url}


def _missing(texts: list[str], output: str) -> list[str]:
    return [text for text in texts if text not in output]


@FAST
@given(releases())
def test_any_release_renders_to_html_and_docx_with_every_word(data: dict[str, Any]) -> None:
    release = drafter.validate_release(data)
    outputs = drafter.render_all(release, ["html", "docx"])
    texts = expected(release)

    html = normalise(html_text(outputs["html"]))
    assert _missing(texts, html) == []
    page = lxml.html.document_fromstring(outputs["html"])
    assert list(page.iter("script")) == []
    assert _links(release) <= {a.get("href") for a in page.body.iter("a")}

    document = docx.Document(io.BytesIO(outputs["docx"]))
    assert _missing(texts, normalise(docx_text(outputs["docx"]))) == []
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert _links(release) <= targets
    assert len(list(document.element.body.iter(qn("w:hyperlink")))) >= len(_links(release))


@PDF
@given(releases(latin=True))
def test_any_latin_release_renders_to_pdf_with_every_word(data: dict[str, Any]) -> None:
    release = drafter.validate_release(data)
    outputs = drafter.render_all(release)
    texts = expected(release)
    assert _missing(texts, normalise(html_text(outputs["html"]))) == []
    assert _missing(texts, normalise(docx_text(outputs["docx"]))) == []
    assert outputs["pdf"].startswith(b"%PDF-")
    assert _missing(texts, normalise(pdf_text(outputs["pdf"]))) == []


@settings(FAST, max_examples=4)
@given(releases())
def test_any_release_renders_to_pdf(data: dict[str, Any]) -> None:
    release = drafter.validate_release(data)
    try:
        pdf = drafter.render(release, "pdf")
    except InputError as refused:  # only for characters the house's fonts do not draw
        assert all("PDF fonts cannot draw" in p.message for p in refused.problems)
        return
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
