"""The full-text index writes of one transaction, held back and applied together at its end.

SQLite's FTS5 keeps the words of new rows in memory and writes them to disk
as a small segment whenever another statement of the transaction opens a
savepoint (every INSERT into ``articles`` does) or a row comes out of rowid
order (taking out an older story's words does). Written as stories were
saved, each story cost a segment of its own and the merges behind them.
Held back, a batch's words go to disk in one piece: each story's row once,
in rowid order, an old row's words taken out just before its new ones go in.

A story changed twice in one batch is written once, with its last words; a
story that entered the index in the same batch is never taken out of it.
PostgreSQL overwrites the story's search vector, once, the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Connection

from wiredesk.store.sql import Cursor, statement
from wiredesk.store.stems import index_text
from wiredesk.store.tags import story_tags

# PostgreSQL's text-search configuration per page language.
PG_CONFIGS = {"nl": "dutch", "en": "english", "de": "german", "fr": "french"}

# A story's words wait in a table of the connection's own (TEMP) between ``stage`` and
# ``flush``. The index is contentless: a row leaves it by being told the words it held
# (the "delete" command), and goes in with no command.
CREATE_STAGED = statement(
    "CREATE TEMP TABLE IF NOT EXISTS index_staged (seq INTEGER PRIMARY KEY, command TEXT, "
    "id INTEGER NOT NULL, headline TEXT, body TEXT, tags TEXT)"
)
STAGE = statement(
    "INSERT INTO index_staged (command, id, headline, body, tags) "
    "VALUES (:command, :id, :headline, :body, :tags)"
)
FLUSH_STAGED = statement(
    "INSERT INTO article_search (article_search, rowid, headline, body, tags) "
    "SELECT command, id, headline, body, tags FROM index_staged ORDER BY seq"
)
CLEAR_STAGED = statement("DELETE FROM index_staged")
PG_INDEX = statement(
    "UPDATE articles SET search_vector = "
    "setweight(to_tsvector(CAST(:config AS regconfig), :headline), 'A') || "
    "to_tsvector(CAST(:config AS regconfig), :body) WHERE id = :id"
)


@dataclass(frozen=True, slots=True)
class Entry:
    """What the index holds of one story: the values its words and tags come from."""

    headline: str | None
    standfirst: str | None
    body_text: str
    language: str | None
    kind: str
    section: str | None
    place: str | None
    agencies: tuple[str, ...]

    @classmethod
    def stored(cls, row: Mapping[str, Any]) -> Entry:
        """The entry of a story as the ``articles`` table holds it: ``row`` maps each of
        ``STORED_COLUMNS`` to its value there (agencies as one text, "ANP/AFP")."""
        values = {name: row[name] for name in STORED_COLUMNS}
        agencies = values.pop("agencies")
        return cls(**values, agencies=tuple(agencies.split("/")) if agencies else ())

    @property
    def search_headline(self) -> str:
        """The headline field of the index: headline and standfirst."""
        return " ".join(filter(None, (self.headline, self.standfirst)))

    def fts_row(self, article_id: int) -> dict[str, object]:
        """The story's row of SQLite's index: stems of its text, and its tags."""
        return {
            "id": article_id,
            "headline": index_text(self.search_headline, self.language),
            "body": index_text(self.body_text, self.language),
            "tags": story_tags(
                kind=self.kind,
                section=self.section,
                place=self.place,
                language=self.language,
                agencies=self.agencies,
            ),
        }


# The ``articles`` columns an entry comes from, named as its fields.
STORED_COLUMNS = tuple(field.name for field in fields(Entry))


class IndexWrites:
    """The index writes a transaction owes, by story; ``apply`` makes them."""

    def __init__(self) -> None:
        # Per story: what the index held before the transaction (None: nothing), and its new entry.
        self._pending: dict[int, tuple[Entry | None, Entry]] = {}
        self._vectors: list[dict[str, object]] = []  # PostgreSQL's, staged

    def __len__(self) -> int:
        return len(self._pending)

    def add(self, article_id: int, entry: Entry) -> None:
        """Index a story the index has never held."""
        self._pending[article_id] = (None, entry)

    def replace(self, article_id: int, old: Entry, new: Entry) -> None:
        """Index a story's new version in place of ``old``, the entry it is indexed under."""
        if article_id in self._pending:  # already written in this transaction
            before, _ = self._pending[article_id]
            self._pending[article_id] = (before, new)
        else:
            self._pending[article_id] = (old, new)

    def apply(self, connection: Connection) -> None:
        """Make the writes held back, in rowid order, in ``connection``'s transaction."""
        self.stage(connection)
        self.flush(connection)

    def stage(self, connection: Connection) -> None:
        """Work out the writes held back, for ``flush``.

        On SQLite that is the stems (the Python half of the work), kept in the
        connection's TEMP table ``index_staged``; PostgreSQL works its vectors
        out itself, from the texts kept here.
        """
        cursor = Cursor(connection)
        if cursor.is_sqlite:
            cursor.run(CREATE_STAGED, {})
            rows = []
            for article_id in sorted(self._pending):
                old, new = self._pending[article_id]
                if old is not None:
                    rows.append({"command": "delete", **old.fts_row(article_id)})
                rows.append({"command": None, **new.fts_row(article_id)})
            cursor.many(STAGE, rows)
        else:
            self._vectors.extend(
                {
                    "config": PG_CONFIGS.get(new.language or "", "simple"),
                    "headline": new.search_headline,
                    "body": new.body_text,
                    "id": article_id,
                }
                for article_id, (_, new) in sorted(self._pending.items())
            )
        self._pending.clear()

    def flush(self, connection: Connection) -> None:
        """Write what ``stage`` left: on SQLite one statement, in the order staged; on
        PostgreSQL one batch of updates. Both are the database's work, which another
        thread can wait for while this one goes on."""
        cursor = Cursor(connection)
        if cursor.is_sqlite:
            cursor.run(FLUSH_STAGED, {})
            cursor.run(CLEAR_STAGED, {})
        else:
            cursor.many(PG_INDEX, self._vectors)
            self._vectors = []
