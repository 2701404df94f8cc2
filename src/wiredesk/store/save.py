"""Saving what one capture held: the capture itself, its article and its briefs.

All of it happens in the caller's transaction, so a capture is stored whole
or not at all. An article already kept under the same text is a duplicate;
a changed text of a kept story becomes its next version; everything else is new.
Which kept story a draft continues, and which briefs it links, is looked up in
``candidates``; this module writes the rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from wiredesk.json_records import wire_to_json
from wiredesk.model import Keep, Matching, Page, SaveResult, VersionMark
from wiredesk.store import archive
from wiredesk.store.candidates import brief_links, previous_version
from wiredesk.store.db import PG_INGEST_LOCK
from wiredesk.store.drafts import Draft, decode_body, drafts_of, encode_body
from wiredesk.store.findings import FindingRows
from wiredesk.store.indexing import STORED_COLUMNS, Entry, IndexWrites
from wiredesk.store.sql import Cursor, Statement, read_time, statement


@dataclass(frozen=True, slots=True, kw_only=True)
class SavedDraft:
    """A draft kept: its story's id, and whether it is a new version of a kept story."""

    article_id: int
    is_version: bool


# The statements ingest runs for every story, written once (see ``sql.py``).
FIND_CAPTURE = statement("SELECT id FROM captures WHERE sha256 = :sha256")
CAPTURE_COLUMNS = (
    "sha256", "source", "url", "section", "language", "timezone", "encoding", "published_at",
    "captured_at", "stored_at", "content_type", "size", "data", "status", "error",
)  # fmt: skip
INSERT_CAPTURE = statement(
    f"INSERT INTO captures ({', '.join(CAPTURE_COLUMNS)}) "
    f"VALUES ({', '.join(':' + name for name in CAPTURE_COLUMNS)}) RETURNING id",
    times=("published_at", "captured_at", "stored_at"),
)
# Every kept copy of a page's drafts, in one look-up: the hashes come as a JSON array.
FIND_KEPT_VERSIONS = Statement(
    sqlite="SELECT v.body_hash, a.kind, v.article_id FROM article_versions v "
    "JOIN articles a ON a.id = v.article_id "
    "WHERE v.body_hash IN (SELECT value FROM json_each(:hashes))",
    postgresql="SELECT v.body_hash, a.kind, v.article_id FROM article_versions v "
    "JOIN articles a ON a.id = v.article_id "
    # "= ANY(ARRAY(...))", not "IN (SELECT ...)": the planner then looks the hashes up in
    # the index instead of hashing every version kept (a scan that grew with the store).
    "WHERE v.body_hash = ANY(ARRAY(SELECT jsonb_array_elements_text(CAST(%(hashes)s AS jsonb))))",
)
TOUCH_ARTICLE = statement(
    "UPDATE articles SET last_seen_at = :seen_at "
    "WHERE id = :article_id AND last_seen_at < :seen_at",
    times=("seen_at",),
)
ARTICLE_COLUMNS = (
    "kind", "headline", "standfirst", "byline", "section", "section_key", "language", "place",
    "place_key", "agencies", "date_text", "desk", "body", "body_text", "body_hash", "version",
    "printed_version", "replaces", "age_text", "published_at", "first_seen_at", "last_seen_at",
    "dated_at", "capture_id", "item_id", "wire", "is_correction", "is_killed", "embargoed_at",
)  # fmt: skip
ARTICLE_TIMES = ("published_at", "first_seen_at", "last_seen_at", "dated_at", "embargoed_at")
INSERT_ARTICLE = statement(
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join(':' + name for name in ARTICLE_COLUMNS)}) RETURNING id",
    times=ARTICLE_TIMES,
)
UPDATED_COLUMNS = tuple(name for name in ARTICLE_COLUMNS if name not in ("kind", "first_seen_at"))
UPDATE_ARTICLE = statement(
    "UPDATE articles SET "
    + ", ".join(f"{name} = :{name}" for name in UPDATED_COLUMNS)
    + " WHERE id = :id",
    times=tuple(name for name in ARTICLE_TIMES if name in UPDATED_COLUMNS),
)
VERSION_COLUMNS = (
    "article_id", "version", "capture_id", "headline", "body", "body_hash", "printed_version",
    "published_at", "seen_at", "sequence", "is_correction",
)  # fmt: skip
INSERT_VERSION = statement(
    f"INSERT INTO article_versions ({', '.join(VERSION_COLUMNS)}) "
    f"VALUES ({', '.join(':' + name for name in VERSION_COLUMNS)})",
    times=("published_at", "seen_at"),
)
# A story's versions as ordering compares them (``VersionMark``), oldest first.
VERSION_MARKS = statement(
    "SELECT sequence, published_at FROM article_versions "
    "WHERE article_id = :article_id ORDER BY version"
)
# Making room for a version among the kept ones: the later ones move up by one, through
# negative numbers, so that no two versions hold one number on the way.
MOVE_LATER_VERSIONS = statement(
    "UPDATE article_versions SET version = -version - 1 "
    "WHERE article_id = :article_id AND version >= :version"
)
RESTORE_MOVED_VERSIONS = statement(
    "UPDATE article_versions SET version = -version WHERE article_id = :article_id AND version < 0"
)
COUNT_PAST_VERSION = statement(
    "UPDATE articles SET version = version + 1, "
    "first_seen_at = CASE WHEN first_seen_at > :seen_at THEN :seen_at ELSE first_seen_at END, "
    "last_seen_at = CASE WHEN last_seen_at < :seen_at THEN :seen_at ELSE last_seen_at END "
    "WHERE id = :id",
    times=("seen_at",),
)
# A story's current version: its number, its layout, and what its index entry comes from.
CURRENT_COLUMNS = ("version", "body", "last_seen_at", *STORED_COLUMNS)
CURRENT_VERSION = statement(f"SELECT {', '.join(CURRENT_COLUMNS)} FROM articles WHERE id = :id")
KEEP_PAST_BODY = statement(
    "UPDATE article_versions SET body = :body WHERE article_id = :article_id AND version = :version"
)
INSERT_AGENCY = statement(
    "INSERT INTO article_agencies (article_id, agency) VALUES (:article_id, :agency)"
)
DELETE_AGENCIES = statement("DELETE FROM article_agencies WHERE article_id = :article_id")
INSERT_SIGHTING = statement(
    "INSERT INTO sightings (capture_id, article_id, role) VALUES (:capture_id, :article_id, :role)"
)
LINK_BRIEF = statement("UPDATE articles SET full_article_id = :full_id WHERE id = :brief_id")
KEEP_LEAD = statement(
    "INSERT INTO article_leads (article_id, shingles) VALUES (:article_id, :shingles) "
    "ON CONFLICT (article_id) DO UPDATE SET shingles = excluded.shingles"
)
PG_LOCK = statement("SELECT pg_advisory_xact_lock(:key)")


