"""Opening a store: the database URL, the engine, and migrations applied on first use.

SQLite runs in WAL mode with a busy timeout, so readers never wait and two
writers take turns (``checkpoints`` copies the log into the database); a write
transaction (a connection with ``WRITE_OPTION``) starts with ``BEGIN IMMEDIATE``
so that a check-then-insert is never interleaved with another process's.
PostgreSQL serialises ingest transactions with an advisory lock instead.
"""

from __future__ import annotations

import os
import sqlite3
import time
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from wiredesk.errors import ConfigError, StoreError

ENVIRONMENT_VARIABLE = "WIREDESK_DB"
# Execution option that marks a connection's transactions as writes.
WRITE_OPTION = "wiredesk_write"
BUSY_TIMEOUT_MS = 30_000
# Any constant works: it names the lock that ingest transactions take on PostgreSQL.
PG_INGEST_LOCK = 0x77697265
PG_MIGRATE_LOCK = 0x77697266


def default_url() -> str:
    """A SQLite file in the user's data directory."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("wiredesk", appauthor=False))
    return f"sqlite:///{folder / 'wiredesk.db'}"


def resolve_url(option: str | None) -> str:
    """The database URL: ``--db``, then ``WIREDESK_DB``, then the default file."""
    url = option or os.environ.get(ENVIRONMENT_VARIABLE) or default_url()
    if "://" not in url:  # a bare path means a SQLite file
        url = f"sqlite:///{Path(url).expanduser()}"
    return url


def create_store_engine(url: str, *, for_writes: bool = False) -> Engine:
    """An engine for ``url``, with the SQLite settings wiredesk relies on.

    A store writes through an engine of its own (``for_writes``): one connection
    kept open, whose large page cache stays warm from one batch to the next,
    and more only while several threads write at once (a server's).
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"not a database URL: {url!r}") from None
    pool = {"pool_size": 1, "max_overflow": 10} if for_writes else {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ConfigError(f"cannot make the folder {folder}: {error.strerror}") from None
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **pool)
        cache = WRITER_CACHE_KIB if for_writes else READER_CACHE_KIB
        event.listen(engine, "connect", partial(_sqlite_on_connect, cache_kib=cache))
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        # Timestamps come back in UTC, and text casts of them read as UTC.
        return create_engine(
            url, pool_pre_ping=True, connect_args={"options": "-c timezone=UTC"}, **pool
        )
    raise ConfigError(
        f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql"
    )


def in_memory(engine: Engine) -> bool:
    """Whether a SQLite engine's database lives in memory: one per thread, and no log."""
    return engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:")


# How many pages the write-ahead log may gather before the committing connection copies
# them into the database itself (SQLite's default is 1,000). A store's own thread does
# that copy after every write (see ``checkpoints``); this is the backstop, above the
# log that one ingest batch writes at 100,000 stories (about 11,500 pages).
WAL_BACKSTOP_PAGES = 40_000
# The page cache of a connection that writes, and of one that reads, in KiB: a
# server holds many readers, which keep SQLite's small default.
WRITER_CACHE_KIB = 65536
READER_CACHE_KIB = 2000


def _sqlite_on_connect(connection: Any, _record: Any, *, cache_kib: int) -> None:
    # Let SQLAlchemy, not the driver, decide when transactions begin.
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _use_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_BACKSTOP_PAGES}")
    cursor.execute(f"PRAGMA cache_size=-{cache_kib}")
    cursor.close()


# How long to wait before trying again to put a new database in WAL mode.
WAL_RETRY_SECONDS = 0.01


def _use_wal(cursor: Any) -> None:
    """Put the database in WAL mode, waiting for another connection doing the same.

    The switch reads the file's header and then writes it, and SQLite answers "database
    is locked" at once, without its busy timeout, to the second of two connections
    making that switch on a new file (two processes opening a new store together), so
    the switch is tried again until the busy timeout runs out. A database in WAL mode
    already is only read.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def _sqlite_on_begin(connection: Any) -> None:
    # Writers take the write lock up front (readers stay unblocked in WAL mode).
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


MIGRATIONS = files("wiredesk.store") / "migrations"
# The table where Alembic keeps the revision a database is at (Alembic's default name).
VERSION_TABLE = "alembic_version"


def newest_revision() -> str:
    """The newest migration's revision: the highest number, since a migration's file name
    starts with its revision and each revises the number before (tests/store/test_store.py
    checks both against Alembic's own reading)."""
    numbers = (path.name.partition("_")[0] for path in (MIGRATIONS / "versions").iterdir())
    return max(number for number in numbers if number.isdigit())


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at, or None for a new one."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return None if revision is None else str(revision)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; does nothing when it is there.

    A store at the newest revision is told without loading Alembic, which was a sixth of
    a store command's start-up (0.1 s of CPU; tests/store/test_store.py)."""
    head = newest_revision()
    try:
        with engine.connect() as connection:
            if current_revision(connection) == head:
                return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        # Two processes may open a new store at once: the write lock (SQLite) or an
        # advisory lock (PostgreSQL) lets one migrate while the other waits, then
        # the other finds the schema at head.
        with engine.connect() as connection:
            connection = connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATE_LOCK}
                    )
                if current_revision(connection) == head:
                    return
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0]  # drivers add hints on more lines
        raise StoreError(f"cannot open the database: {reason}") from None
