"""The documentation's examples run as written: the Python API example and the HTTP API's."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textutil import REFERENCE_YAML
from webutil import TestClient

import drafter
from drafter.web.app import ServerSettings, create_app

REPO = Path(__file__).resolve().parents[1]
PLAIN_DATA = '{"issuer": "European Union", ...}'


def _block(page: str, after: str, language: str = "") -> str:
    """The first fenced block of `language` in `page` after the text `after`."""
    text = (REPO / page).read_text(encoding="utf-8")
    start = text.index(after)
    found = re.search(rf"^```{language}\n(.*?)^```$", text[start:], re.MULTILINE | re.DOTALL)
    assert found is not None, f"no {language or 'plain'} block after {after!r} in {page}"
    return found.group(1)


@pytest.mark.parametrize(
    ("page", "after"),
    [("README.md", "## Python API"), ("docs/reference/python.md", "# Python API")],
)
def test_the_python_api_example_runs_as_written(
    page: str, after: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = _block(page, after, "python")
    assert PLAIN_DATA in code  # the one elision, filled in with the example's data
    shutil.copy(REFERENCE_YAML, tmp_path / "round.yaml")
    monkeypatch.chdir(tmp_path)
    data = drafter.load_release(REFERENCE_YAML).model_dump(mode="json", exclude_none=True)
    names: dict[str, Any] = {"PLAIN_DATA": data}
    exec(compile(code.replace(PLAIN_DATA, "PLAIN_DATA"), page, "exec"), names)
    release = names["release"]
    assert isinstance(release, drafter.Release)
    assert names["pdf"].startswith(b"%PDF") and names["french"].startswith(b"%PDF")
    assert names["french"] != names["pdf"]
    assert set(names["outputs"]) == set(drafter.FORMATS)
    assert names["version"].language == "fr"
    assert names["paths"], "write_release returned no path"
    assert all((tmp_path / path).is_file() for path in names["paths"])


def _curl(command: str) -> tuple[str, str, dict[str, str], str]:
    """The method, URL, headers and `@file` of a curl command line as the page writes it."""
    words = shlex.split(command.replace("\\\n", " "), comments=True)
    assert words[0] == "curl"
    headers, data, url, method = {}, "", "", "GET"
    pairs = iter(words[1:])
    for word in pairs:
        if word == "-H":
            key, _, value = next(pairs).partition(":")
            headers[key.strip()] = value.strip()
        elif word in ("--data", "--data-binary"):
            data, method = next(pairs).removeprefix("@"), "POST"
        elif word == "-X":
            method = next(pairs)
        elif word == "-o":
            next(pairs)
        elif word.startswith("http"):
            url = word
    return method, url, headers, data


def _commands(block: str) -> list[str]:
    """The curl commands of a block, each joined from its continued lines."""
    joined = block.replace("\\\n", " ")
    return [line for line in joined.splitlines() if line.startswith("curl ")]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = create_app(settings=ServerSettings(workers=1, hosts=["127.0.0.1:8000"]))
    with TestClient(app, base_url="http://127.0.0.1:8000") as started:
        yield started


def test_the_readme_http_example_parses_then_renders_the_named_file(
    client: TestClient, tmp_path: Path
) -> None:
    block = _block("README.md", "| `GET /api/schema`, `GET /openapi.json` |")
    parse, render = _commands(block)
    method, url, headers, data = _curl(parse)
    example = REPO / data
    answer = client.request(method, url, headers=headers, content=example.read_bytes())
    assert answer.status_code == 200
    (tmp_path / "release.json").write_text(json.dumps(answer.json()["data"]), encoding="utf-8")
    method, url, headers, data = _curl(render)
    answer = client.request(method, url, headers=headers, content=(tmp_path / data).read_bytes())
    named = re.search(r"# writes (\S+)", render)
    assert named is not None
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == f'attachment; filename="{named.group(1)}"'
    assert answer.content.startswith(b"%PDF")


def test_the_http_reference_refuses_a_language_as_it_shows(client: TestClient) -> None:
    block = _block("docs/reference/http.md", "A language the release has not:")
    command, shown = block.splitlines()[-3:-1], block.splitlines()[-1]
    method, url, headers, _ = _curl("\n".join(command))
    data = drafter.load_release(REFERENCE_YAML).model_dump(mode="json", exclude_none=True)
    data["translations"] = {"fr": data["translations"]["fr"]}  # a release in en and fr
    answer = client.request(method, url, headers=headers, content=json.dumps(data))
    assert answer.status_code == 400
    assert answer.json() == json.loads(shown)
