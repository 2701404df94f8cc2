"""Kills, embargoes and corrections as every web face shows them, on SQLite and PostgreSQL:
the site's pages and their JSON twins, the Atom feeds and the API leave out a killed
story and one still under embargo (which shows once the clock passes its time, with
nothing kept again), and mark a correction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.serve.http import serving
from tests.store import wire_items as items
from wiredesk.desk import ingest
from wiredesk.query import Filters
from wiredesk.serve import Settings, create_app
from wiredesk.store import Store

T0 = datetime(2026, 3, 18, 13, 0, tzinfo=UTC)
BEFORE_EMBARGO = datetime(2026, 3, 18, 16, 0, tzinfo=UTC)
AFTER_EMBARGO = datetime(2026, 3, 18, 17, 30, tzinfo=UTC)
EMBARGOED = items.ANP_EMBARGOED


class Clock:
    """The server's clock, moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def wire_store(store_url: str) -> Iterator[Store]:
    """A Berlin story that stays, a Brussels story in three versions (the last a correction),
    a Liège story its agency killed, and an embargoed Voorjaarsnota story."""
    pages = [
        (items.DPA_USABLE, T0),
        (items.ANP_V1, T0),
        (items.ANP_V2, T0 + timedelta(hours=1)),
        (items.ANP_V3_CORRECTION, T0 + timedelta(hours=2)),
        (items.BELGA_V1, T0),
        (items.BELGA_KILL, T0 + timedelta(hours=1)),
        (EMBARGOED, T0),
    ]
    with Store(store_url) as store:
        for number, (data, when) in enumerate(pages):
            summary = ingest(store, [items.capture(data, f"item-{number}", when)])
            assert summary.errors == []
        yield store


def ids_of(store: Store, word: str) -> int:
    """The id of the one story whose first version's headline holds ``word``."""
    with store.engine.connect() as connection:
        from sqlalchemy import text

        return int(
            connection.execute(
                text(
                    "SELECT article_id FROM article_versions WHERE version = 1 "
                    "AND headline LIKE :word"
                ),
                {"word": f"%{word}%"},
            ).scalar_one()
        )


@pytest.fixture
def clock() -> Clock:
    return Clock(BEFORE_EMBARGO)


@pytest.fixture
def client(wire_store: Store, clock: Clock) -> Iterator[httpx.Client]:
    settings = Settings(db=wire_store.url, token=None, clock=clock)
    app = create_app(settings, store=wire_store)
    with serving(app) as url, httpx.Client(base_url=url) as client:
        yield client


HIDDEN_WORDS = ("cheminots", "Grève", "Voorjaarsnota")


def assert_hidden(text: str) -> None:
    for word in HIDDEN_WORDS:
        assert word not in text, word


def test_killed_and_embargoed_stories_are_on_no_page_feed_or_api_answer(
    client: httpx.Client, wire_store: Store
) -> None:
    killed, embargoed = ids_of(wire_store, "cheminots"), ids_of(wire_store, "Voorjaarsnota")
    front = client.get("/")
    assert front.status_code == 200 and "Bundestag" in front.text
    assert_hidden(front.text)
    assert_hidden(client.get("/index.json").text)
    for query in ("cheminots", "voorjaarsnota"):
        for path in ("/search", "/search.json", "/search.atom", "/api/v1/search"):
            answer = client.get(path, params={"q": query})
            assert answer.status_code == 200, (path, answer.text)
            assert_hidden(answer.text.replace(f"q={query}", "").replace(query, ""))
        assert "<entry>" not in client.get("/search.atom", params={"q": query}).text
    for path in ("/place/liege.atom", "/place/liège.atom", "/place/den-haag.atom"):
        answer = client.get(path)
        if answer.status_code == 200:
            assert_hidden(answer.text.split("<entry>", 1)[-1] if "<entry>" in answer.text else "")
    listed = client.get("/api/v1/articles", params={"limit": 100}).json()["articles"]
    assert killed not in {article["id"] for article in listed}
    assert embargoed not in {article["id"] for article in listed}
    assert_hidden(client.get("/api/v1/sections").text + client.get("/place/liege").text)
    for article_id in (killed, embargoed):
        for path in (f"/article/{article_id}", f"/article/{article_id}.json"):
            assert client.get(path).status_code == 404
        assert client.get(f"/api/v1/articles/{article_id}").status_code == 404
        assert client.get(f"/article/{article_id}/versions/1").status_code == 404
    withdrawn = client.get(f"/api/v1/articles/{killed}").json()
    assert "withdrawn" in withdrawn["error"]["message"]
    # The archive keeps both captures.
    assert wire_store.capture_count() == 7


def test_an_embargoed_story_shows_when_the_clock_passes_its_time(
    client: httpx.Client, wire_store: Store, clock: Clock
) -> None:
    embargoed = ids_of(wire_store, "Voorjaarsnota")
    assert client.get(f"/api/v1/articles/{embargoed}").status_code == 404
    clock.now = AFTER_EMBARGO
    answer = client.get(f"/api/v1/articles/{embargoed}")
    assert answer.status_code == 200
    assert answer.json()["article"]["wire"]["embargoed_at"] == "2026-03-18T17:00:00+00:00"
    assert "Voorjaarsnota" in client.get("/").text
    hits = client.get("/api/v1/search", params={"q": "voorjaarsnota"}).json()["hits"]
    assert [hit["id"] for hit in hits] == [embargoed]
    assert "<entry>" in client.get("/search.atom", params={"q": "voorjaarsnota"}).text
    assert wire_store.capture_count() == 7


def test_a_correction_is_marked_on_the_article_page_and_in_its_json(
    client: httpx.Client, wire_store: Store
) -> None:
    [story] = wire_store.latest(Filters(place="BRUSSEL"), limit=1, now=BEFORE_EMBARGO)
    page = client.get(f"/article/{story.id}")
    assert page.status_code == 200
    assert 'class="correction"' in page.text
    assert page.text.count("een correctie") == 1  # the third version, in the history
    data = client.get(f"/article/{story.id}.json").json()
    assert data["article"]["is_correction"] is True
    assert data["article"]["wire"]["signals"] == ["correction"]
    assert [version["is_correction"] for version in data["versions"]] == [False, False, True]
    api = client.get(f"/api/v1/articles/{story.id}").json()
    assert api["article"]["is_correction"] is True
    assert api["article"]["wire"]["item_id"] == items.ANP_GUID
    other = client.get(f"/article/{ids_of(wire_store, 'Bundestag')}")
    assert 'class="correction"' not in other.text
