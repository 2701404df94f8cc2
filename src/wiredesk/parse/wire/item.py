"""``WireItem``: what every wire reader takes out of an item, in one shape.

Each reader (telex, NITF, NewsML 1.2, NewsML-G2, NINJS) fills one; the
assembly turns it into a ``Page`` the same way for all, so a dateline, a
trailer or a sub-heading is told by one set of rules whatever the format.
Times may still lack a zone here: the assembly reads them in the page's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wiredesk.model import Wire
from wiredesk.parse.wire.body import Part


@dataclass(frozen=True, slots=True, kw_only=True)
class WireItem:
    """One agency item as read, before it becomes a page.

    ``dateline`` is a dateline element as the agency gives it ("NAIROBI, March
    3, 2026 (AFP) -", or a bare "Tampere"); ``located`` the place the item says
    it was written in. Both are used only when the body prints no dateline.
    ``parts`` is the body with its dateline and trailers still in; ``dropped``
    what the reader left out of it (header lines, notes).
    """

    wire: Wire
    headline: str | None
    parts: tuple[Part, ...]
    byline: str | None = None
    standfirst: str | None = None
    dateline: str | None = None
    located: str | None = None
    language: str | None = None
    published_at: datetime | None = None
    dropped: tuple[str, ...] = ()
