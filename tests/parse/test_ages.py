"""Ages and other time labels beside briefs, in nl, en, de and fr."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from wiredesk.parse.ages import read_age
from wiredesk.parse.labels import _may_end_with_label, read_label, split_label

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("text", "language", "seconds"),
    [
        ("1 uur geleden", "nl", 3600),
        ("45 minuten geleden", "nl", 2700),
        ("1 minuut geleden", "nl", 60),
        ("3 dagen geleden", "nl", 3 * 86400),
        ("gisteren", "nl", 86400),
        ("zojuist", "nl", 0),
        ("een uur geleden", "nl", 3600),
        ("2 hours ago", "en", 7200),
        ("5 min. ago", "en", 300),
        ("2h ago", "en", 7200),
        ("an hour ago", "en", 3600),
        ("yesterday", "en", 86400),
        ("just now", "en", 0),
        ("vor 3 Stunden", "de", 10800),
        ("vor einer Stunde", "de", 3600),
        ("vor 5 Min.", "de", 300),
        ("gestern", "de", 86400),
        ("gerade eben", "de", 0),
        ("il y a 4 heures", "fr", 14400),
        ("il y a une heure", "fr", 3600),
        ("il y a 3\u00a0h", "fr", 10800),
        ("hier", "fr", 86400),
        ("à l'instant", "fr", 0),
    ],
)
def test_read_age(text: str, language: str, seconds: int) -> None:
    assert read_age(text, (language,)) == seconds


def test_read_age_rejects_text() -> None:
    assert read_age("De Verenigde Staten", ("nl",)) is None
    assert read_age("hier", ("nl",)) is None  # Dutch "hier" means "here"


def test_age_glued_to_next_brief_is_split_off() -> None:
    split = split_label("1 uur geledenWASHINGTON (ANP/RTR) - De Verenigde Staten", ("nl",))
    assert split.lead == "1 uur geleden"
    assert split.text == "WASHINGTON (ANP/RTR) - De Verenigde Staten"
    assert split.trail is None


def test_age_glued_to_end_of_brief_is_split_off() -> None:
    split = split_label("De Shahed wordt veel gebruikt.2 hours ago", ("en",))
    assert (split.lead, split.text, split.trail) == (
        None,
        "De Shahed wordt veel gebruikt.",
        "2 hours ago",
    )


def test_a_label_after_an_apostrophe_is_looked_for_by_the_word_after_it() -> None:
    # "d'hier": the last word is read after its apostrophe; "2 jours" without one.
    assert _may_end_with_label("Le président a parlé. d'hier", ("fr",))
    assert _may_end_with_label("Le président a parlé, il y a 2 jours", ("fr",))
    assert not _may_end_with_label("Le président a parlé d'abord", ("fr",))
    assert split_label("Le président a parlé. d'hier", ("fr",)).trail == "hier"


def test_sentence_starting_with_an_age_word_is_not_split() -> None:
    assert split_label("Hier, le président a parlé.", ("fr",)).lead is None
    assert split_label("Gisteren heeft de minister gesproken.", ("nl",)).lead is None


def test_clock_time_is_local_and_on_the_capture_day() -> None:
    # 14:00 UTC is 15:00 in Amsterdam: 14:44 local is 13:44 UTC, 16 minutes before.
    found = read_label("14:44", ("nl",), CAPTURED_AT, AMSTERDAM)
    assert found.published_at == datetime(2026, 3, 18, 13, 44, tzinfo=UTC)
    assert found.age_seconds == 16 * 60


def test_clock_time_after_the_capture_is_the_day_before() -> None:
    found = read_label("23:10", ("nl",), CAPTURED_AT, AMSTERDAM)
    assert found.published_at == datetime(2026, 3, 17, 22, 10, tzinfo=UTC)


def test_printed_date_is_local_midnight() -> None:
    found = read_label("17 maart", ("nl",), CAPTURED_AT, AMSTERDAM)
    assert found.published_at == datetime(2026, 3, 16, 23, 0, tzinfo=UTC)
    assert found.age_seconds == 39 * 3600


def test_date_in_the_future_belongs_to_last_year() -> None:
    found = read_label("20 december", ("nl",), CAPTURED_AT, AMSTERDAM)
    assert found.published_at == datetime(2025, 12, 19, 23, 0, tzinfo=UTC)


def test_yesterday_with_clock_time() -> None:
    found = read_label("gisteren 18:30", ("nl",), CAPTURED_AT, AMSTERDAM)
    assert found.published_at == datetime(2026, 3, 17, 17, 30, tzinfo=UTC)


def test_age_without_capture_time_keeps_seconds_only() -> None:
    found = read_label("2 uur geleden", ("nl",), None, AMSTERDAM)
    assert (found.age_seconds, found.published_at) == (7200, None)


def test_an_age_longer_than_the_calendar_places_nothing() -> None:
    # 5,000 digits are more than Python reads as an int; 10^11 years more than its calendar.
    for count in ("9" * 5000, "99999999999"):
        assert read_age(f"{count} uur geleden", ("nl",)) is None
        found = read_label(f"{count} jaar geleden", ("nl",), CAPTURED_AT, AMSTERDAM)
        assert (found.age_seconds, found.published_at) == (None, None)
    assert read_age("9999 jaar geleden", ("nl",)) == 9999 * 365 * 86400


def test_an_age_past_the_first_year_has_no_time() -> None:
    early = datetime(1, 1, 1, 2, tzinfo=UTC)
    assert read_label("3 uur geleden", ("nl",), early, AMSTERDAM).published_at is None
    assert read_label("1 uur geleden", ("nl",), early, AMSTERDAM).published_at == datetime(
        1, 1, 1, 1, tzinfo=UTC
    )
    assert read_label("gisteren 18:30", ("nl",), early, AMSTERDAM).published_at is None


@pytest.mark.parametrize(
    ("label", "languages", "published_at"),
    [
        # the clock beside a date, never read in the date itself ("18.03" is no 18:03)
        ("18.03.2026, 13:14 Uhr", ("de",), datetime(2026, 3, 18, 12, 14, tzinfo=UTC)),
        ("04.12.2025", ("de",), datetime(2025, 12, 3, 23, 0, tzinfo=UTC)),
        # American pages print the month first where the day cannot be
        ("11/20/2025 01:14 PM", ("en",), datetime(2025, 11, 20, 12, 14, tzinfo=UTC)),
        ("3/17/26 9:00AM", ("en",), datetime(2026, 3, 17, 8, 0, tzinfo=UTC)),
        # a date that cannot be read gives no time, not the clock on the capture's day
        ("31/02/2026 10:00", ("en",), None),
        ("9:12 AM", ("en",), datetime(2026, 3, 18, 8, 12, tzinfo=UTC)),
    ],
)
def test_a_label_with_a_date_and_a_clock_is_read_whole(
    label: str, languages: tuple[str, ...], published_at: datetime | None
) -> None:
    assert split_label(label, languages).lead == label
    found = read_label(label, languages, CAPTURED_AT, AMSTERDAM)
    assert found.published_at == published_at
