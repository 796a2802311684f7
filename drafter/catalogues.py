"""The house's wording in each language: gettext message catalogues (`.po` files).

A house keeps one catalogue a language, `locale/<code>/LC_MESSAGES/house.po`, beside its
templates; `locale/house.pot` lists every message. The messages' ids are the house's
English, so English needs no catalogue. A message a catalogue lacks (or leaves empty, or
marks fuzzy) is printed in English, with a warning naming it and the language, in a draft;
a final release is refused (`MissingMessagesError`), never printed half in English.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import escape

from drafter.errors import InputError, Problem, TemplateError
from drafter.templating import House

__all__ = [
    "SOURCE_LANGUAGE",
    "MissingMessagesError",
    "Wording",
    "catalogue_languages",
    "catalogue_path",
]

SOURCE_LANGUAGE = "en"
"""The language of the messages' ids: the house's English."""

GRAMMAR = "grammar"
"""The context of the messages that describe the language rather than print text."""

logger = logging.getLogger(__name__)
Key = tuple[str | None, str]
"""A message: its context (None for most) and its id, the house's English."""
Messages = dict[Key, str]
_MAX_BYTES = 2 * 1024 * 1024
"""The largest catalogue read: hundreds of times the packaged ones."""
_PLACEHOLDER = re.compile(r"%(?:%|\(\w+\)s)?")
"""A percent sign: `%%`, `%(name)s`, or (matching "%" alone) anything else."""


def catalogue_path(language: str) -> str:
    """Where a language's catalogue lies in a house folder."""
    return f"locale/{language}/LC_MESSAGES/house.po"


def catalogue_languages(house: House) -> set[str]:
    """The languages the house has a catalogue for (in any of its folders), and English."""
    found = {SOURCE_LANGUAGE}
    for folder in house.dirs:
        locale = folder / "locale"
        if locale.is_dir():
            found |= {path.parent.parent.name for path in locale.glob("*/LC_MESSAGES/house.po")}
    return found


@lru_cache(maxsize=64)
def _read(path: Path, stamp: float) -> Messages:
    """The translated messages of a catalogue file: (context, id) to text."""
    from babel.messages.pofile import PoFileError, read_po

    from drafter.loading import read_bytes
    from drafter.pofile import check_catalogue

    del stamp  # part of the cache key only: an edited catalogue is read again
    raw = read_bytes(path, _MAX_BYTES)  # a LimitError for a file no catalogue is near
    check_catalogue(raw.decode("utf-8", "replace"), str(path))  # Babel reads leniently
    try:
        catalogue = read_po(io.BytesIO(raw), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as exc:
        raise TemplateError(f"the catalogue {path} cannot be read: {exc}") from None
    return {
        (message.context, message.id): message.string
        for message in catalogue
        if message.id
        and isinstance(message.id, str)
        and isinstance(message.string, str)
        and message.string
        and not message.fuzzy
    }


def _messages(house: House, language: str) -> Messages:
    path = house.find(catalogue_path(language))
    return _read(path, path.stat().st_mtime) if path else {}


class MissingMessagesError(InputError):
    """A final release whose language's catalogue lacks messages its rendering uses.

    One problem names each message, at the language's field (`language`, or
    `translations.<code>` for a translation); the last, at `status`, says how to fix it.
    """

    def __init__(
        self,
        language: str,
        messages: list[Key],
        catalogue: str,
        field: str = "language",
        located: InputError | None = None,
    ) -> None:
        self.language = language
        self.messages = list(messages)
        self.catalogue = catalogue
        self.field = field
        if located is not None:  # the same problems, with the file's name and lines
            super().__init__(located.problems, located.source)
            return
        them = "it" if len(self.messages) == 1 else "them"
        problems = [
            Problem(f"{_named(key)} has no translation in the {language} catalogue", field)
            for key in self.messages
        ]
        fix = (
            f"is final, and a final release is never printed half in English: translate {them} "
            f"in {catalogue} (or in {catalogue_path(language)} of your --templates folder), "
            f"or set it to draft (a draft prints {them} in English, with a warning)"
        )
        super().__init__([*problems, Problem(fix, "status")])

    def located(self, error: InputError) -> MissingMessagesError:
        """The same error with the problems of `error` (these, located in the file)."""
        return MissingMessagesError(
            self.language, self.messages, self.catalogue, self.field, located=error
        )


def _named(key: Key) -> str:
    """A message as the warnings and errors name it: `'the EU' (context 'EU')`."""
    context, message = key
    return f"{message!r} (context {context!r})" if context else repr(message)


class Wording:
    """One rendering's messages in one language, each missing one recorded and warned of once.

    `warn=False` records without warning: a final release is refused instead
    (`refuse_missing`), naming every message its rendering used and the catalogue lacks.
    """

    def __init__(self, house: House, language: str, *, warn: bool = True) -> None:
        self.language = language
        self.house = house
        self.warn = warn
        self.messages = _messages(house, language)
        self.missing: dict[Key, None] = {}  # in the order the rendering used them

    def text(self, message: str, context: str | None = None) -> str:
        """The message in the language; in English (recorded as missing) where it is not."""
        found = self.messages.get((context, message))
        if found is not None:
            return found
        key = (context, message)
        if self.language != SOURCE_LANGUAGE and key not in self.missing:
            self.missing[key] = None
            if self.warn:
                logger.warning(
                    "the %s catalogue has no translation of %s; it is printed in English",
                    self.language,
                    _named(key),
                )
        return message

    def refuse_missing(self, field: str = "language") -> None:
        """Raise MissingMessagesError if the rendering used a message the catalogue lacks.

        `field` is where the release names the language (`translations.<code>`).
        """
        if self.missing:
            found = self.house.find(catalogue_path(self.language))
            where = found or self.house.dirs[0] / catalogue_path(self.language)
            raise MissingMessagesError(self.language, list(self.missing), str(where), field)

    def grammar(self, key: str) -> str:
        """What the catalogue says of the language's grammar (`ordinal form`), or ""."""
        return _check_placeholders(self.messages.get((GRAMMAR, key), ""))

    def callables(self) -> dict[str, Callable[..., Any]]:
        """`gettext` and `pgettext` for templates, in Jinja's newstyle form."""
        return {"gettext": self._gettext, "pgettext": self._pgettext}

    @pass_context
    def _gettext(self, context: Context, message: str, **variables: object) -> str:
        return _fill(context, self.text(message), variables)

    @pass_context
    def _pgettext(
        self, context: Context, message_context: str, message: str, **variables: object
    ) -> str:
        return _fill(context, self.text(message, message_context), variables)


def _check_placeholders(text: str) -> str:
    """`text`, unless it holds a placeholder other than `%(name)s`, or a lone `%`."""
    if any(found.group() == "%" for found in _PLACEHOLDER.finditer(text)):
        # `%s` would print the mapping of every value, `%r` Python's quoting
        raise TemplateError(
            f"the message {text!r} has a placeholder that is not %(name)s; write each "
            "placeholder as %(name)s, as the English message has it, and a percent sign as %%"
        )
    return text


def _fill(context: Context, text: str, variables: dict[str, object]) -> str:
    """The message with its placeholders filled; message and values escaped for HTML.

    A catalogue holds text, not markup: what a translator writes is printed as written.
    """
    _check_placeholders(text)
    result: str = escape(text) if context.eval_ctx.autoescape else text
    try:
        return result % variables
    except (KeyError, ValueError, TypeError) as exc:
        raise TemplateError(f"the message {text!r} cannot be filled in: {exc!r}") from None
