"""Real HTTP servers on 127.0.0.1 for the tests: the app in a thread, or ``wiredesk demo``."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

from wiredesk.serve.connections import LIMITS, Limits
from wiredesk.serve.server import server_config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(app: FastAPI, limits: Limits = LIMITS) -> Iterator[str]:
    """Serve ``app`` as ``wiredesk serve`` does (its protocol and headers) until the block
    ends; yield its base URL."""
    config = server_config(app, host="127.0.0.1", port=free_port(), limits=limits)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def demo_server(*args: str) -> Iterator[str]:
    """``wiredesk demo`` in a subprocess on a free port; its URL once it answers.

    If it never answers, the failure shows what it printed.
    """
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="wiredesk-demo-test-") as folder:
        log = Path(folder) / "demo.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "wiredesk", "demo", "--port", str(port), *args],
                stdout=output,
                stderr=subprocess.STDOUT,
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
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"wiredesk demo did not answer on {url}:\n{log.read_text(errors='replace')}"
                    )
                time.sleep(0.2)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def connect(url: str, source: str = "127.0.0.1", timeout: float = 30.0) -> socket.socket:
    """A raw TCP connection to the server at ``url``, from the loopback address ``source``
    (any of 127.0.0.0/8: the server sees a client per address)."""
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=timeout, source_address=(source, 0))
    return sock


def read_until_closed(sock: socket.socket) -> bytes:
    """What the server sends until it closes the connection (the socket's timeout bounds
    the wait: a server that never closes fails the test)."""
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def read_answer(data: bytes) -> tuple[int, dict[str, list[str]], bytes]:
    """The status, headers (lower-case names, every value) and body of a raw answer."""
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers: dict[str, list[str]] = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    return int(status_line.split()[1]), headers, body


SECURITY_HEADER_NAMES = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "x-frame-options",
)


def assert_security_headers(headers: dict[str, list[str]]) -> None:
    """Each security header once, with its value."""
    for name in SECURITY_HEADER_NAMES:
        assert len(headers.get(name, [])) == 1, (name, headers)
    assert "frame-ancestors 'none'" in headers["content-security-policy"][0]
    assert headers["x-content-type-options"] == ["nosniff"]
    assert headers["referrer-policy"] == ["same-origin"]
    assert headers["x-frame-options"] == ["DENY"]
