"""IPTC 7901 and ANPA 1312 telex: character sets told by the bytes, header fields, marks and trailers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wiredesk.model import Capture, Subject
from wiredesk.parse import parse_capture
from wiredesk.parse.wire.telex import decode_telex, read_telex

NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
ITEM = (
    "\x01anp0101 3 bu 120  ANP 0001\r\n\x02Brand in Parijs café =\r\n\r\n"
    "   PARIJS (ANP) - In een café in het centrum van Parijs is dinsdag brand\r\n"
    "uitgebroken. ,,Het ging heel snel'', zei een getuige.\r\n\x03031020 mrt 26\r\n\x04"
)


def page_of(data: bytes, encoding: str | None = None) -> object:
    capture = Capture(
        data=data, source="telex", captured_at=NOW, captured_at_from="given", encoding=encoding
    )
    return parse_capture(capture)


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "cp1252"])
def test_the_character_set_is_told_by_the_bytes(encoding: str) -> None:
    page = page_of(ITEM.encode(encoding))
    assert page.article.headline == "Brand in Parijs café"
    assert page.article.body[0].text.endswith("zei een getuige.")


def test_cp1252_punctuation_is_read_as_cp1252() -> None:
    data = "\x02Kop =\r\n\r\nTekst met ‘aanhalingstekens’ en een – streep.".encode("cp1252")
    assert "‘aanhalingstekens’ en een – streep" in decode_telex(data)


def test_bytes_undefined_in_cp1252_are_latin1() -> None:
    assert decode_telex(b"caf\xe9 \x81") == "café \x81"


def test_a_given_encoding_wins() -> None:
    data = ITEM.replace("café", "cafè").encode("cp850")
    assert page_of(data, encoding="cp850").article.headline == "Brand in Parijs cafè"


def test_the_7901_header_gives_service_priority_category_and_agency() -> None:
    item = read_telex(ITEM.encode())
    assert (item.wire.service, item.wire.urgency, item.wire.category) == ("anp", 3, "bu")
    assert item.wire.agencies == ("ANP",)
    assert item.wire.format == "iptc7901"


def test_the_date_time_after_etx_dates_the_item_in_the_page_zone() -> None:
    page = page_of(ITEM.encode())
    assert page.article.published_at == datetime(2026, 3, 3, 9, 20, tzinfo=UTC)


@pytest.mark.parametrize(("letter", "urgency"), [("f", 1), ("b", 2), ("u", 3), ("r", 5), ("d", 7)])
def test_anpa_priority_letters_become_urgency(letter: str, urgency: int) -> None:
    data = (
        f"\x16\x16\x01a0001\x1fx\r\n{letter} a\x13\x11 BC-Test   03-03 0100\r\n"
        "\x02^Headline of the test<\r\n\t   BOSTON (AP) _ Text of the story goes here.\r\n\x03"
    ).encode()
    item = read_telex(data)
    assert item.wire.urgency == urgency
    assert item.wire.format == "anpa1312"
    assert item.headline == "Headline of the test"


def test_teleprinter_fields_after_zczc() -> None:
    data = (
        b"ZCZC AAP\r\n%N\r\n#Bushfire_BC2\r\n$Bushfire threatens homes near Perth\r\n"
        b":(PERTH)\r\n&AAPIS\\jdoe\r\n*06006000\r\n@WA\r\n"
        b"A bushfire is threatening homes in the hills east of Perth.\r\n\r\n"
        b"   Residents have been told to leave.\r\n\r\nAAP JKL\r\nNNNN"
    )
    page = page_of(data)
    assert page.article.headline == "Bushfire threatens homes near Perth"
    assert page.article.dateline is not None
    assert (page.article.dateline.place, page.article.dateline.agencies) == ("PERTH", ("AAP",))
    assert [block.text for block in page.article.body] == [
        "A bushfire is threatening homes in the hills east of Perth.",
        "Residents have been told to leave.",
    ]
    assert page.wire.slugline == "Bushfire_BC2"
    assert page.wire.subjects == (Subject(code="subj:06006000"),)
    assert "AAP JKL" in page.dropped


def test_notes_after_the_story_are_never_story() -> None:
    data = (
        b"\x01bdt0001 4 vm 80  dpa 0001\n\x02Kopfzeile der Meldung =\n\n"
        b"Berlin (dpa) - Ein Satz der Meldung.\n\n# Hinweise\n\n## Kontakte\n- Tel: 030 0\n\x03"
    )
    page = page_of(data)
    assert [block.text for block in page.article.body] == ["Ein Satz der Meldung."]
    assert "# Hinweise" in page.dropped