def save_capture(
    connection: Connection,
    keep: Keep,
    *,
    stored_at: datetime,
    matching: Matching,
    index: IndexWrites,
) -> SaveResult:
    """Keep a capture, what its source said of it, and what its page held; a capture
    kept before changes nothing.

    Its stories' words go to ``index``, which the caller applies before it commits.
    """
    cursor = Cursor(connection)
    if not cursor.is_sqlite:
        cursor.one(PG_LOCK, {"key": PG_INGEST_LOCK})
    capture, page = keep.capture, keep.page
    address = archive.address(capture.data)
    kept = cursor.one(FIND_CAPTURE, {"sha256": address})
    if kept is not None:  # the same bytes were kept before: that capture, nothing new
        return SaveResult(capture_id=int(kept[0]))
    row = cursor.one(
        INSERT_CAPTURE,
        {
            "sha256": address,
            "source": capture.source,
            "url": capture.url or (page.url if page is not None else None),
            "section": capture.section,
            "language": capture.language,
            "timezone": capture.timezone,
            "encoding": capture.encoding,
            "published_at": capture.published_at,
            "captured_at": capture.captured_at,
            "stored_at": stored_at,
            "content_type": capture.content_type or "text",
            "size": len(capture.data),
            "data": archive.pack(capture.data),
            "status": "failed" if page is None else "parsed",
            "error": keep.error,
        },
    )
    assert row is not None
    capture_id = int(row[0])
    result = SaveResult(capture_id=capture_id, is_new_capture=True, error=keep.error)
    if page is not None:
        save_page(connection, capture_id, capture.captured_at, page, result, matching, index)
    return result


