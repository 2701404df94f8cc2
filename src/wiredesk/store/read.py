"""Reading the store back: rows into records, in one place."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    bindparam,
    exists,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.sql import FromClause

from wiredesk.errors import NotFound
from wiredesk.json_records import wire_from_json
from wiredesk.model import Article, Dateline, Section, Sighting, StoredArticle, Version
from wiredesk.query import Filters
from wiredesk.store.drafts import decode_body
from wiredesk.store.schema import (
    article_agencies,
    article_entities,
    article_versions,
    articles,
    captures,
    sightings,
)
from wiredesk.store.search import filter_conditions, shown_conditions

STREAM_BATCH = 500


def _article(row: Any) -> StoredArticle:
    agencies = tuple(filter(None, row.agencies.split("/")))
    dateline = None
    if row.place or agencies or row.date_text:
        dateline = Dateline(
            place=row.place, agencies=agencies, date_text=row.date_text, desk=row.desk
        )
    article = Article(
        headline=row.headline,
        standfirst=row.standfirst,
        byline=row.byline,
        version=row.printed_version,
        replaces=row.replaces,
        is_correction=row.is_correction,
        dateline=dateline,
        body=decode_body(row.body, row.body_text),
        published_at=row.published_at,
        section=row.section,
    )
    return StoredArticle(
        id=row.id,
        kind=row.kind,
        article=article,
        language=row.language,
        version=row.version,
        age_text=row.age_text,
        first_seen_at=row.first_seen_at,
        last_seen_at=row.last_seen_at,
        full_article_id=row.full_article_id,
        wire=wire_from_json(json.loads(row.wire)) if row.wire else None,
    )


# Built once: building and keying a statement took as long as running it
# (bench/serve_bench.py).
ARTICLE_BY_ID = select(articles).where(articles.c.id == bindparam("article_id"))


def get_article(connection: Connection, article_id: int, now: datetime) -> StoredArticle:
    """An article readers may see at ``now``: one its agency killed is ``NotFound`` saying
    so, one still under embargo is ``NotFound`` as if it were not there."""
    row = connection.execute(ARTICLE_BY_ID, {"article_id": article_id}).first()
    if row is None or (row.embargoed_at is not None and row.embargoed_at > now):
        raise NotFound(f"no article with id {article_id}")
    if row.is_killed:
        raise NotFound(f"article {article_id} was withdrawn by its agency")
    return _article(row)


def get_history(connection: Connection, article_id: int, now: datetime) -> list[Version]:
    """Every version of an article, oldest first."""
    return _versions(connection, get_article(connection, article_id, now))  # raises NotFound


def _versions(connection: Connection, current: StoredArticle) -> list[Version]:
    rows = connection.execute(
        select(article_versions, captures.c.source)
        .join(captures, captures.c.id == article_versions.c.capture_id)
        .where(article_versions.c.article_id == current.id)
        .order_by(article_versions.c.version)
    ).all()
    # Past versions keep their body; the current one's is the article's own.
    return [
        Version(
            version=row.version,
            headline=row.headline,
            body=current.article.body if row.body is None else decode_body(row.body),
            printed_version=row.printed_version,
            published_at=row.published_at,
            seen_at=row.seen_at,
            source=row.source,
            is_correction=row.is_correction,
        )
        for row in rows
    ]


def iter_articles(
    connection: Connection, filters: Filters, now: datetime
) -> Iterator[StoredArticle]:
    """Every article matching ``filters`` shown at ``now``, newest first, streamed in
    batches by id."""
    last: tuple[Any, int] | None = None
    while True:
        statement = (
            select(articles)
            .where(*filter_conditions(filters), *shown_conditions(now))
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


def count_by(
    connection: Connection, column: Any, now: datetime, over: FromClause = articles
) -> list[tuple[str | None, int]]:
    """How many stories shown at ``now`` have each value of ``column`` (of ``over``, a
    join of ``articles``)."""
    rows = connection.execute(
        select(column, func.count())
        .select_from(over)
        .where(*shown_conditions(now))
        .group_by(column)
        .order_by(func.count().desc(), column)
    ).all()
    return [(row[0], int(row[1])) for row in rows]


def agency_counts(connection: Connection, now: datetime) -> list[tuple[str | None, int]]:
    joined = articles.join(article_agencies, article_agencies.c.article_id == articles.c.id)
    return count_by(connection, article_agencies.c.agency, now, joined)


def list_articles(
    connection: Connection,
    filters: Filters,
    *,
    now: datetime,
    limit: int,
    offset: int = 0,
    leave_out: int | None = None,
) -> list[StoredArticle]:
    """One page of the articles matching ``filters`` shown at ``now``, newest first
    (``leave_out``: an id)."""
    values = _listing_values(filters, leave_out)
    statement = _listing(frozenset(values))
    values["now"] = now
    rows = connection.execute(statement, {**values, "limit": limit, "offset": offset})
    return [_article(row) for row in rows]


def _listing_values(filters: Filters, leave_out: int | None) -> dict[str, Any]:
    """The values of the filters given, as ``filter_conditions`` compares them."""
    values: dict[str, Any] = {
        "section": filters.section.casefold() if filters.section else None,
        "place": filters.place.casefold() if filters.place else None,
        "language": filters.language.casefold() if filters.language else None,
        "kind": filters.kind or None,
        "since": filters.since,
        "until": filters.until,
        "agency": filters.agency.casefold() if filters.agency else None,
        "entity": filters.entity or None,
        "leave_out": leave_out,
    }
    return {name: value for name, value in values.items() if value is not None}


@lru_cache(maxsize=256)
def _listing(fields: frozenset[str]) -> Select[Any]:
    """The listing statement for one set of filters, built once with its values bound:
    building and keying a statement cost as much as running it (bench/serve_bench.py).
    The conditions are those of ``filter_conditions`` and ``shown_conditions``."""
    conditions: list[ColumnElement[bool]] = [
        articles.c.is_killed == false(),
        or_(articles.c.embargoed_at.is_(None), articles.c.embargoed_at <= bindparam("now")),
    ]
    for name, column in (
        ("section", articles.c.section_key),
        ("place", articles.c.place_key),
        ("language", articles.c.language),
        ("kind", articles.c.kind),
    ):
        if name in fields:
            conditions.append(column == bindparam(name))
    if "since" in fields:
        conditions.append(articles.c.dated_at >= bindparam("since"))
    if "until" in fields:
        conditions.append(articles.c.dated_at < bindparam("until"))
    if "agency" in fields:
        conditions.append(
            exists().where(
                article_agencies.c.article_id == articles.c.id,
                article_agencies.c.agency == bindparam("agency"),
            )
        )
    if "entity" in fields:
        conditions.append(
            exists().where(
                article_entities.c.article_id == articles.c.id,
                article_entities.c.entity_id == bindparam("entity"),
            )
        )
    if "leave_out" in fields:
        conditions.append(articles.c.id != bindparam("leave_out"))
    return (
        select(articles)
        .where(*conditions)
        .order_by(articles.c.dated_at.desc(), articles.c.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


def list_sections(connection: Connection, now: datetime) -> list[Section]:
    """Every section with stories shown at ``now``, the most recently active first.

    Grouped on the indexed key alone; the printed name is read from the
    section's newest story.
    """
    newest = func.max(articles.c.dated_at)
    rows = connection.execute(
        select(articles.c.section_key, func.count(), newest)
        .where(articles.c.section_key.is_not(None), *shown_conditions(now))
        .group_by(articles.c.section_key)
        .order_by(newest.desc(), articles.c.section_key)
    ).all()
    found = []
    for key, count, latest_at in rows:
        name = connection.execute(
            select(articles.c.section)
            .where(articles.c.section_key == key, *shown_conditions(now))
            .order_by(articles.c.dated_at.desc())
            .limit(1)
        ).scalar_one()
        found.append(Section(name=name, count=int(count), latest_at=_utc(latest_at)))
    return found


def _utc(moment: Any) -> Any:
    # A bare aggregate of a timestamp skips the column's type on SQLite: read it back here.
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def named(connection: Connection, what: str, slug: str) -> str | None:
    """The section, place or agency (``what``) whose name makes ``slug``, as printed.

    A slug is the casefolded name with spaces as hyphens ("den-haag" for "DEN
    HAAG"); the indexed keys are tried first, every name only when they miss.
    """
    if what == "agency":
        row = connection.execute(
            select(articles.c.agencies)
            .join(article_agencies, article_agencies.c.article_id == articles.c.id)
            .where(article_agencies.c.agency == slug)
            .limit(1)
        ).first()
        if row is None:
            return None
        printed = [name for name in row.agencies.split("/") if name.casefold() == slug]
        return printed[0] if printed else slug.upper()
    name_column, key_column = (
        (articles.c.section, articles.c.section_key)
        if what == "section"
        else (articles.c.place, articles.c.place_key)
    )
    keys = {slug, slug.replace("-", " ")}
    found = connection.execute(
        select(name_column).where(key_column.in_(sorted(keys))).limit(1)
    ).scalar()
    if found is None:
        found = connection.execute(
            select(name_column).where(func.replace(key_column, " ", "-") == slug).limit(1)
        ).scalar()
    return str(found) if found is not None else None


def capture_sightings(connection: Connection, capture_id: int) -> list[Sighting]:
    """The stories a capture showed: its article first, then its briefs."""
    rows = connection.execute(
        select(sightings.c.article_id, sightings.c.role)
        .where(sightings.c.capture_id == capture_id)
        .order_by(sightings.c.role, sightings.c.article_id)
    ).all()
    return [Sighting(article_id=row.article_id, role=row.role) for row in rows]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleWithRail:
    """What an article's page shows, read at once: the article, its versions, the other
    newest stories of its section, and a brief's full article."""

    article: StoredArticle
    versions: list[Version]
    rail: list[StoredArticle]
    full_article: StoredArticle | None


def get_article_with_rail(
    connection: Connection, article_id: int, rail_items: int, now: datetime
) -> ArticleWithRail:
    article = get_article(connection, article_id, now)
    section = article.article.section
    rail = []
    if section and rail_items:
        rail = list_articles(
            connection, Filters(section=section), now=now, limit=rail_items, leave_out=article.id
        )
    full_article = None
    if article.full_article_id is not None:
        try:
            full_article = get_article(connection, article.full_article_id, now)
        except NotFound:  # killed, or still under embargo
            full_article = None
    return ArticleWithRail(
        article=article,
        versions=_versions(connection, article),
        rail=rail,
        full_article=full_article,
    )
