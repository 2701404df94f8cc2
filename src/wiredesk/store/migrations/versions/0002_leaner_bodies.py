"""Each body kept once: layouts beside body_text, past versions only, a contentless index.

- ``articles.body`` keeps the blocks' kinds; their texts are the lines of
  ``body_text``, which the article had kept a second time.
- ``article_versions.body`` is NULL for the current version, whose body is
  the article's own; past versions keep theirs whole.
- SQLite's full-text index keeps no copy of the stems it indexes.
- ``articles.body_text`` moves to the end of the row, so that SQLite reads
  the small columns (dates, keys) without walking the text's overflow pages.
- ``articles_body_hash`` goes: duplicates are found through the versions.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    bind = op.get_bind()
    op.drop_index("articles_body_hash", table_name="articles")
    with op.batch_alter_table("article_versions") as batch:
        batch.alter_column("body", existing_type=sa.Text, nullable=True)
    op.execute(
        "UPDATE article_versions SET body = NULL WHERE version = "
        "(SELECT a.version FROM articles a WHERE a.id = article_versions.article_id)"
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, body FROM articles WHERE id > :last ORDER BY id LIMIT :batch"),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        layouts = [
            {"id": row.id, "body": layout}
            for row in rows
            if (layout := _layout(row.body)) is not None
        ]
        if layouts:
            bind.execute(sa.text("UPDATE articles SET body = :body WHERE id = :id"), layouts)
        last = rows[-1].id
    # SQLite adds a NOT NULL column only with a default; every insert gives the text.
    is_sqlite = bind.dialect.name == "sqlite"
    op.execute(
        "ALTER TABLE articles ADD COLUMN body_text_last TEXT"
        + (" NOT NULL DEFAULT ''" if is_sqlite else "")
    )
    op.execute("UPDATE articles SET body_text_last = body_text")
    op.execute("ALTER TABLE articles DROP COLUMN body_text")
    op.execute("ALTER TABLE articles RENAME COLUMN body_text_last TO body_text")
    if not is_sqlite:
        op.execute("ALTER TABLE articles ALTER COLUMN body_text SET NOT NULL")
    if is_sqlite:
        op.execute(
            "CREATE VIRTUAL TABLE article_stems USING fts5(headline, body, content = '', "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        op.execute(
            "INSERT INTO article_stems (rowid, headline, body) "
            "SELECT rowid, headline, body FROM article_search"
        )
        op.execute("DROP TABLE article_search")
        op.execute("ALTER TABLE article_stems RENAME TO article_search")


def _layout(body: str) -> str | None:
    """The kinds of a body kept whole, or None where a block holds a line break."""
    blocks = json.loads(body)
    if not blocks or isinstance(blocks[0], str):
        return None
    if any("\n" in block["text"] for block in blocks):
        return None
    return json.dumps([block["kind"] for block in blocks])


def downgrade() -> None:
    raise NotImplementedError(
        "revision 0002 cannot be undone: the index no longer keeps the words it holds; "
        "restore a copy of the database taken before the upgrade"
    )
