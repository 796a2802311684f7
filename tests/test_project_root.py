"""A project's `drafter.toml` is looked for up to the repository root only (issue 18)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from clirun import Cap, run
from edits import edit

from drafter.project import find_project, searched_folders

# A final release with an error-level finding (American spelling) that a project could hide.
SPELLING = ("in an open atmosphere", "in an open atmosphere about organizations")
TURN_OFF = '[check]\ndisable = ["british-spelling"]\n'


def _release(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "round.yaml"
    path.write_text(edit(SPELLING), encoding="utf-8")
    return path


def test_a_settings_file_above_a_folder_outside_any_repository_is_not_used(
    tmp_path: Path, capsys: Cap
) -> None:
    (tmp_path / "drafter.toml").write_text(TURN_OFF, encoding="utf-8")  # in /tmp, say
    path = _release(tmp_path / "someone" / "releases")
    assert find_project(path) is None
    assert searched_folders(path) == [path.parent.resolve()]
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1 and "british-spelling" in out and "settings:" not in out
    code, _, err = run(capsys, "new", str(path), "--html", "--lang", "en")
    assert code == 1 and "must pass `drafter check`" in err


def test_a_settings_file_above_the_repository_root_is_not_used(tmp_path: Path) -> None:
    (tmp_path / "drafter.toml").write_text(TURN_OFF, encoding="utf-8")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    path = _release(tmp_path / "repo" / "releases" / "2012")
    assert find_project(path) is None
    assert searched_folders(path)[-1] == (tmp_path / "repo").resolve()


@pytest.mark.parametrize("git", ["folder", "file"])  # a worktree's or submodule's .git is a file
def test_the_repository_roots_settings_apply_and_are_named(
    tmp_path: Path, capsys: Cap, caplog: pytest.LogCaptureFixture, git: str
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    if git == "folder":
        (repo / ".git").mkdir()
    else:
        (repo / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")
    (repo / "drafter.toml").write_text(TURN_OFF, encoding="utf-8")
    path = _release(repo / "releases" / "2012")
    project = find_project(path)
    assert project is not None and project.root == repo.resolve()
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0 and f"{path}: settings: {repo.resolve() / 'drafter.toml'}" in out
    with caplog.at_level(logging.WARNING, logger="drafter"):
        code, _, err = run(capsys, "new", str(path), "--html", "--lang", "en")
    assert code == 0, err
    assert "british-spelling" in caplog.text and str(repo.resolve() / "drafter.toml") in caplog.text


def test_the_release_folders_own_settings_apply_outside_a_repository(
    tmp_path: Path, capsys: Cap
) -> None:
    path = _release(tmp_path / "releases")
    (path.parent / "drafter.toml").write_text(TURN_OFF, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0 and "settings:" in out
