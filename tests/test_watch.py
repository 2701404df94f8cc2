"""``wiredesk watch DIR`` end to end: a real ``wiredesk`` process on a real folder, files
written into it as uploaders write them (slowly, in parts; under a temporary name, then
renamed), kept in a real SQLite file (and once in PostgreSQL).

Settle intervals are short to keep the tests fast; where a test needs a writer to be
quicker than the interval, it pauses for a small part of it.
"""

from __future__ import annotations

import hashlib
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import create_engine, select

from tests.conftest import ROOT, SAMPLES
from tests.parse.wire.test_items import CASES as WIRE_ITEMS
from tests.parse.wire.test_items import expected_path
from wiredesk.store.schema import article_versions, captures

PATIENCE_SECONDS = 60.0
DIJK_PAGE = """Kabinet trekt extra geld uit voor dijkversterking
{place} (ANP) - Het kabinet trekt de komende vijf jaar {amount} miljoen euro extra uit voor de versterking van dijken langs de grote rivieren. Dat heeft de minister van Infrastructuur en Waterstaat dinsdag bekendgemaakt na overleg met de waterschappen.
Volgens de minister zijn de dijken op tientallen plaatsen niet meer bestand tegen de hoogwaterstanden die door de klimaatverandering worden verwacht. De waterschappen hadden al langer om extra geld gevraagd.
De eerste projecten beginnen volgend jaar langs de Waal bij Nijmegen en langs de Maas in Limburg.
"""
# A Reuters story in IPTC 7901 telex, in parts as a slow uploader writes it: each part
# ends a paragraph, so a watcher that took the file early would keep an article all
# the same (a shorter one), and only the capture's bytes tell.
TELEX = ROOT / "tests" / "parse" / "wire" / "items" / "en" / "reuters-7901-oil-ends.txt"
TELEX_HEADLINE = "Oil rises as Gulf supply worries return"
TELEX_PARTS = [part + b"\n\n" for part in TELEX.read_bytes().split(b"\n\n")]
TELEX_PARTS[-1] = TELEX_PARTS[-1].removesuffix(b"\n\n")


def dijk_page(place: str, amount: int = 800) -> bytes:
    return DIJK_PAGE.format(place=place, amount=amount).encode()


def wiredesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wiredesk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        cwd=ROOT,
        timeout=180,
        check=False,
    )


def watch_once(drop: Path, db: str, *more: str) -> subprocess.CompletedProcess[str]:
    return wiredesk("watch", str(drop), "--once", "--settle", "0.2", "--db", db, *more)


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'news.db'}"


def stored_captures(db: str) -> list[tuple[str, str, str]]:
    """(source, SHA-256, status) of every capture the store keeps."""
    engine = create_engine(db)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(captures.c.source, captures.c.sha256, captures.c.status).order_by(
                    captures.c.id
                )
            ).all()
    finally:
        engine.dispose()
    return [(row.source, row.sha256, row.status) for row in rows]


def stored_headlines(db: str) -> set[str]:
    """The headline of every version of every story kept."""
    engine = create_engine(db)
    try:
        with engine.connect() as connection:
            return set(connection.execute(select(article_versions.c.headline)).scalars())
    finally:
        engine.dispose()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


