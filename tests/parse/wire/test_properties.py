"""Properties of the wire readers on any bytes: only ``InputError`` or ``ParseError``, never a
traceback, and every page they give fits the page schema."""

from __future__ import annotations

from datetime import UTC, datetime

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_corpus import SCHEMA
from wiredesk.errors import InputError, ParseError
from wiredesk.json_records import page_to_json
from wiredesk.model import Capture
from wiredesk.parse import parse_capture

NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
# Openings that make a capture wire copy of each format.
OPENINGS = [
    b"\x01anp0001 3 bi 10  ANP 0001\r\n\x02",
    b"\x16\x16\x01a0001\x1fx\r\nr a\x13\x11 BC-Test   03-03 0100\r\n\x02",
    b"ZCZC\r\n",
    b"<nitf><body><body.content>",
    b'<?xml version="1.0"?><NewsML><NewsItem><NewsComponent><ContentItem><DataContent>',
    b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet><inlineXML>',
    b'{"headline": "Kop", "body_html": "',
]
# Pieces of wire copy, so that generated items reach headers, datelines and trailers.
PIECES = [
    b"Kabinet valt =\r\n",
    b"   DEN HAAG (ANP) - Het kabinet is gevallen.\r\n",
    b"<p>BOSTON (AP) _ The city</p>",
    b"<h2>Sub</h2>",
    b"<p>./.</p>",
    b"\x03031020 mrt 26\x04",
    b"^By JANE DOE=\r\n",
    b"(END)\r\nNNNN",
    b"</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>",
    b"</inlineXML></contentSet></newsItem>",
    b"</body.content></body></nitf>",
    b'"}',
    b"\xe9\xe8\x92\x80",
    b"<!ENTITY x 'y'>",
    b"# Hinweise\r\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    opening=st.sampled_from(OPENINGS),
    rest=st.lists(st.sampled_from(PIECES) | st.binary(max_size=40), max_size=12),
)
def test_wire_copy_never_raises_but_input_or_parse_errors(
    opening: bytes, rest: list[bytes]
) -> None:
    data = opening + b"".join(rest)  # binary noise may make it no wire copy: the same holds
    capture = Capture(data=data, source="any", captured_at=NOW, captured_at_from="given")
    try:
        page = parse_capture(capture)
    except (InputError, ParseError) as error:
        assert "\n" not in str(error)
        return
    jsonschema.validate(page_to_json(page), SCHEMA)


def test_a_time_outside_the_calendar_in_utc_is_left_out() -> None:
    data = (
        b'{"headline": "Kop", "body_text": "Tekst van het bericht.",'
        b' "versioncreated": "0001-01-01T00:30:00+05:00", "embargoed": "9999-12-31T23:59:00-05:00"}'
    )
    page = parse_capture(Capture(data=data, source="t", captured_at=NOW, captured_at_from="given"))
    assert page.article.published_at is None
    assert page.wire is not None and page.wire.embargoed_at is None
