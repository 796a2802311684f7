"""What guards the local server: Host and Origin checks, body size, security headers, names.

A server on 127.0.0.1 is still reachable from any page the officer's browser opens: a page
elsewhere may POST to it (refused unless the Origin is the server's own) or rebind a DNS
name to 127.0.0.1 (refused by the Host allow-list). Bodies over the limit get 413, whether
announced by Content-Length or not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import quote, urlsplit

__all__ = [
    "FORM_CSP",
    "MAX_BODY",
    "OUTPUT_CSP",
    "Guard",
    "allowed_hosts",
    "content_disposition",
    "is_json",
]

MAX_BODY = 1024 * 1024
"""The largest request body accepted, in bytes (the CLI's limit for a release file)."""

FORM_CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
    # The preview's iframe (srcdoc) inherits this policy; its HTML carries its own <style>.
    "style-src 'self' 'unsafe-inline'; frame-src 'self'; form-action 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
"""The form's policy: scripts only from drafter's own files, no network but the server."""

OUTPUT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox"
)
"""A rendered release's policy: its inline style and pictures, nothing that runs or loads."""

_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def allowed_hosts(bound: str, port: int) -> frozenset[str]:
    """The Host header values accepted: loopback names and the bound host, with the port."""
    names = {"127.0.0.1", "localhost", "[::1]", _bracketed(bound)}
    return frozenset({*names, *(f"{name}:{port}" for name in names)})


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


class Guard:
    """ASGI middleware: refuses foreign Hosts and Origins and big bodies; adds the headers."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] | None, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.hosts = None if hosts is None else frozenset(host.lower() for host in hosts)
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the request, then pass it on with a size-limited body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value for key, value in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal:
            await _error(send, *refusal)
            return
        body = await self._read_body(receive)
        if body is None:
            await _error(send, 413, self._too_big())
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _with_security_headers(message.get("headers", []))
            await send(message)

        await self.app(scope, _replay(body, receive), send_with_headers)

    def _refusal(self, scope: Scope, headers: dict[str, bytes]) -> tuple[int, str] | None:
        host = headers.get("host", b"").decode("latin-1").lower()
        if self.hosts is not None and host not in self.hosts:
            return 421, f"this server answers to {', '.join(sorted(self.hosts))} only"
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and not _same_origin(headers, host):
            return 403, "requests from other web pages are refused (the Origin is not this server)"
        length = headers.get("content-length", b"")
        if length.isdigit() and int(length) > self.max_body:
            return 413, self._too_big()
        return None

    def _too_big(self) -> str:
        return f"the request is over {self.max_body:,} bytes, the most a release may be"

    async def _read_body(self, receive: Receive) -> bytes | None:
        """The whole body (it is small), or None when it goes over the limit."""
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the body read already, then waits on the connection."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _same_origin(headers: dict[str, bytes], host: str) -> bool:
    """True when the request comes from this server's own pages (or from no browser page).

    Browsers send Origin with every cross-origin POST, so a request without one (curl, a
    publishing system) is no page's doing; `Sec-Fetch-Site` is checked when Origin is absent.
    """
    origin = headers.get("origin")
    if origin is None:
        site = headers.get("sec-fetch-site", b"none").decode("latin-1")
        return site in ("same-origin", "none")
    parts = urlsplit(origin.decode("latin-1").lower())
    return parts.scheme == "http" and parts.netloc == host


def _with_security_headers(headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    kept = list(headers)
    names = {name.lower() for name, _ in kept}
    kept += [(name, value) for name, value in _HEADERS if name not in names]
    if b"content-security-policy" not in names:
        kept.append((b"content-security-policy", FORM_CSP.encode()))
    return kept


async def _error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": _with_security_headers(headers),
        }
    )
    await send({"type": "http.response.body", "body": body})


def is_json(content_type: str | None) -> bool:
    """True for `application/json`, with or without parameters such as a charset.

    A JSON endpoint takes nothing else: a `text/plain` or form body is what a page elsewhere
    can send without the browser asking the server first.
    """
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json"


_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9!#$&+\-.^_`|~ ()\[\]{}@,;=]")


def content_disposition(filename: str) -> str:
    """An RFC 6266 attachment header: an ASCII `filename` and the exact `filename*`.

    Control characters (CR and LF among them), quotes, backslashes and path separators never
    reach the header: the ASCII name replaces them with `_`, `filename*` percent-encodes.
    """
    name = "".join(char for char in filename if char.isprintable()) or "release"
    name = name.replace("/", "_").replace("\\", "_")
    fallback = _UNSAFE_ASCII.sub("_", name)
    encoded = quote(name, safe="")
    if fallback == name:
        return f'attachment; filename="{name}"'
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
