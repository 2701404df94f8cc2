"""The service layer: what every face of wiredesk (CLI, later web and API) calls."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from wiredesk.errors import InputError, ParseError
from wiredesk.model import Capture, Feed, Hit, Page, Sighting, StoredArticle
from wiredesk.parse import parse_html, parse_text
from wiredesk.parse.decode import UTF16_BOMS, decode_html, decode_text
from wiredesk.parse.html import MAX_HTML_CHARS, SNIFF_CHARS, looks_like_html, visible_text
from wiredesk.query import Filters, Query, read_query
from wiredesk.sources.files import Incoming
from wiredesk.sources.guard import UnresolvedHost, check_url
from wiredesk.sources.samples import sample_pages
from wiredesk.store import Keep, SaveResult, Store, StoredCapture
from wiredesk.stories.versions import MATCHING


def parse_capture(
    capture: Capture,
    *,
    language: str | None = None,
    timezone: str | None = None,
    encoding: str | None = None,
    is_html: bool | None = None,
    url: str | None = None,
    section: str | None = None,
) -> Page:
    """Decode and parse one capture; raise ``InputError`` or ``ParseError`` for bad copy.

    HTML is told by the content (``is_html`` None) or by the source; a file
    named ``.html`` that holds no markup at all is read as text. ``section``
    is the one the capture's source files it under, for a page that names none.
    """
    if is_html is None or is_html:
        # Told HTML and holding a tag is enough; only an open question needs the sniff.
        is_html = (is_html is True and b"<" in capture.data) or sniff_html(capture.data)
    if is_html:
        html = decode_html(capture.data, capture.source, encoding)
        page = parse_html(html, **_context(capture, language, timezone), url=url, section=section)
        if not page.has_article:
            raise ParseError(capture.source, _why_no_article(html))
        return page
    text = decode_text(capture.data, capture.source, encoding)
    page = parse_text(text, **_context(capture, language, timezone), section=section)
    if not page.has_article:
        raise ParseError(capture.source, "no recognisable article: no body text found")
    return page


def _context(capture: Capture, language: str | None, timezone: str | None) -> dict[str, Any]:
    """What both parsers are told of a capture besides its text."""
    return {
        "captured_at": capture.captured_at,
        "language": language,
        "timezone": timezone,
        "source": capture.source,
    }


def _why_no_article(html: str) -> str:
    """Why an HTML page gave no article, in words a user can act on."""
    if len(html) > MAX_HTML_CHARS:
        return (
            f"HTML page too large: {len(html) / 1e6:.0f} million characters "
            f"(at most {MAX_HTML_CHARS / 1e6:.0f} million are read)"
        )
    text = visible_text(html)
    if not text:
        return "no recognisable article: the HTML page shows no text (only markup or scripts)"
    return (
        f"no recognisable article: the HTML page shows {len(text):,} characters of text "
        "but no story among them"
    )


def sniff_html(data: bytes) -> bool:
    """Whether a capture's bytes are HTML, told by their start (UTF-16 pages included)."""
    head = data[:SNIFF_CHARS]
    if head.startswith(UTF16_BOMS):
        return looks_like_html(head.decode("utf-16", errors="replace"))
    return looks_like_html(head.decode("utf-8", errors="replace"))


# Captures kept per transaction, and the longest a batch waits for more.
BATCH_CAPTURES = 500
BATCH_SECONDS = 1.0
# After this many new pages an ingest refreshes the database's statistics: a
# planner that still thinks the tables are small skips the search indexes.
ANALYZE_AFTER_PAGES = 1000


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did, for the summary line and the exit status."""

    captures: int = 0  # captures read
    pages: int = 0  # new captures parsed into a page
    articles: int = 0
    briefs: int = 0
    duplicates: int = 0  # captures and copies already kept
    versions: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, result: SaveResult) -> None:
        self.articles += result.articles
        self.briefs += result.briefs
        self.versions += result.versions
        self.duplicates += result.duplicates


def ingest(
    store: Store,
    incoming: Iterable[Incoming | InputError],
    *,
    language: str | None = None,
    timezone: str | None = None,
    on_capture: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Parse and keep every capture; bad copy is kept with its reason, and the run goes on.

    Captures are read in batches (``BATCH_CAPTURES``, or what ``BATCH_SECONDS``
    gathered). A batch asks the archive once which of its captures it holds,
    parses the others (while the batch before commits) and keeps them in one
    transaction: a killed ingest loses at most the batches in hand, never half
    a page, and running it again completes it.
    """
    summary = IngestSummary()
    batch: list[Incoming] = []
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
                batch.append(item)
                if len(batch) >= BATCH_CAPTURES or time.monotonic() - started >= BATCH_SECONDS:
                    saving = _keep(
                        store, batch, summary, saving, language=language, timezone=timezone
                    )
                    batch = []
            if on_capture is not None:
                on_capture(summary)
        if batch:
            saving = _keep(store, batch, summary, saving, language=language, timezone=timezone)
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


