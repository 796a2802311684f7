"""The same input and drafter version give the same bytes, in every run and every process.

The PDF and Word files are dated from SOURCE_DATE_EPOCH when it is set, otherwise from the
release's date; the HTML always carries the release's date. Fresh processes (with different
hash seeds) write exactly what the library returns in this one.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pikepdf
import pytest
from textutil import REFERENCE_YAML

import drafter
from drafter.writers import FORMATS

STEM = "2012-07-24_A-350-12"
EPOCH = 1700000000  # 2023-11-14 22:13:20 UTC
RELEASE_DAY = datetime(2012, 7, 24, tzinfo=UTC)


def _fresh_process(out: Path, **env: str) -> dict[str, bytes]:
    """What `python -m drafter new` writes in a new process with `env` added."""
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    command = [sys.executable, "-m", "drafter", "new", str(REFERENCE_YAML), "--lang", "en"]
    command += ["--out", str(out)]
    subprocess.run(command, env=environment, check=True, capture_output=True, timeout=120)
    return {fmt: (out / f"{STEM}.{fmt}").read_bytes() for fmt in FORMATS}


@pytest.fixture(scope="module")
def in_process() -> dict[str, bytes]:
    assert "SOURCE_DATE_EPOCH" not in os.environ
    return drafter.render_all(drafter.load_release(REFERENCE_YAML))


def _pdf_dates(data: bytes) -> tuple[str, str, str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        metadata = pdf.open_metadata()
        identifier = bytes(pdf.trailer.ID[0]).hex()
        return str(pdf.docinfo.CreationDate), metadata["xmp:CreateDate"], identifier


Stamp = tuple[int, int, int, int, int, int]


def _docx_dates(data: bytes) -> tuple[datetime, set[Stamp]]:
    created = docx.Document(io.BytesIO(data)).core_properties.created
    assert created is not None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        stamps = {item.date_time for item in archive.infolist()}
    return created.replace(tzinfo=UTC), stamps


def test_fresh_processes_write_what_the_library_returns(
    tmp_path: Path, in_process: dict[str, bytes]
) -> None:
    first = _fresh_process(tmp_path / "a", PYTHONHASHSEED="1")
    second = _fresh_process(tmp_path / "b", PYTHONHASHSEED="2")
    for fmt in FORMATS:
        assert first[fmt] == second[fmt] == in_process[fmt], fmt


def test_without_source_date_epoch_the_files_carry_the_release_date(
    in_process: dict[str, bytes],
) -> None:
    creation, xmp_date, _ = _pdf_dates(in_process["pdf"])
    assert (creation, xmp_date) == ("D:20120724", "2012-07-24")
    created, stamps = _docx_dates(in_process["docx"])
    assert created == RELEASE_DAY
    assert stamps == {(2012, 7, 24, 0, 0, 0)}
    assert b'<meta name="dcterms.created" content="2012-07-24">' in in_process["html"]


def test_source_date_epoch_dates_the_pdf_and_the_word_file(
    tmp_path: Path, in_process: dict[str, bytes]
) -> None:
    dated = _fresh_process(tmp_path / "dated", SOURCE_DATE_EPOCH=str(EPOCH))
    creation, xmp_date, _ = _pdf_dates(dated["pdf"])
    assert (creation, xmp_date) == ("D:20231114221320Z", "2023-11-14T22:13:20Z")
    created, stamps = _docx_dates(dated["docx"])
    assert created == datetime.fromtimestamp(EPOCH, tz=UTC)
    assert stamps == {(2023, 11, 14, 22, 13, 20)}
    assert dated["html"] == in_process["html"]  # the page is dated by the release alone
    assert _pdf_dates(dated["pdf"])[2] != _pdf_dates(in_process["pdf"])[2]  # another file ID


def test_the_same_source_date_epoch_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    release = drafter.load_release(REFERENCE_YAML)
    assert drafter.render_all(release) == drafter.render_all(release)
    assert os.environ["SOURCE_DATE_EPOCH"] == str(EPOCH)  # left as the caller set it


def test_a_bad_source_date_epoch_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    release = drafter.load_release(REFERENCE_YAML)
    with pytest.raises(drafter.UsageError, match="SOURCE_DATE_EPOCH must be a whole number"):
        drafter.render(release, "docx")
    with pytest.raises(drafter.UsageError, match="SOURCE_DATE_EPOCH"):
        drafter.render(release, "pdf")


@pytest.mark.parametrize("variant", ["pdf/a-3b", "pdf/a-2u"])
def test_pdf_a_is_reproducible_too(variant: str) -> None:
    release = drafter.load_release(REFERENCE_YAML)
    first = drafter.render(release, "pdf", pdf_variant=variant)
    assert drafter.render(release, "pdf", pdf_variant=variant) == first


def test_concurrent_renders_do_not_take_drafters_font_time_for_the_callers(
    in_process: dict[str, bytes],
) -> None:
    """While one thread makes a PDF (with drafter's own SOURCE_DATE_EPOCH for fontTools set),
    another's Word file is still dated by its release."""
    release = drafter.load_release(REFERENCE_YAML)
    results: list[dict[str, bytes]] = []

    def render() -> None:
        for _ in range(2):
            results.append(drafter.render_all(release, ["pdf", "docx"]))

    threads = [threading.Thread(target=render) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    assert all(r["pdf"] == in_process["pdf"] and r["docx"] == in_process["docx"] for r in results)
    assert "SOURCE_DATE_EPOCH" not in os.environ
