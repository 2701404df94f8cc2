"""What each page shows, as plain data: the HTML page renders it, its JSON twin is it.

Every builder takes the store, the reader and the moment of the request, runs
the page's queries once, and returns JSON-ready dicts; ages are computed here,
at request time, in the reader's language.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from urllib.parse import urlencode

from wiredesk import desk
from wiredesk.desk import Results
from wiredesk.errors import QueryError
from wiredesk.json_records import (
    feed_to_json,
    hit_to_json,
    stored_article_to_json,
    version_to_json,
)
from wiredesk.model import Feed, Hit, Section
from wiredesk.query import FILTER_NAMES, Filters
from wiredesk.serve.entity_views import article_findings, in_the_news
from wiredesk.serve.i18n import Reader
from wiredesk.serve.params import PAGE_SIZE
from wiredesk.serve.problems import N_, Phrase, Problem
from wiredesk.serve.slugs import article_path, slugify, title_of
from wiredesk.serve.teasers import dated, dateline_json, page_urls, teaser
from wiredesk.store import Store

# The front page: this many stories per section, and in the list of the latest.
FRONT_PER_SECTION = 4
FRONT_SECTIONS = 8
FRONT_LATEST = 10
# The rail beside an article holds as many stories as ANP's "Meer uit" rails: seven.
RAIL_ITEMS = 7
SNIPPET_TITLE_WORDS = 8
ListKind = Literal["section", "place", "agency"]


def front(store: Store, reader: Reader, now: datetime, known: list[Section]) -> dict[str, Any]:
    """The front page: the newest stories, and the newest of each of the ``known`` sections
    (the most recently active first)."""
    shown = known[:FRONT_SECTIONS]
    newest, *per_section = store.latest_each(
        [
            (Filters(), FRONT_LATEST),
            *((Filters(section=section.name), FRONT_PER_SECTION) for section in shown),
        ],
        now=now,
    )
    sections = [
        {
            "name": section.name,
            "url": f"/section/{slugify(section.name)}",
            "count": section.count,
            "items": [teaser(article, reader, now) for article in found],
        }
        for section, found in zip(shown, per_section, strict=True)
    ]
    latest = [teaser(article, reader, now) for article in newest]
    return {
        "page": "front",
        "latest": latest,
        "in_the_news": in_the_news(store, reader, now),
        "sections": sections,
    }


def listing(
    store: Store, reader: Reader, now: datetime, kind: ListKind, slug: str, page: int
) -> dict[str, Any]:
    """A section, place or agency page: its stories, newest first, a page at a time."""
    name = store.named(kind, slug)
    if name is None:
        if kind == "section":
            raise Problem(404, N_("There is no section %(name)s."), name=slug)
        if kind == "place":
            raise Problem(404, N_("No story comes from %(name)s."), name=slug)
        raise Problem(404, N_("No story comes from the agency %(name)s."), name=slug)
    filters = {
        "section": Filters(section=name),
        "place": Filters(place=name),
        "agency": Filters(agency=slug),
    }[kind]
    found = desk.list_stories(
        store, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, now=now
    )
    if not found.articles and page > 1:
        raise Problem(404, N_("This list has no page %(page)s."), page=page)
    path = f"/{kind}/{slugify(name) if kind != 'agency' else slug}"
    return {
        "page": kind,
        "name": name,
        "url": path,
        "feed_url": f"{path}.atom" if kind != "agency" else None,
        "items": [teaser(article, reader, now) for article in found.articles],
        **page_urls(path, {}, page, found.has_more),
    }


def article_page(store: Store, reader: Reader, now: datetime, article_id: int) -> dict[str, Any]:
    """An article or brief in full, its versions, and the rail of its section now."""
    # NotFound: a 404, for an article killed or still under embargo too
    found = store.article_with_rail(article_id, rail_items=RAIL_ITEMS, now=now)
    stored, versions = found.article, found.versions
    article = stored.article
    latest = versions[-1] if versions else None
    rail = None
    if article.section:
        rail = {
            "title": reader.gettext("More from %(section)s", section=article.section),
            "section": article.section,
            "url": f"/section/{slugify(article.section)}",
            "items": [teaser(item, reader, now) for item in found.rail],
        }
    full_article = None
    if found.full_article is not None:
        full_article = teaser(found.full_article, reader, now)
    when = dated(stored)
    return {
        "page": "article",
        "article": {
            **stored_article_to_json(stored),
            "url": article_path(stored),
            "title": title_of(stored),
            "section_url": f"/section/{slugify(article.section)}" if article.section else None,
            **dateline_json(stored),
            "dated_at": when.isoformat(),
            "time": reader.time(article.published_at),
            "first_seen": reader.time(stored.first_seen_at),
            "last_seen": reader.time(stored.last_seen_at),
            "age": reader.age(when, now),
            "source": latest.source if latest else None,
            **article_findings(stored, reader),
        },
        "versions": [
            {
                **version_to_json(version),
                "url": f"/article/{stored.id}/versions/{version.version}",
                "seen": reader.time(version.seen_at),
            }
            for version in versions
        ],
        "full_article": full_article,
        "rail": rail,
    }


def version_page(
    store: Store, reader: Reader, now: datetime, article_id: int, number: int
) -> dict[str, Any]:
    article = store.article(article_id, now=now)
    versions = {version.version: version for version in store.history(article_id, now=now)}
    if number not in versions:
        raise Problem(404, N_("This article has no version %(number)s."), number=number)
    version = versions[number]
    return {
        "page": "version",
        "article": {"id": article.id, "url": article_path(article), "title": title_of(article)},
        "version": {
            **version_to_json(version),
            "seen": reader.time(version.seen_at),
            "count": len(versions),
        },
    }


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> list[dict[str, Any]]:
    """A snippet cut into plain and matched parts, for the page to mark without HTML in data."""
    parts: list[dict[str, Any]] = []
    at = 0
    for start, end in spans:
        if start > at:
            parts.append({"text": text[at:start], "is_match": False})
        parts.append({"text": text[start:end], "is_match": True})
        at = end
    if at < len(text):
        parts.append({"text": text[at:], "is_match": False})
    return parts


def hit_json(hit: Hit, reader: Reader, now: datetime) -> dict[str, Any]:
    """A search result with its address, its snippet cut into marked parts, and its time."""
    when = hit.published_at or hit.dated_at
    # A brief has no headline: its snippet's first words stand in.
    words = hit.snippet.text.removeprefix("… ").split()[:SNIPPET_TITLE_WORDS]
    return {
        **hit_to_json(hit),
        "url": f"/article/{hit.id}",
        "title": hit.headline or " ".join(words) + " …",
        "snippet_parts": _marked(hit.snippet.text, hit.snippet.highlights),
        "section_url": f"/section/{slugify(hit.section)}" if hit.section else None,
        "place_url": f"/place/{slugify(hit.place)}" if hit.place else None,
        "dated_at": when.isoformat(),
        "time": reader.time(when),
        "age": reader.age(when, now),
    }


SEARCH_PARAMS = ("q", *FILTER_NAMES)


def search(
    store: Store,
    text: str,
    filters: Filters,
    *,
    now: datetime,
    limit: int,
    offset: int = 0,
) -> Results:
    """``desk.search``, a query it cannot read being a 400 that says why (in the
    reader's language on a page)."""
    try:
        return desk.search(store, text, filters, now=now, limit=limit, offset=offset)
    except QueryError as error:
        reason = Phrase(error.template, error.values)
        raise Problem(
            400, N_("Cannot search for %(query)r: %(reason)s"), query=text, reason=reason
        ) from None


def search_page(
    store: Store,
    reader: Reader,
    now: datetime,
    text: str | None,
    filters: Filters,
    given: dict[str, str],
    page: int,
) -> dict[str, Any]:
    """The search form's results: ranked hits with marked snippets, a page at a time."""
    found = None
    if text is not None:
        offset = (page - 1) * PAGE_SIZE
        found = search(store, text, filters, now=now, limit=PAGE_SIZE, offset=offset)
    kept = {name: value for name, value in given.items() if name in SEARCH_PARAMS and value}
    return {
        "page": "search",
        "query": text,
        "filters": {name: kept.get(name) for name in SEARCH_PARAMS if name != "q"},
        "hits": [hit_json(hit, reader, now) for hit in found.hits] if found is not None else [],
        "feed_url": f"/search.atom?{urlencode(kept)}" if found is not None else None,
        **page_urls("/search", kept, page, found is not None and found.has_more),
    }


def feed_json(feed: Feed, reader: Reader, now: datetime, known: set[str]) -> dict[str, Any]:
    """A feed as ``feeds list --format json`` gives it, with its times in the reader's words."""
    section = feed.section
    return {
        **feed_to_json(feed),
        # A section with no story yet has no page to link to.
        "section_url": f"/section/{slugify(section)}"
        if section and section.casefold() in known
        else None,
        "last_success": reader.time(feed.last_success_at),
        "last_success_age": reader.age(feed.last_success_at, now),
        "last_attempt": reader.time(feed.last_attempt_at),
        "next_poll": reader.time(feed.next_poll_at),
        "is_due": feed.next_poll_at <= now,
    }


def feed_list(store: Store, reader: Reader, now: datetime, known: list[Section]) -> dict[str, Any]:
    """The feeds the desk polls, in the order added, and how their polls went."""
    names = {section.name.casefold() for section in known}
    return {
        "page": "feeds",
        "feeds": [feed_json(feed, reader, now, names) for feed in store.feeds()],
    }
