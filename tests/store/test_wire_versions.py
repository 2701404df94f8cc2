"""Versions, corrections, kills and embargoes of agency items in the store, on SQLite and
PostgreSQL: the copy's own version marker orders a story's versions, whatever the order
they arrive in; a kill hides the story from every list and search while its capture stays
in the archive; an embargoed story shows once its time has come, read at each request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.store import wire_items as items
from wiredesk.desk import ingest, list_stories, reparse, search
from wiredesk.errors import NotFound
from wiredesk.json_records import stored_article_to_json, version_to_json
from wiredesk.query import Filters
from wiredesk.store import Store

T0 = datetime(2026, 3, 18, 13, 0, tzinfo=UTC)
LATER = datetime(2026, 3, 19, 9, 0, tzinfo=UTC)


def keep(store: Store, *pages: tuple[bytes | str, datetime], language: str | None = None) -> None:
    """Ingest each page in its own run, in the order given (the order they arrive in)."""
    for number, (data, when) in enumerate(pages):
        raw = data.encode() if isinstance(data, str) else data
        summary = ingest(store, [items.capture(raw, f"item-{number}", when)], language=language)
        assert summary.errors == []


def only_article(store: Store, now: datetime = LATER) -> int:
    [article] = store.latest(Filters(kind="article"), limit=10, now=now)
    return article.id


def test_a_later_version_that_arrives_first_stays_the_current_one(store_url: str) -> None:
    with Store(store_url) as store:
        # Version 2 is captured at 14:05 and ingested first; version 1, captured at 13:05,
        # comes in after it (a delayed feed, a folder read late).
        keep(store, (items.ANP_V2, T0 + timedelta(hours=1, minutes=5)))
        keep(store, (items.ANP_V1, T0 + timedelta(minutes=5)))
        article_id = only_article(store)
        stored = store.article(article_id, now=LATER)
        assert stored.article.headline == items.ANP_V2_HEADLINE
        assert stored.version == 2
        history = store.history(article_id, now=LATER)
        assert [v.headline for v in history] == [items.ANP_V1_HEADLINE, items.ANP_V2_HEADLINE]
        assert [v.version for v in history] == [1, 2]
        assert "praten woensdag" in " ".join(block.text for block in history[0].body)
        found = search(store, "gezamenlijke inkoop", Filters(), now=LATER)
        assert [hit.id for hit in found.hits] == [article_id]
        assert found.hits[0].headline == items.ANP_V2_HEADLINE
        # The wire fields are kept with the story, and in its JSON.
        assert stored.wire is not None
        assert (stored.wire.item_id, stored.wire.version) == (items.ANP_GUID, 2)
        data = stored_article_to_json(stored)
        assert data["wire"]["item_id"] == items.ANP_GUID
        assert data["wire"]["signals"] == ["update"]
        assert data["is_correction"] is False


@pytest.mark.parametrize(
    ("original", "update", "words", "language"),
    [
        (items.REUTERS_ORIGINAL, items.REUTERS_UPDATE, "surprise stock build", "en"),
        (items.ANP_TEXT_ORIGINAL, items.ANP_TEXT_UPDATE, "oppositie sceptisch", "nl"),
    ],
    ids=["reuters-update-1", "anp-2"],
)
def test_a_copied_update_ingested_before_its_original_is_still_the_newest(
    store_url: str, original: str, update: str, words: str, language: str
) -> None:
    with Store(store_url) as store:
        keep(store, (update, T0 + timedelta(hours=2)), language=language)
        keep(store, (original, T0 + timedelta(hours=1)), language=language)
        article_id = only_article(store)
        history = store.history(article_id, now=LATER)
        assert [v.printed_version for v in history] == [None, 2]
        assert [v.seen_at for v in history] == [T0 + timedelta(hours=1), T0 + timedelta(hours=2)]
        current = store.article(article_id, now=LATER)
        assert current.article.headline == history[1].headline
        assert current.first_seen_at == T0 + timedelta(hours=1)
        assert current.last_seen_at == T0 + timedelta(hours=2)
        assert [hit.id for hit in search(store, words, Filters(), now=LATER).hits] == [article_id]


def test_versions_of_one_agency_item_are_one_story_whatever_their_headline_and_place(
    store_url: str,
) -> None:
    with Store(store_url) as store:
        keep(store, (items.BELGA_V1, T0), (items.BELGA_V2, T0 + timedelta(hours=3)))
        article_id = only_article(store)
        history = store.history(article_id, now=LATER)
        assert [v.headline for v in history] == [
            "Grève des cheminots en Wallonie",
            "La SNCB annonce un service minimum pour jeudi",
        ]
        current = store.article(article_id, now=LATER)
        assert current.article.dateline is not None
        assert current.article.dateline.place == "BRUXELLES"


def test_a_correction_is_marked_on_the_story_and_in_its_history(store_url: str) -> None:
    with Store(store_url) as store:
        keep(
            store,
            (items.ANP_V3_CORRECTION, T0 + timedelta(hours=2)),
            (items.ANP_V1, T0),
            (items.ANP_V2, T0 + timedelta(hours=1)),
        )
        article_id = only_article(store)
        current = store.article(article_id, now=LATER)
        assert current.article.is_correction
        assert "twee winters" in current.article.body[0].text
        history = store.history(article_id, now=LATER)
        assert [v.is_correction for v in history] == [False, False, True]
        assert [version_to_json(v)["is_correction"] for v in history] == [False, False, True]
        assert stored_article_to_json(current)["is_correction"] is True


@pytest.mark.parametrize(
    ("page", "language"),
    [
        (items.ANP_TEXT_CORRECTED, "nl"),
        (items.DPA_TEXT_CORRECTED, "de"),
        (items.AFP_TEXT_CORRECTED, "fr"),
    ],
    ids=["gecorrigeerd", "berichtigt", "rectificatif"],
)
def test_a_copied_correction_is_marked(store_url: str, page: str, language: str) -> None:
    with Store(store_url) as store:
        keep(store, (page, T0), language=language)
        stored = store.article(only_article(store), now=LATER)
        assert stored.article.is_correction
        assert stored.article.headline is not None and "(" not in stored.article.headline


def test_a_correction_without_a_number_follows_the_version_it_corrects(store_url: str) -> None:
    with Store(store_url) as store:
        keep(
            store,
            (items.ANP_TEXT_ORIGINAL, T0),
            (items.ANP_TEXT_CORRECTED, T0 + timedelta(hours=2)),
            (items.ANP_TEXT_UPDATE, T0 + timedelta(hours=1)),
            language="nl",
        )
        article_id = only_article(store)
        history = store.history(article_id, now=LATER)
        assert [(v.printed_version, v.is_correction) for v in history] == [
            (None, False),
            (2, False),
            (None, True),
        ]
        assert store.article(article_id, now=LATER).article.is_correction


KILLS = {
    "g2-canceled": [(items.ANP_V1, T0), (items.ANP_V4_KILL, T0 + timedelta(hours=3))],
    "ninjs-canceled-without-body": [(items.BELGA_V1, T0), (items.BELGA_KILL, T0 + timedelta(1))],
    "ninjs-kill-before-its-story": [(items.BELGA_KILL, T0), (items.BELGA_V1, T0)],
    "nitf-withheld": [(items.DPA_WITHHELD, T0)],
    "anpa-kill-advisory": [(items.AP_FIRST, T0), (items.AP_KILL, T0 + timedelta(hours=1))],
}
# A word of the first version of each story, which a search would find.
KILLED_WORDS = {
    "g2-canceled": "gasvoorraden",
    "ninjs-canceled-without-body": "cheminots",
    "ninjs-kill-before-its-story": "cheminots",
    "nitf-withheld": "zurückgetreten",
    "anpa-kill-advisory": "avalanche",
}


@pytest.mark.parametrize("case", sorted(KILLS))
def test_a_kill_hides_the_story_everywhere_while_the_archive_keeps_it(
    store_url: str, case: str
) -> None:
    with Store(store_url) as store:
        keep(store, (items.DPA_USABLE, T0))  # a story that stays
        keep(store, *KILLS[case])
        [shown] = store.latest(Filters(), limit=10, now=LATER)
        assert shown.article.headline == "Bundestag beschließt Haushalt für 2027"
        assert list_stories(store, Filters(), limit=10, now=LATER).articles == (shown,)
        assert [stored.id for stored in store.articles(Filters(), now=LATER)] == [shown.id]
        assert search(store, KILLED_WORDS[case], Filters(), now=LATER).hits == ()
        assert store.stats(now=LATER)["kind"] == [("article", 1)]
        assert store.capture_count() == 1 + len(KILLS[case])
        with store.engine.connect() as connection:
            from sqlalchemy import text

            killed = connection.execute(
                text("SELECT id FROM articles WHERE is_killed")
            ).scalar_one()
        with pytest.raises(NotFound, match="withdrawn by its agency"):
            store.article(killed, now=LATER)
        with pytest.raises(NotFound, match="withdrawn by its agency"):
            store.history(killed, now=LATER)


def test_an_embargoed_story_shows_once_its_time_has_come(store_url: str) -> None:
    embargoed = items.ANP_EMBARGOED
    before, after = (
        datetime(2026, 3, 18, 16, 59, tzinfo=UTC),
        datetime(2026, 3, 18, 17, 0, tzinfo=UTC),
    )
    with Store(store_url) as store:
        keep(store, (embargoed, T0))
        assert store.latest(Filters(), limit=10, now=before) == []
        assert search(store, "voorjaarsnota", Filters(), now=before).hits == ()
        assert store.sections(now=before) == []
        with pytest.raises(NotFound, match="no article with id"):
            store.article(1, now=before)
        # The same store, later: nothing kept again.
        [shown] = store.latest(Filters(), limit=10, now=after)
        assert shown.wire is not None and shown.wire.embargoed_at == after
        assert [hit.id for hit in search(store, "voorjaarsnota", Filters(), now=after).hits] == [
            shown.id
        ]
        assert store.article(shown.id, now=after).id == shown.id


def test_reparse_keeps_wire_fields_versions_and_kills(store_url: str) -> None:
    with Store(store_url) as store:
        keep(
            store,
            (items.ANP_V2, T0 + timedelta(hours=1)),
            (items.ANP_V1, T0),
            (items.BELGA_V1, T0),
            (items.BELGA_KILL, T0 + timedelta(hours=1)),
        )
        reparse(store)
        article_id = only_article(store)
        stored = store.article(article_id, now=LATER)
        assert stored.wire is not None and stored.wire.item_id == items.ANP_GUID
        assert [v.headline for v in store.history(article_id, now=LATER)] == [
            items.ANP_V1_HEADLINE,
            items.ANP_V2_HEADLINE,
        ]
