"""The service layer: what every face of wiredesk (CLI, later web and API) calls."""

from __future__ import annotations

from wiredesk.errors import ParseError
from wiredesk.model import Capture, Page
from wiredesk.parse import parse_text
from wiredesk.parse.decode import decode_text


def parse_capture(
    capture: Capture,
    *,
    language: str | None = None,
    timezone: str | None = None,
    encoding: str | None = None,
) -> Page:
    """Decode and parse one capture; raise ``InputError`` or ``ParseError`` for bad copy."""
    text = decode_text(capture.data, capture.source, encoding)
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
