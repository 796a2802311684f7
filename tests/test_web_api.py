"""The HTTP API of `drafter serve`: formats, names, problems, limits and the guards."""

from __future__ import annotations

import asyncio
import io
import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import docx
import httpx
import pytest
from clirun import run
from hypothesis import given
from hypothesis import strategies as st
from textutil import REFERENCE_YAML, docx_text, html_text, normalise, pdf_text
from webutil import TestClient, free_port, live_server, pool_of

import drafter
from drafter.loading import read_source
from drafter.web.app import Initial, ServerSettings, create_app, initial_from_file
from drafter.web.security import MAX_BODY, allowed_hosts, content_disposition
from drafter.web.yamlfile import form_data

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "yaml": "application/yaml; charset=utf-8",
}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(settings=ServerSettings(workers=1))) as started:
        yield started


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    return form_data(drafter.load_release(REFERENCE_YAML))


def _with(data: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """A deep copy of `data` with the value at a dotted path (`contacts.people.0.email`)."""
    copy: dict[str, Any] = json.loads(json.dumps(data))
    *parents, last = path.split(".")
    target: Any = copy
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value
    return copy


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "yaml"])
def test_render_gives_the_file_with_its_type_and_name(
    client: TestClient, reference: dict[str, Any], fmt: str
) -> None:
    response = client.post(f"/api/render?format={fmt}", json=reference)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == MEDIA[fmt]
    name = "2012-07-24_A-350-12" + f".{fmt}"
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert response.headers["server-timing"].startswith("render;dur=")
    release = drafter.load_release(REFERENCE_YAML)
    if fmt == "yaml":
        assert drafter.load_release(response.content) == release
    else:
        assert response.content == drafter.render(release, fmt)


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_render_gives_the_language_asked_for(
    client: TestClient, reference: dict[str, Any], fmt: str
) -> None:
    response = client.post(f"/api/render?format={fmt}&language=fr", json=reference)
    assert response.status_code == 200, response.text
    name = response.headers["content-disposition"]
    assert name == f'attachment; filename="2012-07-24_A-350-12_FR.{fmt}"'
    release = drafter.load_release(REFERENCE_YAML)
    assert response.content == drafter.render(release, fmt, language="fr")
    assert response.content != drafter.render(release, fmt)


def test_render_refuses_a_language_the_release_has_not(
    client: TestClient, reference: dict[str, Any]
) -> None:
    response = client.post("/api/render?format=html&language=it", json=reference)
    assert response.status_code == 400
    assert "no version in it (it has: en, fr, de, bg)" in response.json()["detail"]


def test_check_gives_the_house_style_findings(
    client: TestClient, reference: dict[str, Any]
) -> None:
    assert client.post("/api/check", json=reference).json() == {"findings": []}
    changed = _with(reference, "title", "Talks organized on July 24, 2012")
    found = client.post("/api/check", json=changed).json()["findings"]
    assert {(f["rule"], f["level"], f["field"]) for f in found} >= {
        ("british-spelling", "error", "title"),
        ("date-format", "error", "title"),
    }
    assert all(f["suggestion"] for f in found)
    broken = _with(reference, "date", "2012-02-30")
    assert client.post("/api/check", json=broken).status_code == 422


def test_pdf_and_docx_carry_what_was_sent(client: TestClient, reference: dict[str, Any]) -> None:
    changed = _with(reference, "meeting.place", "Ulaanbaatar")
    pdf = client.post("/api/render?format=pdf", json=changed).content
    assert "in Ulaanbaatar" in normalise(pdf_text(pdf))
    word = docx.Document(io.BytesIO(client.post("/api/render?format=docx", json=changed).content))
    assert any("in Ulaanbaatar" in paragraph.text for paragraph in word.paragraphs)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_yaml_download_loads_back_to_the_same_release(client: TestClient, example: Path) -> None:
    release = drafter.load_release(example)
    response = client.post("/api/render?format=yaml", json=form_data(release))
    assert drafter.load_release(response.content) == release


