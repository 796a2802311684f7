"""An installed (non-editable) drafter, run from another folder, finds its templates and fonts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from textutil import REFERENCE_YAML

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    return next(dist.glob("drafter-*.whl"))


def test_wheel_carries_templates_and_fonts(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "drafter/templates/eu-press/release.html.j2" in names
    assert "drafter/templates/eu-press/house.toml" in names
    assert "drafter/templates/eu-press/fonts/LiberationSans-Regular.ttf" in names
    assert "drafter/templates/eu-press/locale/house.pot" in names
    assert "drafter/templates/eu-press/locale/fr/LC_MESSAGES/house.po" in names


def _files(folder: Path) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


def test_wheel_carries_every_house_file_and_package_data(wheel: Path) -> None:
    """Every file of every house (templates, fonts, translations) and of the package."""
    names = set(zipfile.ZipFile(wheel).namelist())
    houses = [f"drafter/{p.relative_to(REPO).as_posix()}" for p in _files(REPO / "templates")]
    package = [p.relative_to(REPO).as_posix() for p in _files(REPO / "drafter")]
    assert "drafter/templates/eeas-web/house.toml" in houses
    assert sorted(set(houses) - names) == []
    assert sorted(set(package) - names) == []


def test_wheel_carries_the_web_forms_assets(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for asset in ("index.html", "form.js", "form.css"):
        assert f"drafter/web/static/{asset}" in names


def test_installed_drafter_renders_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        f"import sys; sys.path.insert(0, {str(target)!r})\n"
        "import drafter, drafter.templating as t\n"
        "print('MODULE', drafter.__file__)\n"
        "print('TEMPLATES', t.packaged_templates())\n"
        "from drafter.cli import main\n"
        f"main(['new', {str(REFERENCE_YAML)!r}, '--out', 'out'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"MODULE {target}" in done.stdout
    assert f"TEMPLATES {target}" in done.stdout
    written = sorted(p.name for p in (elsewhere / "out").iterdir())
    stem = "2012-07-24_A-350-12"
    names = (stem, f"{stem}_BG", f"{stem}_DE", f"{stem}_FR")  # English, the own language, plain
    assert written == sorted(f"{name}.{fmt}" for name in names for fmt in ("docx", "html", "pdf"))
    french = (elsewhere / "out" / f"{stem}_FR.html").read_text(encoding="utf-8")
    assert "P R E S S E" in french  # the wheel's own catalogue
