"""The service layer: what every face of wiredesk (the command line, the web reader and
its API, the feed poller) calls, so that a face decides nothing another face decides too.

One way leads from a capture to a page (``page_of``) and into the store (``prepare``):
ingest, uploads, the poller and ``reparse`` all take it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, wait
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from wiredesk.errors import InputError, ParseError
from wiredesk.model import (
    Capture,
    Counts,
    EntityCount,
    EntityProfile,
    Feed,
    Hit,
    Keep,
    Page,
    SaveResult,
    Sighting,
    StoredArticle,
)
from wiredesk.query import Filters, Query, read_query
from wiredesk.sources.samples import sample_pages
from wiredesk.stories.versions import MATCHING

if TYPE_CHECKING:
    # Only named here: every function is handed an open store. ``wiredesk parse``, which
    # has none, so never loads SQLAlchemy and Alembic (tests/test_cli_commands.py).
    from wiredesk.enrich import Finder
    from wiredesk.store import Store


def page_of(capture: Capture, *, enriched: bool = False, remembered: bool = False) -> Page:
    """The page a capture holds: the one way from a capture to a page, which ``wiredesk
    parse``, ingest, uploads, the feed poller and ``reparse`` all take, so that whatever
    a page gains on the way in, every route gives. ``InputError`` or ``ParseError`` for
    bad copy.

    ``enriched`` adds the places, people, organisations, quotes and figures: ``wiredesk
    parse`` asks for them, and so does every route into the store (``prepare``), which
    keeps them. A caller that only wants a page's structure skips their cost.
    ``remembered`` takes the findings of a story enriched lately from memory (the same
    findings: see ``enrich.remembering``): the routes into the store meet the same
    briefs on page after page."""
    # Imported here, as enrichment below: the commands that only read the store (search,
    # stats, export) then never load the parser (tests/test_cli_commands.py).
    from wiredesk.parse import parse_capture

    page = parse_capture(capture)
    if not enriched:
        return page
    # Imported here: its lists are read when it loads, a cost no other route need pay.
    from wiredesk.enrich import enrich_page, find_all

    return enrich_page(page, _remembering() if remembered else find_all)


# Stories whose findings the routes into the store remember: a few thousand, about as
# many as the briefs of a stream's rails between two appearances of one brief.
STORIES_REMEMBERED = 4096


@lru_cache(maxsize=1)
def _remembering() -> Finder:
    """The one remembering finder of this process: ingest, uploads, the poller, ``watch``
    and ``reparse`` share what they found."""
    from wiredesk.enrich import remembering

    return remembering(STORIES_REMEMBERED)


def prepare(capture: Capture) -> Keep:
    """A capture on its way into the store (``page_of``): its page with what enrichment
    finds in it, or the reason it has none."""
    from wiredesk.parse import content_type_of

    capture = replace(capture, content_type=content_type_of(capture))
    try:
        page = page_of(capture, enriched=True, remembered=True)
    except (InputError, ParseError) as failure:  # the one broad catch: bad copy is normal
        return Keep(capture=capture, page=None, error=str(failure))
    return Keep(capture=capture, page=page, error=None)


# Captures kept per transaction, and the longest a batch waits for more.
BATCH_CAPTURES = 500
BATCH_SECONDS = 1.0
# After this many new pages an ingest refreshes the database's statistics: a
# planner that still thinks the tables are small skips the search indexes.
ANALYZE_AFTER_PAGES = 1000


@dataclass(slots=True, kw_only=True)
class IngestSummary(Counts):
    """What an ingest run did, for the summary line and the exit status; its duplicates
    count captures already kept as well as copies."""

    captures: int = 0  # captures read
    pages: int = 0  # new captures parsed into a page
    errors: list[str] = field(default_factory=list)


def ingest(
    store: Store,
    incoming: Iterable[Capture | InputError],
    *,
    language: str | None = None,
    timezone: str | None = None,
    on_capture: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Parse and keep every capture; bad copy is kept with its reason, and the run goes on.

    ``language`` and ``timezone`` are said of every capture that does not say
    its own, and kept with it.

    Captures are read in batches (``BATCH_CAPTURES``, or what ``BATCH_SECONDS``
    gathered). A batch asks the archive once which of its captures it holds,
    parses the others (while the batch before commits) and keeps them in one
    transaction: a killed ingest loses at most the batches in hand, never half
    a page, and running it again completes it.
    """
    summary = IngestSummary()
    batch: list[Capture] = []
    started = time.monotonic()
    saving: _Saving | None = None  # the batch before, still committing
    try:
        for item in incoming:
            summary.captures += 1
            if isinstance(item, InputError):
                summary.errors.append(str(item))
            else:
                if not batch:
                    started = time.monotonic()
                batch.append(_told(item, language, timezone))
                if len(batch) >= BATCH_CAPTURES or time.monotonic() - started >= BATCH_SECONDS:
                    saving = _keep(store, batch, summary, saving)
                    batch = []
            if on_capture is not None:
                on_capture(summary)
        if batch:
            saving = _keep(store, batch, summary, saving)
        if saving is not None:
            saving.count(summary)
        if on_capture is not None:
            on_capture(summary)
    finally:
        if saving is not None:  # on an error, the batch in hand still commits whole first
            wait([saving.results])
    if summary.pages >= ANALYZE_AFTER_PAGES:
        store.analyze()
    return summary


