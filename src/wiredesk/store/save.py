"""Saving what one capture held: the capture itself, its article and its briefs.

All of it happens in the caller's transaction, so a capture is stored whole
or not at all. An article already kept under the same text is a duplicate;
a changed text of a kept story becomes its next version; everything else is new.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, text, update

from wiredesk.model import Block, Capture, Dateline, Matching, Page, StoryCopy
from wiredesk.store import archive
from wiredesk.store.db import PG_INGEST_LOCK
from wiredesk.store.schema import article_agencies, article_versions, articles, captures, sightings
from wiredesk.store.stems import index_text

# PostgreSQL's text-search configuration per page language.
PG_CONFIGS = {"nl": "dutch", "en": "english", "de": "german", "fr": "french"}
MAX_CANDIDATES = 20
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """An article or brief as a page gives it, ready to be kept."""

    kind: str  # "article" or "brief"
    headline: str | None
    standfirst: str | None
    byline: str | None
    section: str | None
    language: str | None
    dateline: Dateline | None
    body: tuple[Block, ...]
    printed_version: int | None
    replaces: str | None
    age_text: str | None
    published_at: datetime | None

    @property
    def body_text(self) -> str:
        return "\n".join(block.text for block in self.body)

    @property
    def body_hash(self) -> str:
        text = f"{self.headline or ''}\n{self.body_text}"
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def body_json(self) -> str:
        blocks = [{"kind": block.kind, "text": block.text} for block in self.body]
        return json.dumps(blocks, ensure_ascii=False)


def drafts_of(page: Page) -> list[Draft]:
    """The article and briefs of a page, as drafts; the article takes its page's section."""
    sections = [rail.section for rail in page.rails if rail.section]
    found: list[Draft] = []
    article = page.article
    if article.body:
        found.append(
            Draft(
                kind="article",
                headline=article.headline,
                standfirst=article.standfirst,
                byline=article.byline,
                section=sections[0] if sections else None,
                language=page.language,
                dateline=article.dateline,
                body=article.body,
                printed_version=article.version,
                replaces=article.replaces,
                age_text=None,
                published_at=article.published_at,
            )
        )
    for rail in page.rails:
        for brief in rail.items:
            if not (brief.text or brief.title):
                continue
            found.append(
                Draft(
                    kind="brief",
                    headline=brief.title,
                    standfirst=None,
                    byline=None,
                    section=rail.section,
                    language=page.language,
                    dateline=brief.dateline,
                    body=(Block(kind="paragraph", text=brief.text),) if brief.text else (),
                    printed_version=None,
                    replaces=None,
                    age_text=brief.age_text,
                    published_at=brief.published_at,
                )
            )
    return found


# Statements built once: SQLAlchemy then only binds values, which keeps ingest fast.
FIND_CAPTURE = select(captures.c.id).where(captures.c.sha256 == bindparam("sha256"))
INSERT_CAPTURE = insert(captures).returning(captures.c.id)
FIND_KEPT_VERSION = (
    select(article_versions.c.article_id)
    .join(articles, articles.c.id == article_versions.c.article_id)
    .where(
        article_versions.c.body_hash == bindparam("body_hash"), articles.c.kind == bindparam("kind")
    )
    .limit(1)
)
TOUCH_ARTICLE = (
    update(articles)
    .where(articles.c.id == bindparam("article_id"), articles.c.last_seen_at < bindparam("seen_at"))
    .values(last_seen_at=bindparam("seen_at"))
)
INSERT_ARTICLE = insert(articles).returning(articles.c.id)
INSERT_VERSION = insert(article_versions)
INSERT_AGENCY = insert(article_agencies)
DELETE_AGENCIES = delete(article_agencies).where(
    article_agencies.c.article_id == bindparam("article_id")
)
LAST_VERSION = select(func.max(article_versions.c.version)).where(
    article_versions.c.article_id == bindparam("article_id")
)
INSERT_SIGHTING = insert(sightings)
LINK_BRIEF = (
    update(articles)
    .where(articles.c.id == bindparam("brief_id"))
    .values(full_article_id=bindparam("full_id"))
)
_NEAR = articles.c.dated_at.between(bindparam("earliest"), bindparam("latest"))
SAME_PLACE = (
    select(articles.c.id, articles.c.headline, articles.c.place, articles.c.body_text)
    .where(
        articles.c.place_key == bindparam("place_key"),
        articles.c.kind == bindparam("kind"),
        _NEAR,
    )
    .order_by(articles.c.dated_at.desc())
    .limit(MAX_CANDIDATES)
)
SAME_HEADLINE = (
    select(articles.c.id, articles.c.headline, articles.c.place, articles.c.body_text)
    .where(articles.c.headline == bindparam("headline"), articles.c.kind == "article")
    .order_by(articles.c.dated_at.desc())
    .limit(MAX_CANDIDATES)
)
FTS_DELETE = text("DELETE FROM article_search WHERE rowid = :id")
FTS_INSERT = text(
    "INSERT INTO article_search (rowid, headline, body) VALUES (:id, :headline, :body)"
)
PG_INDEX = text(
    "UPDATE articles SET search_vector = "
    "setweight(to_tsvector(CAST(:config AS regconfig), :headline), 'A') || "
    "to_tsvector(CAST(:config AS regconfig), :body) WHERE id = :id"
)
PG_LOCK = text("SELECT pg_advisory_xact_lock(:key)")


