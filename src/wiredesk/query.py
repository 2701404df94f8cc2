"""The request vocabulary: what a face asks of the store, in words every face imports.

A search query is read into a small tree before any database sees it:

    soldaten koersk        both words (stemmed: "soldaat" finds "soldaten")
    "noord-korea" china    a phrase and a word
    drone OR drones        either
    -trump, NOT trump      without

Every word reaches the database as a quoted value, never as syntax, so no
query can inject FTS5 or tsquery operators. ``Filters`` narrow a search or a
listing. A query that cannot be read raises ``QueryError`` with a message
for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from wiredesk.errors import QueryError
from wiredesk.words import words

TOKEN_RE = re.compile(r'"[^"]*"|\S+')


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """A word, or a phrase of several words in order."""

    words: tuple[str, ...]
    is_excluded: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Query:
    """All clauses must match; a clause matches when any of its terms does."""

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]

    @property
    def words(self) -> set[str]:
        return {word for clause in self.clauses for term in clause for word in term.words}


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """What narrows a search or a listing; ``None`` means any."""

    section: str | None = None
    agency: str | None = None
    place: str | None = None
    language: str | None = None
    kind: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def read_query(text: str) -> Query:
    """Read a user's query; raise ``QueryError`` saying what is wrong with it."""
    if text.count('"') % 2:
        raise QueryError('the query has an unbalanced quote (")')
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    pending_not = False
    pending_and = False
    for token in TOKEN_RE.findall(text):
        if token == "OR":
            if not clauses or pending_or or pending_not:
                raise QueryError("OR needs a word on each side")
            pending_or = True
            continue
        if token == "AND":
            if not clauses or pending_or or pending_not:
                raise QueryError("AND needs a word on each side")
            pending_and = True
            continue
        if token == "NOT":
            if pending_not:
                raise QueryError("NOT needs a word after it")
            pending_not = True
            continue
        is_excluded = pending_not or (token.startswith("-") and len(token) > 1)
        found = tuple(words(token.strip('"').removeprefix("-") if is_excluded else token))
        if not found:
            if pending_or or pending_not:
                raise QueryError("%(token)r has no words to search for", token=token)
            continue  # punctuation alone: nothing to search
        term = Term(words=found, is_excluded=is_excluded)
        if is_excluded:
            if pending_or:
                raise QueryError("OR cannot join an excluded word")
            excluded.append(term)
        elif pending_or:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        pending_or = pending_not = pending_and = False
    if pending_or or pending_not or pending_and:
        raise QueryError("the query ends with an operator (OR, AND or NOT)")
    if not clauses:
        raise QueryError("the query has no words to search for")
    return Query(clauses=tuple(tuple(c) for c in clauses), excluded=tuple(excluded))
