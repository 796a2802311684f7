"""Inputs that are not regular files: named pipes, devices, folders.

Reading a named pipe blocks until someone writes to it, and a device may never end; drafter
refuses both at once, naming the path, and never hangs. Each test runs under an alarm, so a
hang fails the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from clirun import EXAMPLES, R15, Cap, run

from drafter.errors import UsageError
from drafter.loading import load_release, read_bytes

HANG_SECONDS = 10


class _Hung(Exception):
    """Raised by the alarm in a test that blocked."""


def _hung(signum: int, frame: FrameType | None) -> None:
    del signum, frame
    raise _Hung("drafter blocked reading a file")


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail (rather than hang) a test in which drafter blocks for HANG_SECONDS."""
    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _release(folder: Path, prefix: str = "") -> Path:
    text = (EXAMPLES / R15).read_text(encoding="utf-8")
    target = folder / R15
    target.write_text(text.replace("language: en\n", f"language: en\n{prefix}", 1), "utf-8")
    return target


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused_naming_it(device: str) -> None:
    with pytest.raises(UsageError, match=f"{device} is a device, not a regular file"):
        load_release(device)


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "round.yaml"
    os.mkfifo(pipe)
    with pytest.raises(UsageError, match=rf"{pipe} is a named pipe \(FIFO\), not a regular file"):
        read_bytes(pipe)


def test_a_folder_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=f"{tmp_path} is a folder"):
        read_bytes(tmp_path)


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(EXAMPLES / R15)
    assert read_bytes(link) == (EXAMPLES / R15).read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{pipe}"],
        ["check", "{pipe}"],
        ["new", "--html", "--out", "{out}", "{pipe}"],
        ["next", "{pipe}", "--out", "{out}/next.yaml"],
        ["import", "{pipe}", "--out", "{out}/imported.yaml"],
        ["diff", "{pipe}", "{pipe}"],
    ],
)
def test_cli_refuses_a_named_pipe_with_exit_2(tmp_path: Path, capsys: Cap, args: list[str]) -> None:
    pipe = tmp_path / "round.yaml"
    os.mkfifo(pipe)
    out = tmp_path / "out"
    code, _, err = run(capsys, *(arg.format(pipe=pipe, out=out) for arg in args))
    assert code == 2, err
    assert f"{pipe} is a named pipe" in err and "internal error" not in err
    assert not out.exists()


def _keyed_release(folder: Path, prefix: str = "") -> Path:
    """The reference release whose first contact is the key `mann` of a contacts file."""
    release = _release(folder, prefix)
    text = release.read_text("utf-8").replace(
        "  people:\n    - name: Michael Mann\n", "  people:\n    - mann\n    - name: Michael Mann\n"
    )
    release.write_text(text, "utf-8")
    return release


def test_contacts_file_that_is_a_pipe_is_refused_naming_the_field(
    tmp_path: Path, capsys: Cap
) -> None:
    release = _keyed_release(tmp_path, "contacts_file: c.yaml\n")
    line = release.read_text("utf-8").splitlines().index("contacts_file: c.yaml") + 1
    os.mkfifo(tmp_path / "c.yaml")
    code, _, err = run(capsys, "validate", str(release))
    assert code == 1, err
    assert f":{line}: contacts_file: " in err and "is a named pipe" in err


@pytest.mark.parametrize("command", ["validate", "check"])
def test_drafter_toml_that_is_a_pipe_is_refused(tmp_path: Path, capsys: Cap, command: str) -> None:
    release = _keyed_release(tmp_path)
    os.mkfifo(tmp_path / "drafter.toml")
    code, _, err = run(capsys, command, str(release))
    assert code == 2, err
    assert "drafter.toml is a named pipe" in err


def test_house_toml_that_is_a_pipe_is_refused(tmp_path: Path, capsys: Cap) -> None:
    house = tmp_path / "h"
    house.mkdir()
    os.mkfifo(house / "house.toml")
    release = _release(tmp_path)
    code, _, err = run(capsys, "new", "--html", "--house", str(house), str(release))
    assert code == 1, err
    assert "house.toml" in err and "is a named pipe" in err
    assert not list(tmp_path.glob("*.html"))


@pytest.mark.parametrize("name", ["wording.j2", "house.toml", "locale/fr/LC_MESSAGES/house.po"])
def test_template_folder_file_that_is_a_pipe_is_refused_not_skipped(
    tmp_path: Path, capsys: Cap, name: str
) -> None:
    templates = tmp_path / "tpl"
    (templates / name).parent.mkdir(parents=True)
    os.mkfifo(templates / name)
    release = _release(tmp_path)
    args = ["new", "--html", "--lang", "fr", "--templates", str(templates), str(release)]
    code, _, err = run(capsys, *args)
    assert code in (1, 2), err
    assert f"{templates / name} is a named pipe" in err and "internal error" not in err
    assert not list(tmp_path.glob("*.html"))
