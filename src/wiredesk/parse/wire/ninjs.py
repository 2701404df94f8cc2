"""NINJS 1.x and 2.x, and agency JSON of the same shape (dpa digitalwires, AP's Media API,
ANP's News API, TT's ninjs).

These all carry a headline, an HTML (or plain) body, and metadata with the
names NINJS uses or near them: ``versioncreated``/``version_created``,
``located``/``dateline``, ``byline``/``by``/``bylines``. An API may wrap the
item (``{"data": {"item": ...}}``) and put its body beside it (``{"nitf":
{"body_html": ...}}``): the item is the first object holding a headline, the
body the first body found, both searched breadth first from the top.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from typing import Any

from wiredesk.errors import InputError, ParseError
from wiredesk.model import Media, Subject, Wire
from wiredesk.parse.wire.body import Part, read_html, read_plain
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
from wiredesk.parse.wire.rules import MEDIA_KINDS, SIGNAL_WORDS
from wiredesk.parse.wire.safe_xml import MAX_XML_BYTES

JsonObject = dict[str, Any]

# Where each field is, by the names NINJS and the agencies use, in order of preference.
HEADLINE_KEYS = ("headline", "title")
HTML_BODY_KEYS = ("body_html", "body_html5", "article_html", "bodyText", "body_xhtml")
TEXT_BODY_KEYS = ("body_text", "body")
BYLINE_KEYS = ("byline", "by")
DATELINE_KEYS = ("dateline",)
LOCATED_KEYS = ("located",)
PUBLISHED_KEYS = ("versioncreated", "version_created", "pubDate", "firstcreated", "firstIssueDate")
ID_KEYS = ("uri", "urn", "guid", "itemId", "id")
STANDFIRST_KEYS = ("teaser", "headline_extended", "description_summary")
SUBHEADLINE_KEYS = ("subhead", "subheadline")
AGENCY_KEYS = ("provider", "creditline", "copyrightholder", "source")
COPYRIGHT_KEYS = ("copyrightnotice", "copyrightNotice")
# How far into a wrapped API answer the item and its body are looked for.
MAX_SEARCH_DEPTH = 4


def load_json(data: bytes, source: str) -> object:
    """A JSON capture's value; ``InputError`` for one that is too large or broken."""
    if len(data) > MAX_XML_BYTES:
        raise InputError(source, f"JSON too large: {len(data) / 1e6:.1f} MB")
    try:
        return json.loads(data)
    except RecursionError:
        raise InputError(source, "JSON nested too deeply: refused") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(source, f"broken JSON: {error}") from None


def read_ninjs(value: object, source: str) -> WireItem:
    """The item a NINJS or agency JSON document holds."""
    item = next((found for found in _objects(value) if _headline(found) is not None), None)
    if item is None:
        raise ParseError(source, "JSON item has no headline or title")
    parts = next((found for found in map(_body, _objects(value)) if found), [])
    signals = [
        SIGNAL_WORDS[word]
        for value_ in (item.get("signal"), *_names(item.get("signals")))
        if isinstance(value_, str)
        and (word := value_.rpartition(":")[2].casefold()) in SIGNAL_WORDS
    ]
    notes = _notes(item)
    signals.extend(signal for note in notes for signal in signals_in(note))
    wire = Wire(
        format="ninjs",
        item_id=_item_id(item),
        version=number_of(item.get("version")),
        pub_status=pub_status_of(item.get("pubstatus")),
        signals=unique(signals),
        urgency=urgency_of(item.get("urgency")),
        service=text_of(item.get("service")) if isinstance(item.get("service"), str) else None,
        slugline=_first(item, ("slugline", "slug")),
        subheadline=_first(item, SUBHEADLINE_KEYS) or _role_value(item.get("headlines"), "sub"),
        keywords=unique(_keywords(item)),
        subjects=tuple(_subjects(item)),
        agencies=unique(_agencies(item)),
        embargoed_at=time_of(item.get("embargoed")),
        copyright=_first(item, COPYRIGHT_KEYS),
        notes=tuple(notes),
        media=tuple(_media(item)),
    )
    return WireItem(
        wire=wire,
        headline=_headline(item),
        parts=tuple(parts),
        byline=_byline(item),
        standfirst=_standfirst(item),
        dateline=_first(item, DATELINE_KEYS),
        located=_first(item, LOCATED_KEYS),
        language=language_of(item.get("language")),
        published_at=next(
            (moment for key in PUBLISHED_KEYS if (moment := time_of(item.get(key)))), None
        ),
    )


def _objects(value: object) -> Iterator[JsonObject]:
    """Every JSON object in ``value`` down to ``MAX_SEARCH_DEPTH``, breadth first."""
    queue: deque[tuple[object, int]] = deque([(value, 0)])
    while queue:
        current, depth = queue.popleft()
        if isinstance(current, dict):
            yield current
            children = list(current.values())
        elif isinstance(current, list):
            children = current
        else:
            continue
        if depth < MAX_SEARCH_DEPTH:
            queue.extend(
                (child, depth + 1) for child in children if isinstance(child, (dict, list))
            )


