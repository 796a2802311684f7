"""The guided form's own routes: the archive to start from, the next round's draft, the sentences.

- `GET /api/archive`: the releases of the archive folder (`drafter serve --archive`), newest
  first, each with its file name, date, round, reference and title.
- `POST /api/next?file=NAME[&date=YYYY-MM-DD]`: the draft of the round after that release,
  as `drafter next` makes it, read into the form's data (its placeholders are problems).
- `POST /api/sentences`: the sentences the house writes from the facts (title, opening,
  civil-society and next-round paragraphs, previous-rounds heading), whatever overrides
  the release gives, so the form can show them beside the facts and the officer's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from drafter.errors import InputError
from drafter.schema import Release
from drafter.source import parse_yaml

__all__ = ["ArchiveEntry", "Sentences", "generated_sentences", "router"]

router = APIRouter()


class ArchiveEntry(BaseModel):
    """One release of the archive, as the form lists it to start the next round from."""

    file: str
    date: str
    meeting_date: str
    round: int | None
    reference: str | None
    title: str


class Sentences(BaseModel):
    """The sentences the house writes from the facts (None: the release has no such part)."""

    title: str | None = None
    opening: str | None = None
    civil_society: str | None = None
    next_round: str | None = None
    previous_heading: str | None = None


def _archive_folder(request: Request) -> Path | None:
    folder: Path | None = request.app.state.archive
    return folder


def archive_entries(folder: Path) -> list[ArchiveEntry]:
    """The valid releases of `folder`, newest first (by the talks' date, then round)."""
    from drafter.series import read_archive, release_title

    entries = sorted(
        read_archive(folder).entries,
        key=lambda e: (e.release.meeting.date, e.release.meeting.round or 0),
        reverse=True,
    )
    return [
        ArchiveEntry(
            file=entry.path.name,
            date=entry.release.date.isoformat(),
            meeting_date=entry.release.meeting.date.isoformat(),
            round=entry.release.meeting.round,
            reference=str(entry.release.reference) if entry.release.reference else None,
            title=release_title(entry.release),
        )
        for entry in entries
    ]


@router.get(
    "/api/archive",
    summary="The releases of the archive folder, to start the next round from",
    response_model=list[ArchiveEntry],
)
async def _archive(request: Request) -> list[ArchiveEntry]:
    folder = _archive_folder(request)
    if folder is None:
        return []
    return await run_in_threadpool(archive_entries, folder)


@router.post(
    "/api/next",
    summary="The draft of the round after an archive release (as drafter next)",
)
async def _next(
    request: Request,
    file: Annotated[str, Query(description="The file name, as /api/archive lists it.")],
    day: Annotated[
        str | None, Query(alias="date", description="The new release's date, YYYY-MM-DD.")
    ] = None,
) -> dict[str, Any]:
    from drafter.next_round import draft_next, parse_day
    from drafter.web.app import _parsed, _problems_out

    folder = _archive_folder(request)
    listed = await run_in_threadpool(archive_entries, folder) if folder else []
    if folder is None or file not in {entry.file for entry in listed}:  # never a path
        raise HTTPException(404, f"the archive holds no release file named {file!r}")
    release_date = parse_day(day) if day else None
    draft = await run_in_threadpool(draft_next, folder / file, release_date=release_date)
    start = _parsed(parse_yaml(draft.text))
    return {"data": start.data, "problems": [p.model_dump() for p in _problems_out(start.problems)]}


@router.post(
    "/api/sentences",
    summary="The sentences the house writes from the facts, overrides aside",
    response_model=Sentences,
)
async def _sentences(request: Request) -> Sentences:
    from drafter.web.app import _json_body, _off

    raw = await _json_body(request)
    sentences: Sentences = await _off(request, _sentences_of, raw, request.app.state.house)
    return sentences  # made off the event loop, with the render time limit


def _sentences_of(raw: bytes, house: str | None) -> Sentences:
    """The sentences of a JSON body, read within a release file's limits."""
    from drafter.web.jsonbody import read_json

    return generated_sentences(sentence_facts(read_json(raw)), house)


# What the sentences are written from: a release wanting one of these has none.
_FACTS = frozenset({"language", "issuer", "place", "counterpart", "meeting", "eu", "house"})


def sentence_facts(data: Any) -> Release:  # noqa: ANN401 - any JSON value
    """The release, less its parts still to fill in, for the sentences drafter writes.

    Parts with problems that no sentence is written from (the body, contacts, a placeholder
    date of issue) are left out, so the opening sentence shows as soon as the meeting's facts
    are complete. Problems with the facts themselves raise the InputError.
    """
    from drafter.web.app import _release

    for _ in range(4):
        try:
            return _release(data)
        except InputError as exc:
            if not isinstance(data, dict):
                raise
            keys = {_top(problem.field) for problem in exc.problems}
            if keys & _FACTS or "" in keys:
                raise
            data = {key: value for key, value in data.items() if key not in keys}
            if "date" in keys:  # the day of issue is in no sentence: any valid day will do
                data["date"] = (data.get("meeting") or {}).get("date")
    return _release(data)


def _top(path: str | None) -> str:
    return (path or "").split(".")[0].split("[")[0]


def generated_sentences(release: Release, house: str | None = None) -> Sentences:
    """What the house writes from the facts, with every override and free text left out."""
    from drafter.rendering import render
    from drafter.structure import class_text, parse_document

    meeting = release.meeting.model_copy(update={"opening": None})
    update: dict[str, Any] = {
        "title": None,
        "meeting": meeting,
        "body": [],
        "previous_rounds_heading": None,
        "status": "draft",
        "translations": {},
    }
    if release.civil_society:
        update["civil_society"] = release.civil_society.model_copy(update={"sentence": None})
    if release.next_round:
        update["next_round"] = release.next_round.model_copy(
            update={"sentence": None, "remark": None}
        )
    bare = release.model_copy(update=update)
    try:
        html = render(bare, "html", house=house).decode("utf-8")
    except InputError:
        return Sentences()
    blocks = parse_document(html).blocks
    return Sentences(
        title=class_text(blocks, "title"),
        opening=class_text(blocks, "body-text"),
        civil_society=class_text(blocks, "civil-society"),
        next_round=class_text(blocks, "next-round"),
        previous_heading=class_text(blocks, "previous-heading"),
    )
