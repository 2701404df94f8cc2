"""Captures from files, folders, JSON Lines files and standard input."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wiredesk.errors import InputError
from wiredesk.model import Capture

STDIN = "-"


def read_capture(path: str, captured_at: datetime | None = None) -> Capture:
    """Read one file (or standard input for ``-``) as a capture.

    Without ``captured_at`` the capture time is the file's modification time,
    or now for standard input.
    """
    if path == STDIN:
        data = sys.stdin.buffer.read()
        if captured_at is not None:
            return Capture(
                data=data, source="<stdin>", captured_at=captured_at, captured_at_from="given"
            )
        return Capture(
            data=data, source="<stdin>", captured_at=datetime.now(UTC), captured_at_from="now"
        )
    file = Path(path)
    try:
        data = file.read_bytes()
        modified = file.stat().st_mtime
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None
    if captured_at is not None:
        return Capture(data=data, source=path, captured_at=captured_at, captured_at_from="given")
    return Capture(
        data=data,
        source=path,
        captured_at=datetime.fromtimestamp(modified, UTC),
        captured_at_from="file modification time",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Incoming:
    """A capture on its way in, with what its source said about it."""

    capture: Capture
    is_html: bool | None  # None: tell from the content
    url: str | None
    section: str | None = None  # the one its source files it under (a feed's section)


# File names taken from a folder: text and HTML pages, and JSON Lines of captures.
FOLDER_SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl")


def iter_incoming(
    paths: Iterable[str], captured_at: datetime | None = None
) -> Iterator[Incoming | InputError]:
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


def _from_file(path: str, captured_at: datetime | None) -> Iterator[Incoming | InputError]:
    try:
        capture = read_capture(path, captured_at)
    except InputError as error:
        yield error
        return
    if path.lower().endswith(".jsonl"):
        yield from _from_json_lines(capture)
        return
    suffix = Path(path).suffix.lower()
    yield Incoming(capture=capture, is_html=True if suffix in (".html", ".htm") else None, url=None)


def _from_json_lines(file: Capture) -> Iterator[Incoming | InputError]:
    """Captures from JSON Lines: ``{"text" or "html": ..., "captured_at": ..., "url": ...}``."""
    for number, line in enumerate(file.data.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{file.source}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            yield InputError(source, f"not a JSON object: {error}")
            continue
        if not isinstance(record, dict):
            yield InputError(source, "not a JSON object")
            continue
        content = record.get("text", record.get("html"))
        if not isinstance(content, str):
            yield InputError(source, 'needs a "text" or "html" string')
            continue
        when = file.captured_at
        origin = file.captured_at_from
        if record.get("captured_at") is not None:  # a record's own time wins
            try:
                when = datetime.fromisoformat(str(record["captured_at"]))
            except ValueError:
                yield InputError(source, f"captured_at is not ISO-8601: {record['captured_at']!r}")
                continue
            when = when if when.tzinfo else when.replace(tzinfo=UTC)
            origin = "given"
        url = record.get("url")
        yield Incoming(
            capture=Capture(
                data=content.encode("utf-8", errors="surrogatepass"),
                source=source,
                captured_at=when,
                captured_at_from=origin,
            ),
            is_html="html" in record and "text" not in record,
            url=url if isinstance(url, str) else None,
        )
