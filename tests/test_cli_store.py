"""The store commands end to end, in a subprocess, as a user runs them.

``ingest``, ``reparse``, ``search``, ``history``, ``export`` and ``stats`` on the
sample page (captured 2026-03-18T14:00:00Z: one article from BEIJING and seven
briefs in section Buitenland), mostly in SQLite files; search also on PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES

# The store tests' database fixtures, so that search runs on SQLite and PostgreSQL here too.

SAMPLE = SAMPLES / "anp-buitenland.txt"
CAPTURED_AT = "2026-03-18T14:00:00Z"
HEADLINE = "China wil zich niet mengen in samenwerking Rusland en Noord-Korea"
FIRST_SUMMARY = (
    "1 captures read: 1 new pages, 1 articles, 7 briefs, "
    "0 duplicates skipped, 0 versions added, 0 errors"
)
# The sample's stories as (kind, place, hour of publication): the article has no time of its own.
ARTICLE = ("article", "BEIJING", None)
BRIEFS = {
    ("brief", "LONDEN", 13),
    ("brief", "WASHINGTON", 12),
    ("brief", "MEXICO-STAD", 12),
    ("brief", "LONDEN", 11),
    ("brief", "WASHINGTON", 10),
    ("brief", "BEIROET", 10),
    ("brief", "JERUZALEM", 9),
}
DIJK_PAGE = """Kabinet trekt extra geld uit voor dijkversterking
DEN HAAG (ANP) - Het kabinet trekt de komende vijf jaar 800 miljoen euro extra uit voor de versterking van dijken langs de grote rivieren. Dat heeft de minister van Infrastructuur en Waterstaat dinsdag bekendgemaakt na overleg met de waterschappen.
Volgens de minister zijn de dijken op tientallen plaatsen niet meer bestand tegen de hoogwaterstanden die door de klimaatverandering worden verwacht. De waterschappen hadden al langer om extra geld gevraagd.
De eerste projecten beginnen volgend jaar langs de Waal bij Nijmegen en langs de Maas in Limburg.
"""
COPPER_PAGE = """Copper climbs to two-month high on Chinese demand hopes

LONDON, March 18 (Reuters) - Copper prices rose to their highest
in two months on Wednesday as hopes of stronger demand from top
consumer China outweighed worries about rising inventories.

Benchmark copper on the London Metal Exchange was up 1.2% at
$9,870 a metric ton by 1030 GMT, after touching its highest since
mid-January earlier in the session.

"The market is pricing in a recovery in Chinese construction,"
said one metals trader in London.

(Reporting by Jane Doe; Editing by John Smith)
"""


def wiredesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wiredesk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )


def ingest_sample(db: str) -> subprocess.CompletedProcess[str]:
    result = wiredesk("ingest", str(SAMPLE), "--db", db, "--captured-at", CAPTURED_AT)
    assert result.returncode == 0, result.stderr
    return result


def json_lines(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def stats_of(db: str) -> dict[str, Any]:
    result = wiredesk("stats", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def story(record: dict[str, Any]) -> tuple[str, str | None, int | None]:
    """An exported article or a search hit as (kind, place, hour of publication)."""
    place = record["dateline"]["place"] if "dateline" in record else record["place"]
    published = record["published_at"]
    return record["kind"], place, int(published[11:13]) if published else None


def assert_clean_failure(result: subprocess.CompletedProcess[str], status: int) -> str:
    """The command failed with ``status`` and a message, not a traceback; return the message."""
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip(), "no message on standard error"
    return result.stderr


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file holding the sample page, given as a plain path; read-only tests share it."""
    db = str(tmp_path_factory.mktemp("sample") / "news.db")
    ingest_sample(db)
    return db


# -- ingest and search ----------------------------------------------------------------


