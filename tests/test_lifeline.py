"""No orphan processes, no temporary files left: workers die with their parent (issue 18)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textutil import REPO

from drafter.loading import load_release
from drafter.web.pool import RenderPool, RenderTimeout

RUSSIA = REPO / "examples" / "eu-russia-2012-07-24.yaml"
DEADLINE = 60.0  # generous: a process killed by the kernel goes in milliseconds


def drafter(*args: str, tmp: Path, **env: str) -> subprocess.Popen[str]:
    """`drafter ARGS` as its own process, with a private temporary folder."""
    environment = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(tmp), **env}
    command = [sys.executable, "-m", "drafter", *args]
    return subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def left_in(tmp: Path) -> list[str]:
    """WeasyPrint's and drafter's temporary folders still in `tmp`."""
    names = ("weasyprint-*", "drafter-work-*")
    return sorted(str(path.relative_to(tmp)) for name in names for path in tmp.rglob(name))


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("prefork", ["1", "0"])
def test_new_leaves_no_temporary_folder(tmp: Path, tmp_path: Path, prefork: str) -> None:
    process = drafter(
        "new",
        str(RUSSIA),
        "--pdf",
        "--out",
        str(tmp_path / "out"),
        tmp=tmp,
        DRAFTER_PREFORK=prefork,
    )
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 4
    assert left_in(tmp) == []


def folder_of_releases(where: Path, count: int) -> Path:
    """`count` releases of distinct references (so that none clashes with another)."""
    where.mkdir()
    text = RUSSIA.read_text(encoding="utf-8")
    for number in range(count):
        english = text.split("\ntranslations:")[0].replace("A 350/12", f"A {400 + number}/12")
        (where / f"r{number:02}.yaml").write_text(english + "\n", encoding="utf-8")
    return where


def test_build_leaves_no_temporary_folder(tmp: Path, tmp_path: Path) -> None:
    folder = folder_of_releases(tmp_path / "releases", 4)
    out = tmp_path / "out"
    process = drafter("build", str(folder), "--pdf", "--out", str(out), "--jobs", "2", tmp=tmp)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert len(list(out.glob("*.pdf"))) == 4
    assert left_in(tmp) == []


def children(pid: int) -> list[int]:
    """The process ids of `pid`'s children (Linux)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(word) for word in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rpartition(")")[2].split()[0] != "Z"


def wait_until(condition: object, what: str) -> None:
    """Poll `condition` (a callable) until it holds; fail after the DEADLINE."""
    assert callable(condition)
    end = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"still not so after {DEADLINE} s: {what}")
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_build_killed_with_kill_9_leaves_no_worker(tmp: Path, tmp_path: Path) -> None:
    folder = folder_of_releases(tmp_path / "releases", 40)
    process = drafter("build", str(folder), "--pdf", "--out", str(tmp_path / "out"), tmp=tmp)
    workers: list[int] = []

    def started() -> bool:
        workers[:] = children(process.pid)
        return len(workers) >= 2 and any((tmp_path / "out").glob("*.pdf"))

    wait_until(started, "the build's workers started")
    process.kill()
    process.communicate()
    wait_until(lambda: not any(alive(pid) for pid in workers), f"workers {workers} gone")
    next_build = drafter("build", str(folder), "--html", "--out", str(tmp_path / "h"), tmp=tmp)
    next_build.communicate(timeout=300)
    assert left_in(tmp) == []  # the killed build's folder is swept by the next one


LIFELINE_ALONE = """
import os, sys, time
from drafter import lifeline
parent = os.getpid()
child = os.fork()
if child == 0:
    lifeline.die_with_parent(parent, kernel=False)
    time.sleep(600)
    os._exit(0)
print(child, flush=True)
os.kill(parent, 9)
"""


def test_without_the_kernel_a_worker_watches_its_parent() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", LIFELINE_ALONE], env=env, capture_output=True, text=True, check=False
    )
    child = int(done.stdout.split()[0])
    wait_until(lambda: not alive(child), f"the worker {child} gone")


@pytest.fixture
def private_tempdir(tmp: Path) -> Iterator[Path]:
    saved = tempfile.tempdir
    tempfile.tempdir = str(tmp)
    try:
        yield tmp
    finally:
        tempfile.tempdir = saved


def test_server_workers_leave_no_temporary_folder_even_killed(private_tempdir: Path) -> None:
    release = load_release(RUSSIA)
    pool = RenderPool(workers=1, queue_size=1, timeout=300)
    pool.start()
    try:
        pool.admit()
        assert pool.render(release, ["pdf"])["pdf"].startswith(b"%PDF")
        assert [name for name in left_in(private_tempdir) if "weasyprint-" in name]
        pool.timeout = 0.001  # the next render is stopped: its worker killed
        pool.admit()
        with pytest.raises(RenderTimeout):
            pool.render(release, ["pdf"])
        assert not [name for name in left_in(private_tempdir) if "weasyprint-" in name]
    finally:
        pool.close()
    assert left_in(private_tempdir) == []


def caught(pid: int, sig: int) -> bool:
    """Whether process `pid` has a handler for `sig` (Linux: SigCgt in its status)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt"))
    return bool(int(mask, 16) & (1 << (sig - 1)))


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize("delay", [0.0, 0.1, 0.3, 0.6, 1.0])
@pytest.mark.parametrize(
    "signals", [(signal.SIGTERM,), (signal.SIGINT, signal.SIGTERM, signal.SIGINT)]
)
def test_new_interrupted_reports_130_without_traceback(
    tmp: Path, tmp_path: Path, delay: float, signals: tuple[int, ...]
) -> None:
    out = tmp_path / "out"
    process = drafter("new", str(RUSSIA), "--out", str(out), tmp=tmp)
    wait_until(lambda: caught(process.pid, signal.SIGTERM), "drafter catches SIGTERM")
    time.sleep(delay)
    for sig in signals:
        process.send_signal(sig)
    _, err = process.communicate(timeout=300)
    assert "Traceback" not in err
    if process.returncode != 0:  # not finished before the signal came
        assert (process.returncode, err) == (
            130,
            "drafter: interrupted; nothing was left half-written\n",
        )
    assert not [path.name for path in out.glob(".*")] if out.exists() else True
    assert left_in(tmp) == []
    shutil.rmtree(tmp_path / "out", ignore_errors=True)
