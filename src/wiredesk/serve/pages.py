"""The site: server-rendered pages at stable URLs, each with a JSON twin (``.json``).

/                          front page          /index.json
/section/<slug>            a section           /section/<slug>.json
/place/<slug>, /agency/<slug>                  (.json likewise)
/article/<id>[/<words>]    an article or brief /article/<id>.json
/article/<id>/versions/<n> one version of it
/entity/<id>               a place, person or organisation: /entity/<id>.json
/search?q=...              search              /search.json?q=...
/feeds                     the feeds polled    /feeds.json
POST /language             the language switch (a cookie), then back
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from wiredesk.query import MAX_TEXT
from wiredesk.serve import entity_views, params, views
from wiredesk.serve.i18n import COOKIE, LANGUAGES
from wiredesk.serve.problems import N_, Problem
from wiredesk.serve.render import page_response, reader_of
from wiredesk.serve.settings import site_of

JSON = ".json"
# A language choice is kept for a year.
COOKIE_SECONDS = 365 * 24 * 3600


def on_the_loop(handler: Callable[[Request], Response]) -> Callable[[Request], Awaitable[Response]]:
    """Run a page that reads by index (a few milliseconds) on the event loop itself.

    Handing it to a thread cost 15% of an article page's CPU time
    (bench/serve_bench.py); searches and uploads, which can take long, keep
    their threads.
    """

    async def run(request: Request) -> Response:
        return handler(request)

    run.__name__ = handler.__name__
    run.__doc__ = handler.__doc__
    return run


def split_suffix(name: str, suffix: str = JSON) -> tuple[str, bool]:
    """``"buitenland.json"`` → ``("buitenland", True)``."""
    if name.endswith(suffix):
        return name[: -len(suffix)], True
    return name, False


def front(request: Request) -> Response:
    site = site_of(request)
    reader = reader_of(request)
    view = views.front(site.store, reader, site.now(), site.sections())
    as_json = request.url.path == "/index.json"
    return page_response(request, "front.html", view, as_json=as_json, reader=reader)


def read_slug(name: str) -> str:
    """A section, place or agency name from a URL; one no name can have is a 404."""
    if "\x00" in name or len(name) > MAX_TEXT:
        raise Problem(404, N_("There is nothing at this address."))
    return name.casefold()


def _listing(request: Request, kind: Literal["section", "place", "agency"]) -> Response:
    name, as_json = split_suffix(request.path_params["name"])
    slug = read_slug(name)
    site = site_of(request)
    reader = reader_of(request)
    page = params.page(request.query_params)
    view = views.listing(site.store, reader, site.now(), kind, slug, page)
    return page_response(request, "listing.html", view, as_json=as_json, reader=reader)


def section(request: Request) -> Response:
    return _listing(request, "section")


def place(request: Request) -> Response:
    return _listing(request, "place")


def agency(request: Request) -> Response:
    return _listing(request, "agency")


def _article_id(text: str) -> int:
    if not text.isascii() or not text.isdigit() or len(text) > 10 or int(text) > params.MAX_ID:
        raise Problem(404, N_("There is no article at this address."))
    return int(text)


def article(request: Request) -> Response:
    """``/article/<id>``, ``/article/<id>/<words>``, either with ``.json``."""
    path, as_json = split_suffix(request.path_params["rest"])
    parts = path.split("/")
    site = site_of(request)
    reader = reader_of(request)
    article_id = _article_id(parts[0])
    if len(parts) == 3 and parts[1] == "versions":
        view = views.version_page(site.store, reader, site.now(), article_id, _article_id(parts[2]))
        return page_response(request, "version.html", view, as_json=as_json, reader=reader)
    if len(parts) > 2:
        raise Problem(404, N_("There is no article at this address."))
    view = views.article_page(site.store, reader, site.now(), article_id)
    return page_response(request, "article.html", view, as_json=as_json, reader=reader)


def entity(request: Request) -> Response:
    """``/entity/<id>`` (``geonames:2017370``, ``person:selensky``), either with ``.json``."""
    entity_id, as_json = split_suffix(request.path_params["id"])
    if not entity_id or "\x00" in entity_id or len(entity_id) > MAX_TEXT:
        raise Problem(404, N_("There is nothing at this address."))
    site = site_of(request)
    reader = reader_of(request)
    page = params.page(request.query_params)
    view = entity_views.entity_page(site.store, reader, site.now(), entity_id, page)
    return page_response(request, "entity.html", view, as_json=as_json, reader=reader)


# What the request reader (wiredesk/query.py) says of a query or a parameter it cannot
# read, for the catalogs.
REQUEST_REASONS = (
    N_("the query is longer than %(limit)s characters"),
    N_("the query holds a NUL character"),
    N_('the query has an unbalanced quote (")'),
    N_("OR needs a word on each side"),
    N_("AND needs a word on each side"),
    N_("NOT needs a word after it"),
    N_("%(token)r has no words to search for"),
    N_("OR cannot join an excluded word"),
    N_("the query ends with an operator (OR, AND or NOT)"),
    N_("the query has no words to search for"),
    N_("%(name)s is too long or holds a character it cannot"),
    N_("kind must be article or brief"),
    N_("%(name)s must be a date or time such as 2026-03-18 or 2026-03-18T14:00:00Z"),
    N_("%(name)s is outside the years 1 to 9999 in UTC"),
)


def search(request: Request) -> Response:
    site = site_of(request)
    reader = reader_of(request)
    view = views.search_page(
        site.store,
        reader,
        site.now(),
        params.text(request.query_params, "q"),
        params.filters(request.query_params),
        dict(request.query_params),
        params.page(request.query_params),
    )
    as_json = request.url.path == "/search.json"
    return page_response(request, "search.html", view, as_json=as_json, reader=reader)


def feed_list(request: Request) -> Response:
    """The feeds the desk polls: ``wiredesk feeds list`` as a page."""
    site = site_of(request)
    reader = reader_of(request)
    view = views.feed_list(site.store, reader, site.now(), site.sections())
    as_json = request.url.path == "/feeds.json"
    return page_response(request, "feeds.html", view, as_json=as_json, reader=reader)


def _local(path: str | None) -> str:
    """Where to go back to: a path on this site only, never another site's address."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


