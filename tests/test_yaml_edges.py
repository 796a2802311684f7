"""Edges of reading a release file not covered in test_yaml_input: tabs, encodings, NULs."""

from __future__ import annotations

import pytest

import drafter
from drafter.errors import InputError
from drafter.source import decode, parse_yaml


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("meeting:\n\tname: talks\n", 2, 1),
        ("meeting:\n \tname: talks\n", 2, 2),
        ("meeting:\n  name: talks\n\tplace: Brussels\n", 3, 1),
    ],
)
def test_a_tab_in_the_indentation_is_named_wherever_it_is(
    text: str, line: int, column: int
) -> None:
    with pytest.raises(InputError) as info:
        parse_yaml(text)
    [problem] = info.value.problems
    assert (problem.line, problem.column) == (line, column)
    assert "tab character" in problem.message and "spaces" in problem.message


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_named_as_utf32(encoding: str) -> None:
    with pytest.raises(InputError) as info:
        decode("issuer: European Union\n".encode(encoding))
    assert "UTF-32" in str(info.value) and "UTF-8" in str(info.value)


@pytest.mark.parametrize("raw", [b"\x00", b"a\x00", b"\x00a", b"issuer: x\x00\n"])
def test_a_nul_byte_in_utf8_is_a_control_character_not_utf16(raw: bytes) -> None:
    with pytest.raises(InputError) as info:
        parse_yaml(decode(raw))
    assert "U+0000" in str(info.value) and "UTF-16" not in str(info.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_still_named(encoding: str) -> None:
    with pytest.raises(InputError, match="UTF-16"):
        decode("issuer: European Union\n".encode(encoding))


@pytest.mark.parametrize(
    "key", ["a[0]", "list[str]", "function-after", "tagged-union[x]", "\\e[2Jkey", "[x]"]
)
def test_an_unknown_key_that_looks_like_a_validator_marker_is_named(key: str) -> None:
    text = f'issuer: European Union\n"{key}": 1\n'
    with pytest.raises(InputError) as info:
        drafter.load_release(text)
    unknown = [p for p in info.value.problems if "is not a known field" in p.message]
    assert len(unknown) == 1 and unknown[0].line == 2
    [written] = parse_yaml(text).data.keys() - {"issuer"}
    assert unknown[0].field == written


@pytest.mark.parametrize("key", ["a[0]", "function-after"])
def test_an_unknown_nested_key_that_looks_like_a_marker_is_named(key: str) -> None:
    text = f"issuer: European Union\nmeeting:\n  name: talks\n  {key}: 1\n"
    with pytest.raises(InputError) as info:
        drafter.load_release(text)
    unknown = [p for p in info.value.problems if "is not a known field" in p.message]
    assert [(p.field, p.line) for p in unknown] == [(f"meeting.{key}", 4)]
