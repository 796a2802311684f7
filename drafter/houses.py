"""House formats: where they are found, what each declares, and what it asks of a release.

A house is a folder holding `house.toml`, its templates, stylesheets and fonts. Houses come
from three places: the ones shipped with drafter (`templates/<name>`), installed Python
packages exposing an entry point in the group `drafter.houses` (its object is the house
folder, or a function returning it), and any folder named by its path. A house may
`extends = "<other house>"`: a file it lacks is then taken from that house.

`house.toml` may also say what the house needs of a release, so that a new house needs no
code: `[fields] required = [...]` (dotted field paths), `[fields.forms.<path>]` (a regular
expression the field's text must match, with an example and an explanation), and
`[fields] not_shown = [...]` (fields the house leaves out; a release giving them is warned).
This module reads only TOML: it never loads Jinja or a writer.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

from drafter.errors import DrafterError, Problem, TemplateError, UsageError
from drafter.source import FieldPath, dotted, read_bytes

__all__ = [
    "DEFAULT_HOUSE",
    "ENTRY_POINT_GROUP",
    "HouseSource",
    "available_houses",
    "declared_house",
    "find_house",
    "house_chain",
    "house_languages",
    "house_problems",
    "merged_config",
    "packaged_templates",
    "read_config",
    "release_problems",
    "warn_not_shown",
]

DEFAULT_HOUSE = "eu-press"
ENTRY_POINT_GROUP = "drafter.houses"
_MAX_EXTENDS = 8
_PATTERN_SECONDS = 1.0
logger = logging.getLogger(__name__)


class Declares(Protocol):
    """A house as the field rules need it: its name and its house.toml."""

    @property
    def name(self) -> str: ...

    @property
    def config(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class HouseSource:
    """A house folder as found: its name, folder, where it came from and its house.toml."""

    name: str
    folder: Path
    origin: str
    config: dict[str, Any] = field(compare=False, hash=False, repr=False)

    @property
    def description(self) -> str:
        """The house's one-line description."""
        return str(self.config.get("description", ""))

    @property
    def languages(self) -> list[str]:
        """The languages the house has wording for."""
        return house_languages(self)


def packaged_templates() -> Path:
    """The template folder shipped with drafter (inside the wheel, or the source checkout)."""
    here = Path(__file__).resolve().parent
    installed = here / "templates"
    return installed if installed.is_dir() else here.parent / "templates"


def read_config(folder: Path) -> dict[str, Any]:
    """The house.toml of a house folder, or a TemplateError saying what is wrong with it."""
    path = folder / "house.toml"
    if not path.exists():
        raise TemplateError(f"{folder} is not a house folder: it has no house.toml")
    try:
        return tomllib.loads(read_bytes(path).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, DrafterError) as exc:
        raise TemplateError(f"{path} cannot be read: {exc}") from None


def _source(folder: Path, origin: str, name: str | None = None) -> HouseSource:
    config = read_config(folder)
    return HouseSource(name or str(config.get("name", folder.name)), folder, origin, config)


@lru_cache(maxsize=1)
def _packaged() -> dict[str, HouseSource]:
    root = packaged_templates()
    folders = sorted(p for p in root.iterdir() if (p / "house.toml").is_file())
    return {folder.name: _source(folder.resolve(), "packaged", folder.name) for folder in folders}


@lru_cache(maxsize=1)
def _installed() -> dict[str, HouseSource]:
    """Houses of installed packages (entry points in the group `drafter.houses`)."""
    found: dict[str, HouseSource] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        dist = point.dist.name if point.dist else point.value
        try:
            target = point.load()
            folder = Path(target() if callable(target) else target).resolve()
            found.setdefault(point.name, _source(folder, f"package {dist}", point.name))
        except Exception as exc:  # another package's code: report it, list the others
            logger.warning("the house %s of package %s cannot be loaded: %s", point.name, dist, exc)
    return found


def available_houses() -> dict[str, HouseSource]:
    """Every house that can be named (shipped and installed), by name."""
    houses = dict(_installed())
    houses.update(_packaged())  # a package cannot replace a house shipped with drafter
    return dict(sorted(houses.items()))


def _looks_like_path(spec: str | Path) -> bool:
    return isinstance(spec, Path) or "/" in spec or "\\" in spec or spec.startswith(".")


def find_house(spec: str | Path, *, folders: bool = True) -> HouseSource:
    """The house named `spec`, or the house folder at the path `spec`.

    A name is looked up first; a bare word that is no house's name may be a folder holding
    a house.toml. An unknown name is a UsageError listing the houses there are. With
    `folders` False (a name a release file gives) only shipped and installed houses count.
    """
    if folders and _looks_like_path(spec):
        folder = Path(spec).expanduser().resolve()
        if not folder.is_dir():
            raise UsageError(f"the house folder {folder} does not exist or is not a folder")
        return _source(folder, "path")
    packaged = _packaged()
    if spec in packaged:
        return packaged[str(spec)]
    installed = _installed()
    if spec in installed:
        return installed[str(spec)]
    if folders and (Path(spec) / "house.toml").is_file():  # a folder named without ./
        return _source(Path(spec).resolve(), "path")
    names = ", ".join(sorted({*packaged, *installed}))
    raise UsageError(f"there is no house format called {spec!r}; the houses are: {names}")


def house_chain(house: HouseSource) -> tuple[HouseSource, ...]:
    """The house, then the houses it extends, in the order their files are searched."""
    chain = [house]
    while parent := chain[-1].config.get("extends"):
        spec = str(parent)
        folder = _looks_like_path(spec)
        if folder:  # a folder: relative to the house that names it
            spec = str(chain[-1].folder / Path(spec).expanduser())
        found = find_house(spec, folders=folder)  # a bare word: a house's name, not ./word
        if found.folder in {h.folder for h in chain} or len(chain) >= _MAX_EXTENDS:
            raise TemplateError(f"the house {house.name} extends itself, through {parent}")
        chain.append(found)
    return tuple(chain)


