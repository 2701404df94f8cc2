"""Capture context: what a capture's source said of it besides its section — the language,
the zone of printed times and the encoding it was read in, and a feed entry's date — so
that parsing the archive again gives the same pages.

Captures kept before this revision have none of them, as they were parsed.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# As the other timestamps: with a zone on PostgreSQL, UTC text on SQLite.
TZ = sa.DateTime(timezone=True)
COLUMNS = ("language", "timezone", "encoding", "published_at")


def upgrade() -> None:
    with op.batch_alter_table("captures") as batch:
        batch.add_column(sa.Column("language", sa.String(16)))
        batch.add_column(sa.Column("timezone", sa.Text))
        batch.add_column(sa.Column("encoding", sa.Text))
        batch.add_column(sa.Column("published_at", TZ))


def downgrade() -> None:
    with op.batch_alter_table("captures") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
