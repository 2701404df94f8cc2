"""The reference page, parsed completely."""

from __future__ import annotations

from datetime import UTC, datetime

from wiredesk import parse_text
from wiredesk.model import Dateline

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)


def test_sample_article(sample_text: str) -> None:
    page = parse_text(sample_text, captured_at=CAPTURED_AT)
    article = page.article
    assert page.language == "nl"
    assert article.headline == "China wil zich niet mengen in samenwerking Rusland en Noord-Korea"
    assert article.dateline == Dateline(place="BEIJING", agencies=("ANP", "AFP"))
    kinds = [block.kind for block in article.body]
    assert kinds == ["paragraph"] * 3 + ["subheading"] + ["paragraph"] * 2
    assert article.body[3].text == "Koersk"
    assert article.body[0].text.startswith("De samenwerking tussen Rusland en Noord-Korea")
    assert article.body[-1].text.endswith("ongeveer 10.000 soldaten uit Noord-Korea in Rusland.")
    assert (article.standfirst, article.byline, article.version) == (None, None, None)
    assert article.section == "Buitenland"  # from its rail, "Meer uit Buitenland"
    assert page.dropped == ()
    given = parse_text(sample_text, captured_at=CAPTURED_AT, section="Sport")
    assert given.article.section == "Buitenland"  # the page's own word wins over its source's


def test_sample_rail_has_seven_briefs_with_their_own_ages(sample_text: str) -> None:
    page = parse_text(sample_text, captured_at=CAPTURED_AT)
    assert len(page.rails) == 1
    rail = page.rails[0]
    assert (rail.title, rail.section) == ("Meer uit Buitenland", "Buitenland")
    places = [brief.dateline.place for brief in rail.items if brief.dateline]
    assert places == [
        "LONDEN", "WASHINGTON", "MEXICO-STAD", "LONDEN", "BEIROET", "WASHINGTON", "JERUZALEM"
    ]  # fmt: skip
    agencies = [brief.dateline.agencies for brief in rail.items if brief.dateline]
    assert agencies == [
        ("ANP", "AFP", "RTR"), ("ANP", "RTR"), ("ANP", "AFP"), ("ANP", "AFP"),
        ("ANP", "RTR", "AFP"), ("ANP",), ("ANP", "AFP"),
    ]  # fmt: skip
    assert [brief.age_seconds for brief in rail.items] == [
        hours * 3600 for hours in (1, 2, 2, 3, 4, 4, 5)
    ]
    assert [brief.age_text for brief in rail.items] == [
        "1 uur geleden", "2 uur geleden", "2 uur geleden", "3 uur geleden",
        "4 uur geleden", "4 uur geleden", "5 uur geleden",
    ]  # fmt: skip
    assert [f"{brief.published_at:%H:%M}" for brief in rail.items] == [
        "13:00", "12:00", "12:00", "11:00", "10:00", "10:00", "09:00"
    ]  # fmt: skip
    first, last = rail.items[0], rail.items[-1]
    assert first.text is not None and first.text.startswith("Meer dan tweehonderd Oekraïense")
    assert last.text is not None and last.text.endswith("in een videoboodschap.")
    assert all(brief.title is None for brief in rail.items)


def test_sample_ages_preceding_their_briefs_are_read_the_other_way(sample_text: str) -> None:
    # The same rail with every age moved before its brief: the age at the top
    # of the rail and none dangling at the end tell the parser the layout.
    head, rail = sample_text.split("Meer uit Buitenland\n")
    briefs = [line for line in rail.replace("geleden", "geleden\n").splitlines() if line.strip()]
    texts = [line for line in briefs if not line.endswith("geleden")]
    ages = [line for line in briefs if line.endswith("geleden")]
    flipped = "\n".join(f"{age}{text}" for age, text in zip(ages, texts, strict=True))
    page = parse_text(head + "Meer uit Buitenland\n" + flipped, captured_at=CAPTURED_AT)
    items = page.rails[0].items
    assert [brief.age_seconds for brief in items] == [h * 3600 for h in (1, 2, 2, 3, 4, 4, 5)]
    assert items[0].dateline is not None and items[0].dateline.place == "LONDEN"
    assert items[-1].dateline is not None and items[-1].dateline.place == "JERUZALEM"
