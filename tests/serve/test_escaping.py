"""Ingested text and request input render as text, never as markup, on every page and feed."""

from __future__ import annotations

from httpx import Client

from tests.serve.test_api import AUTH

HOSTILE_PAGE = """Onrust na <script>alert("kop")</script> bij het Binnenhof
DEN HAAG (ANP) - Demonstranten riepen "><img src=x onerror=alert(1)> en <script>alert(2)</script> voor het Binnenhof. De politie greep niet in en de demonstratie verliep verder rustig.
Een tweede alinea met </p><b onmouseover="alert(3)">vet</b> en 'quotes' & ampersands.
"""
MARKUP = ("<script>alert", "<img src=x", "<b onmouseover", 'onerror=alert(1)>"')


def assert_inert(html: str) -> None:
    for piece in MARKUP:
        assert piece not in html, piece
    # The only scripts are the site's own.
    assert html.count("<script") == 1 and '<script src="/static/ages.js" defer></script>' in html


def test_hostile_copy_renders_as_text(client: Client) -> None:
    posted = client.post(
        "/api/v1/captures",
        json={"text": HOSTILE_PAGE, "captured_at": "2026-03-18T13:59:00Z"},
        headers=AUTH,
    )
    assert posted.status_code == 201, posted.text
    url = posted.json()["stories"][0]["url"]
    page = client.get(url).text
    assert_inert(page)
    assert "Onrust na &lt;script&gt;alert(&#34;kop&#34;)&lt;/script&gt; bij het Binnenhof" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    for address in ("/", "/place/den-haag", "/agency/anp", "/search?q=Binnenhof"):
        assert_inert(client.get(address).text)
    assert client.get(f"{url}.json").json()["article"]["headline"].startswith("Onrust na <script>")
    feed = client.get("/search.atom", params={"q": "Binnenhof"}).text
    assert "<script>" not in feed and "&lt;script&gt;" in feed


def test_request_input_is_escaped_too(client: Client) -> None:
    attack = '"><script>alert(5)</script>'
    for response in (
        client.get("/search", params={"q": attack}),
        client.get("/search", params={"q": "drone", "place": attack}),
        client.get(f"/section/{attack}"),
        client.get("/", params={"x": attack}),
    ):
        assert "<script>alert(5)" not in response.text
    refused = client.get("/search", params={"q": attack})
    assert refused.status_code == 400  # the quote is unbalanced; the message quotes the query
    assert "&#34;&gt;&lt;script&gt;alert(5)&lt;/script&gt;" in refused.text
    shown = client.get("/search", params={"q": "<script>alert(6)</script>"}).text
    assert 'value="&lt;script&gt;alert(6)&lt;/script&gt;"' in shown
