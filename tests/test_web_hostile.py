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
