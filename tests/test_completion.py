"""Shell completion: the script for a shell, and completion of commands and house names."""

from __future__ import annotations

import pytest
import typer.completion
from clirun import Cap, run


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_shell_script(
    capsys: Cap, monkeypatch: pytest.MonkeyPatch, shell: str
) -> None:
    # typer detects the user's shell (shellingham); here each shell is made the user's
    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: shell)
    code, out, err = run(capsys, "--show-completion")
    assert (code, err) == (0, "")
    assert "_DRAFTER_COMPLETE" in out
    assert f"complete_{shell}" in out


def _complete(capsys: Cap, monkeypatch: pytest.MonkeyPatch, words: str) -> list[str]:
    monkeypatch.setenv("_DRAFTER_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split()) - 1))
    code, out, _ = run(capsys)
    assert code == 0
    return out.split()


def test_commands_complete(capsys: Cap, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _complete(capsys, monkeypatch, "drafter ho") == ["houses"]


def test_house_names_complete(capsys: Cap, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _complete(capsys, monkeypatch, "drafter new x.yaml --house e") == [
        "eeas-web",
        "eu-press",
    ]
    assert _complete(capsys, monkeypatch, "drafter new x.yaml --house eea") == ["eeas-web"]
