"""The PDF writer: the house's HTML laid out on A4 by WeasyPrint with the house's print CSS.

The PDF is tagged PDF/UA-1 by default (title, language, structure, alternative text), or
a PDF/A level when asked, through WeasyPrint's own options; `pdf_tags` adds what WeasyPrint's
tags leave out, by reading its PDF back (pikepdf), never by changing WeasyPrint.
WeasyPrint may read only the house's own files (stylesheets, fonts, images), found through
the house's search path; any other address, local or remote, stops the render.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import shutil
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from drafter.errors import TemplateError
from drafter.house import House
from drafter.provenance import creator, pdf_info
from drafter.writers import DEFAULT_PDF_VARIANT, check_pdf_variant, pdf_tags
from drafter.writers.dates import fixed_font_timestamps, source_date

__all__ = ["forget_fonts", "warm_up", "write_pdf"]

logger = logging.getLogger(__name__)


class _QuietSubsetNotice(logging.Filter):
    """Drops two WeasyPrint notices that are not news.

    One is about its font subsetter (a packaging detail); the other says it skips the
    house's @supports rule, which holds what only browsers need when printing the HTML.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return "HarfBuzz-Subset" not in message and "Unknown rule <AtRule @supports" not in message


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


def warm_up(house: House | None = None) -> None:
    """Set up WeasyPrint's fonts (and the house's print stylesheet) before the first PDF."""
    _font_config()
    if house is not None:
        _print_css(house)


def forget_fonts() -> None:
    """Remove the fonts WeasyPrint copied to a temporary folder, and forget the cached set-up.

    For the main process about to end with `os._exit`, which skips the font configuration's
    own clean-up (its `__del__`; running it takes a garbage collection, about 60 ms). Worker
    processes never call it: their temporary files are in a folder their parent removes
    (`lifeline.use_folder`), and fonts they inherited are their parent's. The next PDF sets
    WeasyPrint up again.
    """
    if _font_config.cache_info().currsize:
        folder = getattr(_font_config(), "_folder", None)  # WeasyPrint's, made on first use
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
    _print_css.cache_clear()
    _font_config.cache_clear()


def write_pdf(html: str, house: House, *, variant: str = DEFAULT_PDF_VARIANT) -> bytes:
    """The HTML laid out as a tagged PDF of `variant` (one of PDF_VARIANTS)."""
    check_pdf_variant(variant)
    when = source_date()
    fetcher = HouseFetcher(house)
    base = house.dirs[-1].as_uri() + "/"
    source = HTML(string=pdf_tags.for_weasyprint(html), base_url=base, url_fetcher=fetcher)
    options = {"pdf_variant": variant, "pdf_tags": True}
    try:
        with fixed_font_timestamps():
            document = source.render(
                stylesheets=[_print_css(house)], font_config=_font_config(), **options
            )
            _date(document, when)
            meta = document.metadata
            meta.generator = creator(meta.custom) or meta.generator
            meta.custom = pdf_info(meta.custom)
            pdf = document.write_pdf(
                pdf_identifier=_identifier(html, variant, when),
                custom_metadata=True,
                **options,
            )
    except FatalURLFetchingError as exc:
        cause = exc.__cause__ or exc
        raise TemplateError(f"the PDF could not be made: {cause}") from None
    return pdf_tags.complete(bytes(pdf))


def _date(document: Document, when: datetime | None) -> None:
    """Date the PDF from SOURCE_DATE_EPOCH if set; otherwise it keeps the HTML's (the release's)."""
    if when is not None:
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        document.metadata.created = document.metadata.modified = stamp


def _identifier(html: str, variant: str, when: datetime | None) -> bytes:
    """The PDF's file identifier: the same for the same content, different otherwise."""
    key = f"{variant}\n{when.isoformat() if when else ''}\n{html}"
    return hashlib.sha256(key.encode()).hexdigest()[:32].encode()
