"""From a ``WireItem`` to a ``Page``: the dateline, the body's first and last lines, sub-headings.

Every wire reader ends here, so the rules that decide what is story are the
same for telex, NITF, NewsML and NINJS, and the same as the text parser's:
the dateline is read from the body's first paragraph with ``read_dateline``
(the printed dateline wins over any element: it is what readers see), and
only when the body prints none is a ``dateline`` or ``located`` element used,
with the agencies the item names. Trailers at the end are left out with
``close_body``, the rules the text parser uses too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from wiredesk.model import Article, Block, BlockKind, Dateline, Page
from wiredesk.parse.dateline import read_dateline
from wiredesk.parse.furniture import is_furniture
from wiredesk.parse.language import detect_language
from wiredesk.parse.rails import is_title_line
from wiredesk.parse.times import in_utc, page_zone
from wiredesk.parse.trailers import close_body
from wiredesk.parse.wire.body import Part
from wiredesk.parse.wire.item import WireItem
from wiredesk.parse.wire.rules import (
    MAX_CAPITALS_HEADING_CHARS,
    MAX_LABEL_WORDS,
    MAX_SUBHEADING_CHARS,
    RULE_LINE_RE,
)

# A sub-heading in plain text is a short line, as the text parser has it.
MAX_PLAIN_SUBHEADING_WORDS = 8
MAX_PLAIN_SUBHEADING_CHARS = 70
# Markup or script code standing in a paragraph (an embed code sent as text).
CODE_RE = re.compile(r"\s*<\s*/?\s*(?:div|script|iframe|blockquote|a|p|span|img)\b.*>\s*", re.I)
SENTENCE_INSIDE_RE = re.compile(r"[.!?]\s+\S")
MAX_LINK_LINE_WORDS = 12
# A heading in capitals has words, not just a figure or an initial: "UP NEXT", "1. DEBATE".
MIN_CAPITALS_HEADING_LETTERS = 4
OPENING_QUOTES = "«\"'„“‘‹"  # and the Dutch ",,"
# A dateline element's own separator: "New York (dpa) - ".
DATELINE_MARKS = " \t-–—:=_"


def page_of(
    item: WireItem,
    *,
    captured_at: datetime | None,
    language: str | None,
    timezone: str | None,
    source: str | None,
    section: str | None,
) -> Page:
    """The page a wire item makes, read in the capture's context."""
    dropped = list(item.dropped)
    parts = _story_parts(item, dropped)
    language = language or item.language or detect_language([part.text for part in parts])
    zone = page_zone(language, timezone)
    standfirst, parts = _standfirst(item.standfirst, parts, dropped)
    dateline, parts, teaser = _dateline(item, parts)
    if teaser is not None:
        if standfirst is None:
            standfirst = teaser
        else:
            dropped.append(teaser)
    while parts and (
        (parts[-1].kind == "heading" and not _reads_as_sentences(parts[-1].text))
        or (parts[-1].is_link and _is_link_line(parts[-1].text))
    ):
        dropped.append(parts.pop().text)  # a heading over nothing; "Read it on example.org"
    body = [
        Block(kind=_kind(part, parts, index), text=part.text) for index, part in enumerate(parts)
    ]
    body, trailers = close_body(body)
    dropped.extend(trailers)
    while body and body[-1].kind == "subheading":
        dropped.append(body.pop().text)  # a heading with no text under it
    # An agency's placeholder dates may lie outside the calendar in UTC: None (in_utc).
    embargoed_at = item.wire.embargoed_at
    wire = replace(item.wire, embargoed_at=in_utc(embargoed_at, zone) if embargoed_at else None)
    byline = item.byline
    if byline is not None and is_furniture(byline):
        dropped.append(byline)  # desk initials in a byline field: "jrg/pl/ks"
        byline = None
    article = Article(
        headline=item.headline,
        standfirst=standfirst,
        byline=byline,
        is_correction=wire.is_correction,
        dateline=dateline,
        body=tuple(body),
        published_at=in_utc(item.published_at, zone) if item.published_at else None,
        section=section,
    )
    return Page(
        source=source,
        captured_at=in_utc(captured_at) if captured_at else None,
        language=language,
        article=article,
        rails=(),
        dropped=tuple(line for line in dropped if line),
        wire=wire,
    )


def _story_parts(item: WireItem, dropped: list[str]) -> list[Part]:
    """The parts that may be story: rules, code, furniture and a copy of the headline left out."""
    kept: list[Part] = []
    headline = (item.headline or "").casefold()
    for part in item.parts:
        text = part.text.strip()
        if (
            not text
            or RULE_LINE_RE.fullmatch(text)
            or CODE_RE.fullmatch(text)
            or (part.kind != "heading" and is_furniture(text))
            or (part.kind == "heading" and not kept and text.casefold() == headline)
        ):
            dropped.append(text)
            continue
        kept.append(part if text == part.text else replace(part, text=text))
    # Short labels before the first paragraph: a genre, a section, "Inrikes TT".
    while (
        len(kept) > 1
        and kept[0].kind != "heading"
        and len(kept[0].text.split()) <= MAX_LABEL_WORDS
        and is_title_line(kept[0].text)
        and read_dateline(kept[0].text) is None
    ):
        dropped.append(kept.pop(0).text)
    return kept


