"""Ingest and search the sample page, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from wiredesk import desk
from wiredesk.desk import ingest
from wiredesk.model import Capture
from wiredesk.query import Filters, read_query
from wiredesk.sources.files import iter_captures
from wiredesk.store import Store

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 18, 15, 0, tzinfo=UTC)
SAMPLE = str(SAMPLES / "anp-buitenland.txt")


def test_sample_is_kept_and_found(store_url: str) -> None:
    with Store(store_url) as store:
        summary = ingest(store, iter_captures([SAMPLE], CAPTURED_AT))
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
        ingest(store, iter_captures([SAMPLE], CAPTURED_AT))
        again = ingest(store, iter_captures([SAMPLE], CAPTURED_AT))
        assert (again.pages, again.articles, again.briefs, again.duplicates) == (0, 0, 0, 1)
        assert store.capture_count() == 1
        assert len(list(store.articles(Filters()))) == 8


def test_same_page_captured_again_later_duplicates_its_stories(
    store_url: str, tmp_path: Path
) -> None:
    later = tmp_path / "later.txt"
    later.write_text(Path(SAMPLE).read_text(encoding="utf-8") + "\nAdvertentie\n", encoding="utf-8")
    with Store(store_url) as store:
        ingest(store, iter_captures([SAMPLE], CAPTURED_AT))
        second = ingest(store, iter_captures([str(later)], CAPTURED_AT))
        assert (second.pages, second.articles, second.briefs, second.duplicates) == (1, 0, 0, 8)
        assert store.capture_count() == 2
        assert len(list(store.articles(Filters()))) == 8


def sample_pages() -> list[Capture]:
    """The bundled sample pages, each a capture of its own."""
    pages = [
        item
        for item in iter_captures(sorted(str(path) for path in SAMPLES.glob("*.txt")), CAPTURED_AT)
        if isinstance(item, Capture)
    ]
    assert len(pages) >= 6
    return pages


def test_batches_parsed_while_the_one_before_commits_add_up_to_one_batch(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two captures a batch, each handed over while the next is parsed: the summary and the
    stories come out as when every page goes in one transaction."""
    pages = sample_pages()
    with Store(f"sqlite:///{tmp_path / 'one-batch.db'}") as store:
        whole = ingest(store, iter(pages))
        expected = sorted(
            (a.kind, a.article.headline, a.version) for a in store.articles(Filters())
        )
    monkeypatch.setattr(desk, "BATCH_CAPTURES", 2)
    seen: list[int] = []
    with Store(store_url) as store:
        batched = ingest(store, iter(pages), on_capture=lambda summary: seen.append(summary.pages))
        stories = sorted((a.kind, a.article.headline, a.version) for a in store.articles(Filters()))
    assert batched == whole
    assert whole.pages == len(pages) and whole.errors == []
    assert stories == expected
    assert seen[-1] == len(pages)  # the last batch is counted before ingest returns


def test_an_input_that_fails_after_a_batch_was_handed_over_leaves_that_batch_whole(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk, "BATCH_CAPTURES", 2)
    pages = sample_pages()

    def failing() -> Iterator[Capture]:
        yield from pages[:3]  # the first two are handed over as the second is read
        raise OSError("the source broke off")

    with Store(store_url) as store:
        with pytest.raises(OSError, match="broke off"):
            ingest(store, failing())
        assert store.capture_count() == 2  # committed before ingest gave up, store still open
        again = ingest(store, iter(pages[:2]))
        assert (again.pages, again.duplicates) == (0, 2)


def test_a_store_in_memory_keeps_and_finds_the_sample() -> None:
    """A database in memory lives in one thread: its batches end in the caller's."""
    with Store("sqlite://") as store:
        summary = ingest(store, iter_captures([SAMPLE], CAPTURED_AT))
        assert (summary.pages, summary.articles, summary.briefs) == (1, 1, 7)
        hits = store.search(read_query("Koersk"), Filters(), now=NOW)
        assert [hit.kind for hit in hits] == ["article"]


DIJK_PAGES = ("anp-binnenland-dijken.txt", "anp-binnenland-dijken-2.txt")


@pytest.mark.parametrize(
    "when", [datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, 59, tzinfo=UTC)]
)
def test_pages_captured_on_the_calendars_first_and_last_days_are_kept(
    store_url: str, when: datetime
) -> None:
    # Copies of a story are looked for within days of its capture: at the calendar's ends
    # that window stops where the calendar does.
    with Store(store_url) as store:
        summary = ingest(
            store,
            [
                Capture(
                    data=(SAMPLES / name).read_bytes(),
                    source=name,
                    captured_at=when,
                    captured_at_from="given",
                )
                for name in DIJK_PAGES
            ],
        )
        assert summary.errors == []
        assert (summary.pages, summary.articles, summary.versions) == (2, 1, 1)
        [kept] = store.latest(Filters(place="DEN HAAG", kind="article"), limit=10)
        assert kept.first_seen_at == when
