"""Running the `drafter` command in-process, and folders of example releases for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
R14, R15, R16 = (
    "eu-russia-2011-12-01.yaml",
    "eu-russia-2012-07-24.yaml",
    "eu-russia-2012-12-06.yaml",
)
TURKMENISTAN = "eu-turkmenistan-2013-06-20.yaml"
Cap = pytest.CaptureFixture[str]


def run(capsys: Cap, *args: str) -> tuple[int, str, str]:
    """The exit status, stdout and stderr of `drafter ARGS`."""
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    out, err = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 0), out, err


def archive(folder: Path, *names: str) -> Path:
    """A folder holding copies of the named examples."""
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder
