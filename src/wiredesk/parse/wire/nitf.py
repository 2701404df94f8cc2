"""NITF 3.x: the News Industry Text Format, alone or inside NewsML 1.2 and NewsML-G2.

An NITF document keeps its metadata in ``head`` (``docdata``: id, urgency,
issue and release times, status, keywords, copyright; ``tobject``: subjects;
``pubdata``) and its story in ``body``: ``body.head`` (``hedline`` with ``hl1``
and ``hl2``, ``byline``, ``distributor``, ``dateline``, ``abstract``) and
``body.content``. ``read_nitf_content`` reads one for any container; NewsML
readers lay their own metadata over it. ``date.release`` is NITF's embargo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from wiredesk.errors import ParseError
from wiredesk.model import Subject, Wire
from wiredesk.parse.wire.body import Part, read_markup
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
from wiredesk.parse.wire.safe_xml import text_content


@dataclass
class NitfContent:
    """What one NITF document says; every field may be missing."""

    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    located: str | None = None
    abstract: str | None = None
    language: str | None = None
    item_id: str | None = None
    version: int | None = None
    urgency: int | None = None
    pub_status: str | None = None
    published_at: datetime | None = None
    embargoed_at: datetime | None = None
    copyright: str | None = None
    keywords: list[str] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)


def read_nitf(root: etree._Element, source: str) -> WireItem:
    """The item a NITF document holds."""
    content = read_nitf_content(root)
    if not content.parts:
        raise ParseError(source, "NITF item has no text in <body.content>")
    wire = Wire(
        format="nitf",
        item_id=content.item_id,
        version=content.version,
        pub_status=content.pub_status,
        urgency=content.urgency,
        subheadline=content.subheadline,
        keywords=unique(content.keywords),
        subjects=tuple(content.subjects),
        agencies=unique(content.agencies),
        embargoed_at=content.embargoed_at,
        copyright=content.copyright,
        notes=tuple(content.notes),
    )
    return WireItem(
        wire=wire,
        headline=content.headline,
        parts=tuple(content.parts),
        byline=content.byline,
        standfirst=_distinct_abstract(content),
        dateline=content.dateline,
        located=content.located,
        language=content.language,
        published_at=content.published_at,
    )


def read_nitf_content(nitf: etree._Element) -> NitfContent:
    """Read a ``nitf`` element (in any namespace, or none)."""
    content = NitfContent(language=language_of(nitf.get("baselang")))
    head = nitf.find("{*}head")
    if head is not None:
        _read_head(head, content)
    body_head = nitf.find("{*}body/{*}body.head")
    if body_head is not None:
        _read_body_head(body_head, content)
    for body_content in nitf.iterfind("{*}body/{*}body.content"):
        content.parts.extend(read_markup(body_content))
    return content


def _read_head(head: etree._Element, content: NitfContent) -> None:
    content.headline = text_of(_all_text(head.find("{*}title")))
    docdata = head.find("{*}docdata")
    if docdata is not None:
        content.item_id = text_of(_attribute(docdata, "{*}doc-id", "id-string"))
        content.agencies.extend(agency_names(_attribute(docdata, "{*}doc-id", "regsrc")))
        content.urgency = urgency_of(_attribute(docdata, "{*}urgency", "ed-urg"))
        content.published_at = time_of(_attribute(docdata, "{*}date.issue", "norm"))
        released = time_of(_attribute(docdata, "{*}date.release", "norm"))
        # A release time is an embargo when it lies after the issue time (ANSA sends both equal).
        if released is not None and (
            content.published_at is None or _is_later(released, content.published_at)
        ):
            content.embargoed_at = released
        content.pub_status = pub_status_of(docdata.get("management-status"))
        content.version = number_of(_attribute(docdata, "{*}du-key", "version"))
        content.keywords.extend(
            key for keyword in docdata.iterfind("{*}key-list/{*}keyword")
            if (key := text_of(keyword.get("key")))
        )  # fmt: skip
        copyright_holder = _attribute(docdata, "{*}doc.copyright", "holder")
        if copyright_holder:
            year = _attribute(docdata, "{*}doc.copyright", "year")
            content.copyright = text_of(f"© {year or ''} {copyright_holder}")
        for message in docdata.iterfind("{*}ed-msg"):
            note = text_of(message.get("info")) or text_of(_all_text(message))
            if note:
                content.notes.append(note)
    if content.published_at is None:
        content.published_at = time_of(_attribute(head, "{*}pubdata", "date.publication"))
    for subject in head.iterfind("{*}tobject/{*}tobject.subject"):
        code = subject_code(subject.get("tobject.subject.refnum"))
        if code is None:
            continue
        name = (
            text_of(subject.get("tobject.subject.detail"))
            or text_of(subject.get("tobject.subject.matter"))
            or text_of(subject.get("tobject.subject.type"))
        )
        content.subjects.append(Subject(code=code, name=name))


def _read_body_head(body_head: etree._Element, content: NitfContent) -> None:
    headline = text_of(_all_text(body_head.find("{*}hedline/{*}hl1")))
    content.headline = headline or content.headline
    content.subheadline = text_of(_all_text(body_head.find("{*}hedline/{*}hl2")))
    content.byline = text_of(_all_text(body_head.find("{*}byline")))
    for distributor in body_head.iterfind("{*}distributor"):
        content.agencies.extend(agency_names(_all_text(distributor)))
    dateline = body_head.find("{*}dateline")
    if dateline is not None:
        content.located = text_of(_all_text(dateline.find("{*}location")))
        content.dateline = text_of(_all_text(dateline, skip="story.date"))
    abstract = body_head.find("{*}abstract")
    if abstract is not None:
        content.abstract = text_of(_all_text(abstract))


def _distinct_abstract(content: NitfContent) -> str | None:
    """The abstract as a standfirst, unless it only repeats the body's opening."""
    if content.abstract is None:
        return None
    opening = next((part.text for part in content.parts), "")
    return None if content.abstract[:40] in opening else content.abstract


def _is_later(moment: datetime, other: datetime) -> bool:
    if (moment.tzinfo is None) != (other.tzinfo is None):
        moment, other = moment.replace(tzinfo=None), other.replace(tzinfo=None)
    return moment > other


def _attribute(element: etree._Element, path: str, name: str) -> str | None:
    found = element.find(path)
    return found.get(name) if found is not None else None


def _all_text(element: etree._Element | None, skip: str | None = None) -> str | None:
    """The text of an element and its descendants, comments left out."""
    if element is None:
        return None
    pieces: list[str] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not (skip and child.tag.endswith(skip)):
            pieces.append(text_content(child))  # unsqueezed: "Storm<em> hits</em>" keeps its space
        pieces.append(child.tail or "")
    return " ".join("".join(pieces).split())
