"""Writing files: atomic, no overwriting unasked, sensible errors, no stray temporary files."""

from __future__ import annotations

import multiprocessing
import os
import stat
from pathlib import Path

import pytest

from drafter.errors import OutputError
from drafter.output import write_file


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_writes_whole_file_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    write_file(target, b"%PDF-1.7 data")
    assert target.read_bytes() == b"%PDF-1.7 data"
    mode = stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask
    assert _leftovers(tmp_path) == []


def test_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deeper" / "a.html"
    write_file(target, b"<p>x</p>")
    assert target.read_bytes() == b"<p>x</p>"


def test_keeps_existing_file_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"mine")
    with pytest.raises(OutputError, match="already exists"):
        write_file(target, b"new")
    assert target.read_bytes() == b"mine"
    write_file(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert _leftovers(tmp_path) == []


def test_refuses_a_folder_and_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write_file(tmp_path / "a.pdf", b"x", force=True)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious")
    (tmp_path / "b.pdf").symlink_to(outside)
    with pytest.raises(OutputError, match="link"):
        write_file(tmp_path / "b.pdf", b"x", force=True)
    assert outside.read_bytes() == b"precious"


def test_parent_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("a file")
    with pytest.raises(OutputError):
        write_file(tmp_path / "plain" / "a.pdf", b"x")


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("drafter.output.tempfile.mkstemp", refuse)
    with pytest.raises(OutputError, match="Permission denied"):
        write_file(tmp_path / "a.pdf", b"x")


def test_failure_midway_leaves_previous_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"previous")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("drafter.output.os.fsync", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        write_file(target, b"new content", force=True)
    assert target.read_bytes() == b"previous"
    assert _leftovers(tmp_path) == []


def test_interrupt_midway_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("drafter.output.os.fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(tmp_path / "a.pdf", b"x")
    assert list(tmp_path.iterdir()) == []


def _writer(args: tuple[str, int]) -> str:
    path, n = args
    try:
        write_file(Path(path), bytes([n]) * 200_000, force=True)
    except OutputError as exc:
        return str(exc)
    return "ok"


def test_two_processes_writing_one_file_leave_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "same.pdf"
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(_writer, [(str(target), n) for n in range(1, 9)])
    assert results == ["ok"] * 8
    data = target.read_bytes()
    assert len(data) == 200_000 and len(set(data)) == 1
    assert _leftovers(tmp_path) == []


def _exclusive_writer(args: tuple[str, int]) -> str:
    path, n = args
    try:
        write_file(Path(path), bytes([n]) * 1000)
    except OutputError:
        return "refused"
    return "ok"


def test_without_force_only_one_process_wins(tmp_path: Path) -> None:
    target = tmp_path / "same.pdf"
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(_exclusive_writer, [(str(target), n) for n in range(1, 7)])
    assert results.count("ok") == 1 and results.count("refused") == 5
    assert _leftovers(tmp_path) == []
