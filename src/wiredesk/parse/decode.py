"""Bytes to text: UTF-8, or what an HTML page declares, or a clear refusal saying why."""

from __future__ import annotations

import codecs
import re

from wiredesk.errors import InputError

# Share of control bytes above which a file is taken for binary.
MAX_CONTROL_SHARE = 0.05
SAMPLE_BYTES = 8192
# Bytes 0x80-0x9f are printable punctuation in cp1252 (curly quotes, dashes)
# and control codes in latin-1: their presence tells the two apart.
CP1252_ONLY = bytes(range(0x80, 0xA0))
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control bytes that text does not hold (tab, line ends, form feed and escape it may).
CONTROL_BYTES = bytes(byte for byte in range(0x20) if byte not in b"\t\n\r\f\v\x1b")


def decode_text(data: bytes, source: str, encoding: str | None = None) -> str:
    """The text of a capture, decoded as UTF-8 (or ``encoding``)."""
    if not data.strip():
        raise InputError(source, "empty file")
    if encoding is None and data.startswith(UTF16_BOMS):
        encoding = "utf-16"  # Windows "Unicode" text, which a byte-order mark announces
    if encoding is None and _looks_binary(data[:SAMPLE_BYTES]):
        utf16 = _utf16_without_mark(data[:SAMPLE_BYTES])
        if utf16 is not None:
            raise InputError(
                source,
                f"not UTF-8 but UTF-16 without a byte-order mark, it seems: "
                f"pass --encoding {utf16}",
            )
        raise InputError(source, "binary file, not text")
    if encoding is not None:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as error:
            raise InputError(source, f"cannot decode as {encoding}: {error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        surrogate = SURROGATE_RE.match(data, error.start)
        if surrogate is not None:
            code = surrogate[0].decode("utf-8", errors="surrogatepass")
            raise InputError(
                source,
                f"not UTF-8: a UTF-16 surrogate (U+{ord(code):04X}) encoded on its own at offset "
                f"{error.start}, as CESU-8 and WTF-8 write them; convert it to UTF-8",
            ) from None
        guess = guess_single_byte(data)
        raise InputError(
            source,
            f"not UTF-8 (byte {data[error.start]:#04x} at offset {error.start}); "
            f"it looks like {guess}: pass --encoding {guess} or convert it to UTF-8",
        ) from None


# A UTF-16 surrogate (U+D800-U+DFFF) encoded in three bytes, as CESU-8 and WTF-8 do
# (Java's and JavaScript's strings written out half by half): not UTF-8, not cp1252.
SURROGATE_RE = re.compile(rb"\xed[\xa0-\xbf][\x80-\xbf]")
# UTF-16 without a byte-order mark: in text of Latin letters every other byte is NUL.
# Of the byte pairs, this share must have a NUL on one side and next to none the other.
MIN_UTF16_NUL_SHARE = 0.3
MAX_UTF16_OTHER_NUL_SHARE = 0.01


def _utf16_without_mark(sample: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``sample`` reads as UTF-16 text, else None."""
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    odd, even = sample[1 : 2 * pairs : 2].count(0), sample[0 : 2 * pairs : 2].count(0)
    for encoding, nuls, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls >= pairs * MIN_UTF16_NUL_SHARE and others <= pairs * MAX_UTF16_OTHER_NUL_SHARE:
            text = sample[: 2 * pairs].decode(encoding, errors="replace")
            if not _looks_binary(text.encode("utf-8", errors="replace")):
                return encoding
    return None


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return control > len(sample) * MAX_CONTROL_SHARE


def guess_single_byte(data: bytes) -> str:
    """The single-byte set 8-bit text that is not UTF-8 is in: cp1252 or latin-1."""
    if len(data.translate(None, CP1252_ONLY)) < len(data):
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"
        return "cp1252"
    return "latin-1"


# Where an HTML page may declare its encoding: in a <meta> within its first bytes.
# (The HTML standard's prescan reads the first 1024 bytes; pages with long
# comments or scripts before the <meta> are common enough to look a little further.)
HTML_PRESCAN_BYTES = 4096
META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*(?P<name>[A-Za-z0-9._:-]+)""", re.IGNORECASE
)
UTF8_BOM = b"\xef\xbb\xbf"
# Declared encodings that are UTF-8 under another name, and single-byte ones
# that a UTF-8 page is often mislabelled with by its template.
UTF8_NAMES = frozenset({"utf-8", "utf8", "unicode-1-1-utf-8"})
SINGLE_BYTE_NAMES = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "us-ascii",
     "ascii", "iso-8859-15", "windows-1250", "cp1250", "iso-8859-2"}
)  # fmt: skip


# A page that declares UTF-16 in ASCII bytes cannot be UTF-16 (a mark would
# have said so): browsers read it as UTF-8, as the HTML standard says.
UTF16_NAMES = frozenset({"utf-16", "utf-16le", "utf-16be", "utf16"})
# Labels browsers read as another encoding (the WHATWG Encoding standard):
# pages labelled latin-1 or ASCII use cp1252's curly quotes and dashes.
BROWSER_CHARSETS = {
    name: "cp1252"
    for name in ("iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii")
}


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a ``<meta charset>`` near its top, lowercased."""
    found = META_CHARSET_RE.search(data, 0, HTML_PRESCAN_BYTES)
    return found["name"].decode("ascii").lower() if found else None


def decode_html(data: bytes, source: str, encoding: str | None = None) -> str:
    """The text of an HTML capture, read the way a browser reads it.

    A byte-order mark wins over a declared ``<meta charset>`` (as in browsers);
    without one the declared encoding is used. A page declared as latin-1 or
    cp1252 whose bytes are valid UTF-8 with non-ASCII characters is UTF-8 (its
    template lies: such byte runs are next to never latin-1 text). A page
    declared as UTF-8 that is not gets a clear refusal, as plain text does.
    """
    if encoding is not None or data.startswith((UTF8_BOM, *UTF16_BOMS)):
        return decode_text(data, source, encoding)
    declared = declared_charset(data)
    if declared is None or declared in UTF8_NAMES or declared in UTF16_NAMES:
        return decode_text(data, source)
    declared = BROWSER_CHARSETS.get(declared, declared)
    try:
        codecs.lookup(declared)
    except LookupError:
        return decode_text(data, source)  # an encoding nobody knows: read as UTF-8
    if not data.strip():
        raise InputError(source, "empty file")
    if _looks_binary(data[:SAMPLE_BYTES]):
        raise InputError(source, "binary file, not text")
    if declared in SINGLE_BYTE_NAMES and not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass  # it is what it says it is
    try:
        return data.decode(declared)
    except UnicodeDecodeError as error:
        raise InputError(
            source,
            f"declares charset {declared} but is not ({error.reason} at offset {error.start}); "
            "pass --encoding or convert it to UTF-8",
        ) from None
