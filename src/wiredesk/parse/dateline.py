"""Datelines: the "LONDEN (ANP/AFP/RTR) -" that opens a wire story.

A dateline is a place and a date (each optional: Reuters prints
"LONDON, Nov 8 (Reuters) -", some sites just "(AFP) -"), agencies in
parentheses, and a separator: a dash of any width, "=", or the end of the
line when the dateline stands alone.
Every name in the parentheses must be a known agency (or a regional desk
after one), which keeps look-alikes such as "FEYENOORD (Ned) - Celtic (Sco)
2-1" as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from wiredesk.model import Dateline
from wiredesk.parse.rules import AGENCIES, DESK_AGENCIES
from wiredesk.parse.times import month_regex

# Small words that may stand inside a place name: "Frankfurt am Main", "Den Haag".
PLACE_CONNECTORS = frozenset(
    {"de", "den", "der", "la", "le", "les", "am", "an", "im", "sur", "aan", "op", "upon",
     "bij", "del", "da", "do", "dos", "di", "du", "en", "sous", "ob", "in"}
)  # fmt: skip
MAX_PLACE_WORDS = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class DatelineMatch:
    """A dateline found at the start of a text, and the text after it."""

    dateline: Dateline
    rest: str
    printed: str


@cache
def dateline_regex() -> re.Pattern[str]:
    month = month_regex()
    date = rf"(?:{month}\s+\d{{1,2}}|\d{{1,2}}\.?\s+{month})"
    word = r"['’]?[^\W\d_][\w'’./-]*"
    place = rf"{word}(?:\s+{word}){{0,{MAX_PLACE_WORDS - 1}}}"
    return re.compile(
        rf"(?:(?P<place>{place})(?:\s*,\s*(?P<date>{date}))?|(?P<dateonly>{date}))?"
        r"\s*\((?P<agencies>[^()\n]{1,60})\)\s*(?:(?P<sep>[-–—=])\s*|$)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4096)
def read_dateline(text: str) -> DatelineMatch | None:
    """The dateline that opens ``text``, or None when it does not open with one."""
    if "(" not in text[:120]:
        return None
    match = dateline_regex().match(text)
    if match is None:
        return None
    agencies = _read_agencies(match["agencies"])
    if agencies is None:
        return None
    place = match["place"]
    alone = match["sep"] is None
    if alone and match.start("agencies") == 1:
        return None  # "(AFP)" alone on a line is a credit, not a dateline
    if place is not None and not _is_place(place, alone=alone):
        return None
    codes, desk = agencies
    dateline = Dateline(
        place=place,
        agencies=codes,
        date_text=match["date"] or match["dateonly"],
        desk=desk,
    )
    return DatelineMatch(
        dateline=dateline, rest=text[match.end() :], printed=match.group(0).strip()
    )


def _read_agencies(inside: str) -> tuple[tuple[str, ...], str | None] | None:
    """Split "ANP/AFP/RTR" or "afp sda" into agencies; "dpa/lnw" gives a desk."""
    pieces = re.split(r"(\s*[/,;+]\s*|\s+)", inside.strip())
    codes: list[str] = []
    desk: str | None = None
    previous = ""
    for index in range(0, len(pieces), 2):
        token = pieces[index]
        joiner = pieces[index - 1].strip() if index else ""
        if token.casefold() in AGENCIES:
            codes.append(token)
        elif (
            desk is None
            and joiner == "/"
            and previous.casefold() in DESK_AGENCIES
            and re.fullmatch(r"[a-z]{2,4}", token)
        ):
            desk = token
        else:
            return None
        previous = token
    if not codes:
        return None
    return tuple(codes), desk


def _is_place(place: str, *, alone: bool) -> bool:
    """Whether a run of words reads as a place name: each capitalised but small connectors."""
    words = place.split()
    if len(place) > 40:
        return False
    for word in words:
        letters = word.lstrip("'’")
        if not letters:
            return False
        if letters[0].isupper():
            continue
        if word.casefold() in PLACE_CONNECTORS and word is not words[0]:
            continue
        return False
    # A dateline alone on its line must look like one: one word ("Berlin") or
    # capitals ("DEN HAAG"); a photo credit "Remko de Waal (ANP)" stays out.
    return not alone or len(words) == 1 or place.upper() == place
