"""Search: stems in four languages, the query language, filters, ranking and snippets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy

from wiredesk.desk import ingest
from wiredesk.errors import QueryError
from wiredesk.model import Capture
from wiredesk.query import Filters, read_query
from wiredesk.store import Store, search_sqlite
from wiredesk.store.tags import tag

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)

PAGES = {
    "nl": """\
Noord-Koreaanse soldaten aan het front in Koersk
KOERSK (ANP/AFP) - Duizenden Noord-Koreaanse soldaten vechten inmiddels mee aan Russische zijde, zegt de Oekraïense inlichtingendienst.
Volgens de dienst zijn de militairen vorige maand per trein aangekomen.
""",
    "de": """\
Bahnstreik legt Fernverkehr für Stunden lahm
Berlin (dpa) - Ein Warnstreik der Lokführer hat den Fernverkehr der Bahn am Montag für mehrere Stunden lahmgelegt. Pendler mussten auf Busse ausweichen.
Die Gewerkschaft kündigte weitere Streiks an.
""",
    "fr": """\
Les agriculteurs manifestent à Paris
PARIS (AFP) - Plusieurs centaines d'agriculteurs ont manifesté mercredi dans la capitale pour dénoncer la baisse de leurs revenus.
Les manifestants ont bloqué plusieurs avenues pendant une heure.
""",
    "en": """\
