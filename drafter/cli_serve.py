"""The `drafter serve` command: the web form and the HTTP API (issue 4).

Registered on the app by `drafter.cli`; the web extra is loaded only when it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from drafter.cli_options import HouseOption
from drafter.errors import UsageError

__all__ = ["serve"]


def serve(
    file: Annotated[
        Path | None, typer.Argument(help="A release file the form starts with.", show_default=False)
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1)] = 8000,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Stop a render after this many seconds.", min=1)
    ] = 30,
    house: HouseOption = None,
    archive: Annotated[
        Path | None,
        typer.Option(
            "--archive",
            help="The folder of release files to draft the next round from (default: FILE's).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the web form and the HTTP API until Ctrl-C (see the README).

    Example: drafter serve examples/eu-russia-2012-07-24.yaml --port 8000
    """
    try:
        from drafter.web.app import Initial, address, initial_from_file, serve
    except ModuleNotFoundError as exc:
        if exc.name not in ("fastapi", "starlette", "uvicorn"):
            raise
        hint = 'install the web extra: pip install "drafter-press[web]"'
        raise UsageError(f"{exc}; {hint}") from None
    if house is not None:
        from drafter.houses import find_house

        find_house(house)  # an unknown house is wrong usage, before the server starts
    initial = initial_from_file(file) if file else Initial()
    typer.echo(f"drafter: the form is at {address(host, port)} (Ctrl-C to stop)")
    folder = archive or (file.parent if file else None)
    serve(initial, host, port, timeout=timeout, house=house, archive=folder)
