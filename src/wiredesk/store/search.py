"""Full-text search: BM25 (FTS5) on SQLite, ``ts_rank_cd`` on PostgreSQL, with a recency boost.

The query is read by ``wiredesk.query``; here it becomes an FTS5 MATCH string or a
tsquery whose words are all bound values. Filters, ranking and snippets are
the same on both databases. On SQLite the index itself also narrows a search
by section, agency, place, language and kind (``tags.py``); the SQL filters
still decide.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    column,
    exists,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.sql.expression import ColumnClause, Select, Subquery, TextClause

from wiredesk.model import Hit, Snippet
from wiredesk.query import Filters, Query, Term
from wiredesk.store.indexing import PG_CONFIGS as PG_LANGUAGE_CONFIGS
from wiredesk.store.schema import article_agencies, articles
from wiredesk.store.stems import STEMMERS, query_stems, stem_words
from wiredesk.store.tags import looks_like_tag, tags_of

# Recency boost: a story published now counts double, one a week old 1.5 times.
BOOST_DAYS = 7.0
# Headline words weigh more than body words in BM25.
HEADLINE_WEIGHT = 3.0
SNIPPET_WORDS = 30
SNIPPET_PREFIX = 3
# How many of the most recently kept matches (filters' tags included) a SQLite
# search ranks before it looks at older ones: ranking every match of a common
# word is what makes a search slow (bench/store_bench.py).
RANK_CANDIDATES = 2000
PG_CANDIDATES = 500
# The spans of time, in days back from now, where PostgreSQL looks for them first
# (for a search of one word without filters).
PG_WINDOWS = (7, 30, 120, 480)
# PostgreSQL text-search configurations a query is read in, all at once: those
# stories are indexed in, and "simple" for stories of other languages.
PG_CONFIGS = (*PG_LANGUAGE_CONFIGS.values(), "simple")
WORD_SPAN_RE = re.compile(r"[^\W_]+")
FTS_TABLE = table("article_search", column("rowid"))


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
    return found


RESULT_COLUMNS = (
    articles.c.id,
    articles.c.kind,
    articles.c.headline,
    articles.c.section,
    articles.c.place,
    articles.c.agencies,
    articles.c.language,
    articles.c.published_at,
    articles.c.dated_at,
    articles.c.body_text,
)


def search_articles(
    connection: Connection,
    query: Query,
    filters: Filters,
    *,
    now: datetime,
    limit: int = 20,
    offset: int = 0,
) -> list[Hit]:
    """The best matches for ``query``, best first."""
    conditions = filter_conditions(filters)
    if connection.dialect.name != "sqlite":
        # The planner overrates how many rows a query of five ORed configurations
        # matches and scans the table instead of the GIN index; measured 4x slower.
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        rows = _postgres_search(connection, query, now, conditions, limit=limit, offset=offset)
        return [_hit(row, query) for row in rows]
    # The index first gives the newest matches, unranked (ranking is the costly part:
    # BM25 counts every match of every word it ranks); only those are ranked, and
    # older matches only when they leave too few results. The filters' tags narrow
    # the matches the index gives, but they are left out of the ranking, where BM25
    # would count every story that carries them: the newest matches are named instead.
    words = fts5_match(query)
    tags = _fts5_tags(filters)
    match = words + tags
    newest = _newest_matches(connection, match)
    if not newest:
        return []
    has_older = len(newest) > RANK_CANDIDATES
    candidates = newest[:RANK_CANDIDATES]

    def ranked(matches: Select[Any]) -> list[Any]:
        statement = _sqlite_search(matches, now, conditions)
        page = _with_results(statement, limit=limit, offset=offset, descending=False)
        return list(connection.execute(page))

    if has_older and offset + limit > RANK_CANDIDATES:
        return [_hit(row, query) for row in ranked(_matches(match))]
    among = candidates if tags else None
    rows = ranked(_matches(words, lowest=candidates[-1], among=among))
    if len(rows) < limit and has_older:
        rows = ranked(_matches(match))
    return [_hit(row, query) for row in rows]


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


def _boost(days: Any) -> Any:
    return 1.0 + BOOST_DAYS / (BOOST_DAYS + days)


def _sqlite_search(
    matches: Select[Any], now: datetime, conditions: list[ColumnElement[bool]]
) -> Select[Any]:
    """Matches ranked by BM25 and recency."""
    found = matches.subquery("matches")
    moment = literal(now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"))
    days = func.max(func.julianday(moment) - func.julianday(articles.c.dated_at), 0.0)
    score = (found.c.relevance * _boost(days)).label("score")  # BM25 < 0: lower is better
    # Rank narrow rows; the wide ones (the text) are read for the page of results only.
    return (
        select(articles.c.id, score)
        .select_from(articles.join(found, found.c.id == articles.c.id))
        .where(*conditions)
        .order_by(score)
    )


def _with_results(ranked: Select[Any], *, limit: int, offset: int, descending: bool) -> Select[Any]:
    """The result columns of a page of ranked ids, in their order."""
    page = ranked.limit(limit).offset(offset).subquery("ranked")
    order = page.c.score.desc() if descending else page.c.score
    return (
        select(*RESULT_COLUMNS, page.c.score)
        .select_from(articles.join(page, page.c.id == articles.c.id))
        .order_by(order)
    )


def fts5_match(query: Query, filters: Filters | None = None) -> str:
    """The FTS5 MATCH expression for a query: every word quoted, every stem offered;
    the filters' tags asked of the ``tags`` column.

    Words are looked for in every column: only tags are in ``tags``, and no word is
    a tag, so the result is that of asking headline and body, without FTS5 reading
    where in a story each match is (a column filter costs that, about a fifth of a
    search). A query word that has the shape of a tag is asked of headline and body.
    """
    clauses = [" OR ".join(_fts5_term(term) for term in clause) for clause in query.clauses]
    match = " AND ".join(f"({clause})" for clause in clauses)
    for term in query.excluded:
        match = f"({match}) NOT {_fts5_term(term)}"
    return match + _fts5_tags(filters or Filters())


def _fts5_tags(filters: Filters) -> str:
    """What a MATCH expression adds to ask for the filters' tags."""
    return "".join(f' AND tags : "{word}"' for word in _filter_tags(filters))


