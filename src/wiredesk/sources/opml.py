"""OPML, the list of feeds every feed reader imports and exports.

An ``<outline>`` with an ``xmlUrl`` is a feed; its section is its ``category``
attribute, else the title of the outline folder it sits in. The file is read
with defusedxml: an OPML file is as untrusted as a feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError, SubElement, indent, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from wiredesk.errors import InputError
from wiredesk.model import Feed


@dataclass(frozen=True, slots=True, kw_only=True)
class OutlineFeed:
    """A feed as an OPML file lists it."""

    url: str
    title: str | None
    section: str | None


def read_opml(data: bytes, source: str) -> list[OutlineFeed]:
    """The feeds an OPML file lists, in its order; ``InputError`` when it is no OPML."""
    try:
        root = defused_fromstring(data)
    except DefusedXmlException as error:
        raise InputError(source, f"refused: the file declares XML entities ({error})") from None
    except ParseError as error:
        raise InputError(source, f"not well-formed XML: {error}") from None
    if root.tag != "opml" or root.find("body") is None:
        raise InputError(source, "not an OPML file: no <opml> with a <body>")
    found: list[OutlineFeed] = []
    _walk(root.find("body"), None, found)
    return found


def _walk(parent: Element | None, folder: str | None, found: list[OutlineFeed]) -> None:
    if parent is None:
        return
    for outline in parent.findall("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        title = outline.get("title") or outline.get("text") or None
        if url:
            category = (outline.get("category") or "").strip().strip("/") or None
            found.append(OutlineFeed(url=url, title=title, section=category or folder))
        else:
            _walk(outline, title or folder, found)


def write_opml(feeds: list[Feed], title: str = "wiredesk feeds") -> str:
    """An OPML 2.0 document listing ``feeds``, each with its section as its category."""
    root = Element("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = title
    body = SubElement(root, "body")
    for feed in feeds:
        attributes = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attributes["title"] = feed.title
        if feed.section:
            attributes["category"] = feed.section
        SubElement(body, "outline", attributes)
    indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode") + "\n"
