"""Writing outputs safely: whole files, a set as a whole, nothing overwritten unasked.

Each file is first written to a hidden temporary file beside it (`.NAME.PID.XXXXXXXX.tmp`,
PID the writing process) and moved into place only when every file of the set is complete,
so an interrupt, a full disk or a second process never leaves a truncated file behind.
With `force`, each file replaced is kept under a hidden name until the whole set is in
place: when one move fails, the files already moved get their old versions back, so the
folder holds the old set or the new one, never half of each. A replaced file keeps its
permissions (a 0600 file stays 0600). Hidden temporary files of a name that a killed run
left behind (their process is gone) are removed the next time that name is written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import signal
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import OutputError

__all__ = ["MAX_NAME", "check_writable", "remove_stale", "write_file", "write_files"]

logger = logging.getLogger(__name__)

MAX_NAME = 255 - len("..4194304.12345678.tmp")
"""The longest file name written, in bytes: its temporary file's name must fit in 255."""

_TEMP_TAIL = re.compile(r"(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}\.tmp")
"""What follows `.NAME.` in a temporary file's name: `PID.XXXXXXXX.tmp` (`XXXXXXXX.tmp` before)."""

_UNOWNED_AGE = 3600.0
"""Seconds after which a temporary file naming no process (an older drafter's) is stale."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_writable(path: Path, force: bool) -> None:
    """Raise OutputError if `path` cannot or may not be written."""
    if path.is_symlink():
        raise OutputError(f"{path} is a symbolic link; drafter does not write through links")
    if path.is_dir():
        raise OutputError(f"{path} is a folder; choose another output folder")
    if path.exists() and not path.is_file():  # a device, a pipe, a socket: never replaced
        raise OutputError(f"{path} is not a regular file; drafter replaces only files")
    if path.exists() and not force:
        raise OutputError(f"{path} already exists; use --force to replace it")
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"{parent} is a file, not a folder")


def write_file(path: Path, data: bytes, force: bool = False) -> None:
    """Write `data` to `path` atomically; replace an existing file only when `force`."""
    write_files([(path, data)], force)


def write_files(files: Iterable[tuple[Path, bytes]], force: bool = False) -> None:
    """Write every file, or none: the set is moved into place only when all are written.

    An existing file is replaced only when `force`; then a failure (a full disk, an
    interrupt) while moving the set into place puts the old files back.
    """
    wanted = list(files)
    for path, _ in wanted:
        check_writable(path, force)
    remove_stale(path for path, _ in wanted)
    staged: list[_Staged] = []
    with _interrupts_held():
        try:
            for path, data in wanted:
                staged.append(_stage(path, data))
            _commit(staged, force)
        finally:
            for each in staged:
                _unlink(each.temp)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back while a set is written: they come before it or after it.

    A signal between making a temporary file and recording it would leave that file behind;
    held, it is delivered (and handled as usual) once the set is whole or put back.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@dataclass
class _Staged:
    """A file of the set: where it goes, its finished temporary file, the old one's copy."""

    path: Path
    temp: Path
    backup: Path | None = None
    moved: bool = False


def _why(exc: OSError) -> str:
    return str(exc.strerror or exc)


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def _stage(path: Path, data: bytes) -> _Staged:
    """`data` written and synced to a hidden temporary file beside `path`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path), suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write in {path.parent}: {_why(exc)}") from None
    staged = _Staged(path, Path(name))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        staged.temp.chmod(_mode_for(path))
    except OSError as exc:
        _unlink(staged.temp)
        raise OutputError(f"{path} could not be written: {_why(exc)}") from None
    except BaseException:
        _unlink(staged.temp)
        raise
    return staged


def _mode_for(path: Path) -> int:
    """The permissions of the file `path` replaces, else the usual ones (0666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat(follow_symlinks=False).st_mode) & 0o777  # no set-id bits
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _commit(staged: list[_Staged], force: bool) -> None:
    """Move each staged file into place; on any failure, put the folder back as it was."""
    try:
        for each in staged:
            _put_in_place(each, force)
    except BaseException:
        _roll_back(staged)
        raise
    for each in staged:
        if each.backup is not None:
            _unlink(each.backup)
    for folder in {each.path.parent for each in staged}:
        _sync_folder(folder)


