"""The guided form in a real headless Chromium, against a real drafter server.

A press officer drafts the next round from the last one in the archive, by mouse and by
keyboard alone, switches the form to French, sees no problems and downloads the PDF and the
Word file, which hold what was typed. Screenshots of each step go to test-artifacts/webform/
(or DRAFTER_SCREENSHOTS: docs/images for the docs).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from browserutil import chromium
from formutil import download, field, open_form, show, snap, tab_to
from playwright.sync_api import Browser, Page, expect
from textutil import (
    REFERENCE_YAML,
    docx_blocks,
    docx_text,
    html_blocks,
    normalise,
    pdf_text,
    reference_blocks,
)
from webutil import Live, live_server

import drafter
from drafter.languages import language_version
from drafter.web.app import ServerSettings

EXAMPLES = REFERENCE_YAML.parent
PARAGRAPH = (
    "The consultations were held in Moscow for the first time. The EU and Russia discussed "
    "the work of civil society and the freedom of the media."
)
CONTACT = ("Nabila Massrali", "Nabila.Massrali@eeas.europa.eu")


@pytest.fixture(scope="module")
def server() -> Iterator[Live]:
    with live_server(settings=ServerSettings(workers=1, archive=EXAMPLES)) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser, server: Live) -> Iterator[Page]:
    yield from open_form(browser, server.url)


def assert_downloads_hold_what_was_typed(page: Page, *, keyboard: bool = False) -> None:
    """The PDF and the Word file (clicked, or reached by Tab and pressed with Enter)."""
    if keyboard:
        tab_to(page, 'button[data-format="pdf"]')
    name, pdf = download(page, "pdf", keyboard=keyboard)
    assert name.endswith("_DRAFT.pdf")
    if keyboard:
        tab_to(page, 'button[data-format="docx"]')
    name, word = download(page, "docx", keyboard=keyboard)
    assert name.endswith("_DRAFT.docx")
    for text in (normalise(pdf_text(pdf)), normalise(docx_text(word))):
        assert "Brussels, 30 November 2012" in text
        assert "On 29 November 2012" in text and "seventeenth round" in text
        assert "in Moscow" in text and PARAGRAPH in text
        assert CONTACT[0] in text and CONTACT[1] in text


def test_an_officer_drafts_the_next_round_from_the_last(page: Page) -> None:
    snap(page, "1-start")
    page.select_option("#archive", REFERENCE_YAML.name)
    page.click("#draft-next")
    expect(page.locator("#h-meeting")).to_be_focused()
    expect(page.locator("#summary li").first).to_contain_text(
        "Date of the release: still to fill in: the date of the release, YYYY-MM-DD"
    )
    snap(page, "2-drafted")

    page.fill(field("meeting.date"), "2012-11-29")
    page.fill(field("meeting.place"), "Moscow")
    page.fill(field("meeting.round"), "17")
    page.fill(field("date"), "2012-11-30")
    opening = page.locator('[data-sentence="opening"]')
    expect(opening).to_contain_text("On 29 November 2012, the European Union and the Russian")
    expect(opening).to_contain_text("seventeenth round")
    expect(opening).to_contain_text("in Moscow")
    snap(page, "3-meeting")

    show(page, "body[0]")
    page.fill(field("body[0]"), PARAGRAPH)
    page.fill(field("civil_society.meetings[0].participants"), "representatives of Russian NGOs")
    page.fill(field("civil_society.meetings[0].places[0]"), "Moscow")
    page.fill(field("civil_society.meetings[0].date"), "2012-11-28")
    page.fill(field("next_round.timing"), "spring 2013")
    page.fill(field("next_round.remark"), "The next round should be held in Brussels.")
    expect(page.locator('[data-sentence="next_round"]')).to_contain_text("in spring 2013")
    snap(page, "4-body")

    show(page, "contacts.people")
    page.click('[data-path="contacts.people"] > .list-tools button')
    page.fill(field("contacts.people[3].name"), CONTACT[0])
    page.fill(field("contacts.people[3].email"), CONTACT[1])
    expect(page.frame_locator("#preview").locator("footer")).to_contain_text(CONTACT[1])
    snap(page, "5-contacts")

    page.select_option("#ui-language", "fr")
    expect(page.locator("h1")).to_have_text("Rédiger un communiqué de presse")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("#summary")).to_have_text("Aucun problème : le communiqué est complet.")
    expect(page.locator("#release .error, #release .warning")).to_have_count(0)
    expect(page.locator(field("contacts.people[3].email"))).to_have_value(CONTACT[1])  # kept
    expect(page.get_by_label("Courriel").last).to_have_value(CONTACT[1])  # labelled in French
    expect(page.frame_locator("#preview").locator("main")).to_contain_text(PARAGRAPH)
    snap(page, "6-french", top=True)
    assert_downloads_hold_what_was_typed(page)


def type_into(page: Page, selector: str, text: str) -> None:
    """Tab to a field, select what it holds and type over it."""
    tab_to(page, selector)
    page.keyboard.press("Control+a")
    page.keyboard.type(text)


def test_the_same_task_by_keyboard_only(page: Page) -> None:
    tab_to(page, "#archive")
    for _ in range(20):
        if page.eval_on_selector("#archive", "el => el.value") == REFERENCE_YAML.name:
            break
        page.keyboard.press("ArrowDown")
    tab_to(page, "#draft-next")
    page.keyboard.press("Enter")
    expect(page.locator("#h-meeting")).to_be_focused()

    tab_to(page, field("meeting.date"))
    page.keyboard.type("11292012")  # headless Chromium's date field: month, day, year
    type_into(page, field("meeting.place"), "Moscow")
    type_into(page, field("meeting.round"), "17")
    tab_to(page, field("date"))
    page.keyboard.type("11302012")
    expect(page.locator('[data-sentence="opening"]')).to_contain_text("seventeenth round")
    tab_to(page, '[data-step="meeting"] .step-tools .primary')
    page.keyboard.press("Enter")
    expect(page.locator("#h-parties")).to_be_focused()
    tab_to(page, '[data-step="parties"] .step-tools .primary')
    page.keyboard.press("Enter")

    type_into(page, field("body[0]"), PARAGRAPH)
    type_into(page, field("civil_society.meetings[0].participants"), "Russian NGOs")
    type_into(page, field("civil_society.meetings[0].places[0]"), "Moscow")
    tab_to(page, field("civil_society.meetings[0].date"))
    page.keyboard.type("11282012")
    type_into(page, field("next_round.timing"), "spring 2013")
    type_into(page, field("next_round.remark"), "The next round should be held in Brussels.")
    tab_to(page, '[data-step="body"] .step-tools .primary')
    page.keyboard.press("Enter")

    tab_to(page, '[data-path="contacts.people"] > .list-tools button')
    page.keyboard.press("Enter")
    type_into(page, field("contacts.people[3].name"), CONTACT[0])
    type_into(page, field("contacts.people[3].email"), CONTACT[1])
    expect(page.frame_locator("#preview").locator("footer")).to_contain_text(CONTACT[1])

    tab_to(page, "#ui-language", back=True)
    page.keyboard.press("ArrowDown")  # English, Français, Deutsch
    expect(page.locator("h1")).to_have_text("Rédiger un communiqué de presse")
    expect(page.locator("#summary")).to_have_text("Aucun problème : le communiqué est complet.")
    assert_downloads_hold_what_was_typed(page, keyboard=True)


def test_the_draft_is_kept_in_the_browser_across_a_reload(page: Page) -> None:
    page.click("#blank")
    page.fill(field("meeting.place"), "Bishkek")
    show(page, "counterpart.short_name")
    page.fill(field("counterpart.short_name"), "Kyrgyzstan")
    page.wait_for_function(
        "() => (localStorage.getItem('drafter.draft') || '').includes('Kyrgyzstan')"
    )
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    expect(page.locator("#status")).to_have_text("Your draft was restored from this browser.")
    expect(page.locator(field("counterpart.short_name"))).to_be_visible()  # the same step
    expect(page.locator(field("counterpart.short_name"))).to_have_value("Kyrgyzstan")
    expect(page.locator(field("meeting.place"))).to_have_value("Bishkek")


def test_the_generated_sentence_and_my_own(page: Page) -> None:
    page.set_input_files("#upload", str(REFERENCE_YAML))
    opening = page.locator('[data-sentence="opening"]')
    expect(opening).to_contain_text("On 20 July 2012")
    own = page.get_by_label("Write my own sentence").first
    own.check()
    mine = page.locator(field("meeting.opening"))
    expect(mine).to_be_focused()
    assert mine.input_value().startswith("On 20 July 2012")  # drafter's, to edit
    mine.fill("On 20 July 2012, the EU and Russia met in Brussels.")
    main = page.frame_locator("#preview").locator("main")
    expect(main).to_contain_text("On 20 July 2012, the EU and Russia met in Brussels.")
    page.fill(field("meeting.date"), "2012-07-19")
    expect(opening).to_contain_text("On 19 July 2012")  # drafter's still follows the facts
    expect(page.locator("#summary")).to_contain_text("opening-facts")  # check: the old date
    own.uncheck()
    expect(main).to_contain_text("On 19 July 2012, the European Union")


def test_yaml_download_and_upload_round_trip_exactly(page: Page, tmp_path: Path) -> None:
    page.set_input_files("#upload", str(REFERENCE_YAML))
    expect(page.frame_locator("#preview").locator("h1")).to_have_text(
        "The EU and Russia hold human rights consultations"
    )
    outputs = {fmt: download(page, fmt) for fmt in ("pdf", "docx", "html", "yaml")}
    assert {name for name, _ in outputs.values()} == {
        *(f"2012-07-24_A-350-12.{fmt}" for fmt in ("pdf", "docx", "html", "yaml")),
    }
    expected = Counter(reference_blocks())
    assert Counter(html_blocks(outputs["html"][1])) == expected
    assert Counter(docx_blocks(outputs["docx"][1])) == expected
    pdf = normalise(pdf_text(outputs["pdf"][1]))
    assert [block for block in reference_blocks() if block not in pdf] == []
    release = drafter.load_release(REFERENCE_YAML)
    loaded = drafter.load_release(outputs["yaml"][1])
    for code in release.languages:  # the same facts and text in every language
        assert language_version(loaded, code) == language_version(release, code)
    again = tmp_path / "again.yaml"
    again.write_bytes(outputs["yaml"][1])
    page.set_input_files("#upload", str(again))
    expect(page.locator(field("meeting.place"))).to_have_value("Brussels")
    assert download(page, "yaml")[1] == outputs["yaml"][1]


def test_lists_add_remove_and_reorder(page: Page) -> None:
    page.set_input_files("#upload", str(REFERENCE_YAML))
    show(page, "contacts.people[0].name")
    first = page.locator(field("contacts.people[0].name"))
    expect(first).to_have_value("Michael Mann")
    page.click('[aria-label="Move Contact 1 down"]')
    expect(first).to_have_value("Maja Kocijancic")
    expect(page.locator(field("contacts.people[1].name"))).to_have_value("Michael Mann")
    page.click('[aria-label="Remove Contact 3"]')
    expect(page.locator(field("contacts.people[2].name"))).to_have_count(0)
    footer = page.frame_locator("#preview").locator("footer")
    expect(footer).not_to_contain_text("Sebastien Brabant")
    text = normalise(footer.inner_text())
    assert text.index("Maja Kocijancic") < text.index("Michael Mann")


def test_problems_at_their_fields_and_in_the_summary(page: Page, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = REFERENCE_YAML.read_text(encoding="utf-8").replace("round: 15", "round: fifteen")
    text = text.replace("2012-06-19", "2012-06-31").replace("language: en", "language: xx")
    broken.write_text(text)
    with page.expect_response("**/api/render?format=html") as answered:
        page.set_input_files("#upload", str(broken))
    assert answered.value.status == 422
    expected = {
        "meeting.round": "whole number",
        "civil_society.meetings[1].date": "June 2012 has 30 days",
        "language": "must be one of",
    }
    for path, message in expected.items():
        control = page.locator(field(path))
        error = page.locator(f"{field(path)} + .error")
        expect(error).to_contain_text(message)
        expect(control).to_have_attribute("aria-invalid", "true")
        described = (control.get_attribute("aria-describedby") or "").split()
        assert error.get_attribute("id") in described
    expect(page.locator("#release .error")).to_have_count(len(expected))
    expect(page.locator("#summary li")).to_have_count(len(expected))
    page.locator("#summary a", has_text="June 2012 has 30 days").click()  # to its step, focused
    expect(page.locator(field("civil_society.meetings[1].date"))).to_be_focused()
    expect(page.locator('#steps button[data-goto="body"]')).to_have_attribute(
        "aria-current", "step"
    )
    expect(page.locator('button[data-format="pdf"]')).to_be_disabled()


def test_a_final_release_cannot_be_downloaded_until_it_passes(page: Page) -> None:
    page.set_input_files("#upload", str(REFERENCE_YAML))  # final
    expect(page.locator('button[data-format="pdf"]')).to_be_enabled()
    show(page, "body[0]")
    page.fill(field("body[1]"), "The EU raised concerns, e.g., on the media.")  # "e.g.,": error
    expect(page.locator("#blocked")).to_be_visible()
    expect(page.locator('button[data-format="pdf"]')).to_be_disabled()
    expect(page.locator(f"{field('body[1]')} + .error")).to_contain_text("eg-ie")
    page.fill(field("body[1]"), "The EU raised concerns, e.g. on the media.")
    expect(page.locator('button[data-format="pdf"]')).to_be_enabled()
    expect(page.locator("#blocked")).to_be_hidden()


def test_new_schema_fields_appear_in_the_form_without_hand_work(
    browser: Browser, server: Live
) -> None:
    """A schema with fields the form was never told of: a choice, a date, an odd one."""
    schema = drafter.release_schema()
    schema["properties"] |= {
        "urgency": {"enum": ["low", "high"], "type": "string", "default": "low"},
        "published": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
        "oddity": {"oneOf": [{"type": "integer"}, {"type": "object"}]},
    }
    sent: list[dict[str, object]] = []
    context = browser.new_context()
    page = context.new_page()
    page.route("**/api/schema", lambda route: route.fulfill(json=schema))

    def render(route: object) -> None:
        sent.append(json.loads(route.request.post_data or "{}"))  # type: ignore[attr-defined]
        route.fulfill(status=200, content_type="text/html", body="<p>preview</p>")  # type: ignore[attr-defined]

    page.route("**/api/render?format=html", render)
    page.goto(server.url + "/")
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    page.click("#blank")
    show(page, "urgency")
    page.select_option(field("urgency"), "high")
    assert page.get_attribute(field("published"), "type") == "date"
    page.fill(field("published"), "2012-07-24")
    page.fill(field("oddity"), '{"kept": [1, 2]}')
    show(page, "issuer")
    page.fill(field("issuer"), "European Union")
    page.wait_for_function("() => document.body.dataset.ready === 'true'")
    for _ in range(200):  # the preview request after the last change carries everything
        if sent and sent[-1].get("issuer") == "European Union":
            break
        page.wait_for_timeout(50)
    last = sent[-1]
    assert last["urgency"] == "high" and last["published"] == "2012-07-24"
    assert last["oddity"] == {"kept": [1, 2]}
    context.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_axe_finds_no_violations_in_any_step(browser: Browser, server: Live, language: str) -> None:
    """Every step of the form, with problems shown, checked by axe-core."""
    axe = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
    assert axe.is_file(), f"{axe} is missing: npm ci (as .ci/run does)"
    for page in open_form(browser, server.url, bypass_csp=True):  # axe is an inline script
        page.select_option("#ui-language", language)
        page.select_option("#archive", REFERENCE_YAML.name)
        page.click("#draft-next")
        expect(page.locator("#summary li").first).to_be_visible()
        page.add_script_tag(path=str(axe))
        steps = page.locator("#steps button")
        found = []
        for index in range(steps.count()):
            steps.nth(index).click()
            for summary in page.locator(
                "[data-step]:not([hidden]) details:visible > summary"
            ).all():
                summary.click()
            results = page.evaluate("async () => await axe.run(document)")
            found += [
                (index, v["id"], [n["target"] for n in v["nodes"]][:3])
                for v in results["violations"]
            ]
        assert found == []


def test_the_preview_and_downloads_in_another_of_the_releases_languages(page: Page) -> None:
    page.set_input_files("#upload", str(REFERENCE_YAML))
    title = page.frame_locator("#preview").locator("h1")
    expect(title).to_have_text("The EU and Russia hold human rights consultations")
    expect(page.locator("#preview-language option")).to_have_count(4)  # en, fr, de, bg
    page.select_option("#preview-language", "fr")
    expect(title).to_contain_text("consultations sur les droits de l'homme")
    name, pdf = download(page, "pdf")
    assert name == "2012-07-24_A-350-12_FR.pdf"
    assert "Union européenne".upper() in pdf_text(pdf).upper()
    assert download(page, "yaml")[0] == "2012-07-24_A-350-12.yaml"  # every language


def test_what_the_officer_types_is_shown_as_text_never_as_html(page: Page, tmp_path: Path) -> None:
    hostile = '<img src=x onerror="document.body.dataset.pwned=1"><b>bold</b>'
    text = REFERENCE_YAML.read_text(encoding="utf-8")
    text = text.replace("round: 15", f"round: '{hostile}'")
    text = text.replace("name: Michael Mann", f"name: '{hostile}'")
    broken = tmp_path / "hostile.yaml"
    broken.write_text(text, encoding="utf-8")
    page.set_input_files("#upload", str(broken))
    expect(page.locator("#summary li").first).to_contain_text("<b>bold</b>")
    assert page.locator("#summary b, #release b, #summary img, #release img").count() == 0
    show(page, "contacts.people[0].name")
    expect(page.locator(field("contacts.people[0].name"))).to_have_value(hostile)
    assert page.evaluate("() => document.body.dataset.pwned") is None
