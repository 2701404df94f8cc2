"""``parse_capture``: the one way from a capture's bytes to its page."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from wiredesk.errors import InputError
from wiredesk.model import Capture
from wiredesk.parse import content_type_of, parse_capture
from wiredesk.parse.text import parse_text

NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
FEED_DATE = datetime(2026, 3, 17, 8, 30, tzinfo=UTC)
UNDATED = (
    "Kabinet trekt extra geld uit voor dijken\n\n"
    "DEN HAAG (ANP) - Het kabinet trekt de komende vijf jaar 800 miljoen euro extra uit voor "
    "de versterking van dijken langs de grote rivieren, heeft de minister bekendgemaakt.\n"
)
DATED = UNDATED.replace("\n\n", "\n18 maart 2026, 11:02\n", 1)


def capture(text: str, **said: object) -> Capture:
    return replace(
        Capture(data=text.encode(), source="page.txt", captured_at=NOW, captured_at_from="given"),
        **said,
    )


def test_a_page_that_prints_no_date_takes_its_sources() -> None:
    page = parse_capture(capture(UNDATED, published_at=FEED_DATE))
    assert page.article.published_at == FEED_DATE


def test_a_printed_date_wins_over_the_sources() -> None:
    page = parse_capture(capture(DATED, published_at=FEED_DATE))
    assert page.article.published_at == datetime(2026, 3, 18, 10, 2, tzinfo=UTC)


def test_what_the_source_said_is_the_parsers_context() -> None:
    page = parse_capture(capture(UNDATED, language="de", section="Binnenland"))
    assert page.language == "de"
    assert page.article.section == "Binnenland"
    assert parse_capture(capture(UNDATED)).language == "nl"


def test_a_capture_said_to_be_html_needs_a_tag() -> None:
    assert content_type_of(capture(UNDATED, content_type="html")) == "text"
    assert content_type_of(capture("<p>" + UNDATED, content_type="html")) == "html"
    html = "<!DOCTYPE html><html><body><p>x</p></body></html>"
    assert content_type_of(capture(html)) == "html"
    assert content_type_of(capture(html, content_type="text")) == "text"


def test_a_capture_time_outside_the_calendar_in_utc_is_an_input_error() -> None:
    early = datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))
    with pytest.raises(InputError, match=r"^page\.txt: capture time: .* outside the years"):
        parse_capture(capture(UNDATED, captured_at=early))


# Times whose moment in UTC falls outside the years 1 to 9999: each is left out of the
# page (its line, if printed, goes to ``dropped``), and the page is read all the same.
STORY = (
    "LONDEN (ANP) - De Britse regering trekt de komende vijf jaar 2,4 miljard pond extra uit "
    "voor de versterking van dijken en kustwerken in het oosten van Engeland."
)
EDGE_HTML = {
    "meta": '<meta property="article:published_time" content="{when}">',
    "json-ld": '<script type="application/ld+json">{{"@type": "NewsArticle", '
    '"datePublished": "{when}"}}</script>',
}


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"])
@pytest.mark.parametrize("where", ["meta", "json-ld", "time"])
def test_a_machine_time_outside_the_calendar_is_left_out_and_the_page_kept(
    where: str, when: str
) -> None:
    head = EDGE_HTML.get(where, "").format(when=when)
    time = f'<time datetime="{when}">gisteren</time>' if where == "time" else ""
    html = (
        f"<!DOCTYPE html><html><head>{head}</head><body><article>"
        f"<h1>Britten versterken hun dijken</h1>{time}<p>{STORY}</p></article></body></html>"
    )
    page = parse_capture(capture(html, content_type="html"))
    assert page.article.headline == "Britten versterken hun dijken"
    assert any("Britse regering" in block.text for block in page.article.body)
    assert page.article.published_at is None or page.article.published_at.year == 2026


@pytest.mark.parametrize(
    ("line", "language", "zone"),
    [
        ("December 31, 9999 11:59 PM", "en", "America/New_York"),
        ("31 december 9999, 23:59", "nl", "America/New_York"),
        ("Freitag, 31.12.9999, 23:59 Uhr", "de", "America/Los_Angeles"),
        ("Publié le 31 décembre 9999 à 23h59", "fr", "America/New_York"),
        ("1 januari 0001, 00:10", "nl", None),  # Amsterdam's clock was 19.5 minutes ahead
    ],
)
def test_a_printed_date_outside_the_calendar_is_dropped_and_the_page_kept(
    line: str, language: str, zone: str | None
) -> None:
    text = UNDATED.replace("\n\n", f"\n{line}\n", 1)
    page = parse_capture(capture(text, language=language, timezone=zone))
    assert page.article.headline == "Kabinet trekt extra geld uit voor dijken"
    assert page.article.published_at is None
    assert line in page.dropped


RAIL = (
    UNDATED + "Meer uit Binnenland\n"
    "UTRECHT (ANP) - Bij een brand in een loods in Utrecht is niemand gewond geraakt.\n"
    "3 uur geleden\n"
    "ZWOLLE (ANP) - De provincie Overijssel krijgt er twee nieuwe fietspaden bij.\n"
    "gisteren, 22:15\n"
    "ARNHEM (ANP) - Een trein is bij Arnhem ontspoord; er raakte niemand gewond.\n"
    "14:44\n"
)


@pytest.mark.parametrize(
    "captured_at",
    [
        datetime(1, 1, 1, 2, tzinfo=UTC),
        datetime(1, 1, 1, 0, 0, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    ],
)
def test_ages_that_count_back_past_the_calendar_place_nothing(captured_at: datetime) -> None:
    page = parse_text(RAIL, captured_at=captured_at, language="nl", timezone="America/New_York")
    [rail] = page.rails
    assert [brief.age_text for brief in rail.items] == ["3 uur geleden", "gisteren, 22:15", "14:44"]
    for brief in rail.items:
        assert brief.published_at is None or 1 <= brief.published_at.year <= 9999
    assert page.captured_at == captured_at
    # The same through the capture path, in the page language's own zone.
    assert parse_capture(capture(RAIL, captured_at=captured_at)).rails[0].items


def test_parse_text_reads_a_page_captured_at_a_time_with_no_utc_one() -> None:
    early = datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))
    page = parse_text(RAIL, captured_at=early, language="nl")
    assert page.captured_at is None  # left out, as it cannot be said in UTC
    assert [brief.published_at for brief in page.rails[0].items] == [None, None, None]
    assert page.article.headline == "Kabinet trekt extra geld uit voor dijken"
