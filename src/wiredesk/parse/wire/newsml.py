"""NewsML 1.2, as AFP, Reuters, dpa, ATS, EFE and Belga deliver it.

A ``NewsML`` document holds ``NewsItem``s; each has its identity
(``NewsIdentifier``: provider, date, item id, revision), its management
(created, status, urgency, a status change for an embargo, instructions) and a
tree of ``NewsComponent``s with ``NewsLines`` (headline, dateline, credit,
copyright, slug, keywords), metadata (provider, source, language, subjects,
the place of origin) and ``ContentItem``s: text as NITF, as bare NITF
paragraphs, or as plain text; photos, video and graphics, kept as metadata.
A component's ``Role`` tells a title and a caption from the story.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from wiredesk.errors import ParseError
from wiredesk.model import Media, Subject, Wire
from wiredesk.parse.wire.body import Part, read_html, read_markup, read_plain
from wiredesk.parse.wire.fields import (
    agency_names,
    language_of,
    number_of,
    pub_status_of,
    subject_code,
    text_of,
    time_of,
    unique,
    urgency_of,
)
from wiredesk.parse.wire.item import WireItem
from wiredesk.parse.wire.nitf import NitfContent, read_nitf_content
from wiredesk.parse.wire.rules import MEDIA_KINDS, SIGNAL_WORDS
from wiredesk.parse.wire.safe_xml import text_content

# Component roles and media types that are not the story's text.
MEDIA_ROLES = frozenset({"picture", "photo", "image", "video", "graphic", "audio", "caption"})
TITLE_ROLES = frozenset({"title", "headline"})


@dataclass
class _Found:
    """What the component tree says, first value of each kind in document order."""

    lines: dict[str, str] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    nitf: NitfContent | None = None
    language: str | None = None
    located: str | None = None
    title: str | None = None


def read_newsml(root: etree._Element, source: str) -> WireItem:
    """The first text item a NewsML 1.2 document holds."""
    items = root.findall("{*}NewsItem")
    if not items:
        raise ParseError(source, "NewsML document has no <NewsItem>")
    for news_item in items:
        found = _Found()
        for component in news_item.iterfind("{*}NewsComponent"):
            _read_component(component, found, role=None)
        if found.parts:
            return _item(news_item, found)
    identity = _identifier(items[0])
    named = f"NewsML <NewsItem> {identity}" if identity else "NewsML <NewsItem>"
    raise ParseError(source, f"{named} has no text in its <ContentItem>s")


def _item(news_item: etree._Element, found: _Found) -> WireItem:
    management = news_item.find("{*}NewsManagement")
    status = urgency = published_at = embargoed_at = None
    signals: list[str] = []
    if management is not None:
        status = pub_status_of(_formal(management.find("{*}Status")))
        urgency_element = management.find("{*}Urgency")
        urgency = urgency_of(_formal(urgency_element) or _text(urgency_element))
        published_at = time_of(management.findtext("{*}ThisRevisionCreated")) or time_of(
            management.findtext("{*}FirstCreated")
        )
        change = management.find("{*}StatusWillChange")
        if change is not None and status == "embargoed":
            embargoed_at = time_of(change.findtext("{*}DateAndTime"))
        for instruction in management.iterfind("{*}Instruction"):
            word = (_formal(instruction) or "").casefold()
            if word in SIGNAL_WORDS:
                signals.append(SIGNAL_WORDS[word])
    nitf = found.nitf or NitfContent()
    lines = found.lines
    revision = news_item.find("{*}Identification/{*}NewsIdentifier/{*}RevisionId")
    wire = Wire(
        format="newsml",
        item_id=_identifier(news_item),
        version=number_of(_text(revision)),
        pub_status=status or nitf.pub_status,
        signals=unique(signals),
        urgency=urgency or nitf.urgency,
        slugline=lines.get("SlugLine"),
        subheadline=lines.get("SubHeadLine") or nitf.subheadline,
        keywords=unique([*found.keywords, *nitf.keywords]),
        subjects=tuple(found.subjects or nitf.subjects),
        agencies=unique([*found.agencies, *agency_names(lines.get("CreditLine")), *nitf.agencies])
        or unique(
            agency_names(news_item.findtext("{*}Identification/{*}NewsIdentifier/{*}ProviderId"))
        ),
        embargoed_at=embargoed_at or nitf.embargoed_at,
        copyright=lines.get("CopyrightLine") or nitf.copyright,
        notes=tuple(nitf.notes),
        media=tuple(found.media),
    )
    return WireItem(
        wire=wire,
        headline=lines.get("HeadLine") or nitf.headline or found.title,
        parts=tuple(found.parts),
        byline=lines.get("ByLine") or nitf.byline,
        dateline=lines.get("DateLine") or nitf.dateline,
        located=found.located or nitf.located,
        language=language_of(news_item.get("{http://www.w3.org/XML/1998/namespace}lang"))
        or found.language
        or nitf.language,
        published_at=published_at or nitf.published_at,
    )


def _read_component(component: etree._Element, found: _Found, role: str | None) -> None:
    own_role = (_formal(component.find("{*}Role")) or "").casefold() or role
    if own_role in MEDIA_ROLES:
        _read_media(component, found, own_role)
        return
    lines = component.find("{*}NewsLines")
    if lines is not None:
        _read_lines(lines, found)
    for metadata in component.iterfind("{*}AdministrativeMetadata"):
        for party in metadata.iterfind("{*}Provider/{*}Party"):
            found.agencies.extend(agency_names(party.get("FormalName")))
        for party in metadata.iterfind("{*}Source/{*}Party"):
            found.agencies.extend(agency_names(party.get("FormalName")))
    # Agencies' converters misspell the element at times ("DescriptiveMetada").
    for metadata in component:
        if isinstance(metadata.tag, str) and metadata.tag.rpartition("}")[2].startswith(
            "DescriptiveMetad"
        ):
            _read_descriptive(metadata, found)
    for content_item in component.iterfind("{*}ContentItem"):
        _read_content(content_item, found, own_role)
    for inner in component.iterfind("{*}NewsComponent"):
        _read_component(inner, found, own_role)


def _read_lines(lines: etree._Element, found: _Found) -> None:
    for line in lines:
        if not isinstance(line.tag, str):
            continue
        name = line.tag.rpartition("}")[2]
        if name == "KeywordLine":
            keyword = _text(line)
            if keyword:
                found.keywords.append(keyword)
        elif name == "NewsLine":
            kind = (_formal(line.find("{*}NewsLineType")) or "").casefold()
            value = text_of(line.findtext("{*}NewsLineText"))
            if value and kind in {"catchword", "keyword"}:
                found.keywords.append(value)
        else:
            value = _text(line)
            if value and name not in found.lines:
                found.lines[name] = value


def _read_descriptive(metadata: etree._Element, found: _Found) -> None:
    language = language_of(_formal(metadata.find("{*}Language")))
    found.language = found.language or language
    for subject in metadata.iterfind("{*}SubjectCode/*"):
        code = subject_code(subject.get("FormalName"))
        if code:
            found.subjects.append(Subject(code=code))
    for location in metadata.iterfind("{*}Location"):
        # Only where the news comes from is a dateline's place; an event's location is not.
        if (location.get("HowPresent") or "").casefold() != "origin":
            continue
        for prop in location.iterfind("{*}Property"):
            if (prop.get("FormalName") or "").casefold() == "city" and found.located is None:
                found.located = text_of(prop.get("Value"))
    for prop in metadata.iterfind("{*}Property"):
        if (prop.get("FormalName") or "").casefold() == "keyword":
            value = text_of(prop.get("Value"))
            if value:
                found.keywords.append(value)


def _read_content(content_item: etree._Element, found: _Found, role: str | None) -> None:
    media_type = (_formal(content_item.find("{*}MediaType")) or "text").casefold()
    if media_type in MEDIA_KINDS:
        found.media.append(Media(kind=MEDIA_KINDS[media_type], item_id=content_item.get("Href")))
        return
    data = content_item.find("{*}DataContent")
    if data is None:
        return
    nitf = data.find("{*}nitf")
    if role in TITLE_ROLES:
        found.title = found.title or text_of(text_content(data))
        return
    if nitf is not None:
        content = read_nitf_content(nitf)
        found.nitf = found.nitf or content
        found.parts.extend(content.parts)
    elif len(data):
        found.parts.extend(read_markup(data))
    elif data.text and data.text.strip():
        text = data.text
        found.parts.extend(read_html(text) if "<" in text else read_plain(text))


def _read_media(component: etree._Element, found: _Found, role: str) -> None:
    caption = None
    for inner in component.iter("{*}NewsComponent"):
        if (_formal(inner.find("{*}Role")) or "").casefold() == "caption":
            caption = text_of("".join(inner.findtext(".//{*}DataContent") or ""))
    kind = MEDIA_KINDS.get(role, "picture")
    reference = next(
        (item.get("Href") for item in component.iter("{*}ContentItem") if item.get("Href")), None
    )
    item_id = text_of(component.get("Duid")) or text_of(reference)
    found.media.append(Media(kind=kind, item_id=item_id, caption=caption))


def _identifier(news_item: etree._Element) -> str | None:
    """The item's id without its revision, so every revision of an item shares it."""
    identifier = news_item.find("{*}Identification/{*}NewsIdentifier")
    if identifier is None:
        return None
    provider = text_of(identifier.findtext("{*}ProviderId"))
    item_id = text_of(identifier.findtext("{*}NewsItemId"))
    if item_id is None:
        return None
    date = text_of(identifier.findtext("{*}DateId"))
    return ":".join(part for part in ("urn:newsml", provider, date, item_id) if part)


def _formal(element: etree._Element | None) -> str | None:
    return text_of(element.get("FormalName")) if element is not None else None


def _text(element: etree._Element | None) -> str | None:
    return text_of(text_content(element)) if element is not None else None
