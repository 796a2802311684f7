"""The emblem follows its official geometric description, as geometry, SVG and PNG."""

from __future__ import annotations

import io
import math
import re
from xml.etree import ElementTree

import pytest
from PIL import Image

from drafter import emblem
from drafter.structure import Block, parse_document

HEIGHT = 540.0
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def flag() -> emblem.Emblem:
    return emblem.emblem(HEIGHT)


def test_the_flag_is_one_and_a_half_times_as_wide_as_high(flag: emblem.Emblem) -> None:
    assert (flag.width, flag.height) == (810, 540)
    assert flag.centre == emblem.Point(405, 270)


def test_twelve_stars_on_a_circle_a_third_of_the_height(flag: emblem.Emblem) -> None:
    assert len(flag.stars) == 12
    for star in flag.stars:
        assert star.centre.distance(flag.centre) == pytest.approx(HEIGHT / 3)


def test_the_stars_stand_at_the_hours_of_a_clock(flag: emblem.Emblem) -> None:
    for hour, star in enumerate(flag.stars):
        dx, dy = star.centre.x - flag.centre.x, flag.centre.y - star.centre.y
        clockwise_from_noon = math.degrees(math.atan2(dx, dy)) % 360
        assert clockwise_from_noon == pytest.approx(30 * hour, abs=1e-9)
    twelve, three, six, nine = (flag.stars[i].centre for i in (0, 3, 6, 9))
    assert (twelve.x, twelve.y) == pytest.approx((405, 90))
    assert (three.x, three.y) == pytest.approx((585, 270))
    assert (six.x, six.y) == pytest.approx((405, 450))
    assert (nine.x, nine.y) == pytest.approx((225, 270))


def test_each_star_has_five_points_on_a_circle_an_eighteenth_of_the_height(
    flag: emblem.Emblem,
) -> None:
    for star in flag.stars:
        assert star.radius == pytest.approx(HEIGHT / 18)
        assert len(star.points) == 5
        for point in star.points:
            assert point.distance(star.centre) == pytest.approx(HEIGHT / 18)
        sides = {
            round(a.distance(b), 9)
            for a, b in zip(star.points, star.points[1:] + star.points[:1], strict=True)
        }
        assert len(sides) == 1  # a regular star: its points evenly spaced


def test_every_star_is_upright(flag: emblem.Emblem) -> None:
    """One point straight up; two points on a line at right angles to the mast."""
    for star in flag.stars:
        top, right, _, _, left = star.points
        assert top.x == pytest.approx(star.centre.x)
        assert top.y < star.centre.y
        assert left.y == pytest.approx(right.y)
        assert left.x < star.centre.x < right.x


def test_the_outline_alternates_points_and_inner_corners(flag: emblem.Emblem) -> None:
    star = flag.stars[0]
    outline = star.outline
    assert len(outline) == 10
    assert outline[::2] == pytest.approx(star.points)
    inner = [corner.distance(star.centre) for corner in outline[1::2]]
    # a regular pentagram's inner corners lie where its straight edges cross
    assert inner == pytest.approx([star.radius * (3 - math.sqrt(5)) / 2] * 5)


def _svg(label: str = "Emblem of the European Union") -> ElementTree.Element:
    return ElementTree.fromstring(emblem.svg(label))


def test_svg_draws_the_flag_and_the_stars_in_the_official_colours() -> None:
    root = _svg()
    assert root.get("viewBox") == "0 0 810 540"
    background, stars = root.findall(f"{SVG_NS}path")
    assert (background.get("fill"), stars.get("fill")) == ("#003399", "#FFCC00")
    assert background.get("d") == "M0 0H810V540H0Z"
    shapes = re.findall(r"M([^Z]*)Z", stars.get("d") or "")
    assert len(shapes) == 12
    flag = emblem.emblem(HEIGHT)
    for shape, star in zip(shapes, flag.stars, strict=True):
        corners = [tuple(map(float, pair.split())) for pair in shape.split("L")]
        assert len(corners) == 10
        for (x, y), corner in zip(corners, star.outline, strict=True):
            assert (x, y) == pytest.approx((corner.x, corner.y), abs=0.005)


def test_svg_has_an_accessible_name_and_escapes_it() -> None:
    root = _svg('Emblem "EU" & <stars>')
    assert root.get("role") == "img"
    assert root.get("aria-label") == 'Emblem "EU" & <stars>'
    assert root.find(f"{SVG_NS}title") is None  # a <title> would be read as page text
    assert emblem.svg("x") == emblem.svg("x")


def test_png_draws_the_same_geometry() -> None:
    picture = Image.open(io.BytesIO(emblem.png(240))).convert("RGB")
    assert picture.size == (360, 240)
    scale = 240 / HEIGHT
    blue, yellow = (0x00, 0x33, 0x99), (0xFF, 0xCC, 0x00)
    assert picture.getpixel((2, 2)) == blue
    assert picture.getpixel((180, 120)) == blue  # the circle's centre is empty
    for star in emblem.emblem(HEIGHT).stars:
        centre = (round(star.centre.x * scale), round(star.centre.y * scale))
        assert _near(picture.getpixel(centre), yellow)
        beside = (round((star.centre.x + 2.5 * star.radius) * scale), centre[1])
        assert _near(picture.getpixel(beside), blue)
    assert emblem.png(240) == emblem.png.__wrapped__(240)  # the same bytes when drawn again


def _near(pixel: object, colour: tuple[int, int, int], tolerance: int = 8) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def test_the_structure_reads_the_emblem_as_a_picture_not_as_text() -> None:
    """The Word writer gets the emblem as a figure with its name; SVG text is not the page's."""
    picture = emblem.svg("Emblem of the EU").replace("<path", "<title>Flag</title><path", 1)
    html = (
        "<html lang='en'><head><title>The title</title></head><body><header>"
        f"{picture}<p class='issuer'>EUROPEAN UNION</p></header></body></html>"
    )
    document = parse_document(html)
    assert document.title == "The title"
    figure, issuer = document.blocks
    assert figure == Block("svg", ("emblem",), "header", (), "Emblem of the EU")
    assert figure.is_figure and figure.text == ""
    assert (issuer.text, issuer.is_figure) == ("EUROPEAN UNION", False)
