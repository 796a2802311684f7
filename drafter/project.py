"""A project: the folder of a `drafter.toml` holding settings shared by its release files.

drafter looks for `drafter.toml` in the release file's folder, then in each parent folder
up to the repository root (the nearest folder holding `.git`) and no further; a release
outside any repository has only its own folder searched. The first one found is the
project's, and its folder is the project's root. So a `drafter.toml` left in a home folder
or in `/tmp` never turns off the checks of a release below it. It holds::

    [check]
    disable = ["small-numbers"]      # check rules not run for any release of the project

    [contacts]
    file = "contacts.yaml"           # the shared contacts file, relative to drafter.toml
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.errors import InputError, Problem

__all__ = [
    "PROJECT_FILE",
    "Project",
    "find_project",
    "inside",
    "name_problem",
    "outside_message",
    "searched_folders",
]

PROJECT_FILE = "drafter.toml"
_MAX_BYTES = 64 * 1024
_MAX_NAME = 1024


@dataclass(frozen=True)
class Project:
    """The settings of a project and the folder that holds them."""

    root: Path
    config: dict[str, Any] = field(compare=False)

    @property
    def path(self) -> Path:
        """The project's `drafter.toml`."""
        return self.root / PROJECT_FILE

    def _section(self, name: str) -> dict[str, Any]:
        """The table `[name]`; an InputError if drafter.toml gives `name` as something else."""
        section = self.config.get(name, {})
        if not isinstance(section, dict):
            problem = Problem(f"must be a table, written [{name}] on a line of its own", name)
            raise InputError([problem], str(self.path))
        return section

    def disabled_checks(self) -> list[str]:
        """The ids of the check rules the project turns off (`[check] disable`)."""
        names = self._section("check").get("disable", [])
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise InputError(
                [Problem('must be a list of rule ids, such as ["small-numbers"]', "check.disable")],
                str(self.path),
            )
        return list(names)

    def contacts_file(self) -> Path | None:
        """The shared contacts file named by `[contacts] file`, if any, inside the project."""
        name = self._section("contacts").get("file")
        if name is None:
            return None
        if not isinstance(name, str) or not name.strip():
            raise InputError(
                [
                    Problem(
                        'must be the contacts file\'s name, such as "contacts.yaml"',
                        "contacts.file",
                    )
                ],
                str(self.path),
            )
        wrong = name_problem(name)
        if wrong:
            raise InputError([Problem(wrong, "contacts.file")], str(self.path))
        found = inside(self.root, self.root, name)
        if found is None:
            problem = Problem(outside_message(name, self.root), "contacts.file")
            raise InputError([problem], str(self.path))
        return found


def name_problem(name: str) -> str | None:
    """What makes `name` no file name at all (a NUL character, a name too long), or None."""
    if "\x00" in name:
        return "holds a NUL character (\\0); write the file's name only"
    if len(name.encode()) > _MAX_NAME or any(len(p.encode()) > 255 for p in Path(name).parts):
        return f"is too long for a file's name ({len(name):,} characters); check the name"
    return None


def inside(root: Path, base: Path, name: str) -> Path | None:
    """The file `name` relative to `base`, resolved, if it lies inside `root`; else None."""
    resolved = (base / name).resolve()
    if Path(name).is_absolute() or not resolved.is_relative_to(root.resolve()):
        return None
    return resolved


def outside_message(name: str, root: Path) -> str:
    """What to tell of a file named outside the folder it must be in."""
    return (
        f"{name} is outside the folder {root}; name a file inside it, relative to the file "
        "that names it (no absolute path, no .. out of the folder)"
    )


def find_project(start: Path) -> Project | None:
    """The project of a release file or folder: the nearest `drafter.toml` at or above it.

    Only the folders of `searched_folders` are looked in.
    """
    for candidate in searched_folders(start):
        path = candidate / PROJECT_FILE
        if path.exists():  # read_bytes refuses a folder or a pipe of this name
            return Project(candidate, _read(path))
    return None


def searched_folders(start: Path) -> list[Path]:
    """Where `drafter.toml` is looked for, nearest first.

    The file's folder and its parents up to the repository root (the nearest folder holding
    `.git`, a folder or a worktree's file); outside any repository, the file's own folder.
    """
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    chain = [folder, *folder.parents]
    for index, candidate in enumerate(chain):
        if (candidate / ".git").exists():
            return chain[: index + 1]
    return [folder]


def _read(path: Path) -> dict[str, Any]:
    from drafter.loading import read_bytes

    raw = read_bytes(path, _MAX_BYTES)
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError([Problem(f"cannot be read: {exc}")], str(path)) from None
