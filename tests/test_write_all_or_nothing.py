"""write_release leaves no half set of files when writing one of them fails (a full disk)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from clirun import Cap, run
from textutil import REFERENCE_YAML

import drafter
from drafter.errors import OutputError


def _disk_full_after(monkeypatch: pytest.MonkeyPatch, files: int) -> None:
    """Make `fsync` fail with ENOSPC once `files` files have been written."""
    real = os.fsync
    calls = {"n": 0}

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] > files:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr("drafter.output.os.fsync", fsync)


def test_a_write_failing_midway_removes_the_files_this_run_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = drafter.load_release(REFERENCE_YAML)
    mine = tmp_path / "notes.txt"
    mine.write_text("mine", encoding="utf-8")
    _disk_full_after(monkeypatch, 3)
    with pytest.raises(OutputError, match="No space left on device"):
        drafter.write_release(release, tmp_path, ["html", "txt"], languages=["en", "fr"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert mine.read_text(encoding="utf-8") == "mine"


def test_with_force_the_files_that_were_there_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = drafter.load_release(REFERENCE_YAML)
    first = drafter.write_release(release, tmp_path, ["html"])
    _disk_full_after(monkeypatch, 1)
    with pytest.raises(OutputError):
        drafter.write_release(release, tmp_path, ["html", "txt"], force=True)
    assert [p.name for p in first] == [p.name for p in tmp_path.iterdir()]


def test_an_identifier_too_long_for_a_file_name_is_named(tmp_path: Path, capsys: Cap) -> None:
    text = REFERENCE_YAML.read_text(encoding="utf-8")
    long_id = "a" * 290
    release = tmp_path / "round.yaml"
    release.write_text(text.replace("reference: A 350/12\n", f"identifier: {long_id}\n"), "utf-8")
    line = text[: text.index("reference: A 350/12")].count("\n") + 1
    out = tmp_path / "out"
    code, _, err = run(capsys, "new", "--html", "--lang", "en", "--out", str(out), str(release))
    assert code == 1, err
    assert f":{line}:1: identifier: is too long to name the files" in err
    assert not out.exists()


def test_a_long_identifier_that_fits_a_file_name_keeps_its_name(tmp_path: Path) -> None:
    text = REFERENCE_YAML.read_text(encoding="utf-8")
    release = drafter.load_release(
        text.replace("reference: A 350/12\n", f"identifier: {'b' * 200}\n")
    )
    [written] = drafter.write_release(release, tmp_path, ["html"])
    assert written.name == f"2012-07-24_{'b' * 200}.html"
