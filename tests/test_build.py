"""`drafter build`: a folder of releases, in parallel, failures reported and the rest written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from clirun import Cap, run
from textutil import REPO

from drafter.batch import build

RUSSIA = REPO / "examples" / "eu-russia-2012-07-24.yaml"
TURKMENISTAN = REPO / "examples" / "eu-turkmenistan-2013-06-20.yaml"
RUSSIA_STEM = "2012-07-24_A-350-12"
TURKMENISTAN_STEM = "2013-06-20_11163-13_DRAFT"  # an invented release: a draft


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two valid releases and one with a broken e-mail address."""
    releases = tmp_path / "releases"
    releases.mkdir()
    shutil.copy(RUSSIA, releases / "a-russia.yaml")
    shutil.copy(TURKMENISTAN, releases / "b-turkmenistan.yaml")
    text = RUSSIA.read_text().replace("Michael.Mann@eeas.europa.eu", "Michael.Mann-at-eeas")
    text = text.replace("A 350/12", "A 351/12")
    (releases / "c-broken.yaml").write_text(text)
    return releases


def line_of(path: Path, needle: str) -> int:
    return next(n for n, t in enumerate(path.read_text().splitlines(), 1) if needle in t)


def test_valid_files_are_written_and_the_invalid_one_reported(
    capsys: Cap, folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = ("build", str(folder), "--out", str(out), "--html", "--jobs", "2")
    code, stdout, err = run(capsys, *args)
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{RUSSIA_STEM}{code}.html" for code in ("", "_FR", "_DE", "_BG")]
        + [f"{TURKMENISTAN_STEM}.html"]
    )
    assert "Built 2 of 3 releases (5 files" in stdout
    line = line_of(folder / "c-broken.yaml", "Michael.Mann-at-eeas")
    failure = next(t for t in err.splitlines() if "c-broken.yaml:" in t and "line" in t)
    assert "contacts.people[0].email" in failure and f"line {line}" in failure
    assert "1 release failed" in err and "Traceback" not in err
    assert "a-russia.yaml: 4 files\n" in err  # plain progress lines when not on a terminal


def test_two_jobs_give_the_same_bytes_as_one(folder: Path, tmp_path: Path) -> None:
    (folder / "c-broken.yaml").unlink()
    one = build(folder, tmp_path / "one", jobs=1)
    two = build(folder, tmp_path / "two", jobs=2)
    assert (one.jobs, two.jobs, one.exit_status, two.exit_status) == (1, 2, 0, 0)
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert len(names) == 15 and names == sorted(p.name for p in (tmp_path / "two").iterdir())
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert [o.source.name for o in two.outcomes] == ["a-russia.yaml", "b-turkmenistan.yaml"]


def test_refuses_to_overwrite_without_force(capsys: Cap, folder: Path, tmp_path: Path) -> None:
    (folder / "c-broken.yaml").unlink()
    out = tmp_path / "out"
    out.mkdir()
    mine = out / f"{RUSSIA_STEM}.html"
    mine.write_text("my edits")
    code, _, err = run(capsys, "build", str(folder), "--out", str(out), "--html", "--jobs", "1")
    assert code == 3
    assert "a-russia.yaml" in err and "already exists" in err and "--force" in err
    assert mine.read_text() == "my edits"
    assert (out / f"{TURKMENISTAN_STEM}.html").exists()  # the other file was still built
    code, _, _ = run(capsys, "build", str(folder), "--out", str(out), "--html", "--force")
    assert code == 0
    assert mine.read_text().startswith("<!DOCTYPE html>")


def test_two_files_for_the_same_outputs_are_refused(capsys: Cap, folder: Path) -> None:
    (folder / "c-broken.yaml").unlink()
    shutil.copy(RUSSIA, folder / "d-copy.yaml")
    code, _, err = run(capsys, "build", str(folder), "--html")
    assert code == 1
    assert "d-copy.yaml: would write the same files as a-russia.yaml" in err
    assert (folder / f"{RUSSIA_STEM}.html").exists()


def test_empty_and_missing_folders(capsys: Cap, tmp_path: Path) -> None:
    code, out, err = run(capsys, "build", str(tmp_path))
    assert code == 0 and out == ""
    assert "holds no release files (*.yaml); nothing to build" in err
    code, _, err = run(capsys, "build", str(tmp_path / "nowhere"))
    assert code == 2 and "does not exist" in err


def test_two_files_of_one_release_in_two_own_languages_clash(capsys: Cap, folder: Path) -> None:
    """A file's own language keeps the plain name: a French file of the same release would
    overwrite the English one's files, so the second is refused with a way out."""
    (folder / "c-broken.yaml").unlink()
    english = (folder / "a-russia.yaml").read_text(encoding="utf-8").split("\ntranslations:")[0]
    (folder / "a-russia.yaml").write_text(english, encoding="utf-8")
    french = english.replace("language: en\n", "language: fr\n")
    (folder / "d-russia-fr.yaml").write_text(french, encoding="utf-8")
    code, _, err = run(capsys, "build", str(folder), "--html")
    assert code == 1
    assert "d-russia-fr.yaml" in err and "would write the same files as a-russia.yaml" in err
    assert "make one a translation of the other" in err
    assert (folder / f"{RUSSIA_STEM}.html").read_text(encoding="utf-8").count('lang="en"') == 1


def test_build_writes_text_and_email_only_when_asked(
    capsys: Cap, folder: Path, tmp_path: Path
) -> None:
    (folder / "c-broken.yaml").unlink()
    out = tmp_path / "out"
    code, _, err = run(capsys, "build", str(folder), "--out", str(out), "--txt", "--eml")
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    expected = [
        f"{RUSSIA_STEM}{c}.{ext}" for c in ("_BG", "_DE", "", "_FR") for ext in ("eml", "txt")
    ]
    assert names == sorted([*expected, f"{TURKMENISTAN_STEM}.eml", f"{TURKMENISTAN_STEM}.txt"])
    code, _, err = run(
        capsys, "build", str(folder), "--out", str(tmp_path / "b"), "--html", "--txt"
    )
    assert code == 0, err
    assert {p.suffix for p in (tmp_path / "b").iterdir()} == {".html", ".txt"}
