"""Drafts: the article and the briefs of a page, as the store keeps them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from wiredesk.model import Block, Dateline, Page


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """An article or brief as a page gives it, ready to be kept."""

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


def drafts_of(page: Page) -> list[Draft]:
    """The article and briefs of a page, as drafts."""
    found: list[Draft] = []
    article = page.article
    if article.body:
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
