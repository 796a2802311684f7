"""The command line: outputs, overwrite refusal, exit statuses and messages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import Cap, run
from textutil import REFERENCE_YAML

STEM = "2012-07-24_A-350-12"  # the own language; translations end _FR, _DE, _BG
LANGUAGES = ("en", "fr", "de", "bg")  # the example's own language first, then its translations


@pytest.fixture
def release(tmp_path: Path) -> Path:
    target = tmp_path / "round.yaml"
    shutil.copy(REFERENCE_YAML, target)
    return target


def test_new_writes_all_three_formats_beside_the_yaml(capsys: Cap, release: Path) -> None:
    code, out, _ = run(capsys, "new", str(release))
    names = sorted(p.name for p in release.parent.iterdir() if p.suffix != ".yaml")
    assert code == 0
    stems = [STEM + ("" if code == "en" else f"_{code.upper()}") for code in LANGUAGES]
    assert names == sorted(f"{stem}.{f}" for stem in stems for f in ("html", "pdf", "docx"))
    expected = [str(release.parent / f"{s}.{f}") for s in stems for f in ("html", "pdf", "docx")]
    assert out.split() == expected


def test_new_lang_writes_only_the_languages_asked_for(capsys: Cap, release: Path) -> None:
    code, out, _ = run(capsys, "new", str(release), "--html", "--lang", "fr,DE")
    assert code == 0
    names = sorted(p.name for p in release.parent.iterdir() if p.suffix != ".yaml")
    assert names == ["2012-07-24_A-350-12_DE.html", "2012-07-24_A-350-12_FR.html"]
    assert out.split() == [str(release.parent / name) for name in reversed(names)]


def test_new_lang_refuses_a_language_the_file_has_not(capsys: Cap, release: Path) -> None:
    code, _, err = run(capsys, "new", str(release), "--lang", "fr,es")
    assert code == 2
    assert "es" in err and "it has: en, fr, de, bg" in err
    assert [p.name for p in release.parent.iterdir()] == ["round.yaml"]


def test_new_writes_only_the_formats_asked_for_into_out(
    capsys: Cap, release: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "made" / "here"
    code, _, _ = run(capsys, "new", str(release), "--pdf", "--lang", "en", "--out", str(out_dir))
    assert code == 0
    assert [p.name for p in out_dir.iterdir()] == [f"{STEM}.pdf"]
    assert (out_dir / f"{STEM}.pdf").read_bytes().startswith(b"%PDF-")


def test_new_refuses_to_overwrite_without_force(capsys: Cap, release: Path) -> None:
    existing = release.parent / f"{STEM}.html"
    existing.write_text("my edits")
    code, _, err = run(capsys, "new", str(release))
    assert code == 3
    assert "already exists" in err and "--force" in err
    assert existing.read_text() == "my edits"
    assert not (release.parent / f"{STEM}.pdf").exists()  # nothing half-done
    code, _, _ = run(capsys, "new", str(release), "--html", "--force")
    assert code == 0
    assert existing.read_text().startswith("<!DOCTYPE html>")


def test_invalid_input_exits_1_names_field_and_line_and_writes_nothing(
    capsys: Cap, release: Path
) -> None:
    text = release.read_text().replace("Michael.Mann@eeas.europa.eu", "Michael.Mann-at-eeas")
    release.write_text(text)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "Michael.Mann-at-eeas" in t)
    code, out, err = run(capsys, "new", str(release))
    assert code == 1
    assert f"{release}:{line}:" in err and ": contacts.people[0].email: " in err
    assert "Traceback" not in err and out == ""
    assert list(release.parent.iterdir()) == [release]


def test_validate_reports_valid_and_invalid(capsys: Cap, release: Path) -> None:
    assert run(capsys, "validate", str(release))[0] == 0
    release.write_text(release.read_text().replace("round: 15", "round: fifteen"))
    code, _, err = run(capsys, "validate", str(release))
    assert code == 1 and "meeting.round" in err


def test_missing_file_and_wrong_usage(capsys: Cap, tmp_path: Path) -> None:
    code, _, err = run(capsys, "new", str(tmp_path / "none.yaml"))
    assert code == 1 and "no file" in err
    assert run(capsys, "new")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2


def test_schema_prints_json_schema(capsys: Cap) -> None:
    import json

    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert {"date", "meeting", "counterpart"} <= set(schema["required"])
    assert "contacts" in schema["properties"]


def test_templates_option_uses_the_users_folder_first(
    capsys: Cap, release: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "wording.j2").write_text(
        (Path(__file__).parents[1] / "templates/eu-press/wording.j2")
        .read_text()
        .replace("FOR FURTHER DETAILS:", "CONTACT US:")
    )
    args = ("new", str(release), "--html", "--lang", "en", "--templates", str(mine))
    code, _, _ = run(capsys, *args)
    assert code == 0
    assert "CONTACT US:" in (release.parent / f"{STEM}.html").read_text()
    code, _, err = run(
        capsys, "new", str(release), "--templates", str(tmp_path / "nope"), "--force"
    )
    assert code == 2 and "does not exist" in err


HEAVY = ("weasyprint", "docx", "pikepdf")  # what only rendering a PDF or a DOCX needs


def _commands_that_do_not_render(release: Path) -> list[list[str]]:
    folder, out = str(release.parent), release.parent / "out"
    return [
        ["--help"],
        ["validate", str(release)],  # the fast path, without Typer (drafter.launch)
        ["-q", "validate", str(release)],  # the same through drafter.cli
        ["check", str(release)],
        ["next", str(release), "--out", str(out / "next.yaml")],
        ["diff", str(release), str(release)],
        ["series", folder],
        ["init", str(out / "starter.yaml")],
        ["init", "--house", str(out / "house")],
        ["feed", folder, "--out", str(out / "feed.xml")],
        ["schema"],
        ["houses"],
    ]


def test_commands_that_do_not_render_do_not_load_the_renderers(release: Path) -> None:
    """Each runs as `python -X importtime -m drafter ...`; no renderer's module is imported."""
    for args in _commands_that_do_not_render(release):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "drafter", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert done.returncode == 0, (args, done.stderr[-2000:])
        imported = {
            line.rsplit("|", 1)[1].strip().split(".")[0]
            for line in done.stderr.splitlines()
            if line.startswith("import time:") and line.count("|") == 2
        }
        assert "drafter" in imported, args  # the probe sees drafter's own imports
        assert not imported & set(HEAVY), (args, sorted(imported & set(HEAVY)))


def test_console_script_runs_as_a_user_would(release: Path) -> None:
    exe = shutil.which("drafter", path=str(Path(sys.executable).parent)) or "drafter"
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [exe, "new", str(release), "--docx"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    again = subprocess.run(
        [exe, "new", str(release), "--docx"], capture_output=True, text=True, env=env
    )
    assert again.returncode == 3
    assert "Traceback" not in again.stderr


@pytest.mark.parametrize("option", ["", ",", " , "])
def test_a_lang_option_naming_no_language_is_wrong_usage(
    capsys: Cap, release: Path, option: str
) -> None:
    code, out, err = run(capsys, "new", str(release), "--lang", option)
    assert code == 2 and "names no language" in err and out == ""
    assert [p.name for p in release.parent.iterdir()] == [release.name]
