"""Saving what one capture held: the capture itself, its article and its briefs.

All of it happens in the caller's transaction, so a capture is stored whole
or not at all. An article already kept under the same text is a duplicate;
a changed text of a kept story becomes its next version; everything else is new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from wiredesk.model import Capture, Matching, Page, StoryCopy
from wiredesk.store import archive
from wiredesk.store.db import PG_INGEST_LOCK
from wiredesk.store.drafts import Draft, drafts_of
from wiredesk.store.sql import Cursor, statement
from wiredesk.store.stems import index_text

# PostgreSQL's text-search configuration per page language.
PG_CONFIGS = {"nl": "dutch", "en": "english", "de": "german", "fr": "french"}
MAX_CANDIDATES = 20
# Enough characters for the words version and brief matching compare (stories.versions).
LEAD_CHARS = 2000
# The paragraphs of an article a brief is compared with.
LEAD_BLOCKS = 2


@dataclass(slots=True)
class SaveResult:
    """What saving one capture changed."""

    capture_id: int | None = None
    is_new_capture: bool = False
    articles: int = 0  # new stories
    briefs: int = 0  # new briefs
    versions: int = 0  # new versions of kept stories
    duplicates: int = 0  # copies already kept
    error: str | None = None


# The statements ingest runs for every story, written once (see ``sql.py``).
FIND_CAPTURE = statement("SELECT id FROM captures WHERE sha256 = :sha256")
INSERT_CAPTURE = statement(
    "INSERT INTO captures (sha256, source, url, captured_at, stored_at, content_type, size, "
    "data, status, error) VALUES (:sha256, :source, :url, :captured_at, :stored_at, "
    ":content_type, :size, :data, :status, :error) RETURNING id"
)
FIND_KEPT_VERSION = statement(
    "SELECT v.article_id FROM article_versions v JOIN articles a ON a.id = v.article_id "
    "WHERE v.body_hash = :body_hash AND a.kind = :kind LIMIT 1"
)
TOUCH_ARTICLE = statement(
    "UPDATE articles SET last_seen_at = :seen_at WHERE id = :article_id AND last_seen_at < :seen_at"
)
ARTICLE_COLUMNS = (
    "kind", "headline", "standfirst", "byline", "section", "section_key", "language", "place",
    "place_key", "agencies", "date_text", "desk", "body", "body_text", "body_hash", "version",
    "printed_version", "replaces", "age_text", "published_at", "first_seen_at", "last_seen_at",
    "dated_at", "capture_id",
)  # fmt: skip
INSERT_ARTICLE = statement(
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join(':' + name for name in ARTICLE_COLUMNS)}) RETURNING id"
)
UPDATE_ARTICLE = statement(
    "UPDATE articles SET "
    + ", ".join(
        f"{name} = :{name}" for name in ARTICLE_COLUMNS if name not in ("kind", "first_seen_at")
    )
    + " WHERE id = :id"
)
VERSION_COLUMNS = (
    "article_id", "version", "capture_id", "headline", "body", "body_hash", "printed_version",
    "published_at", "seen_at",
)  # fmt: skip
INSERT_VERSION = statement(
    f"INSERT INTO article_versions ({', '.join(VERSION_COLUMNS)}) "
    f"VALUES ({', '.join(':' + name for name in VERSION_COLUMNS)})"
)
LAST_VERSION = statement("SELECT max(version) FROM article_versions WHERE article_id = :article_id")
INSERT_AGENCY = statement(
    "INSERT INTO article_agencies (article_id, agency) VALUES (:article_id, :agency)"
)
DELETE_AGENCIES = statement("DELETE FROM article_agencies WHERE article_id = :article_id")
INSERT_SIGHTING = statement(
    "INSERT INTO sightings (capture_id, article_id, role) VALUES (:capture_id, :article_id, :role)"
)
LINK_BRIEF = statement("UPDATE articles SET full_article_id = :full_id WHERE id = :brief_id")
# Candidates bring only the start of their text: matching compares leads.
SAME_PLACE = statement(
    f"SELECT id, headline, place, substr(body_text, 1, {LEAD_CHARS}) FROM articles "
    "WHERE place_key = :place_key "
    "AND kind = :kind AND dated_at BETWEEN :earliest AND :latest "
    f"ORDER BY dated_at DESC LIMIT {MAX_CANDIDATES}"
)
SAME_HEADLINE = statement(
    f"SELECT id, headline, place, substr(body_text, 1, {LEAD_CHARS}) FROM articles "
    "WHERE headline = :headline "
    f"AND kind = 'article' ORDER BY dated_at DESC LIMIT {MAX_CANDIDATES}"
)
FTS_DELETE = statement("DELETE FROM article_search WHERE rowid = :id")
FTS_INSERT = statement(
    "INSERT INTO article_search (rowid, headline, body) VALUES (:id, :headline, :body)"
)
PG_INDEX = statement(
    "UPDATE articles SET search_vector = "
    "setweight(to_tsvector(CAST(:config AS regconfig), :headline), 'A') || "
    "to_tsvector(CAST(:config AS regconfig), :body) WHERE id = :id"
)
PG_LOCK = statement("SELECT pg_advisory_xact_lock(:key)")


def find_capture(cursor: Cursor, data: bytes) -> int | None:
    found = cursor.one(FIND_CAPTURE, {"sha256": archive.address(data)})
    return int(found[0]) if found is not None else None


def save_capture(
    connection: Connection,
    capture: Capture,
    *,
    content_type: str,
    url: str | None,
    page: Page | None,
    error: str | None,
    stored_at: datetime,
    matching: Matching,
) -> SaveResult:
    """Keep a capture and what its page held; a capture kept before changes nothing."""
    cursor = Cursor(connection)
    if not cursor.is_sqlite:
        cursor.one(PG_LOCK, {"key": PG_INGEST_LOCK})
    if find_capture(cursor, capture.data) is not None:
        return SaveResult()
    row = cursor.one(
        INSERT_CAPTURE,
        {
            "sha256": archive.address(capture.data),
            "source": capture.source,
            "url": url,
            "captured_at": capture.captured_at,
            "stored_at": stored_at,
            "content_type": content_type,
            "size": len(capture.data),
            "data": archive.pack(capture.data),
            "status": "failed" if page is None else "parsed",
            "error": error,
        },
    )
    assert row is not None
    capture_id = int(row[0])
    result = SaveResult(capture_id=capture_id, is_new_capture=True, error=error)
    if page is not None:
        save_page(connection, capture_id, capture.captured_at, page, result, matching)
    return result


def save_page(
    connection: Connection,
    capture_id: int,
    seen_at: datetime,
    page: Page,
    result: SaveResult,
    matching: Matching,
) -> None:
    """Keep the article and briefs of a page already stored as capture ``capture_id``."""
    cursor = Cursor(connection)
    sighted: set[int] = set()
    for draft in drafts_of(page):
        outcome, article_id = _save_draft(cursor, capture_id, seen_at, draft, matching)
        if article_id not in sighted:
            sighted.add(article_id)
            cursor.run(
                INSERT_SIGHTING,
                {"capture_id": capture_id, "article_id": article_id, "role": draft.kind},
            )
        if outcome == "duplicate":
            result.duplicates += 1
        elif outcome == "version":
            result.versions += 1
        elif draft.kind == "article":
            result.articles += 1
        else:
            result.briefs += 1


def _save_draft(
    cursor: Cursor, capture_id: int, seen_at: datetime, draft: Draft, matching: Matching
) -> tuple[str, int]:
    body_hash = draft.body_hash
    kept = cursor.one(FIND_KEPT_VERSION, {"body_hash": body_hash, "kind": draft.kind})
    if kept is not None:
        cursor.run(TOUCH_ARTICLE, {"article_id": kept[0], "seen_at": seen_at})
        return "duplicate", int(kept[0])
    columns = _columns(draft, capture_id, seen_at, body_hash)
    previous = None
    if draft.kind == "article":
        previous = _previous_version(cursor, draft, seen_at, matching)
    if previous is not None:
        _add_version(cursor, previous, capture_id, seen_at, draft, columns)
        article_id, outcome, is_new = previous, "version", False
    else:
        article_id, outcome, is_new = (
            _add_article(cursor, capture_id, seen_at, draft, columns),
            "new",
            True,
        )
    _index(cursor, article_id, draft, is_new=is_new)
    _link_briefs(cursor, article_id, draft, seen_at, matching)
    return outcome, article_id


def _columns(draft: Draft, capture_id: int, seen_at: datetime, body_hash: str) -> dict[str, Any]:
    dateline = draft.dateline
    place = dateline.place if dateline else None
    return {
        "kind": draft.kind,
        "headline": draft.headline,
        "standfirst": draft.standfirst,
        "byline": draft.byline,
        "section": draft.section,
        "section_key": draft.section.casefold() if draft.section else None,
        "language": draft.language,
        "place": place,
        "place_key": place.casefold() if place else None,
        "agencies": "/".join(dateline.agencies) if dateline else "",
        "date_text": dateline.date_text if dateline else None,
        "desk": dateline.desk if dateline else None,
        "body": draft.body_json,
        "body_text": draft.body_text,
        "body_hash": body_hash,
        "version": 1,
        "printed_version": draft.printed_version,
        "replaces": draft.replaces,
        "age_text": draft.age_text,
        "published_at": draft.published_at,
        "first_seen_at": seen_at,
        "last_seen_at": seen_at,
        "dated_at": draft.published_at or seen_at,
        "capture_id": capture_id,
    }


def _add_article(
    cursor: Cursor, capture_id: int, seen_at: datetime, draft: Draft, columns: dict[str, Any]
) -> int:
    row = cursor.one(INSERT_ARTICLE, columns)
    assert row is not None
    article_id = int(row[0])
    _insert_version(cursor, article_id, 1, capture_id, seen_at, draft, columns)
    _insert_agencies(cursor, article_id, draft)
    return article_id


def _insert_agencies(cursor: Cursor, article_id: int, draft: Draft) -> None:
    if draft.dateline and draft.dateline.agencies:
        agencies = sorted({agency.casefold() for agency in draft.dateline.agencies})
        cursor.many(
            INSERT_AGENCY, [{"article_id": article_id, "agency": agency} for agency in agencies]
        )


def _add_version(
    cursor: Cursor,
    article_id: int,
    capture_id: int,
    seen_at: datetime,
    draft: Draft,
    columns: dict[str, Any],
) -> None:
    last = cursor.one(LAST_VERSION, {"article_id": article_id})
    version = int(last[0]) + 1 if last and last[0] is not None else 1
    _insert_version(cursor, article_id, version, capture_id, seen_at, draft, columns)
    changes = {key: value for key, value in columns.items() if key not in ("kind", "first_seen_at")}
    cursor.run(UPDATE_ARTICLE, {**changes, "version": version, "id": article_id})
    cursor.run(DELETE_AGENCIES, {"article_id": article_id})
    _insert_agencies(cursor, article_id, draft)


def _insert_version(
    cursor: Cursor,
    article_id: int,
    version: int,
    capture_id: int,
    seen_at: datetime,
    draft: Draft,
    columns: dict[str, Any],
) -> None:
    cursor.run(
        INSERT_VERSION,
        {
            "article_id": article_id,
            "version": version,
            "capture_id": capture_id,
            "headline": draft.headline,
            "body": columns["body"],
            "body_hash": columns["body_hash"],
            "printed_version": draft.printed_version,
            "published_at": draft.published_at,
            "seen_at": seen_at,
        },
    )


def _candidates(rows: list[tuple[Any, ...]]) -> list[StoryCopy]:
    return [StoryCopy(id=row[0], headline=row[1], place=row[2], body_text=row[3]) for row in rows]


def _previous_version(
    cursor: Cursor, draft: Draft, seen_at: datetime, matching: Matching
) -> int | None:
    """The kept story this draft is a later version of, if any."""
    place = draft.dateline.place if draft.dateline else None
    found: dict[int | None, StoryCopy] = {}
    for headline in filter(None, (draft.replaces, draft.headline)):
        for copy in _candidates(cursor.all(SAME_HEADLINE, {"headline": headline})):
            found.setdefault(copy.id, copy)
    if place:
        window = {"earliest": seen_at - matching.window, "latest": seen_at + matching.window}
        rows = cursor.all(SAME_PLACE, {"place_key": place.casefold(), "kind": "article", **window})
        for copy in _candidates(rows):
            found.setdefault(copy.id, copy)
    if not found:
        return None
    new = StoryCopy(id=None, headline=draft.headline, place=place, body_text=draft.body_text)
    return matching.previous_version(new, draft.replaces, list(found.values()))


def _link_briefs(
    cursor: Cursor, article_id: int, draft: Draft, seen_at: datetime, matching: Matching
) -> None:
    """Link a brief to its full article, whichever of the two arrived first."""
    place = draft.dateline.place if draft.dateline else None
    if not place:
        return
    other_kind = "brief" if draft.kind == "article" else "article"
    rows = cursor.all(
        SAME_PLACE,
        {
            "place_key": place.casefold(),
            "kind": other_kind,
            "earliest": seen_at - matching.window,
            "latest": seen_at + matching.window,
        },
    )
    lead = " ".join(block.text for block in draft.body[:LEAD_BLOCKS])
    for row_id, _headline, _place, body_text in rows:
        if draft.kind == "article":
            is_match = matching.is_brief_of(body_text, lead)
            brief_id, full_id = row_id, article_id
        else:
            article_lead = " ".join(body_text.split("\n")[:LEAD_BLOCKS])
            is_match = matching.is_brief_of(draft.body_text, article_lead)
            brief_id, full_id = article_id, row_id
        if is_match:
            cursor.run(LINK_BRIEF, {"brief_id": brief_id, "full_id": full_id})
            if draft.kind == "brief":
                return


def _index(cursor: Cursor, article_id: int, draft: Draft, *, is_new: bool) -> None:
    """Put the article's words in the full-text index, replacing what was there."""
    headline = " ".join(filter(None, (draft.headline, draft.standfirst)))
    if cursor.is_sqlite:
        if not is_new:
            cursor.run(FTS_DELETE, {"id": article_id})
        cursor.run(
            FTS_INSERT,
            {
                "id": article_id,
                "headline": index_text(headline, draft.language),
                "body": index_text(draft.body_text, draft.language),
            },
        )
    else:
        config = PG_CONFIGS.get(draft.language or "", "simple")
        cursor.run(
            PG_INDEX,
            {"config": config, "headline": headline, "body": draft.body_text, "id": article_id},
        )
