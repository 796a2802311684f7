"""The PDF writer: the house's HTML laid out on A4 by WeasyPrint with the house's print CSS.

WeasyPrint may read only the house's own files (stylesheets, fonts, images), found through
the house's search path; any other address, local or remote, stops the render.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import mimetypes
import os
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from drafter.errors import TemplateError
from drafter.templating import House

__all__ = ["write_pdf"]

logger = logging.getLogger(__name__)


class _QuietSubsetNotice(logging.Filter):
    """Drops WeasyPrint's notice about its font subsetter: a packaging detail, not news."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "HarfBuzz-Subset" not in record.getMessage()


logging.getLogger("weasyprint").addFilter(_QuietSubsetNotice())


class HouseFetcher(URLFetcher):  # type: ignore[misc]
    """Serves `data:` URLs and the house's own files; refuses every other address."""

    def __init__(self, house: House) -> None:
        super().__init__(fail_on_errors=True, allowed_protocols={"data", "file"})
        self.house = house
        self.base = house.dirs[-1]

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """The resource at `url`, if it is one drafter allows."""
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise PermissionError(f"drafter does not fetch {url}")
        path = Path(unquote(parts.path))
        if not path.is_relative_to(self.base):
            raise PermissionError(f"drafter reads only the house's own files, not {path}")
        found = self.house.find(path.relative_to(self.base).as_posix())
        if found is None:
            raise FileNotFoundError(f"the house has no file {path.relative_to(self.base)}")
        kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, found.read_bytes(), {"Content-Type": kind})


_EPOCH_LOCK = threading.Lock()
_epoch_users = 0


@contextlib.contextmanager
def _fixed_font_timestamps() -> Iterator[None]:
    """Fix the timestamp fontTools writes into font subsets, unless SOURCE_DATE_EPOCH is set.

    fontTools stamps each subset with the current time (or SOURCE_DATE_EPOCH), which would
    make every PDF differ; the release's own dates are in the PDF's metadata instead.
    """
    global _epoch_users  # one counter shared by concurrent renders
    with _EPOCH_LOCK:
        ours = _epoch_users > 0 or "SOURCE_DATE_EPOCH" not in os.environ
        if ours:
            _epoch_users += 1
            os.environ["SOURCE_DATE_EPOCH"] = "315532800"  # 1980-01-01, as in ZIP files
    try:
        yield
    finally:
        if ours:
            with _EPOCH_LOCK:
                _epoch_users -= 1
                if _epoch_users == 0:
                    del os.environ["SOURCE_DATE_EPOCH"]


@lru_cache(maxsize=1)
def _font_config() -> FontConfiguration:
    """One font configuration per process: building it is most of WeasyPrint's set-up."""
    return FontConfiguration()


@lru_cache(maxsize=16)
def _print_css(house: House) -> CSS:
    name = str(house.config.get("print_css", "print.css"))
    return CSS(
        string=house.read_text(name),
        base_url=(house.dirs[-1] / name).as_uri(),
        url_fetcher=HouseFetcher(house),
        font_config=_font_config(),
    )


def write_pdf(html: str, house: House) -> bytes:
    """The HTML laid out as a PDF."""
    fetcher = HouseFetcher(house)
    document = HTML(string=html, base_url=house.dirs[-1].as_uri() + "/", url_fetcher=fetcher)
    try:
        with _fixed_font_timestamps():
            pdf = document.write_pdf(
                stylesheets=[_print_css(house)],
                font_config=_font_config(),
                pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),
            )
    except FatalURLFetchingError as exc:
        cause = exc.__cause__ or exc
        raise TemplateError(f"the PDF could not be made: {cause}") from None
    return bytes(pdf)
