"""Atom feeds per section, per place and per search, read back with feedparser."""

from __future__ import annotations

import feedparser
from httpx import Client

from tests.serve.conftest import HEADLINE


def read_feed(client: Client, url: str, **params: str) -> feedparser.FeedParserDict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_section_feed_lists_the_section_newest_first(client: Client) -> None:
    feed = read_feed(client, "/section/buitenland.atom")
    assert feed.feed.title == "Buitenland — wiredesk"
    assert len(feed.entries) == 12
    first = feed.entries[0]
    assert first.title == HEADLINE
    assert first.link.startswith("http://127.0.0.1:")
    assert "/article/" in first.link
    assert "Koersk" in first.content[0].value
    assert {author.name for author in first.authors} == {"ANP", "AFP"}
    assert first.tags[0].term == "Buitenland"


def test_place_and_search_feeds(client: Client) -> None:
    london = read_feed(client, "/place/londen.atom")
    assert len(london.entries) == 2
    assert all(entry.link.split("/article/")[1] for entry in london.entries)
    search = read_feed(client, "/search.atom", q="Koersk")
    assert search.entries[0].title == HEADLINE
    english = client.get("/search.atom", params={"q": "Koersk"}, headers={"Accept-Language": "en"})
    assert feedparser.parse(english.content).feed.title == "Search: Koersk — wiredesk"


def test_feed_errors(client: Client) -> None:
    assert client.get("/section/atlantis.atom").status_code == 404
    assert client.get("/search.atom").status_code == 400
    assert client.get("/search.atom", params={"q": "a OR"}).status_code == 400
