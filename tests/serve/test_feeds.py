"""Atom feeds per section, per place and per search, read back with feedparser."""

from __future__ import annotations

import feedparser
import httpx
import pytest
from httpx import Client

from tests.serve.conftest import HEADLINE, NOW, client_for
from tests.serve.http import serving
from wiredesk.serve import Settings, create_app
from wiredesk.serve.settings import read_base_url
from wiredesk.store import Store


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


def test_a_configured_base_url_wins_over_the_host_header(demo_store: Store) -> None:
    """Atom ids and links name the site's own address, whatever Host a client sends; with
    none configured they follow the request, as the README says."""
    evil = {"Host": "evil.example"}
    settings = Settings(db=demo_store.url, clock=lambda: NOW, base_url="https://news.example/desk")
    with serving(create_app(settings, store=demo_store)) as url:
        response = httpx.get(url + "/search.atom", params={"q": "Koersk"}, headers=evil)
        feed = feedparser.parse(response.content)
        assert "evil.example" not in response.text
        assert feed.feed.id == "https://news.example/desk/search.atom?q=Koersk"
        assert feed.entries[0].id.startswith("https://news.example/desk/article/")
        assert feed.entries[0].link == feed.entries[0].id
        links = {link.rel: link.href for link in feed.feed.links}
        assert links["self"] == "https://news.example/desk/search.atom?q=Koersk"
        assert links["alternate"] == "https://news.example/desk/search?q=Koersk"
    with client_for(demo_store) as client:
        unconfigured = client.get("/section/buitenland.atom", headers=evil)
        assert (
            feedparser.parse(unconfigured.content)
            .entries[0]
            .link.startswith("http://evil.example/article/")
        )


def test_a_base_url_is_read_strictly() -> None:
    assert read_base_url("https://News.Example/desk/") == "https://news.example/desk"
    assert read_base_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    for bad in ("news.example", "ftp://news.example/", "https://news.example/?a=1", "https://u@x/"):
        with pytest.raises(ValueError):
            read_base_url(bad)
