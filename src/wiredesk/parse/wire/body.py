"""A wire story's body as its parts: paragraphs and headings from markup, or from plain text.

Agencies send bodies as NITF ``body.content``, XHTML inside NewsML-G2, HTML
strings in JSON, or plain text: hard-wrapped telex copy and preformatted
blocks. Whatever the form, the body comes out as a list of ``Part``s in
reading order: what the markup calls a paragraph or a heading, and for plain
text, paragraphs that the assembly tells sub-headings among. Pictures, tables,
scripts and notes are left out (pictures travel as metadata, see ``Wire.media``).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from lxml import etree, html

from wiredesk.parse.lines import clean_line
from wiredesk.parse.wire.rules import (
    CONTAINER_ELEMENTS,
    HEADING_ELEMENTS,
    PARAGRAPH_ELEMENTS,
    SKIPPED_CLASSES,
    SKIPPED_ELEMENTS,
)
from wiredesk.parse.wire.safe_xml import local_name

PartKind = Literal["paragraph", "heading", "plain"]
BLOCK_ELEMENTS = PARAGRAPH_ELEMENTS | HEADING_ELEMENTS | CONTAINER_ELEMENTS | SKIPPED_ELEMENTS
# Longest run of leading spaces or tabs read as indentation (a tab counts as one).
MAX_INDENT = 12
# Hard-wrapped copy: the width is read at this share of the lines, so one long line does not
# set it; it lies between these; most lines that go on come near it; wrappers differ by a
# character or two in where they break. (As ``lines.py`` reads site copy.)
WIDTH_PERCENTILE = 0.9
MIN_WRAP_WIDTH = 30
MAX_WRAP_WIDTH = 100
MIN_WRAPPED_LINES = 3
NEAR_WIDTH = 0.8
MIN_NEAR_SHARE = 0.6
WRAP_SLACK = 3
SENTENCE_END = tuple('.!?:;"”’»)')


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """One piece of a body as its source marks it: a paragraph, a heading, or plain text."""

    kind: PartKind
    text: str
    # Most of its text is a link: "Read the fact check on example.org" closing a story.
    is_link: bool = False


def read_markup(element: etree._Element) -> list[Part]:
    """The parts of a body held in XML or HTML elements (NITF, XHTML, HTML)."""
    parts: list[Part] = []
    _walk(element, parts)
    return parts


def read_html(markup: str) -> list[Part]:
    """The parts of a body given as an HTML string (NINJS ``body_html``, agency JSON)."""
    if not markup.strip():
        return []
    if "<" not in markup:
        return read_plain(markup)
    parser = html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = html.fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        return read_plain(markup)
    return read_markup(root)


def read_plain(text: str) -> list[Part]:
    """Paragraphs of plain wire text: blank lines and indented first lines part them.

    Telex copy is hard-wrapped with an indented first line (Kyodo, ANSA), or
    with blank lines between paragraphs (dpa), or sent one line per paragraph
    (AP). Within a paragraph a line is joined to the one before when that one
    was wrapped: the next word would not have fitted on it.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    indents = [_indent(line) for line in lines if line]
    if not indents:
        return []
    # The indentation most lines share (the smaller on a tie) is no paragraph mark.
    counts = Counter(indents)
    base = min(counts, key=lambda indent: (-counts[indent], indent))
    width = _wrap_width(lines)
    # Too few lines to measure (a flash, a two-paragraph item): the longest line is the
    # width, and a line that ends a sentence is taken to end its paragraph.
    is_measured = width is not None
    if width is None:
        longest = max(len(line) for line in lines)
        width = longest if MIN_WRAP_WIDTH <= longest <= MAX_WRAP_WIDTH else None
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        opens = not line or _indent(line) > base
        goes_on = (
            (
                width is not None
                and _was_wrapped(current[-1], line, width)
                and (is_measured or not current[-1].endswith(SENTENCE_END))
            )
            if current
            else False
        )
        if current and (opens or not goes_on):
            paragraphs.append(" ".join(piece.strip() for piece in current))
            current = []
        if line:
            current.append(line)
    if current:
        paragraphs.append(" ".join(piece.strip() for piece in current))
    return [
        Part(kind="plain", text=cleaned) for text in paragraphs if (cleaned := clean_line(text))
    ]


def _indent(line: str) -> int:
    stripped = line.lstrip(" \t")
    return min(len(line) - len(stripped), MAX_INDENT)