def _filter_tags(filters: Filters) -> list[str]:
    """The index tags a filtered search asks for (time ranges stay SQL conditions)."""
    return tags_of(
        kind=filters.kind,
        section=filters.section,
        place=filters.place,
        language=filters.language,
        agencies=[filters.agency] if filters.agency else [],
    )


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


def _postgres_search(
    connection: Connection,
    query: Query,
    now: datetime,
    conditions: list[ColumnElement[bool]],
    *,
    limit: int,
    offset: int,
) -> list[Any]:
    """Rank the newest ``PG_CANDIDATES`` matches: ranking reads each match's whole
    tsvector, so ranking every match of a common word would read half the table.

    A search for one word, unfiltered, looks for its newest matches in the
    last week first, then in longer spans (``PG_WINDOWS``), then everywhere: a
    span that holds enough of them holds the newest ones, and the rows of a
    common word's other matches are never read. Searches with more words or
    with filters match fewer rows, and each span would cost them a look-up
    more (bench/store_bench.py at 512,000 stories): they look everywhere at once.
    """
    tsquery = _tsquery(query)
    wanted = max(PG_CANDIDATES, offset + limit)
    is_one_term = len(query.clauses) == 1 and len(query.clauses[0]) == 1 and not query.excluded
    windows = PG_WINDOWS if is_one_term and not conditions else ()
    # Everywhere, the newest matches stay a part of the ranking statement.
    candidates: list[int] | Select[Any] = _postgres_newest(tsquery, conditions, wanted)
    for days in windows:
        span = articles.c.dated_at >= now - timedelta(days=days)
        found = _postgres_newest(tsquery, [*conditions, span], wanted)
        ids = [int(row[0]) for row in connection.execute(found)]
        if len(ids) >= wanted:
            candidates = ids
            break
    vector: ColumnClause[Any] = literal_column("articles.search_vector")
    days_old = func.greatest(
        func.extract("epoch", literal(now) - articles.c.dated_at) / 86400.0, 0.0
    )
    score = (func.ts_rank_cd(vector, tsquery.c.query) * _boost(days_old)).label("score")
    ranked = (
        select(articles.c.id, score)
        .select_from(articles.join(tsquery, true()))
        .where(articles.c.id.in_(candidates))
        .order_by(score.desc())
    )
    page = _with_results(ranked, limit=limit, offset=offset, descending=True)
    return list(connection.execute(page))


def _tsquery(query: Query) -> Subquery:
    sql, params = tsquery_sql(query)
    return (
        text(f"SELECT {sql} AS query")
        .bindparams(**params)
        .columns(column("query", TSQUERY))
        .subquery("q")
    )


def _postgres_newest(
    tsquery: Subquery, conditions: list[ColumnElement[bool]], wanted: int
) -> Select[Any]:
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


def tsquery_sql(query: Query) -> tuple[str, dict[str, str]]:
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
    return sql, params


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


def make_snippet(body_text: str, query: Query, language: str | None) -> Snippet:
    """About ``SNIPPET_WORDS`` words around the first match, with every match marked."""
    wanted = {form for word in query.words for form in query_stems(word)}
    spans = [(match.start(), match.end()) for match in WORD_SPAN_RE.finditer(body_text)]
    if not spans:
        return Snippet(text="", highlights=())
    folded = [body_text[start:end].casefold() for start, end in spans]
    # Only words that begin like a wanted form are stemmed: stems keep a word's start.
    starts = {form[:SNIPPET_PREFIX] for form in wanted}
    maybe = [index for index, word in enumerate(folded) if word[:SNIPPET_PREFIX] in starts]
    stems = stem_words([folded[index] for index in maybe], language)
    matches = [
        index
        for index, stem in zip(maybe, stems, strict=True)
        if folded[index] in wanted or stem in wanted
    ]
    first = max(0, (matches[0] if matches else 0) - SNIPPET_WORDS // 3)
    last = min(len(spans), first + SNIPPET_WORDS)
    prefix = "… " if first > 0 else ""
    suffix = " …" if last < len(spans) else ""
    start, end = spans[first][0], spans[last - 1][1]
    shift = len(prefix) - start
    highlights = tuple(
        (spans[index][0] + shift, spans[index][1] + shift)
        for index in matches
        if first <= index < last
    )
    return Snippet(text=prefix + body_text[start:end] + suffix, highlights=highlights)