class RunningWatch:
    """``wiredesk watch`` in a process of its own; its output lines are read as they come."""

    def __init__(self, drop: Path, db: str, settle: float) -> None:
        command = ["watch", str(drop), "--settle", str(settle), "--db", db]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wiredesk", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            cwd=ROOT,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self._lines: queue.Queue[tuple[str, str]] = queue.Queue()
        assert self.process.stdout is not None and self.process.stderr is not None
        self._readers = [
            threading.Thread(target=self._read, args=("out", self.process.stdout), daemon=True),
            threading.Thread(target=self._read, args=("err", self.process.stderr), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, which: str, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put((which, line.rstrip("\n")))

    def wait_for(self, which: str, text: str) -> None:
        """Until a line of standard output (``out``) or error (``err``) holds ``text``."""
        deadline = time.monotonic() + PATIENCE_SECONDS
        while not any(text in line for line in getattr(self, which)):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self._drain()
                pytest.fail(f"no {text!r} from wiredesk watch:\n{self.out}\n{self.err}")
            try:
                got, line = self._lines.get(timeout=0.1)
            except queue.Empty:
                continue
            getattr(self, got).append(line)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        self.process.send_signal(sig)
        code = self.process.wait(timeout=PATIENCE_SECONDS)
        self._close()
        return code

    def _close(self) -> None:
        for reader in self._readers:
            reader.join(timeout=PATIENCE_SECONDS)
        self._drain()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def _drain(self) -> None:
        while not self._lines.empty():
            got, line = self._lines.get()
            getattr(self, got).append(line)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._close()


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    folder = tmp_path / "drop"
    folder.mkdir()
    return folder


@pytest.fixture
def running() -> Iterator[list[RunningWatch]]:
    """Watches a test starts; any still running at its end are killed."""
    started: list[RunningWatch] = []
    yield started
    for watch in started:
        watch.kill()


def start_watch(running: list[RunningWatch], drop: Path, db: str, settle: float) -> RunningWatch:
    watch = RunningWatch(drop, db, settle)
    running.append(watch)
    watch.wait_for("err", "watching")
    return watch


# -- files arriving -----------------------------------------------------------------


def test_a_file_written_slowly_in_parts_is_taken_only_once_complete(
    drop: Path, tmp_path: Path, running: list[RunningWatch]
) -> None:
    """The writer pauses a tenth of the settle interval between parts: a watcher that took
    a file when it first saw it, or when it had not grown between two looks, would keep
    a part of the story."""
    db = sqlite_url(tmp_path)
    watch = start_watch(running, drop, db, settle=1.5)

    def write_slowly() -> None:
        with open(drop / "RTR0417.txt", "ab") as item:
            for part in TELEX_PARTS:
                item.write(part)
                item.flush()
                time.sleep(0.15)

    writer = threading.Thread(target=write_slowly)
    writer.start()
    writer.join()
    watch.wait_for("out", "RTR0417.txt -> done/RTR0417.txt: 1 articles")
    assert watch.stop() == 0, watch.err

    whole = b"".join(TELEX_PARTS)
    assert stored_captures(db) == [(str(drop / "RTR0417.txt"), sha256(whole), "parsed")]
    assert (drop / "done" / "RTR0417.txt").read_bytes() == whole
    assert stored_headlines(db) == {TELEX_HEADLINE}
    assert len(TELEX_PARTS) == 5
    assert listing(drop) == ["done", "failed"]


def test_a_file_renamed_into_place_is_taken_and_its_temporary_name_never(
    drop: Path, tmp_path: Path, running: list[RunningWatch]
) -> None:
    """The uploads pause longer than the settle interval, as a slow link does: a watcher
    that took temporary names would keep the half-written file."""
    db = sqlite_url(tmp_path)
    watch = start_watch(running, drop, db, settle=0.3)
    whole = b"".join(TELEX_PARTS)
    ninjs = WIRE_ITEMS[0].parent.parent / "nl" / "anp-ninjs2-brand.json"

    def upload(temporary: str, final: str, data: bytes) -> None:
        with open(drop / temporary, "wb") as item:
            for start in range(0, len(data), len(data) // 3 + 1):
                item.write(data[start : start + len(data) // 3 + 1])
                item.flush()
                time.sleep(0.8)
        os.rename(drop / temporary, drop / final)

    uploads = [
        threading.Thread(target=upload, args=("RTR0417.txt.filepart", "RTR0417.txt", whole)),
        threading.Thread(target=upload, args=(".in.brand.json.", "brand.json", ninjs.read_bytes())),
        threading.Thread(target=upload, args=("dijk.txt.tmp", "dijk.txt", dijk_page("DEN HAAG"))),
    ]
    for thread in uploads:
        thread.start()
    for thread in uploads:
        thread.join()
    for name in ("RTR0417.txt", "brand.json", "dijk.txt"):
        watch.wait_for("out", f"{name} -> done/{name}: 1 articles")
    assert watch.stop() == 0, watch.err

    assert sorted(source for source, _sha, _status in stored_captures(db)) == [
        str(drop / name) for name in ("RTR0417.txt", "brand.json", "dijk.txt")
    ]
    assert listing(drop / "done") == ["RTR0417.txt", "brand.json", "dijk.txt"]
    assert listing(drop / "failed") == []
    assert "Traceback" not in "\n".join(watch.err)


# -- what goes where -------------------------------------------------------------------


def test_bad_files_go_to_failed_with_their_reason_and_the_good_ones_beside_them_are_kept(
    drop: Path, tmp_path: Path
) -> None:
    db = sqlite_url(tmp_path)
    (drop / "empty.txt").write_bytes(b"")
    (drop / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    (drop / "broken.xml").write_bytes(b'<?xml version="1.0"?><nitf><body><body.content><p>Half')
    (drop / "dijk.txt").write_bytes(dijk_page("DEN HAAG"))
    shutil.copy(SAMPLES / "anp-buitenland.txt", drop / "buitenland.txt")

    result = watch_once(drop, db)

    assert result.returncode == 1, result.stderr
    assert listing(drop) == ["done", "failed"]
    assert listing(drop / "done") == ["buitenland.txt", "dijk.txt"]
    assert listing(drop / "failed") == [
        "broken.xml",
        "broken.xml.reason",
        "empty.txt",
        "empty.txt.reason",
        "photo.jpg",
        "photo.jpg.reason",
    ]
    assert (drop / "failed" / "empty.txt.reason").read_text() == f"{drop}/empty.txt: empty file\n"
    assert "binary file" in (drop / "failed" / "photo.jpg.reason").read_text()
    assert (
        "broken XML: Premature end of data in tag p"
        in (drop / "failed" / "broken.xml.reason").read_text()
    )
    # One line per file: where it went, and for a bad one why, naming it.
    errors = result.stderr.splitlines()
    assert len(errors) == 3, result.stderr
    assert f"wiredesk: {drop}/empty.txt: empty file (moved to failed/empty.txt)" in errors
    assert "dijk.txt -> done/dijk.txt: 1 articles, 0 briefs" in result.stdout
    assert "buitenland.txt -> done/buitenland.txt: 1 articles, 7 briefs" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("5 files: 2 done, 3 failed; 2 articles")
    assert "Traceback" not in result.stderr
    # The bad files' bytes are kept too, with their reason, as ingest keeps them.
    statuses = sorted(status for _source, _sha, status in stored_captures(db))
    assert statuses == ["failed"] * 3 + ["parsed"] * 2


def test_wire_items_of_every_format_are_kept_as_ingest_keeps_them(
    drop: Path, tmp_path: Path
) -> None:
    """Every item of the wire readers' tests (7901 and ANPA telex in UTF-8 and 8-bit
    sets, NITF, NewsML 1.2, NewsML-G2, NINJS, agency JSON; nl, en, de, fr), dropped at
    once, each with its expected headline, as `wiredesk ingest` of the same files keeps."""
    import json

    for item in WIRE_ITEMS:
        shutil.copy2(item, drop / f"{item.parent.name}-{item.name}")
    db = sqlite_url(tmp_path)

    result = watch_once(drop, db)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(listing(drop / "done")) == len(WIRE_ITEMS)
    assert listing(drop / "failed") == []
    assert {status for _source, _sha, status in stored_captures(db)} == {"parsed"}
    expected = {
        json.loads(expected_path(item).read_text())["expect"]["article"]["headline"]
        for item in WIRE_ITEMS
    }
    assert stored_headlines(db) == expected

    ingested = f"sqlite:///{tmp_path / 'ingested.db'}"
    wiredesk("ingest", *(str(path) for path in sorted((drop / "done").iterdir())), "--db", ingested)
    watched_stats = wiredesk("stats", "--db", db, "--format", "json").stdout
    assert watched_stats == wiredesk("stats", "--db", ingested, "--format", "json").stdout


# -- restarts and clashes ----------------------------------------------------------------


def test_a_restart_takes_no_file_twice(drop: Path, tmp_path: Path) -> None:
    db = sqlite_url(tmp_path)
    (drop / "dijk.txt").write_bytes(dijk_page("DEN HAAG"))
    (drop / "empty.txt").write_bytes(b"")
    assert watch_once(drop, db).returncode == 1
    kept = stored_captures(db)

    # Run again: what is in done/ and failed/ stays there.
    again = watch_once(drop, db)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1].startswith("0 files")
    assert stored_captures(db) == kept

    # A crash between keeping a file and moving it leaves it in the folder: the next run
    # moves it where it went the first time, and keeps nothing twice.
    (drop / "dijk.txt").write_bytes(dijk_page("DEN HAAG"))
    (drop / "empty.txt").write_bytes(b"")
    after_crash = watch_once(drop, db)
    assert after_crash.returncode == 1
    assert "dijk.txt -> done/dijk.1.txt: kept before, nothing added" in after_crash.stdout
    assert "(moved to failed/empty.1.txt)" in after_crash.stderr
    assert stored_captures(db) == kept
    assert listing(drop / "done") == ["dijk.1.txt", "dijk.txt"]
    assert wiredesk("stats", "--db", db).stdout.startswith("captures: 2\n")


def test_a_name_delivered_again_with_new_copy_is_kept_under_a_numbered_name(
    drop: Path, tmp_path: Path
) -> None:
    """Agencies reuse names ("latest.txt"): each delivery is kept, none overwritten."""
    db = sqlite_url(tmp_path)
    for number, (place, amount) in enumerate((("DEN HAAG", 800), ("ARNHEM", 650))):
        (drop / "latest.txt").write_bytes(dijk_page(place, amount))
        (drop / "broken.txt").write_bytes(b"\x00" * (number + 1))
        result = watch_once(drop, db)
        assert result.returncode == 1, result.stderr
    assert listing(drop / "done") == ["latest.1.txt", "latest.txt"]
    assert (drop / "done" / "latest.txt").read_bytes() == dijk_page("DEN HAAG", 800)
    assert (drop / "done" / "latest.1.txt").read_bytes() == dijk_page("ARNHEM", 650)
    assert listing(drop / "failed") == [
        "broken.1.txt",
        "broken.1.txt.reason",
        "broken.txt",
        "broken.txt.reason",
    ]
    assert (drop / "failed" / "broken.1.txt").read_bytes() == b"\x00\x00"
    assert len(stored_captures(db)) == 4


# -- stopping ---------------------------------------------------------------------------


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_signal_stops_a_running_watch_cleanly_after_the_file_in_hand(
    drop: Path, tmp_path: Path, running: list[RunningWatch], sig: int
) -> None:
    """Whenever the signal comes, every file is either kept and in done/ or untouched in
    the folder, and the watch says what it did and exits with status 0."""
    db = sqlite_url(tmp_path)
    places = ["DEN HAAG", "ARNHEM", "GOES", "ZWOLLE", "ASSEN", "LELYSTAD", "UTRECHT", "BREDA"]
    for number, place in enumerate(places * 2):
        (drop / f"dijk-{number:02}.txt").write_bytes(dijk_page(place, 100 + number))
    watch = start_watch(running, drop, db, settle=0.2)
    watch.wait_for("out", "-> done/")

    assert watch.stop(sig) == 0, watch.err
    assert "Traceback" not in "\n".join(watch.err)
    done = listing(drop / "done")
    left = [name for name in listing(drop) if name not in ("done", "failed")]
    assert sorted(done + left) == [f"dijk-{number:02}.txt" for number in range(16)]
    assert sorted(source for source, _sha, _status in stored_captures(db)) == [
        str(drop / name) for name in done
    ]
    assert watch.out[-1].startswith(f"stopped. {len(done)} files: {len(done)} done, 0 failed")


def test_a_watch_killed_at_any_moment_loses_and_doubles_nothing(
    drop: Path, tmp_path: Path, running: list[RunningWatch]
) -> None:
    """A crash (SIGKILL, no chance to finish) wherever it lands, then a run to catch up:
    every file is kept once and ends in done/ (one the crash caught between keeping and
    moving is moved then, its capture kept before)."""
    db = sqlite_url(tmp_path)
    names = [f"dijk-{number:02}.txt" for number in range(16)]
    for number, name in enumerate(names):
        (drop / name).write_bytes(dijk_page("ARNHEM", 200 + number))
    watch = start_watch(running, drop, db, settle=0.2)
    watch.wait_for("out", "-> done/")
    watch.stop(signal.SIGKILL)

    result = watch_once(drop, db)
    assert result.returncode == 0, result.stderr
    assert listing(drop) == ["done", "failed"]
    delivered = {name.split(".")[0] + ".txt" for name in listing(drop / "done")}
    assert delivered == set(names)
    kept = stored_captures(db)
    assert len(kept) == len({sha for _source, sha, _status in kept}) == 16
    assert wiredesk("stats", "--db", db).stdout.startswith("captures: 16\n")


# -- the command -------------------------------------------------------------------------


def test_watch_keeps_files_in_postgresql(drop: Path, postgres_url: str) -> None:
    (drop / "dijk.txt").write_bytes(dijk_page("DEN HAAG"))
    (drop / "empty.txt").write_bytes(b"")
    assert watch_once(drop, postgres_url).returncode == 1
    (drop / "dijk.txt").write_bytes(dijk_page("DEN HAAG"))  # as after a crash
    result = watch_once(drop, postgres_url)
    assert result.returncode == 0, result.stderr
    assert "kept before" in result.stdout
    assert [status for _source, _sha, status in stored_captures(postgres_url)] in (
        ["parsed", "failed"],
        ["failed", "parsed"],
    )


def test_a_folder_that_is_not_there_is_a_usage_error(tmp_path: Path) -> None:
    result = wiredesk("watch", str(tmp_path / "nowhere"), "--db", sqlite_url(tmp_path))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_watch_has_help() -> None:
    result = wiredesk("watch", "--help")
    assert result.returncode == 0, result.stderr
    assert re.match(r"Usage: .*wiredesk watch \[OPTIONS\] DIR", result.stdout), result.stdout
    for option in ("--settle SECONDS", "--once", "--db URL", "--language", "--timezone"):
        assert option in result.stdout
