"""The security headers are on every answer: the server's own to requests it cannot read,
and the app's 500s; over raw sockets against a real server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.serve.http import (
    assert_security_headers,
    connect,
    read_answer,
    read_until_closed,
    serving,
)
from wiredesk.serve import Settings, create_app
from wiredesk.store import Store


@pytest.fixture
def url(tmp_path: Path) -> Iterator[str]:
    with Store(f"sqlite:///{tmp_path / 'news.db'}") as store:
        app = create_app(Settings(db=store.url), store=store)

        @app.get("/api/v1/crash")  # a handler that fails as a bug would
        def crash() -> None:
            raise RuntimeError("a bug")

        with serving(app) as base:
            yield base


def ask(url: str, request: bytes) -> tuple[int, dict[str, list[str]], bytes]:
    with connect(url) as sock:
        sock.sendall(request)
        return read_answer(read_until_closed(sock))


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /a\x00b HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost x\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n",
    ],
    ids=["100KB-url", "nul-in-path", "http-9.9", "header-without-colon", "space-in-name"],
)
def test_requests_the_server_cannot_read_get_the_security_headers(
    url: str, request_bytes: bytes
) -> None:
    status, headers, _ = ask(url, request_bytes)
    assert status in (400, 431)
    assert_security_headers(headers)
    assert headers["connection"] == ["close"]


def test_a_500_carries_the_security_headers_once(url: str) -> None:
    request = b"GET /api/v1/crash HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    status, headers, body = ask(url, request)
    assert status == 500
    assert json.loads(body)["error"]["code"] == "server_error"
    assert_security_headers(headers)


def test_the_app_s_answers_carry_each_security_header_once(url: str) -> None:
    for path in ("/", "/nope", "/static/style.css", "/api/v1/sections", "/api/openapi.json"):
        status, headers, _ = ask(
            url, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
        )
        assert status in (200, 404), path
        assert_security_headers(headers)
    # and through an ordinary client, as a browser sees them
    assert httpx.get(url + "/").headers["x-frame-options"] == "DENY"
