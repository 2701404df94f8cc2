"""wiredesk: raw news copy in, structured articles out.

The public API of this first stage is the parser: ``parse_text`` turns the text
of one news page into a :class:`Page`, ``parse_html`` an HTML page. The parser
loads when one of them is first asked for, so that the commands that only read
the store (``wiredesk search``) start without it.
"""

from typing import TYPE_CHECKING, Any

from wiredesk.model import Article, Block, Brief, Dateline, Page, Rail

if TYPE_CHECKING:
    from wiredesk.parse import parse_html, parse_text

__all__ = ["Article", "Block", "Brief", "Dateline", "Page", "Rail", "parse_html", "parse_text"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in ("parse_html", "parse_text"):
        from wiredesk import parse

        return getattr(parse, name)
    raise AttributeError(f"module 'wiredesk' has no attribute {name!r}")
