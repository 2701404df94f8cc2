"""Copying a SQLite store's write-ahead log into the database file, in a thread of its own.

A commit in WAL mode only appends the pages it changed to the log; they are
copied into the database file later, by a checkpoint, after which the log
starts over. Left to itself SQLite checkpoints in the committing connection
once the log is long, and the writer waits for the copy and its fsyncs: at
100,000 stories that was the largest share of an ingest's commits. So a store
that writes nudges a ``Checkpointer`` after each write transaction, and the
copy runs beside the next batch's parsing. SQLite's own checkpoint stays as a
backstop (``WAL_BACKSTOP_PAGES``), for a log that outruns the thread or a
writer that is another program.

The thread holds one connection of the store's pool. It ends when nudges stop
for ``IDLE_SECONDS``, or when the store is closed, and starts again with the
next nudge.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

from sqlalchemy import Engine
from sqlalchemy.pool import PoolProxiedConnection

from wiredesk.store.db import in_memory

log = logging.getLogger(__name__)

# A thread with nothing to copy for this long gives back its connection and ends.
IDLE_SECONDS = 10.0


def wal_checkpointer(engine: Engine) -> Checkpointer | None:
    """A checkpointer for a SQLite file; other databases (and memory) have no such log."""
    if engine.dialect.name != "sqlite" or in_memory(engine):
        return None
    return Checkpointer(engine)


class Checkpointer:
    """Runs ``PRAGMA wal_checkpoint(PASSIVE)`` after the writes it is told of.

    A passive checkpoint never waits for readers or writers: it copies what no
    reader still needs, and the rest goes with the next one.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._wanted = threading.Event()
        self._thread: threading.Thread | None = None
        self._closed = False

    def nudge(self) -> None:
        """Ask for a checkpoint soon; nudges that come while one runs ask for one more."""
        with self._lock:
            if self._closed:
                return
            self._wanted.set()
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="wiredesk-checkpoint", daemon=True
                )
                self._thread.start()

    def close(self) -> None:
        """Stop the thread, after the checkpoint it may be running."""
        with self._lock:
            self._closed = True
            thread = self._thread
            self._wanted.set()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        try:
            connection = self._engine.raw_connection()
        except Exception as error:  # the next nudge tries again; the backstop copies meanwhile
            log.warning("no connection to copy the write-ahead log with: %s", error)
            with self._lock:
                self._thread = None
            return
        try:
            while True:
                self._wanted.wait(IDLE_SECONDS)
                with self._lock:
                    if self._closed or not self._wanted.is_set():
                        self._thread = None
                        return
                    self._wanted.clear()
                _checkpoint(connection)
        finally:
            connection.close()


def _checkpoint(connection: PoolProxiedConnection) -> None:
    cursor = connection.cursor()
    try:
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
        cursor.fetchall()
    except sqlite3.Error as error:  # the backstop copies the log instead
        log.warning("copying the write-ahead log into the database failed: %s", error)
    finally:
        cursor.close()
