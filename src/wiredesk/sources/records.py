"""A capture given as a record: a line of a JSON Lines file, or the JSON of an upload.

    {"text" or "html": "...", "captured_at": "ISO 8601", "url": "...",
     "section": "...", "language": "...", "published_at": "ISO 8601"}

Only the page is required. A record's own ``captured_at`` wins over the time
its file or request gives it. Whatever is wrong with a record is an
``InputError`` naming it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime

from wiredesk.errors import InputError
from wiredesk.model import Capture, CapturedAtFrom, ContentType
from wiredesk.moments import read_time

# The optional text fields of a record, and the longest each may be.
TEXT_FIELDS = ("url", "section", "language")
MAX_FIELD_CHARS = 2000
# A language is a tag ("nl", "de-AT", "pt-BR"), as long as the archive keeps one.
LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}")
MAX_LANGUAGE_CHARS = 16
LANGUAGE_REASON = "language must be a language tag such as nl or de-AT"


def read_json_record(
    data: bytes, source: str, *, captured_at: datetime, captured_at_from: CapturedAtFrom
) -> Capture:
    """The capture a record's JSON text describes (a JSON Lines line, an upload's body):
    the one place such JSON is decoded, so that every reader refuses the same things."""
    try:
        record = json.loads(data)
    except RecursionError:  # about 1,000 levels: Python's recursion limit
        raise InputError(source, "not a JSON object: it is nested too deeply") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(source, f"not a JSON object: {error}") from None
    return read_record(record, source, captured_at=captured_at, captured_at_from=captured_at_from)


def read_record(
    record: object, source: str, *, captured_at: datetime, captured_at_from: CapturedAtFrom
) -> Capture:
    """The capture a decoded JSON record describes; ``captured_at`` is the time it
    takes when it gives none of its own."""
    if not isinstance(record, dict):
        raise InputError(source, "not a JSON object")
    content = record.get("text", record.get("html"))
    if not isinstance(content, str):
        raise InputError(source, 'needs a "text" or "html" string with the page')
    return with_fields(
        _utf8(content, source),
        record,
        source,
        content_type="html" if "html" in record and "text" not in record else "text",
        captured_at=captured_at,
        captured_at_from=captured_at_from,
    )


def with_fields(
    data: bytes,
    fields: Mapping[str, object],
    source: str,
    *,
    content_type: ContentType | None,
    captured_at: datetime,
    captured_at_from: CapturedAtFrom,
) -> Capture:
    """A page's bytes as a capture, with what a record's other ``fields`` say of it
    (an upload's form fields are read the same way)."""
    texts = {name: _text_field(fields, name, source) for name in TEXT_FIELDS}
    if fields.get("captured_at") not in (None, ""):
        captured_at = _time_field(fields, "captured_at", source)
        captured_at_from = "given"
    published_at = None
    if fields.get("published_at") not in (None, ""):
        published_at = _time_field(fields, "published_at", source)
    return Capture(
        data=data,
        source=source,
        captured_at=captured_at,
        captured_at_from=captured_at_from,
        content_type=content_type,
        url=texts["url"],
        section=texts["section"],
        language=texts["language"],
        published_at=published_at,
    )


def _text_field(fields: Mapping[str, object], name: str, source: str) -> str | None:
    value = fields.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > MAX_FIELD_CHARS:
        raise InputError(source, f"{name} must be a string of at most {MAX_FIELD_CHARS} characters")
    if "\x00" in value:
        raise InputError(source, f"{name} holds a NUL character")
    if name == "language" and not is_language_tag(value):
        raise InputError(source, LANGUAGE_REASON)
    return value


def is_language_tag(value: str) -> bool:
    """Whether a capture's given language is a tag the archive can keep ("nl", "de-AT")."""
    return len(value) <= MAX_LANGUAGE_CHARS and LANGUAGE_RE.fullmatch(value) is not None


def _time_field(fields: Mapping[str, object], name: str, source: str) -> datetime:
    try:
        return read_time(fields[name])
    except ValueError as error:
        raise InputError(source, f"{name}: {error}") from None


def _utf8(content: str, source: str) -> bytes:
    """The page as UTF-8; a lone surrogate (``"\\ud800"`` in JSON) is not text."""
    try:
        return content.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            source,
            f"the page holds a lone surrogate (U+{ord(content[error.start]):04X}) at "
            f"character {error.start}, which is not text",
        ) from None
