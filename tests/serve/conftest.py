"""The web app over a real store (SQLite and PostgreSQL) holding the demo's sample pages.

The pages are kept as captured by the demo at ``NOW`` and the app's clock
stands at ``NOW``, so the ANP sample's briefs are 1 to 5 hours old.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime

import httpx
import pytest

from tests.databases import new_database
from tests.serve.http import serving
from wiredesk.desk import load_samples
from wiredesk.model import StoredArticle
from wiredesk.query import Filters
from wiredesk.serve import Settings, create_app
from wiredesk.store import Store

NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
TOKEN = "s3cret-token-for-tests"
HEADLINE = "China wil zich niet mengen in samenwerking Rusland en Noord-Korea"


@pytest.fixture
def demo_store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as store:
        summary = load_samples(store, NOW)
        assert summary.errors == []
        yield store


@contextmanager
def client_for(store: Store, token: str | None = TOKEN) -> Iterator[httpx.Client]:
    """An HTTP client of the app over ``store``, served on 127.0.0.1."""
    settings = Settings(db=store.url, token=token, clock=lambda: NOW)
    with serving(create_app(settings, store=store)) as url, httpx.Client(base_url=url) as client:
        yield client


@pytest.fixture
def client(demo_store: Store) -> Iterator[httpx.Client]:
    with client_for(demo_store) as client:
        yield client


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_demo_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The demo's store made once for a module, on each database, for tests that only
    read it: loading the samples into a new store and serving it took about a second
    of each test's set-up on PostgreSQL."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'wiredesk.db'}"
        else:
            url = stack.enter_context(new_database(request.getfixturevalue("postgres_server")))
        store = stack.enter_context(Store(url))
        summary = load_samples(store, NOW)
        assert summary.errors == []
        yield store


@pytest.fixture(scope="module")
def shared_server(shared_demo_store: Store) -> Iterator[str]:
    """The app over the shared demo store, served on 127.0.0.1 for a module: its URL."""
    settings = Settings(db=shared_demo_store.url, token=TOKEN, clock=lambda: NOW)
    with serving(create_app(settings, store=shared_demo_store)) as url:
        yield url


@pytest.fixture
def shared_client(shared_server: str) -> Iterator[httpx.Client]:
    """A new client (no cookies yet) of the shared server, for a test that only reads."""
    with httpx.Client(base_url=shared_server) as client:
        yield client


def sample_article(store: Store) -> StoredArticle:
    [article] = store.latest(Filters(place="BEIJING"), limit=1)
    assert article.article.headline == HEADLINE
    return article
