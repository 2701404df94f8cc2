"""Real `wiredesk ingest` processes at once, and one killed in the middle, on SQLite and PostgreSQL.

The pages come from the benchmark's generator; each is a file whose modification
time is the page's capture time. What a single clean ingest of the same pages
into a fresh SQLite store keeps is the reference: the stories a page holds do not
depend on the database.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.conftest import ROOT
from wiredesk.desk import BATCH_CAPTURES

SUMMARY_RE = re.compile(
    r"^(?P<captures>\d+) captures read: (?P<pages>\d+) new pages, (?P<articles>\d+) articles, "
    r"(?P<briefs>\d+) briefs, (?P<duplicates>\d+) duplicates skipped, "
    r"(?P<versions>\d+) versions added, (?P<errors>\d+) errors$"
)
CONCURRENT_PAGES = 60
# More than one batch, so that the first is kept before the kill and the second is not.
KILLED_PAGES = BATCH_CAPTURES + 200
KILL_AFTER_CAPTURES = 20
TIMEOUT = 120


def write_pages(folder: Path, count: int) -> list[Path]:
    """``count`` generated pages as files, each dated by its capture time."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate_pages

    folder.mkdir()
    paths = []
    for page in generate_pages(count, seed=0):
        path = folder / f"page-{page.index:04d}.txt"
        path.write_text(page.text, encoding="utf-8")
        moment = page.captured_at.timestamp()
        os.utime(path, (moment, moment))
        paths.append(path)
    return paths


def ingest_command(paths: list[Path], url: str) -> list[str]:
    return [sys.executable, "-m", "wiredesk", "ingest", *map(str, paths), "--db", url]


