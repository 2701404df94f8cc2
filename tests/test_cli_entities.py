"""``wiredesk entities``, ``wiredesk quotes`` and ``--entity`` end to end, in a subprocess,
on the sample page kept in a SQLite file."""

from __future__ import annotations

import pytest

from tests.test_cli_store import (
    ARTICLE,
    assert_clean_failure,
    ingest_sample,
    json_lines,
    story,
    wiredesk,
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("entities") / "news.db")
    ingest_sample(db)
    return db


def test_entities_lists_the_most_named_with_their_story_counts(sample_db: str) -> None:
    found = json_lines(wiredesk("entities", "--db", sample_db, "--format", "json", "--limit", "3"))
    assert [(e["id"], e["name"], e["stories"], e["mentions"]) for e in found] == [
        ("geonames:690791", "Ukraine", 3, 11),
        ("geonames:2017370", "Russia", 2, 8),
        ("geonames:1873107", "North Korea", 1, 8),
    ]
    people = json_lines(wiredesk("entities", "--type", "person", "--db", sample_db,
                                 "--format", "json"))  # fmt: skip
    assert people[0] == {
        "id": "person:selensky", "type": "person", "name": "Volodymyr Zelensky",
        "stories": 3, "mentions": 3,
    }  # fmt: skip
    assert {entity["type"] for entity in people} == {"person"}
    text = wiredesk("entities", "--type", "organisation", "--db", sample_db)
    assert text.returncode == 0 and "org:nato" in text.stdout and "NATO" in text.stdout
    later = wiredesk("entities", "--since", "2026-03-19", "--db", sample_db)
    assert later.stdout.strip() == "no entities"


def test_quotes_by_a_speaker_with_the_story_they_are_in(sample_db: str) -> None:
    found = json_lines(wiredesk("quotes", "--by", "ZELENSKY", "--db", sample_db,
                                "--format", "json"))  # fmt: skip
    assert {quote["speaker"]["entity"] for quote in found} == {"person:selensky"}
    assert {"de stilte van China"} <= {quote["text"] for quote in found}
    assert all(quote["article_id"] and quote["dated_at"] for quote in found)
    text = wiredesk("quotes", "--by", "starmer", "--db", sample_db)
    assert "Keir Starmer (premier) [person:starmer]" in text.stdout
    assert wiredesk("quotes", "--by", "nobody", "--db", sample_db).stdout.strip() == "no quotes"
    since = wiredesk("quotes", "--since", "2026-03-18T12:30:00Z", "--db", sample_db,
                     "--format", "json")  # fmt: skip
    assert json_lines(since)
    assert {quote["dated_at"][:13] for quote in json_lines(since)} <= {
        "2026-03-18T13", "2026-03-18T14",
    }  # fmt: skip


def test_export_and_search_take_an_entity(sample_db: str) -> None:
    exported = json_lines(wiredesk("export", "--entity", "geonames:2017370", "--db", sample_db))
    assert ARTICLE in {story(record) for record in exported}
    assert len(exported) == 2
    search = ["search", "Koersk", "--db", sample_db, "--format", "json"]
    assert [
        story(hit) for hit in json_lines(wiredesk(*search, "--entity", "geonames:2017370"))
    ] == [ARTICLE]
    assert json_lines(wiredesk(*search, "--entity", "person:starmer")) == []


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["entities", "--since", "yesterday"], "--since"),
        (["quotes", "--since", "9999-12-31T23:00:00-05:00"], "--since"),
        (["entities", "--type", "planet"], "--type"),
        (["search", "drone", "--entity", "x" * 201], "--entity"),
    ],
)
def test_a_value_that_cannot_be_read_is_a_usage_error(
    sample_db: str, args: list[str], option: str
) -> None:
    message = assert_clean_failure(wiredesk(*args, "--db", sample_db), 2)
    assert f"Invalid value for '{option}'" in message


@pytest.mark.parametrize("command", ["entities", "quotes"])
def test_the_commands_have_help(command: str) -> None:
    result = wiredesk(command, "--help")
    assert result.returncode == 0 and "--since" in result.stdout and "--format" in result.stdout
