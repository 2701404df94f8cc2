"""The first schema: captures, articles and their versions, agencies, sightings, search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "captures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("captured_at", TZ, nullable=False),
        sa.Column("stored_at", TZ, nullable=False),
        sa.Column("content_type", sa.String(16), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("headline", sa.Text),
        sa.Column("standfirst", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("section", sa.Text),
        sa.Column("section_key", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("place", sa.Text),
        sa.Column("place_key", sa.Text),
        sa.Column("agencies", sa.Text, nullable=False),
        sa.Column("date_text", sa.Text),
        sa.Column("desk", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("body_text", sa.Text, nullable=False),
        sa.Column("body_hash", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("printed_version", sa.Integer),
        sa.Column("replaces", sa.Text),
        sa.Column("age_text", sa.Text),
        sa.Column("published_at", TZ),
        sa.Column("first_seen_at", TZ, nullable=False),
        sa.Column("last_seen_at", TZ, nullable=False),
        sa.Column("dated_at", TZ, nullable=False),
        sa.Column("capture_id", sa.Integer, sa.ForeignKey("captures.id"), nullable=False),
        sa.Column("full_article_id", sa.Integer, sa.ForeignKey("articles.id")),
    )
    op.create_index("articles_dated_at", "articles", ["dated_at"])
    op.create_index("articles_section_dated_at", "articles", ["section_key", "dated_at"])
    op.create_index("articles_place_kind_dated_at", "articles", ["place_key", "kind", "dated_at"])
    op.create_index("articles_body_hash", "articles", ["body_hash"])
    op.create_index("articles_headline", "articles", ["headline"])
    op.create_table(
        "article_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("capture_id", sa.Integer, sa.ForeignKey("captures.id"), nullable=False),
        sa.Column("headline", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("body_hash", sa.String(64), nullable=False),
        sa.Column("printed_version", sa.Integer),
        sa.Column("published_at", TZ),
        sa.Column("seen_at", TZ, nullable=False),
        sa.UniqueConstraint("article_id", "version"),
        sa.UniqueConstraint("article_id", "body_hash"),
    )
    op.create_index("article_versions_body_hash", "article_versions", ["body_hash"])
    op.create_table(
        "article_agencies",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("agency", sa.String(64), primary_key=True),
    )
    op.create_index("article_agencies_agency", "article_agencies", ["agency"])
    op.create_table(
        "sightings",
        sa.Column("capture_id", sa.Integer, sa.ForeignKey("captures.id"), primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
    )
    op.create_index("sightings_article", "sightings", ["article_id"])

    # The full-text index: stemmed words, kept by wiredesk beside each article.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE article_search USING fts5("
            "headline, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        op.add_column("articles", sa.Column("search_vector", sa.dialects.postgresql.TSVECTOR))
        op.create_index(
            "articles_search_vector", "articles", ["search_vector"], postgresql_using="gin"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE article_search")
    for table in ("sightings", "article_agencies", "article_versions", "articles", "captures"):
        op.drop_table(table)