def start_ingest(paths: list[Path], url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ingest_command(paths, url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"ingest did not finish within {TIMEOUT} s\n{out}\n{err}")
    return process.returncode, out, err


def summary_of(out: str) -> dict[str, int]:
    lines = out.strip().splitlines()
    assert lines, "ingest printed no summary"
    found = SUMMARY_RE.match(lines[-1])
    assert found, f"not a summary line: {lines[-1]!r}"
    return {name: int(value) for name, value in found.groupdict().items()}


@dataclass(frozen=True, slots=True)
class Kept:
    """What a store holds, in counts and as a multiset of stories (ids left out)."""

    captures: int
    articles: int
    briefs: int
    versions: int
    stories: Counter[tuple[object, ...]]

    @property
    def identities(self) -> Counter[tuple[object, ...]]:
        """Each story as its kind and the hash of its text: the same text is the same story."""
        found: Counter[tuple[object, ...]] = Counter()
        for story, count in self.stories.items():
            found[story[0], story[6]] += count
        return found


def kept_in(url: str) -> Kept:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:

            def count(sql: str) -> int:
                return int(connection.execute(text(sql)).scalar_one())

            rows = connection.execute(
                text(
                    "SELECT kind, headline, section, place, agencies, language, body_hash, version "
                    "FROM articles"
                )
            ).all()
            return Kept(
                captures=count("SELECT count(*) FROM captures"),
                articles=count("SELECT count(*) FROM articles WHERE kind = 'article'"),
                briefs=count("SELECT count(*) FROM articles WHERE kind = 'brief'"),
                versions=count("SELECT count(*) FROM article_versions"),
                stories=Counter(tuple(row) for row in rows),
            )
    finally:
        engine.dispose()


def assert_no_half_page(url: str) -> None:
    """Every kept capture is whole: its stories, their versions and their index entries."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:

            def ids(sql: str) -> list[object]:
                return list(connection.execute(text(sql)).scalars())

            unseen = ids(
                "SELECT id FROM captures WHERE status = 'parsed' AND NOT EXISTS "
                "(SELECT 1 FROM sightings WHERE sightings.capture_id = captures.id)"
            )
            assert unseen == [], f"parsed captures without any story: {unseen}"
            uneven = ids(
                "SELECT a.id FROM articles a LEFT JOIN article_versions v ON v.article_id = a.id "
                "GROUP BY a.id, a.version HAVING count(v.id) <> a.version"
            )
            assert uneven == [], f"articles whose versions are not all kept: {uneven}"
            lonely = ids(
                "SELECT id FROM articles WHERE NOT EXISTS "
                "(SELECT 1 FROM sightings WHERE sightings.article_id = articles.id)"
            )
            assert lonely == [], f"articles no capture showed: {lonely}"
            doubled = ids(
                "SELECT min(id) FROM articles GROUP BY kind, body_hash HAVING count(*) > 1"
            )
            assert doubled == [], f"stories kept twice: {doubled}"
            articles = int(connection.execute(text("SELECT count(*) FROM articles")).scalar_one())
            if connection.dialect.name == "sqlite":
                indexed = connection.execute(text("SELECT count(*) FROM article_search")).scalar()
                assert indexed == articles, f"{indexed} index rows for {articles} articles"
                stray = ids(
                    "SELECT rowid FROM article_search WHERE rowid NOT IN (SELECT id FROM articles)"
                )
                assert stray == [], f"index rows of no article: {stray}"
            else:
                unindexed = ids("SELECT id FROM articles WHERE search_vector IS NULL")
                assert unindexed == [], f"articles missing from the search index: {unindexed}"
    finally:
        engine.dispose()


def clean_ingest(paths: list[Path], folder: Path) -> Kept:
    url = f"sqlite:///{folder / 'reference.db'}"
    status, _out, err = finish(start_ingest(paths, url))
    assert status == 0, err
    return kept_in(url)


@pytest.fixture(scope="module")
def few_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Kept]:
    """Pages for two ingests at once, and what one clean ingest of them keeps."""
    folder = tmp_path_factory.mktemp("few")
    paths = write_pages(folder / "pages", CONCURRENT_PAGES)
    return paths, clean_ingest(paths, folder)


@pytest.fixture(scope="module")
def many_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Kept]:
    """Pages enough for an ingest to be killed in the middle, and what a clean ingest keeps."""
    folder = tmp_path_factory.mktemp("many")
    paths = write_pages(folder / "pages", KILLED_PAGES)
    return paths, clean_ingest(paths, folder)


@pytest.mark.parametrize("order", ["same order", "opposite order"])
def test_two_ingests_at_once_lose_and_duplicate_nothing(
    store_url: str, few_pages: tuple[list[Path], Kept], order: str
) -> None:
    paths, reference = few_pages
    assert reference.captures == CONCURRENT_PAGES
    other = paths if order == "same order" else paths[::-1]
    processes = [start_ingest(paths, store_url), start_ingest(other, store_url)]
    results = [finish(process) for process in processes]

    for status, _out, err in results:
        assert status == 0, err
        assert "Traceback" not in err
    summaries = [summary_of(out) for _status, out, _err in results]
    assert [s["captures"] for s in summaries] == [CONCURRENT_PAGES, CONCURRENT_PAGES]
    assert [s["errors"] for s in summaries] == [0, 0]
    # Each page was new to exactly one of the two, and each story was added by one of them.
    assert sum(s["pages"] for s in summaries) == CONCURRENT_PAGES
    kept = kept_in(store_url)
    assert sum(s["articles"] for s in summaries) == kept.articles
    assert sum(s["briefs"] for s in summaries) == kept.briefs

    assert_no_half_page(store_url)
    assert (kept.captures, kept.articles, kept.briefs, kept.versions) == (
        reference.captures,
        reference.articles,
        reference.briefs,
        reference.versions,
    )
    assert kept.identities == reference.identities
    if order == "same order":
        # Pages then reach the store in the reference's order, so the first copy of a
        # story (and its dateline and section) is the one the reference kept.
        assert kept.stories == reference.stories


def _wait_for_captures(url: str, process: subprocess.Popen[str], at_least: int) -> None:
    """Poll the store, reading only, until it holds ``at_least`` captures."""
    database = make_url(url).database if url.startswith("sqlite") else None
    engine = create_engine(url)
    deadline = time.monotonic() + 30
    try:
        while True:
            if process.poll() is not None:
                out, err = process.communicate()
                pytest.fail(
                    f"ingest ended (status {process.returncode}) before {at_least} captures were "
                    f"kept, so it could not be killed in the middle: give it more pages\n{out}{err}"
                )
            kept = 0
            if database is None or Path(database).exists():
                try:
                    with engine.connect() as connection:
                        kept = connection.execute(text("SELECT count(*) FROM captures")).scalar()
                except DBAPIError:  # the schema is not made yet
                    kept = 0
            if kept is not None and kept >= at_least:
                return
            if time.monotonic() > deadline:
                process.kill()
                process.communicate()
                pytest.fail(f"the store held {kept} captures after 30 s, not {at_least}")
            time.sleep(0.05)
    finally:
        engine.dispose()


def test_ingest_killed_in_the_middle_leaves_no_half_page_and_completes_when_run_again(
    store_url: str, many_pages: tuple[list[Path], Kept]
) -> None:
    paths, reference = many_pages
    folder = paths[0].parent
    process = start_ingest([folder], store_url)
    try:
        _wait_for_captures(store_url, process, KILL_AFTER_CAPTURES)
        if process.poll() is not None:
            pytest.fail("ingest ended before it could be killed: give it more pages")
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == -signal.SIGKILL

    interrupted = kept_in(store_url)
    assert KILL_AFTER_CAPTURES <= interrupted.captures < KILLED_PAGES
    assert_no_half_page(store_url)

    status, out, err = finish(start_ingest([folder], store_url))
    assert status == 0, err
    summary = summary_of(out)
    assert summary["captures"] == KILLED_PAGES
    assert summary["pages"] == KILLED_PAGES - interrupted.captures
    assert summary["errors"] == 0

    assert_no_half_page(store_url)
    kept = kept_in(store_url)
    assert (kept.captures, kept.articles, kept.briefs, kept.versions) == (
        reference.captures,
        reference.articles,
        reference.briefs,
        reference.versions,
    )
    assert kept.stories == reference.stories