def find_capture(connection: Connection, data: bytes) -> int | None:
    found = connection.execute(FIND_CAPTURE, {"sha256": archive.address(data)}).scalar()
    return int(found) if found is not None else None


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
    if connection.dialect.name == "postgresql":
        connection.execute(PG_LOCK, {"key": PG_INGEST_LOCK})
    if find_capture(connection, capture.data) is not None:
        return SaveResult()
    capture_id: int = connection.execute(
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
    ).scalar_one()
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
    sighted: set[int] = set()
    for draft in drafts_of(page):
        outcome, article_id = _save_draft(connection, capture_id, seen_at, draft, matching)
        if article_id not in sighted:
            sighted.add(article_id)
            connection.execute(
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
    connection: Connection, capture_id: int, seen_at: datetime, draft: Draft, matching: Matching
) -> tuple[str, int]:
    kept = connection.execute(
        FIND_KEPT_VERSION, {"body_hash": draft.body_hash, "kind": draft.kind}
    ).scalar()
    if kept is not None:
        connection.execute(TOUCH_ARTICLE, {"article_id": kept, "seen_at": seen_at})
        return "duplicate", int(kept)
    previous = None
    if draft.kind == "article":
        previous = _previous_version(connection, draft, seen_at, matching)
    if previous is not None:
        _add_version(connection, previous, capture_id, seen_at, draft)
        _index(connection, previous, draft, is_new=False)
        _link_briefs(connection, previous, draft, seen_at, matching)
        return "version", previous
    article_id = _add_article(connection, capture_id, seen_at, draft)
    _index(connection, article_id, draft, is_new=True)
    _link_briefs(connection, article_id, draft, seen_at, matching)
    return "new", article_id


def _columns(draft: Draft, capture_id: int, seen_at: datetime) -> dict[str, object]:
    dateline = draft.dateline
    place = dateline.place if dateline else None
    return {
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
        "body_hash": draft.body_hash,
        "printed_version": draft.printed_version,
        "replaces": draft.replaces,
        "age_text": draft.age_text,
        "published_at": draft.published_at,
        "last_seen_at": seen_at,
        "dated_at": draft.published_at or seen_at,
        "capture_id": capture_id,
    }


def _add_article(connection: Connection, capture_id: int, seen_at: datetime, draft: Draft) -> int:
    values = _columns(draft, capture_id, seen_at)
    values.update(kind=draft.kind, version=1, first_seen_at=seen_at, full_article_id=None)
    article_id = int(connection.execute(INSERT_ARTICLE, values).scalar_one())
    _insert_version(connection, article_id, 1, capture_id, seen_at, draft)
    _insert_agencies(connection, article_id, draft)
    return article_id


def _insert_agencies(connection: Connection, article_id: int, draft: Draft) -> None:
    if draft.dateline and draft.dateline.agencies:
        agencies = sorted({agency.casefold() for agency in draft.dateline.agencies})
        connection.execute(
            INSERT_AGENCY, [{"article_id": article_id, "agency": agency} for agency in agencies]
        )


