"""Keeping what enrichment found in a story: its entities (with where they are named), its
quotes and its figures, as rows beside the story (revision 0010).

A story's rows are those of its current version: a new version replaces them, an
earlier one that arrives late leaves them be. A page's rows are gathered while its
stories are kept and written at its end, each table in one ``executemany``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wiredesk.store.drafts import Draft
from wiredesk.store.sql import Cursor, statement

# An entity keeps the longest name it was given: "Volodymyr Zelensky" over "Zelensky".
UPSERT_ENTITY = statement(
    "INSERT INTO entities (id, type, name) VALUES (:id, :type, :name) "
    "ON CONFLICT (id) DO UPDATE SET name = excluded.name "
    "WHERE length(excluded.name) > length(entities.name)"
)
INSERT_ARTICLE_ENTITY = statement(
    "INSERT INTO article_entities (article_id, entity_id, mentions, spans) "
    "VALUES (:article_id, :entity_id, :mentions, :spans)"
)
INSERT_QUOTE = statement(
    "INSERT INTO article_quotes (article_id, position, kind, text, speaker_name, speaker_key, "
    "speaker_entity, speaker_role, block) VALUES (:article_id, :position, :kind, :text, "
    ":speaker_name, :speaker_key, :speaker_entity, :speaker_role, :block)"
)
INSERT_FIGURE = statement(
    "INSERT INTO article_figures (article_id, position, text, value, counts, block) "
    "VALUES (:article_id, :position, :text, :value, :counts, :block)"
)
FORGET = tuple(
    statement(f"DELETE FROM {table} WHERE article_id = :article_id")
    for table in ("article_entities", "article_quotes", "article_figures")
)


@dataclass(slots=True)
class FindingRows:
    """The rows of one page's stories, gathered until ``write``."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)

    def add(self, article_id: int, draft: Draft) -> None:
        """The findings of ``draft``, kept as story ``article_id``'s."""
        for entity in draft.entities:
            known = self.entities.get(entity.id)
            if known is None or len(entity.name) > len(known["name"]):
                self.entities[entity.id] = {
                    "id": entity.id, "type": entity.type, "name": entity.name,
                }  # fmt: skip
            # JSON [[block, start, end], ...], written out: json.dumps took twice as long.
            spans = ",".join(f"[{m.block},{m.start},{m.end}]" for m in entity.mentions)
            self.mentions.append(
                {
                    "article_id": article_id,
                    "entity_id": entity.id,
                    "mentions": len(entity.mentions),
                    "spans": f"[{spans}]",
                }
            )
        for position, quote in enumerate(draft.quotes):
            speaker = quote.speaker
            name = speaker.name if speaker is not None else None
            self.quotes.append(
                {
                    "article_id": article_id,
                    "position": position,
                    "kind": quote.kind,
                    "text": quote.text,
                    "speaker_name": name,
                    "speaker_key": name.casefold() if name else None,
                    "speaker_entity": speaker.entity if speaker is not None else None,
                    "speaker_role": speaker.role if speaker is not None else None,
                    "block": quote.block,
                }
            )
        for position, figure in enumerate(draft.figures):
            self.figures.append(
                {
                    "article_id": article_id,
                    "position": position,
                    "text": figure.text,
                    "value": figure.value,
                    "counts": figure.counts,
                    "block": figure.block,
                }
            )

    def replace(self, cursor: Cursor, article_id: int, draft: Draft) -> None:
        """A new current version of story ``article_id``: its findings instead of the
        ones kept (or gathered) for it."""
        for forget in FORGET:
            cursor.run(forget, {"article_id": article_id})
        self.mentions = [row for row in self.mentions if row["article_id"] != article_id]
        self.quotes = [row for row in self.quotes if row["article_id"] != article_id]
        self.figures = [row for row in self.figures if row["article_id"] != article_id]
        self.add(article_id, draft)

    def write(self, cursor: Cursor) -> None:
        """Every row gathered, a statement per table; the entities first (the rows name
        them)."""
        cursor.many(UPSERT_ENTITY, list(self.entities.values()))
        cursor.many(INSERT_ARTICLE_ENTITY, self.mentions)
        cursor.many(INSERT_QUOTE, self.quotes)
        cursor.many(INSERT_FIGURE, self.figures)
