"""`drafter init`: a starter release that validates, a starter house drafter accepts, nothing
overwritten; and `load_release(text=...)`, which never takes the text for a path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from clirun import Cap, run
from textutil import REFERENCE_YAML

import drafter
from drafter.testing import check_house


@pytest.fixture
def here(tmp_path: Path) -> Iterator[Path]:
    before = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(before)


def test_init_writes_a_commented_starter_release_that_validates(capsys: Cap, here: Path) -> None:
    code, out, _ = run(capsys, "init")
    assert code == 0 and out.strip() == "release.yaml"
    text = (here / "release.yaml").read_text(encoding="utf-8")
    assert text.startswith("# ") and text.count("#") > 10  # commented
    assert "<" in text  # placeholders to replace
    release = drafter.load_release(here / "release.yaml")
    assert release.date == date.today() and release.status == "draft"
    assert run(capsys, "validate", "release.yaml")[0] == 0
    html = drafter.render(release, "html").decode()
    assert "DRAFT" in html


def test_init_writes_the_file_named_and_never_overwrites(capsys: Cap, here: Path) -> None:
    assert run(capsys, "init", "round.yaml")[0] == 0
    (here / "mine.yaml").write_text("kept\n", encoding="utf-8")
    code, _, err = run(capsys, "init", "mine.yaml")
    assert code == 3 and "already exists" in err
    assert (here / "mine.yaml").read_text(encoding="utf-8") == "kept\n"


def test_init_house_writes_a_house_drafter_accepts(capsys: Cap, here: Path) -> None:
    code, out, _ = run(capsys, "init", "--house", "my-office")
    assert code == 0
    folder = here / "my-office"
    assert (folder / "house.toml").is_file() and "my-office/house.toml" in out
    example = folder / "examples" / "release.yaml"
    assert run(capsys, "validate", str(example), "--house", "./my-office")[0] == 0
    assert check_house("./my-office", [example]) == []
    code, _, err = run(capsys, "init", "--house", "my-office")
    assert code == 3 and "already exists" in err


def test_init_house_writes_both_files_or_neither(
    capsys: Cap, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter import output

    real = output._move_into_place

    def full_disk_at_the_example(each: output._Staged, force: bool) -> None:
        if each.path.name == "release.yaml":
            raise OSError(28, "No space left on device")
        real(each, force)

    monkeypatch.setattr(output, "_move_into_place", full_disk_at_the_example)
    code, _, err = run(capsys, "init", "--house", "my-office")
    assert code == 3 and "No space left on device" in err
    assert [p for p in (here / "my-office").rglob("*") if p.is_file()] == []


def test_init_house_refuses_a_name_that_cannot_name_a_house(capsys: Cap, here: Path) -> None:
    code, _, err = run(capsys, "init", "--house", "My Office!")
    assert code == 2 and "cannot name a house" in err
    assert list(here.iterdir()) == []


def test_load_release_text_is_never_taken_for_a_path(tmp_path: Path) -> None:
    text = REFERENCE_YAML.read_text(encoding="utf-8")
    assert drafter.load_release(text=text) == drafter.load_release(REFERENCE_YAML)
    assert drafter.load_release(text=text.encode()) == drafter.load_release(REFERENCE_YAML)
    # one line of YAML, which a file could be named: read as YAML, the problems its own
    with pytest.raises(drafter.InputError) as info:
        drafter.load_release(text="issuer: European Union")
    assert any(problem.field == "place" for problem in info.value.problems)
    with pytest.raises(drafter.UsageError):
        drafter.load_release(REFERENCE_YAML, text=text)
    with pytest.raises(drafter.UsageError):
        drafter.load_release()
