"""Telling versions and briefs apart by the word trigrams of their leads (stories.versions)."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from datetime import UTC, datetime, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from wiredesk.model import StoryCopy, VersionMark
from wiredesk.stories.versions import (
    LEAD_WORDS,
    article_of,
    briefs_of,
    find_previous_version,
    lead_shingles,
    place_version,
    story_lead,
)

ARTICLE = (
    "Oil prices fell on Friday as weak economic data from China fuelled worries about demand "
    "in the world's biggest crude importer, outweighing supply cuts by major producers.\n"
    "Brent crude futures fell 62 cents, or 0.8%, to $73.01 a barrel by 0938 GMT."
)
UPDATE = (
    "Oil prices fell further on Friday as weak economic data from China fuelled worries about "
    "demand in the world's biggest crude importer, outweighing supply cuts by major producers.\n"
    "Brent crude futures fell 95 cents, or 1.3%, to $72.68 a barrel by 1305 GMT.\n"
    "Analysts said the market would watch U.S. inventory data next week."
)
OTHER = (
    "Britain's economy grew by 0.4% in the third quarter, official figures showed on Friday, "
    "beating forecasts as services and construction picked up.\n"
    "The pound rose against the dollar after the data."
)


def is_brief_of(brief: bytes, article: bytes) -> bool:
    """One brief against one article, as a new brief is held against its place's articles."""
    return article_of(brief, [article]) == 0


def copy(id: int | None, headline: str, text: str, place: str = "London") -> StoryCopy:
    return StoryCopy(id=id, headline=headline, place=place, lead=story_lead(text))


def test_a_lead_is_the_crc32_of_each_trigram_four_bytes_little_endian_sorted() -> None:
    expected = sorted(zlib.crc32(gram.encode()) for gram in ("oil prices fell", "prices fell on"))
    assert lead_shingles("Oil prices, fell on!") == b"".join(
        number.to_bytes(4, "little") for number in expected
    )
    assert lead_shingles("Two words") == zlib.crc32(b"two words").to_bytes(4, "little")
    assert lead_shingles(" ... ") == b""


def test_a_lead_is_the_same_in_every_process() -> None:
    """Leads are kept in the store: Python's own string hashes, seeded anew by each
    process, must not be in them."""
    script = "import sys; from wiredesk.stories.versions import lead_shingles as l; " \
        "sys.stdout.write(l(sys.stdin.read()).hex())"  # fmt: skip
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", script], input=UPDATE, capture_output=True, text=True,
            check=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=60,
        )  # fmt: skip
        assert bytes.fromhex(done.stdout) == lead_shingles(UPDATE)


def test_a_lead_holds_the_first_words_only() -> None:
    text = " ".join(f"w{number}" for number in range(LEAD_WORDS + 50))
    assert len(lead_shingles(text)) == 4 * (LEAD_WORDS - 2)
    assert lead_shingles(text) == lead_shingles(" ".join(text.split()[:LEAD_WORDS]))


def test_an_update_continues_its_story_and_another_story_of_the_place_does_not() -> None:
    kept = [copy(1, "British economy grows faster than expected", OTHER),
            copy(2, "Oil prices fall as China demand worries mount", ARTICLE)]  # fmt: skip
    new = copy(None, "UPDATE 1-Oil prices extend losses as China demand worries mount", UPDATE)
    assert find_previous_version(new, None, kept) == 2
    unrelated = copy(None, "Pound rises after growth figures", OTHER.split("\n")[1])
    assert find_previous_version(unrelated, None, kept) is None
    elsewhere = copy(None, new.headline, UPDATE, place="Paris")
    assert find_previous_version(elsewhere, None, kept) is None


def test_a_brief_is_the_lead_of_its_article_cut_short() -> None:
    brief = story_lead(" ".join(ARTICLE.split()[:20]) + "...")
    assert is_brief_of(brief, story_lead(ARTICLE))
    assert not is_brief_of(brief, story_lead(OTHER))
    assert not is_brief_of(story_lead(ARTICLE), story_lead(ARTICLE.split("\n")[1]))
    assert not is_brief_of(story_lead(""), story_lead(ARTICLE))


