"""A throwaway PostgreSQL server from Debian's binaries, for the tests and the benchmarks.

``initdb`` and ``pg_ctl`` refuse to run as root, so as root they run as the
``postgres`` user, in a folder of their own outside pytest's temporary tree.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

POSTGRES_BINARIES = "/usr/lib/postgresql/*/bin"
USER = "wiredesk"


class Unavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a server on a free port; yield the URL of its ``postgres`` database; stop it."""
    found = sorted(glob.glob(POSTGRES_BINARIES))
    if not found:
        raise Unavailable(f"no initdb under {POSTGRES_BINARIES} (apt-get install postgresql)")
    binaries = Path(found[-1])
    folder = Path(tempfile.mkdtemp(prefix="wiredesk-postgres-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres([str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", USER]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options]
    subprocess.run(_as_postgres([*start, "-w", "start"]), check=True, capture_output=True)
    try:
        url = f"postgresql+psycopg://{USER}@127.0.0.1:{port}/postgres"
        wait_for(url)
        yield url
    finally:
        subprocess.run(
            _as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def wait_for(url: str, seconds: float = 30.0) -> None:
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