def test_ingest_prints_a_summary_and_search_finds_the_main_article(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    result = ingest_sample(db)
    assert result.stdout.strip() == FIRST_SUMMARY
    assert result.stderr == ""

    found = wiredesk("search", "Koersk", "--db", db)
    assert found.returncode == 0, found.stderr
    assert HEADLINE in found.stdout.splitlines()[0]


def test_ingesting_twice_adds_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    ingest_sample(db)
    again = ingest_sample(db)
    assert "0 new pages" in again.stdout
    assert "1 duplicates skipped" in again.stdout
    assert again.stdout.strip() == (
        "1 captures read: 0 new pages, 0 articles, 0 briefs, "
        "1 duplicates skipped, 0 versions added, 0 errors"
    )
    stats = stats_of(db)
    assert stats["captures"] == 1
    assert stats["kind"] == {"article": 1, "brief": 7}


def test_search_finds_the_article_and_the_london_brief_on_each_database(
    store_url: str,
) -> None:
    ingest_sample(store_url)

    koersk = json_lines(wiredesk("search", "Koersk", "--db", store_url, "--format", "json"))
    assert koersk, "Koersk found nothing"
    assert (koersk[0]["kind"], koersk[0]["headline"]) == ("article", HEADLINE)
    assert koersk[0]["place"] == "BEIJING"

    drone = json_lines(
        wiredesk(
            "search", "drone", "--section", "Buitenland", "--db", store_url, "--format", "json"
        )
    )
    assert [story(hit) for hit in drone] == [("brief", "LONDEN", 13)]
    hit = drone[0]
    assert hit["section"] == "Buitenland"
    assert hit["agencies"] == ["ANP", "AFP", "RTR"]
    assert hit["language"] == "nl"
    assert hit["published_at"] == "2026-03-18T13:00:00+00:00"
    assert set(hit) == {
        "id", "kind", "headline", "section", "place", "agencies", "language",
        "published_at", "score", "snippet", "highlights",
    }  # fmt: skip
    marked = [hit["snippet"][start:end].casefold() for start, end in hit["highlights"]]
    assert marked and all(word.startswith("drone") for word in marked), marked


def test_search_text_output_shows_the_brief_with_its_dateline(sample_db: str) -> None:
    result = wiredesk("search", "drone", "--section", "buitenland", "--db", sample_db)
    assert result.returncode == 0, result.stderr
    assert "LONDEN (ANP/AFP/RTR)" in result.stdout
    assert "brief, Buitenland, 2026-03-18 13:00 UTC" in result.stdout


def test_search_without_matches_says_so(sample_db: str) -> None:
    result = wiredesk("search", "zeppelinhangar", "--db", sample_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no matches"
    json_result = wiredesk("search", "zeppelinhangar", "--db", sample_db, "--format", "json")
    assert json_lines(json_result) == []


def test_a_query_over_200_characters_is_a_usage_error(sample_db: str) -> None:
    message = assert_clean_failure(wiredesk("search", "drone " * 200, "--db", sample_db), 2)
    assert message.strip().endswith("the query is longer than 200 characters")


@pytest.mark.parametrize("query", ['"unbalanced', "OR", "NOT", "* ( ) ^", "a OR", "drone AND"])
def test_malformed_query_is_a_usage_error(sample_db: str, query: str) -> None:
    message = assert_clean_failure(wiredesk("search", query, "--db", sample_db), 2)
    assert f"Error: cannot search for {query!r}: " in message
    assert message.strip().splitlines()[-1].startswith("Error: cannot search for")


@pytest.mark.parametrize(
    "query", ['koersk" OR 1=1 --', "drop; table", "NEAR(a b)", "title:foo", "koersk*", "{headline}"]
)
def test_query_that_looks_like_fts_or_sql_never_crashes(sample_db: str, query: str) -> None:
    result = wiredesk("search", query, "--db", sample_db, "--format", "json")
    assert result.returncode in (0, 2), result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        for line in result.stdout.splitlines():
            assert json.loads(line)["kind"] in ("article", "brief")
    # The store is untouched.
    assert stats_of(sample_db)["kind"] == {"article": 1, "brief": 7}


LOOK_ALIKES = [
    'koersk" OR 1=1 --',
    "drop; table",
    "NEAR(a b)",
    "title:foo",
    "x'); DROP TABLE articles; --",
    "koersk:*",
    "drone & drones",
    "!drone",
    "drone <-> experts",
    "'drone'",
    "drone|koersk",
    "%_ \\",
]


def test_query_look_alikes_never_crash_on_either_database(store_url: str) -> None:
    ingest_sample(store_url)
    for query in LOOK_ALIKES:
        result = wiredesk("search", query, "--db", store_url, "--format", "json")
        assert result.returncode in (0, 2), (query, result.stderr)
        assert "Traceback" not in result.stderr, (query, result.stderr)
    assert stats_of(store_url)["kind"] == {"article": 1, "brief": 7}


# -- filters -------------------------------------------------------------------------

AFP = {
    ARTICLE,
    ("brief", "LONDEN", 13),
    ("brief", "MEXICO-STAD", 12),
    ("brief", "LONDEN", 11),
    ("brief", "BEIROET", 10),
    ("brief", "JERUZALEM", 9),
}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (["--agency", "AFP"], AFP),
        (["--agency", "afp", "--kind", "brief"], AFP - {ARTICLE}),
        (["--agency", "RTR"], {("brief", "LONDEN", 13), ("brief", "WASHINGTON", 12), ("brief", "BEIROET", 10)}),
        (["--place", "londen"], {("brief", "LONDEN", 13), ("brief", "LONDEN", 11)}),
        (["--place", "Londen", "--kind", "article"], set()),
        (["--kind", "brief"], BRIEFS),
        (["--kind", "article"], {ARTICLE}),
        (["--language", "nl"], BRIEFS | {ARTICLE}),
        (["--language", "en"], set()),
        (["--section", "BUITENLAND"], BRIEFS | {ARTICLE}),
        (["--kind", "brief", "--since", "2026-03-18T12:30:00Z"], {("brief", "LONDEN", 13)}),
        (["--kind", "brief", "--until", "2026-03-18T12:30:00Z"], BRIEFS - {("brief", "LONDEN", 13)}),
        (["--since", "2026-03-18T13:30:00+01:00"], {ARTICLE, ("brief", "LONDEN", 13)}),
        (
            ["--since", "2026-03-18T11:30:00", "--until", "2026-03-18T12:30:00+00:00"],
            {("brief", "WASHINGTON", 12), ("brief", "MEXICO-STAD", 12)},
        ),
    ],
)  # fmt: skip
def test_export_filters_give_the_expected_stories(
    sample_db: str, filters: list[str], expected: set[tuple[str, str | None, int | None]]
) -> None:
    found = [story(r) for r in json_lines(wiredesk("export", "--db", sample_db, *filters))]
    assert len(found) == len(set(found)), found
    assert set(found) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ([], {ARTICLE, ("brief", "LONDEN", 13), ("brief", "LONDEN", 11)}),
        (["--place", "londen"], {("brief", "LONDEN", 13), ("brief", "LONDEN", 11)}),
        (["--place", "LONDEN", "--since", "2026-03-18T12:30:00Z"], {("brief", "LONDEN", 13)}),
        (["--place", "londen", "--until", "2026-03-18T12:30:00Z"], {("brief", "LONDEN", 11)}),
        (["--kind", "article"], {ARTICLE}),
        (["--kind", "brief", "--agency", "rtr"], {("brief", "LONDEN", 13)}),
        (["--language", "de"], set()),
        (["--entity", "person:starmer"], {("brief", "LONDEN", 11)}),
        (["--entity", "geonames:1873107"], {ARTICLE}),
    ],
)
def test_search_filters_narrow_the_hits(
    sample_db: str, filters: list[str], expected: set[tuple[str, str | None, int | None]]
) -> None:
    result = wiredesk("search", "Zelensky", "--db", sample_db, "--format", "json", *filters)
    found = [story(hit) for hit in json_lines(result)]
    assert len(found) == len(set(found)), found
    assert set(found) == expected


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        ("--kind", "column", "kind must be article or brief"),
        ("--since", "yesterday", "since must be a date or time such as 2026-03-18"),
        ("--until", "9999-12-31T23:00:00-05:00", "until is outside the years 1 to 9999 in UTC"),
    ],
)
def test_a_filter_that_cannot_be_read_is_a_usage_error_naming_its_option(
    sample_db: str, option: str, value: str, reason: str
) -> None:
    for command in (["search", "drone"], ["export"]):
        result = wiredesk(*command, option, value, "--db", sample_db)
        message = assert_clean_failure(result, 2)
        assert f"Error: Invalid value for '{option}': {reason}" in message


