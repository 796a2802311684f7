"""`drafter next` gives each reference once (issue 18): the folder locked, every draft counted."""

from __future__ import annotations

import fcntl
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import R14, R15, Cap, archive, run

from drafter import next_round as nr
from drafter.loading import read_source
from drafter.schema import Reference

LOCK = ".drafter.lock"


def _reference(path: Path) -> str:
    data = read_source(path).data
    assert isinstance(data, dict)
    return str(data["reference"])


def _locked(folder: Path) -> bool:
    """Whether another open file holds the folder's lock (tried without waiting)."""
    handle = os.open(folder / LOCK, os.O_RDWR)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(handle)
    return False


def test_four_parallel_next_in_one_folder_give_four_references(tmp_path: Path) -> None:
    folder = archive(tmp_path / "a", R14, R15)
    env = {**os.environ, "PYTHONPATH": str(Path(nr.__file__).parents[1])}
    command = [sys.executable, "-m", "drafter", "next", str(folder / R15), "--date", "2012-12-06"]
    runs = [
        subprocess.Popen([*command, "--out", str(folder / f"draft-{n}.yaml")], env=env)
        for n in range(4)
    ]
    assert [process.wait(timeout=300) for process in runs] == [0, 0, 0, 0]
    references = sorted(_reference(folder / f"draft-{n}.yaml") for n in range(4))
    assert references == ["A 351/12", "A 352/12", "A 353/12", "A 354/12"]


def test_the_folder_is_locked_from_the_scan_to_the_written_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = archive(tmp_path / "a", R15)
    seen: list[str] = []
    real_scan, real_write = nr.read_archive, nr.write_file  # type: ignore[attr-defined]

    def scan(where: Path) -> object:
        seen.append(f"scan locked={_locked(folder)}")
        return real_scan(where)

    def write(path: Path, data: bytes, force: bool = False) -> None:
        seen.append(f"write locked={_locked(folder)}")
        real_write(path, data, force)

    monkeypatch.setattr(nr, "read_archive", scan)
    monkeypatch.setattr(nr, "write_file", write)
    nr.write_next(folder / R15, folder / "draft.yaml")
    assert seen == ["scan locked=True", "write locked=True"]
    assert not (folder / LOCK).exists()  # let go, and removed, once the draft is written


def _draft_of(folder: Path, name: str, reference: str) -> Path:
    """A draft of round 16 in `folder/name`, holding `reference`."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = nr.draft_next(folder / R15).text
    path.write_text(text.replace("reference: A 351/12", f"reference: {reference}"), "utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "broken"),
    [
        ("draft.yaml", True),  # a syntax error: `drafter series` cannot read it
        ("draft.YAML", False),  # not a name the archive reads
        ("drafts/draft.yaml", False),  # a sub-folder
        ("drafts/2012/draft.yml", True),
    ],
)
def test_a_draft_the_archive_does_not_read_keeps_its_number(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, broken: bool
) -> None:
    folder = archive(tmp_path / "a", R15)
    draft = _draft_of(folder, name, "A 351/12")
    if broken:
        draft.write_text(draft.read_text("utf-8") + "body: [unclosed\n", "utf-8")
    with caplog.at_level(logging.WARNING, logger="drafter"):
        assert str(nr.draft_next(folder / R15).reference) == "A 352/12"
    assert name.split("/")[-1] in caplog.text and "A 351/12" in caplog.text


def test_a_broken_draft_without_a_readable_reference_is_warned_of(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = archive(tmp_path / "a", R15)
    (folder / "broken.yaml").write_text("reference: [A 351/12\nmeeting: {", "utf-8")
    with caplog.at_level(logging.WARNING, logger="drafter"):
        assert str(nr.draft_next(folder / R15).reference) == "A 351/12"
    assert "broken.yaml" in caplog.text and "check" in caplog.text


def test_other_series_and_years_in_sub_folders_are_not_warned_of(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = archive(tmp_path / "a", R15)
    _draft_of(folder, "old/draft.yaml", "A 351/11")
    with caplog.at_level(logging.WARNING, logger="drafter"):
        assert str(nr.draft_next(folder / R15).reference) == "A 351/12"
    assert "draft.yaml" not in caplog.text


@pytest.mark.parametrize("force", [False, True])
def test_next_refuses_to_write_over_its_own_source(
    tmp_path: Path, capsys: Cap, force: bool
) -> None:
    folder = archive(tmp_path / "a", R15)
    before = (folder / R15).read_bytes()
    args = ["next", str(folder / R15), "--out", str(folder / "." / R15)]
    code, _, err = run(capsys, *args, *(["--force"] if force else []))
    assert code == 3 and "the file the draft is made from" in err
    assert (folder / R15).read_bytes() == before


def test_next_reference_is_still_the_highest_plus_one() -> None:
    taken = [Reference(series="A", number=n, year=2012) for n in (3, 350, 12)]
    previous = Reference(series="A", number=350, year=2012)
    assert str(nr.next_reference(taken, previous, 2012)) == "A 351/12"


def test_a_draft_written_outside_the_folder_is_warned_of_and_nothing_is_locked(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = archive(tmp_path / "a", R15)
    locked: list[Path] = []
    real_lock = nr.folder_lock  # type: ignore[attr-defined]

    def lock(where: Path) -> object:
        locked.append(where)
        return real_lock(where)

    monkeypatch.setattr(nr, "folder_lock", lock)
    with caplog.at_level(logging.WARNING, logger="drafter"):
        nr.write_next(folder / R15, tmp_path / "elsewhere" / "draft.yaml")
    assert locked == []
    assert "A 351/12 is taken only once the draft is in that folder" in caplog.text
    assert sorted(p.name for p in folder.iterdir()) == [R15]
