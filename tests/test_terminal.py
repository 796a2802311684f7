"""What drafter prints about hostile input cannot drive the officer's terminal."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from clirun import EXAMPLES, R15, Cap, run

from drafter.terminal import SafeFormatter, shown

TEXT = (EXAMPLES / R15).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("\x9b31m", "\\x9b31m"),
        ("a\u202eb", "a\\u202eb"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
        ("Bruxelles, Брюксел", "Bruxelles, Брюксел"),
    ],
)
def test_control_characters_are_shown_not_sent(raw: str, expected: str) -> None:
    assert shown(raw) == expected


def test_a_logged_warning_is_shown_safely() -> None:
    record = logging.LogRecord("drafter", logging.WARNING, "", 0, "bad: %s", ("\x1b[31m",), None)
    assert SafeFormatter("%(message)s").format(record) == "bad: \\x1b[31m"


def test_cli_errors_never_carry_escape_sequences(tmp_path: Path, capsys: Cap) -> None:
    release = tmp_path / "round.yaml"
    hostile = TEXT.replace("reference: A 350/12", 'reference: "A \\e]0;PWNED\\a 350/12"', 1)
    release.write_text(hostile.replace("language: en\n", 'language: en\n"\\e[2J": 1\n', 1), "utf-8")
    code, out, err = run(capsys, "validate", str(release))
    assert code == 1, err
    assert "\x1b" not in err + out and "\x07" not in err + out
    assert "\\x1b]0;PWNED\\x07" in err and "\\x1b[2J" in err
