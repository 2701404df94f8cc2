"""HTML pages through the command line and the service layer, good ones and hostile ones.

Bad HTML never gets a traceback: a one-line message naming the file, the
other files still parsed, exit status 1.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import CORPUS_HTML, ROOT
from tests.test_cli_store import wiredesk
from wiredesk.desk import page_of
from wiredesk.errors import InputError, ParseError
from wiredesk.model import Capture
from wiredesk.parse.capture import sniff_html
from wiredesk.parse.html import MAX_HTML_CHARS

SCHEMA = json.loads((ROOT / "src" / "wiredesk" / "page.schema.json").read_text())
PAGE = CORPUS_HTML / "nl" / "anp-meer-uit-buitenland.html"
CAPTURED_AT = "2026-03-18T16:30:00+00:00"
STORY = (
    "<p>LONDEN (ANP) - De Britse regering trekt de komende vijf jaar 2,4 miljard pond extra uit "
    "voor de versterking van dijken en kustwerken in het oosten van Engeland.</p>"
)


def capture(data: bytes, source: str = "page.html") -> Capture:
    return Capture(
        data=data,
        source=source,
        captured_at=datetime(2026, 3, 18, 16, 30, tzinfo=UTC),
        captured_at_from="given",
    )


def test_parse_html_file_prints_the_page_json(tmp_path: Path) -> None:
    renamed = tmp_path / "saved-page.txt"  # told by its content, not its name
    renamed.write_bytes(PAGE.read_bytes())
    result = wiredesk("parse", str(renamed), "--captured-at", CAPTURED_AT)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    page = json.loads(result.stdout)
    jsonschema.validate(page, SCHEMA)
    assert page["captured_at_from"] == "given"
    assert (
        page["url"] == "https://www.nieuwsbladnoord.nl/buitenland/britse-regering-kustverdediging"
    )
    assert page["site_name"] == "Nieuwsblad Noord"
    assert page["article"]["dateline"]["agencies"] == ["ANP", "AFP", "RTR"]
    assert [item["age_text"] for item in page["rails"][0]["items"]] == [
        "25 minuten geleden", "1 uur geleden", "2 uur geleden"
    ]  # fmt: skip


def test_parse_html_text_summary() -> None:
    result = wiredesk("parse", str(PAGE), "--captured-at", CAPTURED_AT, "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "rail:      Meer uit Buitenland [section Buitenland], 3 briefs" in result.stdout
    assert "byline:    Door ANP" in result.stdout


HOSTILE = {
    "empty.html": (b"", "empty file"),
    "script-only.html": (
        b"<!DOCTYPE html><html><head><script>var x = '<p>no</p>';</script></head>"
        b"<body><script>document.write('hallo')</script><noscript>Zet JavaScript aan</noscript>"
        b"</body></html>",
        "no recognisable article: the HTML page shows no text",
    ),
    "front-page.html": (
        b"<html><body><nav><a href='/a'>Binnenland</a> <a href='/b'>Buitenland</a></nav>"
        b"<ul><li><a href='/c'>Kabinet valt</a></li></ul></body></html>",
        "characters of text but no story among them",
    ),
    "wrong-charset.html": (
        "<html><head><meta charset='utf-8'></head><body><p>Caf\u00e9 \u201cDe Zon\u201d</p>"
        "</body></html>".encode("cp1252"),
        "not UTF-8 (byte 0xe9 at offset",
    ),
    "binary.html": (b"<html>\x00\x01\x02\x03" * 50, "binary file"),
}


def test_hostile_html_files_get_one_line_each_and_the_rest_is_parsed(tmp_path: Path) -> None:
    paths = []
    for name, (data, _) in HOSTILE.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    result = wiredesk("parse", *paths, str(PAGE), "--captured-at", CAPTURED_AT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    messages = result.stderr.splitlines()
    assert len(messages) == len(HOSTILE)
    for message, (name, (_, reason)) in zip(messages, HOSTILE.items(), strict=True):
        assert message.startswith(f"wiredesk: {tmp_path / name}: "), message
        assert reason in message
    assert json.loads(result.stdout)["article"]["headline"].startswith("Britse regering")


def test_huge_page_is_refused_with_its_size() -> None:
    data = b"<html><body><article>" + b"<p>nieuws</p>" * (MAX_HTML_CHARS // 13 + 1) + b"</article>"
    with pytest.raises(InputError) as caught:
        page_of(capture(data, "huge.html"))
    assert str(caught.value) == "huge.html: too large: more than 20 MB, the most read of one input"


def test_deeply_nested_page_gives_a_reason_not_a_traceback() -> None:
    data = b"<html><body>" + b"<div>" * 5000 + b"<p>Diep</p>" + b"</div>" * 5000 + b"</body></html>"
    with pytest.raises(ParseError, match=r"^nested\.html: no recognisable article"):
        page_of(capture(data, "nested.html"))


@pytest.mark.parametrize("depth", [254, 200_000])
def test_text_nested_deeper_than_the_tree_is_read_as_text(depth: int) -> None:
    # libxml2 leaves out all that lies deeper than 255 elements: the page's markup is
    # read as text instead, and its story is found.
    data = (
        b"<html><body><script>var skipped = '<p>nee</p>';</script>"
        + b"<div>" * depth
        + b"<h1>Britse regering versterkt dijken</h1>"
        + STORY.encode()
        + b"</div>" * depth
        + b"</body></html>"
    )
    page = page_of(capture(data, "nested.html"))
    assert page.article.headline == "Britse regering versterkt dijken"
    assert page.article.dateline is not None and page.article.dateline.place == "LONDEN"
    assert "nee" not in "".join(block.text for block in page.article.body) + "".join(page.dropped)


def test_a_file_named_html_that_holds_plain_text_is_read_as_text() -> None:
    text = "Kabinet valt\nDEN HAAG (ANP) - Het kabinet is gevallen na ruzie over asiel.\n"
    page = page_of(replace(capture(text.encode(), "copied.html"), content_type="html"))
    assert page.article.headline == "Kabinet valt"
    assert page.article.dateline is not None and page.article.dateline.place == "DEN HAAG"


def test_utf16_html_is_told_and_read() -> None:
    html = f"<!DOCTYPE html><html><body><article><h1>Dijken</h1>{STORY * 3}</article></body></html>"
    data = html.encode("utf-16")
    assert sniff_html(data)
    assert page_of(capture(data)).article.headline == "Dijken"


def test_xml_declaration_with_encoding_is_read() -> None:
    html = f"<?xml version='1.0' encoding='utf-8'?><html><body><article><h1>Dijken</h1>{STORY * 3}"
    assert page_of(capture(html.encode())).article.headline == "Dijken"


def test_undecodable_html_is_an_input_error_naming_the_file() -> None:
    with pytest.raises(InputError, match=r"^x\.html: not UTF-8"):
        page_of(capture(b"<html><body><p>caf\xe9</p></body></html>", "x.html"))


def test_ingest_keeps_html_pages_with_their_briefs(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.htm").write_bytes(PAGE.read_bytes())
    (folder / "empty.html").write_bytes(b"<html><body><script>x()</script></body></html>")
    db = f"sqlite:///{tmp_path / 'news.db'}"
    result = wiredesk("ingest", str(folder), "--db", db, "--captured-at", CAPTURED_AT)
    assert result.returncode == 1  # the script-only page is an error, the other is kept
    assert "2 captures read: 1 new pages, 1 articles, 3 briefs" in result.stdout + result.stderr
    assert "empty.html: no recognisable article" in result.stderr
    found = wiredesk("search", "zandmotor", "--db", db, "--format", "json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout.splitlines()[0])["headline"].startswith("Britse regering")


def test_parsing_html_touches_no_network() -> None:
    # An audit hook, set once the libraries are imported (urllib3 opens a socket
    # at import to see whether IPv6 works), notes and refuses every socket the
    # parse would open: noted, because a library may swallow the refusal.
    # trafilatura and htmldate must read the page as given, never fetch anything.
    script = (
        "import sys\n"
        "from datetime import datetime, UTC\n"
        "from pathlib import Path\n"
        "from wiredesk import parse_html\n"
        "import htmldate, trafilatura  # parse_html loads them at first use\n"
        "used = []\n"
        "def refuse(event, args):\n"
        "    if event.startswith('socket.'):\n"
        "        used.append(event)\n"
        "        raise RuntimeError(f'network use: {event} {args}')\n"
        "sys.addaudithook(refuse)\n"
        "for path in sorted(Path(sys.argv[1]).glob('*/*.html')):\n"
        "    html = path.read_bytes().decode('utf-8', errors='replace')\n"
        "    page = parse_html(html, captured_at=datetime.now(UTC), url='https://example.com/a')\n"
        "    assert page.has_article, path\n"
        "assert not used, used\n"
        "print('parsed without network')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(CORPUS_HTML)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "parsed without network"


def test_ingest_reads_html_from_json_lines(tmp_path: Path) -> None:
    record = {
        "html": PAGE.read_text("utf-8"),
        "captured_at": CAPTURED_AT,
        "url": "https://www.nieuwsbladnoord.nl/b",
    }
    lines = tmp_path / "captures.jsonl"
    lines.write_text(json.dumps(record) + "\n", "utf-8")
    db = f"sqlite:///{tmp_path / 'news.db'}"
    result = wiredesk("ingest", str(lines), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "1 captures read: 1 new pages, 1 articles, 3 briefs" in result.stdout + result.stderr
    found = wiredesk("search", "Kenia", "--kind", "brief", "--db", db, "--format", "json")
    brief = json.loads(found.stdout.splitlines()[0])
    assert brief["place"] == "NAIROBI"
    assert brief["published_at"] == "2026-03-18T14:28:00+00:00"  # the <time datetime>
