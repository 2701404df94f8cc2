"""What the faces ask of the service layer, on SQLite and PostgreSQL: a page of stories and
whether another follows, a search read from the user's words, a new feed behind the guard."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import SAMPLES
from wiredesk.desk import add_feed, ingest, list_stories, search
from wiredesk.errors import QueryError, SourceError, StoreError
from wiredesk.query import Filters
from wiredesk.sources.files import iter_captures
from wiredesk.store import Store

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)


@pytest.fixture
def sample_store(store_url: str) -> Store:
    """The sample page: one article from BEIJING and seven briefs, in section Buitenland."""
    store = Store(store_url)
    summary = ingest(store, iter_captures([str(SAMPLES / "anp-buitenland.txt")], CAPTURED_AT))
    assert summary.errors == []
    return store


def test_pages_of_stories_say_whether_another_follows(sample_store: Store) -> None:
    with sample_store as store:
        everything = store.latest(Filters(), limit=100)
        assert len(everything) == 8
        first = list_stories(store, Filters(), limit=5)
        last = list_stories(store, Filters(), limit=5, offset=5)
        assert (len(first.articles), first.has_more) == (5, True)
        assert (len(last.articles), last.has_more) == (3, False)
        assert [*first.articles, *last.articles] == everything
        exact = list_stories(store, Filters(kind="brief"), limit=7)
        assert (len(exact.articles), exact.has_more) == (7, False)


def test_a_search_reads_the_users_words_and_pages_its_hits(sample_store: Store) -> None:
    with sample_store as store:
        found = search(store, "Zelensky", Filters(), now=CAPTURED_AT, limit=2)
        assert len(found.hits) == 2 and found.has_more
        assert found.query.words == {"zelensky"}
        rest = search(store, "Zelensky", Filters(), now=CAPTURED_AT, limit=2, offset=2)
        assert not rest.has_more
        assert {hit.id for hit in found.hits}.isdisjoint(hit.id for hit in rest.hits)
        briefs = search(store, "Zelensky", Filters(kind="brief", place="londen"), now=CAPTURED_AT)
        assert {hit.place for hit in briefs.hits} == {"LONDEN"}
        with pytest.raises(QueryError, match="ends with an operator"):
            search(store, "drone OR", Filters(), now=CAPTURED_AT)


def test_a_feed_is_added_behind_the_guard_and_due_at_once(store_url: str) -> None:
    with Store(store_url) as store:
        with pytest.raises(SourceError, match="a loopback address"):
            add_feed(store, "http://127.0.0.1:9/feed.xml", interval_seconds=900)
        assert store.feeds() == []
        added = add_feed(
            store,
            "http://127.0.0.1:9/feed.xml",
            section="Binnenland",
            interval_seconds=900,
            is_private_allowed=True,
            now=CAPTURED_AT,
        )
        feed = added.feed
        assert added.warning is None
        assert (feed.section, feed.interval_seconds, feed.next_poll_at) == (
            "Binnenland",
            900,
            CAPTURED_AT,
        )
        # A host that does not resolve may only be down for now: added, and checked at each poll.
        later = add_feed(store, "http://news.invalid/feed.xml", interval_seconds=60)
        assert later.feed.next_poll_at <= datetime.now(UTC)
        assert later.warning is not None
        assert later.warning.startswith("http://news.invalid/feed.xml: cannot resolve news.invalid")
        assert later.warning.endswith("; added all the same, and checked again at every poll")
        with pytest.raises(StoreError, match="already in the list"):
            add_feed(store, "http://news.invalid/feed.xml", interval_seconds=60)
