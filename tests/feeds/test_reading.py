"""Feeds read into entries: every format, and hostile or wrong content refused with a reason."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.feeds.server import BOMB, HTML_PAGE, LATIN1, atom, rss, rss091, rss1
from wiredesk.desk import page_of
from wiredesk.errors import InputError, SourceError
from wiredesk.model import Feed
from wiredesk.sources.feeds import entry_capture, read_feed
from wiredesk.sources.opml import read_opml, write_opml

BASE = "http://news.example"
NOW = datetime(2026, 3, 18, 14, tzinfo=UTC)


def test_rss2_entries_with_links_times_and_distinct_keys():
    body = read_feed(rss(BASE), f"{BASE}/feed.xml")
    assert body.title == "Nieuws"
    entries = body.entries
    assert entries[0].title == "Kabinet trekt extra geld uit voor dijkversterking"
    assert [e.link for e in entries] == [f"{BASE}/news/{n}" for n in range(3)]
    assert entries[0].published_at == datetime(2026, 3, 18, 10, tzinfo=UTC)
    assert len({e.key for e in entries}) == 3


@pytest.mark.parametrize(
    ("body", "title", "headline"),
    [
        (atom(BASE), "Markets", "Copper climbs to two-month high on Chinese demand hopes"),
        (rss1(BASE), "Bahn", "Bahn streicht Verbindungen wegen Sturm"),
        (rss091(BASE), "Oud", "Kabinet trekt extra geld uit voor dijkversterking"),
    ],
    ids=["atom", "rss1.0", "rss0.91"],
)
def test_other_formats_are_read(body: bytes, title: str, headline: str):
    read = read_feed(body, f"{BASE}/feed")
    assert read.title == title
    (entry,) = read.entries
    assert entry.title == headline
    assert entry.summary and "(" in entry.summary


def test_entry_becomes_a_capture_the_parser_reads():
    entry = read_feed(rss(BASE), f"{BASE}/feed.xml").entries[0]
    capture = entry_capture(entry, f"{BASE}/feed.xml", NOW)
    assert capture.url == f"{BASE}/news/0"
    assert capture.captured_at == NOW
    page = page_of(capture)
    assert page.article.headline == "Kabinet trekt extra geld uit voor dijkversterking"
    assert page.article.dateline is not None
    assert page.article.dateline.place == "DEN HAAG"


def test_entity_bomb_is_refused_before_feedparser_sees_it():
    with pytest.raises(SourceError, match="declares XML entities"):
        read_feed(BOMB, f"{BASE}/bomb.xml")


def test_external_entity_is_refused():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>'
    )
    with pytest.raises(SourceError, match="declares XML entities"):
        read_feed(body, f"{BASE}/xxe.xml")


def test_html_page_is_named_as_one():
    with pytest.raises(SourceError, match="got an HTML page \\(text/html\\), not an RSS"):
        read_feed(HTML_PAGE, f"{BASE}/index", "text/html")


def test_malformed_xml_without_entries_is_an_error():
    with pytest.raises(SourceError, match=r"not an RSS or Atom feed: .*not well-formed"):
        read_feed(b"<rss><<<&&& this is not XML", f"{BASE}/bad.xml")


def test_slightly_broken_feed_is_read_leniently():
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>A&nbsp;B</title><link>http://x/1</link></item></channel></rss>"
    )
    (entry,) = read_feed(body, f"{BASE}/nbsp.xml").entries
    assert entry.title == "A B"  # white space, the no-break space included, made plain


def test_a_feed_without_a_title_has_none_and_a_long_title_is_cut():
    untitled = b'<rss version="2.0"><channel><item><title>A</title><link>http://x/1</link></item></channel></rss>'
    assert read_feed(untitled, f"{BASE}/untitled.xml").title is None
    long = untitled.replace(b"<channel>", b"<channel><title>" + b"Nieuws " * 100 + b"</title>")
    title = read_feed(long, f"{BASE}/long.xml").title
    assert title is not None and title.startswith("Nieuws Nieuws") and len(title) == 200


def test_wrong_declared_charset_falls_back():
    (entry,) = read_feed(LATIN1, f"{BASE}/latin1.xml", "application/rss+xml; charset=utf-8").entries
    assert entry.title == "Premier opent café in Genève"


def _feed(url: str, section: str | None, title: str | None = None) -> Feed:
    return Feed(
        id=1, url=url, title=title, section=section, interval_seconds=900, is_fetching_articles=False,
        is_private_allowed=False, etag=None, last_modified=None, status="new", last_error=None,
        last_success_at=None, last_attempt_at=None, next_poll_at=NOW, failures=0, items_seen=0,
        created_at=NOW,
    )  # fmt: skip


def test_opml_round_trip_keeps_urls_sections_and_titles():
    feeds = [
        _feed(f"{BASE}/a.xml", "Buitenland", "ANP Buitenland"),
        _feed(f"{BASE}/b.xml?x=1&y=2", None),
    ]
    listed = read_opml(write_opml(feeds).encode(), "feeds.opml")
    assert [(f.url, f.section, f.title) for f in listed] == [
        (f"{BASE}/a.xml", "Buitenland", "ANP Buitenland"),
        (f"{BASE}/b.xml?x=1&y=2", None, f"{BASE}/b.xml?x=1&y=2"),  # no title: the URL is its text
    ]


def test_opml_folders_become_sections():
    body = (
        b'<?xml version="1.0"?><opml version="1.0"><head/><body>'
        b'<outline text="Sport"><outline text="Voetbal" xmlUrl="http://x/voetbal.xml"/></outline>'
        b'<outline text="Top" xmlUrl="http://x/top.xml"/></body></opml>'
    )
    listed = read_opml(body, "list.opml")
    assert [(f.url, f.section, f.title) for f in listed] == [
        ("http://x/voetbal.xml", "Sport", "Voetbal"),
        ("http://x/top.xml", None, "Top"),
    ]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (BOMB, "declares XML entities"),
        (b"<opml", "not well-formed"),
        (b"<rss/>", "not an OPML file"),
    ],
)
def test_bad_opml_is_named(body: bytes, reason: str):
    with pytest.raises(InputError, match=reason):
        read_opml(body, "list.opml")


def test_an_entry_dated_past_the_calendar_in_utc_has_no_date():
    body = rss(BASE).replace(
        b"<pubDate>Wed, 18 Mar 2026 10:00:00 GMT</pubDate>",
        b"<pubDate>Fri, 31 Dec 9999 23:30:00 -0100</pubDate>",
    )
    first, second, _ = read_feed(body, f"{BASE}/feed.xml").entries
    assert first.published_at is None
    assert second.published_at == datetime(2026, 3, 18, 11, tzinfo=UTC)
