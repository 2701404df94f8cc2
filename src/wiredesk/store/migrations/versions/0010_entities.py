"""Entities, quotes and figures: what enrichment finds in each story, kept with it.

- ``entities`` holds each place, person and organisation once, by the id enrichment
  gives it (``geonames:2017370``, ``person:selensky``, ``org:nato``), with its type
  and name.
- ``article_entities`` says which story names which entity: how many times, and where
  (``spans``, JSON ``[[block, start, end], ...]``, enough to mark the mentions on the
  story's page).
- ``article_quotes`` holds who said what in a story (``speaker_key`` is the speaker's
  name casefolded, for finding quotes by name), ``article_figures`` its numbers.

A story's rows are those of its current version. Stories kept before this revision
have none: ``wiredesk reparse`` reads their captures again and fills them.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entities",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_table(
        "article_entities",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("entity_id", sa.Text, sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("spans", sa.Text, nullable=False),
    )
    op.create_index("article_entities_entity", "article_entities", ["entity_id", "article_id"])
    op.create_table(
        "article_quotes",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_key", sa.Text),
        sa.Column("speaker_entity", sa.Text),
        sa.Column("speaker_role", sa.Text),
        sa.Column("block", sa.Integer, nullable=False),
    )
    op.create_index("article_quotes_speaker_entity", "article_quotes", ["speaker_entity"])
    op.create_table(
        "article_figures",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("counts", sa.Text),
        sa.Column("block", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("article_figures")
    op.drop_index("article_quotes_speaker_entity", table_name="article_quotes")
    op.drop_table("article_quotes")
    op.drop_index("article_entities_entity", table_name="article_entities")
    op.drop_table("article_entities")
    op.drop_table("entities")
