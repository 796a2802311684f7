"""Resource limits: render time, release size, and a clean stop on SIGTERM."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textutil import REFERENCE_YAML

import drafter
from drafter.errors import InputError, LimitError


def _long_release(words: int) -> drafter.Release:
    data = drafter.load_release(REFERENCE_YAML).model_dump()
    chunk = "consultations " * 600
    data["body"] = [[{"text": chunk}] for _ in range(words // 600)]
    return drafter.validate_release(data)


def test_a_render_over_its_time_limit_stops_with_a_limit_error() -> None:
    release = _long_release(30_000)
    started = time.monotonic()
    with pytest.raises(LimitError, match=r"longer than 0\.05 seconds"):
        drafter.render_all(release, ["pdf"], timeout=0.05)
    assert time.monotonic() - started < 5
    # the alarm is gone afterwards: a normal render still works
    assert drafter.render(drafter.load_release(REFERENCE_YAML), "html")


def test_a_release_over_the_text_limit_is_refused() -> None:
    data = drafter.load_release(REFERENCE_YAML).model_dump()
    data["body"] = [[{"text": "word " * 1900}] for _ in range(60)]
    with pytest.raises(InputError, match="characters of text; at most 500,000"):
        drafter.validate_release(data)


def _big_yaml(tmp_path: Path) -> Path:
    text = REFERENCE_YAML.read_text(encoding="utf-8")
    paragraph = "  - " + "The consultations were held in an open atmosphere. " * 150 + "\n"
    text = text.replace("body:\n", "body:\n" + paragraph * 40, 1)
    target = tmp_path / "big.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_cli_timeout_exits_4_and_writes_nothing(tmp_path: Path) -> None:
    source = _big_yaml(tmp_path)
    exe = shutil.which("drafter", path=str(Path(sys.executable).parent)) or "drafter"
    done = subprocess.run(
        [exe, "new", str(source), "--pdf", "--timeout", "1"], capture_output=True, text=True
    )
    assert done.returncode == 4, done.stderr
    assert "--timeout" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.yaml"]


def test_sigterm_stops_with_130_and_leaves_no_files(tmp_path: Path) -> None:
    source = _big_yaml(tmp_path)
    exe = shutil.which("drafter", path=str(Path(sys.executable).parent)) or "drafter"
    process = subprocess.Popen(
        [exe, "new", str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(1.5)  # past start-up, inside the render
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.yaml"]
