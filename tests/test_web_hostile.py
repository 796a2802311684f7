"""Hostile and broken requests to the HTTP API: wrong content types, odd bodies.

Each gets a clear refusal with a 4xx status and a `detail` saying what to send; never a 500.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from textutil import REFERENCE_YAML
from webutil import TestClient

import drafter
from drafter.web.app import ServerSettings, create_app
from drafter.web.yamlfile import form_data

JSON_ENDPOINTS = ["/api/validate", "/api/check", "/api/render?format=html"]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(settings=ServerSettings(workers=1))) as started:
        yield started


@pytest.fixture(scope="module")
def body() -> bytes:
    data: dict[str, Any] = form_data(drafter.load_release(REFERENCE_YAML))
    return json.dumps(data).encode("utf-8")


@pytest.mark.parametrize("url", JSON_ENDPOINTS)
@pytest.mark.parametrize(
    "kind",
    [
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/yaml",
        "application/jsonp",
        "",
        None,
    ],
)
def test_json_endpoints_refuse_a_body_that_is_not_sent_as_json(
    client: TestClient, body: bytes, url: str, kind: str | None
) -> None:
    headers = {} if kind is None else {"content-type": kind}
    response = client.post(url, content=body, headers=headers)
    assert response.status_code == 415, response.text
    assert "application/json" in response.json()["detail"]


@pytest.mark.parametrize("url", JSON_ENDPOINTS)
@pytest.mark.parametrize(
    "kind",
    ["application/json", "application/json; charset=utf-8", "Application/JSON ;charset=UTF-8"],
)
def test_json_endpoints_take_json_with_or_without_a_charset(
    client: TestClient, body: bytes, url: str, kind: str
) -> None:
    response = client.post(url, content=body, headers={"content-type": kind})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("kind", ["application/yaml", "text/yaml", "text/plain", None])
def test_parse_takes_yaml_text_as_the_form_and_curl_send_it(
    client: TestClient, kind: str | None
) -> None:
    headers = {} if kind is None else {"content-type": kind}
    response = client.post("/api/parse", content=REFERENCE_YAML.read_bytes(), headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["problems"] == []


# --- JSON values are read as a YAML file's are: text, typed by the schema --------------------


def _with(body: bytes, path: str, value: object) -> bytes:
    data = json.loads(body)
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[part]
    target[last] = value
    return json.dumps(data).encode("utf-8")


def _validate(client: TestClient, content: bytes) -> dict[str, Any]:
    response = client.post("/api/validate", content=content, headers=JSON)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        ("meeting.round", True, "whole number"),
        ("meeting.round", 15.5, "whole number"),
        ("date", 20120724, "YYYY-MM-DD"),
        ("counterpart_first", 2, "true or false"),
    ],
)
def test_json_values_of_the_wrong_type_are_refused_as_in_yaml(
    client: TestClient, body: bytes, path: str, value: object, said: str
) -> None:
    answer = _validate(client, _with(body, path, value))
    assert answer["valid"] is False
    assert [p["field"] for p in answer["problems"]] == [path]
    assert said in answer["problems"][0]["message"]


@pytest.mark.parametrize(
    ("path", "value"), [("meeting.round", 15), ("counterpart_first", False), ("place", 5)]
)
def test_json_numbers_and_booleans_where_the_schema_takes_them_are_read(
    client: TestClient, body: bytes, path: str, value: object
) -> None:
    assert _validate(client, _with(body, path, value)) == {"valid": True, "problems": []}


def test_a_json_key_given_twice_is_refused_naming_it(client: TestClient, body: bytes) -> None:
    doubled = body.replace(b'"place": ', b'"place": "Paris", "place": ', 1)
    answer = _validate(client, doubled)
    assert answer["valid"] is False
    assert any("`place` is given twice" in p["message"] for p in answer["problems"])


def test_a_server_with_an_endless_time_limit_renders(body: bytes) -> None:
    settings = ServerSettings(workers=1, timeout=float("inf"))
    with TestClient(create_app(settings=settings)) as endless:
        response = endless.post("/api/render?format=docx", content=body, headers=JSON)
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"PK")
