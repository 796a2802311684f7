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
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from drafter.errors import DrafterError, InputError, LimitError, Problem, UsageError
from drafter.loading import validate_release
from drafter.rendering import output_stem, render, require_languages
from drafter.schema import Release
from drafter.source import Source, decode, parse_yaml
from drafter.web.form import router as form_router
from drafter.web.jsonbody import read_json
from drafter.web.offload import Offload
from drafter.web.pool import Busy, RenderPool, RenderTimeout
from drafter.web.security import (
    OUTPUT_CSP,
    Guard,
    allowed_hosts,
    content_disposition,
    is_json,
)
from drafter.web.yamlfile import form_data, release_yaml

__all__ = [
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


class ProblemOut(BaseModel):
    """One thing wrong with a release: the field's path and what is wrong."""

    field: str
    message: str
    line: int | None = None
    column: int | None = None


class Problems(BaseModel):
    """The problems of a release (none when it is valid)."""

    valid: bool
    problems: list[ProblemOut]


class FindingOut(BaseModel):
    """One departure from the house style: rule, level, field, message and suggestion."""

    rule: str
    level: Literal["error", "warning"]
    message: str
    field: str
    line: int | None = None
    suggestion: str


class Findings(BaseModel):
    """The house-style findings of a valid release (`drafter check`), errors first."""

    findings: list[FindingOut]


LIGHT_QUEUE = 64
"""The light requests (validation, check, HTML) that may wait for a thread: a few ms each."""

LIGHT_SECONDS = 1.0
"""The shortest time limit of a light request (the render's, if longer): they take ms."""

MAX_LISTED = 200
"""The most findings or problems an answer lists (a crafted release could give millions);
/api/check gives the number found in its X-Findings-Total header."""


class Parsed(BaseModel):
    """A release file read for the form: its data (None if unreadable) and its problems."""

    data: Any
    problems: list[ProblemOut]


class Refusal(BaseModel):
    """Why a request was refused; `problems` for an invalid release."""

    detail: str
    problems: list[ProblemOut] = []


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

_REFUSALS: dict[int | str, dict[str, Any]] = {
    413: {"model": Refusal, "description": "The body is over 1 MiB."},
    415: {"model": Refusal, "description": "The body is not sent as application/json."},
    422: {"model": Refusal, "description": "The release is invalid: every problem."},
    503: {"model": Refusal, "description": "Every worker is busy; try again."},
    504: {"model": Refusal, "description": "Rendering took longer than the time limit."},
}
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
    return Parsed(data=start.data, problems=_problems_out(start.problems))


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
        return Problems(valid=False, problems=_problems_out(exc.problems))
    return Problems(valid=True, problems=[])


@router.post(
    "/api/check",
    summary="The house-style findings of a release (as drafter check)",
    response_model=Findings,
    responses=_REFUSALS,
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
    return Parsed(data=start.data, problems=_problems_out(start.problems))


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
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}, **_REFUSALS},
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
    name = f"{release.file_stem}.yaml"
    if fmt != "yaml":
        name = f"{output_stem(release, language and language.lower())}.{fmt}"
        release = _in_language(release, language)
    content = await _render(request, release, fmt, request.app.state.house)
    elapsed = (time.perf_counter() - started) * 1000
    headers = {
        "content-disposition": content_disposition(name),
        "server-timing": f'render;dur={elapsed:.2f};desc="validation and rendering"',
    }
    if fmt == "html":
        headers["content-security-policy"] = OUTPUT_CSP
    return Response(content, media_type=MEDIA_TYPES[fmt], headers=headers)


async def _drafter_error(_: Request, exc: DrafterError) -> JSONResponse:
    return _refusal(exc)


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


def _in_language(release: Release, language: str | None) -> Release:
    """The release's version in `language` (a UsageError for one it has not)."""
    from drafter.languages import language_version

    code = (language or release.language).lower()
    require_languages(release, [code])
    local = release.translations or release.language != "en"  # the EU's names in it
    return language_version(release, code) if local else release


async def _render(request: Request, release: Release, fmt: str, house: str | None) -> bytes:
    """The file: HTML and YAML here (off the loop), PDF and DOCX by a worker."""
    if fmt == "html":
        html: bytes = await _off(request, partial(render, house=house), release, "html")
        return html
    if fmt == "yaml":
        text: str = await _off(request, release_yaml, release)
        return text.encode("utf-8")
    pool: RenderPool = request.app.state.pool
    pool.admit()
    outputs = await run_in_threadpool(pool.render, release, [fmt], house)
    return outputs[fmt]


def _problems_out(problems: Sequence[Problem]) -> list[ProblemOut]:
    return [ProblemOut(**asdict(problem)) for problem in problems[:MAX_LISTED]]


def _refusal(exc: DrafterError) -> JSONResponse:
    if isinstance(exc, InputError):
        count = len(exc.problems)
        detail = f"the release has {count} problem{'' if count == 1 else 's'}"
        body = Refusal(detail=detail, problems=_problems_out(exc.problems))
        return JSONResponse(body.model_dump(), status_code=422)
    status = 400 if isinstance(exc, UsageError) else 500
    if isinstance(exc, LimitError):
        status = 504 if isinstance(exc, RenderTimeout) else 413
    return JSONResponse(Refusal(detail=str(exc)).model_dump(), status_code=status)


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
