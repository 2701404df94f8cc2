"""Datelines: the "LONDEN (ANP/AFP/RTR) -" that opens a wire story.

A dateline is a place and a date (each optional: Reuters prints
"LONDON, Nov 8 (Reuters) -", some sites just "(AFP) -"), agencies in
parentheses, and a separator: a dash of any width, "=", or the end of the
line when the dateline stands alone.
The agencies in the parentheses are read by shape: a known agency code (or a
regional desk after one), or any short code that stands where an agency
does ("BERN (sda) -", "DEN HAAG (Novum) -"); the list of known codes is a
prior, not a gate. Look-alikes such as a results line "FEYENOORD (Ned) -
Celtic (Sco) 2-1", whose text goes on with another code and a score, stay
plain text.

A place with no agency is a dateline too ("ROTTERDAM -", "Hamburg -",
"BERLIN --", German papers' "Berlin. "), read only where a story's first
paragraph opens: ``read_bare_dateline``.
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
# After the parentheses: a dash of any width (AP's "--" and ANPA's "_" too), "=", ":",
# the end of the line, or nothing before the text's first capital ("London (CNN) It was").
SEPARATOR_RE = re.compile(r"\s*(?:(?P<sep>--|[-–—=:_])\s*|$|(?P<none>(?=[\"“„«A-ZÀ-Þ])))")
# A code that may name an agency not in the list: letters, a few of them, maybe a hyphen.
AGENCY_CODE_RE = re.compile(r"[^\W\d_][\w-]{1,11}")
# What follows a results line's first team: "Celtic (Sco) 2-1", "PSV (Ned) 3-3".
RESULT_RE = re.compile(r"\(\w{2,4}\)|\b\d+\s*-\s*\d+\b")
# A place alone before a dash opens a first paragraph: "ROTTERDAM - De politie ...".
BARE_SEPARATOR_RE = re.compile(r"\s*(?:--|[-–—=])\s+|\.\s+(?=[A-ZÀ-Þ])")
# A bare dateline is followed by a sentence of at least this many words, and its place
# has at most this many ("LE POINT SUR LA SITUATION -" is a kicker).
MIN_BARE_REST_WORDS = 6
MAX_BARE_PLACE_WORDS = 3
# Words that open a sentence and are no place: "Update - ...", "Ja. Die ...".
NOT_PLACES = frozenset(
    {"update", "live", "video", "foto", "ja", "nee", "nein", "oui", "non", "yes", "no",
     "kommentar", "commentaar", "analyse", "analysis", "interview", "opinie", "meinung",
     "exclusive", "exklusiv", "breaking", "eilmeldung", "urgent", "news", "nieuws"}
)  # fmt: skip
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
    # in figures: ANSA's "12/09", "12.09.2026"
    date = (
        rf"(?:{month}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\.?\s+{month}(?:\s+\d{{4}})?"
        r"|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)"
    )
    word = r"['’]?[^\W\d_][\w'’./-]*"
    place = rf"{word}(?:\s+{word}){{0,{MAX_PLACE_WORDS - 1}}}"
    # AP names the state or country after the place: "KYIV, Ukraine", "SPRINGFIELD, Ill."
    region = rf"{word}(?:\s+{word}){{0,2}}"
    return re.compile(
        rf"(?P<place>{place})(?:\s*,\s*(?P<region>{region}))?(?:(?:\s*,\s*|\s+)(?P<date>{date}))?"
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
    codes, desk, is_known = agencies
    if separator["none"] is not None and (place is None or not _is_place(place, alone=True)):
        return None  # no separator: only "London (CNN) It was", not a credit in a sentence
    end = separator.end()
    if not is_known and RESULT_RE.search(text, end, end + 40):
        return None  # "FEYENOORD (Ned) - Celtic (Sco) 2-1": a results line
    dateline = Dateline(place=place, agencies=codes, date_text=date_text, desk=desk)
    return DatelineMatch(dateline=dateline, rest=text[end:], printed=text[:end].strip())


@lru_cache(maxsize=4096)
def read_bare_dateline(text: str) -> DatelineMatch | None:
    """A place with no agency that opens a story's first paragraph ("ROTTERDAM - De
    politie ...", "Berlin. Die Feuerwehr ..."), or None.

    Only for the start of a story's text: anywhere else a capitalised word and
    a dash are too common to be read as a dateline.
    """
    separator = BARE_SEPARATOR_RE.search(text, 0, MAX_HEAD_CHARS + 4)
    if separator is None or separator.start() == 0:
        return None
    place = text[: separator.start()].strip()
    rest = text[separator.end() :]
    if len(rest.split()) < MIN_BARE_REST_WORDS or (
        not rest[:1].isupper() and rest[:1] not in '"“„«'
    ):
        return None
    head = head_regex().fullmatch(place)
    if head is None or head["place"] is None or head["date"] is not None:
        return None
    words = place.split()
    if len(words) > MAX_BARE_PLACE_WORDS:
        return None
    if not _is_place(place, alone=False) or words[0].casefold() in NOT_PLACES:
        return None
    if separator.group().strip() == "." and (len(words) > 2 or place.upper() == place):
        return None  # "Berlin. Die ..." is how German papers print it; caps use dashes
    dateline = Dateline(place=place, agencies=())
    return DatelineMatch(dateline=dateline, rest=rest, printed=text[: separator.end()].strip())


def _read_agencies(inside: str) -> tuple[tuple[str, ...], str | None, bool] | None:
    """Split "ANP/AFP/RTR" or "afp sda" into agencies; "dpa/lnw" gives a desk. The last
    value says whether every code is a known agency's."""
    pieces = AGENCY_SPLIT_RE.split(inside.strip())
    codes: list[str] = []
    desk: str | None = None
    previous = ""
    is_known = True
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
        elif (len(pieces) <= 5 and AGENCY_CODE_RE.fullmatch(token) and not token.islower()) or (
            token.islower() and 2 <= len(token) <= 4
        ):
            codes.append(token)  # an agency the list does not know: "(Novum)", "(CNN)"
            is_known = False
        else:
            return None
        previous = token
    if not codes:
        return None
    return tuple(codes), desk, is_known


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
