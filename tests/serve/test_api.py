"""The JSON API under /api/v1, on SQLite and PostgreSQL: reads, errors, and token-guarded writes."""

from __future__ import annotations

from httpx import Client

from tests.serve.conftest import HEADLINE, TOKEN, client_for, sample_article
from wiredesk.serve.guard import MAX_BODY
from wiredesk.store import Store

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGE = """Brand in loods bij haven van Harlingen
HARLINGEN (ANP) - In een loods bij de haven van Harlingen is dinsdagavond een grote brand uitgebroken. De brandweer heeft het vuur inmiddels onder controle.
Er raakte niemand gewond. Omwonenden kregen het advies ramen en deuren te sluiten vanwege de rook.
"""


def assert_error(response: object, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]  # type: ignore[no-any-return]


def test_articles_list_with_filters_and_paging(client: Client) -> None:
    data = client.get("/api/v1/articles", params={"section": "Buitenland", "limit": 5}).json()
    assert len(data["articles"]) == 5 and data["has_more"] is True
    assert data["articles"][0]["headline"] == HEADLINE
    briefs = client.get("/api/v1/articles", params={"kind": "brief", "agency": "rtr"}).json()
    assert briefs["articles"] and all(a["kind"] == "brief" for a in briefs["articles"])
    later = client.get("/api/v1/articles", params={"since": "2026-03-18T13:30:00Z"}).json()
    assert later["articles"] and all(
        a["published_at"] is None or a["published_at"] >= "2026-03-18T13:30"
        for a in later["articles"]
    )


def test_one_article_sections_and_search(client: Client, demo_store: Store) -> None:
    article = sample_article(demo_store)
    one = client.get(f"/api/v1/articles/{article.id}").json()
    assert one["article"]["headline"] == HEADLINE
    assert one["versions"][0]["version"] == 1
    sections = client.get("/api/v1/sections").json()["sections"]
    assert sections[0] == {
        "name": "Buitenland",
        "slug": "buitenland",
        "count": 12,
        "latest_at": "2026-03-18T14:00:00+00:00",
    }
    hits = client.get("/api/v1/search", params={"q": "Koersk"}).json()["hits"]
    assert hits[0]["id"] == article.id
    assert hits[0]["highlights"]
    first = client.get("/api/v1/search", params={"q": "Koersk", "limit": 1}).json()
    assert first["has_more"] is (len(hits) > 1)


def test_read_errors_are_json(client: Client) -> None:
    assert_error(client.get("/api/v1/articles/424242"), 404, "not_found")
    assert_error(client.get("/api/v1/articles/abc"), 400, "bad_request")
    assert_error(client.get("/api/v1/articles", params={"limit": 0}), 400, "bad_request")
    assert_error(client.get("/api/v1/articles", params={"kind": "column"}), 400, "bad_request")
    assert_error(client.get("/api/v1/articles", params={"since": "soon"}), 400, "bad_request")
    late = {"until": "9999-12-31T23:00:00-05:00"}
    error = assert_error(client.get("/api/v1/articles", params=late), 400, "bad_request")
    assert error["message"] == "until is outside the years 1 to 9999 in UTC"
    wrong = assert_error(client.get("/api/v1/search?q=a&kind=column"), 400, "bad_request")
    assert wrong["message"] == "kind must be article or brief"
    assert_error(client.get("/api/v1/search"), 400, "bad_request")
    error = assert_error(client.get("/api/v1/search", params={"q": "a OR"}), 400, "bad_request")
    assert "OR" in str(error["message"])
    long = assert_error(client.get("/api/v1/search", params={"q": "a " * 101}), 400, "bad_request")
    assert str(long["message"]).endswith("the query is longer than 200 characters")
    nul = assert_error(client.get("/api/v1/search", params={"q": "a\x00"}), 400, "bad_request")
    assert "NUL" in str(nul["message"])
    assert_error(client.get("/api/v1/nothing"), 404, "not_found")
    assert_error(client.delete("/api/v1/sections"), 405, "method_not_allowed")


