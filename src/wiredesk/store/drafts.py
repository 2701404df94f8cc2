"""Drafts: the article and the briefs of a page, as the store keeps them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from wiredesk.model import Block, Dateline, Entity, Figure, Page, Quote, Wire

# A telex item has no id of its own; its slug ("BC-Oil-Prices"), which stays the same
# through the item's versions, stands in for one, among the stories of a few days.
SLUG_KEY = "slug:"


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """An article or brief as a page gives it, ready to be kept.

    ``wire`` is what an agency item said of itself (an article's only), ``item_id``
    the key later versions find it by: the agency's id, else a telex slug
    (``SLUG_KEY``). ``sequence`` is the copy's own count of its versions: the
    printed one, else the wire item's, else None for a correction or kill that
    gives none (placed by its time), else 1: a copy with no marker is an original.
    """

    kind: str  # "article" or "brief"
    headline: str | None
    standfirst: str | None
    byline: str | None
    section: str | None
    language: str | None
    dateline: Dateline | None
    body: tuple[Block, ...]
    printed_version: int | None
    replaces: str | None
    age_text: str | None
    published_at: datetime | None
    is_correction: bool = False
    wire: Wire | None = None
    # What enrichment found in it: kept with the story while this is its current version.
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    # Worked out once from the fields above: the store reads each several times.
    body_text: str = field(init=False)
    body_hash: str = field(init=False)

    def __post_init__(self) -> None:
        body_text = "\n".join(block.text for block in self.body)
        text = f"{self.headline or ''}\n{body_text}"
        object.__setattr__(self, "body_text", body_text)
        object.__setattr__(self, "body_hash", hashlib.sha256(text.encode()).hexdigest())

    @property
    def body_layout(self) -> str:
        return encode_layout(self.body)

    @property
    def item_id(self) -> str | None:
        wire = self.wire
        if wire is None:
            return None
        if wire.item_id:
            return wire.item_id
        return f"{SLUG_KEY}{wire.slugline}" if wire.slugline else None

    @property
    def is_killed(self) -> bool:
        return self.wire is not None and self.wire.is_killed

    @property
    def embargoed_at(self) -> datetime | None:
        return self.wire.embargoed_at if self.wire is not None else None

    @property
    def sequence(self) -> int | None:
        if self.printed_version is not None:
            return self.printed_version
        if self.wire is not None and self.wire.version is not None:
            return self.wire.version
        if self.is_correction or self.is_killed:
            return None
        return 1


def drafts_of(page: Page) -> list[Draft]:
    """The article and briefs of a page, as drafts."""
    found: list[Draft] = []
    article = page.article
    # A kill notice may come without text: it is kept as its item's last version.
    if article.body or (page.wire is not None and page.wire.is_killed and page.wire.item_id):
        found.append(
            Draft(
                kind="article",
                headline=article.headline,
                standfirst=article.standfirst,
                byline=article.byline,
                section=article.section,
                language=page.language,
                dateline=article.dateline,
                body=article.body,
                printed_version=article.version,
                replaces=article.replaces,
                age_text=None,
                published_at=article.published_at,
                is_correction=article.is_correction,
                wire=page.wire,
                entities=article.entities,
                quotes=article.quotes,
                figures=article.figures,
            )
        )
    for rail in page.rails:
        for brief in rail.items:
            if not (brief.text or brief.title):
                continue
            found.append(
                Draft(
                    kind="brief",
                    headline=brief.title,
                    standfirst=None,
                    byline=None,
                    section=rail.section,
                    language=page.language,
                    dateline=brief.dateline,
                    body=(Block(kind="paragraph", text=brief.text),) if brief.text else (),
                    printed_version=None,
                    replaces=None,
                    age_text=brief.age_text,
                    published_at=brief.published_at,
                    entities=brief.entities,
                    quotes=brief.quotes,
                    figures=brief.figures,
                )
            )
    return found


def encode_body(body: tuple[Block, ...]) -> str:
    """A body whole, as JSON blocks: how a past version keeps its text."""
    return json.dumps(
        [{"kind": block.kind, "text": block.text} for block in body], ensure_ascii=False
    )


def encode_layout(body: tuple[Block, ...]) -> str:
    """A body as the ``articles.body`` column keeps it beside ``body_text``.

    The text is in ``body_text``, one block a line, so this keeps only the
    blocks' kinds; a body whose blocks hold line breaks is kept whole instead.
    """
    if any("\n" in block.text for block in body):
        return encode_body(body)
    return json.dumps([block.kind for block in body])


def decode_body(body_json: str, body_text: str = "") -> tuple[Block, ...]:
    """The blocks of a body kept whole, or of a layout with its ``body_text``."""
    blocks = json.loads(body_json)
    if blocks and isinstance(blocks[0], str):
        texts = body_text.split("\n")
        if len(texts) != len(blocks):
            raise ValueError(f"a layout of {len(blocks)} blocks beside {len(texts)} lines")
        return tuple(Block(kind=kind, text=text) for kind, text in zip(blocks, texts, strict=True))
    return tuple(Block(kind=block["kind"], text=block["text"]) for block in blocks)
