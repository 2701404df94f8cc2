"""Bytes to text: UTF-8 or a clear refusal that names what the bytes look like."""

from __future__ import annotations

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
        raise InputError(source, "binary file, not text")
    if encoding is not None:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as error:
            raise InputError(source, f"cannot decode as {encoding}: {error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        guess = _guess_single_byte(data)
        raise InputError(
            source,
            f"not UTF-8 (byte {data[error.start]:#04x} at offset {error.start}); "
            f"it looks like {guess}: pass --encoding {guess} or convert it to UTF-8",
        ) from None


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return control > len(sample) * MAX_CONTROL_SHARE


def _guess_single_byte(data: bytes) -> str:
    if any(byte in CP1252_ONLY for byte in data):
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"
        return "cp1252"
    return "latin-1"
