"""Times as wiredesk keeps them: timezone-aware UTC, read from ISO 8601 in one place.

Every time that comes in from outside — a capture's ``captured_at``, a feed
entry's date, a search's ``since`` and ``until`` — goes through ``to_utc`` or
``read_time``. A time without an offset is UTC. A time whose UTC moment falls
outside the years 1 to 9999 is refused with a ``ValueError`` that says so,
instead of the ``OverflowError`` Python raises halfway through arithmetic.
This module imports nothing else from wiredesk.
"""

from __future__ import annotations

from datetime import UTC, datetime


def to_utc(moment: datetime) -> datetime:
    """``moment`` in UTC (a time without an offset is taken as UTC already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{moment.isoformat()} is outside the years 1 to 9999 in UTC") from None


def read_time(value: object) -> datetime:
    """An ISO 8601 time as a UTC moment; ``ValueError`` saying why it is not one."""
    text = str(value)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise ValueError(f"not an ISO 8601 time: {shown!r}") from None
    return to_utc(moment)
