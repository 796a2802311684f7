"""House template sets: where they are found, and rendering a release to semantic HTML.

A house is a folder holding `house.toml`, the Jinja templates, the stylesheets and the fonts.
A user's own folder is searched first, then the house shipped with drafter, so a user can
replace one file (say `wording.j2`) and keep the rest. Templates run in Jinja's sandbox.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from drafter.errors import TemplateError, UsageError
from drafter.wording import FILTERS

if TYPE_CHECKING:
    from drafter.schema import Release

__all__ = ["DEFAULT_HOUSE", "House", "load_house", "packaged_templates", "render_html"]

DEFAULT_HOUSE = "eu-press"
logger = logging.getLogger(__name__)


def packaged_templates() -> Path:
    """The template folder shipped with drafter (inside the wheel, or the source checkout)."""
    here = Path(__file__).resolve().parent
    installed = here / "templates"
    return installed if installed.is_dir() else here.parent / "templates"


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
            if candidate.is_relative_to(folder) and candidate.is_file():
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


def load_house(templates: str | Path | None = None, name: str = DEFAULT_HOUSE) -> House:
    """The house `name`, with the user's folder `templates` searched before it."""
    user = None if templates is None else Path(templates).expanduser().resolve()
    return _load_house(user, name)


@lru_cache(maxsize=16)
def _load_house(user: Path | None, name: str) -> House:
    packaged = (packaged_templates() / name).resolve()
    if not packaged.is_dir():
        raise UsageError(f"there is no house format called {name!r}")
    if user is not None and not user.is_dir():
        raise UsageError(f"the template folder {user} does not exist or is not a folder")
    dirs = (user, packaged) if user is not None else (packaged,)
    house = House(name, dirs, {})
    try:
        config = tomllib.loads(house.read_text("house.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"house.toml of {name} cannot be read: {exc}") from None
    return House(name, dirs, config)


class _HouseLoader(jinja2.BaseLoader):
    """Loads templates through `House.find`: never from outside the house's folders."""

    def __init__(self, house: House) -> None:
        self.house = house

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        found = self.house.find(template)
        if found is None:
            raise jinja2.TemplateNotFound(template)
        return found.read_text(encoding="utf-8"), str(found), lambda: True


@lru_cache(maxsize=16)
def _environment(house: House) -> jinja2.Environment:
    env = ImmutableSandboxedEnvironment(
        loader=_HouseLoader(house),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    env.globals["emblem"] = _emblem_svg
    return env


def _emblem_svg(label: str) -> Markup:
    """The EU emblem as inline SVG named `label`: what templates get as `emblem(label)`."""
    from drafter.emblem import svg

    return Markup(svg(label))  # noqa: S704 - drafter's own markup; svg() escapes the label


def render_html(release: Release, house: House) -> str:
    """The release as the house's semantic HTML document."""
    from drafter.provenance import publication_context

    env = _environment(house)
    name = str(house.config.get("template", "release.html.j2"))
    publication = publication_context(release, house)
    try:
        return env.get_template(name).render(
            release=release, house=house.config, publication=publication
        )
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}, line {exc.lineno}"
        raise TemplateError(f"template error in {where}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {exc.name} not found in the house {house.name}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"the template {name} failed: {exc}") from None
    except Exception as exc:  # template code is the house's, and may fail in any way
        raise TemplateError(f"the template {name} failed: {type(exc).__name__}: {exc}") from None
