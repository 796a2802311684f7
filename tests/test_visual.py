"""The reference PDF's first page, as printed: the house layout's landmarks are in place.

pdftoppm (poppler-utils) renders page 1 to a PNG, kept in test-artifacts/ to look at;
Pillow finds the emblem's colours at the top, and `pdftotext -bbox` gives the positions of
the footer's words: the contacts low on page 1 and the language code in the corner. A
change to the templates that breaks the layout fails here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from textutil import REFERENCE_YAML

import drafter

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
DPI = 150
MM = 72 / 25.4  # points in a millimetre
BLUE, YELLOW = (0x00, 0x33, 0x99), (0xFF, 0xCC, 0x00)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@dataclass(frozen=True)
class Word:
    """A word on the page and its box, in points from the top left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Page:
    """Page 1: its size in points, its words, and its picture."""

    width: float
    height: float
    words: list[Word]
    picture: Image.Image

    def pixels(self, word: Word) -> Image.Image:
        """The part of the picture where `word` is printed."""
        scale = DPI / 72
        box = (word.left, word.top, word.right, word.bottom)
        return self.picture.crop(tuple(round(v * scale) for v in box))  # type: ignore[arg-type]

    def find(self, *texts: str) -> list[Word]:
        """The first word of each text, in order of the texts."""
        return [next(w for w in self.words if w.text == text) for text in texts]


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    assert found, f"{tool} is missing: install poppler-utils as .ci/run does"
    return found


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Page:
    pdf = tmp_path_factory.mktemp("visual") / "reference.pdf"
    pdf.write_bytes(drafter.render(drafter.load_release(REFERENCE_YAML), "pdf"))
    ARTIFACTS.mkdir(exist_ok=True)
    png = ARTIFACTS / "reference-page-1"
    render = [_poppler("pdftoppm"), "-f", "1", "-l", "1", "-r", str(DPI), "-png", "-singlefile"]
    subprocess.run([*render, str(pdf), str(png)], check=True, timeout=60)
    boxes = subprocess.run(
        [_poppler("pdftotext"), "-f", "1", "-l", "1", "-bbox", str(pdf), "-"],
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    ).stdout
    size = _PAGE.search(boxes)
    assert size is not None
    words = [Word(m[5], *(float(m[i]) for i in range(1, 5))) for m in _WORD.finditer(boxes)]
    picture = Image.open(png.with_suffix(".png")).convert("RGB")
    return Page(float(size[1]), float(size[2]), words, picture)


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def _where(picture: Image.Image, colour: tuple[int, int, int]) -> list[tuple[int, int]]:
    """The (x, y) of every pixel of about `colour`."""
    data, width = picture.tobytes(), picture.width
    return [
        (i // 3 % width, i // 3 // width)
        for i in range(0, len(data), 3)
        if _near(tuple(data[i : i + 3]), colour)
    ]


def _ink(picture: Image.Image) -> int:
    """How many pixels are dark (printed text)."""
    return sum(picture.convert("L").histogram()[:128])


def test_the_png_is_kept_as_an_artefact(page: Page) -> None:
    kept = ARTIFACTS / "reference-page-1.png"
    assert kept.is_file()
    expected = (page.width / 72 * DPI, page.height / 72 * DPI)  # A4 at 150 dpi
    assert page.picture.size == pytest.approx(expected, abs=1)


def test_the_emblem_is_drawn_centred_above_the_issuer(page: Page) -> None:
    top = page.picture.crop((0, 0, page.picture.width, page.picture.height // 5))
    blue, yellow = _where(top, BLUE), _where(top, YELLOW)
    assert len(blue) > 10_000  # 24 x 16 mm of blue, at 150 dpi about 13,000 pixels
    assert len(yellow) > 150  # twelve small stars
    xs, ys = [x for x, _ in blue], [y for _, y in blue]
    left, right, upper, lower = min(xs), max(xs), min(ys), max(ys)
    assert (right - left) / (lower - upper) == pytest.approx(1.5, rel=0.03)
    assert (left + right) / 2 == pytest.approx(page.picture.width / 2, abs=3)
    assert all(left <= x <= right and upper <= y <= lower for x, y in yellow)
    centre = top.getpixel(((left + right) // 2, (upper + lower) // 2))
    assert isinstance(centre, tuple) and _near(centre, BLUE, 8)  # the circle of stars is empty
    (issuer,) = page.find("EUROPEAN")
    assert lower < issuer.top * DPI / 72


def test_the_contacts_are_in_the_lower_part_of_page_1(page: Page) -> None:
    press, details, mann, mailbox, website = page.find(
        "P", "DETAILS:", "Michael", "COMM-SPP-HRVP-ASHTON@ec.europa.eu", "www.eeas.europa.eu"
    )
    assert press.top > 0.75 * page.height
    footer = [details, mann, mailbox, website]
    assert [w.top for w in footer] == sorted(w.top for w in footer)
    assert all(word.top > press.bottom for word in footer)
    body = [w for w in page.words if w.bottom < press.top]
    assert body and max(w.bottom for w in body) < press.top  # the body stops above the footer
    for word in (press, details, mann, website):
        assert _ink(page.pixels(word)) > 10  # printed, not only in the text layer


def test_the_language_code_is_in_the_bottom_right_corner(page: Page) -> None:
    (code,) = [word for word in page.words if word.text == "EN"]
    assert code.right == pytest.approx(page.width - 22 * MM, abs=1)  # at the right margin
    assert code.bottom == max(word.bottom for word in page.words)  # the lowest text
    assert code.bottom > page.height - 25 * MM
    assert _ink(page.pixels(code)) > 10
