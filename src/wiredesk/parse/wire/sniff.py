"""Telling wire copy by its content: the XML root, a JSON item's keys, telex control characters.

Never by a file's name: agencies deliver ``.txt`` files that are NITF, ``.xml``
files that are telex, and names that say nothing at all. A capture that is
none of these is left to the HTML and text readers.
"""

from __future__ import annotations

import re
from typing import Literal

from wiredesk.parse.decode import UTF16_BOMS
from wiredesk.parse.wire.rules import (
    IPTC7901_HEADER_RE,
    TELEX_NOISE_RE,
    TELEX_SNIFF_BYTES,
    TELEX_START_BYTES,
    ZCZC_RE,
)

WireKind = Literal["telex", "nitf", "newsml", "newsml-g2", "json"]

SNIFF_BYTES = 4096
# What may stand before an XML document's root: the declaration, comments, a DOCTYPE
# (with an internal subset), processing instructions and white space.
PROLOG_RE = re.compile(
    r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*",
    re.DOTALL,
)
ROOT_RE = re.compile(r"<(?:[\w.-]+:)?(?P<name>[\w.-]+)[\s/>]")
# Root elements, by local name: NITF, NewsML 1.x, and the NewsML-G2 items and message.
XML_ROOTS: dict[str, WireKind] = {
    "nitf": "nitf",
    "NewsML": "newsml",
    "newsMessage": "newsml-g2",
    "newsItem": "newsml-g2",
    "packageItem": "newsml-g2",
    "conceptItem": "newsml-g2",
    "knowledgeItem": "newsml-g2",
    "planningItem": "newsml-g2",
}
# Keys of a NINJS item or an agency's JSON item of the same shape (dpa digitalwires,
# AP's Media API, ANP's News API, TT): a headline and an HTML body.
JSON_ITEM_KEYS = (
    b'"headline"',
    b'"headlines"',
    b'"body_html"',
    b'"body_html5"',
    b'"article_html"',
    b'"bodyText"',
    b'"body_text"',
)
# Telex text holds a handful of control characters (SOH, STX, a few BEL, ETX, DEL,
# EOT); a binary file many more, and NUL bytes, which telex never sends. The share
# says something only of a sample this long: a flash of a few words is short.
MAX_CONTROL_SHARE = 0.1
MIN_SHARE_BYTES = 256
CONTROL_BYTES = bytes(byte for byte in range(0x20) if byte not in b"\t\n\r")
# A 7901 header line without its control characters is only taken for one when the
# header's " =" mark follows within the first lines.
HEADER_MARK_LINES = 20


def sniff_wire(data: bytes) -> WireKind | None:
    """Which wire format a capture's bytes are in, or None when they are not wire copy."""
    head = data[:SNIFF_BYTES]
    if head.startswith(UTF16_BOMS):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("<"):
        return _xml_kind(stripped)
    if stripped.startswith("{"):
        return "json" if any(key in data for key in JSON_ITEM_KEYS) else None
    if _is_telex(head, text):
        return "telex"
    return None


def _control_share(head: bytes) -> float:
    if not head:
        return 0.0
    return (len(head) - len(head.translate(None, CONTROL_BYTES))) / len(head)


def _xml_kind(text: str) -> WireKind | None:
    prolog = PROLOG_RE.match(text)
    start = prolog.end() if prolog else 0
    root = ROOT_RE.match(text, start)
    return XML_ROOTS.get(root["name"]) if root else None


def _is_telex(head: bytes, text: str) -> bool:
    if b"\x00" in head or (
        len(head) >= MIN_SHARE_BYTES and _control_share(head) > MAX_CONTROL_SHARE
    ):
        return False  # a picture or other binary file, which holds these bytes too
    if any(mark in head[:TELEX_SNIFF_BYTES] for mark in TELEX_START_BYTES):
        return True
    if ZCZC_RE.match(text):
        return True
    lines = text.lstrip().splitlines()
    if not lines or not IPTC7901_HEADER_RE.fullmatch(TELEX_NOISE_RE.sub("", lines[0]).strip()):
        return False
    return any(line.rstrip().endswith(" =") for line in lines[1:HEADER_MARK_LINES])