def _standfirst(
    given: str | None, parts: list[Part], dropped: list[str]
) -> tuple[str | None, list[Part]]:
    """An ingress set as the body's first heading ("<h2>Two sentences.</h2>") is its standfirst."""
    if parts and parts[0].kind == "heading" and _reads_as_sentences(parts[0].text):
        if given is None:
            return parts[0].text, parts[1:]
        dropped.append(parts[0].text)
        return given, parts[1:]
    return given, parts


def _dateline(item: WireItem, parts: list[Part]) -> tuple[Dateline | None, list[Part], str | None]:
    """The printed dateline of the body's first paragraph, else the item's dateline element.

    A paragraph before the one that opens with the dateline is a teaser (dpa's
    7901 copy puts one there), given back to be the standfirst.
    """
    first = next((index for index, part in enumerate(parts) if part.kind != "heading"), None)
    if first is not None:
        for index in (first, first + 1):
            if index >= len(parts) or parts[index].kind == "heading":
                break
            found = read_dateline(parts[index].text)
            if found is None:
                continue
            parts = list(parts)
            teaser = None
            if index > first:
                teaser = parts.pop(first).text
                index = first
            if found.rest.strip():
                parts[index] = replace(parts[index], text=found.rest.strip())
            else:
                del parts[index]
            dateline = found.dateline
            if dateline.place is None and item.located:
                dateline = replace(dateline, place=item.located)
            return dateline, parts, teaser
    return _element_dateline(item), parts, None


def _element_dateline(item: WireItem) -> Dateline | None:
    """A dateline from the item's own fields, when they name a place and the item an agency."""
    if item.dateline:
        found = read_dateline(item.dateline.strip())
        if found is not None:
            dateline = found.dateline
            if dateline.place is None and item.located:
                dateline = replace(dateline, place=item.located)
            return dateline
    # The item's first agency (its provider) is the one a printed dateline would name.
    agencies = item.wire.agencies[:1]
    if not agencies:
        return None
    for place in (item.dateline, item.located):
        place = (place or "").strip(DATELINE_MARKS)
        if place and _is_place_name(place):
            return Dateline(place=place, agencies=agencies)
    return None


def _is_link_line(text: str) -> bool:
    """A short line pointing elsewhere, not a sentence of the story."""
    return len(text.split()) <= MAX_LINK_LINE_WORDS and not text.endswith((".", "!", "?", '"'))


def _is_place_name(text: str) -> bool:
    """A bare place such as "Tampere" or "Chur GR" (not "March 3", a date)."""
    words = text.split()
    return (
        len(words) <= 5
        and not any(character.isdigit() for character in text)
        and text[:1].isupper()
    )


def _reads_as_sentences(text: str) -> bool:
    return (
        len(text) > MAX_SUBHEADING_CHARS
        or text.endswith(".")
        or SENTENCE_INSIDE_RE.search(text) is not None
    )


def _kind(part: Part, parts: list[Part], index: int) -> BlockKind:
    """A heading is a sub-heading unless it reads as sentences; plain text is told by its shape."""
    if part.kind == "heading":
        return "paragraph" if _reads_as_sentences(part.text) else "subheading"
    if index == 0 or index + 1 >= len(parts):
        return "paragraph"  # a sub-heading stands between paragraphs
    following = parts[index + 1]
    if following.kind == "heading" or _is_capitals_heading(following.text):
        return "paragraph"
    if _is_capitals_heading(part.text):
        return "subheading"
    if part.kind == "plain" and _is_plain_subheading(part.text, following.text):
        return "subheading"
    return "paragraph"


def _is_capitals_heading(text: str) -> bool:
    """A line in capitals between paragraphs: "UP NEXT", "1. HONG KONG BILL WITHDRAWN"."""
    return (
        len(text) <= MAX_CAPITALS_HEADING_CHARS
        and text.upper() == text
        and not text.endswith((".", ",", ";"))
        and sum(character.isalpha() for character in text) >= MIN_CAPITALS_HEADING_LETTERS
    )


def _is_plain_subheading(text: str, following: str) -> bool:
    """A short title line over a paragraph, as the text parser tells sub-headings."""
    return (
        len(text) <= MAX_PLAIN_SUBHEADING_CHARS
        and len(text.split()) <= MAX_PLAIN_SUBHEADING_WORDS
        and (text[:1].isupper() or text[:1] in OPENING_QUOTES or text.startswith(",,"))
        and is_title_line(text)
        and not is_title_line(following)
    )
