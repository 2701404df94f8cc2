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
MAX_HEAD_CHARS = 60  # place and date before the parentheses
MAX_AGENCIES_CHARS = 60
SEPARATOR_RE = re.compile(r"\s*(?:(?P<sep>[-–—=])\s*|$)")
AGENCY_SPLIT_RE = re.compile(r"(\s*[/,;+]\s*|\s+)")
DESK_RE = re.compile(r"[a-z]{2,4}")


@dataclass(frozen=True, slots=True, kw_only=True)
class DatelineMatch:
    """A dateline found at the start of a text, and the text after it."""

    dateline: Dateline
    rest: str
    printed: str


@cache
def head_regex() -> re.Pattern[str]:
    """What may stand before the parentheses: a place, a place and a date, or a date."""
    month = month_regex()
    # "Nov 8", "8 nov.", with a year at times: "18 mars 2026" (AFP), "March 18, 2026"
    date = rf"(?:{month}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\.?\s+{month}(?:\s+\d{{4}})?)"
    word = r"['’]?[^\W\d_][\w'’./-]*"
    place = rf"{word}(?:\s+{word}){{0,{MAX_PLACE_WORDS - 1}}}"
    # AP names the state or country after the place: "KYIV, Ukraine", "SPRINGFIELD, Ill."
    region = rf"{word}(?:\s+{word}){{0,2}}"
    return re.compile(
        rf"(?P<place>{place})(?:\s*,\s*(?P<region>{region}))?(?:\s*,\s*(?P<date>{date}))?"
        rf"|(?P<dateonly>{date})",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4096)
def read_dateline(text: str) -> DatelineMatch | None:
    """The dateline that opens ``text``, or None when it does not open with one.

    The parentheses are found first and their agencies checked before any
    regex runs on the place: most lines are ruled out with a ``find``.
    """
    opening = text.find("(", 0, MAX_HEAD_CHARS + 1)
    if opening < 0:
        return None
    closing = text.find(")", opening + 1, opening + MAX_AGENCIES_CHARS + 2)
    if closing < 0:
        return None
    agencies = _read_agencies(text[opening + 1 : closing])
    if agencies is None:
        return None
    separator = SEPARATOR_RE.match(text, closing + 1)
    if separator is None:
        return None
    alone = separator["sep"] is None
    head_text = text[:opening].strip()
    place = date_text = None
    if head_text:
        head = head_regex().fullmatch(head_text)
        if head is None:
            return None
        place, date_text = head["place"], head["date"] or head["dateonly"]
        if place is not None and not _is_place(place, alone=alone):
            return None
        if head["region"]:
            if not _is_place(head["region"], alone=False):
                return None
            place = f"{place}, {head['region']}"
    elif alone:
        return None  # "(AFP)" alone on a line is a credit, not a dateline
    codes, desk = agencies
    dateline = Dateline(place=place, agencies=codes, date_text=date_text, desk=desk)
    end = separator.end()
    return DatelineMatch(dateline=dateline, rest=text[end:], printed=text[:end].strip())


def _read_agencies(inside: str) -> tuple[tuple[str, ...], str | None] | None:
    """Split "ANP/AFP/RTR" or "afp sda" into agencies; "dpa/lnw" gives a desk."""
    pieces = AGENCY_SPLIT_RE.split(inside.strip())
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
            and DESK_RE.fullmatch(token)
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
