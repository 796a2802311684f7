"""The `drafter` command's entry point (console script and `python -m drafter`).

It sets up the process, then runs the command. `drafter validate FILE`, with no option for
Typer to read, goes straight to the check that the `validate` command runs (the same
function, handler and log output: `drafter.console`), without loading Typer: about 25 ms of
its 0.2 s. Every other command line goes to `drafter.cli`, with Python's cyclic garbage
collector paused while the CLI's modules load (they make many objects and no garbage, and
the collector would scan them again and again: about 10 ms).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import NoReturn

__all__ = ["main"]


def main() -> None:
    """Run the `drafter` command with this process's arguments.

    Pydantic loads every installed package's `pydantic` plugin (a scan of all package
    metadata) before it validates anything; the drafter command validates only drafter's
    own models, so it does not, unless `PYDANTIC_DISABLE_PLUGINS` is set (an empty value
    loads them all, as in pydantic).
    """
    from drafter import console

    console.catch_signals()  # Ctrl-C or SIGTERM while the modules load: status 130 as well
    try:
        _start()
    except (console.Interrupted, KeyboardInterrupt):
        console.interrupted()


def _start() -> None:
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = sys.argv[1:]
    if _validate_alone(args):
        _validate(Path(args[1]))
    collecting = gc.isenabled()
    gc.disable()
    try:
        from drafter.cli import main as run
    finally:
        if collecting:
            gc.enable()
    run()


def _validate_alone(args: list[str]) -> bool:
    """Whether the command line is `drafter validate FILE` and nothing else."""
    completing = any(name.startswith("_DRAFTER_COMPLETE") for name in os.environ)
    plain = len(args) == 2 and args[0] == "validate" and not args[1].startswith("-")
    return plain and not completing


def _validate(file: Path) -> NoReturn:
    """`drafter validate FILE`, as `drafter.cli` runs it, and the end of the process."""
    from drafter import console

    gc.disable()  # one check's objects: collecting them before the process ends is wasted
    console.configure_logging(debug=False, quiet=False)
    try:
        console.run(lambda: console.validate_file(file, None), debug=False)
    except SystemExit as stop:
        console.leave_now(stop)
    console.leave_now(SystemExit(0))
