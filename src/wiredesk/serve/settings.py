"""How a server runs, and what every request handler reaches: the store, the templates."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

from starlette.requests import Request

from wiredesk.serve.slugs import slugify
from wiredesk.store import Store

if TYPE_CHECKING:
    from wiredesk.serve.render import Renderer

DEFAULT_ZONE = "Europe/Amsterdam"
# The site's menu of sections is read again at most this often, and holds this many.
NAV_SECONDS = 30.0
NAV_SECTIONS = 10


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """A server's database, its write token (None: read-only), the zone it shows times
    in, and its clock."""

    db: str
    token: str | None = None
    zone: str = DEFAULT_ZONE
    clock: Callable[[], datetime] = field(default=_now)


@dataclass(slots=True, kw_only=True)
class Desk:
    """What every request handler reaches through ``request.app.state.desk``."""

    store: Store
    settings: Settings
    renderer: Renderer
    zone: ZoneInfo

    nav_cache: tuple[float, list[dict[str, str]]] = (0.0, [])

    def now(self) -> datetime:
        return self.settings.clock()

    def nav(self) -> list[dict[str, str]]:
        """The sections for the site's menu, read again at most every ``NAV_SECONDS``."""
        read_at, sections = self.nav_cache
        if time.monotonic() - read_at > NAV_SECONDS or not sections:
            sections = [
                {"name": section.name, "url": f"/section/{slugify(section.name)}"}
                for section in self.store.sections()[:NAV_SECTIONS]
            ]
            self.nav_cache = (time.monotonic(), sections)
        return sections


def desk_of(request: Request) -> Desk:
    return cast(Desk, request.app.state.desk)
