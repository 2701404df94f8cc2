"""The feed server for the feed tests: one per session, its request log cleared per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.feeds.server import FeedServer, serving
from wiredesk.sources.http import Fetcher, Limits

# Short limits, so that the slow and hanging routes fail quickly.
TEST_LIMITS = Limits(timeout_seconds=1.0, total_seconds=2.0, max_bytes=10 * 1024 * 1024)


@pytest.fixture(scope="session")
def feed_server_session() -> Iterator[FeedServer]:
    with serving() as server:
        yield server


@pytest.fixture
def feed_server(feed_server_session: FeedServer) -> FeedServer:
    with feed_server_session.lock:
        feed_server_session.log.clear()
    return feed_server_session


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(limits=TEST_LIMITS) as client:
        yield client
