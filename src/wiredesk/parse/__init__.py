"""Parsing: pure functions from raw news copy to a ``Page``.

No I/O, no database, no clock: the capture time comes in as an argument, so
the same input always gives the same output.
"""

from wiredesk.parse.html import parse_html
from wiredesk.parse.text import parse_text

__all__ = ["parse_html", "parse_text"]
