"""The facts read, checked against their rendering, and laid out as a release file's YAML."""

from __future__ import annotations

import textwrap
from itertools import accumulate
from typing import TYPE_CHECKING, Any, cast

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from drafter.errors import DrafterError
from drafter.loading import validate_release
from drafter.rendering import rendered_blocks
from drafter.roundtrip import flow
from drafter.schema import Release
from drafter.structure import Block, class_text

if TYPE_CHECKING:
    from drafter.importing import Imported
    from drafter.importing.reader import _Reader

WIDTH = 88


def _checked(imported: Imported, reader: _Reader) -> Release | None:
    """The release, its generated sentences replaced by the text where they differ from it."""
    release = validated(imported)
    if release is None:
        return None
    blocks = rendered_blocks(release)
    _keep_text(imported, reader.texts, blocks)
    release = validated(imported)
    if release is not None:
        _check_footer(imported, reader.footer, rendered_blocks(release))
    return release


def validated(imported: Imported) -> Release | None:
    """The release of the facts read, or None with a warning saying why they are not one yet."""
    try:
        return validate_release(without_empty(imported.data))
    except DrafterError as exc:
        imported.warnings.append(f"the facts read are not a valid release yet: {exc}")
        return None


def _keep_text(imported: Imported, texts: dict[str, str], blocks: list[Block]) -> None:
    """Keep the imported text wherever the generated sentence is not word for word the same."""
    data = imported.data
    title = class_text(blocks, "title")
    if texts.get("title") and title != texts["title"]:
        data["title"] = texts["title"]
        imported.warnings.append("the title is not the house's generated one; kept as `title`")
    first = class_text(blocks, "body-text") or ""
    opening = texts.get("opening", "")
    if opening and not first.startswith(opening) and "opening" not in data["meeting"]:
        data["meeting"]["opening"] = opening
        imported.warnings.append(
            "the opening sentence does not match its facts; kept as `meeting.opening`"
        )
    _keep_paragraph(imported, "civil_society", class_text(blocks, "civil-society"), texts)
    _keep_paragraph(imported, "next_round", class_text(blocks, "next-round"), texts)
    heading = class_text(blocks, "previous-heading")
    if texts.get("previous_heading") and heading != texts["previous_heading"]:
        data["previous_rounds_heading"] = texts["previous_heading"]
        imported.warnings.append(
            "the previous rounds' heading is kept as `previous_rounds_heading`"
        )


def _keep_paragraph(
    imported: Imported, key: str, rendered: str | None, texts: dict[str, str]
) -> None:
    text = texts.get(key)
    if text is None or rendered == text or "sentence" in imported.data.get(key, {}):
        return
    imported.data[key] = {"sentence": text}
    shown = key.replace("_", "-")
    imported.warnings.append(
        f"the {shown} paragraph does not match its facts; kept as `{key}.sentence`"
    )


def _check_footer(imported: Imported, footer: list[Block], blocks: list[Block]) -> None:
    """Warn of footer lines (contacts) that the facts do not give back word for word."""
    rendered = {block.text for block in blocks if block.region == "footer"}
    for block in footer:
        if block.text not in rendered:
            imported.warnings.append(f'the footer line "{block.text}" is not recognised')


def without_empty(data: dict[str, Any]) -> dict[str, Any]:
    """Plain data without the keys whose value is None or an empty list, at every level."""
    pruned = _pruned(data)
    assert isinstance(pruned, dict)
    return pruned


def _pruned(value: object) -> object:
    if isinstance(value, dict):
        return {k: _pruned(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_pruned(item) for item in value]
    return value


# --- Writing the YAML ----------------------------------------------------------------------

_ORDER = (
    "house", "language", "issuer", "co_issuer", "place", "date", "time", "reference",
    "identifier", "title", "counterpart",
    "counterpart_first", "meeting", "body", "civil_society", "next_round", "contacts",
    "previous_rounds", "previous_rounds_heading", "status", "embargo",
)  # fmt: skip
_LONG_TEXTS = (
    ("meeting", "opening"), ("civil_society", "sentence"),
    ("next_round", "remark"), ("next_round", "sentence"),
)  # fmt: skip


def _layout(data: dict[str, Any]) -> CommentedMap:
    """The data laid out as in the examples: folded paragraphs, short lists on one line."""
    clean = without_empty(data)
    top = CommentedMap((key, clean[key]) for key in _ORDER if key in clean)
    for key in list(top)[1:]:
        if isinstance(top[key], dict | list):
            top.yaml_set_comment_before_after_key(key, before="\n")  # a blank line
    if "body" in top:
        top["body"] = [_folded(p) if isinstance(p, str) else p for p in top["body"]]
    for section, key in _LONG_TEXTS:
        if key in top.get(section, {}):
            top[section][key] = _folded(top[section][key])
    for meeting in top.get("civil_society", {}).get("meetings", []):
        meeting["places"] = flow(meeting["places"])
    for person in top.get("contacts", {}).get("people", []):
        if "phones" in person:
            person["phones"] = flow([DoubleQuotedScalarString(p) for p in person["phones"]])
    return top


def _folded(text: str) -> str:
    """Long text as a folded block (`>-`), its lines at most `WIDTH` characters."""
    if len(text) <= WIDTH - 20:
        return text
    lines = textwrap.wrap(text, WIDTH - 4, break_long_words=False, break_on_hyphens=False)
    if " ".join(lines) != text:  # more than single spaces between words: keep it as it is
        return text
    folded = FoldedScalarString(text)
    folded.fold_pos = [end - 1 for end in accumulate(len(line) + 1 for line in lines[:-1])]
    return cast(str, folded)
