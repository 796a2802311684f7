"""The HTML writer: the house's semantic HTML as one standalone UTF-8 file."""

from __future__ import annotations

from drafter.templating import House

__all__ = ["write_html"]


def write_html(html: str, house: House) -> bytes:
    """The HTML document as bytes; its stylesheet is already inside it."""
    del house
    return html.encode("utf-8")
