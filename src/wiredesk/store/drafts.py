"""Drafts: the article and the briefs of a page, as the store keeps them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
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

    @property
    def body_text(self) -> str:
        return "\n".join(block.text for block in self.body)

    @property
    def body_hash(self) -> str:
        text = f"{self.headline or ''}\n{self.body_text}"
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def body_json(self) -> str:
        return encode_body(self.body)


def drafts_of(page: Page) -> list[Draft]:
    """The article and briefs of a page, as drafts; the article takes its page's section."""
    sections = [rail.section for rail in page.rails if rail.section]
    found: list[Draft] = []
    article = page.article
    if article.body:
        found.append(
            Draft(
                kind="article",
                headline=article.headline,
                standfirst=article.standfirst,
                byline=article.byline,
                section=sections[0] if sections else None,
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
    """A body as the ``body`` column keeps it: JSON blocks."""
    return json.dumps(
        [{"kind": block.kind, "text": block.text} for block in body], ensure_ascii=False
    )


def decode_body(body_json: str) -> tuple[Block, ...]:
    """The blocks of a ``body`` column."""
    return tuple(Block(kind=block["kind"], text=block["text"]) for block in json.loads(body_json))
