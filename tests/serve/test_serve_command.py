"""``wiredesk serve`` as a user runs it: in a subprocess, with workers, a token and bad options."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.serve.http import (
    assert_security_headers,
    connect,
    free_port,
    read_answer,
    read_until_closed,
)
from tests.serve.test_api import PAGE


def wiredesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wiredesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_two_workers_share_the_store_and_the_token(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wiredesk",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--workers",
            "2",
            "--base-url",
            "https://news.example/",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "WIREDESK_TOKEN": "token-of-the-test"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, (
                tmp_path / "serve.log"
            ).read_text()
            time.sleep(0.2)
        refused = httpx.post(url + "/api/v1/captures", json={"text": PAGE})
        assert refused.status_code == 401
        posted = httpx.post(
            url + "/api/v1/captures",
            json={"text": PAGE},
            headers={"Authorization": "Bearer token-of-the-test"},
        )
        assert posted.status_code == 201, posted.text
        for _ in range(4):  # whichever worker answers, it reads the same store
            found = httpx.get(url + "/api/v1/articles", params={"place": "HARLINGEN"}).json()
            assert len(found["articles"]) == 1
        # The workers run with wiredesk's own server configuration: its base URL, its
        # security headers (once each, on the server's own answers too), its limits.
        feed = httpx.get(url + "/search.atom", params={"q": "Harlingen"})
        assert "<id>https://news.example/article/" in feed.text
        assert_security_headers({name: feed.headers.get_list(name) for name in feed.headers})
        for request, status in (
            (b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", 400),
            (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 100_000 + b"\r\n\r\n", 431),
        ):
            with connect(url) as sock:
                sock.sendall(request)
                answer = read_answer(read_until_closed(sock))
            assert answer[0] == status
            assert_security_headers(answer[1])
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
    assert "read and write" in (tmp_path / "serve.log").read_text()


def test_bad_options_get_one_line_messages(tmp_path: Path) -> None:
    unreachable = wiredesk("serve", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert unreachable.returncode == 1
    assert unreachable.stderr.startswith("Error: cannot open the database")
    assert "Traceback" not in unreachable.stderr
    missing = wiredesk(
        "serve", "--db", str(tmp_path / "a.db"), "--token-file", str(tmp_path / "nope")
    )
    assert missing.returncode == 2
    assert "cannot read" in missing.stderr and "Traceback" not in missing.stderr
    zone = wiredesk("demo", "--timezone", "Mars/Olympus")
    assert zone.returncode == 2 and "not a time zone" in zone.stderr
    base = wiredesk("serve", "--db", str(tmp_path / "a.db"), "--base-url", "news.example")
    assert base.returncode == 2 and "not an http:// or https:// address" in base.stderr
    assert "Traceback" not in base.stderr
