"""Reading back what enrichment found: the entities most named, who said what, one entity's
profile, and one story's findings with their mentions (rows into records, here).

Every count and list is of the stories readers may see (``shown_conditions``): an
entity named only in a killed story, or one still under embargo, is not there.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, cast, func, select
from sqlalchemy.orm import aliased

from wiredesk.model import (
    DATELINE_BLOCK,
    HEADLINE_BLOCK,
    Entity,
    EntityCount,
    EntityProfile,
    EntityType,
    Figure,
    Mention,
    Quote,
    QuoteSeen,
    Speaker,
    StoredArticle,
)
from wiredesk.store.schema import (
    article_entities,
    article_figures,
    article_quotes,
    articles,
    entities,
)
from wiredesk.store.search import shown_conditions

# The entities seen with one are counted over its newest this many stories.
RELATED_STORIES = 200


def _counts(
    connection: Connection,
    conditions: list[ColumnElement[bool]],
    *,
    now: datetime,
    limit: int,
    side: Any = article_entities,
    over: Any = None,
    by_stories: bool = False,
    since: datetime | None = None,
) -> list[EntityCount]:
    """Entities with the stories (shown at ``now``, dated ``since`` on) and mentions of the
    rows of ``side`` (an alias of ``article_entities``, joined in ``over``) that meet
    ``conditions``, the most mentioned first (``by_stories``: those in the most stories).

    Stories since a time are looked up first, by their date's index, and their rows then
    by story: joined the other way, SQLite read every row of every entity to keep the last
    day's (120 ms for the front page of 9,000 stories, bench/store_bench.py's)."""
    stories = func.count(side.c.article_id)
    mentions = func.sum(side.c.mentions)
    query = (
        select(entities.c.id, entities.c.type, entities.c.name, stories, mentions)
        .select_from(side if over is None else over)
        .join(entities, entities.c.id == side.c.entity_id)
    )
    if since is None:
        query = query.join(articles, articles.c.id == side.c.article_id).where(
            *shown_conditions(now)
        )
    else:
        shown = select(articles.c.id).where(articles.c.dated_at >= since, *shown_conditions(now))
        query = query.where(side.c.article_id.in_(shown))
    rows = connection.execute(
        query.where(*conditions)
        .group_by(entities.c.id, entities.c.type, entities.c.name)
        .order_by(
            *(
                (stories.desc(), mentions.desc())
                if by_stories
                else (mentions.desc(), stories.desc())
            ),
            entities.c.id,
        )
        .limit(limit)
    ).all()
    return [_count(row) for row in rows]


def _count(row: Any) -> EntityCount:
    return EntityCount(
        id=row[0], type=row[1], name=row[2], stories=int(row[3]), mentions=int(row[4] or 0)
    )


def top_entities(
    connection: Connection,
    *,
    type: EntityType | None,
    since: datetime | None,
    limit: int,
    now: datetime,
) -> list[EntityCount]:
    """The entities named most (of one ``type``, in stories dated ``since`` on)."""
    conditions: list[ColumnElement[bool]] = []
    if type is not None:
        conditions.append(entities.c.type == type)
    return _counts(connection, conditions, now=now, limit=limit, since=since)


def entity_profile(
    connection: Connection, entity_id: str, *, now: datetime, related: int, quotes: int
) -> EntityProfile | None:
    """One entity's counts, stories per day, company (the entities named in most of its
    ``RELATED_STORIES`` newest stories) and quotes; None when no story shown at ``now``
    names it."""
    found = _counts(connection, [entities.c.id == entity_id], now=now, limit=1)
    if not found:
        return None
    day = func.substr(cast(articles.c.dated_at, String), 1, 10)
    days = connection.execute(
        select(day, func.count())
        .select_from(article_entities)
        .join(articles, articles.c.id == article_entities.c.article_id)
        .where(article_entities.c.entity_id == entity_id, *shown_conditions(now))
        .group_by(day)
        .order_by(day)
    ).all()
    # The company it keeps in its newest stories: counted over all of them, an entity named
    # in 1,700 of 9,000 stories took 100 ms (bench/store_bench.py's store).
    newest = (
        select(article_entities.c.article_id)
        .join(articles, articles.c.id == article_entities.c.article_id)
        .where(article_entities.c.entity_id == entity_id, *shown_conditions(now))
        .order_by(articles.c.dated_at.desc())
        .limit(RELATED_STORIES)
    )
    mine = aliased(article_entities)
    other = aliased(article_entities)
    beside = other.join(mine, mine.c.article_id == other.c.article_id)
    company = _counts(
        connection,
        [
            mine.c.entity_id == entity_id,
            other.c.entity_id != entity_id,
            mine.c.article_id.in_(newest),
        ],
        now=now,
        limit=related,
        side=other,
        over=beside,
        by_stories=True,
    )
    said = quotes_said(connection, by=None, entity=entity_id, since=None, limit=quotes, now=now)
    return EntityProfile(
        entity=found[0],
        days=tuple((str(row[0]), int(row[1])) for row in days),
        related=tuple(company),
        quotes=tuple(said),
    )


def quotes_said(
    connection: Connection,
    *,
    by: str | None,
    entity: str | None,
    since: datetime | None,
    limit: int,
    now: datetime,
) -> list[QuoteSeen]:
    """Quotes newest first: by a speaker whose name (or entity's name or id) holds ``by``,
    by the ``entity``, in stories dated ``since`` on."""
    conditions: list[ColumnElement[bool]] = []
    if entity is not None:
        conditions.append(article_quotes.c.speaker_entity == entity)
    if by is not None:
        wanted = by.casefold()
        named = select(entities.c.id).where(
            func.lower(entities.c.name).contains(wanted, autoescape=True)
        )
        conditions.append(
            article_quotes.c.speaker_key.contains(wanted, autoescape=True)
            | (article_quotes.c.speaker_entity == by)
            | article_quotes.c.speaker_entity.in_(named)
        )
    if since is not None:
        conditions.append(articles.c.dated_at >= since)
    rows = connection.execute(
        select(article_quotes, articles.c.headline, articles.c.dated_at)
        .join(articles, articles.c.id == article_quotes.c.article_id)
        .where(*conditions, *shown_conditions(now))
        .order_by(articles.c.dated_at.desc(), articles.c.id.desc(), article_quotes.c.position)
        .limit(limit)
    ).all()
    return [
        QuoteSeen(
            quote=_quote(row),
            article_id=row.article_id,
            headline=row.headline,
            dated_at=row.dated_at,
        )
        for row in rows
    ]


def _quote(row: Any) -> Quote:
    speaker = None
    if row.speaker_name or row.speaker_entity or row.speaker_role:
        speaker = Speaker(name=row.speaker_name, entity=row.speaker_entity, role=row.speaker_role)
    return Quote(kind=row.kind, text=row.text, speaker=speaker, block=row.block)


def story_findings(
    connection: Connection, stored: StoredArticle
) -> tuple[tuple[Entity, ...], tuple[Quote, ...], tuple[Figure, ...]]:
    """What enrichment found in a story as kept: its entities with every mention (the text
    read from the story's own blocks), its quotes and its figures, in reading order."""
    article = stored.article
    texts = {index: block.text for index, block in enumerate(article.body)}
    if article.headline:
        texts[HEADLINE_BLOCK] = article.headline
    if article.dateline is not None and article.dateline.place:
        texts[DATELINE_BLOCK] = article.dateline.place
    rows = connection.execute(
        select(entities.c.type, entities.c.id, entities.c.name, article_entities.c.spans)
        .join(entities, entities.c.id == article_entities.c.entity_id)
        .where(article_entities.c.article_id == stored.id)
    ).all()
    found = []
    for row in rows:
        mentions = tuple(
            Mention(text=texts.get(block, "")[start:end], block=block, start=start, end=end)
            for block, start, end in json.loads(row.spans)
        )
        found.append(Entity(type=row.type, id=row.id, name=row.name, mentions=mentions))
    found.sort(key=lambda entity: _first_seen(entity.mentions))
    quotes = connection.execute(
        select(article_quotes)
        .where(article_quotes.c.article_id == stored.id)
        .order_by(article_quotes.c.position)
    ).all()
    figures = connection.execute(
        select(article_figures)
        .where(article_figures.c.article_id == stored.id)
        .order_by(article_figures.c.position)
    ).all()
    return (
        tuple(found),
        tuple(_quote(row) for row in quotes),
        tuple(
            Figure(text=row.text, value=row.value, counts=row.counts, block=row.block)
            for row in figures
        ),
    )


def _first_seen(mentions: tuple[Mention, ...]) -> tuple[int, int]:
    """Where a story first names an entity, in reading order: dateline, headline, body."""
    if not mentions:
        return (1 << 30, 0)
    # the dateline's block is -2, the headline's -1: before the body's as they are
    return min((mention.block, mention.start) for mention in mentions)
