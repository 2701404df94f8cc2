"""Properties of the parser on any text: it never raises and it loses no line."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wiredesk import parse_text
from wiredesk.model import Dateline, Page
from wiredesk.parse.lines import clean_line

# Words: runs of letters or of digits, split where lower case meets upper case,
# so that "geledenWASHINGTON" (an age glued to a dateline) is two words on both sides.
WORD_RE = re.compile(r"[^\W\d_]+|\d+")
CASE_BREAK_RE = re.compile(r"(?<=[^\W\d_])(?=[A-Z])")

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)

# Pieces of real pages, so that generated text exercises datelines, ages and rails.
PIECES = [
    "China wil zich niet mengen",
    "BEIJING (ANP/AFP) - De samenwerking tussen Rusland en Noord-Korea.",
    "LONDON, Nov 8 (Reuters) -",
    "Meer uit Buitenland",
    "More from World",
    "1 uur geleden",
    "2 hours agoWASHINGTON (AP) — The",
    "vor 3 Stunden",
    "il y a 4 heures",
    "14:44",
    "17 maart",
    "Door ANP",
    "By Jane Doe",
    "18 maart 2026, 14:02",
    "Deel dit artikel",
    "Advertentie",
    "Foto: ANP / Remko de Waal",
    "UPDATE 1-Oil prices fall",
    "Kabinet valt (2)",
    "N i e u w bericht, vervangt: Kabinet valt",
    "(Reporting by Jane Doe; Editing by John Smith)",
    "FEYENOORD (Ned) - Celtic (Sco) 2-1",
    "Koersk",
    "Berlin (dpa/lnw) =",
    # teasers closed by a link, bylines and kickers in rails, prompts and polls around a story
    "Lees meer »",
    "Ontdek je voordeel ›",
    "Articles en relation",
    "Von unserer Redaktion",
    "ABO+ Par Jean Dupont, Marie Martin 19.11.2019",
    "Pesticide L'interdiction du fongicide est demandée.",
    "Wie in Bilzen denkt om nog",
    "Name (erforderlich)",
    "Please read our comment policy before commenting.",
    "Do you expect the vote to pass?",
    "Yes, within a year",
    "Das folgende Video zeigt die Debatte:",
    "Créé: 12.12.2019, 07h36",
    "Olivier Véran",
    # rails above the story and boxes inside it, bulleted teasers, pointers glued to titles
    "Most read",
    "Lees ook",
    "Mehr zum Thema",
    "Rail strike called off after late-night talks",
    "• Rail strike called off after late-night talks",
    "•",
    "À lire aussi La police ferme le vieux pont",
    "Het werk aan de eerste busbaan begint in mei en duurt ongeveer drie maanden, aldus de gemeente.",
    "Skip Ad",
]


def words(text: str) -> Iterator[str]:
    text = unicodedata.normalize("NFC", text)
    for word in WORD_RE.findall(CASE_BREAK_RE.sub(" ", text)):
        yield word.casefold()


def dateline_strings(dateline: Dateline | None) -> list[str]:
    if dateline is None:
        return []
    return [dateline.place or "", *dateline.agencies, dateline.date_text or "", dateline.desk or ""]


def output_strings(page: Page) -> Iterator[str]:
    article = page.article
    yield from (article.headline or "", article.standfirst or "", article.byline or "")
    yield article.replaces or ""
    yield from dateline_strings(article.dateline)
    yield from (block.text for block in article.body)
    for rail in page.rails:
        yield rail.title or ""
        for brief in rail.items:
            yield from (brief.title or "", brief.text or "", brief.age_text or "")
            yield from dateline_strings(brief.dateline)
    yield from page.dropped


def assert_every_line_accounted_for(text: str, page: Page) -> None:
    """Every word of every line is in the output at least as often as in the input.

    Counting words, not just looking them up, catches a lost line whose words
    also stand elsewhere on the page.
    """
    found = Counter(word for piece in output_strings(page) for word in words(piece))
    given = Counter(word for line in text.splitlines() for word in words(clean_line(line)))
    missing = given - found
    assert not missing, f"lost words: {sorted(missing.elements())[:20]}"


lines = st.one_of(
    st.sampled_from(PIECES),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80),
)
pages = st.lists(lines, max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=pages, language=st.sampled_from([None, "nl", "en", "de", "fr", "xx"]))
@example(
    text="1 uur geledenWASHINGTON (ANP/RTR) - De Verenigde Staten\n5 uur geleden", language="nl"
)
def test_parse_never_raises_and_loses_no_line(text: str, language: str | None) -> None:
    page = parse_text(text, captured_at=CAPTURED_AT, language=language)
    assert_every_line_accounted_for(text, page)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=400))
def test_parse_never_raises_on_any_text(text: str) -> None:
    page = parse_text(text)
    assert_every_line_accounted_for(text, page)


def test_sample_loses_no_line(sample_text: str) -> None:
    assert_every_line_accounted_for(sample_text, parse_text(sample_text, captured_at=CAPTURED_AT))


# Times at the calendar's edges: printed in the pieces and given as the capture time, in
# zones on both sides of Greenwich.
EDGE_PIECES = [
    "December 31, 9999 11:59 PM",
    "31 december 9999, 23:59",
    "1 januari 0001, 00:10",
    "Freitag, 31.12.9999, 23:59 Uhr",
    "Publié le 31 décembre 9999 à 23h59",
    "3 uur geleden",
    "gisteren, 22:15",
    "9999 jaar geleden",
    "99999999999 years ago",
    "31 december",
    "23:59",
]
edge_moments = st.one_of(
    st.datetimes(
        min_value=datetime(1, 1, 1), max_value=datetime(1, 1, 3), timezones=st.just(UTC)
    ),
    st.datetimes(
        min_value=datetime(9999, 12, 30), max_value=datetime(9999, 12, 31, 23, 59),
        timezones=st.just(UTC),
    ),
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(st.sampled_from(PIECES + EDGE_PIECES), max_size=20).map("\n".join),
    captured_at=edge_moments,
    zone=st.sampled_from([None, "America/New_York", "Pacific/Kiritimati", "Europe/Amsterdam"]),
)
def test_parse_never_raises_at_the_calendars_edges(
    text: str, captured_at: datetime, zone: str | None
) -> None:
    page = parse_text(text, captured_at=captured_at, language="nl", timezone=zone)
    assert_every_line_accounted_for(text, page)
    times = [page.article.published_at] + [b.published_at for r in page.rails for b in r.items]
    assert all(time is None or time.tzinfo is UTC for time in times)
