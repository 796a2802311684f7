"""Handing out a folder's next reference once: under the folder's lock, every draft counted.

`drafter next` takes the next free number of the archive folder. Two runs at once would
both see the same numbers taken and hand out the same one, so a run holds an exclusive OS
lock (flock) on the folder's hidden `.drafter.lock` from the scan until its draft is
written into the folder; the next run, waiting for the lock, sees that draft.

The archive reads the folder's `*.yaml` and `*.yml` files. A draft it cannot read still
holds its number: a file with a YAML syntax error (its `reference:` line is read as text),
a file named `.YAML` or `.Yml`, and the files of sub-folders (to `MAX_DEPTH` levels) are
counted too, each with a warning naming the file when it holds a number of the series and
year being allocated.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from drafter.errors import DrafterError, OutputError
from drafter.loading import RELEASE_SUFFIXES, read_bytes
from drafter.schema import Reference
from drafter.series import Archive
from drafter.source import decode, parse_yaml

__all__ = ["LOCK_FILE", "MAX_DEPTH", "counted_in", "folder_lock", "taken_references"]

logger = logging.getLogger(__name__)

LOCK_FILE = ".drafter.lock"
MAX_DEPTH = 3
"""How many levels of sub-folders are searched for drafts."""
_MAX_FILES = 2_000
_REFERENCE_LINE = re.compile(r"^reference:[ \t]*(?P<value>[^#\n]*?)[ \t]*(?:#.*)?$", re.MULTILINE)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's exclusive lock (waiting for it) while the block runs.

    The lock file is removed by its holder before the lock is let go, so none is left
    behind; a run that waited on a file removed meanwhile takes the lock anew. Where the
    lock file cannot be made (a folder you may not write in, which no draft can be written
    to either) or the system has no flock, the block runs unlocked.
    """
    handle = _acquire(folder / LOCK_FILE) if sys.platform != "win32" else None
    try:
        yield
    finally:
        if handle is not None:
            with contextlib.suppress(OSError):
                (folder / LOCK_FILE).unlink()
            os.close(handle)  # lets the lock go


def _acquire(path: Path) -> int | None:
    """An open file holding the lock on `path`, or None where the folder cannot be locked."""
    import fcntl

    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    while True:
        try:
            handle = os.open(path, flags, 0o666)
        except OSError as exc:
            if path.is_symlink() or (path.exists() and not path.is_file()):
                raise OutputError(f"{path} is not a regular file; remove it") from None
            logger.debug("%s: %s; the folder is not locked", path, exc.strerror)
            return None
        try:
            held = os.fstat(handle)
            if not stat.S_ISREG(held.st_mode):
                raise OutputError(f"{path} is not a regular file; remove it")
            fcntl.flock(handle, fcntl.LOCK_EX)
            now = path.stat(follow_symlinks=False)
        except FileNotFoundError:  # its holder removed it as we waited: lock anew
            os.close(handle)
            continue
        except BaseException:
            os.close(handle)
            raise
        if (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
            return handle
        os.close(handle)  # another run made a new lock file meanwhile: lock that one


def taken_references(archive: Archive, wanted: Reference | None) -> list[Reference]:
    """Every reference of the archive folder's files, those the archive cannot read too.

    `wanted` is the series and year being allocated (its number is ignored): a file the
    archive does not read that holds one of its numbers is warned of.
    """
    taken = archive.references()
    unread = {found.path for found in archive.unreadable}
    for path in [*sorted(unread), *_other_files(archive.folder)]:
        reference, why = _reference_of(path, archive.folder, path in unread)
        if reference is not None:
            taken.append(reference)
        if wanted is None or why is None:
            continue
        if reference is None:
            logger.warning(
                "%s: %s, so its reference (if any) could not be read; check by hand that the "
                "new draft's reference is not taken",
                path,
                why,
            )
        elif reference.series == wanted.series and reference.year == wanted.year:
            logger.warning("%s: %s; its reference %s is counted as taken", path, why, reference)
    return taken


def counted_in(folder: Path, path: Path) -> bool:
    """Whether a draft written to `path` is counted by the next scan of `folder`."""
    try:
        parts = path.parent.resolve().relative_to(folder.resolve()).parts
    except ValueError:
        return False
    return len(parts) <= MAX_DEPTH and not any(part.startswith(".") for part in parts)


def _other_files(folder: Path) -> list[Path]:
    """The YAML files of `folder` the archive does not read: `.YAML` names, sub-folders."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        depth = len(Path(root).relative_to(folder).parts)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        if depth >= MAX_DEPTH:
            folders[:] = []
        for name in sorted(files):
            suffix = Path(name).suffix
            if name.startswith(".") or suffix.lower() not in RELEASE_SUFFIXES:
                continue
            if depth == 0 and suffix in RELEASE_SUFFIXES:
                continue  # read by the archive
            found.append(Path(root) / name)
            if len(found) >= _MAX_FILES:
                return found
    return found


def _reference_of(path: Path, folder: Path, unread: bool) -> tuple[Reference | None, str | None]:
    """The reference a file holds, and why the archive does not count it (None: no warning)."""
    try:
        if not path.is_file():  # as the archive, a link to a file is read
            return None, None
        text = decode(read_bytes(path), str(path))
    except (DrafterError, OSError):
        return None, (_not_read(path, folder, "cannot be read as text") if unread else None)
    try:
        data = parse_yaml(text, str(path)).data
    except DrafterError:
        found = _REFERENCE_LINE.search(text)
        value = found["value"].strip("'\" ") if found else ""
        return Reference.parse_or_none(value), _not_read(path, folder, "is not valid YAML")
    if unread or not isinstance(data, dict) or data.get("reference") is None:
        return None, None  # the archive counted it, or it holds no reference
    reference = Reference.parse_or_none(data["reference"])
    return reference, (_not_read(path, folder, None) if reference else None)


def _not_read(path: Path, folder: Path, problem: str | None) -> str:
    """Why the archive (`drafter series`) does not read the file."""
    reasons = [problem] if problem else []
    if path.parent != folder:
        reasons.insert(0, "is in a sub-folder, which `drafter series` does not read")
    elif path.suffix not in RELEASE_SUFFIXES:
        reasons.insert(0, f"is named {path.suffix}, which `drafter series` does not read")
    return " and ".join(reasons)
