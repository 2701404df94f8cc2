"""The IPTC's own NewsML-G2 examples (CC BY 4.0, copied unchanged into ``iptc/``), each read right.

Items with text become pages; items that hold none (a metadata-only item, a
package, a hop history) are read for what they say and refused as pages with
a message naming the element. Two listings are fragments of an item (a
``contentSet``, a ``contentMeta``): they are read inside a minimal ``newsItem``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wiredesk.errors import ParseError
from wiredesk.model import Capture, Subject
from wiredesk.parse import parse_capture
from wiredesk.parse.wire import read_wire_item, sniff_wire

IPTC = Path(__file__).resolve().parent / "iptc"
NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
G2 = "http://iptc.org/std/nar/2006-10-01/"


def capture(path: Path) -> Capture:
    return Capture(
        data=path.read_bytes(), source=path.name, captured_at=NOW, captured_at_from="given"
    )


def in_item(fragment: str) -> bytes:
    """A listing's fragment inside the least a newsItem needs."""
    return (
        f'<newsItem xmlns="{G2}" guid="urn:example:fragment" version="1">'
        '<itemMeta><itemClass qcode="ninat:text"/></itemMeta>'
        f"{fragment}</newsItem>"
    ).encode()


def test_a_news_item_with_nitf_inside() -> None:
    page = parse_capture(capture(IPTC / "LISTING_2_NewsML-G2_Text_Document.xml"))
    article, wire = page.article, page.wire
    assert wire is not None
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.byline == "By Meredith Jameson, Staff Reporter"
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agencies) == ("New York, NY", ("AP",))
    assert len(article.body) == 2
    assert article.body[0].text.startswith("(New York, NY - October 21) Et, sent luptat")
    assert article.published_at == datetime(2018, 11, 21, 21, 25, 32, tzinfo=UTC)
    assert page.language == "en"
    assert wire.format == "newsml-g2"
    assert wire.item_id == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED"
    assert wire.version == 11
    assert wire.pub_status == "usable"
    assert wire.slugline == "US-Finance-Fed"
    assert wire.copyright == "Copyright 2017-18 Acme News and Media LLC"
    assert wire.subjects == (
        Subject(code="medtop:04000000", name="economy, business and finance"),
        Subject(code="medtop:20000350", name="central bank"),
        Subject(code="medtop:20000379", name="money and monetary policy"),
    )


def test_a_sports_story_in_nitf_with_located_from_a_qcode() -> None:
    page = parse_capture(capture(IPTC / "LISTING_22_Sports_story_in_NewsML-G2NITF.xml"))
    article, wire = page.article, page.wire
    assert wire is not None
    assert article.headline == (
        "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    )
    assert article.dateline is not None and article.dateline.place == "Philadelphia"
    assert len(article.body) == 6
    assert article.body[-1].text.endswith("over his last six starts.")
    assert article.standfirst is None  # the abstract repeats the opening paragraph
    assert wire.slugline == "AAV!PREVIEW-ARI-PHI"
    assert Subject(code="medtop:20000849", name="Baseball") in wire.subjects


def test_a_news_item_without_text_is_read_but_is_no_page() -> None:
    path = IPTC / "LISTING_1_A_NewsML-G2_News_Item.xml"
    item = read_wire_item(path.read_bytes(), "newsml-g2", source=path.name)
    assert item.headline == 'Fed to halt QE to avert "bubble"'
    assert item.located == "Berlin"
    assert item.language == "en"
    assert item.wire.embargoed_at == datetime(2018, 10, 23, 12, 0, tzinfo=UTC)
    assert item.wire.signals == ("update",)
    assert item.wire.service == "UK News Service"
    assert item.wire.subjects[1] == Subject(code="medtop:20000523", name="labour market")
    assert item.wire.notes[0].startswith("Note to editors: STRICTLY EMBARGOED.")
    with pytest.raises(ParseError, match=r"^LISTING_1_A_NewsML-G2_News_Item\.xml: .*no body text"):
        parse_capture(capture(path))


@pytest.mark.parametrize(
    ("listing", "reason"),
    [
        ("LISTING_6_Simple_NewsML-G2_Package.xml", r"<packageItem> .* refers to 2 items"),
        ("LISTING_24_News_Message_conveying_a_complete_News_Package.xml", r"<newsMessage>"),
        ("LISTING_29_Hop_History.xml", r"<newsItem> .*HOP-HISTORY-EXAMPLE has no text"),
    ],
)
def test_items_without_text_get_a_reason_naming_the_element(listing: str, reason: str) -> None:
    with pytest.raises(ParseError, match=rf"^{re.escape(listing)}: .*{reason}"):
        parse_capture(capture(IPTC / listing))


def test_a_package_is_told_by_content() -> None:
    assert sniff_wire((IPTC / "LISTING_6_Simple_NewsML-G2_Package.xml").read_bytes()) == (
        "newsml-g2"
    )


def test_nitf_in_inline_xml_from_a_fragment() -> None:
    fragment = (IPTC / "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml").read_text()
    item = read_wire_item(in_item(fragment), "newsml-g2", source="fragment")
    assert (
        item.headline == "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    )
    assert item.byline == "Sports Network"
    assert [part.text[:30] for part in item.parts] == ["(Sports Network) - With the Ph"]


def test_located_and_dateline_from_a_fragment() -> None:
    fragment = (IPTC / "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml").read_text()
    content = '<contentSet><inlineData contenttype="text/plain">Text.</inlineData></contentSet>'
    item = read_wire_item(in_item(fragment + content), "newsml-g2", source="fragment")
    assert item.located == "Moscow"
    assert item.dateline == "MOSCOW, Monday (Reuters)"
    assert item.language == "en"
    assert item.byline is None
