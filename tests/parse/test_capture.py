"""``parse_capture``: the one way from a capture's bytes to its page."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from wiredesk.errors import InputError
from wiredesk.model import Capture
from wiredesk.parse import content_type_of, parse_capture

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