def test_the_html_is_escaped_and_sandboxed(client: TestClient, reference: dict[str, Any]) -> None:
    hostile = _with(reference, "meeting.place", "<script>alert(1)</script>")
    response = client.post("/api/render?format=html", json=hostile)
    assert b"<script>alert(1)" not in response.content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy
    assert "script-src" not in policy


def test_invalid_release_gets_422_with_the_clis_problems(
    client: TestClient, reference: dict[str, Any]
) -> None:
    bad = _with(reference, "contacts.people.0.email", "michael.mann.eeas")
    del bad["meeting"]["place"]
    response = client.post("/api/render?format=pdf", json=bad)
    assert response.status_code == 422
    problems = response.json()["problems"]
    with pytest.raises(drafter.InputError) as expected:
        drafter.validate_release(bad)
    assert [(p["field"], p["message"]) for p in problems] == [
        (p.field, p.message) for p in expected.value.problems
    ]
    assert {p["field"] for p in problems} == {"meeting.place", "contacts.people[0].email"}


def test_validate_lists_problems_or_none(client: TestClient, reference: dict[str, Any]) -> None:
    assert client.post("/api/validate", json=reference).json() == {"valid": True, "problems": []}
    answer = client.post("/api/validate", json=_with(reference, "date", "2012-02-30")).json()
    assert answer["valid"] is False
    assert [p["field"] for p in answer["problems"]] == ["date"]
    assert "February 2012 has 29 days" in answer["problems"][0]["message"]


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'"text"', b"[" * 100_000])
def test_a_body_that_is_not_a_release_object_gets_422(client: TestClient, body: bytes) -> None:
    response = client.post(
        "/api/render?format=html", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["problems"][0]["message"]


def test_parse_reads_a_file_for_the_form(client: TestClient) -> None:
    answer = client.post("/api/parse", content=REFERENCE_YAML.read_bytes()).json()
    assert answer == {"data": form_data(drafter.load_release(REFERENCE_YAML)), "problems": []}


def test_parse_keeps_an_invalid_files_data_with_lines(client: TestClient) -> None:
    text = REFERENCE_YAML.read_text().replace("round: 15", "round: fifteen")
    answer = client.post("/api/parse", content=text.encode()).json()
    assert answer["data"] == read_source(text).data
    [problem] = answer["problems"]
    assert problem["field"] == "meeting.round"
    assert problem["line"] == text.splitlines().index("  round: fifteen") + 1


def test_parse_reports_broken_yaml_with_its_line(client: TestClient) -> None:
    answer = client.post("/api/parse", content=b"issuer: EU\nplace: [Brussels\n").json()
    assert answer["data"] is None
    assert answer["problems"][0]["line"] is not None


def test_initial_gives_the_file_the_server_started_with() -> None:
    initial = initial_from_file(REFERENCE_YAML)
    with TestClient(create_app(initial, ServerSettings(workers=1))) as started:
        answer = started.get("/api/initial").json()
    assert answer == {"data": form_data(drafter.load_release(REFERENCE_YAML)), "problems": []}


def test_openapi_describes_the_api_and_the_release(client: TestClient) -> None:
    described = client.get("/openapi.json").json()
    assert {"/api/render", "/api/validate", "/api/parse"} <= set(described["paths"])
    schemas = described["components"]["schemas"]
    assert schemas["Release"]["properties"].keys() == drafter.release_schema()["properties"].keys()
    body = described["paths"]["/api/render"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/Release"}


def test_every_page_has_a_strict_policy(client: TestClient) -> None:
    for path in ("/", "/static/form.js", "/api/schema", "/nowhere"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self';" in policy, path
        assert "unsafe-eval" not in policy and "frame-ancestors 'none'" in policy
    page = client.get("/").text
    assert "<script>" not in page and "<script src=" in page  # no inline script


def test_a_body_over_1_mib_gets_413(client: TestClient) -> None:
    big = b'{"issuer": "' + b"x" * MAX_BODY + b'"}'
    announced = client.post("/api/render?format=html", content=big)
    assert announced.status_code == 413

    def chunks() -> Iterator[bytes]:  # sent without Content-Length
        for start in range(0, len(big), 65536):
            yield big[start : start + 65536]

    streamed = client.post("/api/validate", content=chunks())
    assert streamed.status_code == 413
    assert "1,048,576 bytes" in streamed.json()["detail"]


def test_posts_from_other_pages_are_refused(client: TestClient, reference: dict[str, Any]) -> None:
    for headers in (
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "http://testserver.evil.example"},
        {"sec-fetch-site": "cross-site"},
    ):
        response = client.post("/api/render?format=html", json=reference, headers=headers)
        assert response.status_code == 403, headers
    ours = client.post(
        "/api/render?format=html", json=reference, headers={"origin": "http://testserver"}
    )
    assert ours.status_code == 200


def test_foreign_host_names_are_refused() -> None:
    app = create_app(settings=ServerSettings(workers=1, hosts=["127.0.0.1:8000", "localhost:8000"]))
    refused = TestClient(app, base_url="http://attacker.example:8000").get("/api/schema")
    assert refused.status_code == 421
    assert TestClient(app, base_url="http://localhost:8000").get("/api/schema").status_code == 200


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2012-07-24_A-350-12.pdf", 'attachment; filename="2012-07-24_A-350-12.pdf"'),
        (
            "Brüssel 2012.pdf",
            "attachment; filename=\"Br_ssel 2012.pdf\"; filename*=UTF-8''Br%C3%BCssel%202012.pdf",
        ),
        (
            'a"b\r\nSet-Cookie: x=1.pdf',
            'attachment; filename="a_bSet-Cookie_ x=1.pdf"; '
            "filename*=UTF-8''a%22bSet-Cookie%3A%20x%3D1.pdf",
        ),
        ("../../etc/passwd", 'attachment; filename=".._.._etc_passwd"'),
    ],
)
def test_download_names_follow_rfc_6266(name: str, expected: str) -> None:
    header = content_disposition(name)
    assert header == expected
    assert "\r" not in header and "\n" not in header and header.isascii()


