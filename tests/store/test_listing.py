"""The read queries the web pages use, on SQLite and PostgreSQL: pages of a listing are the
stream ``wiredesk export`` gives, sections and slugs resolve, a page is read at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tests.conftest import CORPUS, SAMPLES
from wiredesk.desk import ingest
from wiredesk.errors import NotFound
from wiredesk.query import Filters
from wiredesk.sources.files import iter_captures
from wiredesk.store import Store

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
FILTERS = [
    Filters(),
    Filters(section="Buitenland"),
    Filters(section="BUITENLAND", kind="brief"),
    Filters(place="londen"),
    Filters(agency="AFP"),
    Filters(language="de"),
    Filters(kind="article", since=datetime(2026, 3, 18, 11, tzinfo=UTC)),
    Filters(until=datetime(2026, 3, 18, 12, tzinfo=UTC), agency="anp"),
]


@pytest.fixture
def corpus_store(store_url: str) -> Store:
    store = Store(store_url)
    summary = ingest(store, iter_captures([str(SAMPLES), str(CORPUS)], CAPTURED_AT))
    assert summary.errors == []
    return store


def test_pages_of_a_listing_are_the_streamed_articles(corpus_store: Store) -> None:
    with corpus_store as store:
        for filters in FILTERS:
            everything = [article.id for article in store.articles(filters)]
            assert everything, filters
            pages = [
                [article.id for article in store.latest(filters, limit=3, offset=offset)]
                for offset in range(0, len(everything) + 3, 3)
            ]
            assert [i for page in pages for i in page] == everything, filters
            first, *rest = everything
            assert [a.id for a in store.latest(filters, limit=5, leave_out=first)] == rest[:5]


def test_sections_and_names_behind_slugs(corpus_store: Store) -> None:
    with corpus_store as store:
        sections = {section.name: section for section in store.sections()}
        assert sections["Buitenland"].count == len(
            list(store.articles(Filters(section="Buitenland")))
        )
        newest = [section.latest_at for section in store.sections()]
        assert newest == sorted(newest, reverse=True)
        assert store.named("section", "buitenland") == "Buitenland"
        assert store.named("place", "mexico-stad") == "MEXICO-STAD"
        assert store.named("place", "londen") == "LONDEN"
        assert store.named("agency", "afp") == "AFP"
        assert store.named("section", "atlantis") is None
        each = store.latest_each([(Filters(), 2), (Filters(section="Buitenland"), 1)])
        assert [len(found) for found in each] == [2, 1]


def test_an_article_page_is_read_at_once(corpus_store: Store) -> None:
    with corpus_store as store:
        [article] = store.latest(Filters(place="BEIJING"), limit=1)
        page = store.article_with_rail(article.id, rail_items=7)
        # The page's story is the listed one, with what enrichment found in it.
        found = page.article.article
        assert found.entities and found.quotes
        plain = replace(found, entities=(), quotes=(), figures=())
        assert replace(page.article, article=plain) == article
        assert [version.version for version in page.versions] == [1]
        assert len(page.rail) == 7 and article.id not in {item.id for item in page.rail}
        assert all(item.article.section == "Buitenland" for item in page.rail)
        with pytest.raises(NotFound):
            store.article_with_rail(10**6, rail_items=7)
