"""The DOCX writer: the blocks of the house's HTML mapped to Word paragraphs.

Each block's class names a paragraph style defined in the house's `house.toml`; the
HTML header and footer go to the first page's header and footer, as in the PDF, and
pages after the first carry their number. Headings use Word's built-in heading styles;
the emblem is a picture (drawn by `drafter.emblem`) with alternative text, at the start of
the paragraph after it; the contacts are paragraphs, not a table. The file is
byte-for-byte reproducible, dated from SOURCE_DATE_EPOCH if set, else the release date.
"""

from __future__ import annotations

import io
import logging
import zipfile
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from drafter import emblem
from drafter.errors import TemplateError
from drafter.structure import Block, Document, Span, parse_document
from drafter.templating import House
from drafter.wording import word_language
from drafter.writers.dates import day_start, source_date
from drafter.writers.docx_template import (
    LAYOUT_KEYS,
    ensure_styles,
    open_template,
    prepare_parts,
    template_key,
)

__all__ = ["write_docx"]

logger = logging.getLogger(__name__)

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_TAG_STYLES = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "li": "Normal"}
_LINK_COLOUR = RGBColor(0x00, 0x30, 0x9A)
_MAX_PROPERTY = 255
_EMBLEM_PIXELS = 240  # the picture's height: about 380 dots per inch at 16 mm


def write_docx(html: str, house: House) -> bytes:
    """The HTML's blocks as a Word document."""
    parsed = parse_document(html)
    config, base, styles = _settings(house)
    word = docx.Document(io.BytesIO(base))
    section = word.sections[0]
    containers = {  # the header's blocks after an office template's own, the footer's before
        "header": _Container(section.first_page_header.paragraphs[-1]),
        "footer": _Container(section.first_page_footer.paragraphs[0]),
    }
    figures: list[Block] = []
    for block in parsed.blocks:
        if block.is_figure:
            figures.append(block)  # drawn at the start of the next paragraph
            continue
        container = containers.get(block.region)
        paragraph = container.next() if container else word.add_paragraph()
        _fill(paragraph, block, styles, figures, config.get("emblem", {}))
        figures = []
    _add_page_number(section)
    _repeat_marks(section, parsed.blocks, styles)
    created = _created(parsed)
    _set_properties(word, parsed, created)
    buffer = io.BytesIO()
    word.save(buffer)
    return _reproducible_zip(buffer.getvalue(), created)


def _settings(house: House) -> tuple[dict[str, Any], bytes, dict[str, str | None]]:
    """The house's [docx] table and its empty document; a TemplateError for a wrong setting."""
    config = house.config.get("docx", {})
    emblem = config.get("emblem", {}) if isinstance(config, dict) else None
    height = emblem.get("height_mm", 16) if isinstance(emblem, dict) else None
    wrong = f"house.toml of {house.name}: "
    if not isinstance(height, int | float) or isinstance(height, bool) or not 0 < height < 300:
        message = "[docx] and [docx.emblem] must be tables, height_mm a number of millimetres"
        raise TemplateError(wrong + message)
    try:
        base, styles = _base(house, template_key(house))
    except (TypeError, ValueError, AttributeError, KeyError, OverflowError) as exc:
        message = f"a setting of [docx] is wrong ({type(exc).__name__}: {str(exc)[:100]})"
        raise TemplateError(wrong + message) from None
    return config, base, styles


@lru_cache(maxsize=16)
def _base(
    house: House, template: tuple[str, int, int] | None
) -> tuple[bytes, dict[str, str | None]]:
    """The house's empty document (page, styles, first-page header and footer), made once.

    On the office's Word `template` (its path, change time and size), if the house names
    one: its page, styles, header and footer. Also maps each HTML class and tag to its
    style's id (None for the default, Normal).
    """
    config: dict[str, Any] = house.config.get("docx", {})
    word = open_template(Path(template[0])) if template else docx.Document()
    section = word.sections[0]
    if template is None:
        _set_page(section, config.get("page", {}))
    names = _define_styles(word, config.get("styles", {}), on_template=template is not None)
    if template is not None:
        ensure_styles(word, list(_TAG_STYLES.values()))
        prepare_parts(section)
    section.different_first_page_header_footer = True
    for part in (section.first_page_header, section.first_page_footer):
        part.is_linked_to_previous = False  # creates the first page's header and footer
    default = word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    ids: dict[str, str | None] = {}
    for key, name in [*names.items(), *_TAG_STYLES.items(), ("", "Normal")]:
        style = word.styles[name]
        ids[key] = None if style == default else style.style_id
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue(), ids