def _prepare(item: Incoming, *, language: str | None, timezone: str | None) -> Keep:
    capture = item.capture
    is_html = item.is_html if item.is_html is not None else sniff_html(capture.data)
    page: Page | None = None
    error: str | None = None
    try:
        page = parse_capture(
            capture,
            language=language,
            timezone=timezone,
            is_html=is_html,
            url=item.url,
            section=item.section,
        )
    except (InputError, ParseError) as failure:  # the one broad catch: bad copy is normal
        error = str(failure)
    return Keep(
        capture=capture,
        content_type="html" if is_html else "text",
        url=item.url or (page.url if page is not None else None),
        section=item.section,
        page=page,
        error=error,
    )


def _keep(
    store: Store,
    batch: list[Incoming],
    summary: IngestSummary,
    behind: _Saving | None,
    *,
    language: str | None,
    timezone: str | None,
) -> _Saving | None:
    """Parse a batch while the one ``behind`` it commits, then hand it to the store."""
    kept_before = store.kept_captures([item.capture.data for item in batch])
    summary.duplicates += sum(kept_before)
    keeps = [
        _prepare(item, language=language, timezone=timezone)
        for item, is_kept in zip(batch, kept_before, strict=True)
        if not is_kept
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


def reparse(
    store: Store,
    *,
    on_capture: Callable[[StoredCapture, SaveResult], None] | None = None,
) -> SaveResult:
    """Rebuild every article from the raw archive with the current parser."""

    def parse(stored: StoredCapture) -> Page:
        return parse_capture(
            stored.capture,
            is_html=stored.content_type == "html",
            url=stored.url,
            section=stored.section,
        )

    return store.rebuild(parse, MATCHING, on_capture)


def keep_capture(
    store: Store,
    capture: Capture,
    *,
    is_html: bool | None = None,
    url: str | None = None,
    language: str | None = None,
) -> tuple[SaveResult, list[Sighting]]:
    """Parse and keep one capture at once (the API's upload): what it changed, and the
    stories it showed. A capture kept before changes nothing and shows its stories again."""
    item = Incoming(capture=capture, is_html=is_html, url=url)
    keep = _prepare(item, language=language, timezone=None)
    [result] = store.save([keep], stored_at=datetime.now(UTC), matching=MATCHING)
    if result.error is None and keep.error is not None:
        result.error = keep.error
    shown = store.sightings(result.capture_id) if result.capture_id is not None else []
    return result, shown


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


def list_stories(store: Store, filters: Filters, *, limit: int, offset: int = 0) -> Listing:
    """The ``limit`` newest stories matching ``filters``, after the first ``offset``."""
    found = store.latest(filters, limit=limit + 1, offset=offset)
    return Listing(articles=tuple(found[:limit]), has_more=len(found) > limit)


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


def add_feed(
    store: Store,
    url: str,
    *,
    section: str | None = None,
    interval_seconds: int,
    is_fetching_articles: bool = False,
    is_private_allowed: bool = False,
    now: datetime | None = None,
) -> Feed:
    """Add a feed to poll, due at once (``now``, or the clock's now).

    An address the guard refuses (a private one, unless ``is_private_allowed``)
    is a ``SourceError``; one already in the list a ``StoreError``.
    """
    # A host that does not resolve may only be down for now: every poll checks again.
    with contextlib.suppress(UnresolvedHost):
        check_url(url, is_private_allowed=is_private_allowed)
    return store.add_feed(
        url,
        section=section,
        interval_seconds=interval_seconds,
        is_fetching_articles=is_fetching_articles,
        is_private_allowed=is_private_allowed,
        now=now or datetime.now(UTC),
    )