def test_posting_a_capture_needs_the_token(client: Client) -> None:
    body = {"text": PAGE}
    missing = client.post("/api/v1/captures", json=body)
    assert_error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/api/v1/captures", json=body, headers={"Authorization": "Bearer nope"})
    assert_error(wrong, 403, "forbidden")
    assert client.get("/api/v1/articles", params={"place": "HARLINGEN"}).json()["articles"] == []


def test_a_server_without_a_token_is_read_only(demo_store: Store) -> None:
    with client_for(demo_store, token=None) as client:
        error = assert_error(
            client.post("/api/v1/captures", json={"text": PAGE}, headers=AUTH), 403, "forbidden"
        )
        assert "read-only" in str(error["message"])


def test_a_posted_page_is_kept_and_readable(client: Client) -> None:
    posted = client.post(
        "/api/v1/captures",
        json={"text": PAGE, "captured_at": "2026-03-18T13:00:00Z", "url": "https://example.nl/1"},
        headers=AUTH,
    )
    assert posted.status_code == 201, posted.text
    data = posted.json()
    assert data["is_new"] is True and data["articles"] == 1
    [story] = data["stories"]
    assert posted.headers["location"] == story["url"]
    article = client.get(f"/api/v1/articles/{story['id']}").json()["article"]
    assert article["headline"] == "Brand in loods bij haven van Harlingen"
    assert article["dateline"]["place"] == "HARLINGEN"
    again = client.post(
        "/api/v1/captures", json={"text": PAGE, "captured_at": "2026-03-18T13:00:00Z"}, headers=AUTH
    )
    assert again.status_code == 200 and again.json()["is_new"] is False


def test_a_page_can_be_uploaded_as_a_file(client: Client) -> None:
    html = f"<html><body><h1>Brand in loods</h1>{''.join(f'<p>{line}</p>' for line in PAGE.splitlines()[1:])}</body></html>"
    posted = client.post(
        "/api/v1/captures",
        files={"file": ("harlingen.html", html.encode(), "text/html")},
        data={"captured_at": "2026-03-18T13:00:00+00:00"},
        headers=AUTH,
    )
    assert posted.status_code == 201, posted.text
    assert posted.json()["stories"][0]["role"] == "article"
    plain = client.post(
        "/api/v1/captures",
        content=PAGE.replace("dinsdagavond", "woensdagavond").encode(),
        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"},
    )
    assert plain.status_code in (200, 201), plain.text


def test_what_an_upload_says_of_its_page_is_kept(client: Client) -> None:
    """An upload's fields are a JSON Lines record's: a section and a publication time for
    a page that prints none reach the article."""
    posted = client.post(
        "/api/v1/captures",
        json={
            "text": PAGE.replace("haven", "jachthaven"),
            "captured_at": "2026-03-18T13:00:00Z",
            "published_at": "2026-03-18T09:45:00+01:00",
            "section": "Binnenland",
        },
        headers=AUTH,
    )
    assert posted.status_code == 201, posted.text
    [story] = posted.json()["stories"]
    article = client.get(f"/api/v1/articles/{story['id']}").json()["article"]
    assert (article["section"], article["published_at"]) == (
        "Binnenland",
        "2026-03-18T08:45:00+00:00",
    )
    bad = client.post(
        "/api/v1/captures",
        json={"text": PAGE, "published_at": "0001-01-01T00:30:00+01:00"},
        headers=AUTH,
    )
    assert "published_at" in str(assert_error(bad, 400, "bad_request")["message"])


