"""write_release leaves no half set of files when writing one of them fails (a full disk)."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clirun import Cap, run
from textutil import REFERENCE_YAML

import drafter
from drafter.errors import OutputError
from drafter.output import write_file


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


# --- --force replaces the set as a whole (issue 18) ----------------------------------------


def _set_of(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Each file of the folder: its bytes and permissions (hidden files too)."""
    return {
        p.name: (p.read_bytes(), stat.S_IMODE(p.stat().st_mode)) for p in sorted(folder.iterdir())
    }


def _fail_on_move(monkeypatch: pytest.MonkeyPatch, nth: int, error: BaseException) -> None:
    """Make the `nth` move of a finished file into place (os.replace or os.link) fail."""
    real_replace, real_link = os.replace, os.link
    calls = {"n": 0}

    def counted(real: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
        def move(source: Any, target: Any) -> None:
            if str(source).endswith(".tmp") and not str(target).endswith(".tmp"):
                calls["n"] += 1
                if calls["n"] == nth:
                    raise error
            real(source, target)

        return move

    monkeypatch.setattr("drafter.output.os.replace", counted(real_replace))
    monkeypatch.setattr("drafter.output.os.link", counted(real_link))


def _changed_release() -> drafter.Release:
    text = REFERENCE_YAML.read_text(encoding="utf-8")
    return drafter.load_release(text.replace("in an open atmosphere", "in a frank atmosphere"))


@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), KeyboardInterrupt()],
    ids=["disk-full", "interrupt"],
)
@pytest.mark.parametrize("nth", [2, 4])
def test_force_failing_on_the_nth_rename_leaves_the_old_set_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nth: int, error: BaseException
) -> None:
    release = drafter.load_release(REFERENCE_YAML)
    drafter.write_release(release, tmp_path, ["html", "txt"], languages=["en", "fr"])
    before = _set_of(tmp_path)
    _fail_on_move(monkeypatch, nth, error)
    with pytest.raises((OutputError, KeyboardInterrupt)):
        drafter.write_release(
            _changed_release(), tmp_path, ["html", "txt"], force=True, languages=["en", "fr"]
        )
    assert _set_of(tmp_path) == before


def test_force_with_a_new_format_failing_removes_it_and_keeps_the_old_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = drafter.load_release(REFERENCE_YAML)
    drafter.write_release(release, tmp_path, ["html"])
    before = _set_of(tmp_path)
    _fail_on_move(monkeypatch, 2, OSError(errno.EIO, os.strerror(errno.EIO)))
    with pytest.raises(OutputError):
        drafter.write_release(_changed_release(), tmp_path, ["html", "txt"], force=True)
    assert _set_of(tmp_path) == before


def test_force_keeps_the_old_files_permissions(tmp_path: Path) -> None:
    release = drafter.load_release(REFERENCE_YAML)
    [html, txt] = drafter.write_release(release, tmp_path, ["html", "txt"])
    html.chmod(0o600)
    txt.chmod(0o640)
    drafter.write_release(_changed_release(), tmp_path, ["html", "txt"], force=True)
    assert "frank atmosphere" in txt.read_text(encoding="utf-8")
    assert stat.S_IMODE(html.stat().st_mode) == 0o600
    assert stat.S_IMODE(txt.stat().st_mode) == 0o640


_KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
import drafter.output
def killed(*args):
    os.kill(os.getpid(), signal.SIGKILL)
drafter.output.os.replace = killed
drafter.output.os.link = killed
drafter.output.write_file(Path(sys.argv[1]), b"half", force=True)
"""


def test_hidden_temporary_files_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    killed = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(target)], check=False)
    assert killed.returncode == -signal.SIGKILL
    left = [p.name for p in tmp_path.iterdir() if p.name != "a.pdf"]
    assert left and all(name.startswith(".a.pdf.") and name.endswith(".tmp") for name in left)
    other = tmp_path / ".b.pdf.1.abcdefgh.tmp"  # another file's: not this run's business
    other.write_bytes(b"x")
    write_file(target, b"new", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, "a.pdf"]
    assert target.read_bytes() == b"new"


def test_a_temporary_file_of_a_live_writer_is_left_alone(tmp_path: Path) -> None:
    live = tmp_path / f".a.pdf.{os.getpid()}.abcdefgh.tmp"  # this process: still writing
    live.write_bytes(b"x")
    write_file(tmp_path / "a.pdf", b"new")
    assert live.exists()


def test_an_old_unowned_temporary_file_is_removed(tmp_path: Path) -> None:
    old = tmp_path / ".a.pdf.abcdefgh.tmp"  # as drafter named them before it named the owner
    old.write_bytes(b"x")
    os.utime(old, (0, 0))
    write_file(tmp_path / "a.pdf", b"new")
    assert not old.exists()
