"""Opening, migrating, rebuilding and reading the store back, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from tests.conftest import CORPUS, SAMPLES
from wiredesk.desk import ingest, reparse
from wiredesk.query import Filters, read_query
from wiredesk.sources.files import iter_captures
from wiredesk.store import Store
from wiredesk.store.db import (
    READER_CACHE_KIB,
    WRITE_OPTION,
    WRITER_CACHE_KIB,
    create_store_engine,
    newest_revision,
    resolve_url,
)
from wiredesk.store.schema import metadata

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)


def test_new_store_is_migrated_to_head_and_reopening_changes_nothing(store_url: str) -> None:
    Store(store_url).close()
    engine = create_engine(store_url)
    with engine.connect() as connection:
        first = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    config = Config()
    config.set_main_option("script_location", str(files("wiredesk.store") / "migrations"))
    assert first == ScriptDirectory.from_config(config).get_current_head()
    Store(store_url).close()
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    assert [row[0] for row in rows] == [first]
    engine.dispose()


def test_the_newest_revision_is_the_head_alembic_reads() -> None:
    """``newest_revision`` reads the file names: each starts with its revision, and each
    revision revises the number before it."""
    config = Config()
    config.set_main_option("script_location", str(files("wiredesk.store") / "migrations"))
    script = ScriptDirectory.from_config(config)
    assert newest_revision() == script.get_current_head()
    for revision in script.walk_revisions():
        assert Path(revision.path).name.startswith(f"{revision.revision}_"), revision.path
        number = int(revision.revision)
        before = None if number == 1 else f"{number - 1:04d}"
        assert revision.down_revision == before, revision.path


def test_opening_a_store_at_the_newest_revision_does_not_load_alembic(store_url: str) -> None:
    Store(store_url).close()
    check = (
        "import sys; from wiredesk.store import Store; Store(sys.argv[1]).close(); "
        "print(sorted(m for m in sys.modules if m.partition('.')[0] in ('alembic', 'mako')))"
    )
    opened = subprocess.run(
        [sys.executable, "-c", check, store_url], capture_output=True, text=True, timeout=120
    )
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.strip() == "[]"


def test_migrations_make_the_tables_schema_py_describes(store_url: str) -> None:
    """Every revision's columns are in schema.py; only the search index, which each database
    builds its own way in the migrations, is not."""
    Store(store_url).close()
    engine = create_engine(store_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [
            difference
            for difference in compare_metadata(context, metadata)
            if "article_search" not in repr(difference) and "search_vector" not in repr(difference)
        ]
    engine.dispose()
    assert differences == []


def test_reparse_rebuilds_the_same_stories_without_duplicates(store_url: str) -> None:
    with Store(store_url) as store:
        before = ingest(store, iter_captures([str(SAMPLES), str(CORPUS)], CAPTURED_AT))
        assert before.errors == []
        counts = store.stats()
        headlines = sorted(a.article.headline or "" for a in store.articles(Filters()))
        total = reparse(store)
        assert (total.articles, total.briefs) == (before.articles, before.briefs)
        assert store.stats() == counts
        assert sorted(a.article.headline or "" for a in store.articles(Filters())) == headlines
        again = reparse(store)
        assert (again.articles, again.briefs) == (before.articles, before.briefs)
        assert store.search(read_query("Koersk"), Filters(), now=CAPTURED_AT)


DATED_PAGE = (
    "Kabinet trekt extra geld uit voor dijken\n18 maart 2026, 11:02\n"
    "DEN HAAG (ANP) - Het kabinet trekt de komende vijf jaar 800 miljoen euro extra uit voor "
    "de versterking van dijken langs de grote rivieren, heeft de minister bekendgemaakt.\n"
)


def test_reparse_reads_a_capture_as_its_source_said(store_url: str, tmp_path: Path) -> None:
    """The language and zone an ingest was told, and a record's address, are kept with
    the capture: parsing the archive again does not fall back to detecting them."""
    page = tmp_path / "dijken.jsonl"
    page.write_text(json.dumps({"text": DATED_PAGE, "url": "https://example.nl/d"}) + "\n")
    with Store(store_url) as store:
        ingest(store, iter_captures([str(page)], CAPTURED_AT), language="de", timezone="UTC")

        def kept() -> tuple[object, ...]:
            [article] = store.articles(Filters())
            return article.language, article.article.published_at

        told = ("de", datetime(2026, 3, 18, 11, 2, tzinfo=UTC))
        assert kept() == told
        reparse(store)
        assert kept() == told
    engine = create_engine(store_url)
    with engine.connect() as connection:
        row = connection.execute(text("SELECT url, language, timezone FROM captures")).one()
    engine.dispose()
    assert tuple(row) == ("https://example.nl/d", "de", "UTC")


def test_failed_capture_is_archived_with_its_reason(store_url: str, tmp_path: Path) -> None:
    menu = tmp_path / "menu.txt"
    menu.write_text("Home\nNieuws\nInloggen\n", encoding="utf-8")
    with Store(store_url) as store:
        summary = ingest(store, iter_captures([str(menu)], CAPTURED_AT))
        assert summary.errors == [f"{menu}: no recognisable article: no body text found"]
        assert store.capture_count() == 1
    engine = create_engine(store_url)
    with engine.connect() as connection:
        row = connection.execute(text("SELECT status, error, size FROM captures")).one()
    engine.dispose()
    assert row.status == "failed"
    assert "no recognisable article" in row.error
    assert row.size == len("Home\nNieuws\nInloggen\n")


def test_export_streams_newest_first_with_filters(store_url: str) -> None:
    with Store(store_url) as store:
        ingest(store, iter_captures([str(SAMPLES / "anp-buitenland.txt")], CAPTURED_AT))
        briefs = list(store.articles(Filters(kind="brief")))
        assert len(briefs) == 7
        times = [b.article.published_at for b in briefs]
        assert times == sorted(times, reverse=True)
        assert [b.article.dateline.place for b in store.articles(Filters(agency="rtr")) if b.article.dateline] == [
            "LONDEN", "WASHINGTON", "BEIROET",
        ]  # fmt: skip


def test_database_url_comes_from_option_then_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WIREDESK_DB", "sqlite:///from-env.db")
    assert resolve_url("sqlite:///from-option.db") == "sqlite:///from-option.db"
    assert resolve_url(None) == "sqlite:///from-env.db"
    assert resolve_url(str(tmp_path / "plain.db")) == f"sqlite:///{tmp_path / 'plain.db'}"
    monkeypatch.delenv("WIREDESK_DB")
    assert resolve_url(None).startswith("sqlite:///") and resolve_url(None).endswith("wiredesk.db")


def _upgrade_to(url: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(files("wiredesk.store") / "migrations"))
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_a_store_of_the_first_schema_is_upgraded_with_its_bodies(store_url: str) -> None:
    """Revision 0002 keeps each body once, 0006 tags the index: stories kept under 0001
    read back the same and are found, filtered too."""
    _upgrade_to(store_url, "0001")
    first = [("paragraph", "Het kabinet wil woningen bouwen."), ("heading", "Geld")]
    second = [*first, ("paragraph", "De oppositie noemt het plan onhaalbaar.")]
    engine = create_engine(store_url)
    with engine.begin() as connection:
        for number, capture_at in ((1, "2026-03-18 09:00:00"), (2, "2026-03-18 10:00:00")):
            connection.execute(
                text(
                    "INSERT INTO captures (id, sha256, captured_at, stored_at, content_type, "
                    "size, data, status) VALUES (:id, :sha, :at, :at, 'text', 1, :data, 'parsed')"
                ),
                {"id": number, "sha": f"{number:064x}", "at": capture_at, "data": b"x"},
            )
        connection.execute(
            text(
                "INSERT INTO articles (id, kind, headline, language, agencies, body, body_text, "
                "body_hash, version, first_seen_at, last_seen_at, dated_at, capture_id) VALUES "
                "(1, 'article', 'Woningbouw', 'nl', 'ANP', :body, :body_text, 'h2', 2, "
                "'2026-03-18 09:00:00', '2026-03-18 10:00:00', '2026-03-18 10:00:00', 2)"
            ),
            {"body": _whole(second), "body_text": "\n".join(text for _, text in second)},
        )
        connection.execute(
            text("INSERT INTO article_agencies (article_id, agency) VALUES (1, 'anp')")
        )
        for version, body in ((1, first), (2, second)):
            connection.execute(
                text(
                    "INSERT INTO article_versions (article_id, version, capture_id, headline, "
                    "body, body_hash, seen_at) VALUES (1, :version, :version, 'Woningbouw', "
                    ":body, :hash, '2026-03-18 09:00:00')"
                ),
                {"version": version, "body": _whole(body), "hash": f"h{version}"},
            )
        if connection.dialect.name == "sqlite":
            connection.execute(
                text("INSERT INTO article_search (rowid, headline, body) VALUES (1, :h, :b)"),
                {"h": "woningbouw", "b": "het kabinet wil woning bouw geld de opposit"},
            )
        else:
            connection.execute(
                text(
                    "UPDATE articles SET search_vector = to_tsvector('dutch', "
                    "headline || ' ' || body_text)"
                )
            )
    with Store(store_url) as store:
        article = store.article(1)
        assert [(block.kind, block.text) for block in article.article.body] == second
        history = store.history(1)
        assert [[(b.kind, b.text) for b in v.body] for v in history] == [first, second]
        for filters in (Filters(), Filters(agency="anp", language="nl", kind="article")):
            hits = store.search(read_query("woningen"), filters, now=CAPTURED_AT)
            assert [hit.id for hit in hits] == [1]  # the index was built again, with its tags
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT version, body FROM article_versions ORDER BY version")
        ).all()
        layout = connection.execute(text("SELECT body FROM articles")).scalar_one()
        if connection.dialect.name == "sqlite":
            columns = [row.name for row in connection.execute(text("PRAGMA table_info(articles)"))]
            assert columns[-1] == "body_text"  # the small columns come before the text
    engine.dispose()
    assert [(row.version, row.body is None) for row in stored] == [(1, False), (2, True)]
    assert json.loads(layout) == ["paragraph", "heading", "paragraph"]


def _whole(blocks: list[tuple[str, str]]) -> str:
    return json.dumps([{"kind": kind, "text": text} for kind, text in blocks])


def test_only_writing_connections_get_the_large_page_cache_and_it_stays(tmp_path: Path) -> None:
    """A server holds many reading connections: each keeps SQLite's small default cache.
    Writes go through one connection kept open, so its cache stays warm between batches."""
    url = f"sqlite:///{tmp_path / 'cache.db'}"
    Store(url).close()
    readers, writers = create_store_engine(url), create_store_engine(url, for_writes=True)
    with readers.connect() as reader:
        assert reader.exec_driver_sql("PRAGMA cache_size").scalar_one() == -READER_CACHE_KIB
    used = []  # the driver's connections themselves, so that none is freed and its id reused
    for _ in range(3):
        with writers.connect() as connection:
            writer = connection.execution_options(**{WRITE_OPTION: True})
            with writer.begin():
                size = writer.exec_driver_sql("PRAGMA cache_size").scalar_one()
                used.append(writer.connection.driver_connection)
            assert size == -WRITER_CACHE_KIB
    assert used[0] is not None and all(driver is used[0] for driver in used)
    readers.dispose()
    writers.dispose()


def _open_new_store_file(path: str) -> str | None:
    """Open a connection to a SQLite file another process may be creating: the error, if any."""
    engine = create_store_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return None
    except Exception as error:  # the test reports whatever stopped the connection
        return f"{type(error).__name__}: {error}"
    finally:
        engine.dispose()


def test_processes_opening_a_new_store_file_at_once_all_connect(tmp_path: Path) -> None:
    # The switch to WAL mode on a new file used to answer "database is locked" at once
    # to the second of two processes making it (no busy timeout applies to it).
    rounds, processes = 40, 4
    context = multiprocessing.get_context("spawn")  # no threads of this process come along
    with context.Pool(processes) as pool:
        errors = []
        for round_ in range(rounds):
            path = str(tmp_path / f"new-{round_}.db")
            errors += [e for e in pool.map(_open_new_store_file, [path] * processes) if e]
    assert errors == []
    with sqlite3.connect(tmp_path / "new-0.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
