"""drafter: press releases in a house format, from the facts of a round.

The public API::

    release = drafter.load_release("round.yaml")      # validated, or InputError
    pdf = drafter.render(release, "pdf")               # bytes; also "docx", "html"
    drafter.write_release(release, "out/")             # every format, atomically

Everything not named in `__all__` is private and may change. The names are loaded on first
use, so importing any part of drafter (the CLI's `--help`, say) stays cheap.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from drafter.errors import (
    DrafterError,
    InputError,
    LimitError,
    OutputError,
    Problem,
    TemplateError,
    UsageError,
)

if TYPE_CHECKING:
    from drafter.languages import language_version
    from drafter.loading import load_release, validate_release
    from drafter.rendering import render, render_all, write_release
    from drafter.schema import Release
    from drafter.style_check import Finding, check_release
    from drafter.templating import load_house
    from drafter.writers import FORMATS

    __version__: str

__all__ = [
    "FORMATS",
    "DrafterError",
    "Finding",
    "InputError",
    "LimitError",
    "OutputError",
    "Problem",
    "Release",
    "TemplateError",
    "UsageError",
    "__version__",
    "check_release",
    "language_version",
    "load_house",
    "load_release",
    "release_schema",
    "render",
    "render_all",
    "validate_release",
    "write_release",
]

_LAZY = {
    "FORMATS": "drafter.writers",
    "Release": "drafter.schema",
    "language_version": "drafter.languages",
    "load_house": "drafter.templating",
    "load_release": "drafter.loading",
    "validate_release": "drafter.loading",
    "render": "drafter.rendering",
    "render_all": "drafter.rendering",
    "write_release": "drafter.rendering",
    "check_release": "drafter.style_check",
    "Finding": "drafter.style_check",
}

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the public names are of many types
    """A public name, imported on first use."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value: Any = version("drafter-press")  # the distribution; the package is drafter
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0"
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'drafter' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def release_schema() -> dict[str, Any]:
    """The JSON Schema of a release file, for editors' completion and checks.

    It accepts every form drafter reads (`reference: A 350/12`, a paragraph as plain text,
    `round: "15"`); `drafter.json_schema.model_schema` is the model's own, one form a field.
    """
    from drafter.json_schema import editor_schema, model_schema

    return editor_schema(model_schema())
