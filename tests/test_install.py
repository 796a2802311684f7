"""An installed (non-editable) drafter, run from another folder, finds its templates and fonts.

The wheel is published as `drafter-press` (the name `drafter` on the package index is another
project's), with the `drafter` command and import name; its metadata declares every library
drafter imports, its licence, classifiers and project addresses, and it is marked as typed.
"""

from __future__ import annotations

import ast
import email
import email.message
import re
import subprocess
import sys
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from textutil import REFERENCE_YAML

REPO = Path(__file__).resolve().parents[1]
DISTRIBUTION = "drafter-press"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    return next(dist.glob("drafter_press-*.whl"))


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.message_from_bytes(archive.read(name))


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_wheel_is_the_free_distribution_name_with_licence_urls_and_classifiers(
    wheel: Path,
) -> None:
    metadata = _metadata(wheel)
    assert metadata["Name"] == DISTRIBUTION
    assert metadata["License-Expression"] == "MIT"
    names = zipfile.ZipFile(wheel).namelist()
    (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    text = zipfile.ZipFile(wheel).read(licence).decode()
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text
    classifiers = metadata.get_all("Classifier") or []
    for wanted in ("Programming Language :: Python :: 3.11", "Typing :: Typed"):
        assert wanted in classifiers
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL") or [])
    assert {"Documentation", "Source", "Changelog", "Issues"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())
    assert "drafter/py.typed" in names
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "drafter = drafter.launch:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def _imported_libraries() -> dict[str, set[str]]:
    """Each third-party top-level module drafter imports, with the files that import it."""
    found: dict[str, set[str]] = {}
    for path in sorted((REPO / "drafter").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top not in sys.stdlib_module_names and top != "drafter":
                    found.setdefault(top, set()).add(path.relative_to(REPO).as_posix())
    return found


def _requirements(metadata: email.message.Message) -> dict[str, list[str]]:
    """Each required distribution with the extras that require it ("" for always)."""
    found: dict[str, list[str]] = {}
    for line in metadata.get_all("Requires-Dist") or []:
        requirement, _, marker = line.partition(";")
        name = _canonical(re.split(r"[\s\[<>=!~]", requirement.strip(), maxsplit=1)[0])
        extra = re.search(r"extra == [\"']([^\"']+)", marker)
        found.setdefault(name, []).append(extra[1] if extra else "")
    return found


# The extra a module's imports may come from, beside the dependencies everyone gets.
_EXTRA_OF = {"drafter/web/": "web", "drafter/testing.py": "testing"}


def test_every_imported_library_is_declared(wheel: Path) -> None:
    required = _requirements(_metadata(wheel))
    distributions = packages_distributions()
    missing = []
    for module, files in sorted(_imported_libraries().items()):
        names = {_canonical(name) for name in distributions.get(module, [module])}
        for file in sorted(files):
            extra = next((e for p, e in _EXTRA_OF.items() if file.startswith(p)), "")
            if not any(set(required.get(n, [])) & {"", extra} for n in names):
                missing.append(f"{file}: {module}")
    assert missing == []


def test_no_upper_bound_but_where_tested_weasyprint_follows_its_releases(wheel: Path) -> None:
    lines = _metadata(wheel).get_all("Requires-Dist") or []
    bounded = [line for line in lines if re.search(r"<(?!=?\s*['\"])", line.partition(";")[0])]
    assert bounded == []
    (weasyprint,) = [line for line in lines if line.lower().startswith("weasyprint")]
    assert weasyprint.replace(" ", "") == "weasyprint>=70"


def _names_distribution(name: str) -> bool:
    """Whether `name` is the distribution, or a wheel of it (whose name has "_" for "-")."""
    if name.endswith(".whl"):
        return name.startswith(DISTRIBUTION.replace("-", "_") + "-")
    return name == DISTRIBUTION


def test_install_hints_name_the_distribution() -> None:
    hint = re.compile(r"pip install\s+\"?([A-Za-z][\w.-]*)(?:\[|\"|\s|$)", re.MULTILINE)
    texts = [REPO / "README.md", *(REPO / "docs").rglob("*.md"), *(REPO / "drafter").rglob("*.py")]
    wrong = {
        f"{path.relative_to(REPO)}: {found[1]}"
        for path in texts
        for found in hint.finditer(path.read_text(encoding="utf-8"))
        if found[1].startswith("drafter") and not _names_distribution(found[1])
    }
    assert sorted(wrong) == []


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


def test_the_version_is_the_distributions(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    import drafter

    asked: list[str] = []

    def version(name: str) -> str:
        asked.append(name)
        return "9.9.9"

    monkeypatch.setattr(importlib.metadata, "version", version)
    # set, then removed: the version read here (and cached by drafter) is undone afterwards
    monkeypatch.setitem(vars(drafter), "__version__", "unread")
    monkeypatch.delitem(vars(drafter), "__version__")
    assert drafter.__version__ == "9.9.9"
    assert asked == [DISTRIBUTION]
