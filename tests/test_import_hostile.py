"""`drafter import` of hostile Word files: broken XML, entity bombs, zip bombs, outside entities.

Each is refused with a clear error and status (never an internal error, never gigabytes of
memory), and no YAML file is written.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import EXAMPLES, R15, Cap, run

import drafter

DOCUMENT = "word/document.xml"
LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">'
        % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
        for level in range(1, 10)
    )
    + b"]>"
)


@pytest.fixture(scope="module")
def reference_docx() -> bytes:
    return drafter.render(drafter.load_release(EXAMPLES / R15), "docx")


def _changed(docx: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """The Word file with its main document part changed by `change`."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, change(data) if info.filename == DOCUMENT else data)
    return out.getvalue()


def _entity(data: bytes, declaration: bytes, use: bytes) -> bytes:
    data = data.replace(b"?>", b"?>" + declaration, 1)
    return data.replace(b"The consultations", use + b"The consultations", 1)


CASES: dict[str, tuple[Callable[[bytes], bytes], int, str]] = {
    "broken XML": (lambda data: data[: len(data) // 2], 1, "not a Word document"),
    "entity bomb": (lambda data: _entity(data, LAUGHS, b"&lol9;"), 1, "not a Word document"),
    "zip bomb": (
        lambda data: data.replace(b"?>", b"?><!--" + b" " * (60 * 1024 * 1024) + b"-->", 1),
        4,
        "unpacks to",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_word_file_is_refused(
    tmp_path: Path, capsys: Cap, reference_docx: bytes, case: str
) -> None:
    change, status, said = CASES[case]
    path = tmp_path / "release.docx"
    path.write_bytes(_changed(reference_docx, change))
    code, _, err = run(capsys, "import", str(path))
    assert code == status, err
    assert said in err and str(path) in err and "internal error" not in err
    assert not (tmp_path / "release.yaml").exists()


def test_an_outside_entity_is_never_read(
    tmp_path: Path, capsys: Cap, reference_docx: bytes
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42", encoding="utf-8")
    declaration = b'<!DOCTYPE x [<!ENTITY e SYSTEM "%s">]>' % secret.as_uri().encode()
    path = tmp_path / "release.docx"
    path.write_bytes(_changed(reference_docx, lambda data: _entity(data, declaration, b"&e;")))
    run(capsys, "import", str(path), "--out", str(tmp_path / "out.yaml"))
    written = tmp_path / "out.yaml"
    assert not written.exists() or "TOP-SECRET" not in written.read_text(encoding="utf-8")
