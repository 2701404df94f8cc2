"""What the pages show of entities and quotes, as plain data (see ``views``): an entity's
page and its API twin, the marks and quote blocks of an article's page, and the front
page's "in the news today".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote as quote_url

from wiredesk import desk
from wiredesk.desk import EntityPage
from wiredesk.json_records import entity_count_to_json, quote_seen_to_json, quote_to_json
from wiredesk.model import Entity, EntityCount, Quote, QuoteSeen, StoredArticle
from wiredesk.serve.i18n import Reader
from wiredesk.serve.params import PAGE_SIZE
from wiredesk.serve.problems import N_, Problem
from wiredesk.serve.teasers import page_urls, teaser
from wiredesk.store import Store

# The chart of stories per day shows at most this many days, up to the newest.
CHART_DAYS = 30
CHART_WIDTH = 600
CHART_HEIGHT = 120
# The front page's "in the news today": this many people and this many places.
NEWS_ENTITIES = 8
# What the site calls each type of entity, for the catalogs.
TYPE_WORDS = {"place": N_("Place"), "person": N_("Person"), "organisation": N_("Organisation")}


def entity_url(entity_id: str) -> str:
    return f"/entity/{quote_url(entity_id, safe=':')}"


def shown_name(entity: EntityCount | Entity, reader: Reader | None) -> str:
    """An entity's name in the reader's language, where the gazetteer has one."""
    if reader is None:
        return entity.name
    if isinstance(entity, Entity):
        entity = EntityCount(id=entity.id, type=entity.type, name=entity.name, stories=0,
                             mentions=0)  # fmt: skip
    return desk.entity_names(entity).get(reader.language, entity.name)


def quote_json(seen: QuoteSeen) -> dict[str, Any]:
    """A quote as the site and the API give it: with the address of its story's page."""
    return {**quote_seen_to_json(seen), "url": f"/article/{seen.article_id}"}


def entity_json(entity: EntityCount, reader: Reader | None = None) -> dict[str, Any]:
    """An entity in a list: its counts, its page, and its name for the reader."""
    return {
        **entity_count_to_json(entity),
        "shown_name": shown_name(entity, reader),
        "url": entity_url(entity.id),
    }


def page_json(found: EntityPage, reader: Reader | None = None) -> dict[str, Any]:
    """An entity's page as data, the same for the API and the page's JSON twin (which adds
    the reader's words): the entity, its stories per day, the entities named most beside
    it, its quotes, and whether more of its stories follow ``stories``."""
    profile = found.profile
    return {
        "entity": {**entity_json(profile.entity, reader), "names": found.names},
        "days": [{"day": day, "stories": count} for day, count in profile.days],
        "related": [entity_json(entity, reader) for entity in profile.related],
        "quotes": [quote_json(seen) for seen in profile.quotes],
        "has_more": found.stories.has_more,
    }


def chart(days: list[tuple[str, int]]) -> dict[str, Any] | None:
    """A bar for each of the last ``CHART_DAYS`` days up to the newest, as the inline SVG
    draws them (a day without stories has a bar of no height)."""
    if not days:
        return None
    counts = dict(days)
    last = date.fromisoformat(days[-1][0])
    first = max(date.fromisoformat(days[0][0]), last - timedelta(days=CHART_DAYS - 1))
    span = (last - first).days + 1
    most = max(counts.values())
    width = CHART_WIDTH / max(span, 7)
    bars = []
    for offset in range(span):
        day = (first + timedelta(days=offset)).isoformat()
        stories = counts.get(day, 0)
        height = round(stories / most * (CHART_HEIGHT - 20), 1)
        bars.append(
            {
                "day": day,
                "stories": stories,
                "x": round(offset * width, 1),
                "y": round(CHART_HEIGHT - 14 - height, 1),
                "width": round(width * 0.8, 1),
                "height": height,
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "first": first.isoformat(),
        "last": last.isoformat(),
        "most": most,
        "bars": bars,
    }


def entity_page(
    store: Store, reader: Reader, now: datetime, entity_id: str, page: int
) -> dict[str, Any]:
    """``/entity/<id>``: the entity, its stories over time, its company and quotes."""
    found = desk.entity_page(
        store, entity_id, now=now, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    if not found.stories.articles and page > 1:
        raise Problem(404, N_("This list has no page %(page)s."), page=page)
    data = page_json(found, reader)
    path = entity_url(entity_id)
    return {
        "page": "entity",
        **data,
        "type_word": reader.gettext(TYPE_WORDS[found.profile.entity.type]),
        "chart": chart(list(found.profile.days)),
        "items": [teaser(article, reader, now) for article in found.stories.articles],
        "search_url": f"/search?entity={quote_url(entity_id, safe=':')}",
        **page_urls(path, {}, page, found.stories.has_more),
    }


def _marked(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """A block cut into plain text and entity mentions, each mention with its page."""
    parts: list[dict[str, Any]] = []
    at = 0
    for start, end, entity_id in sorted(spans):
        if start < at or end > len(text):  # overlapping, or past a text that changed
            continue
        if start > at:
            parts.append({"text": text[at:start], "url": None})
        parts.append({"text": text[start:end], "url": entity_url(entity_id)})
        at = end
    if at < len(text):
        parts.append({"text": text[at:], "url": None})
    return parts


def speaker_json(quote: Quote, names: dict[str, str]) -> dict[str, Any] | None:
    """Who said it, for a quote block: "Volodymyr Zelensky, president", "woordvoerder,
    Ministry of Foreign Affairs (China)", with the speaker's entity page."""
    speaker = quote.speaker
    if speaker is None:
        return None
    entity = speaker.entity
    entity_name = names.get(entity) if entity else None
    parts = [speaker.name, speaker.role] if speaker.name else [speaker.role, entity_name]
    label = ", ".join(part for part in parts if part) or entity_name
    return {
        "label": label,
        "url": entity_url(entity) if entity and entity_name else None,
    }


def article_findings(stored: StoredArticle, reader: Reader) -> dict[str, Any]:
    """An article's body with its mentions linked (``body_parts``, a list of parts per
    block), its entities, and its quotes as blocks with their speakers."""
    article = stored.article
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for entity in article.entities:
        for mention in entity.mentions:
            spans.setdefault(mention.block, []).append((mention.start, mention.end, entity.id))
    names = {entity.id: shown_name(entity, reader) for entity in article.entities}
    return {
        "body_parts": [
            _marked(block.text, spans.get(index, [])) for index, block in enumerate(article.body)
        ],
        "entities": [
            {
                "id": entity.id,
                "type": entity.type,
                "name": entity.name,
                "shown_name": names[entity.id],
                "mentions": len(entity.mentions),
                "url": entity_url(entity.id),
            }
            for entity in article.entities
        ],
        "quotes": [
            {**quote_to_json(quote), "speaker_shown": speaker_json(quote, names)}
            for quote in article.quotes
        ],
    }


def in_the_news(store: Store, reader: Reader, now: datetime) -> dict[str, Any]:
    """The front page's "in the news today": the people and places named most in the last
    24 hours."""
    found = desk.in_the_news(store, now=now, limit=NEWS_ENTITIES)
    return {
        "since": found.since.isoformat(),
        "people": [entity_json(entity, reader) for entity in found.people],
        "places": [entity_json(entity, reader) for entity in found.places],
    }
