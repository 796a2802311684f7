"""Random damage to a valid release file never gives a traceback, only problems that say where."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textutil import REFERENCE_YAML

import drafter
from drafter.cli import main
from drafter.errors import DrafterError, InputError

LINES = REFERENCE_YAML.read_text(encoding="utf-8").splitlines(keepends=True)
NASTY = st.sampled_from(
    ["", "~", "no", "1.10", "2012-02-30", "[", "{", "&a x", "*a", "!!python/object {}", "\t",
     ": :", "- - -", "'unclosed", '"\\x00"', "\x00", "\u202e", "\ufeff", "9" * 400, "@", "|"]
)  # fmt: skip


@st.composite
def damaged(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "indent", "cut", "insert"]))
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {draw(NASTY | st.text(max_size=30))}\n"
        elif action == "indent":
            lines[index] = " " * draw(st.integers(0, 7)) + line.lstrip(" ")
        elif action == "cut":
            lines[index] = line[: draw(st.integers(0, len(line)))]
        else:
            lines.insert(index, draw(NASTY | st.text(max_size=40)) + "\n")
        if not lines:
            break
    return "".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_files_give_problems_that_say_where(text: str) -> None:
    try:
        drafter.load_release(text.encode("utf-8", "surrogatepass"))
    except InputError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.field or problem.line, problem
            assert problem.message and "Traceback" not in problem.message
    except DrafterError:
        pass  # limits: also a clean, documented error


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=damaged())
def test_the_cli_never_shows_a_traceback(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "round.yaml"
    source.write_bytes(text.encode("utf-8", "surrogatepass"))
    with pytest.raises(SystemExit) as stopped:
        main(["validate", str(source)])
    err = capsys.readouterr().err
    assert stopped.value.code in (0, 1, 4), err
    assert "Traceback" not in err and "internal error" not in err
