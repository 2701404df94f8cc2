"""Versions of a story and briefs linked to their full article, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text as sql

from tests.conftest import SAMPLES
from wiredesk.desk import ingest
from wiredesk.model import Capture
from wiredesk.query import Filters, read_query
from wiredesk.store import Store
from wiredesk.stories.versions import story_lead

T0 = datetime(2026, 3, 18, 9, 0, tzinfo=UTC)

ANP_FIRST = """\
Kabinet presenteert plan voor woningbouw
DEN HAAG (ANP) - Het kabinet wil de komende tien jaar 900.000 woningen laten bouwen. Dat heeft minister De Jong van Volkshuisvesting vrijdag bekendgemaakt.
Gemeenten krijgen extra geld om bouwlocaties aan te wijzen en vergunningen sneller te verlenen.
"""

ANP_SECOND = """\
Kabinet presenteert plan voor woningbouw (2)
N i e u w bericht, vervangt: Kabinet presenteert plan voor woningbouw
DEN HAAG (ANP) - Het kabinet wil de komende tien jaar 900.000 woningen laten bouwen. Dat heeft minister De Jong van Volkshuisvesting vrijdag na afloop van de ministerraad bekendgemaakt.
Gemeenten krijgen extra geld om bouwlocaties aan te wijzen en vergunningen sneller te verlenen.
De oppositie noemt het plan onhaalbaar zolang er te weinig bouwvakkers zijn.
"""

REUTERS_FIRST = """\
Oil prices fall as China demand worries mount
LONDON, Nov 8 (Reuters) - Oil prices fell on Friday as weak economic data from China fuelled worries about demand in the world's biggest crude importer, outweighing supply cuts by major producers.
Brent crude futures fell 62 cents, or 0.8%, to $73.01 a barrel by 0938 GMT.
"""

REUTERS_UPDATE = """\
UPDATE 1-Oil prices extend losses as China demand worries mount
LONDON, Nov 8 (Reuters) - Oil prices fell further on Friday as weak economic data from China fuelled worries about demand in the world's biggest crude importer, outweighing supply cuts by major producers.
Brent crude futures fell 95 cents, or 1.3%, to $72.68 a barrel by 1305 GMT.
Analysts said the market would watch U.S. inventory data next week.
"""

OTHER_LONDON_STORY = """\
British economy grows faster than expected
LONDON (Reuters) - Britain's economy grew by 0.4% in the third quarter, official figures showed on Friday, beating forecasts as services and construction picked up.
The pound rose against the dollar after the data.
"""

FULL_DRONE_ARTICLE = """\
Oekraïne stuurt drone-experts naar Midden-Oosten
LONDEN (ANP/AFP/RTR) - Meer dan tweehonderd Oekraïense drone-experts zijn naar het Midden-Oosten gestuurd om te helpen bij de verdediging tegen Iraanse Shahed-drones. Dat zei de Oekraïense president Zelensky in een toespraak tot het Britse parlement.
De Shahed wordt ook veel door Rusland gebruikt in de oorlog in Oekraïne. Oekraïne heeft daardoor veel ervaring opgebouwd met het neerhalen van de drones.
Zelensky bedankte de Britse regering voor haar steun.
"""


def captures(*pages: tuple[str, datetime]) -> Iterator[Capture]:
    for number, (text, when) in enumerate(pages):
        yield Capture(
            data=text.encode(),
            source=f"page-{number}.txt",
            captured_at=when,
            captured_at_from="given",
            content_type="text",
        )


def test_anp_replacement_becomes_second_version(store_url: str) -> None:
    with Store(store_url) as store:
        summary = ingest(
            store, captures((ANP_FIRST, T0), (ANP_SECOND, T0 + timedelta(hours=1))), language="nl"
        )
        assert (summary.articles, summary.versions) == (1, 1)
        [article] = store.articles(Filters(kind="article"))
        assert article.version == 2
        assert article.article.version == 2  # as printed
        assert article.article.replaces == "Kabinet presenteert plan voor woningbouw"
        assert article.article.body[-1].text.startswith("De oppositie noemt het plan onhaalbaar")
        history = store.history(article.id)
        assert [v.version for v in history] == [1, 2]
        assert [v.printed_version for v in history] == [None, 2]
        assert [v.source for v in history] == ["page-0.txt", "page-1.txt"]
        assert len(history[0].body) == 2 and len(history[1].body) == 3


def test_reuters_update_is_matched_by_place_and_text(store_url: str) -> None:
    pages = (
        (REUTERS_FIRST, T0),
        (OTHER_LONDON_STORY, T0 + timedelta(minutes=30)),
        (REUTERS_UPDATE, T0 + timedelta(hours=4)),
    )
    with Store(store_url) as store:
        summary = ingest(store, captures(*pages), language="en")
        assert (summary.articles, summary.versions) == (2, 1)
        stories = {a.article.headline: a for a in store.articles(Filters())}
        assert set(stories) == {
            "Oil prices extend losses as China demand worries mount",
            "British economy grows faster than expected",
        }
        oil = stories["Oil prices extend losses as China demand worries mount"]
        assert (oil.version, oil.article.version) == (2, 2)
        assert [v.headline for v in store.history(oil.id)] == [
            "Oil prices fall as China demand worries mount",
            "Oil prices extend losses as China demand worries mount",
        ]
        # The index holds the current version's words only, and past versions keep their text.
        later = T0 + timedelta(hours=5)
        assert store.search(read_query("0938"), Filters(), now=later) == []
        assert [h.id for h in store.search(read_query("inventory"), Filters(), now=later)] == [
            oil.id
        ]
        assert "0938 GMT" in store.history(oil.id)[0].body[-1].text


def test_an_old_version_seen_again_is_a_duplicate(store_url: str) -> None:
    pages = (
        (ANP_FIRST, T0),
        (ANP_SECOND, T0 + timedelta(hours=1)),
        (ANP_FIRST + "\nDeel dit artikel\n", T0 + timedelta(hours=2)),
    )
    with Store(store_url) as store:
        summary = ingest(store, captures(*pages), language="nl")
        assert (summary.articles, summary.versions, summary.duplicates) == (1, 1, 1)
        [article] = store.articles(Filters())
        assert article.version == 2


@pytest.mark.parametrize("first", ["brief", "article"])
def test_brief_is_linked_to_its_full_article_whichever_comes_first(
    store_url: str, first: str
) -> None:
    sample = (SAMPLES / "anp-buitenland.txt").read_text(encoding="utf-8")
    order = (sample, FULL_DRONE_ARTICLE) if first == "brief" else (FULL_DRONE_ARTICLE, sample)
    captured = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
    with Store(store_url) as store:
        ingest(store, captures(*((text, captured) for text in order)), language="nl")
        [brief] = store.articles(Filters(kind="brief", place="londen", agency="rtr"))
        [full] = [
            article
            for article in store.articles(Filters(kind="article"))
            if article.article.headline == "Oekraïne stuurt drone-experts naar Midden-Oosten"
        ]
        assert brief.full_article_id == full.id
        others = [b for b in store.articles(Filters(kind="brief")) if b.id != brief.id]
        assert len(others) == 6
        assert all(b.full_article_id is None for b in others)


def _leads(store: Store) -> dict[int, bytes]:
    with store.engine.connect() as connection:
        rows = connection.execute(sql("SELECT article_id, shingles FROM article_leads")).all()
    return {int(row[0]): bytes(row[1]) for row in rows}


def test_each_story_keeps_the_lead_of_its_newest_version(store_url: str) -> None:
    sample = (SAMPLES / "anp-buitenland.txt").read_text(encoding="utf-8")
    pages = ((REUTERS_FIRST, T0), (sample, T0), (REUTERS_UPDATE, T0 + timedelta(hours=4)))
    with Store(store_url) as store:
        ingest(store, captures(*pages))
        stories = list(store.articles(Filters()))
        assert len(stories) == 1 + 1 + 7
        assert _leads(store) == {
            story.id: story_lead("\n".join(block.text for block in story.article.body))
            for story in stories
        }


@pytest.mark.parametrize("first", ["brief", "article"])
def test_stories_kept_before_their_leads_were_are_matched_by_their_text(
    store_url: str, first: str
) -> None:
    """Stories of a store older than revision 0007 have no kept lead; matching works it
    out from their text, and a new version keeps its own."""
    sample = (SAMPLES / "anp-buitenland.txt").read_text(encoding="utf-8")
    earlier, later = (
        (sample, FULL_DRONE_ARTICLE) if first == "brief" else (FULL_DRONE_ARTICLE, sample)
    )
    with Store(store_url) as store:
        ingest(store, captures((REUTERS_FIRST, T0), (earlier, T0)))
        with store.engine.begin() as connection:
            connection.execute(sql("DELETE FROM article_leads"))
        summary = ingest(
            store, captures((REUTERS_UPDATE, T0 + timedelta(hours=4)), (later, T0)), language="nl"
        )
        assert summary.versions == 1
        [oil] = [
            a
            for a in store.articles(Filters())
            if a.article.headline and "Oil" in a.article.headline
        ]
        assert oil.version == 2
        assert _leads(store)[oil.id] == story_lead(REUTERS_UPDATE.split(" - ", 1)[1].strip())
        [brief] = store.articles(Filters(kind="brief", place="londen", agency="rtr"))
        assert brief.full_article_id is not None
