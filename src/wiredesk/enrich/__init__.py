"""Enrichment: pure functions that add to a page what its copy says beyond its structure —
the places, people and organisations it names, who said what, and its figures — for the
article and for each brief, offline (every list ships inside wiredesk: ``enrich/data/``).

``enrich_page`` is what ``desk.page_of`` runs on every page, so ``wiredesk parse``,
ingest, uploads, the poller and ``reparse`` all give the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from wiredesk.enrich.entities import entities_of, find_spots
from wiredesk.enrich.figures import find_figures
from wiredesk.enrich.quotes import find_quotes
from wiredesk.enrich.spots import Block
from wiredesk.model import (
    DATELINE_BLOCK,
    HEADLINE_BLOCK,
    Article,
    Brief,
    Dateline,
    Entity,
    Figure,
    Page,
    Quote,
)

__all__ = [
    "Finder",
    "Findings",
    "enrich_article",
    "enrich_brief",
    "enrich_page",
    "find_all",
    "remembering",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Findings:
    """What one story (an article or a brief) names, who says what in it, its figures."""

    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]


def find_all(
    headline: str | None,
    dateline: Dateline | None,
    body: Sequence[str],
    language: str | None,
) -> Findings:
    """The findings of one story: its headline (block -1), its dateline's place (block -2)
    and its body blocks (0 and up)."""
    blocks = [Block(index=HEADLINE_BLOCK, text=headline)] if headline else []
    if dateline is not None and dateline.place:
        blocks.append(Block(index=DATELINE_BLOCK, text=dateline.place))
    blocks += [Block(index=index, text=text) for index, text in enumerate(body)]
    spots = find_spots(blocks, language)
    texts = {block.index: block.text for block in blocks}
    return Findings(
        entities=entities_of(spots, texts),
        quotes=find_quotes(blocks, spots, language),
        figures=find_figures(blocks, spots, language),
    )


# What finds a story's findings from its headline, dateline, body and language: ``find_all``
# or a finder that remembers its answers (``remembering``).
Finder = Callable[[str | None, Dateline | None, tuple[str, ...], str | None], Findings]


def remembering(stories: int) -> Finder:
    """``find_all`` remembering its last ``stories`` answers. A stream repeats the briefs of
    a section's rail on page after page, and a page captured again repeats its article:
    each such story is enriched once. ``find_all`` reads nothing but its arguments, so a
    remembered answer is the answer."""
    return lru_cache(maxsize=stories)(find_all)


def enrich_article(article: Article, language: str | None, find: Finder = find_all) -> Article:
    found = find(
        article.headline, article.dateline, tuple(block.text for block in article.body), language
    )
    return replace(article, entities=found.entities, quotes=found.quotes, figures=found.figures)


def enrich_brief(brief: Brief, language: str | None, find: Finder = find_all) -> Brief:
    found = find(brief.title, brief.dateline, (brief.text,) if brief.text else (), language)
    return replace(brief, entities=found.entities, quotes=found.quotes, figures=found.figures)


def enrich_page(page: Page, find: Finder = find_all) -> Page:
    """The page with its article and every brief enriched, each story's findings found by
    ``find``."""
    rails = tuple(
        replace(rail, items=tuple(enrich_brief(brief, page.language, find) for brief in rail.items))
        for rail in page.rails
    )
    return replace(page, article=enrich_article(page.article, page.language, find), rails=rails)
