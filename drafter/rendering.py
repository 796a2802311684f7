"""From a validated release to finished files: HTML from the house templates, then the writers."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from drafter import prefork
from drafter.errors import InputError, Problem, UsageError
from drafter.houses import find_house, house_languages, release_problems, warn_not_shown
from drafter.languages import require_languages
from drafter.limits import time_limit
from drafter.output import MAX_NAME, check_writable, write_files
from drafter.positions import locate
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

if TYPE_CHECKING:
    from drafter.catalogues import Wording

__all__ = [
    "DEFAULT_PDF_VARIANT",
    "PDF_VARIANTS",
    "language_links",
    "output_paths",
    "render",
    "render_all",
    "rendered_blocks",
    "require_languages",
    "write_release",
]

logger = logging.getLogger(__name__)


def _house(
    templates: str | Path | House | None, house: str | Path | None, release: Release
) -> House:
    """The house: `templates` if it is one, else `house`, the release's, or the default."""
    if isinstance(templates, House):
        return templates
    if house is None and release.house is not None:
        try:
            find_house(release.house, folders=False)  # a name, never a folder of the cwd
        except UsageError as exc:
            raise InputError([Problem(str(exc), "house")]) from None
    return load_house(templates, house or release.house or DEFAULT_HOUSE)


def _check_fields(release: Release, house: House) -> None:
    """Refuse a release lacking what the house needs, or giving it in another form."""
    problems = release_problems(release, house)
    if problems:
        raise InputError(problems)
    warn_not_shown(release, house)


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
    if "eml" in chosen:  # the e-mail's attachment is the PDF of the same variant
        check_pdf_variant(pdf_variant)
        from drafter.writers.eml import write_eml

        chosen["eml"] = partial(write_eml, pdf_variant=pdf_variant)
    return chosen


def _check_language(release: Release, house: House) -> None:
    from drafter.catalogues import catalogue_languages

    own = house_languages(house)
    if house.config.get("other_languages", True) is False and release.language not in own:
        message = (
            f"the house {house.name} words its releases in {', '.join(own)} only "
            f"(house.toml: other_languages = false); the {release.language!r} version is "
            "made with another house, such as eu-press"
        )
        raise InputError([Problem(message, "language")])
    languages = sorted({*own, *catalogue_languages(house)})
    if release.language not in languages:
        message = f"the house {house.name} has no wording in {release.language!r} yet (it has: "
        message += ", ".join(languages) + ")"
        raise InputError([Problem(message, "language")])


def _check_glyphs(release: Release, house: House) -> None:
    from drafter.glyphs import missing_glyphs

    problems = missing_glyphs(release, house)
    if problems:
        raise InputError(problems)


def _eu_in_language(release: Release, wording: Wording) -> Release:
    """The release with the EU's English default names in its language, from the catalogue.

    A file written in another language that leaves the EU's names to the house, or a
    version made beforehand (`language_version`, as the server does) where the catalogue
    lacked them: a name the catalogue lacks is recorded as missing and left in English.
    """
    from drafter.languages import EU_NAMES

    names = {key: getattr(release.eu, key) for key in EU_NAMES}
    local = {
        key: wording.text(english, "EU") if names[key] == english else names[key]
        for key, english in EU_NAMES.items()
    }
    if local == names:
        return release
    return release.model_copy(update={"eu": release.eu.model_copy(update=local)})


def _refuse_missing(wording: Wording, source: str | Path | None, translation: str | None) -> None:
    """Refuse a final release whose rendering used a message its catalogue lacks."""
    from drafter.catalogues import MissingMessagesError

    try:
        wording.refuse_missing(f"translations.{translation}" if translation else "language")
    except MissingMessagesError as exc:
        raise exc.located(locate(exc, source, translation)) from None


def render(
    release: Release,
    fmt: str = "pdf",
    *,
    templates: str | Path | House | None = None,
    house: str | Path | None = None,
    pdf_variant: str = DEFAULT_PDF_VARIANT,
    language: str | None = None,
) -> bytes:
    """The release as `fmt` ("html", "pdf" or "docx") bytes.

    `house` is a house's name or folder; by default the release's `house`, else eu-press.
    `pdf_variant` is one of PDF_VARIANTS: "pdf/ua-1" (the default) or a PDF/A level.
    `language` is one of `release.languages`; the release's own by default.
    """
    outputs = render_all(
        release, [fmt], templates=templates, house=house, pdf_variant=pdf_variant, language=language
    )
    return outputs[fmt]


