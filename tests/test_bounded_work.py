"""Bounded work (issue 18): the server's light work off its loop, capped answers, the JSON
API's limits, slow clients cut, workers capped to the cores, templates of bounded output."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from textutil import REPO
from webutil import TestClient, free_port

import drafter
from drafter.batch import build, default_jobs
from drafter.errors import LimitError, TemplateError
from drafter.web import app as web_app
from drafter.web.app import ServerSettings, create_app
from drafter.web.deadline import server_config
from drafter.web.offload import Offload
from drafter.web.pool import Busy, RenderPool, RenderTimeout
from drafter.web.yamlfile import form_data

RUSSIA = REPO / "examples" / "eu-russia-2012-07-24.yaml"
DEADLINE = 60.0


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(settings=ServerSettings(workers=1, queue_size=2))) as test:
        yield test


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    return form_data(drafter.load_release(RUSSIA))


# --- off the event loop, capped -----------------------------------------------------------


def test_validation_runs_off_the_event_loop(
    client: TestClient, reference: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    original = web_app._release

    def spy(data: Any) -> Any:
        threads.append(threading.current_thread().name)
        return original(data)

    monkeypatch.setattr(web_app, "_release", spy)
    for path in ("/api/validate", "/api/check", "/api/render?format=html"):
        assert client.post(path, json=reference).status_code == 200
    assert len(threads) == 3
    assert all(name.startswith("drafter-light") for name in threads), threads


def test_a_job_past_the_time_limit_is_stopped_and_frees_its_thread() -> None:
    offload = Offload(threads=1, queue_size=0, timeout=0.2)
    stop = threading.Event()

    def forever() -> None:
        while not stop.is_set():
            pass

    async def main() -> None:
        with pytest.raises(RenderTimeout):
            await offload.run(forever)

    try:
        asyncio.run(main())
        end = time.monotonic() + DEADLINE
        while offload._pending and time.monotonic() < end:
            time.sleep(0.05)
        assert offload._pending == 0  # the thread was stopped, not left spinning
        assert asyncio.run(offload.run(sum, [1, 2])) == 3
    finally:
        stop.set()
        offload.close()


def test_a_full_offload_is_busy() -> None:
    offload = Offload(threads=1, queue_size=0, timeout=30)
    started, release = threading.Event(), threading.Event()

    def wait() -> None:
        started.set()
        release.wait(DEADLINE)

    async def main() -> None:
        first = asyncio.ensure_future(offload.run(wait))
        while not started.is_set():
            await asyncio.sleep(0.01)
        with pytest.raises(Busy):
            await offload.run(sum, [1])
        release.set()
        await first

    try:
        asyncio.run(main())
    finally:
        offload.close()


def test_check_lists_at_most_max_listed_findings(
    client: TestClient, reference: dict[str, Any]
) -> None:
    body = dict(reference)
    body["body"] = ["The EU color behavior center program gray honor labor theater."] * 100
    answer = client.post("/api/check", json=body)
    assert answer.status_code == 200, answer.text
    findings = answer.json()["findings"]
    total = int(answer.headers["x-findings-total"])
    assert total > web_app.MAX_LISTED
    assert len(findings) == web_app.MAX_LISTED


# --- the JSON API's limits are the YAML file's ----------------------------------------------


def test_a_json_body_of_more_values_than_a_yaml_file_may_hold_is_refused(
    client: TestClient, reference: dict[str, Any]
) -> None:
    body = dict(reference, extra=["x"] * 100_001)
    answer = client.post("/api/validate", json=body)
    assert answer.status_code == 413
    assert "100,000 values" in answer.json()["detail"]


def test_a_json_body_nested_deeper_than_a_yaml_file_may_be_is_refused(
    client: TestClient, reference: dict[str, Any]
) -> None:
    deep: Any = "x"
    for _ in range(40):
        deep = [deep]
    answer = client.post("/api/validate", json=dict(reference, extra=deep))
    assert answer.status_code == 413
    assert "levels deep" in answer.json()["detail"]


# --- slow clients ------------------------------------------------------------------------------


@contextmanager
def deadline_server(read_seconds: float) -> Iterator[int]:
    port = free_port()
    app = create_app(settings=ServerSettings(workers=1, queue_size=1))
    server = uvicorn.Server(server_config(app, "127.0.0.1", port, read_seconds=read_seconds))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    end = time.monotonic() + DEADLINE
    while not server.started:
        assert thread.is_alive() and time.monotonic() < end, "the server did not start"
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(30)


def dripped_until_cut(port: int, head: bytes, drip: bytes) -> bool:
    """Send `head`, then `drip` a byte every 0.1 s; whether the server hung up meanwhile."""
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.sendall(head)
        connection.settimeout(0.1)
        end = time.monotonic() + DEADLINE
        for byte in drip:
            if time.monotonic() > end:
                return False
            try:
                connection.sendall(bytes([byte]))
                if connection.recv(65536) == b"":
                    return True
            except TimeoutError:
                continue
            except OSError:
                return True
    return False


def test_slow_headers_and_a_slow_body_are_cut_off() -> None:
    with deadline_server(read_seconds=1.0) as port:
        assert dripped_until_cut(port, b"GET /api/schema HTTP/1.1\r\n", b"X-Slow: y" * 200)
        head = (
            b"POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
        )
        assert dripped_until_cut(port, head, b" " * 5000)
        with socket.create_connection(("127.0.0.1", port)) as quick:  # a brisk client is served
            quick.sendall(b"GET /api/schema HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert quick.recv(64).startswith(b"HTTP/1.1 200")


# --- workers capped to the cores ---------------------------------------------------------


def test_jobs_are_capped_to_the_cores(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    text = RUSSIA.read_text(encoding="utf-8").split("\ntranslations:")[0]
    for number in range(default_jobs() + 2):
        copy = text.replace("A 350/12", f"A {500 + number}/12")
        (folder / f"r{number}.yaml").write_text(copy + "\n", encoding="utf-8")
    report = build(folder, tmp_path / "out", ["html"], jobs=64)
    assert report.exit_status == 0
    assert report.jobs == default_jobs()
    assert RenderPool(workers=64).size == len(os.sched_getaffinity(0))


# --- templates of bounded output ------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'x' * 1000000000 }}",
        "{{ 'x' | center(1000000000) }}",
        "{{ 'x'.ljust(1000000000) }}",
        "{{ 10 ** 100000000 }}",
    ],
)
def test_a_template_cannot_make_a_huge_value(tmp_path: Path, source: str) -> None:
    user = tmp_path / "user"
    (user / "fonts").mkdir(parents=True)
    (user / "release.html.j2").write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError, match="may not"):
        drafter.render(drafter.load_release(RUSSIA), "html", templates=user)


def test_a_template_output_is_bounded(tmp_path: Path) -> None:
    user = tmp_path / "user"
    (user / "fonts").mkdir(parents=True)
    loop = "{% for i in range(100000) %}{% for j in range(100) %}xxxxxxxxxx{% endfor %}{% endfor %}"
    (user / "release.html.j2").write_text(loop, encoding="utf-8")
    with pytest.raises(LimitError, match="more than"):
        drafter.render(drafter.load_release(RUSSIA), "html", templates=user)
