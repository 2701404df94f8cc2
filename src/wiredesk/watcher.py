"""Watching a drop folder (service layer): each file delivered into it is taken in, once
complete, the way ``wiredesk ingest`` takes a file (``desk.keep_file``), then moved to
``done/``, or to ``failed/`` with its reason when it holds no page.

A file is moved only once what it held is committed. A crash in between leaves it in
the folder, and the next run takes it again: the archive keeps one capture per content
(SHA-256), so nothing is doubled, and the file goes where it would have gone.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wiredesk.desk import ANALYZE_AFTER_PAGES, FileKept, keep_file
from wiredesk.model import MAX_CAPTURE_BYTES
from wiredesk.sources.drops import DropFolder
from wiredesk.sources.files import iter_captures
from wiredesk.store import Counts, Store

logger = logging.getLogger(__name__)

# How often the folder is looked at, as a part of the settle interval (a file is taken
# at most a quarter of it late), and the bounds of that.
LOOKS_PER_SETTLE = 4
LONGEST_LOOK_SECONDS = 1.0
SHORTEST_LOOK_SECONDS = 0.05


@dataclass(frozen=True, slots=True, kw_only=True)
class FileTaken:
    """One file taken: what keeping it did and where it went (``None`` when it could not
    be moved aside, ``problem`` saying why; it is left alone while it stays as it is)."""

    path: Path  # as delivered
    kept: FileKept
    is_failed: bool
    moved_to: Path | None
    problem: str | None = None


@dataclass(slots=True, kw_only=True)
class WatchSummary(Counts):
    """What a watch did, for its last line."""

    files: int = 0
    done: int = 0
    failed: int = 0
    pages: int = 0
    errors: list[str] = field(default_factory=list)  # files that could not be moved aside

    def add_file(self, taken: FileTaken) -> None:
        self.files += 1
        self.add(taken.kept)
        self.pages += taken.kept.pages
        if taken.problem is not None:
            self.errors.append(taken.problem)
        elif taken.is_failed:
            self.failed += 1
        else:
            self.done += 1


class Watcher:
    """Takes the complete files of a drop folder into a store."""

    def __init__(
        self,
        store: Store,
        folder: DropFolder,
        *,
        language: str | None = None,
        timezone: str | None = None,
    ) -> None:
        self.store = store
        self.folder = folder
        self.language = language
        self.timezone = timezone
        self.look_seconds = min(
            LONGEST_LOOK_SECONDS,
            max(SHORTEST_LOOK_SECONDS, folder.settle_seconds / LOOKS_PER_SETTLE),
        )
        self._pages_since_analyze = 0

    def take(self, path: Path) -> FileTaken:
        """Keep what one file holds, then move it aside: to failed/ when it holds no page."""
        kept = self._keep(path)
        self._count_pages(kept.pages)
        is_failed = kept.read == 0
        try:
            if is_failed:
                reasons = kept.errors or [f"{path}: holds no capture"]
                moved_to = self.folder.move_failed(path, "\n".join(reasons))
            else:
                moved_to = self.folder.move_done(path)
        except FileNotFoundError:
            problem = f"{path}: gone before it could be moved aside"
        except OSError as error:
            self.folder.give_up(path)
            where = self.folder.failed if is_failed else self.folder.done
            problem = f"{path}: cannot be moved to {where}: {error.strerror or error}"
        else:
            return FileTaken(path=path, kept=kept, is_failed=is_failed, moved_to=moved_to)
        return FileTaken(path=path, kept=kept, is_failed=is_failed, moved_to=None, problem=problem)

    def _keep(self, path: Path) -> FileKept:
        """What one file holds, kept as ``wiredesk ingest`` keeps a file. One larger than any
        input is read (``MAX_CAPTURE_BYTES``) goes to failed/ unread: agencies deliver photos
        and video beside their items, and those stay out of the archive."""
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # reading it says why
        if size > MAX_CAPTURE_BYTES:
            limit = f"{MAX_CAPTURE_BYTES // 1_000_000} MB"
            return FileKept(
                errors=[f"{path}: {size / 1e6:.0f} MB, over the {limit} of a news item"]
            )
        return keep_file(
            self.store, iter_captures([str(path)]), language=self.language, timezone=self.timezone
        )

    def _count_pages(self, pages: int) -> None:
        """Refresh the database's statistics after ``ANALYZE_AFTER_PAGES`` new pages, as a
        long ingest does: a watch takes them a file at a time."""
        self._pages_since_analyze += pages
        if self._pages_since_analyze >= ANALYZE_AFTER_PAGES:
            self.store.analyze()
            self._pages_since_analyze = 0

    def _take_ready(
        self, stop: threading.Event, summary: WatchSummary, on_file: Callable[[FileTaken], None]
    ) -> None:
        for path in self.folder.look(time.monotonic()):
            if stop.is_set():  # the file in hand is finished; the next waits for the next run
                return
            taken = self.take(path)
            summary.add_file(taken)
            on_file(taken)

    def watch(self, stop: threading.Event, *, on_file: Callable[[FileTaken], None]) -> WatchSummary:
        """Take files as they become complete until ``stop`` is set (a signal's handler
        sets it); the file in hand is finished first."""
        summary = WatchSummary()
        while not stop.is_set():
            self._take_ready(stop, summary, on_file)
            stop.wait(self.look_seconds)
        return summary

    def once(self, stop: threading.Event, *, on_file: Callable[[FileTaken], None]) -> WatchSummary:
        """Take the files that are complete now and return (for cron): the folder is
        looked at, then again a settle interval later, and the files that did not change
        in between are taken. Files still changing are left for the next run
        (``DropFolder.arriving``)."""
        summary = WatchSummary()
        self._take_ready(stop, summary, on_file)
        if self.folder.arriving() and not stop.is_set():
            stop.wait(self.folder.settle_seconds + SHORTEST_LOOK_SECONDS)
            self._take_ready(stop, summary, on_file)
        return summary
