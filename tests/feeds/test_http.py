"""The fetcher against a real server on 127.0.0.1: politeness, limits and failures."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from tests.feeds.server import ETAG, LAST_MODIFIED, FeedServer
from wiredesk.errors import SourceError
from wiredesk.sources.http import USER_AGENT, Fetcher, HostLocks, read_retry_after


def test_feed_comes_with_its_etag_and_last_modified(feed_server: FeedServer, fetcher: Fetcher):
    response = fetcher.get(f"{feed_server.base}/feed.xml", is_private_allowed=True)
    assert response.status == 200
    assert response.etag == ETAG
    assert response.last_modified == LAST_MODIFIED
    assert b"Kabinet trekt extra geld" in response.body


def test_unchanged_feed_costs_one_304(feed_server: FeedServer, fetcher: Fetcher):
    response = fetcher.get(f"{feed_server.base}/feed.xml", etag=ETAG, is_private_allowed=True)
    assert response.is_not_modified
    assert response.body == b""
    assert feed_server.requests_for("/feed.xml") == [304]


def test_user_agent_names_wiredesk():
    assert USER_AGENT.startswith("wiredesk/")


def test_loopback_is_refused_unless_allowed(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match=r"127\.0\.0\.1, a loopback address.*--allow-private"):
        fetcher.get(f"{feed_server.base}/feed.xml")
    assert feed_server.requests_for("/feed.xml") == []  # refused before asking


def test_redirect_is_followed(feed_server: FeedServer, fetcher: Fetcher):
    response = fetcher.get(f"{feed_server.base}/redirect.xml", is_private_allowed=True)
    assert response.url == f"{feed_server.base}/feed.xml"
    assert feed_server.requests_for("/redirect.xml") == [301]


def test_redirect_loop_is_named(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match="redirect loop"):
        fetcher.get(f"{feed_server.base}/loop-a", is_private_allowed=True)
    assert len(feed_server.requests_for("/loop-a")) == 1


def test_redirects_stop_at_the_limit(feed_server: FeedServer, fetcher: Fetcher):
    assert fetcher.get(f"{feed_server.base}/hops/4", is_private_allowed=True).status == 200
    with pytest.raises(SourceError, match="more than 5 redirects"):
        fetcher.get(f"{feed_server.base}/hops/5", is_private_allowed=True)


def test_429_gives_retry_after(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match="HTTP 429") as raised:
        fetcher.get(f"{feed_server.base}/limited.xml", is_private_allowed=True)
    assert raised.value.status == 429
    assert raised.value.retry_after == 120


def test_503_with_a_date_gives_retry_after(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match="HTTP 503") as raised:
        fetcher.get(f"{feed_server.base}/unavailable.xml", is_private_allowed=True)
    assert raised.value.retry_after == 7 * 24 * 3600  # 2099, capped at a week


def test_retry_after_forms():
    now = datetime(2026, 3, 18, 14, tzinfo=UTC)
    assert read_retry_after("30", now) == 30
    assert read_retry_after("Wed, 18 Mar 2026 14:02:00 GMT", now) == 120
    assert read_retry_after("soon", now) is None
    assert read_retry_after(None, now) is None


def test_huge_body_is_cut_off_while_streaming(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match="too large: more than 10,485,760 bytes"):
        fetcher.get(f"{feed_server.base}/huge.xml", is_private_allowed=True)


def test_compressed_body_is_counted_as_it_unpacks(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match="too large: more than 10,485,760 bytes"):
        fetcher.get(f"{feed_server.base}/gzip-bomb.xml", is_private_allowed=True)


def test_huge_declared_length_is_refused_before_reading(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match="too large: 11,534,336 bytes"):
        fetcher.get(f"{feed_server.base}/huge-declared.xml", is_private_allowed=True)


def test_trickling_server_hits_the_total_limit(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match="too slow: not complete after 2 s"):
        fetcher.get(f"{feed_server.base}/slow.xml", is_private_allowed=True)


def test_server_that_never_answers_times_out(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match="did not answer within 1 s"):
        fetcher.get(f"{feed_server.base}/hang.xml", is_private_allowed=True)


def test_connection_reset_is_named(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match=r"broke off the connection|connection was reset"):
        fetcher.get(f"{feed_server.base}/reset.xml", is_private_allowed=True)


def test_nothing_listening_is_named(fetcher: Fetcher):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(SourceError, match="cannot connect"):
        fetcher.get(f"http://127.0.0.1:{port}/feed.xml", is_private_allowed=True)


def test_404_is_named(feed_server: FeedServer, fetcher: Fetcher):
    with pytest.raises(SourceError, match="HTTP 404 Not Found"):
        fetcher.get(f"{feed_server.base}/nothing.xml", is_private_allowed=True)


def test_one_request_at_a_time_per_host():
    locks = HostLocks()
    inside = threading.Event()
    release = threading.Event()
    order: list[str] = []

    def first() -> None:
        with locks.hold("example.org:"):
            inside.set()
            release.wait(5)
            order.append("first")

    def second() -> None:
        with locks.hold("example.org:"):
            order.append("second")

    one = threading.Thread(target=first)
    one.start()
    inside.wait(5)
    two = threading.Thread(target=second)
    two.start()
    two.join(0.2)
    assert two.is_alive()  # waits for the host
    with locks.hold("other.org:"):  # another host does not wait
        order.append("other")
    release.set()
    one.join(5)
    two.join(5)
    assert order == ["other", "first", "second"]


def test_host_locks_are_not_kept_once_released():
    locks = HostLocks()
    for number in range(1000):
        with locks.hold(f"host{number}.example:"):
            pass
    assert len(locks) == 0
