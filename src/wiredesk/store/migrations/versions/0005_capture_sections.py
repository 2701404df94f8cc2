"""Capture sections: ``captures.section``, the section a capture's source filed it under
(a feed added with ``--section``), so that parsing the archive again gives it again.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("captures", sa.Column("section", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("captures") as batch:
        batch.drop_column("section")
