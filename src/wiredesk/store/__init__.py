"""The store: the only stage that knows SQL. SQLite by default, PostgreSQL for production.

``Store`` is what the service layer holds: it opens the database (applying
migrations), and offers saving, reading, searching and rebuilding. Its write
transactions, and the threads that end and copy them, are its ``Writer``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, String, cast, delete, func, select, text
from sqlalchemy.exc import IntegrityError

from wiredesk.errors import NotFound, StoreError
from wiredesk.model import (
    Capture,
    Counts,
    EntityCount,
    EntityProfile,
    EntityType,
    Feed,
    Hit,
    Keep,
    Matching,
    QuoteSeen,
    SaveResult,
    Section,
    Sighting,
    StoredArticle,
    Version,
)
from wiredesk.query import Filters, Query
from wiredesk.store import archive
from wiredesk.store import feeds as feed_state
from wiredesk.store.db import create_store_engine, migrate, resolve_url
from wiredesk.store.entity_reads import entity_profile, quotes_said, story_findings, top_entities
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
from wiredesk.store.save import save_capture, save_page
from wiredesk.store.schema import (
    article_agencies,
    article_entities,
    article_figures,
    article_leads,
    article_quotes,
    article_versions,
    articles,
    captures,
    entities,
    sightings,
)
from wiredesk.store.search import search_articles
from wiredesk.store.writer import Writer

__all__ = [
    "ArticleWithRail",
    "Counts",
    "Hit",
    "Keep",
    "PollRecord",
    "SaveResult",
    "Store",
    "resolve_url",
]

# Stories whose index writes a rebuild holds back before it makes them (see ``indexing``).
REBUILD_INDEX_BATCH = 1000


class Store:
    """A wiredesk database, opened and migrated."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_store_engine(url)
        migrate(self.engine)
        self._writer = Writer(url, self.engine)

    def close(self) -> None:
        self._writer.close()
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
        """``save``, handing the transaction's last steps to the writer's thread.

        Those steps are the database's own work: the batch's words going into
        the search index, and the commit (see ``Writer.write_behind``). So the
        caller can parse its next batch meanwhile. The future gives the results
        once the batch is committed, or raises what stopped it; the store's next
        write transaction waits for it.
        """

        def save(connection: Connection, index: IndexWrites) -> list[SaveResult]:
            return [
                save_capture(connection, item, stored_at=stored_at, matching=matching, index=index)
                for item in items
            ]

        return self._writer.write_behind(save)

    def rebuild(
        self,
        prepare: Callable[[Capture], Keep],
        matching: Matching,
        on_capture: Callable[[Capture, SaveResult], None] | None = None,
    ) -> SaveResult:
        """Rebuild every article from the raw archive, in one transaction: ``prepare``
        takes each capture, as it was first kept, to its page or the reason it has none."""
        total = SaveResult()
        with self._writer.writing() as connection:
            if connection.dialect.name == "sqlite":
                connection.execute(
                    text("INSERT INTO article_search (article_search) VALUES ('delete-all')")
                )
            for table in (
                sightings,
                article_agencies,
                article_leads,
                article_versions,
                article_entities,
                article_quotes,
                article_figures,
            ):
                connection.execute(delete(table))
            connection.execute(delete(entities))
            connection.execute(articles.update().values(full_article_id=None))
            connection.execute(delete(articles))
            rows = connection.execute(
                select(captures).order_by(captures.c.captured_at, captures.c.id)
            ).all()
            index = IndexWrites()
            for row in rows:
                capture = stored_capture(row)
                result = SaveResult(capture_id=row.id)
                keep = prepare(capture)
                connection.execute(
                    captures.update()
                    .where(captures.c.id == row.id)
                    .values(status="failed" if keep.page is None else "parsed", error=keep.error)
                )
                if keep.page is None:  # bad copy: recorded, not fatal
                    result.error = keep.error
                else:
                    save_page(
                        connection, row.id, row.captured_at, keep.page, result, matching, index
                    )
                    if len(index) >= REBUILD_INDEX_BATCH:
                        index.apply(connection)
                total.add(result)
                if on_capture is not None:
                    on_capture(capture, result)
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
            with self._writer.writing() as connection:
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
        with self._writer.writing() as connection:
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
        with self._writer.writing() as connection:
            feed_state.record_poll(connection, feed_id, record)

    # -- reading -------------------------------------------------------------
    # What readers are shown: no story its agency killed or withheld, none still under
    # embargo at ``now`` (the clock's now when not given): read at each call, so an
    # embargoed story shows once its time comes. The archive keeps their captures.

    def capture_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(captures)).scalar_one())

    def article(self, article_id: int, *, now: datetime | None = None) -> StoredArticle:
        """An article readers may see; ``NotFound`` for one killed or under embargo."""
        with self.engine.connect() as connection:
            return get_article(connection, article_id, _now(now))

    def articles_by_id(
        self, article_ids: list[int], *, now: datetime | None = None
    ) -> list[StoredArticle]:
        """Several articles in the order asked, read on one connection."""
        moment = _now(now)
        with self.engine.connect() as connection:
            return [get_article(connection, article_id, moment) for article_id in article_ids]

    def history(self, article_id: int, *, now: datetime | None = None) -> list[Version]:
        with self.engine.connect() as connection:
            return get_history(connection, article_id, _now(now))

    def articles(self, filters: Filters, *, now: datetime | None = None) -> Iterator[StoredArticle]:
        moment = _now(now)
        with self.engine.connect() as connection:
            yield from iter_articles(connection, filters, moment)

    def latest(
        self,
        filters: Filters,
        *,
        limit: int,
        offset: int = 0,
        leave_out: int | None = None,
        now: datetime | None = None,
    ) -> list[StoredArticle]:
        """A page of the newest articles matching ``filters`` (``leave_out``: one id not)."""
        with self.engine.connect() as connection:
            return list_articles(
                connection, filters, now=_now(now), limit=limit, offset=offset, leave_out=leave_out
            )

    def latest_each(
        self, wanted: list[tuple[Filters, int]], *, now: datetime | None = None
    ) -> list[list[StoredArticle]]:
        """The newest articles for each of several (filters, how many), on one connection."""
        moment = _now(now)
        with self.engine.connect() as connection:
            return [
                list_articles(connection, each, now=moment, limit=limit) for each, limit in wanted
            ]

    def article_with_rail(
        self, article_id: int, *, rail_items: int, now: datetime | None = None
    ) -> ArticleWithRail:
        """An article, its versions, the ``rail_items`` other newest stories of its
        section, and a brief's full article: what its page shows, read at once."""
        with self.engine.connect() as connection:
            found = get_article_with_rail(connection, article_id, rail_items, _now(now))
            stored = found.article
            named, said, figures = story_findings(connection, stored)
        article = replace(stored.article, entities=named, quotes=said, figures=figures)
        return replace(found, article=replace(stored, article=article))

    def top_entities(
        self,
        *,
        type: EntityType | None = None,
        since: datetime | None = None,
        limit: int = 20,
        now: datetime | None = None,
    ) -> list[EntityCount]:
        """The places, people and organisations named most in the stories shown (of one
        ``type``, dated ``since`` on), with how many stories name each."""
        with self.engine.connect() as connection:
            return top_entities(connection, type=type, since=since, limit=limit, now=_now(now))

    def quotes(
        self,
        *,
        by: str | None = None,
        since: datetime | None = None,
        limit: int = 20,
        now: datetime | None = None,
    ) -> list[QuoteSeen]:
        """Quotes in the stories shown, newest first: by a speaker whose name holds ``by``
        (any case) or whose id it is, dated ``since`` on."""
        with self.engine.connect() as connection:
            return quotes_said(
                connection, by=by, entity=None, since=since, limit=limit, now=_now(now)
            )

    def entity_profile(
        self, entity_id: str, *, related: int = 10, quotes: int = 20, now: datetime | None = None
    ) -> EntityProfile:
        """One entity's counts, stories per day, the ``related`` entities most often named
        beside it and its ``quotes`` newest quotes; ``NotFound`` when no story shown names
        it."""
        with self.engine.connect() as connection:
            found = entity_profile(
                connection, entity_id, now=_now(now), related=related, quotes=quotes
            )
        if found is None:
            raise NotFound(f"no story names the entity {entity_id}")
        return found

    def sections(self, *, now: datetime | None = None) -> list[Section]:
        """Every section with stories, the most recently active first."""
        with self.engine.connect() as connection:
            return list_sections(connection, _now(now))

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

    def stats(self, *, now: datetime | None = None) -> dict[str, list[tuple[Any, int]]]:
        """Counts of the stories shown, by kind, section, agency, language and day."""
        day = func.substr(cast(articles.c.dated_at, String), 1, 10)
        moment = _now(now)
        with self.engine.connect() as connection:
            return {
                "kind": count_by(connection, articles.c.kind, moment),
                "section": count_by(connection, articles.c.section, moment),
                "agency": agency_counts(connection, moment),
                "language": count_by(connection, articles.c.language, moment),
                "day": count_by(connection, day, moment),
            }


def _now(now: datetime | None) -> datetime:
    """The moment a read is made at: the one given, else the clock's."""
    return now if now is not None else datetime.now(UTC)


def stored_capture(row: Any) -> Capture:
    """A capture read back from the archive, with what its source said of it."""
    return Capture(
        data=archive.unpack(row.data),
        source=row.source,
        captured_at=row.captured_at,
        captured_at_from="given",
        content_type="html" if row.content_type == "html" else "text",
        url=row.url,
        section=row.section,
        language=row.language,
        timezone=row.timezone,
        encoding=row.encoding,
        published_at=row.published_at,
    )
