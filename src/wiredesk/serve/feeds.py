"""Atom feeds: per section, per place, and for a search (``.atom`` beside the page's URL).

    /section/<slug>.atom   /place/<slug>.atom   /search.atom?q=...

Built with feedgen from the same stories the pages list; entry ids are the
articles' addresses on this server: under its configured address (``wiredesk
serve --base-url``) when it has one, else under the one the request names.
"""

from __future__ import annotations

from datetime import datetime

from feedgen.feed import FeedGenerator
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from wiredesk import __version__
from wiredesk.model import StoredArticle
from wiredesk.query import Filters
from wiredesk.serve import params, views
from wiredesk.serve.i18n import Reader
from wiredesk.serve.pages import read_slug
from wiredesk.serve.problems import N_, Problem
from wiredesk.serve.render import reader_of
from wiredesk.serve.settings import site_of
from wiredesk.serve.slugs import article_path, slugify, title_of

FEED_ITEMS = 50
ATOM = "application/atom+xml; charset=utf-8"


def _base(request: Request) -> str:
    """The site's address: the configured one wins over the request's ``Host`` header,
    which any client can set."""
    return site_of(request).settings.base_url or str(request.base_url).rstrip("/")


def _feed(
    request: Request, title: str, page_path: str, updated: datetime, reader: Reader
) -> FeedGenerator:
    base = _base(request)
    feed = FeedGenerator()
    query = f"?{request.url.query}" if request.url.query else ""
    feed.id(base + request.url.path + query)
    feed.title(title)
    feed.link(href=base + page_path, rel="alternate", type="text/html")
    feed.link(href=base + request.url.path + query, rel="self", type="application/atom+xml")
    feed.language(reader.language)
    feed.generator("wiredesk", version=__version__)
    feed.updated(updated)
    return feed


def _entry(feed: FeedGenerator, base: str, stored: StoredArticle) -> None:
    article = stored.article
    entry = feed.add_entry(order="append")
    url = base + article_path(stored)
    entry.id(url)
    entry.title(title_of(stored))
    entry.link(href=url, rel="alternate", type="text/html")
    entry.published(article.published_at or stored.first_seen_at)
    entry.updated(stored.last_seen_at)
    agencies = article.dateline.agencies if article.dateline else ()
    for agency in agencies:
        entry.author(name=agency)
    if not agencies:
        entry.author(name="wiredesk")
    if article.section:
        entry.category(term=article.section)
    text = "\n\n".join(block.text for block in article.body)
    entry.content(text, type="text")
    if article.standfirst:
        entry.summary(article.standfirst, type="text")


def _response(feed: FeedGenerator) -> Response:
    return Response(feed.atom_str(pretty=True), media_type=ATOM)


def _newest(stories: list[StoredArticle], fallback: datetime) -> datetime:
    return max((story.last_seen_at for story in stories), default=fallback)


def _listing_feed(request: Request, kind: str) -> Response:
    site = site_of(request)
    reader = reader_of(request)
    slug = read_slug(request.path_params["name"])
    name = site.store.named("section" if kind == "section" else "place", slug)
    if name is None:
        raise Problem(404, N_("There is nothing at this address."))
    filters = Filters(section=name) if kind == "section" else Filters(place=name)
    now = site.now()
    stories = site.store.latest(filters, limit=FEED_ITEMS, now=now)
    title = (
        reader.gettext("%(section)s — wiredesk", section=name)
        if kind == "section"
        else reader.gettext("News from %(place)s — wiredesk", place=name)
    )
    path = f"/{kind}/{slugify(name)}"
    feed = _feed(request, title, path, _newest(stories, now), reader)
    base = _base(request)
    for story in stories:
        _entry(feed, base, story)
    return _response(feed)


def section_feed(request: Request) -> Response:
    return _listing_feed(request, "section")


def place_feed(request: Request) -> Response:
    return _listing_feed(request, "place")


def search_feed(request: Request) -> Response:
    site = site_of(request)
    reader = reader_of(request)
    text = params.text(request.query_params, "q")
    if text is None:
        raise Problem(400, N_("A search feed needs a query: /search.atom?q=words"))
    filters = params.filters(request.query_params)
    now = site.now()  # one moment for the search and its stories, or an embargo may split them
    found = views.search(site.store, text, filters, now=now, limit=FEED_ITEMS)
    stories = site.store.articles_by_id([hit.id for hit in found.hits], now=now)
    title = reader.gettext("Search: %(query)s — wiredesk", query=text)
    path = "/search" + (f"?{request.url.query}" if request.url.query else "")
    feed = _feed(request, title, path, _newest(stories, now), reader)
    base = _base(request)
    for story in stories:
        _entry(feed, base, story)
    return _response(feed)


def routes() -> list[BaseRoute]:
    return [
        Route("/section/{name}.atom", section_feed, methods=["GET", "HEAD"]),
        Route("/place/{name}.atom", place_feed, methods=["GET", "HEAD"]),
        Route("/search.atom", search_feed, methods=["GET", "HEAD"]),
    ]
