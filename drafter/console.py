"""The `drafter` command's dealings with the process, apart from Typer.

One handler turns every error into a message and drafter's documented exit status; the
log output is set up once; a one-shot command leaves without the interpreter's teardown.
`drafter validate FILE` runs through here alone (`drafter.launch`), every other command
through Typer (`drafter.cli`), with the same handler, logging and validation.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

from drafter.errors import EXIT_INTERNAL, DrafterError, UsageError

__all__ = [
    "EXIT_INTERRUPTED",
    "Interrupted",
    "catch_signals",
    "configure_logging",
    "interrupted",
    "leave_now",
    "run",
    "validate_file",
]

EXIT_INTERRUPTED = 130


def configure_logging(*, debug: bool, quiet: bool) -> None:
    """Log records to standard error as `drafter: LEVEL: message`, control characters shown."""
    from drafter.terminal import SafeFormatter

    level = logging.DEBUG if debug else logging.ERROR if quiet else logging.WARNING
    handler = logging.StreamHandler()
    handler.setFormatter(SafeFormatter("drafter: %(levelname)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])


def validate_file(file: Path, house: str | None) -> None:
    """`drafter validate`: check the release file, print that it is valid or raise why not."""
    from drafter.loading import load_release

    release = load_release(file, house=house)
    logging.getLogger("drafter").info("valid: %s", release.file_stem)
    sys.stdout.write(f"{file}: valid\n")
    sys.stdout.flush()


def run(command: Callable[[], None], *, debug: bool) -> None:
    """Run `command`; every error becomes its message and exit status (see the README)."""
    previous = catch_signals()
    try:
        command()
    except DrafterError as exc:
        _fail(str(exc), exc.exit_code)
    except (Interrupted, KeyboardInterrupt):
        interrupted()
    except OSError as exc:  # the system refused a path given (too long, no access): not a bug
        _fail(_os_refusal(exc), UsageError.exit_code)
    except Exception:
        if debug:
            traceback.print_exc()
        _fail(
            "internal error: this is a bug in drafter, not in your file. Run again with "
            "--debug and send the output to the drafter developers.",
            EXIT_INTERNAL,
        )
    finally:
        if not _stopping:  # once interrupted, further signals stay ignored until the end
            for sig, handler in previous.items():
                signal.signal(sig, handler)


_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_stopping = False


def catch_signals() -> dict[int, Any]:
    """From now on Ctrl-C and SIGTERM unwind the command (status 130); the previous handlers.

    The first signal raises; later ones are ignored, so that a second Ctrl-C cannot break
    the clean-up of the first (nor print a traceback).
    """
    return {sig: signal.signal(sig, _interrupt) for sig in _SIGNALS}


def interrupted() -> NoReturn:
    """Report an interruption and exit with its status (130)."""
    _fail("interrupted; nothing was left half-written", EXIT_INTERRUPTED)


def leave_now(stop: SystemExit) -> NoReturn:
    """End the process once its output is flushed, without the interpreter's slow teardown.

    Only for a command that does one thing and is done (`new`, `validate`): every file is
    written (or none) and any helper process reaped by then. If flushing fails, the
    interpreter's own exit reports it.
    """
    code = 0 if stop.code is None else stop.code
    if not isinstance(code, int):
        raise stop
    global _stopping
    _stopping = True  # the work is done: a signal now would only garble the ending
    _forget_fonts()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        logging.shutdown()
    except Exception:
        raise stop from None
    os._exit(code)


def _fail(message: str, code: int) -> NoReturn:
    from drafter.terminal import shown

    sys.stderr.write(f"drafter: {shown(message)}\n")
    raise SystemExit(code)


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM: unwinds like an exception, so temporary files are removed."""


def _interrupt(signum: int, frame: FrameType | None) -> None:
    global _stopping
    del frame
    if _stopping:  # ignored: setting SIG_IGN here would fail for a signal already caught
        return
    _stopping = True
    raise Interrupted(signum)


def _forget_fonts() -> None:
    """WeasyPrint's temporary fonts removed, which the quick exit would leave behind."""
    pdf = sys.modules.get("drafter.writers.pdf")
    if pdf is not None:
        with contextlib.suppress(Exception):  # leaving anyway: a stale folder is all it costs
            pdf.forget_fonts()


def _os_refusal(exc: OSError) -> str:
    name = str(exc.filename or "")
    shown = f"{name[:60]}...{name[-20:]}" if len(name) > 100 else name
    return f"{shown or 'a file'}: {exc.strerror or exc}; check the path given"
