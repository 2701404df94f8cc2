"""Ingest and search the sample page, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import SAMPLES
from wiredesk.desk import ingest
from wiredesk.sources.files import iter_incoming
from wiredesk.store import Filters, Store, read_query

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 18, 15, 0, tzinfo=UTC)
SAMPLE = str(SAMPLES / "anp-buitenland.txt")


def test_sample_is_kept_and_found(store_url: str) -> None:
    with Store(store_url) as store:
        summary = ingest(store, iter_incoming([SAMPLE], CAPTURED_AT))
        assert (summary.captures, summary.pages, summary.articles, summary.briefs) == (1, 1, 1, 7)
        assert summary.errors == []

        hits = store.search(read_query("Koersk"), Filters(), now=NOW)
        assert (
            hits[0].headline == "China wil zich niet mengen in samenwerking Rusland en Noord-Korea"
        )
        assert hits[0].kind == "article"

        drone = store.search(read_query("drone"), Filters(section="Buitenland"), now=NOW)
        assert [(hit.kind, hit.place) for hit in drone] == [("brief", "LONDEN")]
        assert drone[0].published_at == datetime(2026, 3, 18, 13, 0, tzinfo=UTC)
        assert drone[0].agencies == ("ANP", "AFP", "RTR")


def test_ingesting_twice_adds_nothing(store_url: str) -> None:
    with Store(store_url) as store:
        ingest(store, iter_incoming([SAMPLE], CAPTURED_AT))
        again = ingest(store, iter_incoming([SAMPLE], CAPTURED_AT))
        assert (again.pages, again.articles, again.briefs, again.duplicates) == (0, 0, 0, 1)
        assert store.capture_count() == 1
        assert len(list(store.articles(Filters()))) == 8


def test_same_page_captured_again_later_duplicates_its_stories(
    store_url: str, tmp_path: Path
) -> None:
    later = tmp_path / "later.txt"
    later.write_text(Path(SAMPLE).read_text(encoding="utf-8") + "\nAdvertentie\n", encoding="utf-8")
    with Store(store_url) as store:
        ingest(store, iter_incoming([SAMPLE], CAPTURED_AT))
        second = ingest(store, iter_incoming([str(later)], CAPTURED_AT))
        assert (second.pages, second.articles, second.briefs, second.duplicates) == (1, 0, 0, 8)
        assert store.capture_count() == 2
        assert len(list(store.articles(Filters()))) == 8
