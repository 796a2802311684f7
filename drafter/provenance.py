"""Where an output comes from: drafter's version, the house template set and the input's hash.

Every format carries these in its metadata (HTML <meta>, PDF document information, Word
core properties), so a published file can be traced to its source. The input's hash is the
SHA-256 of the release's facts as canonical JSON: the same facts give the same hash, whether
they came from a YAML file, a form or JSON; `input_sha256` gives it for a release to compare.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from drafter.errors import TemplateError

if TYPE_CHECKING:
    from drafter.schema import Release
    from drafter.templating import House

__all__ = [
    "META_NAMES",
    "creator",
    "input_sha256",
    "pdf_info",
    "publication_context",
    "template_set",
    "utc_stamp",
]

#: The HTML <meta> names of the provenance, and the PDF document-information keys they become.
META_NAMES = {
    "drafter-version": "DrafterVersion",
    "drafter-template-set": "DrafterTemplateSet",
    "drafter-input-sha256": "DrafterInputSHA256",
    "drafter-status": "DrafterStatus",
}


@lru_cache(maxsize=1)
def drafter_version() -> str:
    """The installed drafter's version."""
    from drafter import __version__

    return str(__version__)


def input_sha256(release: Release) -> str:
    """The SHA-256 (hex) of the release's facts as canonical JSON (sorted keys, UTF-8)."""
    facts = release.model_dump(mode="json")
    text = json.dumps(facts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def template_set(house: House) -> str:
    """The house's name and version: `eu-press 1.0.0`."""
    version = str(house.config.get("version", "")).strip()
    name = str(house.config.get("name", house.name))
    for key, value in (("name", name), ("version", version)):
        if any(unicodedata.category(char) == "Cc" for char in value):
            # it goes into every format's metadata, where XML takes no control character
            raise TemplateError(
                f"house.toml of {house.name}: {key} must be one line of text, without "
                f"control characters (it has {value!r})"
            )
    return f"{name} {version}" if version else name


def utc_stamp(when: datetime) -> str:
    """An aware time in UTC, to the second, as feeds and HTML metadata write it: `...T10:00:00Z`."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def publication_context(release: Release, house: House) -> dict[str, Any]:
    """What the templates get as `publication`: provenance and the embargo as printed."""
    from drafter.publication import embargo_text

    context: dict[str, Any] = {
        "drafter": f"drafter {drafter_version()}",
        "template_set": template_set(house),
        "input_sha256": input_sha256(release),
        "embargo_day": None,
        "embargo_time": "",
        "embargo_utc": "",
    }
    if release.embargo is not None:
        context["embargo_day"], context["embargo_time"] = embargo_text(release.embargo)
        context["embargo_utc"] = utc_stamp(release.embargo)
    return context


def pdf_info(meta: dict[str, str]) -> dict[str, str]:
    """The provenance among an HTML page's <meta> values, keyed as in the PDF's information."""
    return {key: meta[name] for name, key in META_NAMES.items() if name in meta}


def creator(meta: dict[str, str]) -> str | None:
    """The PDF's creator and XMP CreatorTool: `drafter 0.1.0, template set eu-press 1.0.0`."""
    made_by, template_set = meta.get("drafter-version"), meta.get("drafter-template-set")
    if not made_by:
        return None
    return f"{made_by}, template set {template_set}" if template_set else made_by
