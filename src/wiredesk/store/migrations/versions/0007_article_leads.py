"""Article leads: ``article_leads``, the hashed word trigrams of each story's lead, which
version and brief matching compare (``Matching.lead``).

Stories kept before this revision get none here: matching works theirs out
from their text until they change, and ``wiredesk reparse`` writes them all.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_leads",
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("shingles", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("article_leads")
