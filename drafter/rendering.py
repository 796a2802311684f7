"""From a validated release to finished files: HTML from the house templates, then the writers."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from drafter import prefork
from drafter.errors import InputError, Problem
from drafter.limits import time_limit
from drafter.output import check_writable, write_file
from drafter.schema import Release
from drafter.structure import Block, parse_document
from drafter.templating import DEFAULT_HOUSE, House, load_house, render_html
from drafter.writers import (
    DEFAULT_PDF_VARIANT,
    FORMATS,
    PDF_VARIANTS,
    Writer,
    check_pdf_variant,
    writer,
)

__all__ = [
    "DEFAULT_PDF_VARIANT",
    "PDF_VARIANTS",
    "output_paths",
    "render",
    "render_all",
    "rendered_blocks",
    "write_release",
]

logger = logging.getLogger(__name__)


def _house(templates: str | Path | House | None, house: str) -> House:
    return templates if isinstance(templates, House) else load_house(templates, house)


def _writers(formats: Iterable[str], pdf_variant: str) -> dict[str, Writer]:
    """The writer of each format; the PDF writer set to the variant asked for."""
    remote = prefork.current() is not None  # the CLI's helper process loads WeasyPrint
    chosen = {
        fmt: prefork.RemotePdf(pdf_variant) if remote and fmt == "pdf" else writer(fmt)
        for fmt in formats
    }
    if "pdf" in chosen:
        check_pdf_variant(pdf_variant)
        if remote:
            return chosen
        from drafter.writers.pdf import write_pdf

        chosen["pdf"] = partial(write_pdf, variant=pdf_variant)
    return chosen


def _check_language(release: Release, house: House) -> None:
    languages = house.config.get("languages", ["en"])
    if release.language not in languages:
        message = f"the house {house.name} has no wording in {release.language!r} yet (it has: "
        message += ", ".join(languages) + ")"
        raise InputError([Problem(message, "language")])


def _check_glyphs(release: Release, house: House) -> None:
    from drafter.glyphs import missing_glyphs

    problems = missing_glyphs(release, house)
    if problems:
        raise InputError(problems)


def render(
    release: Release,
    fmt: str = "pdf",
    *,
    templates: str | Path | House | None = None,
    house: str = DEFAULT_HOUSE,
    pdf_variant: str = DEFAULT_PDF_VARIANT,
) -> bytes:
    """The release as `fmt` ("html", "pdf" or "docx") bytes.

    `pdf_variant` is one of PDF_VARIANTS: "pdf/ua-1" (the default) or a PDF/A level.
    """
    outputs = render_all(release, [fmt], templates=templates, house=house, pdf_variant=pdf_variant)
    return outputs[fmt]


def render_all(
    release: Release,
    formats: Iterable[str] = FORMATS,
    *,
    templates: str | Path | House | None = None,
    house: str = DEFAULT_HOUSE,
    timeout: float | None = None,
    pdf_variant: str = DEFAULT_PDF_VARIANT,
) -> dict[str, bytes]:
    """The release in each of `formats`, all from one HTML rendering.

    With `timeout` (seconds), rendering that takes longer stops with a LimitError
    (in the main thread on Unix; elsewhere the limit is not enforced). `pdf_variant` is
    one of PDF_VARIANTS.
    """
    chosen = _house(templates, house)
    writers = _writers(formats, pdf_variant)
    _check_language(release, chosen)
    if "pdf" in writers:
        _check_glyphs(release, chosen)
    with time_limit(timeout):
        html = render_html(release, chosen)
        helper = prefork.current()
        if helper is not None:  # only the CLI starts one: it makes the PDF meanwhile
            return helper.write_all(writers, html, chosen)
        return {fmt: write(html, chosen) for fmt, write in writers.items()}


def rendered_blocks(release: Release) -> list[Block]:
    """The blocks of the release's HTML as the packaged house renders it."""
    return parse_document(render(release, "html").decode("utf-8")).blocks


def output_paths(release: Release, formats: Iterable[str], out_dir: Path) -> dict[str, Path]:
    """Where each format of the release is written: `DIR/2012-07-24_A-350-12.pdf`."""
    return {fmt: out_dir / f"{release.file_stem}.{fmt}" for fmt in formats}


def write_release(
    release: Release,
    out_dir: str | Path,
    formats: Iterable[str] = FORMATS,
    *,
    force: bool = False,
    templates: str | Path | House | None = None,
    house: str = DEFAULT_HOUSE,
    timeout: float | None = None,
    pdf_variant: str = DEFAULT_PDF_VARIANT,
) -> list[Path]:
    """Render the release and write each format into `out_dir`; return the paths written.

    Nothing is written unless every format renders, and no existing file is replaced
    unless `force` is true. `pdf_variant` is one of PDF_VARIANTS.
    """
    paths = output_paths(release, list(formats), Path(out_dir))
    for path in paths.values():
        check_writable(path, force)
    outputs = render_all(
        release,
        paths,
        templates=templates,
        house=house,
        timeout=timeout,
        pdf_variant=pdf_variant,
    )
    for fmt, path in paths.items():
        write_file(path, outputs[fmt], force)
        logger.info("wrote %s", path)
    return list(paths.values())
