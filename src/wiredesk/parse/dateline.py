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
The agencies in parentheses are read by shape: a known agency code (or a
regional desk after one), or any short code that stands where an agency
does ("BERN (sda) -", "DEN HAAG (Novum) -"); the list of known codes is a
prior, not a gate. Look-alikes such as a results line "FEYENOORD (Ned) -
Celtic (Sco) 2-1", whose text goes on with another code and a score, stay
plain text. A place with no separator after its agency is read when a
capital follows ("London (CNN) It was").

A place with no agency is a dateline too ("ROTTERDAM -", "Hamburg -",
"BERLIN --", German papers' "Berlin. "), read only where a story's first
paragraph opens: ``read_place_dateline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from wiredesk.model import Dateline
from wiredesk.parse.rules import AGENCIES, DESK_AGENCIES
from wiredesk.parse.times import DIGIT_RE, month_regex

# Small words that may stand inside a place name: "Frankfurt am Main", "Den Haag".
PLACE_CONNECTORS = frozenset(
    {"de", "den", "der", "la", "le", "les", "am", "an", "im", "sur", "aan", "op", "upon",
     "bij", "del", "da", "do", "dos", "di", "du", "en", "sous", "ob", "in"}
)  # fmt: skip
MAX_PLACE_WORDS = 5
MAX_HEAD_CHARS = 60  # place and date before the parentheses
MAX_AGENCIES_CHARS = 60
# "_" is ANPA 1312's dash (AP), ".-" the Spanish agencies', ":" the Nordic agencies'.
SEPARATOR_RE = re.compile(r"\s*(?:(?P<sep>--|\.?[-–—=_]|:)\s*|$)")
# After agencies between slashes a full stop separates too: "/TASS/. Officials".
SLASH_SEPARATOR_RE = re.compile(r"\s*(?:(?P<sep>\.?[-–—=_]|[:.])\s*|$)")
# A dateline printed after the agency: "(ANSA) - MILANO, MAR 3 - ".
TRAILING_HEAD_RE = re.compile(r"(?P<head>[^-–—_()]{2,60}?)\s+[-–—_]\s+")
# The dash after an agency printed without parentheses: "Dec. 9 Kyodo - ".
BARE_SEPARATOR_RE = re.compile(r"\s+[-–—_]\s+")
# A code that may name an agency not in the list: letters, a few of them, maybe a hyphen.
AGENCY_CODE_RE = re.compile(r"[^\W\d_][\w-]{1,11}")
# What follows a results line's first team: "Celtic (Sco) 2-1", "PSV (Ned) 3-3".
RESULT_RE = re.compile(r"\(\w{2,4}\)|\b\d+\s*-\s*\d+\b")
# The text after agencies with no separator starts with a capital or a quote.
CAPITAL_RE = re.compile(r"\s*(?=[\"“„«A-ZÀ-Þ])")
# A place alone before a dash opens a first paragraph: "ROTTERDAM - De politie ...".
PLACE_SEPARATOR_RE = re.compile(r"\s*(?:--|[-–—=])\s+|\.\s+(?=[A-ZÀ-Þ])")
# A place with no agency is followed by a sentence of at least this many words, and has
# at most this many ("LE POINT SUR LA SITUATION -" is a kicker).
MIN_PLACE_REST_WORDS = 6
MAX_PLACE_ONLY_WORDS = 3
# Words that open a sentence and are no place: "Update - ...", "Ja. Die ...".
NOT_PLACES = frozenset(
    {"update", "live", "video", "foto", "ja", "nee", "nein", "oui", "non", "yes", "no",
     "kommentar", "commentaar", "analyse", "analysis", "interview", "opinie", "meinung",
     "exclusive", "exklusiv", "breaking", "eilmeldung", "urgent", "news", "nieuws"}
)  # fmt: skip
# One search for the dash an agency without parentheses stands before: " - ", " – ", " — ",
# " _ " (asked of every line a wire copy wraps, it rules out most of them).
BARE_DASH_RE = re.compile(" [-–—_] ")
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
        rf"|\d{{1,2}}[./]\d{{1,2}}(?:[./]\d{{2,4}})?)"
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


def may_open_dateline(text: str) -> bool:
    """Whether ``text`` holds what every dateline ``read_dateline`` reads holds: the
    parenthesis or slash before its agencies, or the dash between spaces after an agency
    printed bare. False means ``read_dateline`` finds none (a test keeps this true).

    Wrapped copy asks it of every line it continues (four in five of such a page's lines,
    none of which reads ``read_dateline``'s cache before): six ``in`` tests take a sixth of
    that call's time, and rule out most lines.
    """
    return (
        "(" in text
        or "/" in text
        or " - " in text
        or " – " in text
        or " — " in text
        or " _ " in text
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
    agencies = _read_agencies(text[opening + 1 : closing], is_open=close == ")")
    if agencies is None:
        return None
    codes, desk, is_known = agencies
    separator = separators.match(text, closing + 1)
    end = separator.end() if separator is not None else _unmarked_end(text, closing + 1, codes)
    needs_place = False
    if end is None:
        capital = CAPITAL_RE.match(text, closing + 1) if close == ")" else None
        if capital is None:
            return None
        end, needs_place = capital.end(), True  # "London (CNN) It was"
    if not is_known and RESULT_RE.search(text, end, end + 40):
        return None  # "FEYENOORD (Ned) - Celtic (Sco) 2-1": a results line
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
    if needs_place and (place is None or not _is_place(place, alone=True)):
        return None  # a credit inside a sentence: "Het kabinet (ANP) Zegt"
    dateline = Dateline(place=place, agencies=codes, date_text=date_text, desk=desk)
    return DatelineMatch(dateline=dateline, rest=text[end:], printed=text[:end].strip())


@lru_cache(maxsize=4096)
def read_place_dateline(text: str) -> DatelineMatch | None:
    """A place with no agency that opens a story's first paragraph ("ROTTERDAM - De
    politie ...", "Berlin. Die Feuerwehr ..."), or None.

    Only for the start of a story's text: anywhere else a capitalised word and
    a dash are too common to be read as a dateline.
    """
    separator = PLACE_SEPARATOR_RE.search(text, 0, MAX_HEAD_CHARS + 4)
    if separator is None or separator.start() == 0:
        return None
    place = text[: separator.start()].strip()
    rest = text[separator.end() :]
    if len(rest.split()) < MIN_PLACE_REST_WORDS or (
        not rest[:1].isupper() and rest[:1] not in '"“„«'
    ):
        return None
    head = head_regex().fullmatch(place)
    if head is None or head["place"] is None or head["date"] is not None:
        return None
    words = place.split()
    if len(words) > MAX_PLACE_ONLY_WORDS:
        return None
    if not _is_place(place, alone=False) or words[0].casefold() in NOT_PLACES:
        return None
    if separator.group().strip() == "." and (len(words) > 2 or place.upper() == place):
        return None  # "Berlin. Die ..." is how German papers print it; caps use dashes
    dateline = Dateline(place=place, agencies=())
    return DatelineMatch(dateline=dateline, rest=rest, printed=text[: separator.end()].strip())


def _unmarked_end(text: str, start: int, codes: tuple[str, ...]) -> int | None:
    """Where the text starts after agencies written in lower case with no dash ("(sda) Der")."""
    if not all(code == code.lower() for code in codes):
        return None
    if text[start : start + 1] != " " or not text[start + 1 : start + 2].isupper():
        return None
    return start + 1


# A page's datelines name a few places and agencies again and again ("WASHINGTON",
# "ANP/RTR"), on lines that differ (``read_dateline``'s cache misses them): their parts are
# kept. On the generated pages (bench/generate.py) nineteen in twenty heads and all but one
# in three hundred agencies were read before, and the two took a fifth of the datelines' time.
@lru_cache(maxsize=1024)
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
    if BARE_DASH_RE.search(text, 0, MAX_HEAD_CHARS + MAX_AGENCIES_CHARS) is None:
        return None  # no dash after the agency: most lines end here
    if DIGIT_RE.search(text, 0, MAX_HEAD_CHARS) is None:
        return None  # no date before the agency
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


@lru_cache(maxsize=1024)  # see ``_read_head``
def _read_agencies(
    inside: str, *, is_open: bool
) -> tuple[tuple[str, ...], str | None, bool] | None:
    """Split "ANP/AFP/RTR" or "afp sda" into agencies; "dpa/lnw" gives a desk. The last
    value says whether every code is a known agency's: with ``is_open`` (parentheses) a
    short code the list does not know is taken for one ("(Novum)", "(CNN)")."""
    inside = inside.strip()
    if inside.casefold() in AGENCIES:
        return (inside,), None, True  # one agency, of one word or two: "AP", "Europa Press"
    pieces = AGENCY_SPLIT_RE.split(inside)
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
        elif is_open and len(pieces) <= 5 and _is_agency_code(token):
            codes.append(token)
            is_known = False
        else:
            return None
        previous = token
    if not codes:
        return None
    return tuple(codes), desk, is_known


def _is_agency_code(token: str) -> bool:
    """A short code that may be an agency's: "Novum", "CNN", "sda"."""
    if token.islower():
        return 2 <= len(token) <= 4 and token.isalpha()
    return AGENCY_CODE_RE.fullmatch(token) is not None


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