async def language(request: Request) -> Response:
    """The language switch: remember the choice in a cookie, and go back to the page."""
    async with request.form() as form:
        chosen = str(form.get("lang", ""))
        back = _local(str(form.get("next", "/")))
    if chosen not in LANGUAGES:
        raise Problem(400, N_("lang must be one of: %(languages)s"), languages=", ".join(LANGUAGES))
    response = RedirectResponse(back, status_code=303)
    response.set_cookie(COOKIE, chosen, max_age=COOKIE_SECONDS, samesite="lax", httponly=True)
    return response


def api_docs(request: Request) -> Response:
    """The API's operations, read from its OpenAPI schema, as a page that needs no script."""
    schema = request.app.openapi()
    operations = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary", ""),
            "description": operation.get("description", ""),
            "parameters": [
                {
                    "name": parameter["name"],
                    "where": parameter["in"],
                    "required": parameter.get("required", False),
                    "description": parameter.get("description", ""),
                }
                for parameter in operation.get("parameters", [])
            ],
            "statuses": sorted(operation.get("responses", {})),
        }
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    view = {"page": "docs", "operations": operations}
    return page_response(request, "docs.html", view, as_json=False)


def routes() -> list[BaseRoute]:
    return [
        Route("/", on_the_loop(front), methods=["GET", "HEAD"]),
        Route("/index.json", on_the_loop(front), methods=["GET", "HEAD"]),
        Route("/section/{name}", on_the_loop(section), methods=["GET", "HEAD"]),
        Route("/place/{name}", on_the_loop(place), methods=["GET", "HEAD"]),
        Route("/agency/{name}", on_the_loop(agency), methods=["GET", "HEAD"]),
        Route("/article/{rest:path}", on_the_loop(article), methods=["GET", "HEAD"]),
        Route("/entity/{id:path}", on_the_loop(entity), methods=["GET", "HEAD"]),
        Route("/search", search, methods=["GET", "HEAD"]),
        Route("/search.json", search, methods=["GET", "HEAD"]),
        Route("/feeds", on_the_loop(feed_list), methods=["GET", "HEAD"]),
        Route("/feeds.json", on_the_loop(feed_list), methods=["GET", "HEAD"]),
        Route("/language", language, methods=["POST"]),
        Route("/api/docs", api_docs, methods=["GET", "HEAD"]),
    ]
