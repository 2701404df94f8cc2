"""Parsing: pure functions from raw news copy to a ``Page``.

No I/O, no database, no clock: the capture time comes in as an argument, so
the same input always gives the same output. ``parse_capture`` takes any
capture to its page; ``parse_text`` and ``parse_html`` read text already decoded.
"""

from wiredesk.parse.capture import content_type_of, parse_capture
from wiredesk.parse.html import parse_html
from wiredesk.parse.text import parse_text

__all__ = ["content_type_of", "parse_capture", "parse_html", "parse_text"]
