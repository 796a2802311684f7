"""The EU emblem, drawn from its official geometric description.

"The emblem is in the form of a blue rectangular flag of which the fly is one and a half
times the length of the hoist. Twelve gold stars situated at equal intervals form an
invisible circle whose centre is the point of intersection of the diagonals of the
rectangle. The radius of the circle is equal to one third of the height of the hoist. Each
of the stars has five points which are situated on the circumference of an invisible circle
whose radius is equal to one eighteenth of the height of the hoist. All the stars are
upright, i.e. with one point vertical and two points in a straight line at right angles to
the mast. The circle is arranged so that the stars appear in the position of the hours on
the face of a clock." Colours: Reflex Blue (#003399) and Yellow (#FFCC00).

The geometry is pure arithmetic; `svg` writes it for HTML and PDF, `png` draws it for Word.
Coordinates are rounded, so every machine writes the same bytes.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import cache
from html import escape

__all__ = ["BLUE", "YELLOW", "Emblem", "Point", "Star", "emblem", "png", "svg"]

BLUE = "#003399"
YELLOW = "#FFCC00"
STARS = 12
POINTS = 5
#: Radius of a regular five-pointed star's inner corners, as a share of its points' radius.
INNER_RATIO = math.cos(math.radians(72)) / math.cos(math.radians(36))
#: The height of the flag in SVG user units: 540 makes the radii whole (180 and 30).
SVG_HEIGHT = 540
_SUPERSAMPLE = 4


@dataclass(frozen=True)
class Point:
    """A point on the flag, in the flag's units, y growing downwards."""

    x: float
    y: float

    def distance(self, other: Point) -> float:
        """The distance to `other`."""
        return math.hypot(self.x - other.x, self.y - other.y)


def _polar(centre: Point, radius: float, degrees: float) -> Point:
    """The point `radius` away from `centre`, `degrees` clockwise from straight up."""
    angle = math.radians(degrees)
    return Point(centre.x + radius * math.sin(angle), centre.y - radius * math.cos(angle))


@dataclass(frozen=True)
class Star:
    """One upright five-pointed star, inscribed in a circle of `radius` around `centre`."""

    centre: Point
    radius: float

    @property
    def points(self) -> tuple[Point, ...]:
        """The five points, clockwise from the one straight up."""
        return tuple(_polar(self.centre, self.radius, 360 / POINTS * i) for i in range(POINTS))

    @property
    def outline(self) -> tuple[Point, ...]:
        """The ten corners of the star's outline: point, inner corner, point, ..."""
        inner = self.radius * INNER_RATIO
        step = 360 / POINTS / 2
        return tuple(
            _polar(self.centre, self.radius if i % 2 == 0 else inner, step * i)
            for i in range(2 * POINTS)
        )


@dataclass(frozen=True)
class Emblem:
    """The flag: its size and its twelve stars."""

    height: float
    stars: tuple[Star, ...]

    @property
    def width(self) -> float:
        """The fly: one and a half times the hoist."""
        return self.height * 3 / 2

    @property
    def centre(self) -> Point:
        """Where the flag's diagonals cross: the centre of the circle of stars."""
        return Point(self.width / 2, self.height / 2)


def emblem(height: float = 1.0) -> Emblem:
    """The emblem for a flag `height` high: stars at the hours of a clock, 12 o'clock first."""
    flag = Emblem(height, ())
    ring, radius = height / 3, height / 18
    stars = tuple(
        Star(_polar(flag.centre, ring, 360 / STARS * hour), radius) for hour in range(STARS)
    )
    return Emblem(height, stars)


def _number(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros ("-0" written as "0")."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _path(star: Star) -> str:
    corners = [f"{_number(p.x)} {_number(p.y)}" for p in star.outline]
    return "M" + "L".join(corners) + "Z"


def svg(label: str, *, css_class: str = "emblem") -> str:
    """The emblem as an SVG element for inline use, named `label` for assistive technology."""
    flag = emblem(SVG_HEIGHT)
    width, height = _number(flag.width), _number(flag.height)
    stars = "".join(_path(star) for star in flag.stars)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" role="img" '
        f'aria-label="{escape(label)}" viewBox="0 0 {width} {height}" width="90" height="60">'
        f'<path fill="{BLUE}" d="M0 0H{width}V{height}H0Z"/>'
        f'<path fill="{YELLOW}" d="{stars}"/>'
        "</svg>"
    )


@cache
def png(height: int) -> bytes:
    """The emblem as a PNG picture `height` pixels high, smoothed by drawing it larger first."""
    from PIL import Image, ImageDraw

    flag = emblem(height * _SUPERSAMPLE)
    size = (round(flag.width), round(flag.height))
    picture = Image.new("RGB", size, BLUE)
    pen = ImageDraw.Draw(picture)
    for star in flag.stars:
        pen.polygon([(p.x, p.y) for p in star.outline], fill=YELLOW)
    final = (round(flag.width / _SUPERSAMPLE), height)
    buffer = io.BytesIO()
    picture.resize(final, Image.Resampling.BOX).save(buffer, format="PNG")
    return buffer.getvalue()
