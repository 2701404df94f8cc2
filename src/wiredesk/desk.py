"""The service layer: what every face of wiredesk (CLI, later web and API) calls."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from wiredesk.errors import InputError, ParseError
from wiredesk.model import Capture, Page
from wiredesk.parse import parse_text
from wiredesk.parse.decode import decode_text
from wiredesk.parse.html import html_to_text, looks_like_html
from wiredesk.sources.files import Incoming
from wiredesk.store import SaveResult, Store, StoredCapture
from wiredesk.stories.versions import MATCHING


def parse_capture(
    capture: Capture,
    *,
    language: str | None = None,
    timezone: str | None = None,
    encoding: str | None = None,
    is_html: bool | None = None,
) -> Page:
    """Decode and parse one capture; raise ``InputError`` or ``ParseError`` for bad copy."""
    text = decode_text(capture.data, capture.source, encoding)
    if is_html or (is_html is None and looks_like_html(text)):
        text = html_to_text(text)
    page = parse_text(
        text,
        captured_at=capture.captured_at,
        language=language,
        timezone=timezone,
        source=capture.source,
    )
    if not page.has_article:
        raise ParseError(capture.source, "no recognisable article: no body text found")
    return page


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
    """Parse and keep every capture; bad copy is kept with its reason, and the run goes on."""
    summary = IngestSummary()
    for item in incoming:
        summary.captures += 1
        if isinstance(item, InputError):
            summary.errors.append(str(item))
        else:
            _ingest_one(store, item, summary, language=language, timezone=timezone)
        if on_capture is not None:
            on_capture(summary)
    return summary


def _ingest_one(
    store: Store,
    item: Incoming,
    summary: IngestSummary,
    *,
    language: str | None,
    timezone: str | None,
) -> None:
    capture = item.capture
    if store.has_capture(capture.data):
        summary.duplicates += 1
        return
    page: Page | None = None
    error: str | None = None
    try:
        page = parse_capture(capture, language=language, timezone=timezone, is_html=item.is_html)
    except (InputError, ParseError) as failure:  # the one broad catch: bad copy is normal
        error = str(failure)
    is_html = bool(item.is_html) or (item.is_html is None and _sniff_html(capture.data))
    result = store.save(
        capture,
        content_type="html" if is_html else "text",
        url=item.url,
        page=page,
        error=error,
        stored_at=datetime.now(UTC),
        matching=MATCHING,
    )
    if not result.is_new_capture:  # another process kept it meanwhile
        summary.duplicates += 1
        return
    if error is not None:
        summary.errors.append(error)
    else:
        summary.pages += 1
    summary.add(result)


def _sniff_html(data: bytes) -> bool:
    return looks_like_html(data[:1024].decode("utf-8", errors="replace"))


def reparse(
    store: Store,
    *,
    on_capture: Callable[[StoredCapture, SaveResult], None] | None = None,
) -> SaveResult:
    """Rebuild every article from the raw archive with the current parser."""

    def parse(stored: StoredCapture) -> Page:
        return parse_capture(stored.capture, is_html=stored.content_type == "html")

    return store.rebuild(parse, MATCHING, on_capture)
