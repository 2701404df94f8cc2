"""Query parameters read strictly: a bad one is a 400 saying which and why, never a 500."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from wiredesk.query import Filters
from wiredesk.serve.problems import N_, Problem

PAGE_SIZE = 20
MAX_PAGE = 10_000
KINDS = ("article", "brief")
MAX_TEXT = 200
# Ids are 32-bit integers in the database: a larger one names nothing.
MAX_ID = 2**31 - 1


def text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT or "\x00" in value:
        raise Problem(400, N_("%(name)s is too long or holds a character it cannot"), name=name)
    return value.strip()


def number(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        found = int(value)
    except ValueError:
        raise Problem(
            400, N_("%(name)s must be a whole number, not %(value)r"), name=name, value=value[:40]
        ) from None
    if not low <= found <= high:
        raise Problem(
            400, N_("%(name)s must be between %(low)s and %(high)s"), name=name, low=low, high=high
        )
    return found


def moment(params: Mapping[str, str], name: str) -> datetime | None:
    value = text(params, name)
    if value is None:
        return None
    try:
        found = datetime.fromisoformat(value)
    except ValueError:
        raise Problem(
            400,
            N_("%(name)s must be a date or time such as 2026-03-18 or 2026-03-18T14:00:00Z"),
            name=name,
        ) from None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def filters(params: Mapping[str, str]) -> Filters:
    """The filters of ``wiredesk search``, from a query string."""
    kind = text(params, "kind")
    if kind is not None and kind not in KINDS:
        raise Problem(400, N_("kind must be article or brief"))
    return Filters(
        section=text(params, "section"),
        agency=text(params, "agency"),
        place=text(params, "place"),
        language=text(params, "language"),
        kind=kind,
        since=moment(params, "since"),
        until=moment(params, "until"),
    )


def page(params: Mapping[str, str]) -> int:
    """The page number of a paginated list, from 1."""
    return number(params, "page", 1, 1, MAX_PAGE)