def merged_config(chain: tuple[HouseSource, ...]) -> dict[str, Any]:
    """The house.toml of a house over those of the houses it extends (tables merged)."""
    merged: dict[str, Any] = {}
    for house in reversed(chain):
        merged = _merge(merged, house.config)
    return merged


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        both = isinstance(below, dict) and isinstance(value, dict)
        merged[key] = _merge(below, value) if both else value  # type: ignore[arg-type]
    return merged


def declared_house(spec: str | Path, *, folders: bool = True) -> HouseSource:
    """The house `spec` (name or folder, as for find_house) with its configuration merged."""
    chain = house_chain(find_house(spec, folders=folders))
    return replace(chain[0], config=merged_config(chain))


# --- what a house asks of a release ---------------------------------------------------------


def _wrong(house: str, key: str, should: str) -> TemplateError:
    return TemplateError(f"house.toml of {house}: {key} must be {should}")


def house_languages(house: Declares) -> list[str]:
    """The languages house.toml says the house has wording for (`languages`), checked."""
    found = house.config.get("languages", ["en"])
    if not isinstance(found, list) or not all(isinstance(code, str) for code in found):
        raise _wrong(house.name, "languages", 'a list of language codes, such as ["en", "fr"]')
    return found


def _fields(house: Declares) -> dict[str, Any]:
    """The house's `[fields]` rules, each checked for its shape."""
    found = house.config.get("fields", {})
    if not isinstance(found, dict):
        raise _wrong(house.name, "fields", "a table, [fields]")
    for key in ("required", "not_shown"):
        names = found.get(key, [])
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise _wrong(house.name, f"fields.{key}", 'a list of fields, such as ["reference"]')
    forms = found.get("forms", {})
    if not isinstance(forms, dict):
        raise _wrong(house.name, "fields.forms", "a table of tables, [fields.forms.<field>]")
    for name, form in forms.items():
        if not isinstance(form, dict):
            raise _wrong(house.name, f"fields.forms.{name}", 'a table with pattern = "..."')
        for key in ("pattern", "what", "example", "explain"):
            if not isinstance(form.get(key, ""), str):
                raise _wrong(house.name, f"fields.forms.{name}.{key}", "text, in quotes")
    return found


def _path(name: str) -> FieldPath:
    return tuple(int(part) if part.isdigit() else part for part in name.split("."))


def _value(release: BaseModel, path: FieldPath) -> tuple[object, BaseModel | None]:
    """The value at `path`, and the model holding its last part (None if a parent is absent)."""
    holder: object = release
    for part in path[:-1]:
        if isinstance(part, int):
            holder = holder[part] if isinstance(holder, list) and part < len(holder) else None
        else:
            holder = getattr(holder, part, None)
    if not isinstance(holder, BaseModel):
        return None, None
    return getattr(holder, str(path[-1]), None), holder


def _missing(name: str, path: FieldPath, holder: BaseModel | None) -> str:
    info = type(holder).model_fields.get(str(path[-1])) if holder is not None else None
    described = (info.description or "") if info else ""
    about = f" ({described[:1].lower()}{described[1:].rstrip('.')})" if described else ""
    return f"the house {name} needs it; add `{path[-1]}:`{about}"


def _form_problem(name: str, field: str, text: str, form: dict[str, Any]) -> str | None:
    import regex  # a pattern of house.toml is matched with a time limit, which re has not

    try:
        pattern = regex.compile(str(form.get("pattern", "")))
        if pattern.fullmatch(text, timeout=_PATTERN_SECONDS):
            return None
    except regex.error as exc:
        message = f"house.toml of {name}: the pattern of fields.forms.{field} is wrong: {exc}"
        raise TemplateError(message) from None
    except TimeoutError:
        message = (
            f"house.toml of {name}: the pattern of fields.forms.{field} takes too long to "
            f"match {text[:40]!r} (it backtracks without end); write a simpler pattern"
        )
        raise TemplateError(message) from None
    what = form.get("what", f"in the form the house {name} uses")
    explain = f" ({form['explain']})" if form.get("explain") else ""
    return f'"{text}" is not {what}; write it like "{form.get("example", "")}"{explain}'


def house_problems(release: BaseModel, house: Declares) -> list[tuple[FieldPath, str]]:
    """What the release lacks, or gives in the wrong form, for the house: (field, message)."""
    rules = _fields(house)
    found: list[tuple[FieldPath, str]] = []
    lost = getattr(release, "reference_lost", False)  # a lost number is asked for by no house
    for name in rules.get("required", []):
        path = _path(str(name))
        if lost and path in (("reference",), ("identifier",)):
            continue
        value, holder = _value(release, path)
        if value is None or value == []:
            found.append((path, _missing(house.name, path, holder)))
    for name, form in rules.get("forms", {}).items():
        path = _path(str(name))
        value, _ = _value(release, path)
        problem = None if value is None else _form_problem(house.name, name, str(value), form)
        if problem:
            found.append((path, problem))
    return found


def warn_not_shown(release: BaseModel, house: Declares) -> None:
    """Log a warning for each field the release gives that the house does not print."""
    for name in _fields(house).get("not_shown", []):
        value, _ = _value(release, _path(str(name)))
        if value not in (None, []):
            logger.warning("the house %s does not show %s; it is left out", house.name, name)


def release_problems(release: BaseModel, house: Declares) -> list[Problem]:
    """The release's problems for the house, as Problems naming each field."""
    return [Problem(message, dotted(path)) for path, message in house_problems(release, house)]
