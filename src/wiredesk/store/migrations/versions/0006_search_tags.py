"""Filter tags in SQLite's search index: a ``tags`` column beside headline and body.

Each story's kind, section, place, language and agencies become index words
(``store/tags.py``), so that a filtered search is narrowed by the index.
The index keeps no copy of what it holds, so it is built again from the
articles: their stems are worked out anew (about 20 s per 100,000
stories). PostgreSQL is unchanged.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wiredesk.store.indexing import Entry

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE article_tagged USING fts5(headline, body, tags, content = '', "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT id, kind, headline, standfirst, section, place, agencies, language, "
                "body_text FROM articles WHERE id > :last ORDER BY id LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        bind.execute(
            sa.text(
                "INSERT INTO article_tagged (rowid, headline, body, tags) "
                "VALUES (:id, :headline, :body, :tags)"
            ),
            [_index_row(row) for row in rows],
        )
        last = rows[-1].id
    op.execute("DROP TABLE article_search")
    op.execute("ALTER TABLE article_tagged RENAME TO article_search")


def _index_row(row: sa.Row[tuple[object, ...]]) -> dict[str, object]:
    return Entry.stored(dict(row._mapping)).fts_row(row.id)


def downgrade() -> None:
    raise NotImplementedError(
        "revision 0006 cannot be undone: restore a copy of the database taken before the upgrade"
    )
