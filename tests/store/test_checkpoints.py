"""A SQLite store copies its write-ahead log into the database file in a thread of its own."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.conftest import SAMPLES
from wiredesk.desk import ingest
from wiredesk.sources.files import iter_captures
from wiredesk.store import Store, checkpoints
from wiredesk.store.db import WAL_BACKSTOP_PAGES

THREAD = "wiredesk-checkpoint"
PATIENCE_SECONDS = 20.0  # how long a test waits for the thread; it never needs this long


def captures_in_file_alone(database: Path, scratch: Path) -> int:
    """The captures a copy of the database file holds without its log (0 while the copy
    has no tables yet or is caught half-written)."""
    shutil.copyfile(database, scratch)
    connection = sqlite3.connect(scratch)
    try:
        return int(connection.execute("SELECT count(*) FROM captures").fetchone()[0])
    except sqlite3.DatabaseError:
        return 0
    finally:
        connection.close()


def eventually(check: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()


def checkpoint_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == THREAD]


def test_sqlite_stores_keep_a_write_ahead_log_with_a_backstop_above_one_batch(
    tmp_path: Path,
) -> None:
    """WAL mode lets readers go on while ingest writes; SQLite's own copy into the database
    waits for 40,000 pages, far more than SQLite's 1,000, as the store's thread copies sooner."""
    with Store(f"sqlite:///{tmp_path / 'wal.db'}") as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        backstop = connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one()
    assert backstop == WAL_BACKSTOP_PAGES == 40_000


def test_a_kept_page_reaches_the_database_file_while_the_store_is_open(tmp_path: Path) -> None:
    """Far below the backstop, only the store's thread can have copied the log."""
    database = tmp_path / "kept.db"
    with Store(f"sqlite:///{database}") as store:
        summary = ingest(store, iter_captures([str(SAMPLES / "anp-buitenland.txt")]))
        assert summary.pages == 1
        assert eventually(lambda: captures_in_file_alone(database, tmp_path / "copy.db") == 1)
        assert database.with_name("kept.db-wal").exists()  # the store is open: its log is too


def test_the_thread_ends_with_the_store_and_when_idle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkpoints, "IDLE_SECONDS", 0.2)
    database = tmp_path / "idle.db"
    before = len(checkpoint_threads())
    with Store(f"sqlite:///{database}") as store:
        assert len(checkpoint_threads()) == before  # none until the first write
        ingest(store, iter_captures([str(SAMPLES / "anp-buitenland.txt")]))
        assert eventually(lambda: captures_in_file_alone(database, tmp_path / "copy.db") == 1)
        assert eventually(lambda: len(checkpoint_threads()) == before)  # idle: ended
        ingest(store, iter_captures([str(SAMPLES / "anp-binnenland-dijken.txt")]))  # starts again
        assert eventually(lambda: captures_in_file_alone(database, tmp_path / "copy.db") == 2)
        ingest(store, iter_captures([str(SAMPLES / "anp-economie-rente.txt")]))
    assert len(checkpoint_threads()) == before  # closing the store ended it
    assert captures_in_file_alone(database, tmp_path / "copy.db") == 3


def test_only_a_sqlite_file_has_a_checkpointer(store_url: str) -> None:
    """PostgreSQL keeps its own log; a SQLite database in memory keeps none."""
    with Store(store_url) as store:
        is_sqlite = store.engine.dialect.name == "sqlite"
        assert (checkpoints.wal_checkpointer(store.engine) is not None) is is_sqlite
    memory = create_engine("sqlite://")
    assert checkpoints.wal_checkpointer(memory) is None
    memory.dispose()
