"""Candidates: the kept stories a new draft may continue or be linked to, looked up for matching.

A draft of an article may be a later version of a kept story (one of the same
headline, or of the same place near in time); a brief may be the lead of a
kept article, and an article the full text of kept briefs. Here the store
finds those candidates with their kept leads, and ``Matching`` (the caller's
rules) decides which of them match; ``save.py`` writes what follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from wiredesk.model import Matching, StoryCopy
from wiredesk.store.drafts import SLUG_KEY, Draft
from wiredesk.store.sql import Cursor, statement

MAX_CANDIDATES = 20
# Enough characters for a lead that matching works out (a story kept before its lead was).
LEAD_CHARS = 2000

# Candidates bring their kept lead; only a story kept before leads were brings its text.
KEPT_LEAD = (
    f"l.shingles, CASE WHEN l.shingles IS NULL THEN substr(a.body_text, 1, {LEAD_CHARS}) END "
    "FROM articles a LEFT JOIN article_leads l ON l.article_id = a.id "
)
OF_PLACE = (
    "WHERE a.place_key = :place_key AND a.kind = :kind "
    "AND a.dated_at BETWEEN :earliest AND :latest "
    f"ORDER BY a.dated_at DESC LIMIT {MAX_CANDIDATES}"
)
SAME_PLACE = statement(
    "SELECT a.id, a.headline, a.place, a.item_id, " + KEPT_LEAD + OF_PLACE,
    times=("earliest", "latest"),
)
SAME_HEADLINE = statement(
    "SELECT a.id, a.headline, a.place, a.item_id, " + KEPT_LEAD + "WHERE a.headline = :headline "
    f"AND a.kind = 'article' ORDER BY a.dated_at DESC LIMIT {MAX_CANDIDATES}"
)
# A later version of an agency item finds its story by the item's id; a telex slug
# standing in for one (``SLUG_KEY``) only among the stories near it in time.
SAME_ITEM = statement(
    "SELECT id FROM articles WHERE item_id = :item_id AND kind = 'article' "
    "ORDER BY dated_at DESC, id DESC LIMIT 1"
)
SAME_SLUG = statement(
    "SELECT id FROM articles WHERE item_id = :item_id AND kind = 'article' "
    "AND dated_at BETWEEN :earliest AND :latest ORDER BY dated_at DESC, id DESC LIMIT 1",
    times=("earliest", "latest"),
)
# Linking a brief needs leads alone: the index finds the stories, and their rows are
# read only for a story kept without its lead.
LEADS_OF_PLACE = statement("SELECT a.id, " + KEPT_LEAD + OF_PLACE, times=("earliest", "latest"))


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefLink:
    """A brief and the kept story that is its full article."""

    brief_id: int
    full_id: int


def previous_version(
    cursor: Cursor, draft: Draft, lead: bytes, seen_at: datetime, matching: Matching
) -> int | None:
    """The kept story this draft is another version of, if any: the story of the same
    agency item, else the one ``matching`` finds among those like it."""
    item_id = draft.item_id
    if item_id is not None:
        if item_id.startswith(SLUG_KEY):
            row = cursor.one(SAME_SLUG, {"item_id": item_id, **_window(seen_at, matching)})
        else:
            row = cursor.one(SAME_ITEM, {"item_id": item_id})
        if row is not None:
            return int(row[0])
    place = draft.dateline.place if draft.dateline else None
    found: dict[int | None, StoryCopy] = {}
    for headline in filter(None, (draft.replaces, draft.headline)):
        rows = cursor.all(SAME_HEADLINE, {"headline": headline})
        for copy in _candidates(rows, item_id, matching):
            found.setdefault(copy.id, copy)
    if place:
        rows = cursor.all(
            SAME_PLACE,
            {"place_key": place.casefold(), "kind": "article", **_window(seen_at, matching)},
        )
        for copy in _candidates(rows, item_id, matching):
            found.setdefault(copy.id, copy)
    if not found:
        return None
    new = StoryCopy(id=None, headline=draft.headline, place=place, lead=lead)
    return matching.previous_version(new, draft.replaces, list(found.values()))


def brief_links(
    cursor: Cursor,
    article_id: int,
    draft: Draft,
    lead: bytes,
    seen_at: datetime,
    matching: Matching,
) -> list[BriefLink]:
    """The links between the story ``article_id`` (kept from ``draft``) and kept stories of
    the other kind: a brief to its full article, whichever of the two arrived first."""
    place = draft.dateline.place if draft.dateline else None
    if not place:
        return []
    other_kind = "brief" if draft.kind == "article" else "article"
    rows = cursor.all(
        LEADS_OF_PLACE,
        {"place_key": place.casefold(), "kind": other_kind, **_window(seen_at, matching)},
    )
    ids = [row[0] for row in rows]
    leads = [_lead(kept, text, matching) for _, kept, text in rows]
    if draft.kind == "article":
        return [
            BriefLink(brief_id=brief_id, full_id=article_id)
            for brief_id, is_match in zip(ids, matching.briefs_of(lead, leads), strict=True)
            if is_match
        ]
    found = matching.article_of(lead, leads)
    if found is None:
        return []
    return [BriefLink(brief_id=article_id, full_id=ids[found])]


def _candidates(
    rows: list[tuple[Any, ...]], item_id: str | None, matching: Matching
) -> list[StoryCopy]:
    """Stories as matching compares them, from rows of ``SAME_PLACE`` or ``SAME_HEADLINE``;
    a story of another agency item than the draft's (``item_id``) is none of them."""
    return [
        StoryCopy(id=row[0], headline=row[1], place=row[2], lead=_lead(row[4], row[5], matching))
        for row in rows
        if item_id is None or row[3] is None or row[3] == item_id
    ]


# The ends of the calendar, where a window around a capture of its first or last days stops.
FIRST_MOMENT = datetime.min.replace(tzinfo=UTC)
LAST_MOMENT = datetime.max.replace(tzinfo=UTC)


def _window(seen_at: datetime, matching: Matching) -> dict[str, datetime]:
    """The times within which copies of one story are looked for (``OF_PLACE``); a capture
    of the calendar's first or last days looks as far as it goes."""
    earliest = (
        FIRST_MOMENT if seen_at - FIRST_MOMENT < matching.window else seen_at - matching.window
    )
    latest = LAST_MOMENT if LAST_MOMENT - seen_at < matching.window else seen_at + matching.window
    return {"earliest": earliest, "latest": latest}


def _lead(kept: bytes | None, text: str | None, matching: Matching) -> bytes:
    """A candidate's kept lead (``KEPT_LEAD``); one kept without its lead has it worked out."""
    if kept is not None:
        return bytes(kept)
    assert text is not None
    return matching.lead(text)
