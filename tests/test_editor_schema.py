"""The exported JSON Schema accepts what drafter accepts, as editors and schema checkers read it."""

from __future__ import annotations

import copy
import datetime
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from familyutil import KYRGYZ_ROUND
from lsputil import diagnostics
from ruamel.yaml import YAML
from textutil import REPO

import drafter
from drafter.errors import InputError
from drafter.loading import read_source

EXAMPLES = sorted((REPO / "examples").rglob("*.yaml"))
SCHEMA = drafter.release_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _plain(value: Any) -> Any:
    """Dates as their text, as check-jsonschema and editors see them."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _typed(text: str) -> Any:
    """The YAML as an editor reads it (YAML 1.2: numbers, booleans, strings)."""
    return _plain(YAML(typ="safe", pure=True).load(io.StringIO(text)))


def _problems(data: Any) -> list[str]:
    errors = VALIDATOR.iter_errors(data)
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def _drafter_accepts(text: str) -> bool:
    try:
        drafter.load_release(text.encode())
    except InputError:
        return False
    return True


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_every_example_is_valid_under_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _problems(_typed(text)) == []
    assert _problems(read_source(path).data) == []  # as drafter reads it: every scalar text


def _forms() -> Iterator[dict[str, Any]]:
    """Releases written with each of the short forms drafter accepts."""
    base = copy.deepcopy(KYRGYZ_ROUND)
    link = {"text": "the statement", "url": "https://www.eeas.europa.eu", "bold": "yes"}
    yield {**base, "body": ["A plain paragraph.", 1789]}
    yield {**base, "body": [{"text": "One run.", "italic": True}, ["Runs: ", link, "."]]}
    yield {**base, "reference": {"series": "A", "number": 540, "year": 2012}}
    yield {**base, "reference": None, "identifier": "11361/13 PRESSE 281"}
    yield {**base, "meeting": {**base["meeting"], "round": 4, "round_style": "figures"}}
    yield {**base, "next_round": {"timing": 2013, "place": "Brussels"}}
    yield {**base, "previous_rounds": [{"date": "2011-11-29", "reference": "A 481/11"}]}
    yield {**base, "contacts": {"people": ["mann"]}, "contacts_file": "contacts.yaml"}
    yield {**base, "counterpart_first": "true", "status": "draft"}
    yield {**base, "translations": {"fr": {"body": ["Un paragraphe."], "place": "Bruxelles"}}}


@pytest.mark.parametrize("data", list(_forms()))
def test_the_short_forms_drafter_accepts_are_valid_under_the_schema(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if "contacts_file" not in data:
        assert _drafter_accepts(text)
    assert _problems(_typed(text)) == []
    assert _problems(read_source(text.encode()).data) == []


def _mistakes() -> Iterator[dict[str, Any]]:
    """Releases drafter refuses for their form, not their consistency."""
    base = copy.deepcopy(KYRGYZ_ROUND)
    yield {**base, "colour": "blue"}
    yield {**base, "reference": "540-12"}
    yield {**base, "reference": "A540/12"}
    yield {**base, "body": [{"text": "Run.", "underline": True}]}
    yield {**base, "body": [[]]}
    yield {**base, "meeting": {**base["meeting"], "round": "fourth"}}
    yield {**base, "counterpart_first": "maybe"}
    yield {**base, "language": "xx"}
    yield {**base, "status": "done"}
    yield {**base, "date": "24 July 2012"}
    yield {key: value for key, value in base.items() if key != "meeting"}


@pytest.mark.parametrize("data", list(_mistakes()))
def test_what_drafter_refuses_for_its_form_the_schema_refuses(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert not _drafter_accepts(text)
    assert _problems(_typed(text)) != []


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def test_the_schema_has_an_id_and_every_field_a_title_and_description() -> None:
    assert SCHEMA["$id"].startswith(("https://", "urn:"))
    assert SCHEMA["title"] and SCHEMA["description"]
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for model in _objects(SCHEMA):
        for name, field in model["properties"].items():
            assert field.get("title") and field.get("description"), name


def test_the_yaml_language_server_finds_nothing_wrong_in_the_examples(tmp_path: Path) -> None:
    schema = tmp_path / "release.schema.json"
    schema.write_text(json.dumps(SCHEMA, indent=2), encoding="utf-8")
    copies = []
    for path in EXAMPLES:
        copy_ = tmp_path / path.name
        line = f"# yaml-language-server: $schema={schema.as_uri()}\n"
        copy_.write_text(line + path.read_text(encoding="utf-8"), encoding="utf-8")
        copies.append(copy_)
    mistaken = tmp_path / "mistaken.yaml"
    mistaken.write_text(
        f"# yaml-language-server: $schema={schema.as_uri()}\n"
        + yaml.safe_dump({**KYRGYZ_ROUND, "colour": "blue"}),
        encoding="utf-8",
    )
    found = diagnostics([*copies, mistaken])
    assert {path.name: found[path] for path in copies} == {path.name: [] for path in copies}
    assert any("colour" in item["message"] for item in found[mistaken])  # the server did check
