"""The form in a real headless Chromium, against a real drafter server.

An officer fills in an empty form, sees the preview follow, is told of a bad e-mail address
next to its field, corrects it and downloads the PDF; and makes the reference release
entirely through the form, from its YAML file uploaded. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from browserutil import chromium
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, expect
from textutil import (
    REFERENCE_YAML,
    docx_blocks,
    html_blocks,
    normalise,
    pdf_text,
    reference_blocks,
)
from webutil import Live, live_server

import drafter
from drafter.languages import language_version
from drafter.web.app import ServerSettings

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="module")
def server() -> Iterator[Live]:
    with live_server(settings=ServerSettings(workers=1)) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser, server: Live) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="en-GB", accept_downloads=True
    )
    outside: list[str] = []  # the form must need nothing from anywhere but the server

    def refuse(route: Route) -> None:
        outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(server.url), refuse)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))

    def console(message: ConsoleMessage) -> None:
        # An invalid release's 422 is part of the form's work; any other error is not.
        if message.type == "error" and "responded with a status of 422" not in message.text:
            errors.append(message.text)

    opened.on("console", console)
    opened.goto(server.url + "/")
    expect(opened.locator("body")).to_have_attribute("data-ready", "true")
    yield opened
    context.close()
    assert errors == []
    assert outside == []


def field(page: Page, path: str) -> str:
    return f'[data-path="{path}"]'


def download(page: Page, fmt: str) -> tuple[str, bytes]:
    with page.expect_download() as caught:
        page.click(f'button[data-format="{fmt}"]')
    done = caught.value
    return done.suggested_filename, Path(done.path()).read_bytes()


def preview_text(page: Page) -> str:
    return normalise(page.frame_locator("#preview").locator("body").inner_text())


def test_an_officer_fills_in_the_form_and_downloads_the_pdf(page: Page) -> None:
    facts = {
        "issuer": "European Union",
        "place": "Brussels",
        "date": "2013-03-05",
        "counterpart.name": "the Republic of Moldova",
        "counterpart.short_name": "Moldova",
        "meeting.name": "human rights dialogue",
        "meeting.date": "2013-03-01",
        "meeting.place": "Chisinau",
    }
    for path, value in facts.items():
        page.fill(field(page, path), value)
    expect(page.frame_locator("#preview").locator("h1")).to_have_text(
        "The EU and Moldova hold human rights dialogue"
    )
    assert "On 1 March 2013, the European Union and the Republic of Moldova" in preview_text(page)

    page.type(field(page, "meeting.place"), " and Tiraspol", delay=20)
    expect(page.frame_locator("#preview").locator("main")).to_contain_text(
        "in Chisinau and Tiraspol"
    )

    page.check("text=Contacts")
    page.click("text=Add contact")
    page.fill(field(page, "contacts.people[0].name"), "Maja Kocijancic")
    page.fill(field(page, "contacts.people[0].email"), "maja.kocijancic.ec.europa.eu")
    email = page.locator(field(page, "contacts.people[0].email"))
    error = page.locator(f"{field(page, 'contacts.people[0].email')} + .error")
    expect(error).to_contain_text("is not a valid e-mail address")
    expect(email).to_have_attribute("aria-invalid", "true")
    described = email.get_attribute("aria-describedby") or ""
    assert error.get_attribute("id") in described.split()

    email.fill("Maja.Kocijancic@ec.europa.eu")
    expect(page.locator(".error")).to_have_count(0)
    expect(page.frame_locator("#preview").locator("footer")).to_contain_text(
        "Maja.Kocijancic@ec.europa.eu"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-form-filled.png"), full_page=True)

    name, pdf = download(page, "pdf")
    assert name == "2013-03-05_release_DRAFT.pdf"
    text = normalise(pdf_text(pdf))
    assert "The EU and Moldova hold human rights dialogue" in text
    assert "in Chisinau and Tiraspol" in text
    assert "Maja Kocijancic" in text and "Maja.Kocijancic@ec.europa.eu" in text


def test_the_reference_release_made_through_the_form(page: Page) -> None:
    page.set_input_files("#upload", str(REFERENCE_YAML))
    expect(page.locator(field(page, "meeting.place"))).to_have_value("Brussels")
    expect(page.frame_locator("#preview").locator("h1")).to_have_text(
        "The EU and Russia hold human rights consultations"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-form-reference.png"))

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
    assert loaded.languages == release.languages
    for code in release.languages:  # the same facts and text in every language
        assert language_version(loaded, code) == language_version(release, code)


def test_lists_add_remove_and_reorder(page: Page) -> None:
    page.set_input_files("#upload", str(REFERENCE_YAML))
    first = page.locator(field(page, "contacts.people[0].name"))
    expect(first).to_have_value("Michael Mann")
    page.click('[aria-label="Move Contact 1 down"]')
    expect(first).to_have_value("Maja Kocijancic")
    expect(page.locator(field(page, "contacts.people[1].name"))).to_have_value("Michael Mann")
    page.click('[aria-label="Remove Contact 3"]')
    expect(page.locator(field(page, "contacts.people[2].name"))).to_have_count(0)
    footer = page.frame_locator("#preview").locator("footer")
    expect(footer).not_to_contain_text("Sebastien Brabant")
    text = normalise(footer.inner_text())
    assert text.index("Maja Kocijancic") < text.index("Michael Mann")


def test_an_upload_with_problems_shows_them_by_their_fields(page: Page, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = REFERENCE_YAML.read_text(encoding="utf-8").replace("round: 15", "round: fifteen")
    text = text.replace("2012-06-19", "2012-06-31").replace("language: en", "language: xx")
    broken.write_text(text)
    # The form keeps the values as they are (no date input empties 2012-06-31, no list of
    # choices drops xx), so the preview request after loading finds the same problems.
    with page.expect_response("**/api/render?format=html") as answered:
        page.set_input_files("#upload", str(broken))
    assert answered.value.status == 422
    expected = {
        "meeting.round": "whole number",
        "civil_society.meetings[1].date": "June 2012 has 30 days",
        "language": "must be one of",
    }
    for path, message in expected.items():
        expect(page.locator(f"{field(page, path)} + .error")).to_contain_text(message)
    expect(page.locator(".error")).to_have_count(len(expected))


def test_new_schema_fields_appear_in_the_form_without_hand_work(
    browser: Browser, server: Live
) -> None:
    """A schema with fields the form was never told of: a mapping, a choice, a date, an odd one."""
    schema = drafter.release_schema()
    schema["$defs"]["Translation"] = {
        "type": "object",
        "description": "The release in another language.",
        "properties": {
            "title": {"type": "string", "maxLength": 300, "description": "The title."},
            "body": {"type": "array", "items": {"type": "string", "maxLength": 10000}},
        },
        "required": ["title"],
    }
    schema["properties"] |= {
        "status": {"enum": ["draft", "final"], "type": "string", "default": "draft"},
        "embargo": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
        "translations": {
            "type": "object",
            "description": "Other language versions.",
            "additionalProperties": {"$ref": "#/$defs/Translation"},
            "propertyNames": {"enum": ["de", "fr"]},
        },
        "oddity": {"oneOf": [{"type": "integer"}, {"type": "object"}]},
    }
    sent: list[dict[str, object]] = []

    def render(route: Route) -> None:
        sent.append(json.loads(route.request.post_data or "{}"))
        route.fulfill(status=200, content_type="text/html", body="<p>preview</p>")

    context = browser.new_context()
    page = context.new_page()
    page.route("**/api/schema", lambda route: route.fulfill(json=schema))
    page.route("**/api/render?format=html", render)
    page.goto(server.url + "/")
    expect(page.locator("body")).to_have_attribute("data-ready", "true")

    page.select_option(field(page, "status"), "final")
    assert page.get_attribute(field(page, "embargo"), "type") == "date"
    page.fill(field(page, "embargo"), "2012-07-24")
    page.check("text=Translations")
    page.click("text=Add to translations")
    key = page.locator(field(page, "translations.de")).first
    assert key.evaluate("element => element.tagName") == "SELECT"
    key.select_option("fr")
    page.fill(field(page, "translations.fr.title"), "Titre")
    page.click("text=Add body")
    page.fill(field(page, "translations.fr.body[0]"), "Le texte.")
    expect(page.get_by_text("Other language versions.")).to_be_visible()
    page.fill(field(page, "oddity"), '{"kept": [1, 2]}')
    page.fill(field(page, "issuer"), "European Union")

    for _ in range(200):  # the preview request after the last change carries everything
        if sent and sent[-1].get("issuer") == "European Union":
            break
        page.wait_for_timeout(50)
    last = sent[-1]
    assert last["status"] == "final" and last["embargo"] == "2012-07-24"
    assert last["translations"] == {"fr": {"title": "Titre", "body": ["Le texte."]}}
    assert last["oddity"] == {"kept": [1, 2]}
    context.close()


def test_axe_finds_no_violations_in_the_filled_form(browser: Browser, server: Live) -> None:
    """The form with the reference release and its problems shown, checked by axe-core."""
    axe = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
    assert axe.is_file(), f"{axe} is missing: npm ci (as .ci/run does)"
    context = browser.new_context(bypass_csp=True)  # axe is injected as an inline script
    page = context.new_page()
    page.goto(server.url + "/")
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    page.set_input_files("#upload", str(REFERENCE_YAML))
    expect(page.frame_locator("#preview").locator("h1")).to_be_visible()
    page.fill(field(page, "contacts.people[0].email"), "not-an-address")
    expect(page.locator(".error")).to_have_count(1)
    page.add_script_tag(path=str(axe))
    results = page.evaluate("async () => await axe.run(document)")
    context.close()
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == []
