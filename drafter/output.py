"""Writing outputs safely: whole files or nothing, and nothing overwritten unasked.

Each file is written to a temporary file in the target folder and moved into place only
when complete, so an interrupt, a full disk or a second process never leaves a truncated
file behind, and the previous file stays intact until the new one is ready.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from drafter.errors import OutputError

__all__ = ["MAX_NAME", "check_writable", "write_file"]

MAX_NAME = 255 - len("..12345678.tmp")
"""The longest file name written, in bytes: its temporary file's name must fit in 255."""


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
    check_writable(path, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise OutputError(f"cannot write in {path.parent}: {exc.strerror}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temp.chmod(0o666 & ~_umask())
        _move_into_place(temp, path, force)
    except OSError as exc:
        raise OutputError(f"{path} could not be written: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _move_into_place(temp: Path, path: Path, force: bool) -> None:
    if force:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            check_writable(path, force)
        temp.replace(path)
        return
    try:
        os.link(temp, path)  # fails if another process created `path` meanwhile
    except FileExistsError:
        raise OutputError(f"{path} already exists; use --force to replace it") from None
    except OSError:
        if path.exists():
            raise OutputError(f"{path} already exists; use --force to replace it") from None
        temp.replace(path)
