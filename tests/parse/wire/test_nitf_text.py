"""NITF fields keep the spaces their inline markup stands between."""

from __future__ import annotations

from datetime import UTC, datetime

from wiredesk.model import Capture
from wiredesk.parse import parse_capture

NITF = b"""<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Storm</title></head><body><body.head>
<hedline><hl1>Storm<em> hits</em> the <b>north</b> coast</hl1></hedline>
<byline>By <person>Jane Doe</person></byline>
</body.head><body.content>
<p>HAMBURG (dpa) - A storm with gusts of up to 140 kilometres an hour hit the north coast on
Tuesday, closing ports and halting ferries.</p>
<p>The weather service expects the wind to ease by Wednesday.</p>
</body.content></body></nitf>"""


def test_inline_markup_in_a_headline_and_byline_keeps_its_spaces() -> None:
    page = parse_capture(
        Capture(
            data=NITF,
            source="storm.xml",
            captured_at=datetime(2026, 3, 18, 14, tzinfo=UTC),
            captured_at_from="given",
        )
    )

    assert page.article.headline == "Storm hits the north coast"
    assert page.article.byline == "By Jane Doe"