def _add_version(
    connection: Connection, article_id: int, capture_id: int, seen_at: datetime, draft: Draft
) -> None:
    version = int(connection.execute(LAST_VERSION, {"article_id": article_id}).scalar_one()) + 1
    _insert_version(connection, article_id, version, capture_id, seen_at, draft)
    connection.execute(
        update(articles)
        .where(articles.c.id == article_id)
        .values(version=version, **_columns(draft, capture_id, seen_at))
    )
    connection.execute(DELETE_AGENCIES, {"article_id": article_id})
    _insert_agencies(connection, article_id, draft)


def _insert_version(
    connection: Connection,
    article_id: int,
    version: int,
    capture_id: int,
    seen_at: datetime,
    draft: Draft,
) -> None:
    connection.execute(
        INSERT_VERSION,
        {
            "article_id": article_id,
            "version": version,
            "capture_id": capture_id,
            "headline": draft.headline,
            "body": draft.body_json,
            "body_hash": draft.body_hash,
            "printed_version": draft.printed_version,
            "published_at": draft.published_at,
            "seen_at": seen_at,
        },
    )


def _candidates(rows: Any) -> list[StoryCopy]:
    return [
        StoryCopy(id=row.id, headline=row.headline, place=row.place, body_text=row.body_text)
        for row in rows
    ]


def _previous_version(
    connection: Connection, draft: Draft, seen_at: datetime, matching: Matching
) -> int | None:
    """The kept story this draft is a later version of, if any."""
    place = draft.dateline.place if draft.dateline else None
    found: dict[int | None, StoryCopy] = {}
    for headline in filter(None, (draft.replaces, draft.headline)):
        for copy in _candidates(connection.execute(SAME_HEADLINE, {"headline": headline})):
            found.setdefault(copy.id, copy)
    if place:
        window = {"earliest": seen_at - matching.window, "latest": seen_at + matching.window}
        rows = connection.execute(
            SAME_PLACE, {"place_key": place.casefold(), "kind": "article", **window}
        )
        for copy in _candidates(rows):
            found.setdefault(copy.id, copy)
    if not found:
        return None
    new = StoryCopy(id=None, headline=draft.headline, place=place, body_text=draft.body_text)
    return matching.previous_version(new, draft.replaces, list(found.values()))


def _link_briefs(
    connection: Connection, article_id: int, draft: Draft, seen_at: datetime, matching: Matching
) -> None:
    """Link a brief to its full article, whichever of the two arrived first."""
    place = draft.dateline.place if draft.dateline else None
    if not place:
        return
    other_kind = "brief" if draft.kind == "article" else "article"
    rows = connection.execute(
        SAME_PLACE,
        {
            "place_key": place.casefold(),
            "kind": other_kind,
            "earliest": seen_at - matching.window,
            "latest": seen_at + matching.window,
        },
    ).all()
    lead = " ".join(block.text for block in draft.body[:LEAD_BLOCKS])
    for row in rows:
        if draft.kind == "article":
            is_match = matching.is_brief_of(row.body_text, lead)
            brief_id, full_id = row.id, article_id
        else:
            article_lead = " ".join(row.body_text.split("\n")[:LEAD_BLOCKS])
            is_match = matching.is_brief_of(draft.body_text, article_lead)
            brief_id, full_id = article_id, row.id
        if is_match:
            connection.execute(LINK_BRIEF, {"brief_id": brief_id, "full_id": full_id})
            if draft.kind == "brief":
                return


def _index(connection: Connection, article_id: int, draft: Draft, *, is_new: bool) -> None:
    """Put the article's words in the full-text index, replacing what was there."""
    headline = " ".join(filter(None, (draft.headline, draft.standfirst)))
    if connection.dialect.name == "sqlite":
        if not is_new:
            connection.execute(FTS_DELETE, {"id": article_id})
        connection.execute(
            FTS_INSERT,
            {
                "id": article_id,
                "headline": index_text(headline, draft.language),
                "body": index_text(draft.body_text, draft.language),
            },
        )
    else:
        config = PG_CONFIGS.get(draft.language or "", "simple")
        connection.execute(
            PG_INDEX,
            {"config": config, "headline": headline, "body": draft.body_text, "id": article_id},
        )
