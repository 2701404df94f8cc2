"""The raw archive's encoding: original bytes, compressed, addressed by SHA-256."""

from __future__ import annotations

import hashlib
import zlib

COMPRESSION_LEVEL = 6


def address(data: bytes) -> str:
    """The SHA-256 of a capture's original bytes, in hex: its address in the archive."""
    return hashlib.sha256(data).hexdigest()


def pack(data: bytes) -> bytes:
    return zlib.compress(data, COMPRESSION_LEVEL)


def unpack(packed: bytes) -> bytes:
    return zlib.decompress(packed)
