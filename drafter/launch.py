"""The `drafter` command's entry point (console script and `python -m drafter`).

It only sets up the process, then runs `drafter.cli.main`: Python's cyclic garbage collector
is paused while the CLI's modules load (they make many objects and no garbage, and the
collector would scan them again and again: about 10 ms of a 0.2 s `drafter validate`), and
pydantic's plugins are not loaded unless the user asks for them (see `main`).
"""

from __future__ import annotations

import gc
import os

__all__ = ["main"]


def main() -> None:
    """Run the `drafter` command with this process's arguments.

    Pydantic loads every installed package's `pydantic` plugin (a scan of all package
    metadata) before it validates anything; the drafter command validates only drafter's
    own models, so it does not, unless `PYDANTIC_DISABLE_PLUGINS` is set (an empty value
    loads them all, as in pydantic).
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    collecting = gc.isenabled()
    gc.disable()
    try:
        from drafter.cli import main as run
    finally:
        if collecting:
            gc.enable()
    run()