def render_all(
    release: Release,
    formats: Iterable[str] = FORMATS,
    *,
    templates: str | Path | House | None = None,
    house: str | Path | None = None,
    timeout: float | None = None,
    pdf_variant: str = DEFAULT_PDF_VARIANT,
    language: str | None = None,
    source: str | Path | None = None,
) -> dict[str, bytes]:
    """The release in each of `formats`, all from one HTML rendering.

    With `timeout` (seconds), rendering that takes longer stops with a LimitError
    (in the main thread on Unix; elsewhere the limit is not enforced). `pdf_variant` is
    one of PDF_VARIANTS. `language` is one of `release.languages` (default: its own).
    A final release must pass the house-style check (InputError otherwise) and have every
    message its rendering uses in its language's catalogue (MissingMessagesError, an
    InputError, otherwise; a draft prints them in English with a warning); `source`, the
    release's file, gives the lines and the project's settings.
    """
    from drafter.catalogues import Wording
    from drafter.languages import language_version
    from drafter.publication import check_marked
    from drafter.style_check import require_publishable

    chosen = _house(templates, house, release)
    writers = _writers(formats, pdf_variant)
    translation = language if language and language != release.language else None
    versions = language_links(release)
    final = release.status == "final"  # never half English: a message missing refuses it
    wording = Wording(chosen, language or release.language, warn=not final)
    if release.translations or translation or release.language != "en":
        release = language_version(release, language, chosen, wording=wording)
    release = _eu_in_language(release, wording)
    try:
        _check_language(release, chosen)
        _check_fields(release, chosen)
        if "pdf" in writers or "eml" in writers:
            _check_glyphs(release, chosen)
    except InputError as exc:
        raise locate(exc, source, translation) from None
    with time_limit(timeout):
        html = render_html(release, chosen, wording, versions)
        if final:
            _refuse_missing(wording, source, translation)
        check_marked(release, html, chosen.name)
        require_publishable(release, Path(source) if source is not None else None, html)
        helper = prefork.current()
        if helper is not None:  # only the CLI starts one: it makes the PDF meanwhile
            return helper.write_all(writers, html, chosen)
        return {fmt: write(html, chosen) for fmt, write in writers.items()}


def rendered_blocks(release: Release) -> list[Block]:
    """The blocks of the release's HTML as the packaged house renders it (never checked)."""
    return parse_document(render_html(release, load_house())).blocks


def output_paths(
    release: Release, formats: Iterable[str], out_dir: Path, language: str | None = None
) -> dict[str, Path]:
    """Where each format of a language version is written.

    The release's own language keeps the plain name (`DIR/2012-07-24_A-350-12.pdf`), so
    adding a translation never renames a file; a translation's name ends with its language
    code (`DIR/2012-07-24_A-350-12_FR.pdf`).
    """
    return {fmt: out_dir / f"{output_stem(release, language)}.{fmt}" for fmt in formats}


def language_links(release: Release) -> list[tuple[str, str]]:
    """Each language of a release with the name of its HTML file; none for one language."""
    languages = release.languages
    if len(languages) < 2:
        return []
    return [(code, f"{output_stem(release, code)}.html") for code in languages]


def output_stem(release: Release, language: str | None = None) -> str:
    """The outputs' file name without extension for one language of the release."""
    code = language or release.language
    return release.file_stem + ("" if code == release.language else f"_{code.upper()}")


def _check_names(paths: list[Path], source: str | Path | None) -> None:
    """Refuse file names too long for a file system: only a long `identifier` makes one."""
    longest = max((len(path.name.encode("utf-8")) for path in paths), default=0)
    if longest > MAX_NAME:
        message = (
            f"is too long to name the files ({longest} bytes; a file name may have at most "
            f"{MAX_NAME}); shorten it"
        )
        raise locate(InputError([Problem(message, "identifier")]), source, None)


def write_release(
    release: Release,
    out_dir: str | Path,
    formats: Iterable[str] = FORMATS,
    *,
    force: bool = False,
    templates: str | Path | House | None = None,
    house: str | Path | None = None,
    timeout: float | None = None,
    pdf_variant: str = DEFAULT_PDF_VARIANT,
    languages: Iterable[str] | None = None,
    source: str | Path | None = None,
) -> list[Path]:
    """Render the release and write each format of each language into `out_dir`.

    `languages` are codes of `release.languages` (default: the release's own language).
    Returns the paths written. Nothing is written unless every language and format
    renders, and no existing file is replaced unless `force` is true; the files are
    written as a set (all, or none: a failure puts back the files they replace).
    `pdf_variant` is one of PDF_VARIANTS. `source` as in render_all.
    """
    chosen = list(dict.fromkeys(languages or [release.language]))
    require_languages(release, chosen)
    wanted = list(formats)
    paths = {code: output_paths(release, wanted, Path(out_dir), code) for code in chosen}
    _check_names([p for each in paths.values() for p in each.values()], source)
    for path in (p for each in paths.values() for p in each.values()):
        check_writable(path, force)
    rendered = {
        code: render_all(
            release,
            wanted,
            templates=templates,
            house=house,
            timeout=timeout,
            pdf_variant=pdf_variant,
            language=code,
            source=source,
        )
        for code in chosen
    }
    written = [path for each in paths.values() for path in each.values()]
    write_files(
        [(path, rendered[code][fmt]) for code, each in paths.items() for fmt, path in each.items()],
        force,
    )
    for path in written:
        logger.info("wrote %s", path)
    return written
