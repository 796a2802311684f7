"""House template sets: rendering a release to semantic HTML with the house's templates.

A house is a folder holding `house.toml`, the Jinja templates, the stylesheets and the fonts
(`drafter.houses` finds it; `House` and `load_house` live in `drafter.house` and are
re-exported here). A user's own folder is searched first, then the house, then the houses it
extends, so a user can replace one file (say `wording.j2`) and keep the rest.
Templates run in Jinja's sandbox (bounded: `drafter.sandbox`) and never read a file outside
these folders.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from drafter.errors import LimitError, TemplateError
from drafter.house import DEFAULT_HOUSE, House, load_house, packaged_templates
from drafter.sandbox import BoundedSandbox, bounded_join
from drafter.wording import FILTERS

if TYPE_CHECKING:
    from drafter.catalogues import Wording
    from drafter.schema import Release

__all__ = ["DEFAULT_HOUSE", "House", "load_house", "packaged_templates", "render_html"]

logger = logging.getLogger(__name__)


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
    env = BoundedSandbox(
        loader=_HouseLoader(house),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.newstyle_gettext = True  # type: ignore[attr-defined]  # set by the i18n extension
    env.filters.update(FILTERS)
    env.bound_filters()
    env.globals["emblem"] = _emblem_svg
    return env


def _emblem_svg(label: str) -> Markup:
    """The EU emblem as inline SVG named `label`: what templates get as `emblem(label)`."""
    from drafter.emblem import svg

    return Markup(svg(label))  # noqa: S704 - drafter's own markup; svg() escapes the label


def render_html(
    release: Release,
    house: House,
    wording: Wording | None = None,
    language_versions: Sequence[tuple[str, str]] = (),
) -> str:
    """The release as the house's semantic HTML document.

    `wording` (the release's language's) records the messages its catalogue lacks; by
    default they are warned of. `language_versions` are the (language, HTML file name) of
    every language version of the release, for the page's `hreflang` links; none for a
    release in one language.
    """
    from drafter.catalogues import Wording
    from drafter.layout import house_layout
    from drafter.provenance import publication_context

    env = _environment(house)
    name = str(house.config.get("template", "release.html.j2"))
    if wording is None or wording.language != release.language:
        wording = Wording(house, release.language)
    grammar = {key: wording.grammar(key) for key in ("ordinal form", "ordinal in figures")}
    publication = publication_context(release, house)
    try:
        chunks = env.get_template(name).generate(
            release=release,
            house=house.config,
            layout=house_layout(house.config),
            grammar=grammar,
            publication=publication,
            language_versions=[{"lang": code, "href": href} for code, href in language_versions],
            **wording.callables(),
        )
        html = bounded_join(chunks, f"the template {name}")
    except (TemplateError, LimitError):
        raise
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}, line {exc.lineno}"
        raise TemplateError(f"template error in {where}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {exc.name} not found in the house {house.name}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"the template {name} failed: {exc}") from None
    except Exception as exc:  # template code is the house's, and may fail in any way
        raise TemplateError(f"the template {name} failed: {type(exc).__name__}: {exc}") from None
    _check_characters(html, house)
    return html


# What no HTML, Word or PDF file may hold; a release's own text never has them (fields.py)
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _check_characters(html: str, house: House) -> None:
    """Refuse HTML in which the house's templates or wording wrote a control character."""
    found = _UNWRITABLE.search(html)
    if found:
        from drafter.fields import character_message

        raise TemplateError(
            f"the house {house.name}'s templates or wording wrote a character no document can "
            f"hold: it {character_message(found.group())}"
        )
