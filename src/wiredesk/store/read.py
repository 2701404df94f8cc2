"""Reading the store back: rows into records, in one place."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, func, select

from wiredesk.errors import NotFound
from wiredesk.model import Dateline, StoredArticle, Version
from wiredesk.store.drafts import decode_body
from wiredesk.store.schema import article_agencies, article_versions, articles, captures
from wiredesk.store.search import Filters, filter_conditions

STREAM_BATCH = 500


def _article(row: Any) -> StoredArticle:
    agencies = tuple(filter(None, row.agencies.split("/")))
    dateline = None
    if row.place or agencies or row.date_text:
        dateline = Dateline(
            place=row.place, agencies=agencies, date_text=row.date_text, desk=row.desk
        )
    return StoredArticle(
        id=row.id,
        kind=row.kind,
        headline=row.headline,
        standfirst=row.standfirst,
        byline=row.byline,
        section=row.section,
        language=row.language,
        dateline=dateline,
        body=decode_body(row.body, row.body_text),
        version=row.version,
        printed_version=row.printed_version,
        replaces=row.replaces,
        age_text=row.age_text,
        published_at=row.published_at,
        first_seen_at=row.first_seen_at,
        last_seen_at=row.last_seen_at,
        full_article_id=row.full_article_id,
    )


def get_article(connection: Connection, article_id: int) -> StoredArticle:
    row = connection.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return _article(row)


def get_history(connection: Connection, article_id: int) -> list[Version]:
    """Every version of an article, oldest first."""
    current = get_article(connection, article_id)  # raises NotFound
    rows = connection.execute(
        select(article_versions, captures.c.source)
        .join(captures, captures.c.id == article_versions.c.capture_id)
        .where(article_versions.c.article_id == article_id)
        .order_by(article_versions.c.version)
    ).all()
    # Past versions keep their body; the current one's is the article's own.
    return [
        Version(
            version=row.version,
            headline=row.headline,
            body=current.body if row.body is None else decode_body(row.body),
            printed_version=row.printed_version,
            published_at=row.published_at,
            seen_at=row.seen_at,
            source=row.source,
        )
        for row in rows
    ]


def iter_articles(connection: Connection, filters: Filters) -> Iterator[StoredArticle]:
    """Every article matching ``filters``, newest first, streamed in batches by id."""
    last: tuple[Any, int] | None = None
    while True:
        statement = (
            select(articles)
            .where(*filter_conditions(filters))
            .order_by(articles.c.dated_at.desc(), articles.c.id.desc())
            .limit(STREAM_BATCH)
        )
        if last is not None:
            dated_at, article_id = last
            statement = statement.where(
                (articles.c.dated_at < dated_at)
                | ((articles.c.dated_at == dated_at) & (articles.c.id < article_id))
            )
        rows = connection.execute(statement).all()
        if not rows:
            return
        for row in rows:
            yield _article(row)
        last = (rows[-1].dated_at, rows[-1].id)


def count_by(connection: Connection, column: Any) -> list[tuple[str | None, int]]:
    rows = connection.execute(
        select(column, func.count()).group_by(column).order_by(func.count().desc(), column)
    ).all()
    return [(row[0], int(row[1])) for row in rows]


def agency_counts(connection: Connection) -> list[tuple[str | None, int]]:
    return count_by(connection, article_agencies.c.agency)
