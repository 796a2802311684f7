"""Hosts that only look like the address a reader sees: mixed scripts and lookalike letters.

`http://www.eeas.europa.eu` written with a Cyrillic "e" (U+0435) reads as the EEAS's site
and leads to another. A host (of a link, or an e-mail address's domain) is refused when one
of its labels mixes scripts (Cyrillic and Latin, say; Latin with Chinese, Japanese or Korean
is common and allowed, as in Unicode's "highly restrictive" profile, UTS #39), when a label
written in another script consists only of letters that look Latin (Cyrillic "sos"), or
when it holds a character that is no letter, digit or hyphen (a full stop of another
script, U+3002, is read as a dot). Labels in punycode (`xn--...`) are read as the letters
they stand for.
"""

from __future__ import annotations

import unicodedata

__all__ = ["host_problem"]

# Letters of other scripts that look like Latin ones, lower case (the host is lowered).
_LOOK_LATIN = frozenset("асԁеһіјкӏорԛѕԝху" + "αικνορυχ")  # Cyrillic, Greek
_FIX = (
    "a lookalike of another site's address leads elsewhere: write the address with its "
    "site's own letters (copy it from the site)"
)
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"})


def host_problem(host: str, noun: str = "host") -> str | None:
    """What makes `host` look like another address than it is, or None.

    `noun` is what the message calls it: "host" (of a link), "domain" (of an e-mail address).
    """
    for label in host.lower().split("."):
        problem = _label_problem(_decoded(label), noun)
        if problem:
            return problem
    return None


def _decoded(label: str) -> str:
    """A punycode label (`xn--eas-qdd`) as its letters (Cyrillic e, then `eas`); others as is."""
    if not label.startswith("xn--"):
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return label  # not punycode after all: checked as written


def _label_problem(label: str, noun: str) -> str | None:
    """What is wrong with one label of a host, or None."""
    scripts: dict[str, str] = {}  # each script, with its first letter
    for char in label:
        if char == "-" or (char.isascii() and char.isdigit()):
            continue
        if not char.isalnum():
            return f'holds {_named(char)} in its {noun} ("{label}"); {_FIX}'
        scripts.setdefault(_script(char), char)
    others = set(scripts) - {"LATIN"}
    if len(scripts) > 1 and not others <= _EAST_ASIAN:
        odd = scripts[sorted(others)[0]]
        mixed = " and ".join(sorted(script.title() for script in scripts))
        return f'has a {noun} that mixes {mixed} letters ("{label}": {_named(odd)}); {_FIX}'
    letters = [char for char in label if char.isalpha()]
    if others and all(char in _LOOK_LATIN for char in letters):
        first = _named(letters[0])
        return f'has a {noun} whose letters only look Latin ("{label}": {first}); {_FIX}'
    return None


def _script(char: str) -> str:
    """The script of a letter, from its Unicode name: LATIN, CYRILLIC, GREEK, CJK, ..."""
    if char.isascii():
        return "LATIN"
    name = unicodedata.name(char, "UNKNOWN")
    first = name.split()[0]
    return "LATIN" if first == "FULLWIDTH" and "LATIN" in name else first


def _named(char: str) -> str:
    return f"{char} is U+{ord(char):04X} {unicodedata.name(char, 'UNKNOWN')}"
