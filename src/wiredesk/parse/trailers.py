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

# A closing line is short: the longest, AP's "contributed to this report", stays under 300.
MAX_CLOSING_CHARS = 320
# What may close the sentence a trailer is glued to.
SENTENCE_CLOSE = ".!?\"'»”’)"
AGENCY_SLOT = "{agency}"


@cache
def _agency_regex() -> str:
    names = sorted(AGENCIES, key=len, reverse=True)
    return "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)


def _alternatives(patterns: tuple[str, ...]) -> str:
    """The patterns as one regex, "{agency}" in each standing for any known agency."""
    agency = _agency_regex()
    return "|".join(f"(?:{pattern.replace(AGENCY_SLOT, agency)})" for pattern in patterns)


@cache
def closing_mark_regex() -> re.Pattern[str]:
    return re.compile(_alternatives(CLOSING_MARK_PATTERNS), re.IGNORECASE)


@cache
def glued_trailer_regex() -> re.Pattern[str]:
    alternatives = _alternatives(GLUED_TRAILER_PATTERNS)
    return re.compile(rf"\s*(?P<trailer>{alternatives})\s*$", re.IGNORECASE)


def is_closing_line(line: str) -> bool:
    """Whether a line at the end of a story closes it rather than tells it."""
    return len(line) <= MAX_CLOSING_CHARS and (
        is_furniture(line) or closing_mark_regex().fullmatch(line.strip()) is not None
    )


def strip_glued_trailer(paragraph: str) -> tuple[str, str | None]:
    """A last paragraph without the trailer glued to its last sentence, and that trailer."""
    found = glued_trailer_regex().search(paragraph)
    if found is None or found.start() == 0:
        return paragraph, None
    kept = paragraph[: found.start()].rstrip()
    if not kept.endswith(tuple(SENTENCE_CLOSE)):
        return paragraph, None  # "... said the AP" is a sentence, not a sign-off
    return kept, found["trailer"].strip()


def close_body(body: list[Block]) -> tuple[list[Block], list[str]]:
    """A body without its trailers at the end, and the trailers taken off it."""
    dropped: list[str] = []
    body = list(body)
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