def test_search_limit_caps_the_hits(sample_db: str) -> None:
    result = wiredesk("search", "Zelensky", "--db", sample_db, "--format", "json", "--limit", "1")
    assert len(json_lines(result)) == 1


# -- history, export, stats ------------------------------------------------------------


def test_history_of_the_main_article_shows_one_version(sample_db: str) -> None:
    hits = json_lines(wiredesk("search", "Koersk", "--db", sample_db, "--format", "json"))
    article_id = str(hits[0]["id"])

    text = wiredesk("history", article_id, "--db", sample_db)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert len(lines) == 1, text.stdout
    assert lines[0].startswith("v1  seen 2026-03-18 14:00 UTC  ")
    assert HEADLINE in lines[0]

    versions = json.loads(
        wiredesk("history", article_id, "--db", sample_db, "--format", "json").stdout
    )
    assert isinstance(versions, list)
    assert len(versions) == 1


def test_history_of_an_unknown_id_names_it(sample_db: str) -> None:
    message = assert_clean_failure(wiredesk("history", "99999", "--db", sample_db), 1)
    assert len(message.strip().splitlines()) == 1, message
    assert "99999" in message


def test_export_jsonl_gives_every_story_as_json(sample_db: str) -> None:
    records = json_lines(wiredesk("export", "--db", sample_db, "--format", "jsonl"))
    assert len(records) == 8
    assert len({record["id"] for record in records}) == 8
    assert {story(record) for record in records} == BRIEFS | {ARTICLE}
    article = next(record for record in records if record["kind"] == "article")
    assert article["headline"] == HEADLINE
    assert "Koersk" in [block["text"] for block in article["body"]]


