"""Reading RSS 0.9x, 1.0, 2.0 and Atom feeds (feedparser) into entries, and entries into
captures.

Feeds come from servers wiredesk does not control. Before feedparser sees a
body, it is read once by defusedxml, which refuses entity declarations
(the "billion laughs" bomb and its kin) and external entities; a body that is
merely malformed XML is left to feedparser, whose lenient reading saves many
real feeds (an undefined ``&nbsp;``), and is an error only when no entry comes
out of it. An HTML page where a feed was expected is named as such.
"""

from __future__ import annotations

import hashlib
import html
import io
from calendar import timegm
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.etree.ElementTree import ParseError as XMLParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from wiredesk.errors import SourceError
from wiredesk.model import Capture

# What an HTML page starts with, after a byte-order mark and white space.
HTML_STARTS = (b"<!doctype html", b"<html")
# A feed's title is kept to this many characters: a name to show in a list, not a text.
MAX_TITLE_CHARS = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One item of a feed, as wiredesk takes it."""

    key: str  # SHA-256 of the entry's id, else its link, else its title and summary
    link: str | None
    title: str | None
    summary: str | None
    is_summary_html: bool
    published_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedBody:
    """What a feed body holds: the title the feed gives itself, and its entries."""

    title: str | None
    entries: tuple[Entry, ...]


def read_feed(data: bytes, url: str, content_type: str | None = None) -> FeedBody:
    """The title and entries of a feed body; ``SourceError`` when it is hostile or not a feed."""
    refuse_entities(data, url)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(HTML_STARTS):
        said = f" ({content_type})" if content_type else ""
        raise SourceError(url, f"got an HTML page{said}, not an RSS or Atom feed")
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # A stream, never a string: feedparser would take a string that looks like a URL or a
    # path as one, and go and fetch it.
    parsed = feedparser.parse(
        io.BytesIO(data), response_headers=headers, resolve_relative_uris=True
    )
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception")
        why = f": {problem}" if problem else ""
        raise SourceError(url, f"not an RSS or Atom feed{why}")
    return FeedBody(
        title=(_clean(parsed.feed.get("title")) or "")[:MAX_TITLE_CHARS] or None,
        entries=tuple(_entry(item) for item in parsed.entries),
    )


def refuse_entities(data: bytes, url: str) -> None:
    """Refuse a body that declares XML entities or refers to external ones."""
    try:
        defused_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise SourceError(
            url, f"refused: the feed declares XML entities, as entity bombs do ({error})"
        ) from None
    except (XMLParseError, ValueError):
        pass  # malformed: feedparser's lenient reading decides


def _entry(item: Any) -> Entry:
    link = item.get("link") or None
    title = _clean(item.get("title"))
    detail = item.get("summary_detail") or {}
    summary = item.get("summary") or None
    contents = item.get("content") or []
    if contents and len(contents[0].get("value", "")) > len(summary or ""):
        detail = contents[0]
        summary = contents[0].get("value") or None
    identity = item.get("id") or link or f"{title}\n{summary}"
    # dict.get: feedparser's own get maps a missing "updated_parsed" to "published_parsed"
    # with a DeprecationWarning.
    published = dict.get(item, "published_parsed") or dict.get(item, "updated_parsed")
    return Entry(
        key=hashlib.sha256(str(identity).encode("utf-8", errors="replace")).hexdigest(),
        link=str(link) if link else None,
        title=title,
        summary=summary,
        is_summary_html=detail.get("type") in ("text/html", "application/xhtml+xml"),
        published_at=_entry_time(published),
    )


def _entry_time(parsed: Any) -> datetime | None:
    """An entry's date as feedparser reads it, in UTC; None for a date past the calendar
    ("9999-12-31T23:00:00-05:00" is in the year 10000 in UTC)."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def entry_capture(
    entry: Entry, feed_url: str, captured_at: datetime, section: str | None = None
) -> Capture:
    """An entry as a capture: its title as the headline, its summary as the body; filed
    under the feed's ``section`` and dated by the entry's date."""
    title = entry.title or ""
    summary = entry.summary or ""
    if entry.is_summary_html:
        data = f"<html><body><h1>{html.escape(title)}</h1>\n<div>{summary}</div></body></html>"
    else:
        data = f"{title}\n\n{summary}\n"
    return Capture(
        data=data.encode("utf-8", errors="replace"),
        source=entry.link or feed_url,
        captured_at=captured_at,
        captured_at_from="now",
        content_type="html" if entry.is_summary_html else "text",
        url=entry.link,
        section=section,
        published_at=entry.published_at,
    )


def page_capture(
    entry: Entry, body: bytes, page_url: str, captured_at: datetime, section: str | None = None
) -> Capture:
    """An entry's linked page, fetched, as an HTML capture filed under the feed's ``section``;
    the entry's date dates it when the page gives none."""
    return Capture(
        data=body,
        source=page_url,
        captured_at=captured_at,
        captured_at_from="now",
        content_type="html",
        url=entry.link or page_url,
        section=section,
        published_at=entry.published_at,
    )
