"""Real databases for the store tests: a SQLite file, and a throwaway PostgreSQL server.

PostgreSQL comes from ``WIREDESK_TEST_POSTGRES_URL`` when set, else from a
cluster this fixture makes with Debian's ``initdb`` and ``pg_ctl`` on a free
port. Without PostgreSQL its tests skip, saying why; with ``CI=true`` they fail.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_BINARIES = "/usr/lib/postgresql/*/bin"
PG_USER = "wiredesk"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and pg_ctl refuse to run as root: run them as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is needed in CI: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A URL of a PostgreSQL server for the session (to its ``postgres`` database)."""
    given = os.environ.get("WIREDESK_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    found = sorted(glob.glob(POSTGRES_BINARIES))
    if not found:
        _unavailable(f"no initdb under {POSTGRES_BINARIES} (apt-get install postgresql)")
    binaries = Path(found[-1])
    # Not under pytest's own temporary folder: the postgres user cannot enter that.
    folder = Path(tempfile.mkdtemp(prefix="wiredesk-postgres-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres([str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", PG_USER]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options]
    subprocess.run(_as_postgres([*start, "-w", "start"]), check=True, capture_output=True)
    try:
        url = f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/postgres"
        _wait_for(url)
        yield url
    finally:
        subprocess.run(
            _as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for(url: str, seconds: float = 30.0) -> None:
    engine = create_engine(url)
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        engine.dispose()


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's server, dropped afterwards."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty store: every store test runs on both databases."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'wiredesk.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url