def _put_in_place(each: _Staged, force: bool) -> None:
    """One staged file moved into place, the file it replaces kept aside first."""
    try:
        if force and each.path.exists():
            each.backup = _backup(each.path)
        _move_into_place(each, force)
    except OSError as exc:
        raise OutputError(f"{each.path} could not be written: {_why(exc)}") from None


def _backup(path: Path) -> Path:
    """A hidden second name (a hard link, else a copy) for the file about to be replaced."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path), suffix=".tmp")
    os.close(handle)
    backup = Path(name)
    try:
        backup.unlink()
        backup.hardlink_to(path)
    except OSError:  # no hard links on this file system: a copy, with its permissions
        shutil.copy2(path, backup)
    return backup


def _move_into_place(each: _Staged, force: bool) -> None:
    path = each.path
    if force:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            check_writable(path, force)
        each.temp.replace(path)
        each.moved = True
        return
    try:
        path.hardlink_to(each.temp)  # fails if another process created `path` meanwhile
    except FileExistsError:
        raise OutputError(f"{path} already exists; use --force to replace it") from None
    except OSError:
        if path.exists():
            raise OutputError(f"{path} already exists; use --force to replace it") from None
        each.temp.replace(path)
    each.moved = True


def _roll_back(staged: list[_Staged]) -> None:
    """The old files back in place, the new ones of this run removed (last moved, first)."""
    for each in reversed(staged):
        try:
            if each.backup is not None and each.moved:
                each.backup.replace(each.path)
            elif each.backup is not None:  # never replaced: the file is its old self
                _unlink(each.backup)
            elif each.moved:
                each.path.unlink(missing_ok=True)
        except OSError as exc:
            kept = f"; its old version is {each.backup}" if each.backup else ""
            logger.error("could not restore %s: %s%s", each.path, _why(exc), kept)


def _sync_folder(folder: Path) -> None:
    """Make the folder's new names durable (where the system allows it)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def remove_stale(paths: Iterable[Path]) -> None:
    """Remove the hidden temporary files of `paths` that a killed run left behind.

    Each names its process: it is stale when that process is gone. One that names none
    (written by an older drafter) is stale when it is over an hour old. Each folder is
    listed once.
    """
    by_folder: dict[Path, set[str]] = {}
    for path in paths:
        by_folder.setdefault(path.parent, set()).add(path.name)
    for folder, targets in by_folder.items():
        try:
            hidden = [p.name for p in folder.iterdir() if p.name.startswith(".")]
        except OSError:
            continue
        for name in hidden:
            if _stale_temp(folder / name, targets):
                logger.info("removed %s, left by an interrupted run", folder / name)
                _unlink(folder / name)


def _stale_temp(candidate: Path, targets: set[str]) -> bool:
    """Whether `candidate` is a stale temporary file of one of the names `targets`."""
    for target in targets:
        prefix = f".{target}."
        found = candidate.name.startswith(prefix) and _TEMP_TAIL.fullmatch(
            candidate.name[len(prefix) :]
        )
        if found:
            return _is_stale(candidate, found["pid"])
    return False


def _is_stale(candidate: Path, owner: str | None) -> bool:
    try:
        info = candidate.stat(follow_symlinks=False)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if owner is None:
        return time.time() - info.st_mtime > _UNOWNED_AGE
    return _gone(int(owner))


def _gone(pid: int) -> bool:
    """Whether no process `pid` runs (another user's process counts as running)."""
    if pid <= 1 or pid == os.getpid():  # 0 would signal this process's group
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OverflowError, OSError):  # another user's process, or no such number
        return False
    return False


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
