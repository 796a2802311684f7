"""The web application: the form's page and assets, and the HTTP API (FastAPI).

The server keeps no state between requests: each one carries the whole release as JSON.
Reading, validating, checking and HTML run in the server's own process, on the threads of
`drafter.web.offload` (never on the event loop, with the render time limit); PDF and DOCX
by the render workers of `drafter.web.pool`.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from drafter.errors import DrafterError, InputError, Problem
from drafter.loading import validate_release
from drafter.rendering import output_stem, render, require_languages
from drafter.schema import Release
from drafter.source import Source, decode, parse_yaml
from drafter.web.answers import (
    MAX_LISTED,
    REFUSALS,
    FindingOut,
    Findings,
    Parsed,
    Problems,
    Refusal,
    problems_out,
    refusal,
)
from drafter.web.form import router as form_router
from drafter.web.jsonbody import read_json
from drafter.web.offload import Offload
from drafter.web.pool import Busy, RenderPool
from drafter.web.security import (
    OUTPUT_CSP,
    Guard,
    allowed_hosts,
    content_disposition,
    is_json,
)
from drafter.web.yamlfile import form_data, release_yaml

__all__ = [
    "MAX_LISTED",
    "Initial",
    "ServerSettings",
    "address",
    "create_app",
    "initial_from_file",
    "serve",
]

STATIC = Path(__file__).resolve().parent / "static"

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "yaml": "application/yaml; charset=utf-8",
}


Format = Literal["pdf", "docx", "html", "yaml"]
"""The formats /api/render gives."""


LIGHT_QUEUE = 64
"""The light requests (validation, check, HTML) that may wait for a thread: a few ms each."""

LIGHT_SECONDS = 1.0
"""The shortest time limit of a light request (the render's, if longer): they take ms."""


@dataclass(frozen=True)
class Initial:
    """What the form starts with: a release file's data and problems (`drafter serve FILE`)."""

    data: Any = None
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class ServerSettings:
    """How the server renders: workers, queue, time limit, and the Host names it answers."""

    workers: int | None = None
    queue_size: int | None = None
    timeout: float = 30.0
    hosts: Sequence[str] | None = None
    """Host header values accepted (None: any, for tests and behind a proxy)."""
    house: str | None = None
    """The house format every release is rendered in (None: each release's own house)."""
    archive: Path | None = None
    """The folder of release files the form offers to draft the next round from."""


def initial_from_file(path: Path) -> Initial:
    """The form's first content from a release file; a file that is not YAML raises."""
    from drafter.loading import read_source

    return _parsed(read_source(path))


def _parsed(source: Source) -> Initial:
    try:
        return Initial(form_data(validate_release(source)))
    except InputError as exc:
        return Initial(source.data, exc.problems)


router = APIRouter()

_RELEASE_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Release"}}},
    }
}
_YAML_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/yaml": {"schema": {"type": "string"}}},
    }
}


def create_app(initial: Initial | None = None, settings: ServerSettings | None = None) -> Guard:
    """The ASGI application (FastAPI wrapped in the Host/Origin/size guard)."""
    settings = settings or ServerSettings()
    pool = RenderPool(settings.workers, settings.queue_size, settings.timeout)
    offload = Offload(pool.size, LIGHT_QUEUE, max(settings.timeout, LIGHT_SECONDS))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(pool.start)
        try:
            yield
        finally:
            offload.close()
            await run_in_threadpool(pool.close)

    api = FastAPI(
        title="drafter",
        summary="Press releases in the house format from the facts of a round.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    api.state.pool = pool
    api.state.offload = offload
    api.state.house = settings.house
    api.state.initial = initial or Initial()
    api.state.archive = settings.archive
    api.include_router(router)
    api.include_router(form_router)
    api.mount("/static", StaticFiles(directory=STATIC), name="static")
    api.add_exception_handler(DrafterError, _drafter_error)  # type: ignore[arg-type]
    api.add_exception_handler(Busy, _busy)
    api.openapi = lambda: _openapi(api)  # type: ignore[method-assign]
    return Guard(api, settings.hosts)


@router.get("/", include_in_schema=False)
async def _form() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


@router.get("/api/schema", summary="The JSON Schema of a release")
async def _schema() -> dict[str, Any]:
    from drafter.json_schema import model_schema  # the form's: one form a field

    return model_schema()


@router.get("/api/initial", summary="The release the form starts with", response_model=Parsed)
async def _initial(request: Request) -> Parsed:
    start: Initial = request.app.state.initial
    return Parsed(data=start.data, problems=problems_out(start.problems))


@router.post(
    "/api/validate",
    summary="Check a release; every problem with its field",
    response_model=Problems,
    openapi_extra=_RELEASE_BODY,
)
async def _validate(request: Request) -> Problems:
    try:
        await _release_in(request)
    except InputError as exc:
        return Problems(valid=False, problems=problems_out(exc.problems))
    return Problems(valid=True, problems=[])


@router.post(
    "/api/check",
    summary="The house-style findings of a release (as drafter check)",
    response_model=Findings,
    responses=REFUSALS,
    openapi_extra=_RELEASE_BODY,
)
async def _check(request: Request, response: Response) -> Findings:
    found, total = await _off(request, _findings, await _json_body(request))
    response.headers["x-findings-total"] = str(total)  # more than listed, past MAX_LISTED
    return Findings(findings=[FindingOut(**finding) for finding in found])


def _findings(raw: bytes) -> tuple[list[dict[str, Any]], int]:
    """The first MAX_LISTED findings of the release in the JSON `raw`, and how many there are."""
    from drafter.style_check import check_release

    found = check_release(_release_from(raw))
    return [finding.as_dict() for finding in found[:MAX_LISTED]], len(found)


@router.post(
    "/api/parse",
    summary="Read a release file (YAML) into the form's data",
    response_model=Parsed,
    openapi_extra=_YAML_BODY,
)
async def _parse(request: Request) -> Parsed:
    start = await _off(request, _parsed_text, await request.body())
    return Parsed(data=start.data, problems=problems_out(start.problems))


def _parsed_text(raw: bytes) -> Initial:
    """A release file's bytes read for the form: its data and its problems."""
    try:
        return _parsed(parse_yaml(decode(raw)))
    except InputError as exc:
        return Initial(None, exc.problems)


@router.post(
    "/api/render",
    summary="The release as a file: PDF, DOCX, HTML or YAML",
    response_class=Response,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}, **REFUSALS},
    openapi_extra=_RELEASE_BODY,
)
async def _render_file(
    request: Request,
    fmt: Annotated[Format, Query(alias="format", description="The file's format.")] = "pdf",
    language: Annotated[
        str | None,
        Query(description="One of the release's languages (default: its own); not for YAML."),
    ] = None,
) -> Response:
    started = time.perf_counter()
    release = await _release_in(request)
    code = None if fmt == "yaml" else _language_code(release, language)
    name = f"{release.file_stem}.yaml" if code is None else f"{output_stem(release, code)}.{fmt}"
    content = await _render(request, release, fmt, request.app.state.house, code)
    elapsed = (time.perf_counter() - started) * 1000
    headers = {
        "content-disposition": content_disposition(name),
        "server-timing": f'render;dur={elapsed:.2f};desc="validation and rendering"',
    }
    if fmt == "html":
        headers["content-security-policy"] = OUTPUT_CSP
    return Response(content, media_type=MEDIA_TYPES[fmt], headers=headers)


