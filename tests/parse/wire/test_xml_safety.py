"""Hostile and broken XML: refused with a one-line reason naming the file, nothing expanded,
no file or address read, and the rest of a batch unharmed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from wiredesk.errors import InputError, ParseError
from wiredesk.model import Capture
from wiredesk.parse import parse_capture
from wiredesk.parse.wire.safe_xml import MAX_DEPTH, MAX_XML_BYTES, load_xml

NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
BODY = (
    "<body><body.content><p>DEN HAAG (ANP) - Het kabinet komt vrijdag met een besluit over"
    " de begroting, zeggen ingewijden.</p></body.content></body>"
)


def nitf(prolog: str = "", body: str = BODY, head: str = "") -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<nitf>{head}{body}</nitf>'.encode()


def parse(data: bytes, source: str = "item.xml") -> object:
    return parse_capture(
        Capture(data=data, source=source, captured_at=NOW, captured_at_from="given")
    )


def test_billion_laughs_is_refused_before_anything_expands() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    data = nitf(f"<!DOCTYPE nitf [{entities}]>", body="<body><p>&lol9;</p></body>")
    with pytest.raises(InputError, match=r"^bomb\.xml: XML declares the entity 'lol'"):
        parse(data, "bomb.xml")


def test_an_external_entity_is_refused_and_no_file_is_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the password")
    data = nitf(f'<!DOCTYPE nitf [<!ENTITY x SYSTEM "file://{secret}">]>', body="<p>&x;</p>")
    with pytest.raises(InputError, match=r"declares the entity 'x'"):
        parse(data)


def test_an_external_parameter_entity_naming_a_dtd_is_never_loaded(tmp_path: Path) -> None:
    """NewsML 1.2 items pull in the NITF DTD this way; the item is read, the DTD not."""
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "LEAKED">')
    prolog = f'<!DOCTYPE nitf [<!ENTITY % ext SYSTEM "file://{dtd}"> %ext; ]>'
    body = BODY.replace("</body.content>", "<p>Bron: &leak;</p></body.content>", 1)
    assert body != BODY  # the entity the DTD would define stands in the text
    page = parse(nitf(prolog, body=body))
    assert "LEAKED" not in str(page)
    assert page.article.dateline is not None and page.article.dateline.place == "DEN HAAG"


def test_a_parameter_entity_with_its_own_value_is_refused() -> None:
    prolog = "<!DOCTYPE nitf [<!ENTITY % p \"<!ENTITY q 'x'>\"> %p; ]>"
    with pytest.raises(InputError, match=r"declares the entity 'p'"):
        parse(nitf(prolog))


def test_a_dtd_named_by_address_is_not_fetched() -> None:
    prolog = '<!DOCTYPE nitf SYSTEM "http://127.0.0.1:9/nitf-3-6.dtd">'
    page = parse(nitf(prolog))  # no network: the port would refuse and no time is lost
    assert page.article.body


def test_deep_nesting_is_refused_naming_the_element() -> None:
    deep = "<div>" * (MAX_DEPTH + 5) + "x" + "</div>" * (MAX_DEPTH + 5)
    with pytest.raises(InputError, match=rf"nested deeper than {MAX_DEPTH} elements at <div>"):
        parse(nitf(body=f"<body><body.content>{deep}</body.content></body>"))


def test_very_deep_nesting_stops_in_the_xml_parser() -> None:
    deep = "<div>" * 5000 + "</div>" * 5000
    with pytest.raises(InputError, match=r"^item\.xml: broken XML: .*(?i:depth)"):
        parse(nitf(body=deep))


def test_a_huge_document_is_refused_by_its_size() -> None:
    data = nitf(body="<body><body.content><p>" + "x" * MAX_XML_BYTES + "</p></body.content></body>")
    with pytest.raises(InputError, match=r"too large: more than 20 MB, the most read of one input"):
        parse(data)


def test_broken_xml_names_the_file_and_the_element() -> None:
    data = nitf(body="<body><body.content><p>Open paragraph</body.content></body>")
    with pytest.raises(InputError) as raised:
        parse(data, "broken.xml")
    message = str(raised.value)
    assert message.startswith("broken.xml: broken XML:")
    assert "p line" in message and "body.content" in message
    assert "\n" not in message


def test_an_item_without_text_names_the_element() -> None:
    with pytest.raises(ParseError, match=r"^empty\.xml: NITF item has no text in <body\.content>"):
        parse(nitf(body="<body><body.content/></body>"), "empty.xml")


def test_a_bad_item_leaves_the_next_one_unharmed() -> None:
    with pytest.raises(InputError):
        parse(nitf('<!DOCTYPE nitf [<!ENTITY a "b">]>'))
    assert parse(nitf()).article.body


def test_utf16_with_an_entity_declaration_is_refused_too() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE nitf [<!ENTITY a "b">]><nitf/>'
    with pytest.raises(InputError, match=r"declares the entity 'a'"):
        load_xml(text.encode("utf-16"), "utf16.xml")


def test_a_single_byte_declaration_over_utf8_bytes_reads_as_utf8() -> None:
    data = nitf(head="<head><title>Café</title></head>").replace(b"UTF-8", b"iso-8859-1")
    assert load_xml(data, "x.xml").findtext("head/title") == "Café"
    latin1 = (
        '<?xml version="1.0" encoding="iso-8859-1"?><nitf><head><title>Café</title></head></nitf>'
    )
    assert load_xml(latin1.encode("latin-1"), "y.xml").findtext("head/title") == "Café"
