"""What both databases' rankings share: the recency boost, and the results read for a page.

Each database ranks narrow rows (an id and a score); the wide columns, the
text among them, are read only for the page of results shown.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from wiredesk.store.schema import articles

# Recency boost: a story published now counts double, one a week old 1.5 times.
BOOST_DAYS = 7.0

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


def boost(days: Any) -> Any:
    """What a score is multiplied by for a story ``days`` old (a SQL expression)."""
    return 1.0 + BOOST_DAYS / (BOOST_DAYS + days)


def with_results(ranked: Select[Any], *, limit: int, offset: int, descending: bool) -> Select[Any]:
    """The result columns of a page of ranked ids, in their order."""
    page = ranked.limit(limit).offset(offset).subquery("ranked")
    order = page.c.score.desc() if descending else page.c.score
    return (
        select(*RESULT_COLUMNS, page.c.score)
        .select_from(articles.join(page, page.c.id == articles.c.id))
        .order_by(order)
    )