class _Container:
    """Paragraphs of a header or footer: its first (empty) one, then new ones."""

    def __init__(self, first: Paragraph) -> None:
        self._first: Paragraph | None = first
        self._last = first

    def next(self) -> Paragraph:
        if self._first is not None:
            self._first = None
            return self._last
        element = OxmlElement("w:p")
        self._last._p.addnext(element)  # python-docx adds paragraphs only before another
        self._last = Paragraph(element, self._last._parent)
        return self._last


def _set_page(section: Section, page: dict[str, Any]) -> None:
    section.page_width = Mm(page.get("width_mm", 210))
    section.page_height = Mm(page.get("height_mm", 297))
    section.top_margin = Mm(page.get("top_mm", 25))
    section.bottom_margin = Mm(page.get("bottom_mm", 25))
    section.left_margin = Mm(page.get("left_mm", 25))
    section.right_margin = Mm(page.get("right_mm", 25))


def _define_styles(
    word: WordDocument, specs: dict[str, dict[str, Any]], *, on_template: bool = False
) -> dict[str, str]:
    """Create or adjust the house's paragraph styles; map each HTML class to its style name.

    `on_template`: an office template's styles are kept as they are, and a style it lacks
    takes the house's layout only (LAYOUT_KEYS), on the template's typeface and colours.
    """
    by_class: dict[str, str] = {}
    for key, spec in specs.items():
        name = str(spec.get("name", key))
        try:
            style = word.styles[name]
            if on_template:
                by_class[key] = name
                continue
        except KeyError:
            style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = word.styles["Normal"]
            style.quick_style = True
        kept = {k: v for k, v in spec.items() if k in LAYOUT_KEYS} if on_template else spec
        _format_style(style, kept)
        by_class[key] = name
    return by_class


def _format_style(style: ParagraphStyle, spec: dict[str, Any]) -> None:
    font, paragraph = style.font, style.paragraph_format
    if "font" in spec:
        font.name = spec["font"]
    if "size" in spec:
        font.size = Pt(spec["size"])
    if "bold" in spec:
        font.bold = bool(spec["bold"])
    if "italic" in spec:
        font.italic = bool(spec["italic"])
    if "color" in spec:
        font.color.rgb = RGBColor.from_string(spec["color"])
    if "align" in spec:
        paragraph.alignment = _ALIGN[spec["align"]]
    if "space_before" in spec:
        paragraph.space_before = Pt(spec["space_before"])
    if "space_after" in spec:
        paragraph.space_after = Pt(spec["space_after"])


def _fill(
    paragraph: Paragraph,
    block: Block,
    styles: dict[str, str | None],
    figures: list[Block],
    emblem_spec: dict[str, Any],
) -> None:
    """The block's text in the paragraph, after the pictures that come before it."""
    tag = block.tag if block.tag in _TAG_STYLES else ""
    key = next((c for c in block.classes if c in styles), tag)
    paragraph._p.style = styles[key]  # by id: python-docx's look-up by name scans every style
    for figure in figures:
        _add_figure(paragraph, figure, emblem_spec)
    for span in block.spans:
        if span.href:
            _add_link(paragraph, span)
        else:
            _add_run(paragraph, span)


