"""The way from a capture to a page: tell wire copy, HTML and text apart, decode the bytes,
choose the reader, and say why when no article comes out.

``parse_capture`` is the one entry point every route in takes (files, JSON
Lines records, uploads, feeds, and parsing the archive again), so that what
one route gets, all get. It is pure, like the readers it calls.
"""

from __future__ import annotations

from dataclasses import replace

from wiredesk.errors import InputError, ParseError
from wiredesk.model import MAX_CAPTURE_BYTES, TOO_LARGE, Capture, ContentType, Page
from wiredesk.moments import to_utc
from wiredesk.parse.decode import UTF16_BOMS, decode_html, decode_text
from wiredesk.parse.html import (
    SNIFF_CHARS,
    looks_like_html,
    parse_html,
    visible_text,
)
from wiredesk.parse.text import parse_text
from wiredesk.parse.wire import read_wire, sniff_wire


def parse_capture(capture: Capture) -> Page:
    """The page a capture holds; ``InputError`` or ``ParseError`` for bad copy.

    What the capture's source said is used as the parsers' context: the
    language, the zone of printed times, the encoding, the address and the
    section. Its ``published_at`` dates an article that prints no date.
    """
    if len(capture.data) > MAX_CAPTURE_BYTES:
        raise InputError(capture.source, TOO_LARGE)
    try:
        captured_at = to_utc(capture.captured_at)
        hinted_at = to_utc(capture.published_at) if capture.published_at else None
    except ValueError as error:
        raise InputError(capture.source, f"capture time: {error}") from None
    language, timezone, source = capture.language, capture.timezone, capture.source
    section = capture.section
    # Wire copy is told by its content before HTML and text are: its XML root, its
    # JSON keys, its telex control characters or header (never its file name).
    wire_kind = sniff_wire(capture.data)
    if wire_kind is not None:
        page = read_wire(
            capture.data,
            wire_kind,
            source=source,
            captured_at=captured_at,
            language=language,
            timezone=timezone,
            section=section,
            encoding=capture.encoding,
        )
    elif content_type_of(capture) == "html":
        html = decode_html(capture.data, capture.source, capture.encoding)
        page = parse_html(
            html,
            captured_at=captured_at,
            language=language,
            timezone=timezone,
            source=source,
            url=capture.url,
            section=section,
        )
        if not page.has_article:
            raise ParseError(capture.source, _why_no_article(html))
    else:
        text = decode_text(capture.data, capture.source, capture.encoding)
        page = parse_text(
            text,
            captured_at=captured_at,
            language=language,
            timezone=timezone,
            source=source,
            section=section,
        )
        if not page.has_article:
            raise ParseError(capture.source, "no recognisable article: no body text found")
    if hinted_at is not None and page.article.published_at is None:
        page = replace(page, article=replace(page.article, published_at=hinted_at))
    return page


def content_type_of(capture: Capture) -> ContentType:
    """Whether a capture is read as HTML or as text.

    A source's word decides, but a capture said to be HTML must hold a tag (a
    ``.html`` file of copied text is text); without a word, the bytes tell.
    """
    if capture.content_type == "text":
        return "text"
    if capture.content_type == "html" and b"<" in capture.data:
        return "html"
    return "html" if sniff_html(capture.data) else "text"


def sniff_html(data: bytes) -> bool:
    """Whether a capture's bytes are HTML, told by their start (UTF-16 pages included)."""
    head = data[:SNIFF_CHARS]
    if head.startswith(UTF16_BOMS):
        return looks_like_html(head.decode("utf-16", errors="replace"))
    return looks_like_html(head.decode("utf-8", errors="replace"))


def _why_no_article(html: str) -> str:
    """Why an HTML page gave no article, in words a user can act on."""
    text = visible_text(html)
    if not text:
        return "no recognisable article: the HTML page shows no text (only markup or scripts)"
    return (
        f"no recognisable article: the HTML page shows {len(text):,} characters of text "
        "but no story among them"
    )
