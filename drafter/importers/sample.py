"""A small sample release, rendered by the readers to learn the house's own wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.schema import Release

__all__ = ["sample_release"]


def sample_release(**extra: object) -> Release:
    """A small valid release (talks with Russia in Brussels) with `extra` facts."""
    from drafter.loading import validate_release

    return validate_release(
        {
            "issuer": "European Union",
            "place": "Brussels",
            "date": "2012-07-24",
            "counterpart": {"name": "the Russian Federation", "short_name": "Russia"},
            "meeting": {"name": "talks", "date": "2012-07-20", "place": "Brussels"},
            **extra,
        }
    )