def test_export_csv_has_a_header_and_a_row_per_story(sample_db: str) -> None:
    result = wiredesk("export", "--db", sample_db, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["id", "kind", "headline"]
    assert {"section", "place", "agencies", "published_at", "text"} <= set(header)
    assert len(body) == 8
    records = [dict(zip(header, row, strict=True)) for row in body]
    assert sorted(r["kind"] for r in records) == ["article"] + ["brief"] * 7
    assert {r["section"] for r in records} == {"Buitenland"}
    london = [r for r in records if r["place"] == "LONDEN" and "drone" in r["text"]]
    assert [r["agencies"] for r in london] == ["ANP/AFP/RTR"]


def test_export_of_briefs_only(sample_db: str) -> None:
    records = json_lines(wiredesk("export", "--db", sample_db, "--kind", "brief"))
    assert len(records) == 7
    assert {record["kind"] for record in records} == {"brief"}


def test_stats_counts_the_sample(sample_db: str) -> None:
    stats = stats_of(sample_db)
    assert stats["captures"] == 1
    assert stats["kind"] == {"article": 1, "brief": 7}
    assert stats["section"] == {"Buitenland": 8}
    assert stats["language"] == {"nl": 8}
    assert stats["day"] == {"2026-03-18": 8}

    text = wiredesk("stats", "--db", sample_db)
    assert text.returncode == 0, text.stderr
    assert "captures: 1" in text.stdout
    assert re.search(r"^\s+8\s+Buitenland$", text.stdout, re.MULTILINE), text.stdout


# -- bad input, bad database -----------------------------------------------------------


def test_bad_inputs_are_named_one_line_each_and_the_good_ones_kept(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    records = tmp_path / "captures.jsonl"
    records.write_text(
        "\n".join(
            [
                json.dumps({"text": DIJK_PAGE, "captured_at": "2026-03-18T14:00:00+00:00"}),
                "this line is not JSON {",
                json.dumps({"text": COPPER_PAGE, "captured_at": "2026-03-18T14:00:00+00:00"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'news.db'}"
    inputs = [str(missing), str(empty), str(SAMPLE), str(binary), str(records)]
    result = wiredesk("ingest", *inputs, "--db", db, "--captured-at", CAPTURED_AT)

    message = assert_clean_failure(result, 1)
    errors = message.splitlines()
    assert len(errors) == 4, message
    reasons = {}
    for name in (str(missing), str(empty), str(binary), f"{records}:2"):
        lines = [line for line in errors if line.startswith(f"wiredesk: {name}: ")]
        assert len(lines) == 1, (name, message)
        reasons[name] = lines[0].removeprefix(f"wiredesk: {name}: ")
    assert "no such file" in reasons[str(missing)]
    assert "empty" in reasons[str(empty)]
    assert "binary" in reasons[str(binary)]
    assert "JSON" in reasons[f"{records}:2"]
    summary = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(
        r"7 captures read: 3 new pages, 3 articles, 7 briefs, 0 duplicates skipped, "
        r"0 versions added, 4 errors",
        summary,
    ), summary

    stats = stats_of(db)
    assert stats["kind"] == {"article": 3, "brief": 7}
    assert stats["language"] == {"nl": 9, "en": 1}
    for query, headline in [
        ("Koersk", HEADLINE),
        ("dijkversterking", "Kabinet trekt extra geld uit voor dijkversterking"),
        ("copper", "Copper climbs to two-month high on Chinese demand hopes"),
    ]:
        hits = json_lines(wiredesk("search", query, "--db", db, "--format", "json"))
        assert [hit["headline"] for hit in hits][:1] == [headline], query


def test_a_capture_time_in_a_json_lines_record_wins(tmp_path: Path) -> None:
    records = tmp_path / "captures.jsonl"
    records.write_text(
        json.dumps({"text": COPPER_PAGE, "captured_at": "2026-03-17T09:15:00+00:00"}) + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "news.db")
    result = wiredesk("ingest", str(records), "--db", db, "--captured-at", CAPTURED_AT)
    assert result.returncode == 0, result.stderr
    [article] = json_lines(wiredesk("export", "--db", db))
    assert article["first_seen_at"] == "2026-03-17T09:15:00+00:00"


def _unreachable_postgres(_tmp_path: Path) -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"postgresql+psycopg://wiredesk@127.0.0.1:{port}/news"


def _path_under_a_file(tmp_path: Path) -> str:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, not a folder\n", encoding="utf-8")
    return str(blocker / "news.db")


@pytest.mark.parametrize(
    "make_db",
    [
        lambda _tmp_path: "mysql://x/y",
        lambda _tmp_path: "notaurl://",
        _path_under_a_file,
        _unreachable_postgres,
    ],
    ids=["mysql", "not-a-url", "path-under-a-file", "unreachable-postgresql"],
)
@pytest.mark.parametrize("command", [["stats"], ["ingest", str(SAMPLE)]], ids=["stats", "ingest"])
def test_bad_database_gives_one_line(tmp_path: Path, make_db: Any, command: list[str]) -> None:
    db = make_db(tmp_path)
    message = assert_clean_failure(wiredesk(*command, "--db", db), 1)
    assert len(message.strip().splitlines()) == 1, message
    assert message.startswith("Error: "), message


@pytest.mark.parametrize(
    "command",
    [
        ["search", "drone"],
        ["export"],
        ["history", "1"],
        ["reparse"],
        ["feeds", "list"],
        ["feeds", "add", "http://127.0.0.1:9/feed.xml", "--allow-private"],
        ["feeds", "poll"],
    ],
)
def test_every_command_on_a_store_says_in_one_line_that_it_cannot_open_it(
    command: list[str],
) -> None:
    message = assert_clean_failure(wiredesk(*command, "--db", "mysql://x/y"), 1)
    assert len(message.strip().splitlines()) == 1, message
    assert message.startswith("Error: "), message


# -- reparse, help -------------------------------------------------------------------


def test_reparse_keeps_every_story(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    ingest_sample(db)
    before = stats_of(db)

    result = wiredesk("reparse", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("rebuilt from the archive: 1 articles, 7 briefs"), result.stdout

    assert stats_of(db) == before
    hits = json_lines(wiredesk("search", "Koersk", "--db", db, "--format", "json"))
    assert [(hit["kind"], hit["headline"]) for hit in hits][:1] == [("article", HEADLINE)]
    drone = json_lines(wiredesk("search", "drone", "--db", db, "--format", "json"))
    assert [story(hit) for hit in drone] == [("brief", "LONDEN", 13)]


@pytest.mark.parametrize("command", ["ingest", "reparse", "search", "history", "export", "stats"])
def test_every_store_command_has_help(command: str) -> None:
    result = wiredesk(command, "--help")
    assert result.returncode == 0, result.stderr
    assert re.match(rf"Usage: .*wiredesk {command} \[OPTIONS\]", result.stdout), result.stdout
    assert "--db URL" in result.stdout
    assert len(result.stdout.splitlines()) > 5


# -- file names that are not UTF-8 or not one line ------------------------------------


def test_ingest_keeps_a_page_whose_file_name_is_not_utf8_beside_the_good_ones(
    store_url: str, tmp_path: Path
) -> None:
    folder = os.fsencode(tmp_path / "pages")
    os.mkdir(folder)
    for name, page in ((b"caf\xe9.txt", DIJK_PAGE), (b"good.txt", COPPER_PAGE)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as file:
            file.write(page)
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", "ingest", folder, "--db", store_url],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").startswith("2 captures read: 2 new pages, 2 articles")
    exported = json_lines(wiredesk("export", "--db", store_url))
    assert {record["headline"] for record in exported} == {
        "Kabinet trekt extra geld uit voor dijkversterking",
        "Copper climbs to two-month high on Chinese demand hopes",
    }


def test_parse_names_a_file_that_is_not_utf8_in_valid_utf8(tmp_path: Path) -> None:
    bad = os.path.join(os.fsencode(tmp_path), b"bad\xff.txt")
    with open(bad, "w", encoding="utf-8") as file:
        file.write(DIJK_PAGE)
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", "parse", bad, "--captured-at", CAPTURED_AT],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout.decode("utf-8"))  # strict: no raw 0xFF byte
    assert page["source"] == str(tmp_path / "bad\\xff.txt")
    missing = os.path.join(os.fsencode(tmp_path), b"gone\xff\nnow.txt")
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", "parse", missing], capture_output=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.decode("utf-8") == (
        f"wiredesk: {tmp_path}/gone\\xff\\nnow.txt: no such file\n"
    )
