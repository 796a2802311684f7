"""The release's JSON Schema as editors and schema checkers need it: every form drafter accepts.

Pydantic describes the model's Python types; a release file is read otherwise. Every scalar
is read as text and the model decides its type, so a place may be written as a number
(`timing: 2018`), a round as text (`round: "15"`) and a flag as a word (`bold: yes`); and
some fields have a short form (`reference: A 350/12`, a body paragraph as plain text or as
one run). `editor_schema` widens the generated schema to those forms, drops the keywords
that are not JSON Schema (`ge` and `le` on dates), and gives every field a title and a
description, so the YAML language server and `check-jsonschema` accept every valid file.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from drafter.values import _REFERENCE

__all__ = ["SCHEMA_ID", "editor_schema", "model_schema"]

SCHEMA_ID = "urn:drafter:schema:release"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# drafter's own reference pattern, in JSON Schema's dialect (no named groups), spaces around.
_REFERENCE_BODY = re.sub(r"\(\?P<\w+>", "(?:", _REFERENCE.pattern.strip("^$"))
_REFERENCE_TEXT = rf"^\s*(?:{_REFERENCE_BODY})\s*$"
_DIGITS = r"^\s*[0-9]+\s*$"
# The words pydantic reads as a truth value, in any case (JSON Schema patterns have no flags).
_TRUTH_WORDS = ("true", "false", "yes", "no", "on", "off", "t", "f", "y", "n", "1", "0")
_NOT_JSON_SCHEMA = ("ge", "le")
_RUN = "#/$defs/Run"


def _any_case(word: str) -> str:
    return "".join(f"[{char.lower()}{char.upper()}]" if char.isalpha() else char for char in word)


_TRUTH = "^\\s*(?:" + "|".join(_any_case(word) for word in _TRUTH_WORDS) + ")\\s*$"


def model_schema() -> dict[str, Any]:
    """The model's JSON Schema, one form a field (the web form and the docs are made from it)."""
    from drafter.languages import translation_schema
    from drafter.publication import schema_with_contact_keys
    from drafter.schema import Release

    schema = schema_with_contact_keys(Release.model_json_schema())
    schema["properties"]["translations"]["additionalProperties"] = translation_schema(schema)
    schema["$schema"] = _DIALECT
    schema["title"] = "drafter release"
    return schema


def editor_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` (pydantic's, validation mode) widened to every form a release file may take."""
    result: dict[str, Any] = _widen(copy.deepcopy(schema))
    defs = result.get("$defs", {})
    if "Reference" in defs:
        defs["Reference"] = {
            "title": defs["Reference"].get("title", "Reference"),
            "description": defs["Reference"].get("description", ""),
            "anyOf": [
                {**defs["Reference"], "title": "Reference by parts"},
                {
                    "type": "string",
                    "title": "Reference as written",
                    "description": 'Series, number and year as printed: "A 350/12".',
                    "pattern": _REFERENCE_TEXT,
                },
            ],
        }
    _describe(result, defs)
    result["$id"] = SCHEMA_ID
    result["description"] = (
        "A press release on a round of talks: the facts of the round, from which drafter "
        "writes the release in the house format (HTML, PDF, DOCX)."
    )
    return result


def _widen(node: Any) -> Any:  # noqa: ANN401 - any part of a schema
    """Every part of `node`, with text, numbers, flags and paragraphs in each accepted form."""
    if isinstance(node, list):
        return [_widen(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _widen(value) for key, value in node.items() if key not in _NOT_JSON_SCHEMA}
    if node.get("type") == "array" and node.get("items") == {"$ref": _RUN}:
        return _paragraph(node)
    kind = node.get("type")
    if kind == "string" and "maxLength" in node and not {"pattern", "format"} & node.keys():
        node["type"] = ["string", "number"]  # a text field: a number is read as text (1789)
    elif kind == "integer":
        return _alternatives(node, {"type": "string", "pattern": _DIGITS})
    elif kind == "boolean":
        return _alternatives(node, {"type": "string", "pattern": _TRUTH})
    return node


def _alternatives(node: dict[str, Any], text: dict[str, Any]) -> dict[str, Any]:
    """`node`, or the same value written as text."""
    outer: dict[str, Any] = {
        key: node.pop(key) for key in ("title", "description", "default") if key in node
    }
    return {**outer, "anyOf": [node, text]}


def _paragraph(node: dict[str, Any]) -> dict[str, Any]:
    """A paragraph: plain text, one run, or a list of runs (each plain text or a run)."""
    outer: dict[str, Any] = {key: node.pop(key) for key in ("title", "description") if key in node}
    text = {"type": ["string", "number"], "maxLength": 10_000}
    run = {"$ref": _RUN}
    node["items"] = {"anyOf": [text, run]}
    return {**outer, "anyOf": [text, run, node]}


def _describe(schema: dict[str, Any], defs: dict[str, Any]) -> None:
    """Give every field a title and a description, from its model's where it has none."""
    for model in (schema, *defs.values()):
        _describe_model(model, defs)


def _describe_model(model: dict[str, Any], defs: dict[str, Any]) -> None:
    for name, field in model.get("properties", {}).items():
        field.setdefault("title", name.replace("_", " ").capitalize())
        if "description" not in field:
            field["description"] = _described(field, defs) or field["title"]
        _describe_model(field, defs)
    for part in ("anyOf", "additionalProperties", "items"):
        inner = model.get(part)
        for item in inner if isinstance(inner, list) else [inner]:
            if isinstance(item, dict):
                _describe_model(item, defs)


def _described(field: dict[str, Any], defs: dict[str, Any]) -> str:
    """The description of the model a field refers to."""
    for item in (field, *field.get("anyOf", [])):
        ref = item.get("$ref", "")
        if ref:
            return str(defs.get(ref.rsplit("/", 1)[-1], {}).get("description", ""))
    return ""
