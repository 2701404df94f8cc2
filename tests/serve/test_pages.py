"""The site's pages and their JSON twins, through an HTTP client, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from httpx import Client

from tests.serve.conftest import HEADLINE, NOW, client_for, sample_article
from wiredesk.desk import ingest, load_samples
from wiredesk.model import Capture
from wiredesk.query import Filters
from wiredesk.store import Store

DUTCH = {"Accept-Language": "nl-NL,nl;q=0.9"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


@pytest.fixture
def demo_store(shared_demo_store: Store) -> Store:
    """These pages only read the demo store: one store and one server on each database
    serve the module, and each test has a new client (no language cookie carries over).
    The test that keeps a story makes a store of its own."""
    return shared_demo_store


@pytest.fixture
def client(shared_client: Client) -> Client:
    return shared_client


def rail_of(html: str) -> str:
    return html.split('<aside class="rail"', 1)[1].split("</aside>", 1)[0]


def test_front_page_lists_latest_news_and_sections(client: Client) -> None:
    page = client.get("/", headers=DUTCH)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<h2 id="latest-title">Laatste nieuws</h2>' in page.text
    assert HEADLINE in page.text
    assert '<a href="/section/buitenland">Buitenland</a>' in page.text
    twin = client.get("/index.json").json()
    assert twin["latest"][0]["title"] == HEADLINE
    assert {section["name"] for section in twin["sections"]} >= {"Buitenland", "Binnenland", "UK"}
    english = client.get("/", headers=ENGLISH)
    assert "Latest news" in english.text
    assert '<html lang="en">' in english.text


def test_article_page_shows_the_story_and_its_rail_with_ages(
    client: Client, demo_store: Store
) -> None:
    article = sample_article(demo_store)
    page = client.get(f"/article/{article.id}", headers=DUTCH)
    assert page.status_code == 200
    html = page.text
    assert f"<h1>{HEADLINE}</h1>" in html
    assert "<h2>Koersk</h2>" in html
    assert '<a class="place" href="/place/beijing">BEIJING</a>' in html
    assert '<a href="/agency/afp">AFP</a>' in html
    rail = rail_of(html)
    assert "Meer uit Buitenland" in rail
    ages = re.findall(r"data-age[^>]*>([^<]+)</time>", rail)
    assert ages == [
        "1 uur geleden",
        "2 uur geleden",
        "2 uur geleden",
        "3 uur geleden",
        "4 uur geleden",
        "4 uur geleden",
        "5 uur geleden",
    ]
    english = rail_of(client.get(f"/article/{article.id}", headers=ENGLISH).text)
    assert "More from Buitenland" in english
    assert re.findall(r"data-age[^>]*>([^<]+)</time>", english)[0] == "1 hour ago"


def test_article_json_twin_is_the_data_the_page_shows(client: Client, demo_store: Store) -> None:
    article = sample_article(demo_store)
    twin = client.get(f"/article/{article.id}.json", headers=DUTCH)
    assert twin.headers["content-type"] == "application/json"
    data = twin.json()
    assert data["article"]["headline"] == HEADLINE
    assert data["article"]["section"] == "Buitenland"
    assert [
        block["text"] for block in data["article"]["body"] if block["kind"] == "subheading"
    ] == ["Koersk"]
    assert len(data["rail"]["items"]) == 7
    assert data["rail"]["items"][0]["place"] == "LONDEN"
    assert data["rail"]["items"][0]["age"] == "1 uur geleden"
    assert data["versions"][0]["version"] == 1
    by_accept = client.get(f"/article/{article.id}", headers={"Accept": "application/json"})
    assert (
        by_accept.json()["article"] == client.get(f"/article/{article.id}.json").json()["article"]
    )
    with_slug = client.get(data["article"]["url"])
    assert with_slug.status_code == 200 and HEADLINE in with_slug.text


def test_brief_page_shows_its_text_time_and_full_article(client: Client, demo_store: Store) -> None:
    # The Utrecht brief of the dijken page is the lead of the Novum HTML page.
    [brief] = demo_store.latest(Filters(place="UTRECHT", kind="brief"), limit=1)
    page = client.get(f"/article/{brief.id}", headers=DUTCH).text
    assert "Tussen Utrecht en Amersfoort rijden minder treinen" in page
    assert "Gepubliceerd" in page
    assert brief.full_article_id is not None
    assert "Het volledige artikel:" in page
    assert f'href="/article/{brief.full_article_id}/' in page


def test_versions_are_listed_and_each_has_a_page(client: Client, demo_store: Store) -> None:
    [article] = demo_store.latest(Filters(place="DEN HAAG", kind="article"), limit=1)
    assert article.version == 2
    page = client.get(f"/article/{article.id}", headers=DUTCH).text
    assert f'href="/article/{article.id}/versions/1"' in page
    first = client.get(f"/article/{article.id}/versions/1", headers=DUTCH)
    assert "Kabinet trekt extra geld uit voor dijkversterking" in first.text
    assert "Versie 1 van 2" in first.text
    assert client.get(f"/article/{article.id}/versions/9").status_code == 404


def test_section_place_and_agency_pages_list_their_stories(client: Client) -> None:
    section = client.get("/section/buitenland", headers=DUTCH)
    assert section.status_code == 200 and HEADLINE in section.text
    data = client.get("/section/buitenland.json").json()
    assert data["name"] == "Buitenland"
    assert len(data["items"]) == 12  # two articles and their briefs: 1 + 7 + 1 + 3
    place = client.get("/place/londen.json").json()
    assert {item["place"] for item in place["items"]} == {"LONDEN"}
    assert client.get("/place/mexico-stad").status_code == 200
    assert client.get("/place/den-haag.json").json()["name"] == "DEN HAAG"
    agency = client.get("/agency/afp.json").json()
    assert HEADLINE in {item["title"] for item in agency["items"]}


def test_pagination_of_a_section(client: Client) -> None:
    first = client.get("/section/binnenland.json").json()
    assert first["previous_url"] is None
    assert first["next_url"] is None  # fewer than a page
    assert client.get("/section/binnenland?page=2").status_code == 404


def test_search_page_marks_matches_and_keeps_filters(client: Client) -> None:
    page = client.get("/search", params={"q": "Koersk", "section": "Buitenland"}, headers=DUTCH)
    assert page.status_code == 200
    assert "<mark>Koersk</mark>" in page.text
    assert 'value="Buitenland"' in page.text
    data = client.get("/search.json", params={"q": "koersk"}).json()
    assert data["hits"][0]["title"] == HEADLINE
    assert {"text": "Koersk", "is_match": True} in data["hits"][0]["snippet_parts"]
    empty = client.get("/search", headers=DUTCH)
    assert empty.status_code == 200 and "Zoeken" in empty.text


def test_bad_parameters_are_400_pages_never_500(client: Client) -> None:
    for url in (
        "/section/buitenland?page=abc",
        "/section/buitenland?page=0",
        "/search?q=%22unbalanced",
        "/search?q=drone&since=yesterday",
        "/search?q=drone&kind=column",
        "/search?q=OR",
    ):
        response = client.get(url, headers=DUTCH)
        assert response.status_code == 400, url
        assert response.headers["content-type"].startswith("text/html"), url
        assert "Op dit verzoek is geen antwoord" in response.text, url
    dutch = client.get("/section/buitenland?page=abc", headers=DUTCH).text
    assert "page moet een geheel getal zijn, niet &#39;abc&#39;" in dutch
    english = client.get("/section/buitenland?page=abc", headers=ENGLISH).text
    assert "page must be a whole number, not &#39;abc&#39;" in english
    assert (
        client.get("/section/buitenland.json?page=abc", headers=DUTCH).json()["error"]["message"]
        == "page must be a whole number, not 'abc'"
    )
    reasons = client.get("/search?q=OR+drone", headers=DUTCH).text
    assert "OR heeft aan beide kanten een woord nodig" in reasons  # the reason too, in Dutch
    assert "needs a word" not in reasons
    token = client.get("/search?q=drone+OR+%2B%2B", headers=DUTCH).text
    assert "&#39;++&#39; bevat geen woorden om naar te zoeken" in token
    late = client.get("/search?q=drone&until=9999-12-31T23:00:00-05:00", headers=DUTCH)
    assert late.status_code == 400
    assert "until ligt in UTC buiten de jaren 1 tot en met 9999" in late.text
    twin = client.get("/search.json?q=%22")
    assert twin.status_code == 400
    assert twin.json()["error"]["code"] == "bad_request"
    assert "unbalanced quote" in twin.json()["error"]["message"]


def test_unknown_addresses_are_404_pages(client: Client) -> None:
    for url in ("/article/999999", "/article/abc", "/section/sportief", "/place/atlantis", "/nope"):
        response = client.get(url, headers=DUTCH)
        assert response.status_code == 404, url
        assert "Niet gevonden" in response.text, url
    twin = client.get("/article/999999.json")
    assert twin.status_code == 404
    assert twin.json() == {
        "error": {"status": 404, "code": "not_found", "message": "no article with id 999999"}
    }


def test_every_response_has_the_security_headers(client: Client) -> None:
    for url in (
        "/",
        "/article/1",
        "/nope",
        "/static/style.css",
        "/api/v1/sections",
        "/search?q=%22",
    ):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"], url
        assert headers["x-content-type-options"] == "nosniff", url
        assert headers["referrer-policy"] == "same-origin", url


def test_language_switch_sticks_and_goes_back(client: Client, demo_store: Store) -> None:
    article = sample_article(demo_store)
    path = f"/article/{article.id}"
    assert "Meer uit Buitenland" in client.get(path, headers=DUTCH).text
    switched = client.post(
        "/language", data={"lang": "en", "next": path}, headers=DUTCH, follow_redirects=False
    )
    assert switched.status_code == 303
    assert switched.headers["location"] == path
    english = client.get(path, headers=DUTCH)  # the cookie beats the header
    assert "More from Buitenland" in english.text
    away = client.post(
        "/language", data={"lang": "nl", "next": "//evil.example/"}, follow_redirects=False
    )
    assert away.headers["location"] == "/"
    assert client.post("/language", data={"lang": "xx"}).status_code == 400


def test_static_files_and_api_docs_are_served(client: Client) -> None:
    assert "prefers-color-scheme: dark" in client.get("/static/style.css").text
    assert "RelativeTimeFormat" in client.get("/static/ages.js").text
    docs = client.get("/api/docs", headers=ENGLISH)
    assert docs.status_code == 200
    assert "POST /api/v1/captures" in docs.text


def test_hostile_addresses_are_answered_never_500(client: Client) -> None:
    for url in (
        "/section/%00",
        "/place/a%00b.json",
        "/agency/%00",
        "/section/x%00.atom",
        "/section/" + "a" * 5000,
        "/article/99999999999999999999999",
        "/article/" + "9" * 5000,
        "/article/1/versions/99999999999",
        "/article/1/a/b/c",
        "/search?q=%00",
        "/search?q=a&since=9999-99-99",
        "/search?q=a&until=9999-12-31T23:00:00-05:00",
        "/search.atom?q=a&since=0001-01-01T00:00:00%2B05:00",
        "/search?q=a&page=99999999999999999999",
        "/search?q=" + "a" * 5000,
        "/search?q=a&section=%00",
        "/search.atom?q=%00",
        "/section/buitenland?page=-1",
        "/index.json?page=x",
    ):
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)


LAST_DAY_PAGE = """Overijssel krijgt twee nieuwe fietspaden
ZWOLLE (ANP) - De provincie Overijssel legt de komende twee jaar twee nieuwe snelle fietspaden
aan tussen Zwolle en de omliggende dorpen, heeft de gedeputeerde bekendgemaakt.
"""


def test_stories_kept_at_the_calendars_ends_are_shown(store_url: str) -> None:
    with Store(store_url) as demo_store:  # a store of its own: it keeps a story
        assert load_samples(demo_store, NOW).errors == []
        # Kept in UTC, these times fall outside the calendar in the reader's own zone
        # (Amsterdam is ahead of UTC on its last day): shown in UTC instead.
        last = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
        capture = Capture(
            data=LAST_DAY_PAGE.encode(),
            source="last.txt",
            captured_at=last,
            captured_at_from="given",
        )
        assert ingest(demo_store, [capture]).errors == []
        [kept] = demo_store.latest(Filters(place="ZWOLLE"), limit=1)
        with client_for(demo_store) as client:
            for url in ("/", "/index.json", "/place/zwolle", "/search?q=fietspaden"):
                assert client.get(url, headers=DUTCH).status_code == 200, url
            page = client.get(f"/article/{kept.id}", headers=DUTCH)
            assert page.status_code == 200
            assert "31 december 9999 23:59 UTC" in page.text