def _told(capture: Capture, language: str | None, timezone: str | None) -> Capture:
    """A capture with the run's language and zone where it says none of its own."""
    if (language is None or capture.language) and (timezone is None or capture.timezone):
        return capture
    return replace(
        capture, language=capture.language or language, timezone=capture.timezone or timezone
    )


def _keep(
    store: Store, batch: list[Capture], summary: IngestSummary, behind: _Saving | None
) -> _Saving | None:
    """Parse a batch while the one ``behind`` it commits, then hand it to the store."""
    kept_before = store.kept_captures([capture.data for capture in batch])
    summary.duplicates += sum(kept_before)
    keeps = [
        prepare(capture) for capture, is_kept in zip(batch, kept_before, strict=True) if not is_kept
    ]
    if behind is not None:
        behind.count(summary)
    if not keeps:
        return None
    return _Saving(keeps, store.save_behind(keeps, stored_at=datetime.now(UTC), matching=MATCHING))


@dataclass(frozen=True, slots=True)
class _Saving:
    """A batch handed to the store, and what keeping it did once it is committed."""

    keeps: list[Keep]
    results: Future[list[SaveResult]]

    def count(self, summary: IngestSummary) -> None:
        for keep, result in zip(self.keeps, self.results.result(), strict=True):
            if not result.is_new_capture:  # kept by this batch already, or by another process
                summary.duplicates += 1
                continue
            if keep.error is not None:
                summary.errors.append(keep.error)
            else:
                summary.pages += 1
            summary.add(result)


@dataclass(slots=True, kw_only=True)
class FileKept(IngestSummary):
    """What keeping one file's captures did (``keep_file``): an ingest's counts, and how
    many of its captures hold a page, kept now or before. Its ``errors`` name every
    capture that holds none, kept before or not."""

    read: int = 0  # captures that hold a page
    kept_before: int = 0  # captures the archive held already


def keep_file(
    store: Store,
    incoming: Iterable[Capture | InputError],
    *,
    language: str | None = None,
    timezone: str | None = None,
) -> FileKept:
    """Parse and keep the captures of one file, all committed when it returns: a drop
    folder moves the file aside only then, so a file is never moved and lost.

    Unlike ``ingest`` it parses a capture kept before too, since whether it holds a
    page says where its file goes: delivered again, or left in the folder by a crash
    between keeping it and moving it, a file goes where it went the first time, and
    the archive (one capture per content) adds nothing.
    """
    summary = FileKept()
    batch: list[Capture | InputError] = []
    for item in incoming:
        summary.captures += 1
        batch.append(item if isinstance(item, InputError) else _told(item, language, timezone))
        if len(batch) >= BATCH_CAPTURES:  # a long JSON Lines file: a transaction a batch
            _keep_now(store, batch, summary)
            batch = []
    if batch:
        _keep_now(store, batch, summary)
    return summary


