"""The hostile suite: every input of ``tests.hostile_inputs`` fed to each way in.

``wiredesk parse`` and ``wiredesk ingest`` (a real SQLite file) in a subprocess,
the API's upload over HTTP on 127.0.0.1, and the feed poller from the loopback feed
server. Wherever a hostile input goes: no traceback, a one-line message naming it
(in valid UTF-8, however the file is called), and every good input beside it kept.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.feeds.conftest import TEST_LIMITS
from tests.feeds.server import FeedServer, serving
from tests.hostile_inputs import ENDLESS, ZONE, Hostile, files, json_lines, records
from tests.serve.conftest import TOKEN, client_for
from wiredesk.model import MAX_CAPTURE_BYTES
from wiredesk.poller import Poller
from wiredesk.query import Filters
from wiredesk.sources.files import source_name
from wiredesk.sources.http import Fetcher
from wiredesk.store import Store

CAPTURED_AT = "2026-03-18T14:00:00Z"


def run(*args: bytes | str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """``wiredesk`` with these arguments (file names as bytes), its output as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "wiredesk", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


def messages(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    """Standard error's lines, which must be valid UTF-8 and hold no traceback."""
    text = result.stderr.decode("utf-8")
    assert "Traceback" not in text, text
    return text.splitlines()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[bytes, Hostile]]:
    """The hostile files in a folder, as (path, input)."""
    folder = os.fsencode(tmp_path_factory.mktemp("hostile"))
    paths = []
    for hostile in files():
        path = os.path.join(folder, hostile.name)
        with open(path, "wb") as file:
            file.write(hostile.data)
        paths.append((path, hostile))
    return paths


def name_of(path: bytes) -> str:
    return source_name(os.fsdecode(path))


def test_parse_names_each_hostile_file_on_one_line_and_prints_the_rest(
    written: list[tuple[bytes, Hostile]],
) -> None:
    stdin = b"b" * (MAX_CAPTURE_BYTES + 5_000_000)  # 200 MB would say no more
    paths = [path for path, _ in written]
    result = run("parse", *paths, *ENDLESS, "-", "--timezone", ZONE, stdin=stdin)
    assert result.returncode == 1
    refused = [(name_of(path), h.reason) for path, h in written if not h.is_kept]
    refused += [(name, "too large: more than 20 MB") for name in (*ENDLESS, "<stdin>")]
    lines = messages(result)
    assert len(lines) == len(refused), lines
    for line, (name, reason) in zip(lines, refused, strict=True):
        assert line.startswith(f"wiredesk: {name}: "), line
        assert reason is not None and reason in line, line
    pages = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [page["source"] for page in pages] == [name_of(p) for p, h in written if h.is_kept]
    for page in pages:
        assert page["article"]["headline"]
        published = page["article"]["published_at"]
        assert published is None or published.startswith("2026-")


def test_ingest_keeps_every_good_input_beside_the_hostile_ones(
    written: list[tuple[bytes, Hostile]], tmp_path: Path
) -> None:
    lines = tmp_path / "records.jsonl"
    lines.write_bytes(json_lines())
    db = str(tmp_path / "news.db")
    paths = [path for path, _ in written]
    result = run("ingest", *paths, str(lines), "/dev/zero", "--db", db, "--timezone", ZONE)
    assert result.returncode == 1
    refused = [(name_of(path), h.reason) for path, h in written if not h.is_kept]
    refused += [(f"{lines}:{r.name.decode()}", r.reason) for r in records() if not r.is_kept]
    refused += [(f"{lines}:{len(records()) + 1}", "too large"), ("/dev/zero", "too large")]
    said = messages(result)  # read errors as they come, parse errors as batches end
    assert len(said) == len(refused), said
    for name, reason in refused:
        [line] = [line for line in said if line.startswith(f"wiredesk: {name}: ")]
        assert reason is not None and reason in line, line
    kept = sum(h.is_kept for h in files()) + sum(r.is_kept for r in records())
    summary = result.stdout.decode("utf-8").strip()
    assert summary.startswith(f"{kept + len(refused)} captures read: {kept} new pages, ")
    assert summary.endswith(f" {len(refused)} errors")
    with Store(f"sqlite:///{db}") as store:
        # Bad copy is kept with its reason; what was never read (too large, a record whose
        # fields cannot be read) is not.
        unread = [h for h in files() if h.reason is not None and "too large" in h.reason]
        bad_copy = sum(not h.is_kept for h in files()) - len(unread)
        assert store.capture_count() == kept + bad_copy
        sources = {stored.article.headline for stored in store.articles(Filters(kind="article"))}
    assert "Stau vor dem Gotthard" in sources  # the page in 200,000 <div>s


@pytest.fixture
def api_store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'api.db'}") as store:
        yield store


def test_the_api_answers_every_hostile_upload_without_a_500(api_store: Store) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with client_for(api_store) as client:
        for hostile in files():
            kind = "text/html" if hostile.name.endswith(b".html") else "text/plain"
            response = client.post(
                "/api/v1/captures", content=hostile.data, headers={**auth, "Content-Type": kind}
            )
            expected = {201} if hostile.is_kept else {400, 413, 422}
            assert response.status_code in expected, (hostile.name, response.text)
            if not hostile.is_kept:
                assert set(response.json()["error"]) == {"status", "code", "message"}
        for record in records():
            response = client.post(
                "/api/v1/captures",
                content=record.data,
                headers={**auth, "Content-Type": "application/json"},
            )
            if record.is_kept:
                assert response.status_code == 201, (record.name, response.text)
            else:
                assert response.status_code == 400, (record.name, response.text)
                assert record.reason is not None
                assert record.reason in response.json()["error"]["message"]


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    with serving() as server:
        yield server


def test_the_poller_keeps_a_hostile_feed_and_its_pages(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    with (
        Store(f"sqlite:///{tmp_path / 'feeds.db'}") as store,
        Fetcher(limits=TEST_LIMITS) as fetcher,
    ):
        store.add_feed(
            f"{feed_server.base}/hostile-entries.xml",
            section=None,
            interval_seconds=900,
            is_fetching_articles=True,
            is_private_allowed=True,
            now=datetime.now(UTC),
        )
        summary = Poller(store, fetcher).poll()
        [feed] = store.feeds()
        assert (feed.status, feed.last_error, summary.errors) == ("ok", None, [])
        assert summary.new_entries == 5
        assert store.capture_count() == 5  # each entry kept: its page, or its summary
        # The huge page is cut off and its summary kept; the UTF-16 page is kept with why.
        [huge] = summary.page_errors
        assert huge.startswith(f"{feed_server.base}/huge.xml: too large")
        [windows] = summary.copy_errors
        assert "windows.html" in windows and "--encoding utf-16-le" in windows
        assert summary.articles == 4
