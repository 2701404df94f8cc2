"""Polling feeds (service layer): fetch each feed, take its new entries in through ``ingest``,
and keep how every poll went in the store.

Feeds are fetched side by side (``WORKERS`` threads; the fetcher keeps to one
request at a time per host) and taken into the store one after the other. A
feed that fails, however it fails, gets status "error" with the reason, waits
longer before its next poll (twice its interval per error in a row, up to a
day, and at least what a Retry-After asked), and the other feeds go on.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from wiredesk.desk import IngestSummary, ingest
from wiredesk.errors import SourceError, StoreError
from wiredesk.model import Capture, Feed
from wiredesk.sources.feeds import Entry, entry_capture, page_capture, read_feed
from wiredesk.sources.http import PAGE_ACCEPT, Fetcher
from wiredesk.sources.robots import Robots
from wiredesk.store import Counts, PollRecord, Store

logger = logging.getLogger(__name__)

WORKERS = 4
LONGEST_BACKOFF = timedelta(days=1)
JITTER = 0.1  # a feed's next poll comes up to 10% of its interval late, so feeds spread out
# The longest ``watch`` sleeps between two looks at the list (feeds added meanwhile).
LONGEST_SLEEP = 30.0


@dataclass(slots=True)
class FeedResult:
    """How one feed's poll went."""

    feed: Feed
    is_not_modified: bool = False
    entries: int = 0  # in the feed
    new_entries: int = 0  # not taken before
    error: str | None = None
    page_errors: list[str] = field(default_factory=list)  # linked pages not fetched
    ingest: IngestSummary | None = None


@dataclass(slots=True, kw_only=True)
class PollSummary(Counts):
    """What one or more polls did, for the summary line."""

    polls: int = 0
    not_modified: int = 0
    new_entries: int = 0
    errors: list[str] = field(default_factory=list)  # one line per failed feed poll
    copy_errors: list[str] = field(default_factory=list)  # entries that held no article
    # Linked pages not fetched (their entry's summary kept instead), each reported with
    # its feed's result (``FeedResult.page_errors``) and gathered here as well.
    page_errors: list[str] = field(default_factory=list)

    def add_poll(self, result: FeedResult) -> None:
        self.polls += 1
        self.not_modified += result.is_not_modified
        self.new_entries += result.new_entries
        self.page_errors.extend(result.page_errors)
        if result.error is not None:
            self.errors.append(f"{result.feed.url}: {result.error}")
        if result.ingest is not None:
            self.add(result.ingest)
            self.copy_errors.extend(result.ingest.errors)

    def merge(self, other: PollSummary) -> None:
        self.add(other)
        self.polls += other.polls
        self.not_modified += other.not_modified
        self.new_entries += other.new_entries
        self.errors.extend(other.errors)
        self.copy_errors.extend(other.copy_errors)
        self.page_errors.extend(other.page_errors)


@dataclass(slots=True)
class _Fetched:
    feed: Feed
    attempted_at: datetime
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    is_not_modified: bool = False
    entries: int = 0
    incoming: list[tuple[Entry, Capture]] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    error: SourceError | None = None