def _wrap_width(lines: list[str]) -> int | None:
    """The width plain copy was wrapped at, or None when each line is a paragraph of its own.

    Measured on lines that another line follows, indentation included: the
    wrapper counted it.
    """
    continued = [(line, following) for line, following in pairwise(lines) if line and following]
    if len(continued) < MIN_WRAPPED_LINES:
        return None
    lengths = sorted(len(line) for line, _ in continued)
    width = lengths[int(len(lengths) * WIDTH_PERCENTILE)]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    near = [(line, following) for line, following in continued if len(line) >= width * NEAR_WIDTH]
    # Wrapped lines stop mid-sentence, often with the sentence going on in lower case;
    # a list of titles, each over its paragraph, does neither.
    open_ended = sum(not line.endswith(SENTENCE_END) for line, _ in near)
    lowercase = sum(following.lstrip()[:1].islower() for _, following in near)
    if (
        len(near) < len(continued) * MIN_NEAR_SHARE
        or open_ended * 2 < len(near)
        or lowercase * 4 < len(near)
    ):
        return None
    return width


def _was_wrapped(line: str, following: str, width: int) -> bool:
    """A line was wrapped when the next line's first word would not have fitted on it."""
    first_word = following.split(None, 1)[0] if following.strip() else ""
    return len(line) + 1 + len(first_word) > width - WRAP_SLACK


def _walk(element: etree._Element, parts: list[Part]) -> None:
    name = local_name(element).lower()
    if name in SKIPPED_ELEMENTS or _has_skipped_class(element):
        return
    if name == "pre":
        parts.extend(read_plain(_text(element, keep_lines=True)))
        return
    if (name in PARAGRAPH_ELEMENTS or name in HEADING_ELEMENTS) and not _holds_blocks(element):
        text = _clean(_text(element))
        if text:
            kind: PartKind = "heading" if name in HEADING_ELEMENTS else "paragraph"
            parts.append(Part(kind=kind, text=text, is_link=_is_link(element, text)))
        return
    run: list[str] = [element.text or ""]
    for child in element:
        child_name = local_name(child).lower()
        if child_name == "br":
            _flush(run, parts)
        elif child_name in BLOCK_ELEMENTS or (child_name and _holds_blocks(child)):
            _flush(run, parts)
            _walk(child, parts)
        elif child_name:
            _gather(child, run)
        run.append(child.tail or "")
    _flush(run, parts)


def _flush(run: list[str], parts: list[Part]) -> None:
    """Text standing loose in a container between its blocks is a paragraph of its own."""
    text = _clean("".join(run))
    if text:
        parts.append(Part(kind="paragraph", text=text))
    run.clear()


def _is_link(element: etree._Element, text: str) -> bool:
    """Whether a paragraph points elsewhere: mostly a link, or ending in one ("Read it on X")."""
    links = [_clean(_text(link)) for link in element.iter("{*}a", "a")]
    linked = sum(len(link) for link in links)
    return bool(links) and (linked * 2 >= len(text) or text.endswith(links[-1]))


def _holds_blocks(element: etree._Element) -> bool:
    """Whether an element holds block elements (a <p> inside a <p>, paragraphs in an <h4>)."""
    return any(local_name(inner).lower() in BLOCK_ELEMENTS for inner in element.iterdescendants())


def _has_skipped_class(element: etree._Element) -> bool:
    classes = element.get("class")
    return classes is not None and not SKIPPED_CLASSES.isdisjoint(classes.lower().split())


def _text(element: etree._Element, *, keep_lines: bool = False) -> str:
    pieces: list[str] = [element.text or ""]
    for child in element:
        _gather(child, pieces, keep_lines=keep_lines)
        pieces.append(child.tail or "")
    return "".join(pieces)


def _gather(element: etree._Element, pieces: list[str], *, keep_lines: bool = False) -> None:
    """The text of an inline element into ``pieces``: comments, pictures and scripts left out."""
    name = local_name(element).lower()
    if not name or name in SKIPPED_ELEMENTS:
        return  # a comment's or a picture's tail is added by the caller
    if name == "br":
        pieces.append("\n" if keep_lines else " ")
        return
    pieces.append(element.text or "")
    for child in element:
        _gather(child, pieces, keep_lines=keep_lines)
        pieces.append(child.tail or "")


def _clean(text: str) -> str:
    return clean_line(text.replace("\n", " "))
