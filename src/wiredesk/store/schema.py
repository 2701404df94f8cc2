"""The tables of the store, described once for SQLite and PostgreSQL alike.

The full-text index is the one part that differs per database: an FTS5
table on SQLite, a ``tsvector`` column on PostgreSQL. Both are made by the
migrations, not here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

metadata = MetaData()


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and read back timezone-aware, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# Every capture ever received, with its original bytes (compressed), so every
# page can be parsed again when the parser improves.
captures = Table(
    "captures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=True),
    Column("url", Text, nullable=True),
    Column("captured_at", UTCDateTime(), nullable=False),
    Column("stored_at", UTCDateTime(), nullable=False),
    Column("content_type", String(16), nullable=False),  # "text" or "html"
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),  # zlib-compressed original bytes
    Column("status", String(16), nullable=False),  # "parsed" or "failed"
    Column("error", Text, nullable=True),
    # The section its source filed it under (a feed's), given to the parser again (0005).
    Column("section", Text, nullable=True),
    # What else its source said, given to the parser again (0008): the language, the zone
    # of printed times and the encoding it was read in, and when the story was published
    # (a feed entry's date).
    Column("language", String(16), nullable=True),
    Column("timezone", Text, nullable=True),
    Column("encoding", Text, nullable=True),
    Column("published_at", UTCDateTime(), nullable=True),
)

# Articles and briefs: one row per story, holding its latest version.
articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # "article" or "brief"
    Column("headline", Text, nullable=True),
    Column("standfirst", Text, nullable=True),
    Column("byline", Text, nullable=True),
    Column("section", Text, nullable=True),
    Column("section_key", Text, nullable=True),  # casefolded, for filters and indexes
    Column("language", String(8), nullable=True),
    Column("place", Text, nullable=True),
    Column("place_key", Text, nullable=True),  # casefolded, for filters and indexes
    Column("agencies", Text, nullable=False, default=""),  # "ANP/AFP", as printed
    Column("date_text", Text, nullable=True),
    Column("desk", Text, nullable=True),
    # The blocks' kinds as JSON ["paragraph", "heading", ...]; their texts are the lines
    # of body_text (a body whose blocks hold line breaks is kept whole: drafts.encode_layout).
    Column("body", Text, nullable=False),
    Column("body_hash", String(64), nullable=False),  # of the latest version
    Column("version", Integer, nullable=False, default=1),  # how many versions are kept
    Column("printed_version", Integer, nullable=True),  # "(2)", "UPDATE 1-" as read
    Column("replaces", Text, nullable=True),
    Column("age_text", Text, nullable=True),  # a brief's label as printed
    Column("published_at", UTCDateTime(), nullable=True),
    Column("first_seen_at", UTCDateTime(), nullable=False),
    Column("last_seen_at", UTCDateTime(), nullable=False),
    # published_at where known, else first_seen_at: what lists sort and filter on
    Column("dated_at", UTCDateTime(), nullable=False),
    Column("capture_id", Integer, ForeignKey("captures.id"), nullable=False),
    Column("full_article_id", Integer, ForeignKey("articles.id"), nullable=True),
    # What the latest version said of itself as an agency item (0009): its ``Wire`` as
    # the page JSON gives it, and the agency's id for the item, which later versions share.
    Column("item_id", Text, nullable=True),
    Column("wire", Text, nullable=True),
    # Whether the latest version corrects an earlier one; whether its agency killed or
    # withheld it, and until when it is embargoed: what readers are not shown (0009).
    Column("is_correction", Boolean, nullable=False, default=False, server_default=false()),
    Column("is_killed", Boolean, nullable=False, default=False, server_default=false()),
    Column("embargoed_at", UTCDateTime(), nullable=True),
    # The body as plain text, one block a line. Last, so that SQLite reads the
    # columns before it without walking the text's overflow pages.
    Column("body_text", Text, nullable=False),
)
Index("articles_dated_at", articles.c.dated_at)
Index("articles_section_dated_at", articles.c.section_key, articles.c.dated_at)
Index("articles_place_kind_dated_at", articles.c.place_key, articles.c.kind, articles.c.dated_at)
Index("articles_headline", articles.c.headline)
Index("articles_item_id", articles.c.item_id)

# Every version of every article, the first included.
article_versions = Table(
    "article_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("capture_id", Integer, ForeignKey("captures.id"), nullable=False),
    Column("headline", Text, nullable=True),
    # JSON [{"kind": ..., "text": ...}] of a past version; NULL for the current
    # version, whose body is the article's own.
    Column("body", Text, nullable=True),
    Column("body_hash", String(64), nullable=False),
    Column("printed_version", Integer, nullable=True),
    Column("published_at", UTCDateTime(), nullable=True),
    Column("seen_at", UTCDateTime(), nullable=False),
    # The copy's own count of its versions (0009): a printed "(2)", a wire item's
    # version; NULL for a correction that gives none. Versions are ordered by it.
    Column("sequence", Integer, nullable=True),
    Column("is_correction", Boolean, nullable=False, default=False, server_default=false()),
    UniqueConstraint("article_id", "version"),
    UniqueConstraint("article_id", "body_hash"),
)
Index("article_versions_body_hash", article_versions.c.body_hash)

# What matching compares of a story's text (``Matching.lead``): the hashed word trigrams
# of its lead, kept so that a candidate is compared without reading its text again.
# A story kept before revision 0007 has none until it changes; its text stands in.
article_leads = Table(
    "article_leads",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True, autoincrement=False),
    Column("shingles", LargeBinary, nullable=False),
)

# The agencies of an article, casefolded, for filtering ("anp", "reuters").
article_agencies = Table(
    "article_agencies",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("agency", String(64), primary_key=True),
)
Index("article_agencies_agency", article_agencies.c.agency)

# Which capture showed which article or brief: provenance, and what reparse rebuilds.
sightings = Table(
    "sightings",
    metadata,
    Column("capture_id", Integer, ForeignKey("captures.id"), primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("role", String(16), nullable=False),  # "article" or "brief"
)
Index("sightings_article", sightings.c.article_id)

# What enrichment finds in each story, kept with its current version (revision 0010).
# Each place, person and organisation once, by the id enrichment gives it.
entities = Table(
    "entities",
    metadata,
    Column("id", Text, primary_key=True),  # geonames:2017370, person:selensky, org:nato
    Column("type", String(16), nullable=False),  # "place", "person" or "organisation"
    Column("name", Text, nullable=False),
)

# Which story names which entity, how often, and where: JSON [[block, start, end], ...].
article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("entity_id", Text, ForeignKey("entities.id"), primary_key=True),
    Column("mentions", Integer, nullable=False),
    Column("spans", Text, nullable=False),
)
Index("article_entities_entity", article_entities.c.entity_id, article_entities.c.article_id)

# Who said what in a story, in reading order; ``speaker_key`` is the name casefolded.
article_quotes = Table(
    "article_quotes",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(16), nullable=False),  # "direct" or "indirect"
    Column("text", Text, nullable=False),
    Column("speaker_name", Text, nullable=True),
    Column("speaker_key", Text, nullable=True),
    Column("speaker_entity", Text, nullable=True),
    Column("speaker_role", Text, nullable=True),
    Column("block", Integer, nullable=False),
)
Index("article_quotes_speaker_entity", article_quotes.c.speaker_entity)

# A story's numbers and what they count, in reading order.
article_figures = Table(
    "article_figures",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("counts", Text, nullable=True),
    Column("block", Integer, nullable=False),
)

# The feeds wiredesk polls, with the state of their polls (revision 0003).
feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("section", Text, nullable=True),
    Column("interval_seconds", Integer, nullable=False),
    Column("is_fetching_articles", Boolean, nullable=False),
    Column("is_private_allowed", Boolean, nullable=False),
    Column("etag", Text, nullable=True),  # as the server sent them, for conditional GET
    Column("last_modified", Text, nullable=True),
    Column("status", String(16), nullable=False),  # "new", "ok" or "error"
    Column("last_error", Text, nullable=True),
    Column("last_success_at", UTCDateTime(), nullable=True),
    Column("last_attempt_at", UTCDateTime(), nullable=True),
    Column("next_poll_at", UTCDateTime(), nullable=False),
    Column("failures", Integer, nullable=False),  # errors in a row since the last success
    Column("items_seen", Integer, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("title", Text, nullable=True),  # the feed's own title, from its last body (0004)
)
Index("feeds_next_poll_at", feeds.c.next_poll_at)

# The entries taken from each feed, by the SHA-256 of their id or link.
feed_items = Table(
    "feed_items",
    metadata,
    Column("feed_id", Integer, ForeignKey("feeds.id"), primary_key=True),
    Column("entry_key", String(64), primary_key=True),
    Column("taken_at", UTCDateTime(), nullable=False),
)