def test_a_new_story_is_held_against_every_story_of_its_place_at_once() -> None:
    """A new article against the briefs of its place, a new brief against the articles:
    the same answers as one pair at a time."""
    brief = story_lead(" ".join(ARTICLE.split()[:20]))
    other_brief = story_lead(OTHER.split("\n")[0])
    empty = story_lead("")
    briefs = [other_brief, brief, empty, brief]
    assert briefs_of(story_lead(ARTICLE), briefs) == [False, True, False, True]
    assert briefs_of(story_lead(OTHER), briefs) == [True, False, False, False]
    articles = [story_lead(UPDATE), story_lead(OTHER), story_lead(ARTICLE)]
    assert article_of(brief, articles) == 0  # the update's opening holds the brief too
    assert article_of(other_brief, articles) == 1
    assert article_of(brief, articles[1:]) == 1
    assert article_of(empty, articles) is None
    assert article_of(brief, []) is None
    for one in briefs:
        for article in articles:
            assert is_brief_of(one, article) == briefs_of(article, [one])[0]


def test_a_brief_is_looked_for_in_the_first_two_paragraphs_only() -> None:
    """Versions compare a text's first words, briefs the opening paragraphs: a kept lead
    holds both, the second only where it differs."""
    brief = story_lead(OTHER.split("\n")[0])
    third = "Markets were calm.\nTraders waited.\n" + OTHER
    second = "Markets were calm.\n" + OTHER
    assert not is_brief_of(brief, story_lead(third))
    assert is_brief_of(brief, story_lead(second))
    opening = lead_shingles("Markets were calm. Traders waited.")
    assert story_lead(third) == _counts(third, len(opening) // 4) + lead_shingles(third) + opening
    two = "Markets were calm.\n" + OTHER.split("\n")[0]
    assert story_lead(two) == _counts(two, 0xFFFFFFFF) + lead_shingles(two)


def _counts(text: str, opening: int) -> bytes:
    return (len(lead_shingles(text)) // 4).to_bytes(4, "little") + opening.to_bytes(4, "little")


def two_readings(body_text: str) -> bytes:
    """``story_lead`` as its definition says, reading the lead and the opening apart."""
    lead = lead_shingles(body_text)
    paragraphs = body_text.split("\n")
    if len(paragraphs) > 2:
        opening = lead_shingles(" ".join(paragraphs[:2]))
        if opening != lead:
            return _counts(body_text, len(opening) // 4) + lead + opening
    return _counts(body_text, 0xFFFFFFFF) + lead


WORDS = st.sampled_from(["oil", "prices", "fell", "on", "Friday", "a", "überraschend", "x" * 30])
PARAGRAPH = st.lists(WORDS, max_size=150).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=5).map("\n".join))
@example("one\ntwo\nthree four five")
@example("a b\nc\nd e f g")
@example(" ".join(["word"] * 200) + "\nsecond paragraph here\nthird one")
@example("short\n" + " ".join(["long" + "x" * 40] * 60) + "\nmore words come here")
def test_the_lead_is_read_once_as_its_definition_reads_it_twice(body_text: str) -> None:
    assert story_lead(body_text) == two_readings(body_text)


# -- where a new version goes among a story's kept ones -------------------------------


def _mark(sequence: int | None, published_hour: int | None = None) -> VersionMark:
    day = datetime(2026, 3, 18, tzinfo=UTC)
    published = day + timedelta(hours=published_hour) if published_hour is not None else None
    return VersionMark(sequence=sequence, published_at=published)


def test_an_original_arriving_after_its_update_goes_before_it() -> None:
    assert place_version(_mark(1), [_mark(2)]) == 0
    assert place_version(_mark(2), [_mark(1), _mark(3)]) == 1
    assert place_version(_mark(4), [_mark(1), _mark(3)]) == 2
    # The count decides before the publication time.
    assert place_version(_mark(1, 16), [_mark(2, 15)]) == 0


def test_versions_without_a_count_are_placed_by_their_times_and_arrival_breaks_ties() -> None:
    # A correction giving no count, published after version 2: after it.
    assert place_version(_mark(None, 16), [_mark(1, 14), _mark(2, 15)]) == 2
    assert place_version(_mark(None, 14), [_mark(1, 13), _mark(2, 15)]) == 1
    # Equal counts: the publication times decide (a later versionCreated), then arrival.
    assert place_version(_mark(1, 13), [_mark(1, 14)]) == 0
    assert place_version(_mark(1, 15), [_mark(1, 14)]) == 1
    assert place_version(_mark(1), [_mark(1)]) == 1
    assert place_version(_mark(1), [_mark(1, 14)]) == 1
