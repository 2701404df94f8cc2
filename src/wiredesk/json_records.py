"""Records as JSON: the one place pages, stored articles, versions, hits and feeds become JSON
(and a wire item's record, which the store keeps as JSON, is read back).

The shape of a page is described by ``page.schema.json`` beside this module.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wiredesk.model import (
    Article,
    Block,
    Brief,
    Dateline,
    Entity,
    EntityCount,
    Feed,
    Figure,
    Hit,
    Media,
    Page,
    Quote,
    QuoteSeen,
    Rail,
    StoredArticle,
    Subject,
    Version,
    Wire,
)


def page_to_json(page: Page) -> dict[str, Any]:
    return {
        "source": page.source,
        "captured_at": _time(page.captured_at),
        "language": page.language,
        "url": page.url,
        "site_name": page.site_name,
        "article": {**_article(page.article), **findings_to_json(page.article)},
        "rails": [_rail(rail) for rail in page.rails],
        "dropped": list(page.dropped),
        "wire": wire_to_json(page.wire),
    }


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _blocks(body: tuple[Block, ...]) -> list[dict[str, str]]:
    return [{"kind": block.kind, "text": block.text} for block in body]


def _dateline(dateline: Dateline | None) -> dict[str, Any] | None:
    if dateline is None:
        return None
    return {
        "place": dateline.place,
        "agencies": list(dateline.agencies),
        "date_text": dateline.date_text,
        "desk": dateline.desk,
    }


def _article(article: Article) -> dict[str, Any]:
    return {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "byline": article.byline,
        "version": article.version,
        "replaces": article.replaces,
        "is_correction": article.is_correction,
        "dateline": _dateline(article.dateline),
        "body": _blocks(article.body),
        "published_at": _time(article.published_at),
        "section": article.section,
    }


def wire_to_json(wire: Wire | None) -> dict[str, Any] | None:
    if wire is None:
        return None
    return {
        "format": wire.format,
        "item_id": wire.item_id,
        "version": wire.version,
        "pub_status": wire.pub_status,
        "signals": list(wire.signals),
        "urgency": wire.urgency,
        "service": wire.service,
        "category": wire.category,
        "slugline": wire.slugline,
        "subheadline": wire.subheadline,
        "keywords": list(wire.keywords),
        "subjects": [{"code": subject.code, "name": subject.name} for subject in wire.subjects],
        "agencies": list(wire.agencies),
        "embargoed_at": _time(wire.embargoed_at),
        "copyright": wire.copyright,
        "notes": list(wire.notes),
        "media": [
            {"kind": media.kind, "item_id": media.item_id, "caption": media.caption}
            for media in wire.media
        ],
    }


def wire_from_json(data: dict[str, Any]) -> Wire:
    """A ``Wire`` back from what ``wire_to_json`` made of it (as the store keeps it)."""
    embargoed_at = data.get("embargoed_at")
    return Wire(
        format=data["format"],
        item_id=data.get("item_id"),
        version=data.get("version"),
        pub_status=data.get("pub_status"),
        signals=tuple(data.get("signals", ())),
        urgency=data.get("urgency"),
        service=data.get("service"),
        category=data.get("category"),
        slugline=data.get("slugline"),
        subheadline=data.get("subheadline"),
        keywords=tuple(data.get("keywords", ())),
        subjects=tuple(
            Subject(code=subject["code"], name=subject.get("name"))
            for subject in data.get("subjects", ())
        ),
        agencies=tuple(data.get("agencies", ())),
        embargoed_at=datetime.fromisoformat(embargoed_at) if embargoed_at else None,
        copyright=data.get("copyright"),
        notes=tuple(data.get("notes", ())),
        media=tuple(
            Media(kind=media["kind"], item_id=media.get("item_id"), caption=media.get("caption"))
            for media in data.get("media", ())
        ),
    )


def _brief(brief: Brief) -> dict[str, Any]:
    return {
        "title": brief.title,
        "dateline": _dateline(brief.dateline),
        "text": brief.text,
        "age_text": brief.age_text,
        "age_seconds": brief.age_seconds,
        "published_at": _time(brief.published_at),
    }


def _rail(rail: Rail) -> dict[str, Any]:
    return {
        "title": rail.title,
        "section": rail.section,
        "items": [{**_brief(brief), **findings_to_json(brief)} for brief in rail.items],
    }


def findings_to_json(story: Article | Brief) -> dict[str, Any]:
    """What enrichment found in an article or a brief: ``entities``, ``quotes``, ``figures``."""
    return {
        "entities": [entity_to_json(entity) for entity in story.entities],
        "quotes": [quote_to_json(quote) for quote in story.quotes],
        "figures": [figure_to_json(figure) for figure in story.figures],
    }


def entity_to_json(entity: Entity) -> dict[str, Any]:
    return {
        "type": entity.type,
        "id": entity.id,
        "name": entity.name,
        "mentions": [
            {"text": mention.text, "block": mention.block, "start": mention.start,
             "end": mention.end}
            for mention in entity.mentions
        ],
    }  # fmt: skip


def quote_to_json(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "kind": quote.kind,
        "text": quote.text,
        "speaker": None
        if speaker is None
        else {"name": speaker.name, "entity": speaker.entity, "role": speaker.role},
        "block": quote.block,
    }


def figure_to_json(figure: Figure) -> dict[str, Any]:
    return {
        "text": figure.text,
        "value": figure.value,
        "counts": figure.counts,
        "block": figure.block,
    }


def stored_article_to_json(stored: StoredArticle) -> dict[str, Any]:
    """A stored article: its article's fields and the store's, in the order the API has
    always given them. The article's own ``version``, the one printed, is
    ``printed_version`` here; ``version`` counts the versions the store kept."""
    article = _article(stored.article)
    return {
        "id": stored.id,
        "kind": stored.kind,
        "headline": article["headline"],
        "standfirst": article["standfirst"],
        "byline": article["byline"],
        "section": article["section"],
        "language": stored.language,
        "dateline": article["dateline"],
        "body": article["body"],
        "version": stored.version,
        "printed_version": article["version"],
        "replaces": article["replaces"],
        "is_correction": article["is_correction"],
        "age_text": stored.age_text,
        "published_at": article["published_at"],
        "first_seen_at": _time(stored.first_seen_at),
        "last_seen_at": _time(stored.last_seen_at),
        "full_article_id": stored.full_article_id,
        "wire": wire_to_json(stored.wire),
    }


def version_to_json(version: Version) -> dict[str, Any]:
    return {
        "version": version.version,
        "headline": version.headline,
        "body": _blocks(version.body),
        "printed_version": version.printed_version,
        "is_correction": version.is_correction,
        "published_at": _time(version.published_at),
        "seen_at": _time(version.seen_at),
        "source": version.source,
    }


def hit_to_json(hit: Hit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "kind": hit.kind,
        "headline": hit.headline,
        "section": hit.section,
        "place": hit.place,
        "agencies": list(hit.agencies),
        "language": hit.language,
        "published_at": _time(hit.published_at),
        "score": hit.score,
        "snippet": hit.snippet.text,
        "highlights": [list(span) for span in hit.snippet.highlights],
    }


def feed_to_json(feed: Feed) -> dict[str, Any]:
    """A feed with the state of its polls, for `feeds list --format json` and the web reader."""
    return {
        "id": feed.id,
        "url": feed.url,
        "title": feed.title,
        "section": feed.section,
        "interval_seconds": feed.interval_seconds,
        "is_fetching_articles": feed.is_fetching_articles,
        "is_private_allowed": feed.is_private_allowed,
        "status": feed.status,
        "last_error": feed.last_error,
        "last_success_at": _time(feed.last_success_at),
        "last_attempt_at": _time(feed.last_attempt_at),
        "next_poll_at": _time(feed.next_poll_at),
        "failures": feed.failures,
        "items_seen": feed.items_seen,
        "created_at": _time(feed.created_at),
    }


def entity_count_to_json(entity: EntityCount) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "stories": entity.stories,
        "mentions": entity.mentions,
    }


def quote_seen_to_json(seen: QuoteSeen) -> dict[str, Any]:
    """A kept quote, with the story it is in."""
    return {
        **quote_to_json(seen.quote),
        "article_id": seen.article_id,
        "headline": seen.headline,
        "dated_at": _time(seen.dated_at),
    }
