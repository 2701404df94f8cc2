"""A drop folder's files: when one is complete, which names are never taken, where a taken
file goes. Real files in a temporary folder; the clock of a look is given, so whether a
file has settled is decided by the test's times, not by how fast the machine is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wiredesk.errors import ConfigError
from wiredesk.sources.drops import DropFolder, is_temporary

SETTLE = 2.0


@pytest.fixture
def folder(tmp_path: Path) -> DropFolder:
    drop = tmp_path / "drop"
    drop.mkdir()
    return DropFolder(drop, settle_seconds=SETTLE)


def names(paths: list[Path]) -> list[str]:
    return [path.name for path in paths]


def test_the_done_and_failed_folders_are_made(folder: DropFolder) -> None:
    assert folder.done.is_dir() and folder.failed.is_dir()
    assert (folder.done.name, folder.failed.name) == ("done", "failed")


def test_a_folder_that_is_not_there_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a folder"):
        DropFolder(tmp_path / "nowhere", settle_seconds=SETTLE)


def test_a_file_is_complete_once_it_stayed_the_same_for_the_settle_interval(
    folder: DropFolder,
) -> None:
    item = folder.path / "item.xml"
    item.write_bytes(b"<nitf>")
    assert folder.look(now=100.0) == []  # first seen
    assert folder.look(now=101.0) == []
    assert names(folder.look(now=102.0)) == ["item.xml"]


def test_a_file_still_growing_waits_a_settle_interval_after_its_last_change(
    folder: DropFolder,
) -> None:
    item = folder.path / "item.txt"
    item.write_bytes(b"part one\n")
    assert folder.look(now=0.0) == []
    with open(item, "ab") as writer:
        writer.write(b"part two\n")
    assert folder.look(now=1.5) == []  # changed: counted again from here
    assert folder.look(now=3.0) == []
    assert names(folder.arriving()) == ["item.txt"]
    assert names(folder.look(now=3.5)) == ["item.txt"]


def test_a_file_replaced_by_another_of_the_same_size_and_time_starts_again(
    folder: DropFolder,
) -> None:
    item = folder.path / "item.txt"
    item.write_bytes(b"first")
    assert folder.look(now=0.0) == []
    stamp = item.stat().st_mtime_ns
    replacement = folder.path / "upload.tmp"
    replacement.write_bytes(b"other")
    os.utime(replacement, ns=(stamp, stamp))
    replacement.replace(item)  # renamed into place: same name, size and time, another inode
    assert folder.look(now=2.5) == []
    assert names(folder.look(now=4.5)) == ["item.txt"]


def test_with_no_settle_interval_a_file_is_taken_at_first_sight(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "item.txt").write_bytes(b"copy")
    assert names(DropFolder(drop, settle_seconds=0).look(now=0.0)) == ["item.txt"]


@pytest.mark.parametrize(
    "name",
    [
        ".in.item.xml.",  # ProFTPD HiddenStores
        ".pureftpd-upload.5f2a.item.xml",
        ".item.xml.Xy12Ab",  # rsync
        "item.xml.tmp",
        "ITEM.XML.TMP",
        "item.xml.temp",
        "item.xml.part",
        "item.xml.partial",
        "item.xml.filepart",  # WinSCP
        "item.xml~",
    ],
)
def test_names_of_files_still_arriving_are_never_taken(folder: DropFolder, name: str) -> None:
    assert is_temporary(name)
    (folder.path / name).write_bytes(b"<nitf>")
    assert folder.look(now=0.0) == []
    assert folder.look(now=60.0) == []


@pytest.mark.parametrize("name", ["item.xml", "anp-260303-0117", "tmp.xml", "part-2.txt"])
def test_ordinary_names_are_taken(name: str) -> None:
    assert not is_temporary(name)


def test_sub_folders_links_and_pipes_are_left_alone(folder: DropFolder, tmp_path: Path) -> None:
    elsewhere = tmp_path / "secret.txt"
    elsewhere.write_bytes(b"not for the desk")
    (folder.path / "link.txt").symlink_to(elsewhere)
    os.mkfifo(folder.path / "pipe.txt")
    (folder.path / "service").mkdir()
    (folder.path / "service" / "item.xml").write_bytes(b"<nitf>")
    (folder.done / "old.xml").write_bytes(b"<nitf>")
    (folder.path / "item.xml").write_bytes(b"<nitf>")
    folder.look(now=0.0)
    assert names(folder.look(now=10.0)) == ["item.xml"]


def test_files_are_taken_in_the_order_they_were_delivered(folder: DropFolder) -> None:
    for name, second in (("b-first.xml", 1_000), ("a-second.xml", 2_000), ("c-third.xml", 3_000)):
        path = folder.path / name
        path.write_bytes(name.encode())
        os.utime(path, (second, second))
    folder.look(now=0.0)
    assert names(folder.look(now=10.0)) == ["b-first.xml", "a-second.xml", "c-third.xml"]


def test_a_name_already_in_done_gets_a_number(folder: DropFolder) -> None:
    (folder.done / "item.xml").write_bytes(b"first delivery")
    (folder.done / "item.1.xml").write_bytes(b"second delivery")
    (folder.path / "item.xml").write_bytes(b"third delivery")
    moved = folder.move_done(folder.path / "item.xml")
    assert moved == folder.done / "item.2.xml"
    assert moved.read_bytes() == b"third delivery"
    assert (folder.done / "item.xml").read_bytes() == b"first delivery"
    assert not (folder.path / "item.xml").exists()


def test_a_name_without_a_suffix_gets_its_number_at_the_end(folder: DropFolder) -> None:
    (folder.done / "anp-0117").write_bytes(b"first")
    (folder.path / "anp-0117").write_bytes(b"second")
    assert folder.move_done(folder.path / "anp-0117") == folder.done / "anp-0117.1"


def test_a_failed_file_gets_its_reason_beside_it_under_a_free_name(folder: DropFolder) -> None:
    (folder.failed / "bad.txt").write_bytes(b"\x00\x01")
    (folder.failed / "bad.txt.reason").write_text("drop/bad.txt: binary file, not text\n")
    # A reason left without its file (a crash between the two) keeps its name taken too.
    (folder.failed / "bad.1.txt.reason").write_text("drop/bad.txt: binary file, not text\n")
    (folder.path / "bad.txt").write_bytes(b"")
    moved = folder.move_failed(folder.path / "bad.txt", "drop/bad.txt: empty file")
    assert moved == folder.failed / "bad.2.txt"
    assert (folder.failed / "bad.2.txt.reason").read_text() == "drop/bad.txt: empty file\n"
    assert (folder.failed / "bad.txt.reason").read_text().endswith("binary file, not text\n")


def test_a_file_gone_before_it_is_moved_is_an_os_error_and_leaves_no_reason(
    folder: DropFolder,
) -> None:
    with pytest.raises(FileNotFoundError):
        folder.move_failed(folder.path / "gone.txt", "drop/gone.txt: empty file")
    assert list(folder.failed.iterdir()) == []


def test_a_file_that_could_not_be_moved_is_left_alone_until_it_changes(
    folder: DropFolder,
) -> None:
    item = folder.path / "item.txt"
    item.write_bytes(b"copy")
    folder.look(now=0.0)
    assert names(folder.look(now=5.0)) == ["item.txt"]
    folder.give_up(item)
    assert folder.look(now=10.0) == []
    item.write_bytes(b"copy, delivered again")
    assert folder.look(now=11.0) == []
    assert names(folder.look(now=13.0)) == ["item.txt"]


def test_done_and_failed_removed_while_watching_are_made_again(folder: DropFolder) -> None:
    folder.done.rmdir()
    folder.failed.rmdir()
    (folder.path / "item.txt").write_bytes(b"copy")
    (folder.path / "bad.txt").write_bytes(b"")
    assert folder.move_done(folder.path / "item.txt") == folder.done / "item.txt"
    assert folder.move_failed(folder.path / "bad.txt", "empty") == folder.failed / "bad.txt"


def test_a_folder_gone_while_watching_is_named(folder: DropFolder) -> None:
    for inside in (folder.done, folder.failed):
        inside.rmdir()
    folder.path.rmdir()
    with pytest.raises(ConfigError, match="drop: cannot be read: No such file or directory"):
        folder.look(now=0.0)
