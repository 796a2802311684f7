"""The CLI's PDF helper process (drafter.prefork): same bytes, same errors, nothing left behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from clirun import EXAMPLES, R15, TURKMENISTAN, Cap, run
from textutil import REFERENCE_YAML

import drafter
from drafter import prefork
from drafter.errors import DrafterError, LimitError
from drafter.house import load_house
from drafter.writers import DEFAULT_PDF_VARIANT
from drafter.writers.pdf import write_pdf

EXE = shutil.which("drafter", path=str(Path(sys.executable).parent)) or "drafter"
FORBIDDEN_PICTURE = '<img src="file:///etc/passwd" alt="x">'
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="reads processes from /proc")


def _drafter(*args: str, helper: bool = True, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", prefork.SWITCH: "1" if helper else "0"}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [EXE, *args], capture_output=True, text=True, env=env, **kwargs
    )


def _gone(pid: int) -> bool:
    """Whether no process (not even an unreaped one) has this id any more."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _big_yaml(folder: Path) -> Path:
    """A valid release whose PDF takes seconds to lay out."""
    text = REFERENCE_YAML.read_text(encoding="utf-8")
    paragraph = "  - " + "The consultations were held in an open atmosphere. " * 150 + "\n"
    target = folder / "big.yaml"
    target.write_text(text.replace("body:\n", "body:\n" + paragraph * 40, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize("example", [R15, TURKMENISTAN])
def test_the_cli_writes_the_same_bytes_with_and_without_the_helper(
    tmp_path: Path, example: str
) -> None:
    outputs = {}
    for helper in (True, False):
        out = tmp_path / str(helper)
        done = _drafter("--debug", "new", str(EXAMPLES / example), "--out", str(out), helper=helper)
        assert done.returncode == 0, done.stderr
        assert ("made by the helper process" in done.stderr) is helper
        written = sorted(Path(line).name for line in done.stdout.splitlines())
        assert written == sorted(path.name for path in out.iterdir())
        outputs[helper] = {path.name: path.read_bytes() for path in out.iterdir()}
    assert sorted(outputs[True]) == sorted(outputs[False])
    languages = drafter.load_release(EXAMPLES / example).languages
    assert len(outputs[True]) == 3 * len(languages)  # every language: a PDF each
    for name, data in outputs[True].items():
        assert data == outputs[False][name], name


def test_an_error_of_the_helper_is_the_same_error_and_exit_status(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    template = (drafter.load_house().dirs[-1] / "release.html.j2").read_text(encoding="utf-8")
    (mine / "release.html.j2").write_text(template.replace("<body>", "<body>" + FORBIDDEN_PICTURE))
    results = []
    for helper in (True, False):
        out = tmp_path / f"out-{helper}"
        args = ["new", str(EXAMPLES / R15), "--templates", str(mine), "--out", str(out)]
        done = _drafter(*args, helper=helper)
        results.append((done.returncode, done.stderr))
        assert not out.exists() or not any(out.iterdir())
    assert results[0] == results[1]
    assert results[0][0] == 1
    assert "the PDF could not be made" in results[0][1]


def test_the_helper_raises_the_drafter_error_the_writer_raises() -> None:
    house = load_house()
    html = drafter.render(drafter.load_release(REFERENCE_YAML), "html").decode()
    bad = html.replace("<body>", "<body>" + FORBIDDEN_PICTURE)
    with pytest.raises(DrafterError) as here:
        write_pdf(bad, house)
    writers = {"pdf": prefork.RemotePdf(DEFAULT_PDF_VARIANT)}
    with prefork.pdf_helper(True) as helper:
        assert helper is not None
        with pytest.raises(DrafterError) as there:
            helper.write_all(writers, bad, house)
        assert type(there.value) is type(here.value)
        assert str(there.value) == str(here.value)
        assert there.value.exit_code == here.value.exit_code
        # the helper goes on working after an error
        assert helper.write_all(writers, html, house)["pdf"] == write_pdf(html, house)
        assert helper.running


def test_a_helper_that_died_is_replaced_by_the_main_process() -> None:
    release = drafter.load_release(REFERENCE_YAML)
    expected = drafter.render_all(release)
    with prefork.pdf_helper(True) as helper:
        assert helper is not None
        os.kill(helper.pid, signal.SIGKILL)
        assert drafter.render_all(release) == expected
        assert not helper.running
        assert _gone(helper.pid)


def test_the_time_limit_covers_the_helper_and_kills_it(tmp_path: Path) -> None:
    release = drafter.load_release(_big_yaml(tmp_path))
    with prefork.pdf_helper(True) as helper:
        assert helper is not None
        with pytest.raises(LimitError, match=r"longer than 0\.5 seconds"):
            drafter.render_all(release, timeout=0.5)
        assert not helper.running
        assert _gone(helper.pid)


@linux_only
@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupt_leaves_no_helper_and_no_file(tmp_path: Path, how: str) -> None:
    source = _big_yaml(tmp_path)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [EXE, "new", str(source), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, prefork.SWITCH: "1"},
    )
    deadline = time.monotonic() + 30
    while not (helpers := _children(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(helpers) == 1, "no helper process was started"
    time.sleep(1.5)  # past start-up: the main process waits for the helper's PDF
    if how == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)  # what the terminal does: to both processes
    else:
        process.send_signal(signal.SIGTERM)  # to the main process only
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err
    assert _gone(helpers[0])
    assert not out.exists() or not any(out.iterdir())


def test_library_callers_never_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("the library forked")

    monkeypatch.setattr(os, "fork", no_fork)
    release = drafter.load_release(REFERENCE_YAML)
    assert drafter.render(release, "pdf").startswith(b"%PDF")
    assert prefork.current() is None


def test_the_cli_forks_only_for_a_pdf(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Cap
) -> None:
    forks: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counted_fork)
    source = str(EXAMPLES / R15)
    for args, expected in [
        (["--html", "--docx"], 0),
        (["--docx"], 0),
        (["--pdf"], 1),
        ([], 1),
    ]:
        forks.clear()
        code, _, err = run(capsys, "new", source, "--out", str(tmp_path), "--force", *args)
        assert code == 0, err
        assert len(forks) == expected, args
    forks.clear()
    code, _, _ = run(capsys, "validate", source)
    assert code == 0 and not forks


def test_without_fork_the_cli_makes_the_pdf_itself(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Cap
) -> None:
    monkeypatch.delattr(os, "fork")
    code, _, err = run(capsys, "new", str(EXAMPLES / R15), "--pdf", "--out", str(tmp_path))
    assert code == 0, err
    release = drafter.load_release(EXAMPLES / R15)
    written = tmp_path / f"{release.file_stem}.pdf"
    assert written.read_bytes() == drafter.render(release, "pdf")


def test_new_and_validate_end_with_their_output_and_status(tmp_path: Path) -> None:
    good = str(EXAMPLES / R15)
    done = _drafter("validate", good)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{good}: valid\n", "")
    bad = tmp_path / "bad.yaml"
    bad.write_text((EXAMPLES / R15).read_text(encoding="utf-8").replace("date:", "dated:", 1))
    done = _drafter("validate", str(bad))
    assert done.returncode == 1
    assert done.stderr.startswith(f"drafter: {bad}: ") and done.stdout == ""
    done = _drafter("new", good, "--out", str(tmp_path / "out"), "--pdf", "--docx", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 2 and done.stderr == ""
    done = _drafter("new", good, "--out", str(tmp_path / "out"), "--pdf")
    assert done.returncode == 3 and "already exists" in done.stderr
