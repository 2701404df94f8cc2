"""Datelines: the "LONDEN (ANP/AFP/RTR) -" that opens a wire story.

A dateline is a place and a date (each optional: Reuters prints
"LONDON, Nov 8 (Reuters) -", some sites just "(AFP) -"), agencies in
parentheses, and a separator: a dash of any width, "=", or the end of the
line when the dateline stands alone. Agencies print a few other forms:
AP's ANPA copy writes its dash as "_", Spanish agencies close with ".-", some
put themselves between slashes ("VOLGOGRAD, March 3. /TASS/.", "Odense
/ritzau/:"), ANSA puts itself first ("(ANSA) - MILANO, MAR 3 -"), Kyodo goes
without parentheses after a date ("OSAKA, March 3 Kyodo -"), and the Swiss
agencies, writing their names in lower case, go without a dash ("Chur (sda) Der").
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
# "_" is ANPA 1312's dash (AP), ".-" the Spanish agencies', ":" the Nordic agencies'.
SEPARATOR_RE = re.compile(r"\s*(?:(?P<sep>\.?[-–—=_]|:)\s*|$)")
# After agencies between slashes a full stop separates too: "/TASS/. Officials".
SLASH_SEPARATOR_RE = re.compile(r"\s*(?:(?P<sep>\.?[-–—=_]|[:.])\s*|$)")
# A dateline printed after the agency: "(ANSA) - MILANO, MAR 3 - ".
TRAILING_HEAD_RE = re.compile(r"(?P<head>[^-–—_()]{2,60}?)\s+[-–—_]\s+")
# The dash after an agency printed without parentheses: "Dec. 9 Kyodo - ".
BARE_SEPARATOR_RE = re.compile(r"\s+[-–—_]\s+")
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
    # "Nov 8", "8 nov.", with a year at times: "18 mars 2026" (AFP), "March 18, 2026";
    # a day and a short month in a language without month names here: "3 mar" (Spanish);
    # day and month in figures: "03/03" (Belga).
    short = r"[^\W\d_]{3,4}\.?"
    date = (
        rf"(?:{month}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
        rf"|\d{{1,2}}\.?\s+(?:{month}|{short})(?:\s+\d{{4}})?"
        rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)"
    )
    word = r"['’]?[^\W\d_][\w'’./-]*"
    place = rf"{word}(?:\s+{word}){{0,{MAX_PLACE_WORDS - 1}}}"
    # AP names the state or country after the place: "KYIV, Ukraine", "SPRINGFIELD, Ill."
    region = rf"{word}(?:\s+{word}){{0,2}}"
    return re.compile(
        rf"(?P<place>{place})(?:\s*,\s*(?P<region>{region}))?(?:\s*,?\s*(?P<date>{date}))?"
        rf"|(?P<dateonly>{date})",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4096)
def read_dateline(text: str) -> DatelineMatch | None:
    """The dateline that opens ``text``, or None when it does not open with one.

    The parentheses (or slashes) are found first and their agencies checked
    before any regex runs on the place: most lines are ruled out with a ``find``.
    """
    opening = text.find("(", 0, MAX_HEAD_CHARS + 1)
    if opening >= 0:
        return _read_marked(text, opening, ")", SEPARATOR_RE)
    opening = text.find("/", 0, MAX_HEAD_CHARS + 1)
    if opening >= 0:
        found = _read_marked(text, opening, "/", SLASH_SEPARATOR_RE)
        if found is not None:
            return found
    return _read_bare(text)


def _read_marked(
    text: str, opening: int, close: str, separators: re.Pattern[str]
) -> DatelineMatch | None:
    """A dateline whose agencies stand in parentheses or between slashes."""
    closing = text.find(close, opening + 1, opening + MAX_AGENCIES_CHARS + 2)
    if closing < 0:
        return None
    agencies = _read_agencies(text[opening + 1 : closing])
    if agencies is None:
        return None
    codes, desk = agencies
    separator = separators.match(text, closing + 1)
    end = separator.end() if separator is not None else _unmarked_end(text, closing + 1, codes)
    if end is None:
        return None
    alone = separator is not None and separator["sep"] is None
    head_text = text[:opening].strip()
    if head_text.endswith(".") and head_text[-2:-1].isdigit():
        head_text = head_text[:-1]  # "VOLGOGRAD, March 3. /TASS/."
    place = date_text = None
    if head_text:
        head = _read_head(head_text, alone=alone)
        if head is None:
            return None
        place, date_text = head
    elif alone:
        return None  # "(AFP)" alone on a line is a credit, not a dateline
    else:
        after = TRAILING_HEAD_RE.match(text, end)
        head = _read_head(after["head"], alone=False) if after is not None else None
        if after is not None and head is not None and head[0] and head[1]:
            place, date_text = head  # "(ANSA) - MILANO, MAR 3 - "
            end = after.end()
    dateline = Dateline(place=place, agencies=codes, date_text=date_text, desk=desk)
    return DatelineMatch(dateline=dateline, rest=text[end:], printed=text[:end].strip())


def _unmarked_end(text: str, start: int, codes: tuple[str, ...]) -> int | None:
    """Where the text starts after agencies written in lower case with no dash ("(sda) Der")."""
    if not all(code == code.lower() for code in codes):
        return None
    if text[start : start + 1] != " " or not text[start + 1 : start + 2].isupper():
        return None
    return start + 1


def _read_head(head_text: str, *, alone: bool) -> tuple[str | None, str | None] | None:
    """The place and date before the agencies, or None when they do not read as such."""
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
    return place, date_text


def _read_bare(text: str) -> DatelineMatch | None:
    """A dateline naming its agency without parentheses, after a date: "OSAKA, March 3 Kyodo -"."""
    separator = BARE_SEPARATOR_RE.search(text, 0, MAX_HEAD_CHARS + MAX_AGENCIES_CHARS)
    if separator is None:
        return None
    before = text[: separator.start()]
    words = before.split()
    for count in (1, 2):
        if len(words) <= count:
            break
        agency = " ".join(words[-count:])
        if agency.casefold() not in AGENCIES or not agency[:1].isupper():
            continue
        head_text = before[: before.rindex(words[-count])].rstrip(" ,")
        head = _read_head(head_text, alone=False)
        if head is None or head[0] is None or head[1] is None:
            return None
        place, date_text = head
        dateline = Dateline(place=place, agencies=(agency,), date_text=date_text)
        end = separator.end()
        return DatelineMatch(dateline=dateline, rest=text[end:], printed=text[:end].strip())
    return None


def _read_agencies(inside: str) -> tuple[tuple[str, ...], str | None] | None:
    """Split "ANP/AFP/RTR" or "afp sda" into agencies; "dpa/lnw" gives a desk."""
    inside = inside.strip()
    if " " in inside and inside.casefold() in AGENCIES:
        return (inside,), None  # one agency of two words: "Europa Press"
    pieces = AGENCY_SPLIT_RE.split(inside)
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
