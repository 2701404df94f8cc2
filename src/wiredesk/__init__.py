"""wiredesk: raw news copy in, structured articles out.

The public API of this first stage is the parser: ``parse_text`` turns the text
of one news page into a :class:`Page`, ``parse_html`` an HTML page.
"""

from wiredesk.model import Article, Block, Brief, Dateline, Page, Rail
from wiredesk.parse import parse_html, parse_text

__all__ = ["Article", "Block", "Brief", "Dateline", "Page", "Rail", "parse_html", "parse_text"]
__version__ = "0.1.0"
