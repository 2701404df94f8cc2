"""The request vocabulary: what a face asks of the store, in words every face imports.

A search query is read into a small tree before any database sees it:

    soldaten koersk        both words (stemmed: "soldaat" finds "soldaten")
    "noord-korea" china    a phrase and a word
    drone OR drones        either
    -trump, NOT trump      without

Every word reaches the database as a quoted value, never as syntax, so no
query can inject FTS5 or tsquery operators. ``Filters`` narrow a search or a
listing; ``read_filters`` reads them from the strings a face was given (a
command line, a query string), so the command line, the site and the API
take the same values and refuse the same ones. What cannot be read raises
``QueryError`` (``ParameterError`` for a parameter: a filter, or a name) with a
message for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import datetime

from wiredesk.errors import ParameterError, QueryError
from wiredesk.moments import to_utc
from wiredesk.words import words

TOKEN_RE = re.compile(r'"[^"]*"|\S+')
# The kinds of story a filter can ask for.
KINDS = ("article", "brief")
# The longest value a request's words may have (a query, a filter, a name in an
# address): longer ones name nothing, and are refused before they cost a search.
MAX_TEXT = 200


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
    """What narrows a search or a listing; ``None`` means any. Times are UTC."""

    section: str | None = None
    agency: str | None = None
    place: str | None = None
    language: str | None = None
    kind: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    # Only stories naming this entity, by the id enrichment gives it: geonames:2017370,
    # person:selensky, org:nato.
    entity: str | None = None


# The names of the filters, as every face spells its parameters: --section, ?section=...
FILTER_NAMES = tuple(field.name for field in fields(Filters))


def read_query(text: str) -> Query:
    """Read a user's query; raise ``QueryError`` saying what is wrong with it.

    Every face reads its query here, so each refuses the same ones: longer than
    ``MAX_TEXT`` (200 repeats of a word took PostgreSQL 16 s), or holding a NUL.
    A clause given twice is searched for once.
    """
    if len(text) > MAX_TEXT:
        raise QueryError("the query is longer than %(limit)s characters", limit=MAX_TEXT)
    if "\x00" in text:
        raise QueryError("the query holds a NUL character")
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
    once = tuple(dict.fromkeys(tuple(clause) for clause in clauses))
    return Query(clauses=once, excluded=tuple(dict.fromkeys(excluded)))


def read_filters(
    *,
    section: str | None = None,
    agency: str | None = None,
    place: str | None = None,
    language: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
) -> Filters:
    """The filters a face was given as strings; ``None`` or blank means any.

    Raise ``ParameterError`` naming the first filter whose value cannot be read.
    """
    kind = read_text(kind, name="kind")
    if kind is not None and kind not in KINDS:
        raise ParameterError("kind", "kind must be article or brief")
    return Filters(
        section=read_text(section, name="section"),
        agency=read_text(agency, name="agency"),
        place=read_text(place, name="place"),
        language=read_text(language, name="language"),
        kind=kind,
        since=read_moment(since, name="since"),
        until=read_moment(until, name="until"),
        entity=read_text(entity, name="entity"),
    )


def read_text(value: str | None, *, name: str) -> str | None:
    """A request's parameter ``name``, trimmed; blank is ``None``. Raise ``ParameterError``
    for one longer than ``MAX_TEXT`` or holding a NUL, which no database column can."""
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT or "\x00" in value:
        raise ParameterError(name, "%(name)s is too long or holds a character it cannot")
    return value.strip()


def read_moment(value: str | None, *, name: str) -> datetime | None:
    """A time a user gives (``--since``, ``?since=``), UTC when it names no offset; None
    when none is given."""
    text = read_text(value, name=name)
    return None if text is None else read_time(text, name=name)


def read_time(text: str, *, name: str) -> datetime:
    """An ISO-8601 date or time, in UTC: one given without an offset is taken as UTC.

    Raise ``ParameterError`` for text that is no such time, and for a time with
    no UTC one (the first hours of year 1 east of Greenwich, the last hours of
    year 9999 west of it), which the store could not keep or compare.
    """
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ParameterError(
            name, "%(name)s must be a date or time such as 2026-03-18 or 2026-03-18T14:00:00Z"
        ) from None
    try:
        return to_utc(moment)
    except ValueError:
        raise ParameterError(name, "%(name)s is outside the years 1 to 9999 in UTC") from None
