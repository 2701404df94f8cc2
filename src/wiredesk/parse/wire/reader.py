"""The wire readers behind one door: a capture's bytes and their format in, a ``Page`` out."""

from __future__ import annotations

from datetime import datetime

from wiredesk.errors import ParseError
from wiredesk.model import Page
from wiredesk.parse.wire.assembly import page_of
from wiredesk.parse.wire.g2 import read_g2
from wiredesk.parse.wire.item import WireItem
from wiredesk.parse.wire.newsml import read_newsml
from wiredesk.parse.wire.ninjs import load_json, read_ninjs
from wiredesk.parse.wire.nitf import read_nitf
from wiredesk.parse.wire.safe_xml import load_xml
from wiredesk.parse.wire.sniff import WireKind
from wiredesk.parse.wire.telex import read_telex

FORMAT_NAMES = {
    "iptc7901": "IPTC 7901",
    "anpa1312": "ANPA 1312",
    "nitf": "NITF",
    "newsml": "NewsML",
    "newsml-g2": "NewsML-G2",
    "ninjs": "JSON",
}


def read_wire_item(
    data: bytes, kind: WireKind, *, source: str, encoding: str | None = None
) -> WireItem:
    """What a wire item says, body and metadata, before it becomes a page."""
    if kind == "telex":
        return read_telex(data, encoding)
    if kind == "json":
        return read_ninjs(load_json(data, source), source)
    root = load_xml(data, source)
    if kind == "nitf":
        return read_nitf(root, source)
    if kind == "newsml":
        return read_newsml(root, source)
    return read_g2(root, source)


def read_wire(
    data: bytes,
    kind: WireKind,
    *,
    source: str,
    captured_at: datetime | None = None,
    language: str | None = None,
    timezone: str | None = None,
    section: str | None = None,
    encoding: str | None = None,
) -> Page:
    """The page a wire item makes (a kill notice's may have no body); ``InputError`` or
    ``ParseError`` naming what is wrong."""
    item = read_wire_item(data, kind, source=source, encoding=encoding)
    page = page_of(
        item,
        captured_at=captured_at,
        language=language,
        timezone=timezone,
        source=source,
        section=section,
    )
    # A kill notice may hold no text: its id says which item it withdraws.
    is_kill_notice = page.wire is not None and page.wire.is_killed and page.wire.item_id
    if not page.has_article and not is_kill_notice:
        name = FORMAT_NAMES[item.wire.format]
        identity = f" {item.wire.item_id}" if item.wire.item_id else ""
        raise ParseError(source, f"{name} item{identity} holds no body text")
    return page
