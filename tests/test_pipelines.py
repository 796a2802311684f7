"""drafter in pipelines: exit statuses, `file:line:col: message` problems, JSON output, the
pre-commit hooks for users' release repositories, and the container image."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from clirun import EXAMPLES, R14, R15, R16, Cap, archive, run
from edits import line_of

REPO = Path(__file__).resolve().parents[1]


def _broken(folder: Path) -> tuple[Path, int]:
    """A copy of the reference with an e-mail address that is none, and that field's line."""
    path = folder / R15
    text = (
        (EXAMPLES / R15)
        .read_text(encoding="utf-8")
        .replace("Michael.Mann@eeas.europa.eu", "Michael.Mann-at-eeas")
    )
    path.write_text(text, encoding="utf-8")
    return path, line_of(text, "Michael.Mann-at-eeas")


# --- drafter diff -----------------------------------------------------------------------------


def test_diff_exits_1_when_the_files_differ_and_0_when_not(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", R15, R16)
    code, out, _ = run(capsys, "diff", str(folder / R15), str(folder / R16))
    assert code == 1 and "meeting.round: 15 -> 16" in out
    code, out, _ = run(capsys, "diff", str(folder / R15), str(folder / R15))
    assert code == 0 and "no change" in out


def test_diff_json(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", R15, R16)
    code, out, _ = run(capsys, "diff", str(folder / R15), str(folder / R16), "--json")
    assert code == 1
    answer = json.loads(out)
    assert answer["changed"] is True
    assert "meeting.round: 15 -> 16" in answer["facts"]
    kinds = {piece["kind"] for piece in answer["words"]}
    assert kinds == {"equal", "delete", "insert"}
    assert any(p == {"kind": "insert", "text": "sixteenth "} for p in answer["words"])
    text = "".join(p["text"] for p in answer["words"] if p["kind"] != "delete")
    assert "sixteenth round" in text  # the runs, joined, are the new release's words
    code, out, _ = run(capsys, "diff", str(folder / R15), str(folder / R15), "--json")
    assert code == 0 and json.loads(out)["changed"] is False


# --- validate: file:line:col and --json -------------------------------------------------------


def test_problems_read_file_line_column_message(tmp_path: Path, capsys: Cap) -> None:
    path, line = _broken(tmp_path)
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    pattern = rf"^{re.escape(str(path))}:{line}:\d+: contacts\.people\[0\]\.email: \S.*$"
    assert re.search(pattern, err, re.MULTILINE), err


def test_validate_json(tmp_path: Path, capsys: Cap) -> None:
    code, out, _ = run(capsys, "validate", str(EXAMPLES / R15), "--json")
    assert code == 0
    assert json.loads(out) == [{"file": str(EXAMPLES / R15), "valid": True, "problems": []}]
    path, line = _broken(tmp_path)
    code, out, _ = run(capsys, "validate", str(path), str(EXAMPLES / R14), "--json")
    assert code == 1
    broken, fine = json.loads(out)
    assert broken["file"] == str(path) and broken["valid"] is False
    (problem,) = broken["problems"]
    assert problem["field"] == "contacts.people[0].email" and problem["line"] == line
    assert isinstance(problem["column"], int) and problem["message"]
    assert fine == {"file": str(EXAMPLES / R14), "valid": True, "problems": []}


def test_validate_and_check_take_several_files(tmp_path: Path, capsys: Cap) -> None:
    path, _ = _broken(tmp_path)
    code, out, err = run(capsys, "validate", str(EXAMPLES / R14), str(path), str(EXAMPLES / R16))
    assert code == 1
    assert f"{EXAMPLES / R14}: valid" in out and f"{EXAMPLES / R16}: valid" in out
    assert str(path) in err
    code, out, _ = run(capsys, "check", str(EXAMPLES / R14), str(EXAMPLES / R15))
    assert code == 0 and str(EXAMPLES / R14) in out and str(EXAMPLES / R15) in out


# --- series --json ----------------------------------------------------------------------------


def test_series_json(tmp_path: Path, capsys: Cap) -> None:
    folder = archive(tmp_path / "a", R14, R16)
    code, out, _ = run(capsys, "series", str(folder), "--json")
    assert code == 1
    answer = json.loads(out)
    (series,) = answer["series"]
    assert series["name"] == "EU-Russia human rights consultations"
    rounds = [(entry["round"], entry["date"], entry["file"]) for entry in series["rounds"]]
    assert rounds == [(14, "2011-11-29", R14), (16, "2012-12-04", R16)]
    assert series["rounds"][1]["reference"] and series["rounds"][1]["title"]
    problems = answer["problems"]
    assert any(
        p["file"] == str(folder / R16) and p["field"] == "meeting.round" and p["line"]
        for p in problems
    )
    code, out, _ = run(capsys, "series", str(archive(tmp_path / "b", R14, R15, R16)), "--json")
    assert code == 0 and json.loads(out)["problems"] == []


# --- pre-commit hooks -------------------------------------------------------------------------


def _hooks() -> list[dict[str, object]]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return hooks


def test_pre_commit_hooks_validate_and_check_release_files() -> None:
    hooks = {hook["id"]: hook for hook in _hooks()}
    assert set(hooks) == {"drafter-validate", "drafter-check"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["name"]
        files = re.compile(str(hook["files"]))
        assert files.search("releases/eu-russia-2012-07-24.yaml")
        assert files.search("round.yml")
        assert not files.search("notes.txt")
        exclude = re.compile(str(hook.get("exclude", "(?!)")))
        assert exclude.search(".pre-commit-config.yaml")
        assert exclude.search(".github/workflows/ci.yaml")
        assert not exclude.search("releases/eu-russia-2012-07-24.yaml")
    assert str(hooks["drafter-validate"]["entry"]).split() == ["drafter", "validate"]
    assert str(hooks["drafter-check"]["entry"]).split() == ["drafter", "check"]


@pytest.mark.parametrize("hook_id", ["drafter-validate", "drafter-check"])
def test_each_hook_passes_good_files_and_fails_a_broken_one(tmp_path: Path, hook_id: str) -> None:
    """Each hook's entry as pre-commit runs it: with the changed files as arguments."""
    (hook,) = [hook for hook in _hooks() if hook["id"] == hook_id]
    entry = [sys.executable, "-m", *str(hook["entry"]).split()]
    good = [str(EXAMPLES / R14), str(EXAMPLES / R15)]
    assert subprocess.run([*entry, *good], capture_output=True, cwd=REPO).returncode == 0
    broken, _ = _broken(tmp_path)
    done = subprocess.run([*entry, *good, str(broken)], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 1 and str(broken) in done.stderr + done.stdout


# --- the container image ----------------------------------------------------------------------


def test_dockerfile_serves_the_form() -> None:
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.1[1-9]", text, re.MULTILINE)
    assert "libpango" in text and ".[web]" in text
    (command,) = re.findall(r"^CMD (.*)$", text, re.MULTILINE)
    assert json.loads(command)[:2] == ["drafter", "serve"]
    assert "0.0.0.0" in json.loads(command)  # reachable from outside the container
    assert re.search(r"^USER (?!root)", text, re.MULTILINE)  # not run as root
    ignored = (REPO / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "node_modules"} <= set(ignored)


def _docker_answers() -> str:
    """Why the image cannot be built here, or "" when docker and its daemon answer."""
    if shutil.which("docker") is None:
        return "docker is not installed"
    try:
        done = subprocess.run(["docker", "info"], capture_output=True, timeout=30)
    except subprocess.TimeoutExpired:
        return "the docker daemon does not answer"
    return "" if done.returncode == 0 else "the docker daemon does not answer"


def test_the_image_builds_where_docker_is_available() -> None:
    reason = _docker_answers()
    if reason:
        pytest.skip(reason)
    done = subprocess.run(
        ["docker", "build", "-q", "-t", "drafter-press-test", str(REPO)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr
    version = subprocess.run(
        ["docker", "run", "--rm", "drafter-press-test", "drafter", "--version"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert version.stdout.startswith("drafter ")
