"""`drafter init`: a commented starter release, or a starter house folder, to begin from.

The starter release validates as it is written (its placeholders are text in angle
brackets, its dates today's); the starter house extends eu-press with a house.toml and an
example release, so that `--house ./NAME` renders at once. Nothing existing is overwritten.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from drafter.errors import OutputError, UsageError
from drafter.output import write_file, write_files

__all__ = ["release_starter", "write_house_starter", "write_release_starter"]

_STARTERS = Path(__file__).with_name("starters")
_HOUSE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")


def release_starter(today: date) -> str:
    """The starter release's YAML, dated `today`."""
    text = (_STARTERS / "release.yaml").read_text(encoding="utf-8")
    return text.replace("{today}", today.isoformat()).replace("{yy}", f"{today.year % 100:02d}")


def write_release_starter(path: Path, today: date | None = None) -> Path:
    """Write the starter release at `path`; an existing file is kept (OutputError)."""
    _refuse_existing(path)
    write_file(path, release_starter(today or date.today()).encode("utf-8"))
    return path


def _refuse_existing(path: Path) -> None:
    if path.exists() or path.is_symlink():
        raise OutputError(f"{path} already exists; nothing was written (init never replaces it)")


def write_house_starter(folder: Path, today: date | None = None) -> list[Path]:
    """Write a starter house at `folder` (named after it); an existing folder is kept.

    Its two files are written as a set: both, or neither (a full disk, an interrupt).
    """
    name = folder.name
    if not _HOUSE_NAME.fullmatch(name):
        raise UsageError(
            f"{name!r} cannot name a house: use lower-case letters, digits and hyphens, "
            "such as my-office"
        )
    _refuse_existing(folder)
    config = (_STARTERS / "house.toml").read_text(encoding="utf-8").replace("{name}", name)
    files = {
        folder / "house.toml": config,
        folder / "examples" / "release.yaml": release_starter(today or date.today()),
    }
    write_files((path, text.encode("utf-8")) for path, text in files.items())  # both or none
    return list(files)
