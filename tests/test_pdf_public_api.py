"""drafter tags its PDF through WeasyPrint's public API only, and leaves WeasyPrint as it found it.

A host program that embeds drafter and makes PDFs of its own with WeasyPrint gets WeasyPrint's
own behaviour, before and after drafter has rendered; drafter's source imports none of
WeasyPrint's private modules. The tags themselves are checked in test_accessibility.py.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from textutil import REFERENCE_YAML

REPO = Path(__file__).resolve().parents[1]

# WeasyPrint's documented entry points; everything else in it is its own business.
PUBLIC = {
    "weasyprint",
    "weasyprint.document",
    "weasyprint.text.fonts",
    "weasyprint.urls",
}

_SNAPSHOT = """
import json, sys
import weasyprint, weasyprint.draw, weasyprint.pdf.tags, weasyprint.pdf.stream
def snapshot():
    found = {}
    for name, module in sorted(sys.modules.items()):
        if name == "weasyprint" or name.startswith("weasyprint."):
            for attribute, value in sorted(vars(module).items()):
                if callable(value):
                    found[f"{name}.{attribute}"] = id(value)
            for cls in [v for v in vars(module).values() if isinstance(v, type)]:
                for attribute, value in sorted(vars(cls).items()):
                    found[f"{name}.{cls.__qualname__}.{attribute}"] = id(value)
    return found
before = snapshot()
import drafter
from drafter.writers.pdf import warm_up
warm_up()
data = drafter.render(drafter.load_release(sys.argv[1]), "pdf")
after = snapshot()
changed = sorted(k for k in before if k in after and before[k] != after[k])
print(json.dumps({"changed": changed, "pdf": data[:5].decode()}))
"""


def test_rendering_a_pdf_changes_nothing_in_weasyprint() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SNAPSHOT, str(REFERENCE_YAML)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["pdf"] == "%PDF-"
    assert result["changed"] == []


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_drafter_imports_only_weasyprints_public_modules() -> None:
    private = {
        f"{path.relative_to(REPO)}: {name}"
        for path in sorted((REPO / "drafter").rglob("*.py"))
        for name in _imports(path)
        if (name == "weasyprint" or name.startswith("weasyprint.")) and name not in PUBLIC
    }
    assert sorted(private) == []
