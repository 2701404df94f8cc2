"""Full-text search: BM25 (FTS5) on SQLite, ``ts_rank_cd`` on PostgreSQL, with a recency boost.

The query is read by ``wiredesk.query``; each database ranks its matches in a
module of its own (``search_sqlite``, ``search_postgres``), and here a search
goes to the one it runs on. Filters, ranking and snippets are the same on
both databases. On SQLite the index itself also narrows a search by section,
agency, place, language and kind (``tags.py``); the SQL filters still decide.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, exists, false, or_

from wiredesk.model import Hit
from wiredesk.query import Filters, Query
from wiredesk.store.schema import article_agencies, article_entities, articles
from wiredesk.store.search_postgres import rank_postgres
from wiredesk.store.search_sqlite import rank_sqlite
from wiredesk.store.snippets import make_snippet
from wiredesk.store.tags import tags_of


def filter_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    """SQL conditions for ``filters`` on the ``articles`` table."""
    found: list[ColumnElement[bool]] = []
    if filters.section:
        found.append(articles.c.section_key == filters.section.casefold())
    if filters.place:
        found.append(articles.c.place_key == filters.place.casefold())
    if filters.language:
        found.append(articles.c.language == filters.language.casefold())
    if filters.kind:
        found.append(articles.c.kind == filters.kind)
    if filters.since:
        found.append(articles.c.dated_at >= filters.since)
    if filters.until:
        found.append(articles.c.dated_at < filters.until)
    if filters.agency:
        found.append(
            exists().where(
                article_agencies.c.article_id == articles.c.id,
                article_agencies.c.agency == filters.agency.casefold(),
            )
        )
    if filters.entity:
        found.append(
            exists().where(
                article_entities.c.article_id == articles.c.id,
                article_entities.c.entity_id == filters.entity,
            )
        )
    return found


def shown_conditions(now: datetime) -> list[ColumnElement[bool]]:
    """SQL conditions for the stories readers may see at ``now``: none its agency killed
    or withheld, none under an embargo that has not ended (read at every request, so an
    embargoed story shows once its time comes, with nothing kept again)."""
    return [
        articles.c.is_killed == false(),
        or_(articles.c.embargoed_at.is_(None), articles.c.embargoed_at <= now),
    ]


def search_articles(
    connection: Connection,
    query: Query,
    filters: Filters,
    *,
    now: datetime,
    limit: int = 20,
    offset: int = 0,
) -> list[Hit]:
    """The best matches for ``query`` among the stories shown at ``now``, best first."""
    conditions = filter_conditions(filters)
    shown = shown_conditions(now)
    if connection.dialect.name != "sqlite":
        rows = rank_postgres(
            connection, query, conditions, shown, now=now, limit=limit, offset=offset
        )
    else:
        tags = _filter_tags(filters)
        rows = rank_sqlite(
            connection, query, tags, [*conditions, *shown], now=now, limit=limit, offset=offset
        )
    return [_hit(row, query) for row in rows]


def _filter_tags(filters: Filters) -> list[str]:
    """The index tags a filtered search asks for (time ranges stay SQL conditions)."""
    return tags_of(
        kind=filters.kind,
        section=filters.section,
        place=filters.place,
        language=filters.language,
        agencies=[filters.agency] if filters.agency else [],
    )


def _hit(row: Any, query: Query) -> Hit:
    body = row.body_text.replace("\n", " ")  # paragraphs run on in a snippet
    return Hit(
        id=row.id,
        kind=row.kind,
        headline=row.headline,
        section=row.section,
        place=row.place,
        agencies=tuple(filter(None, row.agencies.split("/"))),
        language=row.language,
        published_at=row.published_at,
        dated_at=row.dated_at,
        score=float(row.score),
        snippet=make_snippet(body, query, row.language),
    )
