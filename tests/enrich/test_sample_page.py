"""Enrichment on the sample ANP page, as ``desk.page_of(..., enriched=True)`` gives it and
``wiredesk parse`` prints it: the issue's "done when"."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import jsonschema

from tests.conftest import SAMPLES
from tests.test_cli import SCHEMA, wiredesk
from wiredesk.desk import page_of, prepare
from wiredesk.enrich import enrich_page, remembering
from wiredesk.model import Brief, Capture, Page

SAMPLE = SAMPLES / "anp-buitenland.txt"
NOW = datetime(2026, 3, 18, 14, tzinfo=UTC)


def sample() -> Page:
    return page_of(
        Capture(data=SAMPLE.read_bytes(), source="anp", captured_at=NOW, captured_at_from="given"),
        enriched=True,
    )


def capture_of(text: str) -> Capture:
    return Capture(data=text.encode(), source="anp", captured_at=NOW, captured_at_from="given")


def names_of(story: object, kind: str) -> set[str]:
    return {entity.name for entity in story.entities if entity.type == kind}  # type: ignore[attr-defined]


def test_the_sample_article_names_its_places_with_geonames_ids() -> None:
    article = sample().article
    places = {entity.name: entity.id for entity in article.entities if entity.type == "place"}
    expected = {
        "North Korea", "Russia", "Ukraine", "China", "Kursk", "South Korea", "United States",
        "Moscow", "Kyiv", "Beijing",
    }  # fmt: skip
    assert expected <= set(places)
    assert places["Russia"] == "geonames:2017370"
    assert places["North Korea"] == "geonames:1873107"
    assert all(place_id.startswith("geonames:") for place_id in places.values())


def test_adjectives_and_exonyms_are_their_places() -> None:
    article = sample().article
    mentions = {
        mention.text: entity.name for entity in article.entities for mention in entity.mentions
    }
    assert mentions["Noord-Koreaanse"] == "North Korea"
    assert mentions["Zuid-Koreaanse"] == "South Korea"
    assert mentions["Amerikaanse"] == "United States"
    assert mentions["Moskou"] == "Moscow"
    assert mentions["Koersk"] == "Kursk"
    assert mentions["BEIJING"] == "Beijing"


def test_mentions_point_at_their_text_in_headline_dateline_and_body() -> None:
    article = sample().article
    texts = {-1: article.headline, -2: article.dateline.place}  # type: ignore[union-attr]
    texts |= {index: block.text for index, block in enumerate(article.body)}
    for entity in article.entities:
        for mention in entity.mentions:
            assert texts[mention.block][mention.start : mention.end] == mention.text
    china = next(entity for entity in article.entities if entity.name == "China")
    assert china.mentions[0].block == -1  # the headline names it first
    beijing = next(entity for entity in article.entities if entity.name == "Beijing")
    assert [mention.block for mention in beijing.mentions] == [-2]


def test_the_sample_article_names_its_people_and_the_foreign_ministry() -> None:
    article = sample().article
    assert {"Volodymyr Zelensky", "Antony Blinken"} <= names_of(article, "person")
    organisations = {entity.id for entity in article.entities if entity.type == "organisation"}
    assert "org:ministry-foreign-affairs-cn" in organisations


def test_the_spokesmans_quotes_have_their_speaker() -> None:
    quotes = sample().article.quotes
    direct = [quote for quote in quotes if quote.kind == "direct"]
    first = next(quote for quote in direct if quote.text.startswith("Noord-Korea en Rusland"))
    assert first.speaker is not None
    assert first.speaker.role == "woordvoerder"
    assert first.speaker.entity == "org:ministry-foreign-affairs-cn"
    aldus = next(quote for quote in quotes if quote.text.startswith("De positie van China"))
    assert aldus.kind == "indirect" and aldus.speaker == first.speaker
    split = next(quote for quote in direct if quote.text.startswith("moeten werken"))
    assert split.speaker == first.speaker
    zelensky = next(quote for quote in direct if quote.text == "de stilte van China")
    assert zelensky.speaker is not None and zelensky.speaker.entity == "person:selensky"


def test_blinkens_figures_count_soldiers() -> None:
    figures = sample().article.figures
    assert [(figure.value, figure.counts) for figure in figures if figure.block == 5] == [
        (8000, "soldaten"),
        (10000, "soldaten"),
    ]
    assert figures[-2].text == "zo'n 8000 Noord-Koreaanse soldaten"


def test_the_rails_briefs_have_their_own_entities() -> None:
    briefs: list[Brief] = [brief for rail in sample().rails for brief in rail.items]
    people = set().union(*(names_of(brief, "person") for brief in briefs))
    organisations = set().union(*(names_of(brief, "organisation") for brief in briefs))
    assert {"Keir Starmer", "Claudia Sheinbaum", "Ali Larijani", "Donald Trump"} <= people
    assert "NATO" in organisations
    starmer = next(brief for brief in briefs if "Keir Starmer" in names_of(brief, "person"))
    said = [quote for quote in starmer.quotes if quote.speaker and quote.speaker.name]
    assert {quote.speaker.name for quote in said} == {"Keir Starmer"}  # type: ignore[union-attr]
    # The surname alone later in the brief is the same person.
    keir = next(entity for entity in starmer.entities if entity.name == "Keir Starmer")
    assert [mention.text for mention in keir.mentions] == ["Keir Starmer", "Starmer"]


def test_one_person_has_one_id_across_briefs_and_spellings() -> None:
    briefs = [brief for rail in sample().rails for brief in rail.items]
    ids = {
        entity.id
        for brief in briefs
        for entity in brief.entities
        if entity.name in {"Zelensky", "Volodymyr Zelensky"}
    }
    assert ids == {"person:selensky"}


def test_wiredesk_parse_prints_entities_quotes_and_figures_for_article_and_briefs() -> None:
    result = wiredesk("parse", str(SAMPLE), "--captured-at", "2026-03-18T14:00:00+00:00")
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    jsonschema.validate(page, SCHEMA)
    article = page["article"]
    places = {entity["name"] for entity in article["entities"] if entity["type"] == "place"}
    assert {"North Korea", "Kyiv", "Beijing"} <= places
    blinken = next(entity for entity in article["entities"] if entity["name"] == "Antony Blinken")
    assert blinken == {
        "type": "person",
        "id": "person:blinken",
        "name": "Antony Blinken",
        "mentions": [{"text": "Antony Blinken", "block": 5, "start": 47, "end": 61}],
    }
    assert {"kind", "text", "speaker", "block"} == set(article["quotes"][0])
    assert {"text": "zo'n 8000 Noord-Koreaanse soldaten", "value": 8000.0, "counts": "soldaten",
            "block": 5} in article["figures"]  # fmt: skip
    for rail in page["rails"]:
        for brief in rail["items"]:
            assert brief["entities"], brief["text"][:40]


def test_a_rail_met_again_on_another_page_is_enriched_once_with_the_same_findings() -> None:
    """The routes into the store remember what they found: the sample's rail on a second
    page of its section (another article over it) costs no second enrichment, and gives
    what enriching it afresh gives."""
    text = SAMPLE.read_text(encoding="utf-8")
    first = page_of(capture_of(text))
    headline = first.article.headline or ""
    second = page_of(capture_of(text.replace(headline, "Een ander verhaal over de oorlog", 1)))
    assert second.article.headline != headline
    remembered = remembering(100)
    enrich_page(first, remembered)
    briefs = sum(len(rail.items) for rail in first.rails)
    assert briefs == 7
    assert remembered.cache_info().misses == briefs + 1  # type: ignore[attr-defined]
    again = enrich_page(second, remembered)
    assert remembered.cache_info().hits == briefs  # type: ignore[attr-defined]
    assert again == enrich_page(second)
    assert [brief.entities for rail in again.rails for brief in rail.items] == [
        brief.entities for rail in sample().rails for brief in rail.items
    ]


def test_a_capture_on_its_way_into_the_store_has_the_page_wiredesk_parse_gives() -> None:
    capture = capture_of(SAMPLE.read_text(encoding="utf-8"))
    for _ in range(2):  # the second time from what the first remembered
        keep = prepare(capture)
        assert keep.error is None
        assert keep.page == page_of(capture, enriched=True)
