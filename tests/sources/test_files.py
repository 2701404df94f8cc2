"""Reading captures from files: JSON Lines a line at a time."""

from __future__ import annotations

import io
import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from wiredesk.errors import InputError
from wiredesk.model import MAX_CAPTURE_BYTES, Capture
from wiredesk.sources.files import CHUNK_BYTES, iter_captures, read_bounded

CAPTURED_AT = "2026-03-18T14:00:00+00:00"
PATIENCE_SECONDS = 20.0


def record(text: str) -> bytes:
    return (json.dumps({"text": text, "captured_at": CAPTURED_AT}) + "\n").encode()


def test_a_json_lines_file_gives_each_record_before_the_file_ends(tmp_path: Path) -> None:
    """The records of a pipe come one by one: a reader that took the whole file first would
    wait for an end that comes only after it has given the first record."""
    pipe = tmp_path / "captures.jsonl"
    os.mkfifo(pipe)
    first_taken = threading.Event()
    taken_before_the_end: list[bool] = []

    def write() -> None:
        with open(pipe, "wb") as writer:
            writer.write(record("first page"))
            writer.flush()
            taken_before_the_end.append(first_taken.wait(PATIENCE_SECONDS))
            writer.write(record("second page"))

    writer = threading.Thread(target=write)
    writer.start()
    incoming = iter_captures([str(pipe)])
    first = next(incoming)
    first_taken.set()
    rest = list(incoming)
    writer.join()
    assert isinstance(first, Capture)
    assert first.data == b"first page"
    assert first.source == f"{pipe}:1"
    assert first.captured_at == datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
    assert [item.data for item in rest if isinstance(item, Capture)] == [b"second page"]
    assert taken_before_the_end == [True]


def test_a_json_lines_record_without_a_time_takes_the_files(tmp_path: Path) -> None:
    records = tmp_path / "captures.jsonl"
    records.write_bytes(
        record("timed") + b"\n" + json.dumps({"text": "untimed"}).encode() + b"\n[1, 2]\n"
    )
    os.utime(records, (1_700_000_000, 1_700_000_000))
    timed, untimed, wrong = iter_captures([str(records)])
    assert isinstance(timed, Capture) and isinstance(untimed, Capture)
    assert timed.captured_at_from == "given"
    assert untimed.captured_at == datetime.fromtimestamp(1_700_000_000, UTC)
    assert untimed.captured_at_from == "file modification time"
    assert untimed.source == f"{records}:3"  # the blank line counts
    assert isinstance(wrong, InputError)
    assert str(wrong).startswith(f"{records}:4: ")


def test_a_missing_json_lines_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "gone.jsonl"
    [error] = iter_captures([str(missing)])
    assert isinstance(error, InputError)
    assert str(error) == f"{missing}: no such file"


class Endless(io.RawIOBase):
    """A stream that never ends (as ``/dev/zero``), counting the bytes taken from it."""

    def __init__(self, byte: bytes = b"a") -> None:
        self.byte = byte
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        buffer[:] = self.byte * len(buffer)
        self.taken += len(buffer)
        return len(buffer)


def test_an_endless_input_is_refused_past_the_limit_having_read_no_more() -> None:
    endless = Endless()
    with pytest.raises(InputError, match=r"^<stdin>: too large: more than 20 MB"):
        read_bounded(io.BufferedReader(endless), "<stdin>")
    assert MAX_CAPTURE_BYTES < endless.taken <= MAX_CAPTURE_BYTES + 2 * CHUNK_BYTES
    assert read_bounded(io.BytesIO(b"x" * MAX_CAPTURE_BYTES), "all") == b"x" * MAX_CAPTURE_BYTES


def test_too_large_inputs_are_named_and_the_rest_go_on(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_CAPTURE_BYTES + 1))
    lines = tmp_path / "lines.jsonl"
    with open(lines, "wb") as file:
        file.write(record("first page"))
        file.write(b'{"text": "' + b"a" * (MAX_CAPTURE_BYTES + CHUNK_BYTES) + b'"}\n')
        file.write(record("third page"))
    found = list(iter_captures([str(big), str(lines), "/dev/zero"]))
    assert [str(item) if isinstance(item, InputError) else item.data for item in found] == [
        f"{big}: too large: more than 20 MB, the most read of one input",
        b"first page",
        f"{lines}:2: too large: more than 20 MB, the most read of one input",
        b"third page",
        "/dev/zero: too large: more than 20 MB, the most read of one input",
    ]
