"""Feed state in the store, on SQLite and PostgreSQL (tests/store/test_store.py checks that
the migrations make the tables schema.py describes)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from wiredesk.store import PollRecord, Store

NOW = datetime(2026, 3, 18, 14, tzinfo=UTC)


def test_due_feeds_and_entries_taken(store_url: str) -> None:
    with Store(store_url) as store:
        early = store.add_feed(
            "http://news.example/a.xml", section="Buitenland", interval_seconds=60,
            is_fetching_articles=False, is_private_allowed=False, now=NOW,
        )  # fmt: skip
        late = store.add_feed(
            "http://news.example/b.xml", section=None, interval_seconds=60,
            is_fetching_articles=True, is_private_allowed=True, now=NOW + timedelta(hours=1),
        )  # fmt: skip
        assert [feed.id for feed in store.feeds(due_at=NOW)] == [early.id]
        assert store.next_feed_poll_at() == NOW
        record = PollRecord(
            status="ok", last_error=None, etag='"x"', last_modified=None, attempted_at=NOW,
            next_poll_at=NOW + timedelta(hours=2), failures=0, is_success=True,
            entry_keys=("k1", "k2"),
        )  # fmt: skip
        store.record_poll(early.id, record)
        assert store.untaken_entries(early.id, ["k1", "k3"]) == {"k3"}
        assert store.untaken_entries(late.id, ["k1"]) == {"k1"}  # per feed
        store.record_poll(early.id, record)  # the same keys again count once
        feed = store.feed("http://news.example/a.xml")
        assert (feed.items_seen, feed.etag, feed.section, feed.status) == (
            2,
            '"x"',
            "Buitenland",
            "ok",
        )
        assert store.next_feed_poll_at() == NOW + timedelta(hours=1)
        failed = PollRecord(
            status="error", last_error="HTTP 500", etag=None, last_modified=None,
            attempted_at=NOW + timedelta(hours=3), next_poll_at=NOW + timedelta(hours=4),
            failures=1, is_success=False,
        )  # fmt: skip
        store.record_poll(early.id, failed)
        feed = store.feed(str(early.id))
        assert (feed.status, feed.last_error, feed.failures) == ("error", "HTTP 500", 1)
        assert feed.etag == '"x"' and feed.last_success_at == NOW  # kept from the success
        assert store.feed(str(late.id)).is_fetching_articles
