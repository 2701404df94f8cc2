"""Polling feeds into a real store (SQLite and PostgreSQL) from the server on 127.0.0.1."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.feeds.server import STORIES, FeedServer
from wiredesk.desk import reparse
from wiredesk.errors import StoreError
from wiredesk.poller import Poller
from wiredesk.query import Filters
from wiredesk.sources.http import Fetcher
from wiredesk.store import Store


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


def add(
    store: Store, url: str, *, interval: int = 900, fetch: bool = False, section: str | None = None
) -> int:
    feed = store.add_feed(
        url,
        section=section,
        interval_seconds=interval,
        is_fetching_articles=fetch,
        is_private_allowed=True,
        now=datetime.now(UTC),
    )
    return feed.id


def headlines(store: Store) -> set[str | None]:
    return {stored.article.headline for stored in store.articles(Filters())}


def test_poll_keeps_the_entries_and_the_next_poll_costs_one_304(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    add(store, f"{feed_server.base}/feed.xml")
    poller = Poller(store, fetcher)
    first = poller.poll()
    assert (first.polls, first.new_entries, first.articles, first.errors) == (1, 3, 3, [])
    assert "Copper climbs to two-month high on Chinese demand hopes" in headlines(store)
    (feed,) = store.feeds()
    assert (feed.status, feed.items_seen, feed.failures) == ("ok", 3, 0)
    assert feed.etag == '"feed-v1"'
    assert feed.last_success_at is not None
    assert feed.title == "Nieuws"

    assert poller.poll().polls == 0  # not due before its interval
    second = poller.poll(is_due_only=False)
    assert (second.polls, second.not_modified, second.new_entries) == (1, 1, 0)
    assert feed_server.requests_for("/feed.xml") == [200, 304]
    assert store.capture_count() == 3
    assert store.feeds()[0].title == "Nieuws"  # a 304 brings no title, and takes none away


def test_entries_taken_before_are_not_taken_again(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    feed_id = add(store, f"{feed_server.base}/feed.xml")
    poller = Poller(store, fetcher)
    poller.poll()
    # Forget the ETag: the server sends the whole feed again, its entries are known.
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE feeds SET etag = NULL")
    again = poller.poll(is_due_only=False)
    assert (again.polls, again.not_modified, again.new_entries) == (1, 0, 0)
    assert store.feed(str(feed_id)).items_seen == 3
    assert store.capture_count() == 3


def test_a_hostile_feed_gets_its_reason_and_the_others_go_on(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    good = add(store, f"{feed_server.base}/feed.xml")
    reasons = {
        "/bomb.xml": "declares XML entities",
        "/html-page.xml": "got an HTML page",
        "/malformed.xml": "not an RSS or Atom feed",
        "/loop-a": "redirect loop",
        "/reset.xml": "connection",
        "/hang.xml": "did not answer within 1 s",
        "/huge.xml": "too large",
        "/nothing.xml": "HTTP 404",
    }
    ids = {path: add(store, f"{feed_server.base}{path}") for path in reasons}
    summary = Poller(store, fetcher).poll()
    assert summary.polls == 1 + len(reasons)
    assert len(summary.errors) == len(reasons)
    assert summary.articles == 3
    assert store.feed(str(good)).status == "ok"
    for path, reason in reasons.items():
        feed = store.feed(str(ids[path]))
        assert feed.status == "error", path
        assert feed.last_error is not None and reason in feed.last_error, (path, feed.last_error)
        assert feed.failures == 1


def test_errors_back_off_and_retry_after_is_honoured(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    limited = add(store, f"{feed_server.base}/limited.xml", interval=60)
    broken = add(store, f"{feed_server.base}/nothing.xml", interval=60)
    poller = Poller(store, fetcher, rng=random.Random(1))
    started = datetime.now(UTC)
    poller.poll()
    feed = store.feed(str(limited))
    assert feed.last_error == "HTTP 429 Too Many Requests; asked to wait 120 s"
    assert feed.next_poll_at >= started + timedelta(seconds=120)
    waits = []
    for _ in range(3):
        feed = store.feed(str(broken))
        assert feed.last_attempt_at is not None
        waits.append((feed.next_poll_at - feed.last_attempt_at).total_seconds())
        poller.poll(now=feed.next_poll_at)
    # Twice the interval per error in a row, plus up to 10% of the interval.
    for failures, wait in enumerate(waits, start=1):
        assert 60 * 2**failures <= wait <= 60 * 2**failures + 6
    assert store.feed(str(broken)).failures == 4
    # --all does not hurry a feed that is backing off.
    assert poller.poll(is_due_only=False).polls == 0


def test_next_poll_after_success_is_the_interval_with_jitter(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    poller = Poller(store, fetcher)
    feed_id = add(store, f"{feed_server.base}/feed.xml", interval=1000)
    poller.poll()
    feed = store.feed(str(feed_id))
    assert feed.last_attempt_at is not None
    wait = (feed.next_poll_at - feed.last_attempt_at).total_seconds()
    assert 1000 <= wait <= 1100


def test_linked_pages_are_fetched_where_robots_txt_allows(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    add(store, f"{feed_server.base}/with-pages.xml", fetch=True)
    summary = Poller(store, fetcher).poll()
    assert summary.new_entries == 2
    assert feed_server.requests_for("/robots.txt") == [200]
    assert feed_server.requests_for("/articles/0") == [200]
    assert feed_server.requests_for("/private/1") == []  # disallowed: the summary is kept
    assert any("robots.txt does not allow" in problem for problem in summary.page_errors)
    assert summary.articles == 2
    assert store.capture_count() == 2


def sections(store: Store, kind: str = "article") -> dict[str | None, str | None]:
    return {
        story.article.headline: story.article.section
        for story in store.articles(Filters(kind=kind))
    }


def test_a_feeds_section_goes_to_its_articles_and_stays_when_parsed_again(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    add(store, f"{feed_server.base}/feed.xml", section="Binnenland")
    add(store, f"{feed_server.base}/latin1.xml")  # no section: none is made up
    summary = Poller(store, fetcher).poll()
    assert (summary.articles, summary.errors, summary.copy_errors) == (4, [], [])
    expected = {
        "Kabinet trekt extra geld uit voor dijkversterking": "Binnenland",
        "Copper climbs to two-month high on Chinese demand hopes": "Binnenland",
        "Bahn streicht Verbindungen wegen Sturm": "Binnenland",
    }
    found = sections(store)
    assert found == {**expected, "Premier opent café in Genève": None}
    assert [story.article.section for story in store.articles(Filters(section="Binnenland"))] == [
        "Binnenland"
    ] * 3
    reparse(store)  # the archive remembers what the feed said
    assert sections(store) == found


def test_a_page_that_names_its_section_keeps_it(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    add(store, f"{feed_server.base}/with-rail.xml", section="Sport", fetch=True)
    summary = Poller(store, fetcher).poll()
    assert (summary.articles, summary.briefs, summary.copy_errors) == (1, 2, [])
    assert feed_server.requests_for("/railed/0") == [200]
    # The page's own rail, "Meer uit Buitenland", says where it belongs; its briefs too.
    assert sections(store) == {"Kabinet trekt extra geld uit voor dijkversterking": "Buitenland"}
    assert set(sections(store, "brief").values()) == {"Buitenland"}
    reparse(store)
    assert sections(store) == {"Kabinet trekt extra geld uit voor dijkversterking": "Buitenland"}


def test_the_same_feed_twice_is_refused(store: Store, feed_server: FeedServer):
    add(store, f"{feed_server.base}/feed.xml")
    with pytest.raises(StoreError, match="already in the list"):
        add(store, f"{feed_server.base}/feed.xml")


def test_removing_a_feed_keeps_its_news(store: Store, fetcher: Fetcher, feed_server: FeedServer):
    add(store, f"{feed_server.base}/feed.xml")
    Poller(store, fetcher).poll()
    removed = store.remove_feed(f"{feed_server.base}/feed.xml")
    assert removed.items_seen == 3
    assert store.feeds() == []
    assert len(headlines(store)) == 3


def published(store: Store) -> dict[str | None, datetime | None]:
    return {
        story.article.headline: story.article.published_at
        for story in store.articles(Filters(kind="article"))
    }


def test_an_entrys_date_dates_its_article_and_stays_when_parsed_again(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    """The summaries print no date: each article is dated by its entry's <pubDate>, not by
    the poll, and the archive remembers it."""
    add(store, f"{feed_server.base}/feed.xml")
    summary = Poller(store, fetcher).poll()
    assert (summary.articles, summary.copy_errors) == (3, [])
    expected = {
        title: datetime(2026, 3, 18, 10 + n, tzinfo=UTC) for n, (title, _) in enumerate(STORIES)
    }
    assert published(store) == expected
    reparse(store)
    assert published(store) == expected


def test_a_fetched_page_without_a_date_takes_its_entrys(
    store: Store, fetcher: Fetcher, feed_server: FeedServer
):
    add(store, f"{feed_server.base}/with-rail.xml", fetch=True)
    Poller(store, fetcher).poll()
    assert feed_server.requests_for("/railed/0") == [200]
    assert published(store) == {STORIES[0][0]: datetime(2026, 3, 18, 10, tzinfo=UTC)}
