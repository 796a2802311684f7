"""The JSON body of an API request read as a release file is: the same types, the same limits.

Numbers and booleans are read as text (the schema types them, as it does a YAML file's
scalars), a key given twice is refused, and a body of more values or levels than a YAML
file may hold (drafter.source: MAX_NODES, MAX_DEPTH) is a LimitError.
"""

from __future__ import annotations

import json
from typing import Any

from drafter.errors import InputError, LimitError, Problem
from drafter.source import MAX_DEPTH, MAX_NODES

__all__ = ["read_json"]


def read_json(raw: bytes) -> Any:  # noqa: ANN401 - any JSON value
    """The JSON value of `raw`, its scalars as text, within a release file's limits."""
    try:
        return _as_text(json.loads(raw, object_pairs_hook=_no_duplicates), _Count())
    except ValueError:
        message = "the body is not JSON; send the release as a JSON object"
    except RecursionError:
        message = "the body is nested far deeper than a release is; send the release"
    raise InputError([Problem(message)])


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; an InputError for a key given twice (as a YAML file's duplicate is)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # the object's place in the release is not known here: the message names the key
            raise InputError([Problem(f"the key `{key}` is given twice in an object; keep one")])
        result[key] = value
    return result


class _Count:
    """The values of a JSON body counted, as a YAML file's are (drafter.source's limits)."""

    def __init__(self) -> None:
        self.values = 0

    def add(self, depth: int) -> None:
        self.values += 1
        if depth > MAX_DEPTH:
            raise LimitError(f"the release is nested more than {MAX_DEPTH} levels deep")
        if self.values > MAX_NODES:
            raise LimitError(f"the release holds more than {MAX_NODES:,} values")


def _as_text(value: Any, count: _Count, depth: int = 0) -> Any:  # noqa: ANN401 - any JSON
    """JSON numbers and booleans as text, as a YAML file's scalars are: the schema types them.

    So `"round": true` is refused as a YAML file's `round: true` is, not read as 1. More
    values or levels than a YAML file may hold are a LimitError.
    """
    count.add(depth)
    if isinstance(value, dict):
        return {key: _as_text(item, count, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_text(item, count, depth + 1) for item in value]
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return value
