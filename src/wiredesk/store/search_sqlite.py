"""Ranking on SQLite: the FTS5 index's matches, ranked by BM25 and recency.

A query becomes an FTS5 MATCH string whose words are all quoted. The index
itself also narrows a search by the filters' tags (``tags.py``); the SQL
filters still decide.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.sql.expression import Select, TextClause

from wiredesk.query import Query, Term
from wiredesk.store.ranking import boost, with_results
from wiredesk.store.schema import articles
from wiredesk.store.stems import STEMMERS, query_stems, stem_words
from wiredesk.store.tags import looks_like_tag

# Headline words weigh more than body words in BM25.
HEADLINE_WEIGHT = 3.0
# How many of the most recently kept matches (filters' tags included) a SQLite
# search ranks before it looks at older ones: ranking every match of a common
# word is what makes a search slow (bench/store_bench.py).
RANK_CANDIDATES = 2000
FTS_TABLE = table("article_search", column("rowid"))


def rank_sqlite(
    connection: Connection,
    query: Query,
    tags: list[str],
    conditions: list[ColumnElement[bool]],
    *,
    now: datetime,
    limit: int,
    offset: int,
) -> list[Any]:
    """A page of the best matches for ``query`` among the stories with ``tags`` that meet
    ``conditions``: rows of ``RESULT_COLUMNS`` and their score, best first."""
    # The index first gives the newest matches, unranked (ranking is the costly part:
    # BM25 counts every match of every word it ranks); only those are ranked, and
    # older matches only when they leave too few results. The filters' tags narrow
    # the matches the index gives, but they are left out of the ranking, where BM25
    # would count every story that carries them: the newest matches are named instead.
    words = fts5_match(query)
    match = words + fts5_tags(tags)
    newest = _newest_matches(connection, match)
    if not newest:
        return []
    has_older = len(newest) > RANK_CANDIDATES
    candidates = newest[:RANK_CANDIDATES]

    def ranked(matches: Select[Any]) -> list[Any]:
        statement = _ranked(matches, now, conditions)
        page = with_results(statement, limit=limit, offset=offset, descending=False)
        return list(connection.execute(page))

    if has_older and offset + limit > RANK_CANDIDATES:
        return ranked(_matches(match))
    among = candidates if tags else None
    rows = ranked(_matches(words, lowest=candidates[-1], among=among))
    if len(rows) < limit and has_older:
        rows = ranked(_matches(match))
    return rows


def _newest_matches(connection: Connection, match: str) -> list[int]:
    """The rowids of the ``RANK_CANDIDATES`` newest matches and one more, if there is."""
    newest = (
        select(FTS_TABLE.c.rowid)
        .where(_fts5(match))
        .order_by(FTS_TABLE.c.rowid.desc())
        .limit(RANK_CANDIDATES + 1)
    )
    return list(connection.scalars(newest))


def _fts5(match: str) -> TextClause:
    return text("article_search MATCH :match").bindparams(match=match)


def _matches(
    match: str, *, lowest: int | None = None, among: list[int] | None = None
) -> Select[Any]:
    """The index's matches with their BM25: all, or those from rowid ``lowest`` on (FTS5
    reads only that end of its lists), or only those ``among`` the rowids given."""
    relevance = func.bm25(literal_column("article_search"), HEADLINE_WEIGHT, 1.0, 0.0)
    matches = (
        select(FTS_TABLE.c.rowid.label("id"), relevance.label("relevance"))
        .select_from(FTS_TABLE)
        .where(_fts5(match))
    )
    if lowest is not None:
        matches = matches.where(FTS_TABLE.c.rowid >= lowest)
    if among is not None:
        # "+rowid": checked on each match, not handed to FTS5 as rowids to look up one by one.
        matches = matches.where(
            text("+article_search.rowid IN (SELECT value FROM json_each(:among))").bindparams(
                among=json.dumps(among)
            )
        )
    return matches


def _ranked(
    matches: Select[Any], now: datetime, conditions: list[ColumnElement[bool]]
) -> Select[Any]:
    """Matches ranked by BM25 and recency."""
    found = matches.subquery("matches")
    moment = literal(now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"))
    days = func.max(func.julianday(moment) - func.julianday(articles.c.dated_at), 0.0)
    score = (found.c.relevance * boost(days)).label("score")  # BM25 < 0: lower is better
    # Rank narrow rows; the wide ones (the text) are read for the page of results only.
    return (
        select(articles.c.id, score)
        .select_from(articles.join(found, found.c.id == articles.c.id))
        .where(*conditions)
        .order_by(score)
    )


def fts5_match(query: Query) -> str:
    """The FTS5 MATCH expression for a query: every word quoted, every stem offered.

    Words are looked for in every column: only tags are in ``tags``, and no word is
    a tag, so the result is that of asking headline and body, without FTS5 reading
    where in a story each match is (a column filter costs that, about a fifth of a
    search). A query word that has the shape of a tag is asked of headline and body.
    """
    clauses = [" OR ".join(_fts5_term(term) for term in clause) for clause in query.clauses]
    match = " AND ".join(f"({clause})" for clause in clauses)
    for term in query.excluded:
        match = f"({match}) NOT {_fts5_term(term)}"
    return match


def fts5_tags(tags: list[str]) -> str:
    """What a MATCH expression adds to ask for the stories with ``tags``."""
    return "".join(f' AND tags : "{word}"' for word in tags)


def _fts5_term(term: Term) -> str:
    if len(term.words) == 1:
        forms = sorted(query_stems(term.words[0]))
    else:
        forms = sorted(
            {" ".join(term.words)}
            | {" ".join(stem_words(list(term.words), language)) for language in STEMMERS}
        )
    found = "(" + " OR ".join('"' + form.replace('"', '""') + '"' for form in forms) + ")"
    if any(looks_like_tag(word) for form in forms for word in form.split()):
        return f"({{headline body}} : {found})"
    return found
