"""Date lines under a headline: what ``read_date_line`` reads, and what it leaves alone."""

from __future__ import annotations

from datetime import date, time

import pytest

from wiredesk.parse.times import read_date_line, read_glued_date_line


@pytest.mark.parametrize(
    ("line", "day", "clock"),
    [
        ("March 18, 2026", date(2026, 3, 18), None),
        ("Nov. 8, 2025 10:42 a.m.", date(2025, 11, 8), time(10, 42)),
        ("Updated March 18, 2026 10:42 GMT", date(2026, 3, 18), time(10, 42)),
        ("UPDATED MARCH 18, 2026 10:42 GMT", date(2026, 3, 18), time(10, 42)),
        ("March 18, 2026 11:42 AM GMT Updated 2 hours ago", date(2026, 3, 18), time(11, 42)),
        ("18.03.2026 | Aktualisiert 14:30", date(2026, 3, 18), None),
        ("Publié le 18 mars 2026 à 14h02, mis à jour à 15h10", date(2026, 3, 18), time(14, 2)),
        ("Laatste update: 18 maart 2026, 14:02", date(2026, 3, 18), time(14, 2)),
        ("Mittwoch, 18. März 2026, 14:02 Uhr", date(2026, 3, 18), time(14, 2)),
    ],
)
def test_a_date_line_gives_its_first_date_and_time(
    line: str, day: date, clock: time | None
) -> None:
    printed = read_date_line(line)
    assert printed is not None
    assert (printed.day, printed.clock) == (day, clock)


@pytest.mark.parametrize(
    "line",
    [
        "REFILE-At least 10 killed in earthquake in Berlin",
        "The vote on March 18 was delayed",
        "Updated rules take effect on 1 April",
        "Mehr als 20 Menschen verletzt",
    ],
)
def test_a_line_of_prose_with_a_date_is_no_date_line(line: str) -> None:
    assert read_date_line(line) is None


def test_a_date_line_glued_to_sixty_characters_before_it_is_read() -> None:
    date_line = "Published " + "on the " * 8 + "March 18, 2026 10:42 GMT"  # 90 characters
    printed = read_glued_date_line("a" * 60 + date_line)
    assert printed is not None
    assert (printed.day, printed.clock) == (date(2026, 3, 18), time(10, 42))
    # longer, the piece after the junction is no date line
    assert read_glued_date_line("a" * 60 + date_line + " h") is None
