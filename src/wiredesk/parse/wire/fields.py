"""Reading a wire item's field values: text, numbers, times, language tags and agency names.

Agencies write the same value many ways: times as ISO 8601 or in NewsML 1.2's
compact ``20140829T134951+0000``, a provider as ``nprov:dpa``, ``afp.com`` or
``http://www.acmenews.com/``. These functions read each kind once, for every
reader, and give ``None`` for a value that is missing or cannot be read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone

from wiredesk.parse.lines import clean_line
from wiredesk.parse.wire.rules import (
    IPTC_SCHEMES,
    PUB_STATUSES,
    SIGNAL_WORDS,
    SUBJECT_CODE_RE,
)

# NewsML 1.2 and NITF write times without separators: "20140829T134951+0000",
# "20190603T160217", "20240710"; NITF at times with them but no "T": "2022-07-11 18:33".
COMPACT_TIME_RE = re.compile(
    r"(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?"
)
# A domain or address standing for an agency: "reuters.com", "www.sda-ats.ch",
# "http://www.acmenews.com/about/"; the name is the part before the top-level domain.
DOMAIN_RE = re.compile(r"(?:[a-z]+://)?(?:www\.)?(?P<name>[\w-]+)\.[a-z]{2,6}(?:[/:].*)?", re.I)
# The scheme prefix of a G2 QCode: "nprov:dpa", "is:AP".
QCODE_RE = re.compile(r"[\w-]{1,30}:(?P<code>[^:/\s]+)")
WORD_RE = re.compile(r"[^\W\d_]+")
# Marks around an agency's name in a credit line: "NTB–", "(AFP)", "© ANP".
NAME_TRIM = " \t-–—:;,.()[]©"


def text_of(value: object) -> str | None:
    """A value as one clean line of text, or None when it holds none."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = clean_line(str(value).replace("\n", " "))
    return text or None


def number_of(value: object) -> int | None:
    """A whole number, or None: "4" and 4 give 4, "" and "N/A" give None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = text_of(value)
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def urgency_of(value: object) -> int | None:
    """An urgency or priority 1-9, or None when out of range."""
    number = number_of(value)
    return number if number is not None and 1 <= number <= 9 else None


def time_of(value: object) -> datetime | None:
    """A time as a datetime: aware when the value gives its offset, naive when it does not."""
    text = text_of(value)
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    found = COMPACT_TIME_RE.fullmatch(text)
    if found is None:
        return None
    try:
        moment = datetime(
            int(found["y"]),
            int(found["m"]),
            int(found["d"]),
            int(found["H"] or 0),
            int(found["M"] or 0),
            int(found["S"] or 0),
        )
    except ValueError:
        return None
    zone = found["zone"]
    if zone is None:
        return moment
    if zone == "Z":
        return moment.replace(tzinfo=UTC)
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    try:
        return moment.replace(tzinfo=timezone(sign * offset))
    except ValueError:
        return None


def language_of(value: object) -> str | None:
    """The language of a tag as ISO 639: "en-GB" gives "en", "FR" gives "fr"."""
    text = text_of(value)
    if text is None:
        return None
    code = re.split(r"[-_]", text, maxsplit=1)[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def pub_status_of(value: object) -> str | None:
    """A publishing status in G2's words ("stat:canceled", "Canceled", "cancelled")."""
    text = text_of(value)
    if text is None:
        return None
    return PUB_STATUSES.get(text.rpartition(":")[2].casefold())


def agency_names(value: object) -> list[str]:
    """The agencies a provider, source or credit names: "nprov:dpa" gives ["dpa"],
    "ANP/BELGA" gives ["ANP", "BELGA"], "reuters.com" gives ["reuters"]."""
    text = text_of(value)
    if text is None:
        return []
    qcode = QCODE_RE.fullmatch(text)
    if qcode is not None and "://" not in text:
        text = qcode["code"]
    domain = DOMAIN_RE.fullmatch(text)
    if domain is not None:
        return [domain["name"]]
    names = [piece.strip(NAME_TRIM) for piece in text.split("/")]
    return [name for name in names if name and any(character.isalpha() for character in name)]


def subject_code(value: object) -> str | None:
    """A subject's code as a QCode: "04000000" gives "subj:04000000", an IPTC address
    ".../newscodes/mediatopic/20000139" gives "medtop:20000139"; other codes as given."""
    text = text_of(value)
    if text is None:
        return None
    if SUBJECT_CODE_RE.fullmatch(text):
        return f"subj:{text}"
    for address, prefix in IPTC_SCHEMES.items():
        found = text.find(address)
        if found >= 0:
            return prefix + text[found + len(address) :].strip("/")
    return text


def signals_in(text: str) -> list[str]:
    """What the words of a note or a version line mark an item as ("CORRECTS": a correction)."""
    return [SIGNAL_WORDS[word] for word in WORD_RE.findall(text.casefold()) if word in SIGNAL_WORDS]


def unique(values: Iterable[str | None]) -> tuple[str, ...]:
    """The values in order, each once (compared without case), empty ones left out."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            kept.append(value)
    return tuple(kept)