class Poller:
    """Polls the store's feeds through one fetcher; safe to run again and again."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        *,
        workers: int = WORKERS,
        rng: random.Random | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.robots = Robots(fetcher)
        self.workers = workers
        self.rng = rng or random.Random()

    def poll(
        self,
        *,
        is_due_only: bool = True,
        now: datetime | None = None,
        on_feed: Callable[[FeedResult], None] | None = None,
    ) -> PollSummary:
        """Poll each due feed once (``is_due_only=False``: every feed not backing off)."""
        now = now or datetime.now(UTC)
        if is_due_only:
            feeds = self.store.feeds(due_at=now)
        else:
            feeds = [f for f in self.store.feeds() if f.failures == 0 or f.next_poll_at <= now]
        summary = PollSummary()
        if not feeds:
            return summary
        with ThreadPoolExecutor(max_workers=min(self.workers, len(feeds))) as pool:
            futures = [pool.submit(self._fetch, feed) for feed in feeds]
            for future in as_completed(futures):
                result = self._keep(future.result())
                summary.add_poll(result)
                if on_feed is not None:
                    on_feed(result)
        return summary

    def watch(
        self,
        stop: threading.Event,
        on_round: Callable[[PollSummary], None] | None = None,
        on_feed: Callable[[FeedResult], None] | None = None,
    ) -> PollSummary:
        """Poll feeds as they fall due until ``stop`` is set; the summary of every round."""
        total = PollSummary()
        while not stop.is_set():
            try:
                summary = self.poll(on_feed=on_feed)
            except StoreError as error:  # the database may be back by the next round
                logger.error("feeds not polled this round: %s", error)
                summary = PollSummary(errors=[f"store: {error}"])
            total.merge(summary)
            if on_round is not None and summary.polls:
                on_round(summary)
            due = self.store.next_feed_poll_at()
            wait = LONGEST_SLEEP
            if due is not None:
                wait = min(max((due - datetime.now(UTC)).total_seconds(), 0.05), LONGEST_SLEEP)
            stop.wait(wait)
        return total

    # -- one feed ------------------------------------------------------------

    def _fetch(self, feed: Feed) -> _Fetched:
        """Fetch and read a feed, and the pages of its new entries (in a worker thread)."""
        fetched = _Fetched(feed=feed, attempted_at=datetime.now(UTC))
        try:
            response = self.fetcher.get(
                feed.url,
                etag=feed.etag,
                last_modified=feed.last_modified,
                is_private_allowed=feed.is_private_allowed,
            )
            fetched.etag, fetched.last_modified = response.etag, response.last_modified
            if response.is_not_modified:  # a 304 may leave out what the feed last gave
                fetched.is_not_modified = True
                fetched.etag = fetched.etag or feed.etag
                fetched.last_modified = fetched.last_modified or feed.last_modified
                return fetched
            body = read_feed(response.body, feed.url, response.content_type)
            entries = body.entries
            fetched.title = body.title
            fetched.entries = len(entries)
            new = self.store.untaken_entries(feed.id, [entry.key for entry in entries])
            seen: set[str] = set()
            for entry in entries:
                if entry.key in new and entry.key not in seen:
                    seen.add(entry.key)
                    fetched.incoming.append((entry, self._capture(feed, entry, fetched)))
        except SourceError as error:
            fetched.error = error
        except Exception as error:  # a bug met on one feed must not stop the others
            logger.exception("polling %s failed", feed.url)
            fetched.error = SourceError(feed.url, f"internal error: {type(error).__name__}")
        return fetched

    def _capture(self, feed: Feed, entry: Entry, fetched: _Fetched) -> Capture:
        if feed.is_fetching_articles and entry.link:
            try:
                if not self.robots.allows(entry.link, is_private_allowed=feed.is_private_allowed):
                    raise SourceError(entry.link, "robots.txt does not allow fetching it")
                page = self.fetcher.get(
                    entry.link, is_private_allowed=feed.is_private_allowed, accept=PAGE_ACCEPT
                )
                return page_capture(
                    entry, page.body, page.url, fetched.attempted_at, section=feed.section
                )
            except SourceError as error:
                fetched.page_errors.append(f"{error} (kept the feed's summary instead)")
        return entry_capture(entry, feed.url, fetched.attempted_at, section=feed.section)

    def _keep(self, fetched: _Fetched) -> FeedResult:
        """Take a fetched feed's new entries in, and record the poll (in the calling thread)."""
        feed = fetched.feed
        result = FeedResult(
            feed=feed,
            is_not_modified=fetched.is_not_modified,
            entries=fetched.entries,
            new_entries=len(fetched.incoming),
            page_errors=fetched.page_errors,
        )
        if fetched.error is not None:
            failures = feed.failures + 1
            result.error = fetched.error.reason
            self.store.record_poll(
                feed.id,
                PollRecord(
                    status="error",
                    last_error=fetched.error.reason,
                    etag=None,
                    last_modified=None,
                    attempted_at=fetched.attempted_at,
                    next_poll_at=self.next_poll_at(
                        feed, fetched.attempted_at, failures, fetched.error.retry_after
                    ),
                    failures=failures,
                    is_success=False,
                ),
            )
            return result
        if fetched.incoming:
            result.ingest = ingest(self.store, (incoming for _, incoming in fetched.incoming))
        self.store.record_poll(
            feed.id,
            PollRecord(
                status="ok",
                last_error=None,
                title=fetched.title,
                etag=fetched.etag,
                last_modified=fetched.last_modified,
                attempted_at=fetched.attempted_at,
                next_poll_at=self.next_poll_at(feed, fetched.attempted_at, 0, None),
                failures=0,
                is_success=True,
                entry_keys=tuple(entry.key for entry, _ in fetched.incoming),
            ),
        )
        return result

    def next_poll_at(
        self, feed: Feed, attempted_at: datetime, failures: int, retry_after: float | None
    ) -> datetime:
        """The feed's interval (doubled per error in a row, up to a day), at least any
        Retry-After, plus up to ``JITTER`` of the interval."""
        wait = timedelta(seconds=feed.interval_seconds)
        if failures:
            wait = min(wait * 2 ** min(failures, 20), max(LONGEST_BACKOFF, wait))
        if retry_after is not None:
            wait = max(wait, timedelta(seconds=retry_after))
        jitter = timedelta(seconds=self.rng.uniform(0, JITTER * feed.interval_seconds))
        return attempted_at + wait + jitter
