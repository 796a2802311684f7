"""How the `drafter` command starts: its entry point and the app it runs for each command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
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
