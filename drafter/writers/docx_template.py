"""The office's own Word template (.dotx or .docx) as the base of drafter's Word files.

As pandoc's reference document: the template gives the styles, the page (size, margins)
and the page header and footer; its text is left out. drafter's Word file keeps its
structure: its blocks in its paragraph styles, its links, its first-page header and footer
(the template's header above the issuer, its footer below the contacts). A style the
template has is taken as it is; one it lacks (drafter's "House Body Text") is made on the
template's Normal with the house's layout (alignment, spacing, size, weight) but the
template's typeface and colour. The template is named by `[docx] template` in house.toml
(a file of the house's folder) or `--docx-template FILE` on `drafter new` and `build`.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.errors import TemplateError

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.section import Section

    from drafter.house import House

__all__ = [
    "LAYOUT_KEYS",
    "ensure_styles",
    "office_house",
    "open_template",
    "prepare_parts",
    "template_key",
    "template_path",
    "with_docx_template",
]

MAX_TEMPLATE_BYTES = 20_000_000
LAYOUT_KEYS = frozenset({"size", "bold", "italic", "align", "space_before", "space_after"})
"""The house style settings kept on the template's typeface and colours."""
_TYPES = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
}
_REFERENCES = ("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",)


def office_house(
    templates: str | Path | House | None,
    house: str | Path | None,
    release_house: str | None,
    template: str | Path,
) -> House:
    """The house a release is rendered in (as `render` chooses it), on the Word `template`."""
    from drafter.house import House as HouseType
    from drafter.templating import DEFAULT_HOUSE, load_house

    chosen = (
        templates
        if isinstance(templates, HouseType)
        else load_house(templates, house or release_house or DEFAULT_HOUSE)
    )
    return with_docx_template(chosen, template)


def with_docx_template(house: House, template: str | Path) -> House:
    """The house, its Word files made on the office's template `template`."""
    docx_config = dict(house.config.get("docx", {}))
    docx_config["template"] = str(Path(template).resolve())
    return dataclasses.replace(house, config={**house.config, "docx": docx_config})


def template_path(house: House) -> Path | None:
    """The Word template the house names, if any (a file of its folders, or a full path)."""
    docx_config = house.config.get("docx", {})
    value = docx_config.get("template") if isinstance(docx_config, dict) else None
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise TemplateError(f"house.toml of {house.name}: [docx] template must be a file name")
    path = Path(value)
    found = path if path.is_absolute() else house.find(value)
    if found is None or not found.is_file():
        where = value if found is None else str(found)
        raise TemplateError(f"the Word template {where} of the house {house.name} is not found")
    return found


def template_key(house: House) -> tuple[str, int, int] | None:
    """What identifies the template's present content: its path, change time and size."""
    path = template_path(house)
    if path is None:
        return None
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


def open_template(path: Path) -> WordDocument:
    """The template as a Word document without its text (a .dotx read as a .docx)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    wrong = f"the Word template {path} is not a Word document or template (.docx, .dotx)"
    raw = path.read_bytes()
    if len(raw) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"the Word template {path} is over {MAX_TEMPLATE_BYTES:,} bytes")
    try:
        document = docx.Document(io.BytesIO(_as_document(raw)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        raise TemplateError(wrong) from None
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _as_document(raw: bytes) -> bytes:
    """The package with a template's main part typed as a document's (python-docx reads those)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        if sum(info.file_size for info in package.infolist()) > 5 * MAX_TEMPLATE_BYTES:
            raise ValueError("unpacks too far")
        types = package.read("[Content_Types].xml")
        if not any(kind in types for kind in _TYPES):
            return raw
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copied:
            for info in package.infolist():
                data = package.read(info)
                if info.filename == "[Content_Types].xml":
                    for kind, document in _TYPES.items():
                        data = data.replace(kind, document)
                copied.writestr(info, data)
    return out.getvalue()


def prepare_parts(section: Section) -> None:
    """The first page's header and footer, with the template's, and room for drafter's.

    The header ends with an empty paragraph for drafter's header blocks, the footer starts
    with one for its footer blocks. Where the template has no first page of its own, its
    page header and footer are put on the first page too (without pictures, which belong
    to their part).
    """
    own_first = section.different_first_page_header_footer
    section.different_first_page_header_footer = True
    for first, default, drafter_last in (
        (section.first_page_header, section.header, True),
        (section.first_page_footer, section.footer, False),
    ):
        if own_first and not first.is_linked_to_previous:
            content = list(first._element)
        else:
            content = [] if default.is_linked_to_previous else _copyable(default._element)
            first.is_linked_to_previous = False
        element = first._element
        for child in list(element):
            element.remove(child)
        copies = [copy.deepcopy(child) for child in content]
        empty = element.makeelement(_w("p"), {})
        for child in [*copies, empty] if drafter_last else [empty, *copies]:
            element.append(child)


def _copyable(part_element: Any) -> list[Any]:  # noqa: ANN401 - lxml elements
    """A header's or footer's content, without what refers to its part (pictures)."""
    found = []
    for child in part_element:
        refers = any(key.startswith(_REFERENCES) for node in child.iter() for key in node.attrib)
        if not refers:
            found.append(child)
    return found


def _w(name: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name


def ensure_styles(word: WordDocument, names: list[str]) -> None:
    """Add the paragraph styles drafter maps tags to that the template lacks, on Normal."""
    from docx.enum.style import WD_STYLE_TYPE

    for name in names:
        try:
            word.styles[name]
        except KeyError:
            style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = word.styles["Normal"]
