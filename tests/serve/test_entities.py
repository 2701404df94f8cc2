"""Entities on the site and the API, on SQLite and PostgreSQL: the entity page and its JSON
twins, ``?entity=`` filters, entity links and quote blocks on an article's page, and "in
the news today" on the front page."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
from httpx import Client

from tests.serve.conftest import HEADLINE, NOW, sample_article
from tests.serve.http import serving
from wiredesk.serve import Settings, create_app
from wiredesk.store import Store

RUSSIA = "geonames:2017370"


def test_an_entity_page_in_the_readers_language_with_its_chart(client: Client) -> None:
    dutch = client.get(f"/entity/{RUSSIA}", headers={"Accept-Language": "nl"})
    assert dutch.status_code == 200
    page = dutch.text
    assert '<h1 id="entity-title">Rusland</h1>' in page
    assert '<p class="also-known">Russia</p>' in page
    assert "<svg" in page and 'class="bar"' in page  # stories per day, drawn on the server
    assert re.search(r"<title>2026-03-18: 3 verhalen</title>", page), page
    assert HEADLINE in page
    assert 'href="/entity/geonames:690791">Oekraïne</a>' in page  # seen with it
    english = client.get(f"/entity/{RUSSIA}", headers={"Accept-Language": "en"}).text
    assert '<h1 id="entity-title">Russia</h1>' in english
    assert "Often named with" in english


def test_a_persons_page_has_their_quotes_and_a_json_twin(client: Client) -> None:
    page = client.get("/entity/person:selensky").text
    assert "“de stilte van China”" in page
    twin = client.get("/entity/person:selensky.json").json()
    assert twin["entity"]["name"] == "Volodymyr Zelensky"
    assert twin["entity"]["type"] == "person" and twin["entity"]["stories"] == 3
    assert twin["days"] == [{"day": "2026-03-18", "stories": 3}]
    assert "de stilte van China" in [quote["text"] for quote in twin["quotes"]]
    assert len(twin["items"]) == 3 and twin["chart"]["bars"][0]["stories"] == 3
    related = [entity["id"] for entity in twin["related"]]
    assert related[0] == "geonames:690791" and "person:selensky" not in related


def test_the_api_gives_an_entity_the_entities_and_the_quotes(client: Client) -> None:
    data = client.get(f"/api/v1/entities/{RUSSIA}", params={"limit": 1}).json()
    assert data["entity"]["names"]["nl"] == "Rusland"
    assert data["entity"]["names"]["fr"] == "Russie"
    assert len(data["articles"]) == 1 and data["has_more"] is True
    assert data["articles"][0]["headline"] == HEADLINE
    assert data["days"] and data["related"]
    top = client.get("/api/v1/entities", params={"type": "person", "limit": 2}).json()
    assert [entity["id"] for entity in top["entities"]] == ["person:selensky", "person:starmer"]
    quotes = client.get("/api/v1/quotes", params={"by": "Starmer"}).json()["quotes"]
    assert quotes and {q["speaker"]["entity"] for q in quotes} == {"person:starmer"}
    assert client.get("/api/v1/entities/person:nobody").status_code == 404
    assert client.get("/api/v1/entities", params={"type": "planet"}).status_code == 400
    assert client.get("/api/v1/quotes", params={"since": "yesterday"}).status_code == 400


def test_the_api_gives_an_articles_findings(client: Client, demo_store: Store) -> None:
    article = sample_article(demo_store)
    data = client.get(f"/api/v1/articles/{article.id}").json()["article"]
    russia = next(entity for entity in data["entities"] if entity["id"] == RUSSIA)
    assert russia["name"] == "Russia" and len(russia["mentions"]) == 7
    headline, mention = russia["mentions"][:2]  # in the headline (block -1), then the body
    assert data["headline"][headline["start"] : headline["end"]] == "Rusland"
    assert (
        data["body"][mention["block"]]["text"][mention["start"] : mention["end"]]
        == (mention["text"])
    )
    assert data["quotes"][0]["speaker"] == {
        "name": None, "entity": "org:ministry-foreign-affairs-cn", "role": "woordvoerder",
    }  # fmt: skip
    assert {figure["value"] for figure in data["figures"]} >= {8000}


def test_lists_and_searches_take_an_entity(client: Client) -> None:
    api = client.get("/api/v1/articles", params={"entity": "person:starmer"}).json()
    assert [article["kind"] for article in api["articles"]] == ["brief"]
    hits = client.get("/api/v1/search", params={"q": "Zelensky", "entity": RUSSIA}).json()
    assert hits["hits"] and all(hit["id"] for hit in hits["hits"])
    none = client.get("/api/v1/search", params={"q": "Zelensky", "entity": "org:nato"}).json()
    assert none["hits"] == []
    site = client.get("/search.json", params={"q": "Zelensky", "entity": "person:starmer"})
    assert len(site.json()["hits"]) == 1 and site.json()["filters"]["entity"] == "person:starmer"
    assert client.get("/search", params={"q": "a", "entity": "x" * 201}).status_code == 400
    # The search form keeps the entity for the next search.
    form = client.get("/search", params={"entity": "person:starmer"}).text
    assert '<input type="hidden" name="entity" value="person:starmer">' in form


def test_an_article_page_links_its_entities_and_shows_its_quotes(
    client: Client, demo_store: Store
) -> None:
    article = sample_article(demo_store)
    page = client.get(f"/article/{article.id}", headers={"Accept-Language": "nl"}).text
    assert '<a class="entity" href="/entity/geonames:2017370">Rusland</a>' in page
    assert '<a class="entity" href="/entity/person:blinken">Antony Blinken</a>' in page
    assert '<figure class="quote quote-direct">' in page
    assert (
        '<a class="speaker" href="/entity/person:selensky">Volodymyr Zelensky, president</a>'
        in page
    )
    assert "woordvoerder, Ministry of Foreign Affairs (China)" in page
    twin = client.get(f"/article/{article.id}.json").json()["article"]
    assert any(entity["id"] == RUSSIA for entity in twin["entities"])
    assert twin["quotes"][0]["speaker"]["role"] == "woordvoerder"
    # The text read from the parts is the body's text, whole.
    assert ["".join(part["text"] for part in parts) for parts in twin["body_parts"]] == [
        block["text"] for block in twin["body"]
    ]


def test_the_front_page_shows_who_and_where_is_in_the_news_today(client: Client) -> None:
    page = client.get("/", headers={"Accept-Language": "nl"}).text
    assert "In het nieuws vandaag" in page
    assert 'href="/entity/person:selensky">Volodymyr Zelensky</a>' in page
    assert 'href="/entity/geonames:690791">Oekraïne</a>' in page
    news = client.get("/index.json").json()["in_the_news"]
    assert news["people"][0]["id"] == "person:selensky"
    assert {entity["type"] for entity in news["places"]} == {"place"}


def test_nothing_is_in_the_news_a_day_later(demo_store: Store) -> None:
    settings = Settings(db=demo_store.url, clock=lambda: NOW + timedelta(days=2))
    with serving(create_app(settings, store=demo_store)) as url, httpx.Client(base_url=url) as c:
        news = c.get("/index.json").json()["in_the_news"]
    assert news["people"] == [] and news["places"] == []


def test_an_entity_no_story_names_is_a_404(client: Client) -> None:
    for path in ("/entity/person:nobody", "/entity/person:nobody.json", "/entity/" + "x" * 300):
        assert client.get(path).status_code == 404
    assert client.get(f"/entity/{RUSSIA}", params={"page": 9}).status_code == 404
