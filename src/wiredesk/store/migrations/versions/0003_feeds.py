"""Feeds: the feeds wiredesk polls with the state of their polls, and the entries taken.

- ``feeds``: one row per feed URL, with what conditional GET needs (``etag``,
  ``last_modified``), the outcome of the last poll (``status``, ``last_error``,
  ``failures`` in a row) and when it is due again (``next_poll_at``).
- ``feed_items``: a key per entry taken from a feed (SHA-256 of its id or
  link), so that an entry seen again in the next poll is not fetched again.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("section", sa.Text),
        sa.Column("interval_seconds", sa.Integer, nullable=False),
        sa.Column("is_fetching_articles", sa.Boolean, nullable=False),
        sa.Column("is_private_allowed", sa.Boolean, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("last_success_at", TZ),
        sa.Column("last_attempt_at", TZ),
        sa.Column("next_poll_at", TZ, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("items_seen", sa.Integer, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("feeds_next_poll_at", "feeds", ["next_poll_at"])
    op.create_table(
        "feed_items",
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id"), primary_key=True),
        sa.Column("entry_key", sa.String(64), primary_key=True),
        sa.Column("taken_at", TZ, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("feed_items")
    op.drop_index("feeds_next_poll_at", table_name="feeds")
    op.drop_table("feeds")
