"""ruamel.yaml set up as drafter writes release files (`drafter next`, `drafter import`)."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq

__all__ = ["flow", "round_trip_yaml"]


def round_trip_yaml(width: int = 100) -> YAML:
    """ruamel.yaml in round-trip mode, laid out as drafter's examples are."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = width
    return yaml


def flow(items: list[Any]) -> CommentedSeq:
    """A list written on one line: `[Moscow, St Petersburg]`."""
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq
