"""Validated value types shared by the schema: text, names, e-mail, phone numbers and links."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated
from urllib.parse import SplitResult, urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, Field

from drafter.lookalikes import host_problem

__all__ = [
    "Email",
    "Line",
    "Phone",
    "Text",
    "Url",
    "WebUrl",
    "character_message",
    "check_placeholder",
    "clean_text",
    "placeholder",
]

MAX_LINE = 300
MAX_TEXT = 10_000
MAX_URL = 2_000

_SPACES = re.compile(r"[ \t\r\n\u2028\u2029]+")  # the line and paragraph separators too
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_PHONE_CHARACTERS = re.compile(r"\+?[0-9 ().\-/]+")
_HOUSE_PHONE = re.compile(r"\+[1-9]\d{0,2}(?: \d+)+")
_PLACEHOLDER = re.compile(r"<<\s*FILL IN\b:?\s*(?P<what>[^>]*?)\s*(?:>>|$)")


# Characters that cannot appear in a document (XML 1.0, Word, PDF): controls other than tab
# and line breaks, halves of surrogate pairs, the two non-characters U+FFFE and U+FFFF; and
# the bidi embeddings, overrides and isolates, which make text read otherwise than it is
# stored (spoofing).
_BAD_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)


def _bad_character(text: str) -> str | None:
    """The first character that cannot appear in a document (XML 1.0, Word, PDF), if any."""
    found = _BAD_CHARACTER.search(text)
    return found.group() if found else None


def character_message(char: str) -> str:
    """What to tell the officer of a character that cannot appear in a document."""
    code = ord(char)
    if unicodedata.category(char) == "Cc":
        kind = "a control character"
    elif 0xD800 <= code <= 0xDFFF:
        kind = "a broken character, half of a pair"
    elif unicodedata.category(char) == "Cf":
        kind = "a direction control"
    else:
        kind = "a non-character"
    name = unicodedata.name(char, kind)
    return (
        f"contains the invisible character U+{code:04X} ({name}), often pasted from "
        "another program; delete it and type the text again"
    )


def clean_text(value: str) -> str:
    """Text as every output shows it: one space between words, no control characters."""
    bad = _bad_character(value)
    if bad is not None:
        raise ValueError(character_message(bad))
    return _SPACES.sub(" ", value).strip()


def placeholder(what: str) -> str:
    """The marker `drafter next` leaves where a fact must be filled in: `<<FILL IN: what>>`."""
    return f"<<FILL IN: {what}>>"


def check_placeholder(value: str) -> str:
    """`value`, unless it still holds a placeholder left by `drafter next`."""
    found = _PLACEHOLDER.search(value)
    if found:
        what = f" ({found['what']})" if found["what"] else ""
        raise ValueError(f"is a placeholder from `drafter next`; fill it in{what}")
    return value


def _not_blank(value: str) -> str:
    # format characters alone (zero-width space, joiners, soft hyphen) print nothing
    if not value or all(unicodedata.category(char) == "Cf" for char in value):
        raise ValueError("is empty; write the text, or leave the field out if it is optional")
    return value


def _as_text(value: object) -> object:
    """Numbers that YAML or JSON typed as numbers are text here (a place called 1789, say)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


def _check_email(value: str) -> str:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        reason = str(exc).rstrip(".")
        reason = reason[:1].lower() + reason[1:]
        raise ValueError(
            f"is not a valid e-mail address ({reason}); write it like name@example.org"
        ) from None
    lookalike = host_problem(value.rsplit("@", 1)[-1], "domain")
    if lookalike:
        raise ValueError(lookalike)
    return value


def _check_phone(value: str) -> str:
    """A valid international number in the house form.

    The officer's grouping is kept when written "+CC 2 299 97 80" (digits and spaces);
    "0032 ...", "(0)" and punctuation ("+32-2-299.97.80") become the international grouping.
    """
    hint = "write it in international form, e.g. +32 2 299 97 80"
    if not _PHONE_CHARACTERS.fullmatch(value):
        raise ValueError(f"may hold only +, digits, spaces and ( ) - . /; {hint}")
    international = "+" + value[2:] if value.startswith("00") else value
    international = international.replace("(0)", "")
    try:
        number = phonenumbers.parse(international, None)
    except phonenumbers.NumberParseException:
        raise ValueError(f"is not a phone number; {hint}") from None
    if not international.startswith("+") or not phonenumbers.is_valid_number(number):
        raise ValueError(f"is not a valid phone number; {hint}")
    if _HOUSE_PHONE.fullmatch(value):
        return value
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def _check_url(value: str, schemes: frozenset[str]) -> str:
    if " " in value:
        raise ValueError("is not a link: it contains a space; remove it or write %20 instead")
    parts = urlsplit(value)
    if parts.scheme.lower() not in schemes:
        starts = ", ".join(
            f"{scheme}://" if scheme != "mailto" else "mailto:" for scheme in sorted(schemes)
        )
        raise ValueError(
            f"is not an allowed link: it must start with one of {starts} "
            "(such as https://www.eeas.europa.eu)"
        )
    if parts.scheme.lower() == "mailto":
        _check_email(value.split(":", 1)[1].split("?", 1)[0])
    else:
        _check_host(parts)
    return value


def _check_host(parts: SplitResult) -> None:
    """Refuse a web address whose host is missing, hidden or not the one a reader sees."""
    if "@" in parts.netloc:  # http://www.eeas.europa.eu@evil.example goes to evil.example
        raise ValueError(
            "holds a user name or password (the part before @); a published link must not: "
            "write the address without it"
        )
    if "\\" in parts.netloc:  # browsers read it as /, so the host is not what it seems
        raise ValueError("has a backslash (\\) in its host; write / or remove it")
    if not parts.hostname or "." not in parts.hostname:
        raise ValueError("is not a web address: it names no host such as www.eeas.europa.eu")
    lookalike = host_problem(parts.hostname)
    if lookalike:
        raise ValueError(lookalike)
    try:
        parts.port  # noqa: B018 - reading it checks it
    except ValueError:
        raise ValueError(
            "has a port that is not a number from 0 to 65535 (after the host's colon); "
            "remove it or correct it"
        ) from None


def _web_url(value: str) -> str:
    return _check_url(value, frozenset({"http", "https"}))


def _link_url(value: str) -> str:
    return _check_url(value, _LINK_SCHEMES)


_AS_TEXT = BeforeValidator(_as_text)
_CLEAN = AfterValidator(lambda value: _not_blank(check_placeholder(clean_text(value))))

Text = Annotated[str, _AS_TEXT, _CLEAN, Field(max_length=MAX_TEXT)]
"""Running text: a paragraph or a sentence."""

Line = Annotated[str, _AS_TEXT, _CLEAN, Field(max_length=MAX_LINE)]
"""A short piece of text on one line: a name, a place, a label."""

Email = Annotated[str, _AS_TEXT, _CLEAN, Field(max_length=MAX_LINE), AfterValidator(_check_email)]
"""An e-mail address, checked for syntax only (no look-ups)."""

Phone = Annotated[str, _AS_TEXT, _CLEAN, Field(max_length=40), AfterValidator(_check_phone)]
"""A phone number in international form: "+32 2 299 97 80" as written, other forms regrouped."""

WebUrl = Annotated[str, _AS_TEXT, _CLEAN, Field(max_length=MAX_URL), AfterValidator(_web_url)]
"""An http(s) address."""

Url = Annotated[str, _AS_TEXT, _CLEAN, Field(max_length=MAX_URL), AfterValidator(_link_url)]
"""A link target: http(s) or mailto."""
