"""Links and e-mail addresses whose host only looks like the one a reader sees (issue 18)."""

from __future__ import annotations

import pytest
from edits import edit
from pydantic import TypeAdapter, ValidationError

import drafter
from drafter.errors import InputError
from drafter.fields import Email, Url

CYRILLIC_E = "\u0435"  # CYRILLIC SMALL LETTER IE
LOOKALIKE = f"www.{CYRILLIC_E}eas.europa.eu"


def _refusal(adapter: TypeAdapter[str], value: str) -> str:
    with pytest.raises(ValidationError) as refused:
        adapter.validate_python(value)
    return str(refused.value.errors()[0]["msg"])


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (f"https://{LOOKALIKE}/en", "mixes Cyrillic and Latin letters"),
        (f"https://{LOOKALIKE.upper()}/en", "mixes Cyrillic and Latin letters"),
        ("https://" + LOOKALIKE.encode("idna").decode("ascii"), "mixes Cyrillic and Latin"),
        ("https://www.\u0435\u0435\u0430\u0455.europa.eu", "only look Latin"),  # all Cyrillic
        ("https://\u03bf\u03c1a.example.org", "mixes Greek and Latin"),  # omicron, rho, Latin a
        ("https://www.eeas\u3002europa.eu", "U+3002 IDEOGRAPHIC FULL STOP"),
    ],
)
def test_a_lookalike_link_host_is_refused(url: str, said: str) -> None:
    message = _refusal(TypeAdapter(Url), url)
    assert said in message and "lookalike" in message


@pytest.mark.parametrize(
    "url",
    [
        "https://www.eeas.europa.eu/eeas/press-material_en",
        "https://bücher.example.de",
        "http://президент.рф",
        "https://日本語.jp",
        "https://東京tokyo.jp",  # Latin with Chinese characters is common
        "https://xn--bcher-kva.example.de",  # bücher, in punycode
    ],
)
def test_a_host_in_one_script_is_accepted(url: str) -> None:
    assert TypeAdapter(Url).validate_python(url) == url


def test_a_release_with_a_lookalike_website_names_the_field_and_line() -> None:
    text = edit(("http://www.eeas.europa.eu", f"http://{LOOKALIKE}"))
    with pytest.raises(InputError) as refused:
        drafter.load_release(text)
    [problem] = refused.value.problems
    assert problem.field == "contacts.website" and problem.line is not None
    assert "U+0435 CYRILLIC SMALL LETTER IE" in problem.message


def test_an_email_domain_with_lookalike_letters_is_refused() -> None:
    message = _refusal(TypeAdapter(Email), f"Michael.Mann@{CYRILLIC_E}eas.europa.eu")
    assert "has a domain that mixes Cyrillic and Latin letters" in message
    assert TypeAdapter(Email).validate_python("Michael.Mann@eeas.europa.eu")