def _keep_now(store: Store, batch: list[Capture | InputError], summary: FileKept) -> None:
    """Keep a batch of one file's captures in one transaction; count them, and name those
    without a page in the order the file holds them."""
    keeps = [prepare(item) for item in batch if not isinstance(item, InputError)]
    saved = store.save(keeps, stored_at=datetime.now(UTC), matching=MATCHING) if keeps else []
    results = iter(saved)
    kept = iter(keeps)
    for item in batch:
        if isinstance(item, InputError):
            summary.errors.append(str(item))
            continue
        keep, result = next(kept), next(results)
        if keep.error is not None:
            summary.errors.append(keep.error)
        else:
            summary.read += 1
        if not result.is_new_capture:
            summary.kept_before += 1
            summary.duplicates += 1
            continue
        summary.pages += keep.page is not None
        summary.add(result)


def reparse(
    store: Store,
    *,
    on_capture: Callable[[Capture, SaveResult], None] | None = None,
) -> SaveResult:
    """Rebuild every article from the raw archive with the current parser, each capture
    taken the way ingest takes it (``prepare``)."""
    return store.rebuild(prepare, MATCHING, on_capture)


@dataclass(frozen=True, slots=True, kw_only=True)
class Kept:
    """What keeping one capture did, and the stories it showed."""

    result: SaveResult
    shown: list[Sighting]


def keep_capture(store: Store, capture: Capture) -> Kept:
    """Parse and keep one capture at once (the API's upload): what it changed, and the
    stories it showed. A capture kept before changes nothing and shows its stories again."""
    keep = prepare(capture)
    [result] = store.save([keep], stored_at=datetime.now(UTC), matching=MATCHING)
    if result.error is None and keep.error is not None:
        result.error = keep.error
    shown = store.sightings(result.capture_id) if result.capture_id is not None else []
    return Kept(result=result, shown=shown)


def load_samples(store: Store, now: datetime) -> IngestSummary:
    """Keep the bundled sample pages as captured this morning (``wiredesk demo``)."""
    return ingest(store, sample_pages(now))


# -- What the faces ask of the store -------------------------------------------------
# A page of stories, a search, a new feed: the command line, the site and the API
# call these, so that each decision (whether a page has a next one, how a query is
# read, which feed address is refused) is made in one place.


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing:
    """A page of stories, newest first, and whether another page follows it."""

    articles: tuple[StoredArticle, ...]
    has_more: bool


def list_stories(
    store: Store, filters: Filters, *, limit: int, offset: int = 0, now: datetime | None = None
) -> Listing:
    """The ``limit`` newest stories matching ``filters`` shown at ``now`` (the clock's now
    when not given), after the first ``offset``."""
    found = store.latest(filters, limit=limit + 1, offset=offset, now=now)
    return Listing(articles=tuple(found[:limit]), has_more=len(found) > limit)


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityPage:
    """What is known of one entity: its profile, its name per language (``names``, where
    the gazetteer has them: ``{"nl": "Rusland", "de": "Russland", ...}``), and a page of
    the stories naming it, newest first."""

    profile: EntityProfile
    names: dict[str, str]
    stories: Listing


def entity_page(
    store: Store,
    entity_id: str,
    *,
    now: datetime,
    limit: int,
    offset: int = 0,
    related: int = 10,
    quotes: int = 20,
) -> EntityPage:
    """An entity's page, the same for the site, its JSON twin and the API; ``NotFound`` when
    no story shown at ``now`` names it."""
    profile = store.entity_profile(entity_id, related=related, quotes=quotes, now=now)
    stories = list_stories(store, Filters(entity=entity_id), limit=limit, offset=offset, now=now)
    return EntityPage(profile=profile, names=entity_names(profile.entity), stories=stories)


