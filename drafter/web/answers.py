"""The HTTP API's answers: problems, findings, a file read for the form, refusals.

Each is a Pydantic model (so the OpenAPI description shows it); `refusal` turns the error
that stopped a request into its answer and status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, Literal

from fastapi.responses import JSONResponse
from pydantic import BaseModel

from drafter.errors import DrafterError, InputError, LimitError, Problem, UsageError
from drafter.web.pool import RenderTimeout

__all__ = [
    "MAX_LISTED",
    "REFUSALS",
    "FindingOut",
    "Findings",
    "Parsed",
    "ProblemOut",
    "Problems",
    "Refusal",
    "problems_out",
    "refusal",
]

MAX_LISTED = 200
"""The most findings or problems an answer lists (a crafted release could give millions);
/api/check gives the number found in its X-Findings-Total header."""


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


class Parsed(BaseModel):
    """A release file read for the form: its data (None if unreadable) and its problems."""

    data: Any
    problems: list[ProblemOut]


class Refusal(BaseModel):
    """Why a request was refused; `problems` for an invalid release."""

    detail: str
    problems: list[ProblemOut] = []


REFUSALS: dict[int | str, dict[str, Any]] = {
    413: {"model": Refusal, "description": "The body is over 1 MiB."},
    415: {"model": Refusal, "description": "The body is not sent as application/json."},
    422: {"model": Refusal, "description": "The release is invalid: every problem."},
    503: {"model": Refusal, "description": "Every worker is busy; try again."},
    504: {"model": Refusal, "description": "Rendering took longer than the time limit."},
}


def problems_out(problems: Sequence[Problem]) -> list[ProblemOut]:
    """The first MAX_LISTED problems as the API gives them."""
    return [ProblemOut(**asdict(problem)) for problem in problems[:MAX_LISTED]]


def refusal(exc: DrafterError) -> JSONResponse:
    """The answer to a request an error stopped: 422 for an invalid release, 413, 504, 400."""
    if isinstance(exc, InputError):
        count = len(exc.problems)
        detail = f"the release has {count} problem{'' if count == 1 else 's'}"
        body = Refusal(detail=detail, problems=problems_out(exc.problems))
        return JSONResponse(body.model_dump(), status_code=422)
    status = 400 if isinstance(exc, UsageError) else 500
    if isinstance(exc, LimitError):
        status = 504 if isinstance(exc, RenderTimeout) else 413
    return JSONResponse(Refusal(detail=str(exc)).model_dump(), status_code=status)