def _item_id(item: JsonObject) -> str | None:
    """The agency's id: AP's ``altids.itemid`` (its ``uri`` carries a query that changes), else
    ``uri``, ``urn``, ``guid`` or ``id``."""
    altids = item.get("altids")
    if isinstance(altids, dict):
        found = _first(altids, ("itemid", "itemId"))
        if found is not None:
            return found
    return _first(item, ID_KEYS)


def _headline(item: JsonObject) -> str | None:
    return _first(item, HEADLINE_KEYS) or _role_value(item.get("headlines"), "main")


def _body(item: JsonObject) -> list[Part]:
    for key in HTML_BODY_KEYS:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return read_html(value)
    bodies = item.get("bodies")
    if isinstance(bodies, list):
        for body in bodies:
            if isinstance(body, dict) and isinstance(body.get("value"), str):
                kind = str(body.get("contenttype") or body.get("contentType") or "text/html")
                value = body["value"]
                return read_html(value) if "html" in kind or "<" in value else read_plain(value)
    for key in TEXT_BODY_KEYS:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return read_plain(value)
    return []


def _first(item: JsonObject, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        text = text_of(item.get(key))
        if text is not None:
            return text
    return None


def _role_value(values: object, role: str) -> str | None:
    """The value of the NINJS 2 list entry of a role ({"role": "main", "value": ...})."""
    if not isinstance(values, list):
        return None
    entries = [entry for entry in values if isinstance(entry, dict)]
    for entry in entries:
        if role in str(entry.get("role") or "").casefold():
            return text_of(entry.get("value"))
    if role == "main" and entries:
        return text_of(entries[0].get("value"))
    return None


def _names(values: object) -> list[str]:
    """Names in a list of strings or of objects with a name (or value, or by)."""
    if isinstance(values, str):
        return [values]
    if not isinstance(values, list):
        return []
    names: list[str] = []
    for entry in values:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for key in ("name", "value", "by", "byline", "qcode"):
                if isinstance(entry.get(key), str) and entry[key].strip():
                    names.append(entry[key])
                    break
    return names


def _byline(item: JsonObject) -> str | None:
    byline = _first(item, BYLINE_KEYS)
    if byline is not None:
        return byline
    names = [name for name in _names(item.get("bylines")) if name.strip()]
    return text_of(", ".join(names)) if names else None


def _standfirst(item: JsonObject) -> str | None:
    standfirst = _first(item, STANDFIRST_KEYS)
    headline = _headline(item)
    if standfirst is None or (headline and standfirst.casefold() == headline.casefold()):
        return None  # a teaser that repeats the headline says nothing more
    return standfirst


def _keywords(item: JsonObject) -> list[str]:
    keywords = _names(item.get("keywords")) + _names(item.get("keyword_names"))
    return [text for keyword in keywords if (text := text_of(keyword))]


def _subjects(item: JsonObject) -> list[Subject]:
    subjects: list[Subject] = []
    for key in ("subjects", "subject"):
        values = item.get(key)
        if not isinstance(values, list):
            continue
        for entry in values:
            if not isinstance(entry, dict):
                continue
            code = subject_code(entry.get("code") or entry.get("uri") or entry.get("literal"))
            name = text_of(entry.get("name"))
            if code is None and name is None:
                continue
            subjects.append(Subject(code=code or name or "", name=name))
    return subjects


def _agencies(item: JsonObject) -> list[str]:
    names: list[str] = []
    for key in AGENCY_KEYS:
        value = item.get(key)
        if isinstance(value, str) and len(value.split()) <= 3 and not _looks_like_id(value):
            names.extend(agency_names(value))
    for key in ("infosource", "infosources"):
        names.extend(
            name for value in _names(item.get(key)) for name in agency_names(value)
        )  # fmt: skip
    return names


def _looks_like_id(value: str) -> bool:
    """A source given as a UUID or number, not as a name."""
    digits = sum(character.isdigit() for character in value)
    return digits * 3 > len(value)


def _notes(item: JsonObject) -> list[str]:
    notes = [text for text in (_first(item, ("ednote",)),) if text]
    ednotes = item.get("ednotes")
    if isinstance(ednotes, list):
        for entry in ednotes:
            if isinstance(entry, dict) and (text := text_of(entry.get("ednote"))):
                notes.append(text)
    return notes


def _media(item: JsonObject) -> list[Media]:
    associations = item.get("associations")
    entries: list[object]
    if isinstance(associations, dict):
        entries = list(associations.values())
    elif isinstance(associations, list):
        entries = associations
    else:
        return []
    media: list[Media] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        kind = MEDIA_KINDS.get(str(entry.get("type") or "").casefold())
        if kind is None:
            continue
        media.append(
            Media(
                kind=kind,
                item_id=_item_id(entry),
                caption=_first(entry, ("caption", "description_text", "headline")),
            )
        )
    return media
