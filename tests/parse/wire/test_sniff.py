"""Wire formats told by content, never by a file's name; other copy left to the HTML and text readers."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from wiredesk.model import Capture
from wiredesk.parse import parse_capture
from wiredesk.parse.wire import sniff_wire

NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
NITF = (
    b'<?xml version="1.0"?>\n<!-- from the agency -->\n<nitf><body><body.head><hedline>'
    b"<hl1>Kabinet valt</hl1></hedline></body.head><body.content><p>DEN HAAG (ANP) - Het"
    b" kabinet is gevallen, heeft de premier vrijdag gezegd.</p></body.content></body></nitf>"
)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (NITF, "nitf"),
        (b"\xef\xbb\xbf<nitf><body/></nitf>", "nitf"),
        (
            b'<?xml version="1.0"?><!DOCTYPE NewsML [<!ENTITY % n SYSTEM "n.dtd">]><NewsML/>',
            "newsml",
        ),
        (b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "newsml-g2"),
        (b"<g2:newsItem xmlns:g2='http://iptc.org/std/nar/2006-10-01/'/>", "newsml-g2"),
        (b'<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "newsml-g2"),
        (b'{"uri": "x", "headlines": [{"value": "Kop"}], "bodies": []}', "json"),
        (b'  {"data": {"title": "Kop", "bodyText": "<p>Tekst</p>"}}', "json"),
        (b"\x01anp0012 3 bi 200  ANP 0001\r\n\x02Kop =\r\n", "telex"),
        (b"\x16\x16\x01a0105\x1fx\r\n", "telex"),
        (b"ZCZC AAP\r\n$Headline\r\nBody\r\nNNNN", "telex"),
        (
            b"bdt0123 4 pl 254  dpa 0678\n\nKeywords/\nKop over iets =\n\nBerlin (dpa) - Tekst.",
            "telex",
        ),
    ],
)
def test_wire_formats_are_told_by_content(data: bytes, kind: str) -> None:
    assert sniff_wire(data) == kind


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body><p>Een pagina</p></body></html>",
        b"<html><head><title>x</title></head></html>",
        b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
        b"Kabinet valt\n\nDEN HAAG (ANP) - Het kabinet is gevallen.",
        b'{"name": "not a news item", "items": [1, 2, 3]}',
        b"bdt0123 4 pl 254  dpa 0678 is a line that looks like a header but nothing follows",
        "Café (ANP) – tekst in UTF-16".encode("utf-16"),
    ],
)
def test_other_copy_is_not_wire(data: bytes) -> None:
    assert sniff_wire(data) is None


@pytest.mark.parametrize("name", ["item.xml", "item.html", "item.txt", "item"])
def test_a_file_name_never_decides(name: str) -> None:
    for said in (None, "html", "text"):
        capture = Capture(
            data=NITF, source=name, captured_at=NOW, captured_at_from="given", content_type=said
        )
        page = parse_capture(capture)
        assert page.wire is not None and page.wire.format == "nitf"
        assert page.article.headline == "Kabinet valt"


def test_a_json_object_without_an_item_stays_text() -> None:
    data = json.dumps({"headline_count": 3, "pages": ["a"]}).encode()
    assert sniff_wire(data) is None


def test_wire_copy_and_page_copy_give_the_same_article() -> None:
    text = "Kabinet valt\n\nDEN HAAG (ANP) - Het kabinet is gevallen, heeft de premier vrijdag gezegd.\n"
    page = parse_capture(
        Capture(data=text.encode(), source="t.txt", captured_at=NOW, captured_at_from="given")
    )
    wire = parse_capture(
        Capture(data=NITF, source="w.xml", captured_at=NOW, captured_at_from="given")
    )
    assert page.wire is None
    assert (wire.article.headline, wire.article.dateline, wire.article.body) == (
        page.article.headline,
        page.article.dateline,
        page.article.body,
    )


def test_a_binary_file_is_not_telex_for_its_control_bytes() -> None:
    picture = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert sniff_wire(picture) is None
    assert sniff_wire(bytes(range(1, 32)) * 12) is None