def save_page(
    connection: Connection,
    capture_id: int,
    seen_at: datetime,
    page: Page,
    result: SaveResult,
    matching: Matching,
    index: IndexWrites,
) -> None:
    """Keep the article and briefs of a page already stored as capture ``capture_id``, and
    what enrichment found in them; their words go to ``index``."""
    cursor = Cursor(connection)
    drafts = drafts_of(page)
    found = FindingRows()
    kept = _kept_copies(cursor, drafts)
    sighted: dict[int, str] = {}
    touched: list[int] = []
    for draft in drafts:
        article_id = kept.get((draft.body_hash, draft.kind))
        if article_id is not None:
            touched.append(article_id)
            result.duplicates += 1
        else:
            saved = _save_draft(cursor, capture_id, seen_at, draft, matching, index, found)
            article_id = saved.article_id
            kept[(draft.body_hash, draft.kind)] = article_id
            if saved.is_version:
                result.versions += 1
            elif draft.kind == "article":
                result.articles += 1
            else:
                result.briefs += 1
        sighted.setdefault(article_id, draft.kind)
    cursor.many(
        TOUCH_ARTICLE, [{"article_id": article_id, "seen_at": seen_at} for article_id in touched]
    )
    cursor.many(
        INSERT_SIGHTING,
        [
            {"capture_id": capture_id, "article_id": article_id, "role": role}
            for article_id, role in sighted.items()
        ],
    )
    found.write(cursor)


def _kept_copies(cursor: Cursor, drafts: list[Draft]) -> dict[tuple[str, str], int]:
    """The stories already kept under the text of each draft, by (body hash, kind)."""
    if not drafts:
        return {}
    hashes = json.dumps(sorted({draft.body_hash for draft in drafts}))
    kept: dict[tuple[str, str], int] = {}
    for body_hash, kind, article_id in cursor.all(FIND_KEPT_VERSIONS, {"hashes": hashes}):
        kept.setdefault((body_hash, kind), int(article_id))
    return kept


def _save_draft(
    cursor: Cursor,
    capture_id: int,
    seen_at: datetime,
    draft: Draft,
    matching: Matching,
    index: IndexWrites,
    found: FindingRows,
) -> SavedDraft:
    """Keep a draft not kept before, as a new story or a new version of a kept one; its
    findings go to ``found`` when it is the story's current version."""
    columns = _columns(draft, capture_id, seen_at)
    lead = matching.lead(draft.body_text)
    previous = None
    if draft.kind == "article":
        previous = previous_version(cursor, draft, lead, seen_at, matching)
    if previous is not None:
        is_current = _add_version(
            cursor, previous, capture_id, seen_at, draft, columns, matching, index
        )
        article_id = previous
        if not is_current:  # an earlier version: the story, its lead and its links stay
            return SavedDraft(article_id=article_id, is_version=True)
        found.replace(cursor, article_id, draft)
    else:
        article_id = _add_article(cursor, capture_id, seen_at, draft, columns)
        index.add(article_id, _entry(draft))
        found.add(article_id, draft)
    cursor.run(KEEP_LEAD, {"article_id": article_id, "shingles": lead})
    for link in brief_links(cursor, article_id, draft, lead, seen_at, matching):
        cursor.run(LINK_BRIEF, {"brief_id": link.brief_id, "full_id": link.full_id})
    return SavedDraft(article_id=article_id, is_version=previous is not None)


def _columns(draft: Draft, capture_id: int, seen_at: datetime) -> dict[str, Any]:
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
        "body": draft.body_layout,
        "body_text": draft.body_text,
        "body_hash": draft.body_hash,
        "version": 1,
        "printed_version": draft.printed_version,
        "replaces": draft.replaces,
        "age_text": draft.age_text,
        "published_at": draft.published_at,
        "first_seen_at": seen_at,
        "last_seen_at": seen_at,
        "dated_at": draft.published_at or seen_at,
        "capture_id": capture_id,
        "item_id": draft.item_id,
        "wire": json.dumps(wire_to_json(draft.wire), ensure_ascii=False) if draft.wire else None,
        "is_correction": draft.is_correction,
        "is_killed": draft.is_killed,
        "embargoed_at": draft.embargoed_at,
    }