def test_renders_run_in_parallel_and_overload_gets_503_quickly(reference: dict[str, Any]) -> None:
    async def burst(url: str, count: int) -> list[tuple[int, float]]:
        async with httpx.AsyncClient(timeout=60) as session:

            async def one() -> tuple[int, float]:
                started = time.perf_counter()
                response = await session.post(f"{url}/api/render?format=pdf", json=reference)
                return response.status_code, time.perf_counter() - started

            return await asyncio.gather(*(one() for _ in range(count)))

    with live_server(settings=ServerSettings(workers=2, queue_size=6)) as server:
        answers = asyncio.run(burst(server.url, 8))
        assert [status for status, _ in answers] == [200] * 8
        overload = asyncio.run(burst(server.url, 24))
    statuses = [status for status, _ in overload]
    assert statuses.count(200) >= 8 and statuses.count(503) >= 1
    assert set(statuses) == {200, 503}
    # Refused at once: no refusal waited as long as the renders that were let in.
    refused = max(seconds for status, seconds in overload if status == 503)
    assert refused < max(seconds for status, seconds in overload if status == 200)


def test_a_render_over_the_time_limit_is_stopped_and_its_worker_replaced(
    reference: dict[str, Any],
) -> None:
    app = create_app(settings=ServerSettings(workers=1, timeout=0.001))
    with TestClient(app) as started:
        before = pool_of(app).pids()
        response = started.post("/api/render?format=pdf", json=reference)
        assert response.status_code == 504
        assert "longer than 0.001 seconds" in response.json()["detail"]
        after = pool_of(app).pids()
        assert after != before and None not in after
        assert started.post("/api/render?format=html", json=reference).status_code == 200


def test_preview_text_is_the_releases(client: TestClient, reference: dict[str, Any]) -> None:
    response = client.post("/api/render?format=html", json=reference)
    assert "The EU and Russia hold human rights consultations" in html_text(response.content)


def test_serve_refuses_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "serve", str(tmp_path / "missing.yaml"))
    assert status == 1
    assert "there is no file" in err


def test_initial_from_an_invalid_file_keeps_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "round.yaml"
    path.write_text(REFERENCE_YAML.read_text().replace("date: 2012-07-24", "date: 2012-13-24"))
    initial = initial_from_file(path)
    assert isinstance(initial, Initial)
    assert [problem.field for problem in initial.problems] == ["date"]
    assert initial.data["issuer"] == "European Union"