async def _drafter_error(_: Request, exc: DrafterError) -> JSONResponse:
    return refusal(exc)


async def _busy(_: Request, exc: Exception) -> JSONResponse:
    del exc
    body = Refusal(detail="every render worker is busy; try again in a moment")
    return JSONResponse(body.model_dump(), status_code=503, headers={"retry-after": "1"})


async def _off(request: Request, function: Any, *args: Any) -> Any:  # noqa: ANN401
    """`function(*args)` off the event loop, with the render time limit (drafter.web.offload)."""
    offload: Offload = request.app.state.offload
    return await offload.run(function, *args)


async def _json_body(request: Request) -> bytes:
    """The body of a request that must be JSON (a 415 for any other type)."""
    if not is_json(request.headers.get("content-type")):
        sent = request.headers.get("content-type") or "no Content-Type"
        detail = f"send the release as JSON, with Content-Type: application/json (not {sent})"
        raise HTTPException(415, detail)
    return await request.body()


async def _release_in(request: Request) -> Release:
    """The validated release a request's JSON body holds (read off the event loop)."""
    release: Release = await _off(request, _release_from, await _json_body(request))
    return release


def _release_from(raw: bytes) -> Release:
    return _release(read_json(raw))


def _release(data: Any) -> Release:  # noqa: ANN401 - any JSON value
    return validate_release(data if isinstance(data, dict) else Source(data))


def _language_code(release: Release, language: str | None) -> str:
    """The code of the language asked for (a UsageError for one the release has not)."""
    code = (language or release.language).lower()
    require_languages(release, [code])
    return code


async def _render(
    request: Request, release: Release, fmt: str, house: str | None, language: str | None = None
) -> bytes:
    """The file in `language`: HTML and YAML here (off the loop), PDF and DOCX by a worker.

    The whole release goes to the renderer, as `drafter new` renders it, so the files are
    the same (a language version's page links its other languages).
    """
    if fmt == "html":
        page = partial(render, house=house, language=language)
        html: bytes = await _off(request, page, release, "html")
        return html
    if fmt == "yaml":
        text: str = await _off(request, release_yaml, release)
        return text.encode("utf-8")
    pool: RenderPool = request.app.state.pool
    pool.admit()
    outputs = await run_in_threadpool(pool.render, release, [fmt], house, language)
    return outputs[fmt]


def _openapi(api: FastAPI) -> dict[str, Any]:
    """The OpenAPI description, with the release's JSON Schema as the request body."""
    if api.openapi_schema:
        return api.openapi_schema
    described = get_openapi(title=api.title, version=_version(), routes=api.routes)
    release = Release.model_json_schema(ref_template="#/components/schemas/{model}")
    components = described.setdefault("components", {}).setdefault("schemas", {})
    components.update(release.pop("$defs", {}))
    components["Release"] = release
    api.openapi_schema = described
    return described


def _version() -> str:
    from drafter import __version__

    return str(__version__)


def address(host: str, port: int) -> str:
    """The form's address for a host and port."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve(
    initial: Initial,
    host: str,
    port: int,
    *,
    timeout: float = 30.0,
    house: str | None = None,
    archive: Path | None = None,
) -> None:
    """Run the server until Ctrl-C, answering to loopback names and `host` only.

    `house` renders every release in that house (a name or folder); by default each
    release's own. `archive` is the folder the form offers to draft the next round from.
    """
    import uvicorn

    from drafter.web.deadline import server_config

    hosts = sorted(allowed_hosts(host, port))
    settings = ServerSettings(timeout=timeout, hosts=hosts, house=house, archive=archive)
    uvicorn.Server(server_config(create_app(initial, settings), host, port)).run()
