"""The store's writer: its write transactions, one at a time, and the threads behind them.

Writes go through an engine of their own (see ``create_store_engine``), so
their connection's page cache stays warm. A batch's last steps run in the
writer's commit thread while its caller parses the next batch, and after
each write transaction commits, the write-ahead log is copied into the
database file in the background (``checkpoints``). A database in memory is
one per thread: there the store's engine does both, and a batch ends in the
caller's thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, RootTransaction

from wiredesk.store.checkpoints import wal_checkpointer
from wiredesk.store.db import WRITE_OPTION, create_store_engine, in_memory
from wiredesk.store.indexing import IndexWrites

T = TypeVar("T")


class Writer:
    """Write transactions on the database at ``url``, whose readers use ``engine``."""

    def __init__(self, url: str, engine: Engine) -> None:
        self._in_memory = in_memory(engine)
        self._engine = engine if self._in_memory else create_store_engine(url, for_writes=True)
        self._checkpointer = wal_checkpointer(engine)
        # Where a batch's last steps run (see ``write_behind``), and the last one handed over.
        self._finisher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wiredesk-commit")
        self._last_write: Future[Any] | None = None

    def close(self) -> None:
        """Let the batch handed over last commit, stop the threads, and close the engine."""
        self._finisher.shutdown(wait=True)
        if self._checkpointer is not None:
            self._checkpointer.close()
        self._engine.dispose()

    def write_behind(self, work: Callable[[Connection, IndexWrites], T]) -> Future[T]:
        """Run ``work`` in a write transaction, handing its last steps to the commit thread.

        ``work`` runs in the caller's thread and gives its words for the search
        index to the ``IndexWrites`` it is handed. The last steps are the
        database's own work, during which the thread holds no Python lock: those
        words going into the index (one statement on SQLite, one batch of
        updates on PostgreSQL), and the commit. The future gives what ``work``
        returned once the transaction is committed, or raises what stopped it;
        the next write transaction waits for it.
        """
        self._wait_for_last_write()
        connection = self._engine.connect().execution_options(**{WRITE_OPTION: True})
        try:
            transaction = connection.begin()
            index = IndexWrites()
            result = work(connection, index)
            index.stage(connection)
            if self._in_memory:
                done: Future[T] = Future()
                done.set_result(self._finish(connection, transaction, index, result))
                return done
            behind = self._finisher.submit(self._finish, connection, transaction, index, result)
        except BaseException:
            connection.close()  # the transaction is rolled back
            raise
        self._last_write = behind
        return behind

    def _finish(
        self,
        connection: Connection,
        transaction: RootTransaction,
        index: IndexWrites,
        result: T,
    ) -> T:
        try:
            index.flush(connection)
            transaction.commit()
        finally:
            connection.close()  # rolls back what did not commit
        if self._checkpointer is not None:
            self._checkpointer.nudge()
        return result

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction; once it commits, the log it wrote is copied in the background."""
        self._wait_for_last_write()
        with self._engine.connect() as connection:
            connection = connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                yield connection
        if self._checkpointer is not None:
            self._checkpointer.nudge()

    def _wait_for_last_write(self) -> None:
        """Let the batch handed over last commit (its caller hears how that went)."""
        if self._last_write is not None:
            wait([self._last_write])
