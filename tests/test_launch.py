"""How the `drafter` command starts: its entry point and the app it runs for each command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from edits import edit
from textutil import REFERENCE_YAML
from typer.testing import CliRunner

from drafter import cli

COMMANDS = sorted(typer.main.get_command(cli.app).commands)  # type: ignore[attr-defined]


def test_every_command_is_found_by_its_name_alone() -> None:
    assert len(COMMANDS) >= 12
    for name in COMMANDS:
        alone = cli._app_for(name)
        assert [cli._name_of(info) for info in alone.registered_commands] == [name]
    assert cli._app_for(None) is cli.app
    assert cli._app_for("no-such-command") is cli.app


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_alone_has_the_same_help_and_usage_errors(name: str) -> None:
    runner = CliRunner()
    for args in ([name, "--help"], [name, "--no-such-option"]):
        whole = runner.invoke(cli.app, args, prog_name="drafter")
        alone = runner.invoke(cli._app_for(name), args, prog_name="drafter")
        assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output), args


def _fake_plugin(folder: Path) -> dict[str, str]:
    """An installed package with a pydantic plugin that says when it is loaded."""
    (folder / "loudplugin.py").write_text(
        "import sys\nprint('PLUGIN LOADED', file=sys.stderr)\nplugin = object()\n"
    )
    info = folder / "loudplugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: loudplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nloud = loudplugin:plugin\n")
    return {**os.environ, "PYTHONPATH": str(folder)}


def test_the_command_loads_pydantic_plugins_only_when_asked(tmp_path: Path) -> None:
    env = _fake_plugin(tmp_path)
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    command = [sys.executable, "-m", "drafter", "validate", str(REFERENCE_YAML)]
    quiet = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert "PLUGIN LOADED" not in quiet.stderr and "valid" in quiet.stdout
    env["PYDANTIC_DISABLE_PLUGINS"] = ""  # pydantic's own switch: empty loads every plugin
    asked = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert "PLUGIN LOADED" in asked.stderr


# --- `drafter validate FILE` without Typer ------------------------------------------------

_BY_TYPER = "import sys; from drafter.cli import main; sys.argv[0] = 'drafter'; main()"
_MANN = (
    '    - name: Michael Mann\n      phones: ["+32 498 999 780", "+32 2 299 97 80"]\n'
    "      email: Michael.Mann@eeas.europa.eu\n"
)


def _validate_cases(folder: Path) -> dict[str, Path]:
    """Release files of every kind of outcome: valid, warned, refused, unreadable."""
    (folder / "contacts.yaml").write_text(
        "mann:\n  name: Michael Mann\n  phones: ['+32 498 999 780']\n  valid_until: 2012-01-31\n"
    )
    texts = {
        "valid": edit(),
        "warned": "contacts_file: contacts.yaml\n" + edit((_MANN, "    - mann\n")),
        "refused": edit(("date: 2012-07-24", "date: 2012-13-24"), ("round: 15", "round: -1")),
        "not-utf8": "place: Br\xfcssel\n",
    }
    cases = {name: folder / f"{name}.yaml" for name in texts}
    for name, text in texts.items():
        cases[name].write_bytes(text.encode("latin-1" if name == "not-utf8" else "utf-8"))
    cases.update(missing=folder / "none.yaml", folder=folder)
    return cases


def test_validate_alone_answers_as_the_typer_command_does(tmp_path: Path) -> None:
    answers = {}
    for name, path in _validate_cases(tmp_path).items():
        outcomes = [
            subprocess.run([sys.executable, *start, "validate", str(path)], capture_output=True)
            for start in (["-m", "drafter"], ["-c", _BY_TYPER])
        ]
        quick, typer_run = ((o.returncode, o.stdout, o.stderr) for o in outcomes)
        assert quick == typer_run, name
        answers[name] = quick
    codes = {name: code for name, (code, _, _) in answers.items()}
    assert codes == {
        "valid": 0,
        "warned": 0,
        "refused": 1,
        "not-utf8": 1,
        "missing": 1,
        "folder": 2,
    }
    assert b"valid only until 2012-01-31" in answers["warned"][2]
    assert b"meeting.round" in answers["refused"][2] and answers["refused"][1] == b""


def test_validate_alone_does_not_load_typer() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "drafter", "validate", str(REFERENCE_YAML)],
        capture_output=True,
        text=True,
        check=True,
    )
    modules = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
    assert "drafter.loading" in modules and "typer" not in modules
    assert done.stdout == f"{REFERENCE_YAML}: valid\n"
