"""The documentation: generated pages up to date, and the site builds with no warning."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from drafter.json_schema import model_schema

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"


def _gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_gen", DOCS / "gen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _gen()


@pytest.mark.parametrize("page", sorted(GEN.PAGES))
def test_generated_page_is_up_to_date(page: str) -> None:
    committed = (DOCS / page).read_text(encoding="utf-8")
    assert committed == GEN.PAGES[page](), (
        f"docs/{page} is out of date: run `python docs/gen.py` and commit the result"
    )


def test_check_names_a_stale_page_and_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(DOCS / "reference", tmp_path / "reference")
    monkeypatch.setattr(GEN, "DOCS", tmp_path)
    assert GEN.main(["--check"]) == 0
    stale = tmp_path / "reference" / "cli.md"
    stale.write_text(stale.read_text(encoding="utf-8").replace("--force", "--forse"))
    assert GEN.main(["--check"]) == 1
    assert "out of date: reference/cli.md; run `python docs/gen.py`" in capsys.readouterr().err
    assert GEN.main([]) == 0  # rewrites it
    assert GEN.main(["--check"]) == 0


def test_the_yaml_reference_has_every_field_of_the_schema() -> None:
    text = (DOCS / "reference" / "yaml.md").read_text(encoding="utf-8")
    schema = model_schema()  # the docs' (the editors' adds short forms, no field)
    models = [schema, *schema["$defs"].values()]
    for model in models:
        for name, field in model["properties"].items():
            assert f"| `{name}` |" in text
            if "description" in field:
                assert " ".join(field["description"].split()) in text


def test_the_cli_reference_has_every_command_and_option() -> None:
    text = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    for command in ("new", "validate", "schema", "houses", "build", "series", "next", "import"):
        assert f"## `drafter {command}`" in text
    for option in ("--house", "--pdf-variant", "--templates", "--jobs", "--show-completion"):
        assert f"`{option}`" in text


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    guide = (tmp_path / "guide.html").read_text(encoding="utf-8")
    assert 'src="images/reference-pdf.png"' in guide
    assert (tmp_path / "reference" / "yaml.html").is_file()
