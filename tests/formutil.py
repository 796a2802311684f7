"""Driving the guided web form in Chromium: its fields, steps, downloads and screenshots."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, ConsoleMessage, Page, Route, expect
from textutil import REPO

__all__ = [
    "SHOTS",
    "download",
    "field",
    "open_form",
    "show",
    "snap",
    "tab_to",
]

SHOTS = Path(os.environ.get("DRAFTER_SCREENSHOTS") or REPO / "test-artifacts" / "webform")
"""Where the screenshots of each step go (DRAFTER_SCREENSHOTS=docs/images for the docs)."""


def open_form(browser: Browser, url: str, **options: object) -> Iterator[Page]:
    """The form at `url` in a new context (1280x800), with nothing fetched from elsewhere.

    After the block: no script error, no console error but an invalid release's 422.
    """
    context = browser.new_context(
        viewport={"width": 1280, "height": 800},
        locale="en-GB",
        accept_downloads=True,
        **options,  # type: ignore[arg-type]
    )
    outside: list[str] = []

    def refuse(route: Route) -> None:
        outside.append(route.request.url)
        route.abort()

    context.route(lambda address: not address.startswith(url), refuse)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def console(message: ConsoleMessage) -> None:
        if message.type == "error" and "status of 422" not in message.text:
            errors.append(message.text)

    page.on("console", console)
    page.goto(url + "/")
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    yield page
    context.close()
    assert errors == []
    assert outside == []


def field(path: str) -> str:
    """The selector of the field at a release path (`contacts.people[0].email`)."""
    return f'[data-path="{path}"]'


def show(page: Page, path: str) -> None:
    """Go to the step of a field and unfold what holds it, as an officer clicks."""
    step = page.locator(f"[data-step]:has({field(path)})").first.get_attribute("data-step")
    page.click(f'#steps button[data-goto="{step}"]')
    for _ in range(3):
        closed = page.locator(f"details:not([open]):has({field(path)}) > summary")
        if closed.count() == 0:
            break
        closed.first.click()


def download(page: Page, fmt: str, *, keyboard: bool = False) -> tuple[str, bytes]:
    """Download a format by clicking its button (`keyboard`: Enter on the focused button)."""
    with page.expect_download() as caught:
        if keyboard:
            page.keyboard.press("Enter")
        else:
            page.click(f'button[data-format="{fmt}"]')
    done = caught.value
    return done.suggested_filename, Path(done.path()).read_bytes()


def snap(page: Page, name: str, *, top: bool = False) -> None:
    """A screenshot of the window as the officer sees it (`top`: scrolled to the top)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    if top:
        page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / f"webform-{name}.png"))


def tab_to(page: Page, selector: str, *, back: bool = False, limit: int = 400) -> None:
    """Press Tab (Shift+Tab with `back`) until the focus is on `selector`."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"the keyboard never reached {selector}")
