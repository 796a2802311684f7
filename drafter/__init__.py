"""drafter: press releases in a house format, from the facts of a round.

The public API::

    release = drafter.load_release("round.yaml")      # validated, or InputError
    pdf = drafter.render(release, "pdf")               # bytes; also "docx", "html"
    drafter.write_release(release, "out/")             # every format, atomically

Everything not named in `__all__` is private and may change.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from drafter.errors import (
    DrafterError,
    InputError,
    LimitError,
    OutputError,
    Problem,
    TemplateError,
    UsageError,
)
from drafter.loading import load_release, validate_release
from drafter.rendering import render, render_all, write_release
from drafter.schema import Release
from drafter.templating import load_house
from drafter.writers import FORMATS

__all__ = [
    "FORMATS",
    "DrafterError",
    "InputError",
    "LimitError",
    "OutputError",
    "Problem",
    "Release",
    "TemplateError",
    "UsageError",
    "__version__",
    "load_house",
    "load_release",
    "release_schema",
    "render",
    "render_all",
    "validate_release",
    "write_release",
]

try:
    __version__ = version("drafter")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def release_schema() -> dict[str, Any]:
    """The JSON Schema of a release file, for editors' completion and checks."""
    schema = Release.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "drafter release"
    return schema