def test_the_serve_command_starts_filled_renders_and_stops_on_ctrl_c() -> None:
    port = free_port()
    argv = [sys.executable, "-m", "drafter", "serve", str(REFERENCE_YAML), "--port", str(port)]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert (
            process.stdout.readline()
            == f"drafter: the form is at http://127.0.0.1:{port}/ (Ctrl-C to stop)\n"
        )
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                initial = httpx.get(f"{url}/api/initial").json()
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert initial["data"] == form_data(drafter.load_release(REFERENCE_YAML))
        pdf = httpx.post(f"{url}/api/render?format=pdf", json=initial["data"], timeout=60)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
        assert httpx.get(f"{url}/", headers={"host": "rebound.example"}).status_code == 421
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err


def test_the_api_takes_the_release_in_the_yaml_files_own_shape(client: TestClient) -> None:
    as_written = read_source(REFERENCE_YAML).data  # "reference: A 350/12", paragraphs as text
    assert as_written["reference"] == "A 350/12" and isinstance(as_written["body"][0], str)
    response = client.post("/api/render?format=html", json=as_written)
    assert response.content == drafter.render(drafter.load_release(REFERENCE_YAML), "html")


@given(st.text(max_size=80))
def test_any_download_name_gives_a_safe_header_that_keeps_the_name(name: str) -> None:
    header = content_disposition(name)
    assert header.isascii() and "\r" not in header and "\n" not in header
    fallback = re.fullmatch(
        r'attachment; filename="([^"\\]*)"(?:; filename\*=UTF-8\'\'(\S+))?', header
    )
    assert fallback is not None, header
    exact = unquote(fallback[2]) if fallback[2] else fallback[1]
    kept = "".join(char for char in name if char.isprintable()) or "release"
    assert exact == kept.replace("/", "_").replace("\\", "_")


def test_the_allowed_hosts_are_loopback_and_the_bound_host_with_the_port() -> None:
    assert allowed_hosts("::1", 8000) == {
        *("127.0.0.1", "localhost", "[::1]"),
        *("127.0.0.1:8000", "localhost:8000", "[::1]:8000"),
    }
    assert {"192.0.2.7", "192.0.2.7:8080"} <= allowed_hosts("192.0.2.7", 8080)


@pytest.mark.parametrize(
    "path", ["/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/pool.py"]
)
def test_no_file_outside_the_forms_assets_is_served(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert b"import" not in response.content


def test_serve_without_the_web_extra_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)  # as if FastAPI were not installed
    monkeypatch.delitem(sys.modules, "drafter.web.app", raising=False)
    status, out, err = run(capsys, "serve", str(REFERENCE_YAML))
    assert status == 2
    assert 'pip install "drafter-press[web]"' in err
    assert out == ""


BELARUS = (
    Path(__file__).resolve().parents[1] / "examples" / "eeas-web" / "eu-belarus-2017-07-20.yaml"
)


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_a_release_is_rendered_in_its_own_house_in_every_format(
    client: TestClient, fmt: str
) -> None:
    release = drafter.load_release(BELARUS)
    response = client.post(f"/api/render?format={fmt}", json=form_data(release))
    assert response.status_code == 200, response.text
    assert response.content == drafter.render(release, fmt)
    read = {"html": html_text, "pdf": pdf_text, "docx": docx_text}[fmt]
    assert "UNIQUE ID: 170720_16" in normalise(read(response.content))


def test_a_server_house_renders_every_release_in_it(reference: dict[str, Any]) -> None:
    settings = ServerSettings(workers=1, house="eeas-web")
    with TestClient(create_app(settings=settings)) as eeas:
        for fmt in ("html", "pdf"):
            response = eeas.post(f"/api/render?format={fmt}&language=en", json=reference)
            assert response.status_code == 200, response.text
            release = drafter.load_release(REFERENCE_YAML)
            assert response.content == drafter.render(release, fmt, house="eeas-web")


def test_serve_refuses_an_unknown_house_before_starting(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "serve", "--house", "no-such-house", "--port", str(free_port()))
    assert code == 2 and "no-such-house" in err and "form is at" not in out
