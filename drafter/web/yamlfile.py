"""A validated release as a release file (YAML) and as the data the form edits."""

from __future__ import annotations

import io
from typing import Any

from drafter.roundtrip import flow, round_trip_yaml
from drafter.schema import Release

__all__ = ["form_data", "release_yaml"]


def form_data(release: Release) -> dict[str, Any]:
    """The release as JSON data in the schema's own shapes (what the form is built from)."""
    data: dict[str, Any] = release.model_dump(mode="json", exclude_none=True)
    return data


def release_yaml(release: Release) -> str:
    """The release as a YAML file that loads back to the same release: only what was given.

    Defaults are left out; references are written as printed (`A 350/12`), paragraphs of
    plain text as text, and lists of names on one line.
    """
    data = release.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    data = _tidy(data, release)
    stream = io.StringIO()
    round_trip_yaml().dump(data, stream)
    return stream.getvalue()


def _tidy(data: dict[str, Any], release: Release) -> dict[str, Any]:
    if "language" not in data:
        data = {"language": release.language, **data}
    if release.reference is not None:
        data["reference"] = str(release.reference)
    for index, previous in enumerate(release.previous_rounds):
        if previous.reference is not None:
            data["previous_rounds"][index]["reference"] = str(previous.reference)
    data = _flow_short_lists(data)
    if "body" in data:
        data["body"] = [_paragraph(runs) for runs in data["body"]]
    return data


def _paragraph(runs: list[dict[str, Any]]) -> Any:  # noqa: ANN401 - text or a list of runs
    """A paragraph of one plain run as its text; otherwise its runs."""
    if len(runs) == 1 and set(runs[0]) == {"text"}:
        return runs[0]["text"]
    return runs


def _flow_short_lists(value: Any) -> Any:  # noqa: ANN401 - any JSON value
    """Lists of short texts (places, phones) on one line, as the examples write them."""
    if isinstance(value, dict):
        return {key: _flow_short_lists(item) for key, item in value.items()}
    if isinstance(value, list):
        if value and all(isinstance(item, str) and len(item) < 40 for item in value):
            return flow(value)
        return [_flow_short_lists(item) for item in value]
    return value