def test_bad_captures_get_clear_errors(client: Client) -> None:
    post = client.post
    assert_error(
        post(
            "/api/v1/captures", content=b"{", headers={**AUTH, "Content-Type": "application/json"}
        ),
        400,
        "bad_request",
    )
    assert_error(post("/api/v1/captures", json=["a"], headers=AUTH), 400, "bad_request")
    assert_error(post("/api/v1/captures", json={"page": PAGE}, headers=AUTH), 400, "bad_request")
    assert_error(
        post("/api/v1/captures", json={"text": PAGE, "captured_at": "now"}, headers=AUTH),
        400,
        "bad_request",
    )
    assert_error(
        post("/api/v1/captures", files={"other": ("a.txt", b"x")}, headers=AUTH), 400, "bad_request"
    )
    assert_error(
        post("/api/v1/captures", content=b"x", headers={**AUTH, "Content-Type": "image/png"}),
        415,
        "unsupported_media_type",
    )
    no_article = post("/api/v1/captures", json={"text": "Home\nNieuws\nInloggen\n"}, headers=AUTH)
    error = assert_error(no_article, 422, "unprocessable")
    assert "no recognisable article" in str(error["message"])


def test_bodies_over_five_megabytes_are_refused(client: Client) -> None:
    big = b"a" * (MAX_BODY + 1)
    declared = client.post(
        "/api/v1/captures", content=big, headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert_error(declared, 413, "too_large")

    def chunks() -> object:
        for _ in range(6):
            yield b"b" * (1024 * 1024)

    streamed = client.post(
        "/api/v1/captures", content=chunks(), headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert_error(streamed, 413, "too_large")


def test_openapi_schema_describes_the_api(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/sections",
        "/api/v1/search",
        "/api/v1/captures",
    } <= set(schema["paths"])
    post = schema["paths"]["/api/v1/captures"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    assert post["security"]
    assert "/" not in schema["paths"]  # the site's pages are not part of the API


def test_a_repeated_capture_answers_with_the_kept_capture_and_its_stories(client: Client) -> None:
    body = {"text": PAGE, "captured_at": "2026-03-18T13:00:00Z"}
    first = client.post("/api/v1/captures", json=body, headers=AUTH)
    assert first.status_code == 201, first.text
    again = client.post("/api/v1/captures", json=body, headers=AUTH)
    assert again.status_code == 200, again.text
    kept, repeated = first.json(), again.json()
    assert repeated["is_new"] is False
    assert isinstance(kept["capture_id"], int)
    assert repeated["capture_id"] == kept["capture_id"]
    assert repeated["stories"] == kept["stories"]


def test_an_upload_with_two_file_parts_is_refused_naming_the_part(client: Client) -> None:
    page = PAGE.encode()
    posted = client.post(
        "/api/v1/captures",
        files=[
            ("file", ("a.txt", page)),
            ("file", ("b.txt", page.replace(b"Harlingen", b"Sneek"))),
        ],
        headers=AUTH,
    )
    error = assert_error(posted, 400, "bad_request")
    assert '"file"' in str(error["message"]) and "one page" in str(error["message"])
    twice = client.post(
        "/api/v1/captures",
        files={"file": ("a.txt", page)},
        data={"captured_at": ["2026-03-18T13:00:00Z", "2026-03-18T14:00:00Z"]},
        headers=AUTH,
    )
    assert '"captured_at"' in str(assert_error(twice, 400, "bad_request")["message"])
    assert client.get("/api/v1/articles", params={"place": "HARLINGEN"}).json()["articles"] == []


def test_deeply_nested_json_gets_a_400_with_the_problem_body(client: Client) -> None:
    for depth in (900, 1_000, 100_000):
        for body in (
            "[" * depth + "]" * depth,
            '{"text": "x", "url": ' + "[" * depth + "]" * depth + "}",
            '{"a":' * depth + "1" + "}" * depth,
        ):
            posted = client.post(
                "/api/v1/captures",
                content=body,
                headers={**AUTH, "Content-Type": "application/json"},
            )
            assert_error(posted, 400, "bad_request")
    deep = "[" * 1_000 + "]" * 1_000
    posted = client.post(
        "/api/v1/captures", content=deep, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert "nested" in str(assert_error(posted, 400, "bad_request")["message"])
