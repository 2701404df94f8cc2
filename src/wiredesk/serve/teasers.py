"""A story in a list (a teaser), its dateline's links, and a list's page addresses: what
every page that lists stories shows of them."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from wiredesk.model import StoredArticle
from wiredesk.serve.i18n import Reader
from wiredesk.serve.slugs import article_path, slugify, title_of

# How much of a brief or an article's first paragraph a list shows.
TEASER_CHARS = 240


def dated(stored: StoredArticle) -> datetime:
    return stored.article.published_at or stored.first_seen_at


def _cut(text: str, limit: int = TEASER_CHARS) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def dateline_json(stored: StoredArticle) -> dict[str, Any]:
    """Place and agencies with the pages that list them."""
    dateline = stored.article.dateline
    place = dateline.place if dateline else None
    return {
        "place": place,
        "place_url": f"/place/{slugify(place)}" if place else None,
        "agencies": [
            {"name": name, "url": f"/agency/{slugify(name)}"}
            for name in (dateline.agencies if dateline else ())
        ],
    }


def teaser(stored: StoredArticle, reader: Reader, now: datetime) -> dict[str, Any]:
    """A story in a list: enough to choose it, with its age now."""
    article = stored.article
    when = dated(stored)
    lead = article.standfirst or next(
        (block.text for block in article.body if block.kind == "paragraph"), ""
    )
    return {
        "id": stored.id,
        "kind": stored.kind,
        "url": article_path(stored),
        "title": title_of(stored),
        "headline": article.headline,
        "text": _cut(lead),
        "section": article.section,
        "section_url": f"/section/{slugify(article.section)}" if article.section else None,
        **dateline_json(stored),
        "dated_at": when.isoformat(),
        "time": reader.time(when),
        "age": reader.age(when, now),
        "full_article_url": f"/article/{stored.full_article_id}"
        if stored.full_article_id
        else None,
    }


def page_urls(path: str, params: dict[str, str], page: int, has_more: bool) -> dict[str, Any]:
    def url(number: int) -> str:
        query = {**params, "page": str(number)} if number > 1 else params
        return f"{path}?{urlencode(query)}" if query else path

    return {
        "page_number": page,
        "previous_url": url(page - 1) if page > 1 else None,
        "next_url": url(page + 1) if has_more else None,
    }
