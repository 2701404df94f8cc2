"""Bytes to text, and clear refusals for what is not UTF-8 text."""

from __future__ import annotations

import pytest

from wiredesk.errors import InputError
from wiredesk.parse.decode import decode_text


def test_utf8_with_bom() -> None:
    assert decode_text("\ufeffOekraïne".encode(), "a.txt") == "Oekraïne"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary file"),
        ("Het \u201cnieuws\u201d van vandaag".encode("cp1252"), "looks like cp1252"),
        ("Oekraïne en België".encode("latin-1"), "looks like latin-1"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_text(data, "page.txt")
    assert str(caught.value).startswith("page.txt: ")
    assert reason in str(caught.value)


def test_given_encoding_is_used() -> None:
    data = "Het \u201cnieuws\u201d".encode("cp1252")
    assert decode_text(data, "a.txt", "cp1252") == "Het \u201cnieuws\u201d"


def test_utf16_with_byte_order_mark_is_read() -> None:
    data = "Kabinet valt\nDEN HAAG (ANP) - Het kabinet is gevallen.".encode("utf-16")
    assert decode_text(data, "notepad.txt").startswith("Kabinet valt\nDEN HAAG")


def test_given_encoding_skips_the_binary_check() -> None:
    data = "Oekraïne".encode("utf-16-le")
    assert decode_text(data, "a.txt", "utf-16-le") == "Oekraïne"
