"""Trailers: what closes a wire story after its last sentence, on a line of its own or glued on.

Agencies end their copy with marks ("./.", "(END)", "NNNN"), their name
("/ritzau/", "(ANSA).", "==Kyodo"), desk initials and credits ("(Reporting by
...)"). Some of these are words a story may also use, so they are read only at
the end of a body, where both the text parser and the wire readers look for them.
The rules are data in ``rules.py``.
"""

from __future__ import annotations

import re
from functools import cache

from wiredesk.model import Block
from wiredesk.parse.furniture import is_furniture
from wiredesk.parse.rules import (
    AGENCIES,
    CLOSING_MARK_PATTERNS,
    GLUED_TRAILER_PATTERNS,
    SIGNATURE_RE,
)
from wiredesk.parse.word_tree import word_tree_regex

# A closing line is short: the longest, AP's "contributed to this report", stays under 300.
MAX_CLOSING_CHARS = 320
# A trailer glued to a paragraph is found in its last characters: "(Reporting by ...;
# Editing by ...)" runs to about 200.
MAX_GLUED_CHARS = 320
# What may close the sentence a trailer is glued to.
SENTENCE_CLOSE = ".!?\"'»”’)"
SENTENCE_CLOSE_RE = re.compile(f"[{re.escape(SENTENCE_CLOSE)}]")
AGENCY_SLOT = "{agency}"
# Titles of teasers or videos printed under a story's closing mark: a few, each short.
MAX_TITLES_AFTER_MARK = 3
MAX_TITLE_AFTER_MARK_CHARS = 160


@cache
def _agency_regex() -> str:
    # A space inside a name ("Europa Press") is any run of spaces.
    return word_tree_regex(AGENCIES).replace(r"\ ", r"\s+")


def _alternatives(patterns: tuple[str, ...]) -> str:
    """The patterns as one regex, "{agency}" in each standing for any known agency."""
    agency = _agency_regex()
    return "|".join(f"(?:{pattern.replace(AGENCY_SLOT, agency)})" for pattern in patterns)


@cache
def closing_mark_regex() -> re.Pattern[str]:
    return re.compile(_alternatives(CLOSING_MARK_PATTERNS), re.IGNORECASE)


# Two closing marks stand anywhere in a long line, after the text they close (AP's "...
# contributed to this report", a newsletter offered under the story): ``.{0,300}`` in their
# patterns makes the regex try every place in the line, 25 µs on a story's last paragraph
# where every other mark is ruled out in half a microsecond (bench/parse_cpu_bench.py,
# 2026-03). They are tried only on lines that hold a word of theirs. The words leave out
# "i", "k" and "s", which an IGNORECASE regex also matches with "ı", "İ", "K" and "ſ": so the
# lower-cased line holds one whenever the regex can match ("contributed", "newsletter",
# "nieuwsbrief", "lettre d'information").
SCANNING_MARK_WORDS = ("buted", "letter", "euw", "lettre")


def _is_scanning(pattern: str) -> bool:
    return pattern.startswith(".{0,")


@cache
def _short_mark_regex() -> re.Pattern[str]:
    short = tuple(p for p in CLOSING_MARK_PATTERNS if not _is_scanning(p))
    return re.compile(_alternatives(short), re.IGNORECASE)


@cache
def _scanning_mark_regex() -> re.Pattern[str]:
    scanning = tuple(p for p in CLOSING_MARK_PATTERNS if _is_scanning(p))
    return re.compile(_alternatives(scanning), re.IGNORECASE)


def is_closing_mark(text: str) -> bool:
    """Whether ``text`` is a closing mark, all of it: what ``closing_mark_regex()`` fully
    matches, told faster (one of its alternatives matches just when the whole does)."""
    if _short_mark_regex().fullmatch(text) is not None:
        return True
    lowered = text.lower()
    return (
        any(word in lowered for word in SCANNING_MARK_WORDS)
        and _scanning_mark_regex().fullmatch(text) is not None
    )


@cache
def glued_trailer_regex() -> re.Pattern[str]:
    return re.compile(_alternatives(GLUED_TRAILER_PATTERNS), re.IGNORECASE)


def is_closing_line(line: str) -> bool:
    """Whether a line at the end of a story closes it rather than tells it."""
    return len(line) <= MAX_CLOSING_CHARS and (is_furniture(line) or is_closing_mark(line.strip()))


def strip_glued_trailer(paragraph: str) -> tuple[str, str | None]:
    """A last paragraph without the trailer glued to its last sentence, and that trailer.

    The trailer is looked for after each sentence close in the paragraph's last
    characters, from the end: "... in the port. (Reporting by ...)".
    """
    start = max(1, len(paragraph) - MAX_GLUED_CHARS)
    regex = glued_trailer_regex()
    # The closes are found by a regex, not by a loop over each of the last 320 characters.
    closes = [
        match.start()
        for match in SENTENCE_CLOSE_RE.finditer(paragraph, start - 1, len(paragraph) - 1)
    ]
    for index in reversed(closes):
        trailer = paragraph[index + 1 :].strip()
        if trailer and regex.fullmatch(trailer):
            kept = paragraph[: index + 1].rstrip()
            return (kept, trailer) if kept else (paragraph, None)
    return paragraph, None


def _closing_mark_before_titles(body: list[Block]) -> int | None:
    """Where a body ends at an agency's closing mark followed only by a few title lines
    (a video's or a teaser's title under the story: "(SID)" / "Olympia: Die 7 neuen…")."""
    index = len(body)
    while index > 0 and len(body) - index < MAX_TITLES_AFTER_MARK and _is_title(body[index - 1]):
        index -= 1
    if index == len(body) or index < 2:
        return None
    mark = body[index - 1]
    if mark.kind != "paragraph" or not is_closing_mark(mark.text.strip()):
        return None
    return index - 1


def _is_title(block: Block) -> bool:
    text = block.text.strip()
    return (
        len(text) <= MAX_TITLE_AFTER_MARK_CHARS
        and not text.rstrip("\"'»”’").endswith(".")
        and not is_closing_mark(text)
    )


def close_body(body: list[Block]) -> tuple[list[Block], list[str]]:
    """A body without its trailers at the end, and the trailers taken off it."""
    dropped: list[str] = []
    body = list(body)
    end = _closing_mark_before_titles(body)
    if end is not None:
        dropped.extend(block.text for block in body[end:])
        body = body[:end]
    while body and body[-1].kind == "paragraph" and is_closing_line(body[-1].text):
        dropped.insert(0, body.pop().text)
    if len(body) > 1 and body[-1].kind == "paragraph" and SIGNATURE_RE.fullmatch(body[-1].text):
        dropped.insert(0, body.pop().text)  # the reporter's name signing the story
    if body and body[-1].kind == "paragraph":
        kept, trailer = strip_glued_trailer(body[-1].text)
        if trailer is not None and kept:
            body[-1] = Block(kind="paragraph", text=kept)
            dropped.insert(0, trailer)
    return body, dropped
