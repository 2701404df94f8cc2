"""Wire items: what an agency item says of itself, kept with its story, and the order of
a story's versions by the copy's own count.

- ``articles.wire`` keeps the latest version's ``Wire`` as JSON (the page JSON's
  ``wire``), ``articles.item_id`` the agency's id for the item, by which a later
  version finds its story.
- ``articles.is_correction`` says the latest version corrects an earlier one;
  ``articles.is_killed`` that its agency killed or withheld it, and
  ``articles.embargoed_at`` until when it may not be shown: lists, feeds and
  searches leave those out.
- ``article_versions.sequence`` is the copy's own count of its versions (a printed
  "(2)", a wire item's version), by which versions are ordered whatever the order
  they arrived in; ``article_versions.is_correction`` marks corrections in a history.
- ``articles.body_text`` moves to the end of the row again (see revision 0002).

Stories kept before this revision are not wire items, as far as the store knows:
``wiredesk reparse`` reads their captures again.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# As the other timestamps: with a zone on PostgreSQL, UTC text on SQLite.
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    bind = op.get_bind()
    is_sqlite = bind.dialect.name == "sqlite"
    op.add_column("articles", sa.Column("item_id", sa.Text))
    op.add_column("articles", sa.Column("wire", sa.Text))
    op.add_column(
        "articles",
        sa.Column("is_correction", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "articles", sa.Column("is_killed", sa.Boolean, nullable=False, server_default=sa.false())
    )
    op.add_column("articles", sa.Column("embargoed_at", TZ))
    op.create_index("articles_item_id", "articles", ["item_id"])
    op.add_column("article_versions", sa.Column("sequence", sa.Integer))
    op.add_column(
        "article_versions",
        sa.Column("is_correction", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    # Before this revision a version's count was the one printed, and a copy printing
    # none was its story's first.
    op.execute("UPDATE article_versions SET sequence = COALESCE(printed_version, 1)")
    # SQLite adds a NOT NULL column only with a default; every insert gives the text.
    op.execute(
        "ALTER TABLE articles ADD COLUMN body_text_last TEXT"
        + (" NOT NULL DEFAULT ''" if is_sqlite else "")
    )
    op.execute("UPDATE articles SET body_text_last = body_text")
    op.execute("ALTER TABLE articles DROP COLUMN body_text")
    op.execute("ALTER TABLE articles RENAME COLUMN body_text_last TO body_text")
    if not is_sqlite:
        op.execute("ALTER TABLE articles ALTER COLUMN body_text SET NOT NULL")


def downgrade() -> None:
    op.drop_index("articles_item_id", table_name="articles")
    with op.batch_alter_table("article_versions") as batch:
        batch.drop_column("is_correction")
        batch.drop_column("sequence")
    with op.batch_alter_table("articles") as batch:
        for name in ("embargoed_at", "is_killed", "is_correction", "wire", "item_id"):
            batch.drop_column(name)
