"""Plain SQL on the driver's own cursor, for the statements ingest runs for every story.

SQLAlchemy builds, caches and binds a statement in about a hundred
microseconds; ingest runs some fifty per page, which made that the larger
part of its time. These statements are written once in ``:name`` style and
run on the DB-API cursor of the connection SQLAlchemy holds, inside its
transaction. Timestamps are bound the way ``schema.UTCDateTime`` stores them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

NAMED_PARAMETER = re.compile(r"(?<!:):(\w+)")


def _sqlite_time(moment: datetime) -> str:
    """A timestamp as SQLAlchemy keeps it in SQLite: naive UTC text that sorts as time,
    "2026-03-18 14:00:00.000000"."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


@dataclass(frozen=True, slots=True)
class Statement:
    """One SQL statement in each database's parameter style."""

    sqlite: str
    postgresql: str


def statement(sql: str) -> Statement:
    """A statement written with ``:name`` parameters (sqlite3's style), and psycopg's twin."""
    return Statement(sqlite=sql, postgresql=NAMED_PARAMETER.sub(r"%(\1)s", sql))


class Cursor:
    """The driver cursor under a SQLAlchemy connection, in that connection's transaction."""

    def __init__(self, connection: Connection) -> None:
        self.is_sqlite = connection.dialect.name == "sqlite"
        driver = connection.connection.driver_connection
        assert driver is not None
        self._cursor = driver.cursor()

    def _sql(self, which: Statement) -> str:
        return which.sqlite if self.is_sqlite else which.postgresql

    def _bind(self, params: Mapping[str, Any]) -> Mapping[str, Any]:
        if not self.is_sqlite:
            return params
        return {
            key: _sqlite_time(value) if isinstance(value, datetime) else value
            for key, value in params.items()
        }

    def run(self, which: Statement, params: Mapping[str, Any]) -> None:
        self._cursor.execute(self._sql(which), self._bind(params))

    def one(self, which: Statement, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        self._cursor.execute(self._sql(which), self._bind(params))
        row = self._cursor.fetchone()
        return tuple(row) if row is not None else None

    def all(self, which: Statement, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        self._cursor.execute(self._sql(which), self._bind(params))
        return [tuple(row) for row in self._cursor.fetchall()]

    def many(self, which: Statement, rows: Sequence[Mapping[str, Any]]) -> None:
        self._cursor.executemany(self._sql(which), [self._bind(row) for row in rows])
