"""House formats: where a house's files are found, and its configuration.

A house is a folder holding `house.toml`, the Jinja templates, the stylesheets and the fonts
(`drafter.houses` finds it). A user's own folder is searched first, then the house, then the
houses it extends, so a user can replace one file (say `wording.j2`) and keep the rest.
This module is light (no Jinja), so the PDF writer can find the house's files without
loading the template engine.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.errors import TemplateError, UsageError
from drafter.houses import (
    DEFAULT_HOUSE,
    find_house,
    house_chain,
    merged_config,
    packaged_templates,
)
from drafter.source import not_a_file

__all__ = ["DEFAULT_HOUSE", "House", "load_house", "packaged_templates"]


@dataclass(frozen=True)
class House:
    """A house format: its folders, searched in order, and its configuration."""

    name: str
    dirs: tuple[Path, ...]
    config: dict[str, Any] = field(compare=False)

    def find(self, relative: str) -> Path | None:
        """The first file at `relative` in the house's folders, never outside them."""
        for folder in self.dirs:
            candidate = (folder / relative).resolve()
            if not candidate.is_relative_to(folder):
                continue
            wrong = not_a_file(candidate) if candidate.exists() else None
            if wrong:  # a pipe would block the reading; a folder is no template
                raise TemplateError(f"the house {self.name}: {wrong}")
            if candidate.is_file():
                return candidate
        return None

    def read_text(self, relative: str) -> str:
        """The text of a house file, or a TemplateError naming what is missing."""
        found = self.find(relative)
        if found is None:
            raise TemplateError(
                f"the house {self.name} has no {relative} (searched {self._where()})"
            )
        return found.read_text(encoding="utf-8")

    def _where(self) -> str:
        return ", ".join(str(folder) for folder in self.dirs)


def load_house(templates: str | Path | None = None, name: str | Path = DEFAULT_HOUSE) -> House:
    """The house `name` (a house's name or folder), with the user's folder `templates` first.

    The house's folder is followed by those of the houses it extends; its configuration is
    its house.toml over theirs, or the user's house.toml where the user's folder has one.
    """
    user = None if templates is None else Path(templates).expanduser().resolve()
    return _load_house(user, name)


@lru_cache(maxsize=16)
def _load_house(user: Path | None, name: str | Path) -> House:
    if user is not None and not user.is_dir():
        raise UsageError(f"the template folder {user} does not exist or is not a folder")
    chain = house_chain(find_house(name))
    dirs = tuple(house.folder for house in chain)
    config = merged_config(chain)
    if user is not None:
        dirs = (user, *dirs)
        if (user / "house.toml").exists():  # read_text refuses a folder or pipe
            try:
                config = tomllib.loads(House(chain[0].name, dirs, {}).read_text("house.toml"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise TemplateError(f"house.toml of {name} cannot be read: {exc}") from None
    return House(chain[0].name, dirs, config)
