"""The guided form's routes: the archive, the next round's draft, the generated sentences."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clirun import Cap, run
from textutil import REFERENCE_YAML
from webutil import TestClient

import drafter
from drafter.web.app import ServerSettings, create_app
from drafter.web.yamlfile import form_data

EXAMPLES = REFERENCE_YAML.parent


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    for name in ("eu-russia-2011-12-01.yaml", "eu-russia-2012-07-24.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    (folder / "notes.yaml").write_text("just: notes\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def client(archive: Path) -> Iterator[TestClient]:
    settings = ServerSettings(workers=1, archive=archive)
    with TestClient(create_app(settings=settings)) as started:
        yield started


def test_the_archive_lists_its_valid_releases_newest_first(client: TestClient) -> None:
    listed = client.get("/api/archive").json()
    assert [entry["file"] for entry in listed] == [
        "eu-russia-2012-07-24.yaml",
        "eu-russia-2011-12-01.yaml",
    ]
    first = listed[0]
    assert first["round"] == 15 and first["reference"] == "A 350/12"
    assert first["title"] == "The EU and Russia hold human rights consultations"


def test_no_archive_lists_nothing() -> None:
    with TestClient(create_app(settings=ServerSettings(workers=1))) as plain:
        assert plain.get("/api/archive").json() == []
        assert plain.post("/api/next?file=x.yaml").status_code == 404


def test_next_drafts_the_round_after_an_archive_release(client: TestClient) -> None:
    answer = client.post("/api/next?file=eu-russia-2012-07-24.yaml&date=2012-12-06")
    assert answer.status_code == 200
    data = answer.json()["data"]
    assert data["meeting"]["round"] == "16" or data["meeting"]["round"] == 16
    assert data["date"] == "2012-12-06"
    assert data["previous_rounds"][0]["date"] == "2012-07-20"
    assert "translations" not in data
    fields = {problem["field"] for problem in answer.json()["problems"]}
    assert "meeting.date" in fields  # a placeholder to fill in, named as a problem


@pytest.mark.parametrize("name", ["../eu-russia-2012-07-24.yaml", "/etc/passwd", "notes.yaml"])
def test_next_takes_only_a_file_the_archive_lists(client: TestClient, name: str) -> None:
    assert client.post("/api/next", params={"file": name}).status_code == 404


def test_the_sentences_are_the_houses_whatever_the_overrides(client: TestClient) -> None:
    data: dict[str, Any] = form_data(drafter.load_release(REFERENCE_YAML))
    data["meeting"]["opening"] = "My own opening."
    data["title"] = "My own title"
    sentences = client.post("/api/sentences", json=data).json()
    assert sentences["title"] == "The EU and Russia hold human rights consultations"
    assert sentences["opening"].startswith("On 20 July 2012, the European Union and the Russian")
    assert "fifteenth round" in sentences["opening"]
    assert sentences["civil_society"].endswith("international NGOs in Brussels on 19 June.")
    assert sentences["next_round"] == (
        "The next round of EU-Russia human rights consultations should take place in autumn 2012."
    )
    assert sentences["previous_heading"] == "Previous Human Rights Consultations:"


def test_the_sentences_of_an_invalid_release_are_its_problems(client: TestClient) -> None:
    answer = client.post("/api/sentences", json={"issuer": "European Union"})
    assert answer.status_code == 422
    assert answer.json()["problems"]


def test_the_sentences_of_a_release_still_to_fill_in(client: TestClient) -> None:
    """The opening sentence as soon as the meeting's facts are complete, the body not yet."""
    draft = client.post("/api/next?file=eu-russia-2012-07-24.yaml").json()["data"]
    draft["meeting"]["date"] = "2012-11-29"
    sentences = client.post("/api/sentences", json=draft).json()
    assert sentences["opening"].startswith("On 29 November 2012, the European Union")
    assert sentences["civil_society"] is None  # its meeting is still to fill in
    draft["meeting"]["round"] = "sixteen"
    assert client.post("/api/sentences", json=draft).status_code == 422


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([str(REFERENCE_YAML)], EXAMPLES),  # the folder of the file the form starts with
        (["--archive", str(EXAMPLES / "eeas-web")], EXAMPLES / "eeas-web"),
        ([], None),
    ],
)
def test_serve_offers_the_archive_of_the_file_or_the_one_named(
    capsys: Cap, monkeypatch: pytest.MonkeyPatch, args: list[str], expected: Path | None
) -> None:
    import drafter.web.app

    asked: dict[str, Any] = {}
    monkeypatch.setattr(drafter.web.app, "serve", lambda *_, **options: asked.update(options))
    code, out, _ = run(capsys, "serve", *args)
    assert code == 0 and "the form is at" in out
    assert asked["archive"] == expected
