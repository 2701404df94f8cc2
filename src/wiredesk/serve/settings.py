"""How a server runs (``Settings``), and the ``Site`` every request handler reaches: the store,
the templates, the zone and the clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import cast
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from starlette.requests import Request

from wiredesk.model import Section
from wiredesk.serve.slugs import slugify
from wiredesk.serve.templating import Renderer
from wiredesk.store import Store

DEFAULT_ZONE = "Europe/Amsterdam"
# The store's sections are read again at most this often; the site's menu shows this many.
SECTIONS_SECONDS = 10.0
NAV_SECTIONS = 10


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """A server's database, its write token (None: read-only), the zone it shows times
    in, its clock, and the address its readers reach it at (``base_url``; None: the
    one each request names in its ``Host`` header)."""

    db: str
    token: str | None = None
    zone: str = DEFAULT_ZONE
    clock: Callable[[], datetime] = field(default=_now)
    base_url: str | None = None


def read_base_url(text: str) -> str:
    """A site's address as given (``https://news.example/``, ``http://host:8000/desk``),
    without its last slash; ``ValueError`` saying what is wrong with another."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{text!r} is not an http:// or https:// address")
    if parts.query or parts.fragment or "@" in parts.netloc:
        raise ValueError(f"{text!r} must be a plain address, without a query, fragment or user")
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path.rstrip("/"), "", ""))


@dataclass(slots=True, kw_only=True)
class Site:
    """What every request handler reaches through ``request.app.state.site``."""

    store: Store
    settings: Settings
    renderer: Renderer
    zone: ZoneInfo

    known: tuple[float, list[Section]] = (0.0, [])

    def now(self) -> datetime:
        return self.settings.clock()

    def sections(self) -> list[Section]:
        """The store's sections, read again at most every ``SECTIONS_SECONDS``: counting
        them reads every story, and they change only as pages come in."""
        read_at, sections = self.known
        if time.monotonic() - read_at > SECTIONS_SECONDS or not sections:
            sections = self.store.sections(now=self.now())
            self.known = (time.monotonic(), sections)
        return sections

    def forget_sections(self) -> None:
        """After a page came in through this server: read the sections again."""
        self.known = (0.0, [])

    def nav(self) -> list[dict[str, str]]:
        """The sections for the site's menu."""
        return [
            {"name": section.name, "url": f"/section/{slugify(section.name)}"}
            for section in self.sections()[:NAV_SECTIONS]
        ]


def site_of(request: Request) -> Site:
    return cast(Site, request.app.state.site)
