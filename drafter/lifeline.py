"""Worker processes tied to the process that started them, and their temporary files.

A worker (of `drafter build`, of the server's render pool, or `drafter new`'s PDF helper)
must not outlive its parent: killed with `kill -9`, the parent cannot stop its workers,
so each worker asks the kernel to kill it when its parent ends (Linux: `prctl`'s
`PR_SET_PDEATHSIG`), or, where that is not to be had, watches its parent's process id
from a thread and leaves when it changes.

WeasyPrint keeps the fonts of a house's `@font-face` rules in a `weasyprint-*` folder of
the temporary folder, removed only when its font configuration is collected; a worker
that ends with `os._exit`, or is killed, never removes it. So each worker's temporary
files go into a folder of its own inside a `drafter-work-PID-*` folder that the parent
makes and removes; a parent killed before it could (`kill -9`) leaves its folder, which the
next parent to start removes (`sweep`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["die_with_parent", "scratch", "sweep", "use_folder", "worker_folder"]

PREFIX = "drafter-work-"
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_WATCH_SECONDS = 0.5


def die_with_parent(parent: int, *, kernel: bool = True) -> None:
    """In a worker started by process `parent`: end when the parent ends, however it ends.

    `kernel=False` uses the watching thread even where the kernel could do it (for tests).
    """
    if not (kernel and _death_signal()):
        _watch(parent)
    if os.getppid() != parent:  # the parent was gone before the signal was asked for
        os._exit(1)


def _death_signal() -> bool:
    """Ask Linux to SIGKILL this process when its parent ends; False where it cannot."""
    if sys.platform != "linux":
        return False  # pragma: no cover - not Linux
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):  # pragma: no cover - no prctl
        return False


def _watch(parent: int) -> None:
    """A thread that ends the process, its temporary folder removed, once `parent` is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_SECONDS)
        own = tempfile.tempdir
        if own and Path(own).parent.name.startswith(PREFIX):
            shutil.rmtree(own, ignore_errors=True)
        os._exit(1)

    threading.Thread(target=watch, name="drafter-lifeline", daemon=True).start()


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A folder for workers' temporary folders, removed with everything in it at the end."""
    sweep()
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def worker_folder(folder: Path) -> Path:
    """A new folder for one worker inside `folder` (made by the parent, which removes it)."""
    return Path(tempfile.mkdtemp(prefix="worker-", dir=folder))


def use_folder(folder: Path) -> None:
    """In a worker: every temporary file it makes from now on goes into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)


def sweep(where: Path | None = None) -> None:
    """Remove the `drafter-work-PID-*` folders (this user's) of processes that have ended."""
    base = Path(where or tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for path in base.glob(f"{PREFIX}*-*"):
            pid = path.name[len(PREFIX) :].partition("-")[0]
            if pid.isdigit() and not _running(int(pid)) and _ours(path):
                shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: running
    return True


def _ours(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    own = os.getuid() if hasattr(os, "getuid") else info.st_uid
    return path.is_dir() and not path.is_symlink() and info.st_uid == own
