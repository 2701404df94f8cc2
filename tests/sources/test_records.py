"""A capture given as a record: JSON Lines files and uploads read the same fields."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wiredesk.errors import InputError
from wiredesk.model import Capture
from wiredesk.sources.files import iter_captures
from wiredesk.sources.records import read_record, with_fields

NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
FULL = {
    "html": "<html><body><h1>Dijken</h1><p>DEN HAAG (ANP) - Nieuws.</p></body></html>",
    "captured_at": "2026-03-18T15:30:00+01:00",
    "published_at": "2026-03-18T09:15:00",
    "url": "https://example.nl/dijken",
    "section": "Binnenland",
    "language": "nl",
}


def read(record: object) -> Capture:
    return read_record(record, "r:1", captured_at=NOW, captured_at_from="now")


def test_every_field_of_a_record_reaches_the_capture() -> None:
    capture = read(FULL)
    assert capture.data == FULL["html"].encode()
    assert capture.content_type == "html"
    assert capture.captured_at == datetime(2026, 3, 18, 14, 30, tzinfo=UTC)  # in UTC
    assert capture.captured_at_from == "given"
    assert capture.published_at == datetime(2026, 3, 18, 9, 15, tzinfo=UTC)  # no offset: UTC
    assert (capture.url, capture.section, capture.language) == (
        "https://example.nl/dijken",
        "Binnenland",
        "nl",
    )


def test_a_record_without_a_time_takes_the_one_given() -> None:
    capture = read({"text": "Kop\n\nDEN HAAG (ANP) - Tekst."})
    assert (capture.captured_at, capture.captured_at_from) == (NOW, "now")
    assert capture.content_type == "text"
    assert capture.published_at is None and capture.url is None


def test_a_json_lines_file_and_an_upload_read_the_same_capture(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(FULL) + "\n", encoding="utf-8")
    [from_file] = iter_captures([str(path)])
    assert isinstance(from_file, Capture)
    fields = {key: value for key, value in FULL.items() if key != "html"}
    uploaded = with_fields(
        FULL["html"].encode(),
        fields,
        f"{path}:1",
        content_type="html",
        captured_at=NOW,
        captured_at_from="now",
    )
    assert uploaded == from_file


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ([1, 2], "not a JSON object"),
        ({"page": "x"}, 'needs a "text" or "html" string'),
        ({"text": "x", "captured_at": "yesterday"}, "captured_at: not an ISO 8601 time"),
        (
            {"text": "x", "captured_at": "0001-01-01T00:30:00+01:00"},
            "captured_at: 0001-01-01T00:30:00+01:00 is outside the years 1 to 9999",
        ),
        (
            {"text": "x", "published_at": "9999-12-31T23:30:00-01:00"},
            "published_at: 9999-12-31T23:30:00-01:00 is outside the years 1 to 9999",
        ),
        ({"text": "x", "url": 7}, "url must be a string"),
        ({"text": "x", "section": "s" * 2001}, "section must be a string of at most 2000"),
        ({"text": "caf\ud800"}, "lone surrogate (U+D800) at character 3"),
        ({"text": "x", "language": "nederlands-vlaams-belgie"}, "language must be a language tag"),
        ({"text": "x", "language": "n l"}, "language must be a language tag"),
        ({"text": "x", "url": "https://example.org/\x00"}, "url holds a NUL character"),
    ],
)
def test_a_bad_record_is_named_with_its_reason(record: object, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        read(record)
    assert str(caught.value).startswith("r:1: ")
    assert reason in caught.value.reason