Drone attack hits oil depot near Moscow
MOSCOW (Reuters) - A drone attack set fire to an oil depot outside Moscow overnight, the regional governor said on Wednesday.
Nobody was hurt, he said.
""",
}


def incoming(text: str, source: str, when: datetime) -> Capture:
    return Capture(
        data=text.encode(),
        source=source,
        captured_at=when,
        captured_at_from="given",
        content_type="text",
    )


def captures(pages: dict[str, str], start: datetime) -> Iterator[Capture]:
    for offset, (language, text) in enumerate(pages.items()):
        yield incoming(text, f"{language}.txt", start + timedelta(hours=offset))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        ingest(opened, captures(PAGES, datetime(2026, 3, 18, 8, 0, tzinfo=UTC)))
        yield opened


def headlines(store: Store, query: str, filters: Filters | None = None) -> list[str | None]:
    hits = store.search(read_query(query), filters or Filters(), now=NOW)
    return [hit.headline for hit in hits]


@pytest.mark.parametrize(
    ("query", "headline"),
    [
        ("soldaat", "Noord-Koreaanse soldaten aan het front in Koersk"),  # nl plural
        ("militair", "Noord-Koreaanse soldaten aan het front in Koersk"),
        ("Stunde", "Bahnstreik legt Fernverkehr für Stunden lahm"),  # de plural
        ("Streik", "Bahnstreik legt Fernverkehr für Stunden lahm"),
        ("agriculteur", "Les agriculteurs manifestent à Paris"),  # fr plural
        ("manifestation", "Les agriculteurs manifestent à Paris"),
        ("drones", "Drone attack hits oil depot near Moscow"),  # en plural
        ("attacked", "Drone attack hits oil depot near Moscow"),
    ],
)
def test_words_are_found_in_other_forms(store: Store, query: str, headline: str) -> None:
    assert headlines(store, query) == [headline]


def test_phrase_or_and_not(store: Store) -> None:
    assert headlines(store, '"oil depot"') == ["Drone attack hits oil depot near Moscow"]
    assert headlines(store, '"depot oil"') == []
    both = headlines(store, "soldaten OR agriculteurs")
    assert sorted(filter(None, both)) == [
        "Les agriculteurs manifestent à Paris",
        "Noord-Koreaanse soldaten aan het front in Koersk",
    ]
    assert headlines(store, "soldaten OR agriculteurs -paris") == [
        "Noord-Koreaanse soldaten aan het front in Koersk"
    ]
    assert headlines(store, "drone NOT moscow") == []


def test_filters(store: Store) -> None:
    everything = "soldaten OR Stunden OR agriculteurs OR drone"
    assert len(headlines(store, everything)) == 4
    assert headlines(store, everything, Filters(agency="dpa")) == [
        "Bahnstreik legt Fernverkehr für Stunden lahm"
    ]
    assert headlines(store, everything, Filters(place="paris")) == [
        "Les agriculteurs manifestent à Paris"
    ]
    assert headlines(store, everything, Filters(language="en")) == [
        "Drone attack hits oil depot near Moscow"
    ]
    assert headlines(store, everything, Filters(kind="brief")) == []
    window = Filters(
        since=datetime(2026, 3, 18, 9, 0, tzinfo=UTC),
        until=datetime(2026, 3, 18, 11, 0, tzinfo=UTC),
    )
    assert (
        headlines(store, everything, window)
        == [
            "Bahnstreik legt Fernverkehr für Stunden lahm",
            "Les agriculteurs manifestent à Paris",
        ][::-1]
    )


def test_recent_stories_rank_first_among_equals(store_url: str) -> None:
    text = "Storm {n}\nDEN HAAG (ANP) - Een zware storm trekt over het land, meldt het KNMI.\n"
    with Store(store_url) as store:
        old = incoming(text.format(n="oud"), "old.txt", NOW - timedelta(days=30))
        new = incoming(text.format(n="nieuw"), "new.txt", NOW - timedelta(hours=1))
        ingest(store, [old, new], language="nl")
        assert headlines(store, "storm") == ["Storm nieuw", "Storm oud"]


def test_snippet_marks_every_matched_word(store: Store) -> None:
    [hit] = store.search(read_query("soldaat"), Filters(), now=NOW)
    marked = [hit.snippet.text[start:end] for start, end in hit.snippet.highlights]
    assert marked == ["soldaten"]
    assert "Noord-Koreaanse soldaten vechten" in hit.snippet.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"soldaten', "unbalanced quote"),
        ("OR", "OR needs a word"),
        ("soldaten OR", "ends with an operator"),
        ("NOT", "ends with an operator"),
        ("* ( ) ^ :", "no words"),
        ("", "no words"),
    ],
)
def test_bad_queries_say_what_is_wrong(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        read_query(query)


@pytest.mark.parametrize(
    "query",
    [
        'koersk" OR 1=1 --',
        "NEAR(soldaten koersk)",
        "headline:koersk",
        "soldaten*",
        "'; DROP TABLE articles; --",
        "^koersk",
        "koersk AND",
    ],
)
def test_syntax_look_alikes_are_searched_as_words(store: Store, query: str) -> None:
    try:
        parsed = read_query(query)
    except QueryError:
        return  # refused with a message is fine; a crash or an injection is not
    store.search(parsed, Filters(), now=NOW)
    assert len(list(store.articles(Filters()))) == 4  # nothing was dropped


def test_older_matches_are_ranked_when_the_recent_ones_give_too_few(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search ranks the most recently kept matches first, and looks further back when
    those leave too few results: for a filter, a next page, or a longer list.
    (PostgreSQL looks for them in the last six hours first, here.)"""
    monkeypatch.setattr("wiredesk.store.search_sqlite.RANK_CANDIDATES", 2)
    monkeypatch.setattr("wiredesk.store.search_postgres.PG_CANDIDATES", 2)
    monkeypatch.setattr("wiredesk.store.search_postgres.PG_WINDOWS", (0.25,))
    places = ["GRONINGEN", "ZWOLLE", "ARNHEM", "BREDA", "MAASTRICHT"]
    with Store(store_url) as store:
        ingest(
            store,
            [
                incoming(
                    f"Stormschade in {place.title()}\n{place} (ANP) - De storm van {day} "
                    f"maart heeft in {place.title()} {day * 7} daken beschadigd.\n",
                    f"{place}.txt",
                    NOW - timedelta(hours=10 - day),
                )
                for day, place in enumerate(places, start=1)
            ],
            language="nl",
        )
        assert headlines(store, "stormschade", Filters(place="groningen")) == [
            "Stormschade in Groningen"
        ]
        assert len(headlines(store, "stormschade")) == 5
        first = store.search(read_query("stormschade"), Filters(), now=NOW, limit=2)
        after = store.search(read_query("stormschade"), Filters(), now=NOW, limit=2, offset=2)
        assert len(first) == len(after) == 2
        assert len({hit.id for hit in [*first, *after]}) == 4
        assert [hit.headline for hit in first] == [
            "Stormschade in Maastricht",
            "Stormschade in Breda",
        ]
        assert not {hit.id for hit in first} & {hit.id for hit in after}


