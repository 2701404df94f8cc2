"""Real databases for the tests: a SQLite file, and a throwaway PostgreSQL server (fixtures).

PostgreSQL comes from ``WIREDESK_TEST_POSTGRES_URL`` when set, else from a
cluster this fixture makes with Debian's ``initdb`` and ``pg_ctl`` on a free
port. Without PostgreSQL its tests skip, saying why; with ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.pgserver import Unavailable, throwaway_server


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
    try:
        with throwaway_server() as url:
            yield url
    except Unavailable as error:
        _unavailable(str(error))


@contextmanager
def new_database(server: str) -> Iterator[str]:
    """A fresh, empty database on ``server``, dropped afterwards."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's server, dropped afterwards."""
    with new_database(postgres_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty store: every store test runs on both databases."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'wiredesk.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url
