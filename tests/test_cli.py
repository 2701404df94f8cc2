"""The command line end to end, in a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, SAMPLES

SAMPLE = SAMPLES / "anp-buitenland.txt"
SCHEMA = json.loads((ROOT / "src" / "wiredesk" / "page.schema.json").read_text())


def wiredesk(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "wiredesk", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_parse_sample_as_json_matches_the_issue() -> None:
    result = wiredesk("parse", str(SAMPLE), "--captured-at", "2026-03-18T14:00:00+00:00")
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    jsonschema.validate(page, SCHEMA)
    assert page["captured_at"] == "2026-03-18T14:00:00+00:00"
    assert page["captured_at_from"] == "given"
    assert page["language"] == "nl"
    assert page["article"]["dateline"] == {
        "place": "BEIJING", "agencies": ["ANP", "AFP"], "date_text": None, "desk": None
    }  # fmt: skip
    items = page["rails"][0]["items"]
    assert [item["published_at"] for item in items] == [
        f"2026-03-18T{hour}:00:00+00:00" for hour in ("13", "12", "12", "11", "10", "10", "09")
    ]
    assert items[0]["dateline"]["agencies"] == ["ANP", "AFP", "RTR"]
    assert items[0]["age_text"] == "1 uur geleden"
    assert items[0]["age_seconds"] == 3600


def test_parse_text_summary() -> None:
    result = wiredesk(
        "parse", str(SAMPLE), "--captured-at", "2026-03-18T14:00:00Z", "--format", "text"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "China wil zich niet mengen" in out
    assert "BEIJING (ANP/AFP)" in out
    assert "5 paragraphs; sub-headings: Koersk" in out
    assert "Meer uit Buitenland [section Buitenland], 7 briefs" in out
    assert "2026-03-18 09:00  5 uur geleden" in out
    assert "captured 2026-03-18 14:00 UTC, given" in out


def test_capture_time_defaults_to_file_modification_time(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SAMPLE.read_bytes())
    os.utime(page, (1773842400, 1773842400))  # 2026-03-18T14:00:00Z
    result = wiredesk("parse", str(page), "--format", "text")
    assert "captured 2026-03-18 14:00 UTC, file modification time" in result.stdout
    data = json.loads(wiredesk("parse", str(page)).stdout)
    assert data["captured_at"] == "2026-03-18T14:00:00+00:00"
    assert data["captured_at_from"] == "file modification time"
    assert data["rails"][0]["items"][0]["published_at"] == "2026-03-18T13:00:00+00:00"


def test_standard_input_is_read_with_dash() -> None:
    result = wiredesk("parse", "-", "--format", "text", stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert "<stdin>" in result.stdout
    assert ", now]" in result.stdout


def test_several_files_give_json_lines(tmp_path: Path) -> None:
    other = tmp_path / "copy.txt"
    other.write_bytes(SAMPLE.read_bytes())
    result = wiredesk("parse", str(SAMPLE), str(other), "--captured-at", "2026-03-18T14:00:00Z")
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["source"] for line in lines] == [str(SAMPLE), str(other)]


def test_bad_inputs_get_one_line_each_and_the_rest_is_parsed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    cp1252 = tmp_path / "windows.txt"
    cp1252.write_bytes("Kop\nHet \u201cnieuws\u201d van vandaag is goed.".encode("cp1252"))
    nothing = tmp_path / "menu.txt"
    nothing.write_text("Home\nNieuws\nInloggen\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    folder = tmp_path / "folder"
    folder.mkdir()
    bad = [empty, binary, cp1252, nothing, missing, folder]
    result = wiredesk("parse", *map(str, bad[:3]), str(SAMPLE), *map(str, bad[3:]))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1  # the sample still parsed
    assert json.loads(result.stdout)["source"] == str(SAMPLE)
    errors = result.stderr.splitlines()
    assert len(errors) == len(bad), result.stderr
    for path, line in zip(bad, errors, strict=True):
        assert line.startswith(f"wiredesk: {path}: "), line
    assert "empty file" in errors[0]
    assert "binary" in errors[1]
    assert "not UTF-8" in errors[2] and "cp1252" in errors[2]
    assert "no recognisable article" in errors[3]
    assert "no such file" in errors[4]
    assert "directory" in errors[5]
    assert "Traceback" not in result.stderr


def test_encoding_option_reads_cp1252(tmp_path: Path) -> None:
    page = tmp_path / "windows.txt"
    text = "Kabinet valt\nDEN HAAG (ANP) - Het kabinet is \u201cgevallen\u201d, zei de premier."
    page.write_bytes(text.encode("cp1252"))
    result = wiredesk("parse", str(page), "--encoding", "cp1252", "--language", "nl")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["body"][0]["text"].endswith("zei de premier.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse", str(SAMPLE), "--captured-at", "gisteren"], "not an ISO-8601 time"),
        (["parse", str(SAMPLE), "--timezone", "Mars/Olympus"], "not a time zone"),
        (["parse", str(SAMPLE), "--language", "nederlands"], "must be a language tag"),
        (["parse", str(SAMPLE), "--format", "xml"], "Invalid value"),
        (["parse"], "Missing argument"),
    ],
)
def test_usage_errors_are_clear(args: list[str], message: str) -> None:
    result = wiredesk(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [[], ["parse"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = wiredesk(*command, "--help")
    assert result.returncode == 0
    assert "Usage:" in result.stdout
    assert len(result.stdout.splitlines()) > 5


@pytest.mark.parametrize("moment", ["0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00"])
def test_a_capture_time_outside_the_calendar_in_utc_is_a_usage_error(moment: str) -> None:
    result = wiredesk("parse", str(SAMPLE), "--captured-at", moment)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "outside the years 1 to 9999 in UTC" in result.stderr
