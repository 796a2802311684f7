"""The YAML language server (npm's yaml-language-server) driven over stdio, as an editor does."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import IO, Any

from textutil import REPO

SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


def _send(stream: IO[bytes], message: dict[str, Any]) -> None:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def _receive(stream: IO[bytes]) -> dict[str, Any]:
    length = 0
    while (line := stream.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    if not length:
        raise EOFError("the YAML language server stopped")
    message: dict[str, Any] = json.loads(stream.read(length))
    return message


def diagnostics(files: list[Path]) -> dict[Path, list[dict[str, Any]]]:
    """The diagnostics the YAML language server publishes for each file (its modeline's schema)."""
    process = subprocess.Popen(
        ["node", str(SERVER), "--stdio"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None and process.stdout is not None
    settings = {"yaml": {"validate": True, "schemaStore": {"enable": False}, "format": {}}}
    try:
        _send(process.stdin, {"id": 1, "method": "initialize", "params": _init(files[0])})
        _answer_until(process.stdin, process.stdout, settings, lambda m: m.get("id") == 1)
        _send(process.stdin, {"method": "initialized", "params": {}})
        _send(
            process.stdin,
            {"method": "workspace/didChangeConfiguration", "params": {"settings": settings}},
        )
        found: dict[Path, list[dict[str, Any]]] = {}
        for path in files:
            _send(process.stdin, _opened(path))
            uri = path.as_uri()
            message = _answer_until(
                process.stdin,
                process.stdout,
                settings,
                lambda m, uri=uri: (
                    m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri
                ),
            )
            found[path] = message["params"]["diagnostics"]
        return found
    finally:
        process.kill()
        process.wait()


def _init(first: Path) -> dict[str, Any]:
    folder = first.parent.as_uri()
    return {
        "processId": None,
        "rootUri": folder,
        "workspaceFolders": [{"uri": folder, "name": "releases"}],
        "capabilities": {
            "workspace": {"configuration": True},
            "textDocument": {"publishDiagnostics": {}},
        },
    }


def _opened(path: Path) -> dict[str, Any]:
    return {
        "method": "textDocument/didOpen",
        "params": {
            "textDocument": {
                "uri": path.as_uri(),
                "languageId": "yaml",
                "version": 1,
                "text": path.read_text(encoding="utf-8"),
            }
        },
    }


def _answer_until(
    stdin: IO[bytes], stdout: IO[bytes], settings: dict[str, Any], done: Any
) -> dict[str, Any]:
    """Read messages, answering the server's requests, until one for which `done` is true."""
    while True:
        message = _receive(stdout)
        if done(message):
            return message
        if "id" in message and "method" in message:  # a request of the server's
            result: Any = None
            if message["method"] == "workspace/configuration":
                items = message["params"]["items"]
                result = [settings.get(item.get("section", ""), {}) for item in items]
            _send(stdin, {"id": message["id"], "result": result})
