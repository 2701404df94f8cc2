"""Plain SQL on the driver's own cursor, for the statements ingest runs for every story.

SQLAlchemy builds, caches and binds a statement in about a hundred
microseconds; ingest runs some fifty per page, which made that the larger
part of its time. These statements are written once in ``:name`` style and
run on the DB-API cursor of the connection SQLAlchemy holds, inside its
transaction. A statement names its timestamp parameters, and only those are
bound the way ``schema.UTCDateTime`` stores them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection

NAMED_PARAMETER = re.compile(r"(?<!:):(\w+)")


@lru_cache(maxsize=1024)  # a batch binds the same few capture times over and over
def _sqlite_time(moment: datetime) -> str:
    """A timestamp as SQLAlchemy keeps it in SQLite: naive UTC text that sorts as time,
    "2026-03-18 14:00:00.000000"."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def read_time(value: datetime | str) -> datetime:
    """A timestamp as the driver gives it back, timezone-aware UTC: SQLite's text
    (``_sqlite_time``) or PostgreSQL's datetime."""
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Statement:
    """One SQL statement in each database's parameter style."""

    sqlite: str
    postgresql: str
    times: tuple[str, ...] = ()  # the parameters that hold timestamps


def statement(sql: str, *, times: tuple[str, ...] = ()) -> Statement:
    """A statement written with ``:name`` parameters (sqlite3's style), and psycopg's twin."""
    names = set(NAMED_PARAMETER.findall(sql))
    unknown = set(times) - names
    if unknown:
        raise ValueError(f"timestamp parameters not in the statement: {sorted(unknown)}")
    return Statement(sqlite=sql, postgresql=NAMED_PARAMETER.sub(r"%(\1)s", sql), times=times)


class Cursor:
    """The driver cursor under a SQLAlchemy connection, in that connection's transaction."""

    def __init__(self, connection: Connection) -> None:
        self.is_sqlite = connection.dialect.name == "sqlite"
        driver = connection.connection.driver_connection
        assert driver is not None
        self._cursor = driver.cursor()

    def _sql(self, which: Statement) -> str:
        return which.sqlite if self.is_sqlite else which.postgresql

    def _bind(self, which: Statement, params: Mapping[str, Any]) -> Mapping[str, Any]:
        if not (self.is_sqlite and which.times):
            return params
        bound = dict(params)
        for name in which.times:
            moment = bound[name]
            if moment is not None:
                bound[name] = _sqlite_time(moment)
        return bound

    def run(self, which: Statement, params: Mapping[str, Any]) -> None:
        self._cursor.execute(self._sql(which), self._bind(which, params))

    def one(self, which: Statement, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        self._cursor.execute(self._sql(which), self._bind(which, params))
        row = self._cursor.fetchone()
        return tuple(row) if row is not None else None

    def all(self, which: Statement, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        self._cursor.execute(self._sql(which), self._bind(which, params))
        return [tuple(row) for row in self._cursor.fetchall()]

    def many(self, which: Statement, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            self._cursor.executemany(self._sql(which), [self._bind(which, row) for row in rows])
