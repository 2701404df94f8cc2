"""Feed state in the store: the feeds to poll, how their polls went, the entries taken."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from wiredesk.errors import NotFound
from wiredesk.model import Feed, FeedStatus
from wiredesk.store.schema import feed_items, feeds

# Entry keys asked about in one statement: well under every database's parameter limit.
KEYS_PER_QUERY = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class PollRecord:
    """What one poll of a feed changes in its row, and the entries it took."""

    status: FeedStatus
    last_error: str | None
    title: str | None = None  # the feed's own, from its body (None: keep the one known)
    etag: str | None
    last_modified: str | None
    attempted_at: datetime
    next_poll_at: datetime
    failures: int
    is_success: bool
    entry_keys: tuple[str, ...] = ()


def add_feed(
    connection: Connection,
    *,
    url: str,
    section: str | None,
    interval_seconds: int,
    is_fetching_articles: bool,
    is_private_allowed: bool,
    now: datetime,
) -> Feed:
    """Add a feed, due at once; a URL already in the list is a ``StoreError``."""
    row = connection.execute(
        insert(feeds)
        .values(
            url=url,
            section=section,
            interval_seconds=interval_seconds,
            is_fetching_articles=is_fetching_articles,
            is_private_allowed=is_private_allowed,
            status="new",
            next_poll_at=now,
            failures=0,
            items_seen=0,
            created_at=now,
        )
        .returning(feeds.c.id)
    ).one()
    return get_feed(connection, int(row[0]))


def get_feed(connection: Connection, feed_id: int) -> Feed:
    row = connection.execute(select(feeds).where(feeds.c.id == feed_id)).first()
    if row is None:
        raise NotFound(f"no feed with id {feed_id}")
    return _feed(row)


def find_feed(connection: Connection, url_or_id: str) -> Feed:
    """A feed by its URL, or by its id as ``feeds list`` shows it."""
    where = feeds.c.url == url_or_id
    if url_or_id.isdigit():
        where = where | (feeds.c.id == int(url_or_id))
    row = connection.execute(select(feeds).where(where)).first()
    if row is None:
        raise NotFound(f"{url_or_id}: no such feed in the list")
    return _feed(row)


def remove_feed(connection: Connection, feed_id: int) -> None:
    connection.execute(delete(feed_items).where(feed_items.c.feed_id == feed_id))
    connection.execute(delete(feeds).where(feeds.c.id == feed_id))


def list_feeds(connection: Connection, *, due_at: datetime | None = None) -> list[Feed]:
    """Every feed in the order added; with ``due_at``, only those due by then."""
    query = select(feeds).order_by(feeds.c.id)
    if due_at is not None:
        query = query.where(feeds.c.next_poll_at <= due_at)
    return [_feed(row) for row in connection.execute(query)]


def next_poll_at(connection: Connection) -> datetime | None:
    """When the next feed is due, or None for an empty list."""
    row = connection.execute(
        select(feeds.c.next_poll_at).order_by(feeds.c.next_poll_at).limit(1)
    ).first()
    return None if row is None else row[0]


def untaken_keys(connection: Connection, feed_id: int, keys: Iterable[str]) -> set[str]:
    """Those of ``keys`` not taken from the feed before."""
    wanted = list(dict.fromkeys(keys))
    taken: set[str] = set()
    for start in range(0, len(wanted), KEYS_PER_QUERY):
        chunk = wanted[start : start + KEYS_PER_QUERY]
        taken.update(
            connection.execute(
                select(feed_items.c.entry_key).where(
                    feed_items.c.feed_id == feed_id, feed_items.c.entry_key.in_(chunk)
                )
            ).scalars()
        )
    return set(wanted) - taken


def record_poll(connection: Connection, feed_id: int, record: PollRecord) -> None:
    """Write a poll's outcome and the entries it took (the caller holds the transaction)."""
    keys = untaken_keys(connection, feed_id, record.entry_keys)
    values: dict[str, Any] = {
        "status": record.status,
        "last_error": record.last_error,
        "last_attempt_at": record.attempted_at,
        "next_poll_at": record.next_poll_at,
        "failures": record.failures,
        "items_seen": feeds.c.items_seen + len(keys),
    }
    if record.title is not None:
        values["title"] = record.title
    if record.is_success:
        values.update(
            etag=record.etag,
            last_modified=record.last_modified,
            last_success_at=record.attempted_at,
        )
    connection.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))
    if keys:
        connection.execute(
            insert(feed_items),
            [
                {"feed_id": feed_id, "entry_key": key, "taken_at": record.attempted_at}
                for key in sorted(keys)
            ],
        )


def _feed(row: Any) -> Feed:
    return Feed(
        id=row.id,
        url=row.url,
        title=row.title,
        section=row.section,
        interval_seconds=row.interval_seconds,
        is_fetching_articles=bool(row.is_fetching_articles),
        is_private_allowed=bool(row.is_private_allowed),
        etag=row.etag,
        last_modified=row.last_modified,
        status=row.status,
        last_error=row.last_error,
        last_success_at=row.last_success_at,
        last_attempt_at=row.last_attempt_at,
        next_poll_at=row.next_poll_at,
        failures=row.failures,
        items_seen=row.items_seen,
        created_at=row.created_at,
    )
