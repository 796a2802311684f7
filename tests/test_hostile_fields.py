"""Hostile values in a release's fields: each refused naming the field and its line."""

from __future__ import annotations

import pytest
from textutil import REFERENCE_YAML

import drafter
from drafter.errors import InputError

WEBSITE = "website: http://www.eeas.europa.eu"
TEXT = REFERENCE_YAML.read_text(encoding="utf-8")
LINE = TEXT[: TEXT.index(WEBSITE)].count("\n") + 1


def _problems(old: str, new: str) -> list[str]:
    assert old in TEXT
    with pytest.raises(InputError) as info:
        drafter.load_release(TEXT.replace(old, new, 1))
    return [str(problem) for problem in info.value.problems]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://user:secret@www.eeas.europa.eu", "user name or password"),
        ("http://www.eeas.europa.eu@evil.example", "user name or password"),
        ("https://www.eeas.europa.eu\\@evil.example/", "user name or password"),
        ("http://evil.example\\www.eeas.europa.eu", "backslash"),
        ("http://www.eeas.europa.eu:99999/", "port"),
        ("http://www.eeas.europa.eu:http/", "port"),
    ],
)
def test_a_deceptive_or_broken_web_address_is_refused(url: str, said: str) -> None:
    problems = _problems(WEBSITE, f"website: '{url}'")
    assert len(problems) == 1
    assert problems[0].startswith(f"contacts.website (line {LINE}, column 3): ")
    assert said in problems[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.eeas.europa.eu:443/eeas/press",
        "http://bücher.example/ä?q=1#frag",
        "https://www.eeas.europa.eu/a%20b",
    ],
)
def test_ordinary_web_addresses_are_still_taken(url: str) -> None:
    release = drafter.load_release(TEXT.replace(WEBSITE, f"website: '{url}'", 1))
    assert release.contacts is not None and release.contacts.website == url