def _add_figure(paragraph: Paragraph, figure: Block, spec: dict[str, Any]) -> None:
    """The emblem as a picture with alternative text, then a line break; no other picture."""
    if "emblem" not in figure.classes:
        logger.warning("the Word file leaves out a picture drafter cannot draw: %s", figure.alt)
        return
    run = paragraph.add_run()
    picture = io.BytesIO(emblem.png(_EMBLEM_PIXELS))
    shape = run.add_picture(picture, height=Mm(float(spec.get("height_mm", 16))))
    properties = shape._inline.docPr  # python-docx has no API for alternative text
    properties.set("descr", figure.alt)
    properties.set("name", "Emblem")
    run.add_break()


def _add_run(paragraph: Paragraph, span: Span) -> Run:
    run = paragraph.add_run(span.text)
    run.bold = span.bold or None
    run.italic = span.italic or None
    return run


def _add_link(paragraph: Paragraph, span: Span) -> None:
    """A clickable link to an outside address, drawn as links are in Word."""
    assert span.href is not None
    rel_id = paragraph.part.relate_to(span.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = _add_run(paragraph, span)
    run.font.underline = True
    run.font.color.rgb = _LINK_COLOUR
    link.append(run._r)  # python-docx has no public API for hyperlinks
    paragraph._p.append(link)


def _repeat_marks(section: Section, blocks: list[Block], styles: dict[str, str | None]) -> None:
    """A draft's DRAFT banner also in the page header of every page after the first."""
    for block in blocks:
        if "draft-mark" in block.classes:
            paragraph = _free_paragraph(section.header)
            paragraph._p.style = styles.get("draft-mark")
            for span in block.spans:
                _add_run(paragraph, span)
            return


def _free_paragraph(part: Any) -> Paragraph:  # noqa: ANN401 - python-docx's header or footer
    """The header's or footer's empty only paragraph, or a new one after a template's text."""
    paragraphs: list[Paragraph] = part.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].text:
        return paragraphs[0]
    added: Paragraph = part.add_paragraph()
    return added


def _add_page_number(section: Section) -> None:
    """The page number, right-aligned, in the footer of every page after the first."""
    paragraph = _free_paragraph(section.footer)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _created(parsed: Document) -> datetime:
    """SOURCE_DATE_EPOCH if set, else the release's date (the HTML's dcterms.created)."""
    stamp = source_date()
    if stamp is not None:
        return stamp
    try:
        return day_start(date.fromisoformat(parsed.meta.get("dcterms.created", "")))
    except ValueError:
        return day_start(date(1980, 1, 1))


def _set_properties(word: WordDocument, parsed: Document, created: datetime) -> None:
    """Title, subject, language and dates; the language also as the text's default."""
    language = word_language(parsed.language or "en")
    props = word.core_properties
    props.title = _property(parsed.title)
    props.subject = _property(parsed.meta.get("description", ""))
    props.language = language
    props.author = props.last_modified_by = "drafter"
    props.created = props.modified = props.last_printed = created
    props.revision = 1
    _set_provenance(props, parsed.meta)
    defaults = word.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), language)


def _set_provenance(props: Any, meta: dict[str, str]) -> None:  # noqa: ANN401 - untyped
    """The versions of drafter and of the template set, and the input's hash, as properties."""
    made_by = meta.get("drafter-version", "")
    template_set = meta.get("drafter-template-set", "")
    sha = meta.get("drafter-input-sha256", "")
    props.version = made_by
    props.identifier = f"sha256:{sha}" if sha else ""
    props.content_status = meta.get("drafter-status", "")
    if made_by:
        props.comments = f"Made by {made_by} with the template set {template_set} from the "
        props.comments += f"input of SHA-256 {sha}"


def _property(text: str) -> str:
    """Text for a document property, which Word limits to 255 characters."""
    return text if len(text) <= _MAX_PROPERTY else text[: _MAX_PROPERTY - 1] + "\u2026"


def _reproducible_zip(data: bytes, when: datetime) -> bytes:
    """The same archive with fixed entry times and permissions, so equal input gives equal bytes."""
    stamp = _zip_time(when)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def _zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    """`when` as a ZIP entry's time, within the years a ZIP entry can carry (1980-2107)."""
    if when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if when.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)
