"""NewsML-G2: news items, packages and news messages, with NITF or XHTML inside.

A ``newsItem`` keeps what the item is in ``itemMeta`` (class, provider,
version times, embargo, publishing status, service, notes to editors,
signals) and what it is about in ``contentMeta`` (urgency, ``located``, the
``dateline``, sources, the byline, language, subjects, keywords, slugline,
headlines); its text is in ``contentSet``: ``inlineXML`` (NITF or XHTML) or
``inlineData`` (plain text). A ``newsMessage`` carries several items, and a
``packageItem`` says which comes first: the story read is the package's first
text item, else the message's first. Pictures and video are kept as
metadata (``Wire.media``), never as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from wiredesk.errors import ParseError
from wiredesk.model import Media, Subject, Wire
from wiredesk.parse.wire.body import Part, read_html, read_markup, read_plain
from wiredesk.parse.wire.fields import (
    agency_names,
    language_of,
    number_of,
    pub_status_of,
    signals_in,
    subject_code,
    text_of,
    time_of,
    unique,
    urgency_of,
)
from wiredesk.parse.wire.item import WireItem
from wiredesk.parse.wire.nitf import NitfContent, read_nitf_content
from wiredesk.parse.wire.rules import MEDIA_KINDS, SIGNAL_WORDS
from wiredesk.parse.wire.safe_xml import local_name, text_content

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Item classes (ninat: IPTC's NewsCodes, icls: Reuters'), by what follows the scheme.
TEXT_CLASSES = frozenset({"text", "composite"})


def read_g2(root: etree._Element, source: str) -> WireItem:
    """The story a NewsML-G2 message, item or package holds."""
    name = local_name(root)
    items = [root] if name == "newsItem" else list(root.iter("{*}newsItem"))
    packages = [root] if name == "packageItem" else list(root.iter("{*}packageItem"))
    media = [_media_of(item) for item in items if _class_of(item) in MEDIA_KINDS]
    story = _story_item(items, packages)
    if story is None:
        raise ParseError(source, _why_no_story(name, items, packages))
    return _read_item(story, media)


def _class_of(item: etree._Element) -> str:
    qcode = item.find("{*}itemMeta/{*}itemClass")
    return (qcode.get("qcode") or "").rpartition(":")[2].casefold() if qcode is not None else ""


def _story_item(
    items: list[etree._Element], packages: list[etree._Element]
) -> etree._Element | None:
    texts = [item for item in items if _class_of(item) in TEXT_CLASSES or not _class_of(item)]
    texts = [item for item in texts if _has_content(item)]
    by_guid = {item.get("guid"): item for item in texts}
    for package in packages:
        for reference in package.iter("{*}itemRef"):
            found = by_guid.get(reference.get("residref"))
            if found is not None:
                return found
    return texts[0] if texts else None


def _has_content(item: etree._Element) -> bool:
    content = item.find("{*}contentSet")
    if content is None:
        return False
    return any(
        len(inline) or (inline.text and inline.text.strip())
        for inline in content
        if local_name(inline) in {"inlineXML", "inlineData"}
    )


def _why_no_story(name: str, items: list[etree._Element], packages: list[etree._Element]) -> str:
    references = sum(1 for package in packages for _ in package.iter("{*}itemRef"))
    if packages and not items:
        return (
            f"NewsML-G2 <packageItem> {packages[0].get('guid') or ''} only refers to "
            f"{references} items and holds none: no text to read"
        )
    if packages:
        return (
            f"NewsML-G2 <{name}>: its package refers to {references} items, and none of the "
            f"{len(items)} items it holds has text in <contentSet>"
        )
    classes = sorted({_class_of(item) or "unknown" for item in items})
    if items and set(classes) <= set(MEDIA_KINDS):
        return f"NewsML-G2 <newsItem> of class {', '.join(classes)} holds no text (only media)"
    guid = items[0].get("guid") if items else None
    named = f"NewsML-G2 <{name}> {guid}" if guid else f"NewsML-G2 <{name}>"
    return f"{named} has no text in <contentSet>"


def _read_item(item: etree._Element, media: list[Media]) -> WireItem:
    meta = item.find("{*}itemMeta")
    content_meta = item.find("{*}contentMeta")
    nitf, parts = _content(item)
    wire_fields = _item_meta(meta)
    about = _content_meta(content_meta)
    rights = item.find("{*}rightsInfo")
    copyright_notice = None
    if rights is not None:
        copyright_notice = text_of(rights.findtext("{*}copyrightNotice")) or text_of(
            _name_of(rights.find("{*}copyrightHolder"))
        )
    nitf = nitf or NitfContent()
    wire = Wire(
        format="newsml-g2",
        item_id=text_of(item.get("guid")),
        version=number_of(item.get("version")),
        pub_status=wire_fields.pub_status or nitf.pub_status,
        signals=unique(wire_fields.signals),
        urgency=about.urgency or nitf.urgency,
        service=wire_fields.service,
        slugline=about.slugline,
        subheadline=about.subheadline or nitf.subheadline,
        keywords=unique([*about.keywords, *nitf.keywords]),
        subjects=tuple(about.subjects or nitf.subjects),
        agencies=unique([*about.agencies, *wire_fields.agencies, *nitf.agencies]),
        embargoed_at=wire_fields.embargoed_at or nitf.embargoed_at,
        copyright=copyright_notice or nitf.copyright,
        notes=tuple([*wire_fields.notes, *nitf.notes]),
        media=tuple(media),
    )
    return WireItem(
        wire=wire,
        headline=about.headline or nitf.headline or wire_fields.title,
        parts=tuple(parts),
        byline=about.byline or nitf.byline,
        dateline=about.dateline or nitf.dateline,
        located=about.located or nitf.located,
        language=about.language or language_of(item.get(XML_LANG)) or nitf.language,
        published_at=wire_fields.published_at or about.created_at or nitf.published_at,
    )


@dataclass
class _ItemMeta:
    """What ``itemMeta`` says."""

    pub_status: str | None = None
    service: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    embargoed_at: datetime | None = None
    signals: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)


def _item_meta(meta: etree._Element | None) -> _ItemMeta:
    found = _ItemMeta()
    if meta is None:
        return found
    found.pub_status = pub_status_of(_qcode(meta.find("{*}pubStatus")))
    found.published_at = time_of(meta.findtext("{*}versionCreated")) or time_of(
        meta.findtext("{*}firstCreated")
    )
    found.embargoed_at = time_of(meta.findtext("{*}embargoed"))
    found.title = text_of(meta.findtext("{*}title"))
    service = meta.find("{*}service")
    if service is not None:
        found.service = text_of(_name_of(service)) or text_of(_qcode(service))
    for provider in meta.iterfind("{*}provider"):
        found.agencies.extend(_party_names(provider))
    for signal in meta.iterfind("{*}signal"):
        word = (_qcode(signal) or "").rpartition(":")[2].casefold()
        if word in SIGNAL_WORDS:
            found.signals.append(SIGNAL_WORDS[word])
    for note in meta.iterfind("{*}edNote"):
        if len(note):
            continue  # a whole notepad in XHTML: not one note
        text = text_of(text_content(note))
        if text:
            found.notes.append(text)
            found.signals.extend(signals_in(text))
    return found


@dataclass
class _ContentMeta:
    """What ``contentMeta`` says."""

    urgency: int | None = None
    located: str | None = None
    dateline: str | None = None
    byline: str | None = None
    language: str | None = None
    slugline: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    created_at: datetime | None = None
    keywords: list[str] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)


def _content_meta(meta: etree._Element | None) -> _ContentMeta:
    found = _ContentMeta()
    if meta is None:
        return found
    found.urgency = urgency_of(meta.findtext("{*}urgency"))
    found.created_at = time_of(meta.findtext("{*}contentCreated"))
    located = meta.find("{*}located")
    if located is not None:
        found.located = text_of(_name_of(located)) or _code_part(located.get("qcode"))
    found.dateline = text_of(meta.findtext("{*}dateline"))
    found.byline = text_of(meta.findtext("{*}by"))
    language = meta.find("{*}language")
    found.language = language_of(language.get("tag")) if language is not None else None
    found.slugline = text_of(meta.findtext("{*}slugline"))
    for headline in meta.iterfind("{*}headline"):
        role = (headline.get("role") or "").casefold()
        text = text_of(text_content(headline))
        if not text:
            continue
        if "sub" in role:
            found.subheadline = found.subheadline or text
        elif found.headline is None:
            found.headline = text
    for source in meta.iterfind("{*}infoSource"):
        found.agencies.extend(_party_names(source))
    found.agencies.extend(agency_names(meta.findtext("{*}creditline")))
    for keyword in meta.iterfind("{*}keyword"):
        text = text_of(keyword.text)
        if text:
            found.keywords.append(text)
    for subject in meta.iterfind("{*}subject"):
        code = subject_code(subject.get("qcode") or subject.get("uri") or subject.get("literal"))
        if code:
            found.subjects.append(Subject(code=code, name=text_of(_name_of(subject))))
    return found


def _content(item: etree._Element) -> tuple[NitfContent | None, list[Part]]:
    """The text of an item's ``contentSet``: NITF, XHTML or plain text."""
    content_set = item.find("{*}contentSet")
    if content_set is None:
        return None, []
    for inline in content_set:
        name = local_name(inline)
        if name == "inlineXML":
            nitf = next(inline.iter("{*}nitf"), None)
            if nitf is not None:
                content = read_nitf_content(nitf)
                return content, content.parts
            body = next(inline.iter("{*}body"), None)
            parts = read_markup(body if body is not None else inline)
            if parts:
                return None, parts
        elif name == "inlineData" and inline.text and inline.text.strip():
            text = inline.text
            return None, read_html(text) if "<" in text else read_plain(text)
    return None, []


def _media_of(item: etree._Element) -> Media:
    description = next(
        (text_of(text_content(element)) for element in item.iter("{*}description")), None
    )
    headline = text_of(item.findtext("{*}contentMeta/{*}headline"))
    return Media(
        kind=MEDIA_KINDS.get(_class_of(item), "picture"),
        item_id=text_of(item.get("guid")),
        caption=description or headline,
    )


def _party_names(party: etree._Element) -> list[str]:
    """A provider or source: its literal, its QCode's code, or its name, as an agency name."""
    for value in (party.get("literal"), party.get("qcode"), _name_of(party), party.get("uri")):
        names = agency_names(value)
        if names:
            return names
    return []


def _name_of(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    name = element.find("{*}name")
    return text_content(name) if name is not None else None


def _qcode(element: etree._Element | None) -> str | None:
    return element.get("qcode") if element is not None else None


def _code_part(qcode: str | None) -> str | None:
    return text_of(qcode.rpartition(":")[2]) if qcode else None
