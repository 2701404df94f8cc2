"""Captures from files and standard input."""

from __future__ import annotations

import sys
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
