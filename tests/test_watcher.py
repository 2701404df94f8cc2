"""The drop folder's service (``wiredesk.watcher``) in this process, on real files and a real
SQLite store: JSON Lines files, files too large for a news item, a file that vanishes,
and ``once`` leaving a file still being written."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wiredesk.model import MAX_CAPTURE_BYTES
from wiredesk.sources.drops import DropFolder
from wiredesk.store import Store
from wiredesk.watcher import FileTaken, Watcher

PAGE = """Kabinet trekt extra geld uit voor dijkversterking
{place} (ANP) - Het kabinet trekt de komende vijf jaar 800 miljoen euro extra uit voor de versterking van dijken langs de grote rivieren. Dat heeft de minister dinsdag bekendgemaakt.
Volgens de minister zijn de dijken op tientallen plaatsen niet meer bestand tegen de hoogwaterstanden die worden verwacht.
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'news.db'}") as opened:
        yield opened


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    folder = tmp_path / "drop"
    folder.mkdir()
    return folder


def watcher_of(store: Store, drop: Path, settle: float = 0) -> Watcher:
    return Watcher(store, DropFolder(drop, settle_seconds=settle))


def record(**fields: str) -> str:
    return json.dumps({"captured_at": "2026-03-18T14:00:00Z", **fields}) + "\n"


def test_a_json_lines_file_with_a_page_goes_to_done_and_names_its_bad_records(
    store: Store, drop: Path
) -> None:
    item = drop / "batch.jsonl"
    item.write_text(record(text=PAGE.format(place="ARNHEM")) + record(text="") + "{not json\n")
    taken = watcher_of(store, drop).take(item)
    assert taken.moved_to == drop / "done" / "batch.jsonl"
    assert not taken.is_failed
    assert (taken.kept.captures, taken.kept.pages, taken.kept.articles) == (3, 1, 1)
    assert len(taken.kept.errors) == 2
    assert taken.kept.errors[1].startswith(f"{item}:3: not a JSON object")


def test_a_json_lines_file_without_a_page_goes_to_failed_with_every_reason(
    store: Store, drop: Path
) -> None:
    item = drop / "batch.jsonl"
    item.write_text(record(text="") + "{not json\n")
    taken = watcher_of(store, drop).take(item)
    assert taken.moved_to == drop / "failed" / "batch.jsonl"
    reasons = (drop / "failed" / "batch.jsonl.reason").read_text().splitlines()
    assert [line.split(": ", 1)[0] for line in reasons] == [f"{item}:1", f"{item}:2"]


def test_an_empty_json_lines_file_holds_no_capture(store: Store, drop: Path) -> None:
    item = drop / "batch.jsonl"
    item.write_text("\n")
    taken = watcher_of(store, drop).take(item)
    assert taken.is_failed
    assert (drop / "failed" / "batch.jsonl.reason").read_text() == f"{item}: holds no capture\n"


def test_a_file_too_large_for_a_news_item_goes_to_failed_unread(store: Store, drop: Path) -> None:
    video = drop / "clip.mp4"
    with open(video, "wb") as written:
        written.truncate(MAX_CAPTURE_BYTES + 1)  # sparse: no 20 MB written
    taken = watcher_of(store, drop).take(video)
    assert taken.moved_to == drop / "failed" / "clip.mp4"
    assert "20 MB, over the 20 MB of a news item" in taken.kept.errors[0]
    assert store.capture_count() == 0


def test_a_file_gone_before_it_is_taken_is_a_problem_not_a_crash(store: Store, drop: Path) -> None:
    taken = watcher_of(store, drop).take(drop / "gone.txt")
    assert taken.moved_to is None
    assert taken.problem == f"{drop / 'gone.txt'}: gone before it could be moved aside"
    assert list((drop / "failed").iterdir()) == []


def test_once_takes_the_complete_files_and_leaves_one_still_being_written(
    store: Store, drop: Path
) -> None:
    """The writer appends ten times per settle interval for three intervals: between the
    two looks of ``once`` it has always grown."""
    (drop / "complete.txt").write_text(PAGE.format(place="GOES"))
    growing = drop / "growing.txt"
    growing.write_text(PAGE.format(place="ZWOLLE"))
    writing = threading.Event()
    writing.set()

    def append() -> None:
        with open(growing, "a") as item:
            for _ in range(30):
                item.write("Meer nieuws volgt.\n")
                item.flush()
                time.sleep(0.1)
        writing.clear()

    writer = threading.Thread(target=append)
    writer.start()
    try:
        watcher = watcher_of(store, drop, settle=1.0)
        taken: list[FileTaken] = []
        summary = watcher.once(threading.Event(), on_file=taken.append)
        assert writing.is_set(), "the writer finished before once did: the test proves nothing"
    finally:
        writer.join()
    assert [file.path.name for file in taken] == ["complete.txt"]
    assert (summary.files, summary.done, summary.articles) == (1, 1, 1)
    assert watcher.folder.arriving() == [growing]
    assert growing.exists()


def test_once_with_nothing_in_the_folder_returns_at_once(store: Store, drop: Path) -> None:
    summary = watcher_of(store, drop, settle=3600).once(threading.Event(), on_file=print)
    assert summary.files == 0


def test_a_stop_asked_for_leaves_the_remaining_files_untouched(store: Store, drop: Path) -> None:
    for place in ("ARNHEM", "GOES", "ZWOLLE"):
        (drop / f"{place.lower()}.txt").write_text(PAGE.format(place=place))
    stop = threading.Event()

    def stop_after_the_first(taken: FileTaken) -> None:
        stop.set()

    summary = watcher_of(store, drop).watch(stop, on_file=stop_after_the_first)
    assert summary.files == 1
    assert len(list((drop / "done").iterdir())) == 1
    assert len([path for path in drop.iterdir() if path.is_file()]) == 2
    assert store.capture_count() == 1
