"""Ranking on PostgreSQL: tsquery matches of the newest stories, ranked by ``ts_rank_cd``
and recency.

A query becomes a tsquery whose words are all bound values, read in every
text-search configuration stories are indexed in at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    column,
    func,
    literal,
    literal_column,
    select,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.sql.expression import ColumnClause, Select, Subquery

from wiredesk.query import Query, Term
from wiredesk.store.indexing import PG_CONFIGS as PG_LANGUAGE_CONFIGS
from wiredesk.store.ranking import boost, with_results
from wiredesk.store.schema import articles

PG_CANDIDATES = 500
# The spans of time, in days back from now, where PostgreSQL looks for them first
# (for a search of one word without filters).
PG_WINDOWS = (7, 30, 120, 480)
# PostgreSQL text-search configurations a query is read in, all at once: those
# stories are indexed in, and "simple" for stories of other languages.
PG_CONFIGS = (*PG_LANGUAGE_CONFIGS.values(), "simple")


def rank_postgres(
    connection: Connection,
    query: Query,
    conditions: list[ColumnElement[bool]],
    shown: list[ColumnElement[bool]],
    *,
    now: datetime,
    limit: int,
    offset: int,
) -> list[Any]:
    """Rank the newest ``PG_CANDIDATES`` matches that meet the filters' ``conditions`` and
    are ``shown`` (``search.shown_conditions``): ranking reads each match's whole
    tsvector, so ranking every match of a common word would read half the table.

    A search for one word, unfiltered, looks for its newest matches in the
    last week first, then in longer spans (``PG_WINDOWS``), then everywhere: a
    span that holds enough of them holds the newest ones, and the rows of a
    common word's other matches are never read. Searches with more words or
    with filters match fewer rows, and each span would cost them a look-up
    more (bench/store_bench.py at 512,000 stories): they look everywhere at once.
    Whether a story is shown narrows about none, and is checked as the others are.
    """
    # The planner overrates how many rows a query of five ORed configurations
    # matches and scans the table instead of the GIN index; measured 4x slower.
    connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
    tsquery = _tsquery(query)
    wanted = max(PG_CANDIDATES, offset + limit)
    is_one_term = len(query.clauses) == 1 and len(query.clauses[0]) == 1 and not query.excluded
    windows = PG_WINDOWS if is_one_term and not conditions else ()
    # Everywhere, the newest matches stay a part of the ranking statement.
    candidates: list[int] | Select[Any] = _newest(tsquery, [*conditions, *shown], wanted)
    for days in windows:
        span = articles.c.dated_at >= now - timedelta(days=days)
        found = _newest(tsquery, [*conditions, *shown, span], wanted)
        ids = [int(row[0]) for row in connection.execute(found)]
        if len(ids) >= wanted:
            candidates = ids
            break
    vector: ColumnClause[Any] = literal_column("articles.search_vector")
    days_old = func.greatest(
        func.extract("epoch", literal(now) - articles.c.dated_at) / 86400.0, 0.0
    )
    score = (func.ts_rank_cd(vector, tsquery.c.query) * boost(days_old)).label("score")
    ranked = (
        select(articles.c.id, score)
        .select_from(articles.join(tsquery, true()))
        .where(articles.c.id.in_(candidates))
        .order_by(score.desc())
    )
    page = with_results(ranked, limit=limit, offset=offset, descending=True)
    return list(connection.execute(page))


def _tsquery(query: Query) -> Subquery:
    found = tsquery_sql(query)
    return (
        text(f"SELECT {found.sql} AS query")
        .bindparams(**found.params)
        .columns(column("query", TSQUERY))
        .subquery("q")
    )


def _newest(tsquery: Subquery, conditions: list[ColumnElement[bool]], wanted: int) -> Select[Any]:
    """The ids of the ``wanted`` newest matches that meet ``conditions``.

    The matches are gathered through the GIN index first (a materialised CTE):
    left to itself the planner may walk the date index instead and test the
    query on every row, which is slow for rare words.
    """
    vector: ColumnClause[Any] = literal_column("articles.search_vector")
    matches = (
        select(articles.c.id, articles.c.dated_at)
        .select_from(articles.join(tsquery, true()))
        .where(vector.op("@@")(tsquery.c.query), *conditions)
        .cte("matches")
        .prefix_with("MATERIALIZED")
    )
    return select(matches.c.id).order_by(matches.c.dated_at.desc()).limit(wanted)


@dataclass(frozen=True, slots=True, kw_only=True)
class TsquerySql:
    """A tsquery expression in SQL, and the words it binds by name."""

    sql: str
    params: dict[str, str]


def tsquery_sql(query: Query) -> TsquerySql:
    """A tsquery expression (SQL) for a query; the words travel as bound parameters."""
    params: dict[str, str] = {}

    def term_sql(term: Term) -> str:
        name = f"w{len(params)}"
        params[name] = " ".join(term.words)
        maker = "phraseto_tsquery" if len(term.words) > 1 else "plainto_tsquery"
        forms = [f"{maker}('{config}'::regconfig, :{name})" for config in PG_CONFIGS]
        return "(" + " || ".join(forms) + ")"

    clauses = [
        "(" + " || ".join(term_sql(term) for term in clause) + ")" for clause in query.clauses
    ]
    sql = " && ".join(clauses)
    for term in query.excluded:
        sql = f"({sql}) && !!{term_sql(term)}"
    return TsquerySql(sql=sql, params=params)