def _add_article(
    cursor: Cursor, capture_id: int, seen_at: datetime, draft: Draft, columns: dict[str, Any]
) -> int:
    row = cursor.one(INSERT_ARTICLE, columns)
    assert row is not None
    article_id = int(row[0])
    _insert_version(cursor, article_id, 1, capture_id, seen_at, draft)
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
    matching: Matching,
    index: IndexWrites,
) -> bool:
    """Make a draft a version of a kept story, placed among its versions by ``matching``:
    the current one, whose predecessor keeps its body, or an earlier one, which keeps its
    own (a copy that arrived after the versions that follow it). True for the former."""
    kept = [
        VersionMark(
            sequence=sequence,
            published_at=read_time(published_at) if published_at is not None else None,
        )
        for sequence, published_at in cursor.all(VERSION_MARKS, {"article_id": article_id})
    ]
    new = VersionMark(sequence=draft.sequence, published_at=draft.published_at)
    position = matching.place_version(new, kept)
    if position < len(kept):
        _add_past_version(cursor, article_id, position + 1, capture_id, seen_at, draft)
        return False
    row = cursor.one(CURRENT_VERSION, {"id": article_id})
    assert row is not None
    current = dict(zip(CURRENT_COLUMNS, row, strict=True))
    cursor.run(
        KEEP_PAST_BODY,
        {
            "article_id": article_id,
            "version": current["version"],
            "body": encode_body(decode_body(current["body"], current["body_text"])),
        },
    )
    version = int(current["version"]) + 1
    _insert_version(cursor, article_id, version, capture_id, seen_at, draft)
    changes = {name: columns[name] for name in UPDATED_COLUMNS}
    changes["last_seen_at"] = max(seen_at, read_time(current["last_seen_at"]))
    cursor.run(UPDATE_ARTICLE, {**changes, "version": version, "id": article_id})
    cursor.run(DELETE_AGENCIES, {"article_id": article_id})
    _insert_agencies(cursor, article_id, draft)
    # SQLite's index keeps no copy of the text (a contentless table): a row leaves
    # it by being told the words it held, worked out again from the old values.
    index.replace(article_id, Entry.stored(current), _entry(draft))
    return True


def _add_past_version(
    cursor: Cursor, article_id: int, version: int, capture_id: int, seen_at: datetime, draft: Draft
) -> None:
    """Keep a draft as version ``version`` of a story, before its current one: the versions
    from that number on move up by one, and the story itself stays as it is."""
    cursor.run(MOVE_LATER_VERSIONS, {"article_id": article_id, "version": version})
    cursor.run(RESTORE_MOVED_VERSIONS, {"article_id": article_id})
    _insert_version(
        cursor, article_id, version, capture_id, seen_at, draft, body=encode_body(draft.body)
    )
    cursor.run(COUNT_PAST_VERSION, {"id": article_id, "seen_at": seen_at})


def _insert_version(
    cursor: Cursor,
    article_id: int,
    version: int,
    capture_id: int,
    seen_at: datetime,
    draft: Draft,
    *,
    body: str | None = None,
) -> None:
    """Add a version of a story; the current one's body is the article's own (NULL here)."""
    cursor.run(
        INSERT_VERSION,
        {
            "article_id": article_id,
            "version": version,
            "capture_id": capture_id,
            "headline": draft.headline,
            "body": body,
            "body_hash": draft.body_hash,
            "printed_version": draft.printed_version,
            "published_at": draft.published_at,
            "seen_at": seen_at,
            "sequence": draft.sequence,
            "is_correction": draft.is_correction,
        },
    )


def _entry(draft: Draft) -> Entry:
    """What the search index holds of a draft."""
    dateline = draft.dateline
    return Entry(
        headline=draft.headline,
        standfirst=draft.standfirst,
        body_text=draft.body_text,
        language=draft.language,
        kind=draft.kind,
        section=draft.section,
        place=dateline.place if dateline else None,
        agencies=tuple(dateline.agencies) if dateline else (),
    )
