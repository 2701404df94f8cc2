"""The /feeds page and its JSON twin: the feeds polled and how their polls went, from a real
poll of the feed server on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from tests.feeds.conftest import TEST_LIMITS
from tests.feeds.server import HOSTILE_REASON, FeedServer, serving
from tests.serve.conftest import client_for
from tests.serve.test_escaping import assert_inert
from wiredesk.json_records import feed_to_json
from wiredesk.poller import Poller
from wiredesk.sources.http import Fetcher
from wiredesk.store import Store

DUTCH = {"Accept-Language": "nl-NL,nl;q=0.9"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    with serving() as server:
        yield server


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


def add(store: Store, url: str, section: str | None = None) -> None:
    store.add_feed(
        url,
        section=section,
        interval_seconds=900,
        is_fetching_articles=False,
        is_private_allowed=True,
        now=datetime.now(UTC),
    )


def polled(store: Store, feed_server: FeedServer) -> Store:
    """A good feed, a feed whose server answers with markup, polled twice; a feed never polled."""
    add(store, f"{feed_server.base}/feed.xml", section="Binnenland")
    add(store, f"{feed_server.base}/hostile-status.xml")
    with Fetcher(limits=TEST_LIMITS) as fetcher:
        poller = Poller(store, fetcher)
        poller.poll()
        poller.poll(is_due_only=False, now=datetime.now(UTC).replace(year=2099))
    add(store, f"{feed_server.base}/rss1.xml", section="Verkeer")
    return store


def feed_items(html: str) -> list[str]:
    return html.split('<ol class="feeds">', 1)[1].split("</ol>", 1)[0].split("<li ")[1:]


def test_feeds_page_shows_each_feed_and_its_error_reason_escaped(
    demo_store: Store, feed_server: FeedServer
) -> None:
    store = polled(demo_store, feed_server)  # the samples hold stories in Binnenland
    with client_for(store) as client:
        page = client.get("/feeds", headers=ENGLISH)
        dutch = client.get("/feeds", headers=DUTCH).text
        twin = client.get("/feeds.json", headers=ENGLISH).json()
    assert page.status_code == 200
    assert_inert(page.text)
    good, hostile, new = feed_items(page.text)

    assert "<h2>Nieuws</h2>" in good  # the title the feed gives itself
    assert f'<a href="{feed_server.base}/feed.xml" rel="nofollow noreferrer">' in good
    assert '<dd class="status">working</dd>' in good
    assert '<a href="/section/binnenland">Binnenland</a>' in good  # a section with stories
    assert "<dd>3</dd>" in good
    assert "Last error" not in good

    assert f"<h2>{feed_server.base}/hostile-status.xml</h2>" in hostile  # no title known
    assert '<dd class="status">error</dd>' in hostile
    assert "2 errors in a row" in hostile
    assert (
        '<span lang="en">HTTP 500 &lt;script&gt;alert(&#34;feed&#34;)&lt;/script&gt;</span>'
        in hostile
    )
    assert "<dt>Last success</dt>\n      <dd>never</dd>" in hostile

    assert '<dd class="status">not polled yet</dd>' in new
    assert "<dd>Verkeer</dd>" in new  # no story in that section yet: no link
    assert "due now" not in new  # added after the app's clock

    assert '<dd class="status">fout</dd>' in dutch and "2 fouten op rij" in dutch
    assert "Laatste fout" in dutch and "nog niet opgehaald" in dutch

    assert twin["page"] == "feeds"
    listed = twin["feeds"]
    assert [
        {key: feed[key] for key in feed_to_json(stored)}
        for feed, stored in zip(listed, store.feeds(), strict=True)
    ] == [feed_to_json(stored) for stored in store.feeds()]
    assert listed[1]["last_error"] == f"HTTP 500 {HOSTILE_REASON}"
    assert listed[1]["failures"] == 2
    assert (listed[0]["title"], listed[0]["items_seen"]) == ("Nieuws", 3)
    assert listed[0]["section_url"] == "/section/binnenland"
    assert listed[2]["section_url"] is None


def test_feeds_json_twin_by_accept_header_is_the_same(
    store: Store, feed_server: FeedServer
) -> None:
    polled(store, feed_server)
    with client_for(store) as client:
        by_suffix = client.get("/feeds.json")
        by_accept = client.get("/feeds", headers={"Accept": "application/json"})
    assert by_accept.headers["content-type"] == "application/json"
    assert by_accept.json() == by_suffix.json()


def test_no_feeds_reads_sensibly(store: Store) -> None:
    with client_for(store) as client:
        english = client.get("/feeds", headers=ENGLISH)
        dutch = client.get("/feeds", headers=DUTCH)
        twin = client.get("/feeds.json").json()
        front = client.get("/", headers=ENGLISH).text
    assert english.status_code == 200
    assert "No feeds yet. Add one with: <code>wiredesk feeds add URL</code>" in english.text
    assert '<ol class="feeds">' not in english.text
    assert "Nog geen feeds. Voeg er een toe met:" in dutch.text
    assert twin == {"language": "nl", "page": "feeds", "feeds": []}
    assert '<a href="/feeds">Feeds</a>' in front  # in the footer of every page
