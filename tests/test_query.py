"""The request vocabulary: filters read from the strings a face was given, one way for all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from wiredesk.errors import ParameterError, QueryError
from wiredesk.query import FILTER_NAMES, MAX_TEXT, Filters, read_filters, read_query, read_time


def test_blank_or_missing_filters_mean_any() -> None:
    assert read_filters() == Filters()
    assert read_filters(**{name: "  " for name in FILTER_NAMES}) == Filters()
    assert read_filters(section="", agency=None) == Filters()


def test_words_are_trimmed_and_kept_as_given() -> None:
    found = read_filters(section=" Buitenland ", agency="ANP", place="LONDEN", language="nl")
    assert found == Filters(section="Buitenland", agency="ANP", place="LONDEN", language="nl")


def test_a_time_without_an_offset_is_utc_and_one_with_an_offset_becomes_utc() -> None:
    found = read_filters(since="2026-03-18T13:30:00", until="2026-03-18T14:30:00+01:00")
    assert found.since == datetime(2026, 3, 18, 13, 30, tzinfo=UTC)
    assert found.until == datetime(2026, 3, 18, 13, 30, tzinfo=UTC)
    assert found.until.utcoffset() == timedelta(0)
    assert read_filters(since="2026-03-18").since == datetime(2026, 3, 18, tzinfo=UTC)
    assert read_filters(since="2026-03-18T14:00:00Z").since == datetime(2026, 3, 18, 14, tzinfo=UTC)


@pytest.mark.parametrize(
    ("given", "name", "message"),
    [
        ({"kind": "column"}, "kind", "kind must be article or brief"),
        ({"since": "yesterday"}, "since", "since must be a date or time such as 2026-03-18"),
        ({"until": "9999-99-99"}, "until", "until must be a date or time"),
        ({"until": "9999-12-31T23:00:00-05:00"}, "until", "until is outside the years 1 to 9999"),
        ({"since": "0001-01-01T00:00:00+05:00"}, "since", "since is outside the years 1 to 9999"),
        ({"place": "a" * (MAX_TEXT + 1)}, "place", "place is too long or holds a character"),
        ({"section": "Buiten\x00land"}, "section", "section is too long or holds a character"),
    ],
)
def test_a_value_that_cannot_be_read_is_an_error_naming_its_filter(
    given: dict[str, str], name: str, message: str
) -> None:
    with pytest.raises(ParameterError, match=message) as raised:
        read_filters(**given)
    assert raised.value.name == name


def test_the_edges_of_the_calendar_in_utc_are_read() -> None:
    assert read_time("9999-12-31T23:59:59Z", name="until").year == 9999
    assert read_time("0001-01-01T05:00:00+05:00", name="since") == datetime(1, 1, 1, tzinfo=UTC)
    east = timezone(timedelta(hours=14))
    converted = read_time("2026-03-18T14:00:00+14:00", name="since")
    assert converted == datetime(2026, 3, 18, 14, tzinfo=east)
    assert converted.utcoffset() == timedelta(0)  # in UTC, not merely the same instant


def test_every_face_s_query_is_capped_at_200_characters_and_refuses_a_nul() -> None:
    longest = "koersk".ljust(MAX_TEXT)
    assert read_query(longest).words == {"koersk"}
    with pytest.raises(QueryError, match="longer than 200 characters"):
        read_query("koersk " * 200)
    with pytest.raises(QueryError, match="NUL"):
        read_query("koersk\x00")


def test_a_clause_given_twice_is_searched_for_once() -> None:
    query = read_query("koersk koersk drone OR drones koersk -trump NOT trump")
    assert [[term.words for term in clause] for clause in query.clauses] == [
        [("koersk",)],
        [("drone",), ("drones",)],
    ]
    assert len(query.excluded) == 1