def entity_names(entity: EntityCount) -> dict[str, str]:
    """An entity's display name per language, as the gazetteer gives it for a place (none
    for people and organisations: their name is the same in every language)."""
    return dict(_gazetteer_names(entity.id, entity.name))


@lru_cache(maxsize=4096)
def _gazetteer_names(entity_id: str, name: str) -> tuple[tuple[str, str], ...]:
    if entity_id.startswith(("person:", "org:")):
        return ()
    # Imported here, as in ``page_of``: its lists are read when it loads.
    from wiredesk.enrich.gazetteer import find_names

    for found in find_names(name, "en"):
        if found.named.id == entity_id:
            return tuple(sorted(found.named.names.items()))
    return ()


# "In the news today": the entities named most in the stories of the last day.
NEWS_WINDOW = timedelta(hours=24)


@dataclass(frozen=True, slots=True, kw_only=True)
class InTheNews:
    """The people and the places named most in the stories dated ``since`` on."""

    since: datetime
    people: tuple[EntityCount, ...]
    places: tuple[EntityCount, ...]


def in_the_news(store: Store, *, now: datetime, limit: int) -> InTheNews:
    """The people and places named most in the 24 hours before ``now``."""
    since = now - NEWS_WINDOW
    people = store.top_entities(type="person", since=since, limit=limit, now=now)
    places = store.top_entities(type="place", since=since, limit=limit, now=now)
    return InTheNews(since=since, people=tuple(people), places=tuple(places))


@dataclass(frozen=True, slots=True, kw_only=True)
class Results:
    """A page of a search's hits, best first, and whether another page follows it."""

    query: Query
    hits: tuple[Hit, ...]
    has_more: bool


def search(
    store: Store,
    text: str,
    filters: Filters,
    *,
    now: datetime,
    limit: int = 20,
    offset: int = 0,
) -> Results:
    """The best matches for the query ``text`` at the moment ``now`` (newer ones rank
    higher); a query that cannot be read raises ``QueryError`` saying why."""
    query = read_query(text)
    found = store.search(query, filters, now=now, limit=limit + 1, offset=offset)
    return Results(query=query, hits=tuple(found[:limit]), has_more=len(found) > limit)


@dataclass(frozen=True, slots=True, kw_only=True)
class AddedFeed:
    """A feed just added, and what the user should hear of it: why it may not be polled
    (its host does not resolve now), or None."""

    feed: Feed
    warning: str | None


def add_feed(
    store: Store,
    url: str,
    *,
    section: str | None = None,
    interval_seconds: int,
    is_fetching_articles: bool = False,
    is_private_allowed: bool = False,
    now: datetime | None = None,
) -> AddedFeed:
    """Add a feed to poll, due at once (``now``, or the clock's now).

    An address the guard refuses (a private one, unless ``is_private_allowed``)
    is a ``SourceError``; one already in the list a ``StoreError``. A host that
    does not resolve may only be down for now: the feed is added with a warning,
    and every poll checks it again.
    """
    # Imported here: the guard loads the HTTP client's core, which nothing else here needs.
    from wiredesk.sources.guard import UnresolvedHost, check_url

    warning = None
    try:
        check_url(url, is_private_allowed=is_private_allowed)
    except UnresolvedHost as unresolved:
        warning = f"{unresolved}; added all the same, and checked again at every poll"
    feed = store.add_feed(
        url,
        section=section,
        interval_seconds=interval_seconds,
        is_fetching_articles=is_fetching_articles,
        is_private_allowed=is_private_allowed,
        now=now or datetime.now(UTC),
    )
    return AddedFeed(feed=feed, warning=warning)