def test_the_index_narrows_a_filtered_search_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite a filter's tags are asked of the index: the newest matches it ranks are
    the filtered ones, so an old story of the place is found without a look further back."""
    monkeypatch.setattr("wiredesk.store.search_sqlite.RANK_CANDIDATES", 2)
    matches = search_sqlite._matches

    def newest_only(match: str, *, lowest: Any = None, among: Any = None) -> Any:
        assert lowest is not None, "the search looked further back than the newest matches"
        return matches(match, lowest=lowest, among=among)

    monkeypatch.setattr("wiredesk.store.search_sqlite._matches", newest_only)
    places = ["GRONINGEN", "ZWOLLE", "ARNHEM", "BREDA", "MAASTRICHT"]
    pages = [
        incoming(
            f"Stormschade in {place.title()}\n{place} ({agency}) - De storm heeft in "
            f"{place.title()} daken beschadigd.\n",
            f"{place}.txt",
            NOW - timedelta(hours=10 - hour),
        )
        for hour, (place, agency) in enumerate(
            zip(places, ["ANP", "ANP/AFP"] * 3, strict=False), start=1
        )
    ]
    with Store(f"sqlite:///{tmp_path / 'wiredesk.db'}") as store:
        ingest(store, pages, language="nl")

        def found(filters: Filters) -> list[str | None]:
            hits = store.search(read_query("stormschade"), filters, now=NOW, limit=1)
            return [hit.headline for hit in hits]

        assert found(Filters(place="Groningen")) == ["Stormschade in Groningen"]
        assert found(Filters(agency="afp", kind="article")) == ["Stormschade in Breda"]
        assert found(Filters(place="Groningen", agency="afp")) == []
        assert found(Filters()) == ["Stormschade in Maastricht"]


def test_a_new_version_takes_its_old_filters_out_of_the_index(store_url: str) -> None:
    first = (
        "Kabinet presenteert plan voor woningbouw\nDEN HAAG (ANP/AFP) - Het kabinet wil de "
        "komende tien jaar 900.000 woningen laten bouwen, zei minister De Jong vrijdag.\n"
    )
    second = (
        "Kabinet presenteert plan voor woningbouw (2)\n"
        "N i e u w bericht, vervangt: Kabinet presenteert plan voor woningbouw\n"
        "DEN HAAG (ANP) - Het kabinet wil de komende tien jaar 900.000 woningen laten "
        "bouwen, zei minister De Jong vrijdag na de ministerraad.\n"
    )
    with Store(store_url) as store:
        summary = ingest(
            store,
            [
                incoming(first, "first.txt", NOW - timedelta(hours=2)),
                incoming(second, "second.txt", NOW - timedelta(hours=1)),
            ],
            language="nl",
        )
        assert summary.versions == 1
        assert headlines(store, "woningen", Filters(agency="anp")) == [
            "Kabinet presenteert plan voor woningbouw"
        ]
        assert headlines(store, "woningen", Filters(agency="afp")) == []
        assert headlines(store, "ministerraad", Filters(place="den haag")) == [
            "Kabinet presenteert plan voor woningbouw"
        ]
    if store_url.startswith("sqlite"):  # the index itself holds no trace of the old agency
        with Store(store_url) as store, store.engine.connect() as connection:
            left = connection.execute(
                sqlalchemy.text(
                    "SELECT rowid FROM article_search WHERE article_search MATCH :match"
                ),
                {"match": f'tags : "{tag("agency", "AFP")}"'},
            ).all()
        assert left == []


def story_version(word: str) -> str:
    """One version of a wire story; the versions differ in one word of the body."""
    return (
        "Stormvloedkering Oosterschelde gaat dicht\n"
        "VLISSINGEN (ANP) - De stormvloedkering in de Oosterschelde gaat vannacht dicht, "
        f"meldt Rijkswaterstaat. Het water komt naar verwachting hoger dan ooit {word}.\n"
    )


# The index writes of a batch are held back and made once per story at its end
# (store.indexing): a story may enter and change in one batch, or change twice in one.
@pytest.mark.parametrize(
    "batches",
    [
        [["zaterdag", "zondag", "maandag"]],
        [["zaterdag"], ["zondag", "maandag"]],
        [["zaterdag", "zondag"], ["maandag"]],
        [["zaterdag"], ["zondag"], ["maandag"]],
    ],
    ids=["one batch", "changed twice in the second", "new and changed in the first", "three"],
)
def test_the_index_holds_only_the_newest_version_however_the_versions_are_batched(
    store_url: str, batches: list[list[str]]
) -> None:
    hour = iter(range(1, 10))
    with Store(store_url) as store:
        for batch in batches:
            ingest(
                store,
                [
                    incoming(story_version(word), f"{word}.txt", NOW - timedelta(hours=next(hour)))
                    for word in batch
                ],
                language="nl",
            )
        stories = list(store.articles(Filters()))
        assert [story.version for story in stories] == [3]
        for word, found in (
            ("zaterdag", []),
            ("zondag", []),
            ("maandag", [stories[0].article.headline]),
        ):
            assert headlines(store, word) == found, word
        assert headlines(store, "stormvloedkering", Filters(place="Vlissingen")) == [
            stories[0].article.headline
        ]
        if store_url.startswith("sqlite"):
            with store.engine.connect() as connection:
                rows = connection.execute(
                    sqlalchemy.text(
                        "SELECT rowid FROM article_search WHERE article_search MATCH 'zaterdag' "
                        "OR article_search MATCH 'zondag' OR article_search MATCH 'maandag'"
                    )
                ).all()
                assert rows == [(stories[0].id,)]


def test_a_query_word_shaped_like_a_tag_is_not_looked_for_among_the_tags(store: Store) -> None:
    """Words are looked for in every column of SQLite's index; tags are words of their
    own column, and a query word with a tag's shape is asked of headline and body only."""
    assert headlines(store, "Koersk", Filters(agency="afp")) == [
        "Noord-Koreaanse soldaten aan het front in Koersk"
    ]
    assert headlines(store, tag("agency", "AFP")) == []
    assert headlines(store, f"{tag('place', 'Koersk')} OR soldaten") == [
        "Noord-Koreaanse soldaten aan het front in Koersk"
    ]
