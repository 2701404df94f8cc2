"""The store: the only stage that knows SQL. SQLite by default, PostgreSQL for production.

``Store`` is what the service layer holds: it opens the database (applying
migrations), and offers saving, reading, searching and rebuilding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Connection, RootTransaction, String, cast, delete, func, select, text
from sqlalchemy.exc import IntegrityError

from wiredesk.errors import InputError, ParseError, StoreError
from wiredesk.model import (
    Capture,
    Feed,
    Hit,
    Matching,
    Page,
    Section,
    Sighting,
    StoredArticle,
    Version,
)
from wiredesk.query import Filters, Query
from wiredesk.store import archive
from wiredesk.store import feeds as feed_state
from wiredesk.store.checkpoints import wal_checkpointer
from wiredesk.store.db import (
    WRITE_OPTION,
    create_store_engine,
    in_memory,
    migrate,
    resolve_url,
)
from wiredesk.store.feeds import PollRecord
from wiredesk.store.indexing import IndexWrites
from wiredesk.store.read import (
    ArticleWithRail,
    agency_counts,
    capture_sightings,
    count_by,
    get_article,
    get_article_with_rail,
    get_history,
    iter_articles,
    list_articles,
    list_sections,
    named,
)
from wiredesk.store.save import SaveResult, save_capture, save_page
from wiredesk.store.schema import (
    article_agencies,
    article_leads,
    article_versions,
    articles,
    captures,
    sightings,
)
from wiredesk.store.search import search_articles

__all__ = [
    "ArticleWithRail",
    "Hit",
    "Keep",
    "PollRecord",
    "SaveResult",
    "Store",
    "StoredCapture",
    "resolve_url",
]

# Stories whose index writes a rebuild holds back before it makes them (see ``indexing``).
REBUILD_INDEX_BATCH = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class Keep:
    """A capture on its way into the store: its page, or why it has none."""

    capture: Capture
    content_type: str  # "text" or "html"
    url: str | None
    page: Page | None
    error: str | None
    section: str | None = None  # the one its source filed it under, kept for parsing again


class StoredCapture:
    """A capture read back from the archive, for parsing again."""

    __slots__ = ("capture", "content_type", "id", "section", "url")

    def __init__(
        self,
        id: int,
        capture: Capture,
        content_type: str,
        url: str | None,
        section: str | None = None,
    ) -> None:
        self.id = id
        self.capture = capture
        self.content_type = content_type
        self.url = url
        self.section = section


class Store:
    """A wiredesk database, opened and migrated."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_store_engine(url)
        migrate(self.engine)
        # Writes go through an engine of their own (see ``create_store_engine``). A
        # database in memory is one per thread: there one engine does both, and a
        # batch ends in the caller's thread.
        self._in_memory = in_memory(self.engine)
        self._writer = self.engine if self._in_memory else create_store_engine(url, for_writes=True)
        self._checkpointer = wal_checkpointer(self.engine)
        # Where a batch's last steps run (see ``save_behind``), and the last one handed over.
        self._finisher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wiredesk-commit")
        self._last_write: Future[list[SaveResult]] | None = None

    def close(self) -> None:
        self._finisher.shutdown(wait=True)
        if self._checkpointer is not None:
            self._checkpointer.close()
        self._writer.dispose()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------

    def kept_captures(self, datas: list[bytes]) -> list[bool]:
        """Whether each capture is in the archive already, in one look-up."""
        addresses = [archive.address(data) for data in datas]
        with self.engine.connect() as connection:
            found = set(
                connection.execute(
                    select(captures.c.sha256).where(captures.c.sha256.in_(set(addresses)))
                ).scalars()
            )
        return [address in found for address in addresses]

    def save(
        self, items: list[Keep], *, stored_at: datetime, matching: Matching
    ) -> list[SaveResult]:
        """Keep captures and their pages in one transaction: all of them whole, or none.

        Callers batch captures to spare a commit per page; a batch interrupted
        half-way leaves nothing of itself behind, and running it again completes it.
        """
        return self.save_behind(items, stored_at=stored_at, matching=matching).result()

    def save_behind(
        self, items: list[Keep], *, stored_at: datetime, matching: Matching
    ) -> Future[list[SaveResult]]:
        """``save``, handing the transaction's last steps to the store's own thread.

        Those steps are the database's own work, during which the thread holds
        no Python lock: the batch's words going into the search index (one
        statement on SQLite, one batch of updates on PostgreSQL), and the
        commit. So the caller can parse its next batch meanwhile. The future
        gives the results once the batch is committed, or raises what stopped
        it; the store's next write transaction waits for it.
        """
        self._wait_for_last_write()
        connection = self._writer.connect().execution_options(**{WRITE_OPTION: True})
        try:
            transaction = connection.begin()
            index = IndexWrites()
            results = [
                save_capture(
                    connection,
                    item.capture,
                    content_type=item.content_type,
                    url=item.url,
                    section=item.section,
                    page=item.page,
                    error=item.error,
                    stored_at=stored_at,
                    matching=matching,
                    index=index,
                )
                for item in items
            ]
            index.stage(connection)
            if self._in_memory:
                done: Future[list[SaveResult]] = Future()
                done.set_result(self._finish(connection, transaction, index, results))
                return done
            self._last_write = self._finisher.submit(
                self._finish, connection, transaction, index, results
            )
        except BaseException:
            connection.close()  # the transaction is rolled back
            raise
        return self._last_write

    def _finish(
        self,
        connection: Connection,
        transaction: RootTransaction,
        index: IndexWrites,
        results: list[SaveResult],
    ) -> list[SaveResult]:
        try:
            index.flush(connection)
            transaction.commit()
        finally:
            connection.close()  # rolls back what did not commit
        if self._checkpointer is not None:
            self._checkpointer.nudge()
        return results

    def _wait_for_last_write(self) -> None:
        """Let the batch handed over last commit (its caller hears how that went)."""
        if self._last_write is not None:
            wait([self._last_write])

    def rebuild(
        self,
        parse: Callable[[StoredCapture], Page],
        matching: Matching,
        on_capture: Callable[[StoredCapture, SaveResult], None] | None = None,
    ) -> SaveResult:
        """Rebuild every article from the raw archive with ``parse``, in one transaction."""
        total = SaveResult()
        with self._writing() as connection:
            if connection.dialect.name == "sqlite":
                connection.execute(
                    text("INSERT INTO article_search (article_search) VALUES ('delete-all')")
                )
            for table in (sightings, article_agencies, article_leads, article_versions):
                connection.execute(delete(table))
            connection.execute(articles.update().values(full_article_id=None))
            connection.execute(delete(articles))
            rows = connection.execute(
                select(captures).order_by(captures.c.captured_at, captures.c.id)
            ).all()
            index = IndexWrites()
            for row in rows:
                stored = _stored_capture(row)
                result = SaveResult(capture_id=row.id)
                try:
                    page = parse(stored)
                except (InputError, ParseError) as error:  # bad copy: recorded, not fatal
                    connection.execute(
                        captures.update()
                        .where(captures.c.id == row.id)
                        .values(status="failed", error=str(error))
                    )
                    result.error = str(error)
                else:
                    connection.execute(
                        captures.update()
                        .where(captures.c.id == row.id)
                        .values(status="parsed", error=None)
                    )
                    save_page(connection, row.id, row.captured_at, page, result, matching, index)
                    if len(index) >= REBUILD_INDEX_BATCH:
                        index.apply(connection)
                _add(total, result)
                if on_capture is not None:
                    on_capture(stored, result)
            index.apply(connection)
        return total

    def analyze(self) -> None:
        """Refresh the planner's statistics, so that searches use the right indexes."""
        with self.engine.connect() as connection:
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            connection.exec_driver_sql("ANALYZE")

    # -- feeds ---------------------------------------------------------------

    def add_feed(
        self,
        url: str,
        *,
        section: str | None,
        interval_seconds: int,
        is_fetching_articles: bool,
        is_private_allowed: bool,
        now: datetime,
    ) -> Feed:
        """Add a feed to poll, due at once; a URL already in the list is a ``StoreError``."""
        try:
            with self._writing() as connection:
                return feed_state.add_feed(
                    connection,
                    url=url,
                    section=section,
                    interval_seconds=interval_seconds,
                    is_fetching_articles=is_fetching_articles,
                    is_private_allowed=is_private_allowed,
                    now=now,
                )
        except IntegrityError:  # added by another process between the look and the insert
            raise StoreError(f"{url}: this feed is already in the list") from None

    def remove_feed(self, url_or_id: str) -> Feed:
        """Remove a feed (by URL or id) and its record of entries taken; the articles stay."""
        with self._writing() as connection:
            feed = feed_state.find_feed(connection, url_or_id)
            feed_state.remove_feed(connection, feed.id)
            return feed

    def feeds(self, *, due_at: datetime | None = None) -> list[Feed]:
        """The feeds with their status, last success and error, and items seen.

        With ``due_at``, only the feeds due for a poll by then.
        """
        with self.engine.connect() as connection:
            return feed_state.list_feeds(connection, due_at=due_at)

    def feed(self, url_or_id: str) -> Feed:
        with self.engine.connect() as connection:
            return feed_state.find_feed(connection, url_or_id)

    def next_feed_poll_at(self) -> datetime | None:
        with self.engine.connect() as connection:
            return feed_state.next_poll_at(connection)

    def untaken_entries(self, feed_id: int, keys: list[str]) -> set[str]:
        """Those of the entry ``keys`` not yet taken from the feed."""
        with self.engine.connect() as connection:
            return feed_state.untaken_keys(connection, feed_id, keys)

    def record_poll(self, feed_id: int, record: PollRecord) -> None:
        """Keep how a poll went, and the entries it took, in one transaction."""
        with self._writing() as connection:
            feed_state.record_poll(connection, feed_id, record)

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction; once it commits, the log it wrote is copied in the background."""
        self._wait_for_last_write()
        with self._writer.connect() as connection:
            connection = connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                yield connection
        if self._checkpointer is not None:
            self._checkpointer.nudge()

    # -- reading -------------------------------------------------------------

    def capture_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(captures)).scalar_one())

    def article(self, article_id: int) -> StoredArticle:
        with self.engine.connect() as connection:
            return get_article(connection, article_id)

    def articles_by_id(self, article_ids: list[int]) -> list[StoredArticle]:
        """Several articles in the order asked, read on one connection."""
        with self.engine.connect() as connection:
            return [get_article(connection, article_id) for article_id in article_ids]

    def history(self, article_id: int) -> list[Version]:
        with self.engine.connect() as connection:
            return get_history(connection, article_id)

    def articles(self, filters: Filters) -> Iterator[StoredArticle]:
        with self.engine.connect() as connection:
            yield from iter_articles(connection, filters)

    def latest(
        self, filters: Filters, *, limit: int, offset: int = 0, leave_out: int | None = None
    ) -> list[StoredArticle]:
        """A page of the newest articles matching ``filters`` (``leave_out``: one id not)."""
        with self.engine.connect() as connection:
            return list_articles(
                connection, filters, limit=limit, offset=offset, leave_out=leave_out
            )

    def latest_each(self, wanted: list[tuple[Filters, int]]) -> list[list[StoredArticle]]:
        """The newest articles for each of several (filters, how many), on one connection."""
        with self.engine.connect() as connection:
            return [list_articles(connection, each, limit=limit) for each, limit in wanted]

    def article_with_rail(self, article_id: int, *, rail_items: int) -> ArticleWithRail:
        """An article, its versions, the ``rail_items`` other newest stories of its
        section, and a brief's full article: what its page shows, read at once."""
        with self.engine.connect() as connection:
            return get_article_with_rail(connection, article_id, rail_items)

    def sections(self) -> list[Section]:
        """Every section with stories, the most recently active first."""
        with self.engine.connect() as connection:
            return list_sections(connection)

    def named(self, what: Literal["section", "place", "agency"], slug: str) -> str | None:
        """The name as printed of the section, place or agency a URL slug stands for."""
        with self.engine.connect() as connection:
            return named(connection, what, slug)

    def sightings(self, capture_id: int) -> list[Sighting]:
        """The stories one capture showed."""
        with self.engine.connect() as connection:
            return capture_sightings(connection, capture_id)

    def search(
        self, query: Query, filters: Filters, *, now: datetime, limit: int = 20, offset: int = 0
    ) -> list[Hit]:
        with self.engine.connect() as connection:
            return search_articles(connection, query, filters, now=now, limit=limit, offset=offset)

    def stats(self) -> dict[str, list[tuple[Any, int]]]:
        day = func.substr(cast(articles.c.dated_at, String), 1, 10)
        with self.engine.connect() as connection:
            return {
                "kind": count_by(connection, articles.c.kind),
                "section": count_by(connection, articles.c.section),
                "agency": agency_counts(connection),
                "language": count_by(connection, articles.c.language),
                "day": count_by(connection, day),
            }


def _stored_capture(row: Any) -> StoredCapture:
    capture = Capture(
        data=archive.unpack(row.data),
        source=row.source,
        captured_at=row.captured_at,
        captured_at_from="given",
    )
    return StoredCapture(
        id=row.id,
        capture=capture,
        content_type=row.content_type,
        url=row.url,
        section=row.section,
    )


def _add(total: SaveResult, result: SaveResult) -> None:
    total.articles += result.articles
    total.briefs += result.briefs
    total.versions += result.versions
    total.duplicates += result.duplicates
