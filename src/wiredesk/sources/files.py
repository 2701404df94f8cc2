"""Captures from files, folders, JSON Lines files and standard input."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from wiredesk.errors import InputError
from wiredesk.model import MAX_CAPTURE_BYTES, TOO_LARGE, Capture, CapturedAtFrom
from wiredesk.sources.records import read_json_record

STDIN = "-"
# Characters a file name may hold that would break the line or the terminal it is
# named on: control characters (a newline, an escape) and Unicode's line separators.
UNPRINTABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def source_name(path: str) -> str:
    """A path as a capture's source names it: valid UTF-8 on one line.

    A name that is not UTF-8 (``b"caf\\xe9.txt"``, given to Python as a lone
    surrogate) keeps its undecodable bytes as ``\\xe9``, and a control character
    such as a newline is written as ``\\n``: a database can keep the name, JSON
    can hold it, and a message naming it stays one line.
    """
    name = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    return UNPRINTABLE_RE.sub(lambda found: found[0].encode("unicode_escape").decode(), name)


def read_capture(path: str, captured_at: datetime | None = None) -> Capture:
    """Read one file (or standard input for ``-``) as a capture.

    Without ``captured_at`` the capture time is the file's modification time,
    or now for standard input.
    """
    if path == STDIN:
        data = read_bounded(sys.stdin.buffer, "<stdin>")
        if captured_at is not None:
            return Capture(
                data=data, source="<stdin>", captured_at=captured_at, captured_at_from="given"
            )
        return Capture(
            data=data, source="<stdin>", captured_at=datetime.now(UTC), captured_at_from="now"
        )
    try:
        with open(path, "rb") as file:
            modified = os.fstat(file.fileno()).st_mtime
            data = read_bounded(file, source_name(path))
    except OSError as error:
        raise _unreadable(path, error) from None
    when, origin = _file_time(modified, captured_at)
    return Capture(data=data, source=source_name(path), captured_at=when, captured_at_from=origin)


# Input is read in pieces of this size, so that one that never ends (``/dev/zero``, an
# endless pipe) is refused once past the limit, holding no more than the limit.
CHUNK_BYTES = 1 << 20


def read_bounded(stream: BinaryIO, source: str) -> bytes:
    """All of ``stream``, or ``InputError`` once it holds more than ``MAX_CAPTURE_BYTES``
    (read in chunks: no more than the limit and a chunk is ever held)."""
    data = bytearray()
    while chunk := stream.read(min(CHUNK_BYTES, MAX_CAPTURE_BYTES + 1 - len(data))):
        data += chunk
        if len(data) > MAX_CAPTURE_BYTES:
            raise InputError(source, TOO_LARGE)
    return bytes(data)


def _unreadable(path: str, error: OSError) -> InputError:
    """Why a file could not be read, in a user's words."""
    path = source_name(path)
    if isinstance(error, FileNotFoundError):
        return InputError(path, "no such file")
    if isinstance(error, IsADirectoryError):
        return InputError(path, "is a directory, not a file")
    if isinstance(error, PermissionError):
        return InputError(path, "permission denied")
    return InputError(path, error.strerror or str(error))


def _file_time(modified: float, captured_at: datetime | None) -> tuple[datetime, CapturedAtFrom]:
    """A file's capture time, and where it came from: the one given, or its modification time."""
    if captured_at is not None:
        return captured_at, "given"
    return datetime.fromtimestamp(modified, UTC), "file modification time"


# File names taken from a folder: text and HTML pages, and JSON Lines of captures.
FOLDER_SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl")


def iter_captures(
    paths: Iterable[str], captured_at: datetime | None = None
) -> Iterator[Capture | InputError]:
    """Every capture under ``paths``: files, folders (recursively), ``-``, and ``.jsonl`` files.

    A problem with one input is yielded as an ``InputError`` and the rest go on.
    """
    for path in paths:
        if path != STDIN and Path(path).is_dir():
            files = sorted(
                p
                for p in Path(path).rglob("*")
                if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
            )
            for file in files:
                yield from _from_file(str(file), captured_at)
        else:
            yield from _from_file(path, captured_at)


def _from_file(path: str, captured_at: datetime | None) -> Iterator[Capture | InputError]:
    if path.lower().endswith(".jsonl"):
        yield from _from_json_lines(path, captured_at)
        return
    try:
        capture = read_capture(path, captured_at)
    except InputError as error:
        yield error
        return
    if Path(path).suffix.lower() in (".html", ".htm"):
        capture = replace(capture, content_type="html")
    yield capture


def _from_json_lines(path: str, captured_at: datetime | None) -> Iterator[Capture | InputError]:
    """Captures from JSON Lines, a record a line (``sources.records``).

    The file is read a line at a time, so one of any size takes little memory.
    A record without its own capture time takes the file's (``read_capture``).
    """
    try:
        file = open(path, "rb")  # noqa: SIM115 - closed below, after the last line is read
    except OSError as error:
        yield _unreadable(path, error)
        return
    with file:
        try:
            modified = os.fstat(file.fileno()).st_mtime
        except OSError as error:
            yield _unreadable(path, error)
            return
        file_time, file_origin = _file_time(modified, captured_at)
        name = source_name(path)
        try:
            for number, line in enumerate(_bounded_lines(file), start=1):
                if line is None:
                    yield InputError(f"{name}:{number}", TOO_LARGE)
                elif line.strip():
                    yield _record(f"{name}:{number}", line, file_time, file_origin)
        except OSError as error:  # a read that fails half-way: the lines before it stand
            yield _unreadable(path, error)


def _bounded_lines(file: BinaryIO) -> Iterator[bytes | None]:
    """The lines of ``file``, None for one longer than ``MAX_CAPTURE_BYTES`` (the rest of
    it is skipped a chunk at a time, so a file of one endless line takes little memory)."""
    while line := file.readline(MAX_CAPTURE_BYTES + 1):
        if len(line) <= MAX_CAPTURE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := file.readline(CHUNK_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


def _record(
    source: str, line: bytes, file_time: datetime, file_origin: CapturedAtFrom
) -> Capture | InputError:
    """One line of a JSON Lines file as a capture, or what is wrong with it."""
    try:
        return read_json_record(line, source, captured_at=file_time, captured_at_from=file_origin)
    except InputError as error:
        return error
