"""What enrichment finds, kept with the stories: entities with their mentions, quotes and
figures, filled on ingest and by reparse, those of the current version only; on SQLite
and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text as sql

from tests.conftest import SAMPLES
from tests.store import wire_items as items
from tests.store.test_versions import ANP_FIRST, ANP_SECOND, captures
from wiredesk.desk import ingest, reparse, search
from wiredesk.errors import NotFound
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


def test_stories_are_listed_exported_and_searched_by_entity(store_url: str) -> None:
    with Store(store_url) as store:
        article_id = keep_sample(store)
        ingest(store, iter_captures([str(SAMPLES / "ap-world-wildfires.txt")], CAPTURED_AT))
        naming = store.latest(Filters(entity=RUSSIA), limit=50, now=CAPTURED_AT)
        assert article_id in [stored.id for stored in naming]
        everything = store.latest(Filters(), limit=50, now=CAPTURED_AT)
        assert 1 < len(naming) < len(everything)
        assert [s.id for s in store.articles(Filters(entity=RUSSIA), now=CAPTURED_AT)] == [
            s.id for s in naming
        ]
        briefs = store.latest(Filters(entity="person:starmer", kind="brief"), limit=5,
                              now=CAPTURED_AT)  # fmt: skip
        assert len(briefs) == 1 and briefs[0].kind == "brief"
        assert [hit.id for hit in search(store, "Koersk", Filters(entity=RUSSIA),
                                         now=CAPTURED_AT).hits] == [article_id]  # fmt: skip
        assert search(store, "Koersk", Filters(entity="person:starmer"), now=CAPTURED_AT).hits == ()
        assert store.latest(Filters(entity="person:nobody"), limit=5, now=CAPTURED_AT) == []


def test_the_most_named_entities_their_profiles_and_quotes(store_url: str) -> None:
    with Store(store_url) as store:
        article_id = keep_sample(store)
        top = store.top_entities(limit=3, now=CAPTURED_AT)
        # Ukraine: 11 mentions in 3 stories; Russia and North Korea 8 each, the former in 2.
        assert [(entity.id, entity.stories, entity.mentions) for entity in top] == [
            ("geonames:690791", 3, 11), (RUSSIA, 2, 8), (NORTH_KOREA, 1, 8),
        ]  # fmt: skip
        people = store.top_entities(type="person", now=CAPTURED_AT)
        assert people[0].id == "person:selensky"
        assert (people[0].stories, people[0].name) == (3, "Volodymyr Zelensky")
        assert {entity.type for entity in people} == {"person"}
        later = CAPTURED_AT + timedelta(days=2)
        assert store.top_entities(since=later, now=later) == []
        profile = store.entity_profile("person:selensky", now=CAPTURED_AT)
        assert profile.entity.stories == 3
        assert sum(count for _, count in profile.days) == 3
        assert profile.days[-1][0] == "2026-03-18"
        assert RUSSIA in [entity.id for entity in profile.related]
        assert "person:selensky" not in [entity.id for entity in profile.related]
        said = [seen.quote.text for seen in profile.quotes]
        assert "de stilte van China" in said
        by_name = store.quotes(by="zelensky", now=CAPTURED_AT)
        assert {seen.quote.speaker.entity for seen in by_name if seen.quote.speaker} == {
            "person:selensky"
        }
        assert article_id in {seen.article_id for seen in by_name}
        ministry = store.quotes(by="ministry of foreign", now=CAPTURED_AT)
        assert len(ministry) == 4 and ministry[0].quote.speaker.role == "woordvoerder"
        assert store.quotes(by="%", now=CAPTURED_AT) == []  # a "%" is looked for, not a wildcard
        with pytest.raises(NotFound):
            store.entity_profile("person:nobody", now=CAPTURED_AT)


def test_a_storys_page_reads_its_entities_with_their_mentions(store_url: str) -> None:
    with Store(store_url) as store:
        article_id = keep_sample(store)
        story = store.article_with_rail(article_id, rail_items=0, now=CAPTURED_AT).article
    russia = next(entity for entity in story.article.entities if entity.id == RUSSIA)
    assert len(russia.mentions) == 7
    assert {mention.text for mention in russia.mentions} <= {"Rusland", "Russische", "Russisch"}
    assert story.article.entities[0].id == "geonames:1816670"  # BEIJING, the dateline's place
    assert story.article.quotes[0].speaker.role == "woordvoerder"
    assert len(story.article.figures) == 3


MOSCOW_STORY = [
    "MOSKOU (ANP) - De Russische president Poetin heeft de Wolga-brug geopend. "
    '"Dit is een grote dag", zei Poetin tegen de verzamelde pers in Kazan.',
]


@pytest.mark.parametrize("status", ["canceled", "embargoed"])
def test_killed_and_embargoed_stories_leave_no_entity_quote_or_count(
    store_url: str, status: str
) -> None:
    item = items.g2_item(
        guid="urn:newsml:anp.nl:20260318:anp-260318-0900",
        version=1,
        headline="Poetin opent brug over de Wolga",
        created="2026-03-18T12:00:00+01:00",
        status="canceled" if status == "canceled" else "usable",
        embargoed="2026-03-18T18:00:00+01:00" if status == "embargoed" else None,
        paragraphs=MOSCOW_STORY,
    )
    before = datetime(2026, 3, 18, 16, 0, tzinfo=UTC)
    with Store(store_url) as store:
        assert ingest(store, [items.capture(item, "item", T0)]).errors == []
        [(putin,)] = rows(store_url, "SELECT entity_id FROM article_entities "
                          "WHERE entity_id LIKE 'person:%'")  # fmt: skip
        assert store.top_entities(now=before) == []
        assert store.quotes(now=before) == []
        assert store.latest(Filters(entity=putin), limit=5, now=before) == []
        with pytest.raises(NotFound):
            store.entity_profile(putin, now=before)
        after = datetime(2026, 3, 18, 17, 0, tzinfo=UTC)
        shown = store.top_entities(type="person", now=after)
        assert [entity.id for entity in shown] == ([] if status == "canceled" else [putin])
