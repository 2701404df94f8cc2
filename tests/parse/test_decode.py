"""Bytes to text, and clear refusals for what is not UTF-8 text."""

from __future__ import annotations

import pytest

from wiredesk.errors import InputError
from wiredesk.parse.decode import decode_html, decode_text


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


HTML = "<html><head>{meta}</head><body><p>Oekraïne en “België”</p></body></html>"


def test_html_is_read_in_its_declared_charset() -> None:
    data = HTML.format(meta='<meta charset="windows-1252">').encode("cp1252")
    assert "Oekraïne en “België”" in decode_html(data, "page.html")


def test_html_http_equiv_charset_is_read() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    data = HTML.format(meta=meta).replace("“", "").replace("”", "").encode("latin-1")
    assert "Oekraïne en België" in decode_html(data, "page.html")


def test_byte_order_mark_wins_over_the_declared_charset() -> None:
    data = b"\xef\xbb\xbf" + HTML.format(meta='<meta charset="iso-8859-1">').encode()
    assert "Oekraïne en “België”" in decode_html(data, "page.html")


def test_utf16_html_with_byte_order_mark_is_read() -> None:
    data = HTML.format(meta='<meta charset="utf-8">').encode("utf-16")
    assert "Oekraïne en “België”" in decode_html(data, "page.html")


def test_utf8_page_declared_as_latin1_is_read_as_utf8() -> None:
    data = HTML.format(meta='<meta charset="iso-8859-1">').encode()
    assert "Oekraïne en “België”" in decode_html(data, "page.html")


def test_page_declared_utf8_that_is_not_is_refused_with_a_guess() -> None:
    data = HTML.format(meta='<meta charset="utf-8">').encode("cp1252")
    with pytest.raises(InputError) as caught:
        decode_html(data, "page.html")
    assert str(caught.value).startswith("page.html: not UTF-8")
    assert "looks like cp1252" in str(caught.value)


def test_unknown_declared_charset_falls_back_on_utf8() -> None:
    data = HTML.format(meta='<meta charset="x-klingon">').encode()
    assert "Oekraïne" in decode_html(data, "page.html")


def test_page_that_breaks_its_declared_multibyte_charset_is_refused() -> None:
    data = HTML.format(meta='<meta charset="shift_jis">').encode() + b"\x81\xff"
    with pytest.raises(InputError) as caught:
        decode_html(data, "page.html")
    assert "declares charset shift_jis but is not" in str(caught.value)


def test_latin1_label_is_read_as_cp1252_as_browsers_do() -> None:
    data = HTML.format(meta='<meta charset="ISO-8859-1">').encode("cp1252")
    assert "Oekraïne en “België”" in decode_html(data, "page.html")


def test_utf16_declared_in_ascii_bytes_is_read_as_utf8() -> None:
    data = HTML.format(meta='<meta charset="utf-16">').encode()
    assert "Oekraïne en “België”" in decode_html(data, "page.html")


COPY = "Kabinet valt\nDEN HAAG (ANP) - Het kabinet is gevallen na ruzie over asiel en migratie.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_gets_the_encoding_to_pass(encoding: str) -> None:
    data = COPY.encode(encoding)
    with pytest.raises(InputError) as caught:
        decode_text(data, "windows.txt")
    assert str(caught.value) == (
        "windows.txt: not UTF-8 but UTF-16 without a byte-order mark, it seems: "
        f"pass --encoding {encoding}"
    )
    assert decode_text(data, "windows.txt", encoding) == COPY


def test_random_bytes_are_binary_with_no_hint() -> None:
    noise = bytes((index * 7919 + 13) % 251 for index in range(8192)) + b"\x00" * 8
    with pytest.raises(InputError, match=r"^noise\.bin: binary file, not text$"):
        decode_text(noise, "noise.bin")


@pytest.mark.parametrize(
    ("encoded", "code"), [(b"\xed\xa0\xbd", "D83D"), (b"\xed\xb8\x80", "DE00")]
)
def test_a_surrogate_encoded_on_its_own_is_named_not_taken_for_cp1252(
    encoded: bytes, code: str
) -> None:
    data = b'{"text": "Kabinet valt ' + encoded + b' vandaag"}\n'
    with pytest.raises(InputError) as caught:
        decode_text(data, "records.jsonl")
    message = str(caught.value)
    assert message.startswith(f"records.jsonl: not UTF-8: a UTF-16 surrogate (U+{code}) ")
    assert "cp1252" not in message
