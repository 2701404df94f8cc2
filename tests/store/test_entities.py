"""What enrichment finds, kept with the stories: entities with their mentions, quotes and
figures, filled on ingest and by reparse, those of the current version only; on SQLite
and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy import text as sql

from tests.conftest import SAMPLES
from tests.store.test_versions import ANP_FIRST, ANP_SECOND, captures
from wiredesk.desk import ingest, reparse
from wiredesk.query import Filters
from wiredesk.sources.files import iter_captures
from wiredesk.store import Store

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
T0 = datetime(2026, 3, 18, 9, 0, tzinfo=UTC)
SAMPLE = SAMPLES / "anp-buitenland.txt"
RUSSIA = "geonames:2017370"
NORTH_KOREA = "geonames:1873107"


def rows(url: str, query: str, **values: Any) -> list[tuple[Any, ...]]:
    engine = create_engine(url)
    with engine.connect() as connection:
        found = [tuple(row) for row in connection.execute(sql(query), values)]
    engine.dispose()
    return found


def keep_sample(store: Store) -> int:
    """Ingest the ANP sample page; the id of its main article."""
    summary = ingest(store, iter_captures([str(SAMPLE)], CAPTURED_AT))
    assert summary.errors == []
    [article] = store.latest(Filters(kind="article"), limit=1, now=CAPTURED_AT)
    return article.id


def test_ingest_keeps_each_storys_entities_quotes_and_figures(store_url: str) -> None:
    with Store(store_url) as store:
        article_id = keep_sample(store)
    kept = dict(
        rows(
            store_url,
            "SELECT entity_id, mentions FROM article_entities WHERE article_id = :id",
            id=article_id,
        )
    )
    assert kept[RUSSIA] == 7 and kept[NORTH_KOREA] == 8
    assert {"person:selensky", "person:blinken", "org:ministry-foreign-affairs-cn"} <= set(kept)
    [(spans,)] = rows(
        store_url,
        "SELECT spans FROM article_entities WHERE article_id = :id AND entity_id = :e",
        id=article_id,
        e=RUSSIA,
    )
    assert len(json.loads(spans)) == 7
    assert rows(store_url, "SELECT type, name FROM entities WHERE id = :e", e=RUSSIA) == [
        ("place", "Russia")
    ]
    speakers = rows(
        store_url,
        "SELECT speaker_entity, speaker_role FROM article_quotes WHERE article_id = :id "
        "ORDER BY position",
        id=article_id,
    )
    assert speakers[0] == ("org:ministry-foreign-affairs-cn", "woordvoerder")
    assert ("person:selensky", "president") in speakers
    assert rows(store_url, "SELECT count(*) FROM article_figures WHERE article_id = :id",
                id=article_id) == [(3,)]  # fmt: skip
    # The rail's briefs have their own: Starmer, Sheinbaum, NATO, Larijani.
    in_briefs = {
        entity
        for (entity,) in rows(
            store_url,
            "SELECT entity_id FROM article_entities e JOIN articles a ON a.id = e.article_id "
            "WHERE a.kind = 'brief'",
        )
    }
    assert {"person:starmer", "person:sheinbaum", "org:nato", "person:lariyani"} <= in_briefs


def test_reparse_fills_what_a_store_kept_before_its_findings_were(store_url: str) -> None:
    """A store kept before revision 0010 has no findings: reparse reads them again."""
    tables = ("article_entities", "article_quotes", "article_figures", "entities")
    with Store(store_url) as store:
        keep_sample(store)
        counts = [rows(store_url, f"SELECT count(*) FROM {table}") for table in tables]
        engine = create_engine(store_url)
        with engine.begin() as connection:
            for table in tables:
                connection.execute(sql(f"DELETE FROM {table}"))
        engine.dispose()
        reparse(store)
        assert [rows(store_url, f"SELECT count(*) FROM {table}") for table in tables] == counts
        reparse(store)  # and again: nothing doubled
        assert [rows(store_url, f"SELECT count(*) FROM {table}") for table in tables] == counts


PARIS_FIRST = ANP_FIRST
PARIS_SECOND = ANP_SECOND.replace(
    "De oppositie noemt het plan onhaalbaar",
    "Rusland en Frankrijk noemen het plan onhaalbaar",
)


def entities_of(url: str, article_id: int) -> set[str]:
    found = rows(
        url, "SELECT entity_id FROM article_entities WHERE article_id = :id", id=article_id
    )
    return {entity for (entity,) in found}


def test_a_new_version_replaces_the_storys_findings(store_url: str) -> None:
    with Store(store_url) as store:
        ingest(store, captures((PARIS_FIRST, T0)), language="nl")
        [article] = store.latest(Filters(), limit=1, now=T0)
        assert RUSSIA not in entities_of(store_url, article.id)
        ingest(store, captures((PARIS_SECOND, T0 + timedelta(hours=1))), language="nl")
        [again] = store.latest(Filters(), limit=1, now=T0)
        assert (again.id, again.version) == (article.id, 2)
        assert RUSSIA in entities_of(store_url, article.id)
        assert rows(store_url, "SELECT count(*) FROM article_entities WHERE entity_id = :e",
                    e=RUSSIA) == [(1,)]  # fmt: skip


def test_an_earlier_version_arriving_late_leaves_the_current_findings(store_url: str) -> None:
    with Store(store_url) as store:
        ingest(store, captures((PARIS_SECOND, T0 + timedelta(hours=1))), language="nl")
        ingest(store, captures((PARIS_FIRST, T0)), language="nl")
        [article] = store.latest(Filters(), limit=1, now=T0)
        assert article.version == 2
        assert RUSSIA in entities_of(store_url, article.id)
