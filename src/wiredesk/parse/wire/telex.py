"""IPTC 7901 and ANPA 1312: agency copy as telex text, read into a ``WireItem``.

A telex message is cut by its control characters: SOH opens the header (7901's
service, number, priority, category and word count, or ANPA's service line and
selector line, then dpa's keyword line), STX the text, ETX closes the text (a
date-time line follows) and EOT the message. Teleprinter copy uses "ZCZC" and
"NNNN" instead. The text opens with header lines — version lines, notes in
parentheses, the headline, the byline — that end at 7901's " =" mark, at AP's
"^...=" byline lines, or where the indented body starts. After the body dpa
puts its notes under a Markdown heading ("# Hinweise"). Files come in UTF-8
or in an 8-bit set (ISO-8859-1, cp1252): both are read without being told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from wiredesk.model import Subject, Wire
from wiredesk.parse.decode import guess_single_byte
from wiredesk.parse.rules import AGENCIES
from wiredesk.parse.text import is_byline
from wiredesk.parse.times import month_names
from wiredesk.parse.wire.body import read_plain
from wiredesk.parse.wire.fields import WORD_RE, signals_in, unique
from wiredesk.parse.wire.item import WireItem
from wiredesk.parse.wire.rules import (
    ANPA_SELECTOR_RE,
    ANPA_SERVICE_RE,
    ANPA_URGENCY,
    BUDGET_SLUG_RE,
    EDITOR_NOTE_RE,
    END_OF_MESSAGE_RE,
    EOT,
    ETX,
    FORMAT_CODE_PREFIX,
    HEADER_LINE_ENDS,
    IPTC7901_HEADER_RE,
    KEYWORD_LINE_RE,
    LEAD_COUNT_RE,
    NOTES_START_RE,
    SOH,
    STX,
    SYN,
    TELEX_NOISE_RE,
    US,
    VERSION_LINE_RE,
    ZCZC_FIELD_PREFIXES,
    ZCZC_RE,
)

# The date-time line after ETX: 7901's "031422 GMT Mär 26" (day, hour, minute, month,
# year) and AP's "AP-WF-03-03-26 1422GMT" (month, day, year, time).
DAY_TIME_RE = re.compile(
    r"(?P<d>\d{2})(?P<H>\d{2})(?P<M>\d{2})\s+(?P<gmt>GMT\s+)?(?P<mon>[^\W\d_]{3,9})\.?\s+(?P<y>\d{2})\b"
)
AP_TIME_RE = re.compile(
    r"(?P<m>\d{2})-(?P<d>\d{2})-(?P<y>\d{2})\s+(?P<H>\d{2})(?P<M>\d{2})\s*(?P<gmt>GMT)?"
)
# A header line is short; a longer one is a paragraph of the story.
MAX_HEADER_LINE_WORDS = 80
# After the " =" mark a short line with the mark too is still header (a byline marked again).
MAX_MARKED_LINE_WORDS = 12


@dataclass
class _Head:
    """What the header lines of a telex text say."""

    headline: str | None = None
    byline: str | None = None
    standfirst: str | None = None
    slugline: str | None = None
    version: int | None = None
    dateline: str | None = None
    service: str | None = None
    category: str | None = None
    keywords: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def decode_telex(data: bytes) -> str:
    """Telex bytes as text: UTF-8 when they are, else cp1252 or ISO-8859-1, told by the bytes.

    Bytes 0x80-0x9f are printable in cp1252 (curly quotes, dashes) and control
    codes in ISO-8859-1; a file holding them and decoding as cp1252 is cp1252.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode(guess_single_byte(data))


def read_telex(data: bytes, encoding: str | None = None) -> WireItem:
    """The item an IPTC 7901 or ANPA 1312 file holds (in ``encoding`` when one is given)."""
    text = data.decode(encoding, errors="replace") if encoding else decode_telex(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    is_anpa = SYN in text[:64]
    head = _Head()
    agencies: list[str] = []
    urgency: int | None = None
    if ZCZC_RE.match(text):
        preamble, _, rest = text.lstrip().partition("\n")
        agencies.extend(_known_agencies(preamble))
        rest = END_OF_MESSAGE_RE.split(rest, maxsplit=1)[0]
        story, postamble = rest, ""
        lines = _lines(story)
        start = _read_fields(lines, head)
        if head.headline is None:
            start += _read_head(lines[start:], head)  # plain header lines after "ZCZC"
    else:
        preamble, story, postamble = _cut(text)
        urgency, is_anpa = _read_preamble(preamble, head, agencies, is_anpa=is_anpa)
        lines = _lines(story)
        start = _read_head(lines, head)
    body = _body_text(lines[start:], head)
    wire = Wire(
        format="anpa1312" if is_anpa else "iptc7901",
        version=head.version,
        signals=unique(head.signals),
        urgency=urgency,
        service=head.service,
        category=head.category,
        slugline=head.slugline,
        keywords=unique(head.keywords),
        subjects=tuple(head.subjects),
        agencies=unique(agencies),
        notes=tuple(head.notes),
    )
    return WireItem(
        wire=wire,
        headline=head.headline,
        parts=tuple(read_plain(body)),
        byline=head.byline,
        standfirst=head.standfirst,
        dateline=head.dateline,
        published_at=_sent_at(postamble),
        dropped=tuple(head.dropped),
    )


def _cut(text: str) -> tuple[str, str, str]:
    """A message's header, its text and what follows the text (the date-time line)."""
    opening = text.find(STX)
    if opening >= 0:
        preamble, rest = text[:opening], text[opening + 1 :]
    else:
        first, _, rest = text.lstrip(SYN + SOH + " \n").partition("\n")
        if IPTC7901_HEADER_RE.fullmatch(TELEX_NOISE_RE.sub("", first).strip()):
            preamble = first
        else:
            preamble, rest = "", text
    closing = rest.find(ETX)
    if closing >= 0:
        return preamble, rest[:closing], rest[closing + 1 :]
    return preamble, rest, ""


def _lines(story: str) -> list[str]:
    story = TELEX_NOISE_RE.sub("", story.replace(US, " ").replace(SOH, "").replace(SYN, ""))
    return [line.rstrip() for line in story.replace(EOT, "").split("\n")]


def _read_preamble(
    preamble: str, head: _Head, agencies: list[str], *, is_anpa: bool
) -> tuple[int | None, bool]:
    """The header before STX: the 7901 header line or ANPA's service and selector lines."""
    urgency: int | None = None
    # On ANPA's service line the unit separator parts the service from a routing code.
    lines = [
        TELEX_NOISE_RE.sub(" ", line.partition(US)[0].replace(SOH, "").replace(SYN, "")).strip()
        for line in preamble.split("\n")
    ]
    for line in filter(None, lines):
        iptc = IPTC7901_HEADER_RE.fullmatch(line)
        selector = ANPA_SELECTOR_RE.fullmatch(line)
        service = ANPA_SERVICE_RE.fullmatch(line)
        if iptc is not None and urgency is None:
            head.service = iptc["service"].lower()
            head.category = iptc["category"].lower()
            urgency = int(iptc["priority"])
            agencies.extend(_known_agencies(iptc["rest"]))
        elif selector is not None:
            is_anpa = True
            urgency = ANPA_URGENCY.get(selector["priority"], urgency)
            head.category = selector["category"]
            head.slugline = head.slugline or selector["slug"]
            _read_version(selector["version"], head)
        elif service is not None and head.service is None:
            head.service = service["service"].lower()
            agencies.extend(_known_agencies(service["rest"]))
        elif KEYWORD_LINE_RE.fullmatch(line) and "/" in line:
            head.keywords.extend(word.strip() for word in line.split("/") if word.strip())
        else:
            head.dropped.append(line)
    return urgency, is_anpa


def _read_fields(lines: list[str], head: _Head) -> int:
    """The one-character field lines after a teleprinter's "ZCZC"; the index of the body."""
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        field_name = ZCZC_FIELD_PREFIXES.get(line[:1]) if line else None
        if not line:
            index += 1
            continue
        if field_name is None:
            break
        value = line[1:].strip()
        if field_name == "headline":
            head.headline = value or head.headline
        elif field_name == "dateline":
            head.dateline = value.strip("()[] ") or None
        elif field_name == "slug":
            head.slugline = value or None
        elif field_name == "service":
            head.service = value or None
        elif field_name == "category":
            head.category = value or None
        elif field_name == "subject" and value.isdigit():
            head.subjects.append(Subject(code=f"subj:{value}"))
        else:
            head.dropped.append(line)
        index += 1
    return index


def _read_head(lines: list[str], head: _Head) -> int:
    """Read the header lines at the top of the text; the index where the body starts."""
    taken: list[tuple[str, bool]] = []  # (line, whether it carried an end-of-header mark)
    saw_mark = any_coded = False
    index = 0
    while index < len(lines):
        raw = lines[index]
        line = raw.strip()
        coded = line.startswith(FORMAT_CODE_PREFIX)
        if not line:
            if taken and (saw_mark or not any_coded):
                index += 1
                break
            index += 1
            continue
        indented = raw[:1] == "\t" or raw.startswith("  ")
        marked_too = line.endswith("=") and len(line.split()) <= MAX_MARKED_LINE_WORDS
        if taken and not coded and (indented or (saw_mark and not marked_too)):
            break
        if len(line.split()) > MAX_HEADER_LINE_WORDS and not coded:
            break
        any_coded = any_coded or coded
        line = line.removeprefix(FORMAT_CODE_PREFIX).strip()
        marked = line.rstrip("<").rstrip().endswith("=")
        saw_mark = saw_mark or marked
        taken.append((line, marked))
        index += 1
    if not any(text for text, _ in taken):
        return index
    _classify(_join_parentheses(taken), head)
    return index


def _join_parentheses(taken: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A note in parentheses wrapped over several lines is one line: "(Achtung: ...)"."""
    joined: list[tuple[str, bool]] = []
    open_note = False
    for line, marked in taken:
        if open_note:
            previous, previous_mark = joined[-1]
            joined[-1] = (f"{previous} {line}", previous_mark or marked)
        else:
            joined.append((line, marked))
        text = joined[-1][0]
        open_note = text.startswith("(") and text.count("(") > text.count(")")
    return joined


def _classify(taken: list[tuple[str, bool]], head: _Head) -> None:
    """Tell the header lines apart: slug, keywords, versions, notes, byline, headline."""
    after_byline = False
    for raw, marked in taken:
        line = _unmarked(raw)
        if not line:
            continue
        if head.headline is None and BUDGET_SLUG_RE.fullmatch(line):
            slug, _, version = line.partition(",")
            head.slugline = slug.strip()
            _read_version(version, head)
            after_byline = False
        elif head.headline is None and KEYWORD_LINE_RE.fullmatch(line) and "/" in line:
            head.keywords.extend(word.strip() for word in line.split("/") if word.strip())
        elif VERSION_LINE_RE.fullmatch(line) or (
            # an advisory in capitals before the headline: "CORRECTION", "BERICHT VERVALT"
            head.headline is None and line.isupper() and signals_in(line)
        ):
            _read_version(line, head)
            head.notes.append(line)
        elif (line.startswith("(") and line.endswith(")")) or (
            EDITOR_NOTE_RE.fullmatch(line) and head.headline is not None
        ):
            head.signals.extend(signals_in(line))
            head.notes.append(line)
        elif head.byline is None and is_byline(line):
            head.byline = line
            after_byline = marked
            continue
        elif after_byline and head.byline is not None and marked and len(line.split()) <= 6:
            head.byline = f"{head.byline}, {line}"  # AP's "^AP Business Writer=" under a name
            continue
        elif head.headline is None:
            head.headline = line
        elif head.standfirst is None and head.byline is None and len(line.split()) > 12:
            head.standfirst = line
        else:
            head.dropped.append(line)
        after_byline = False


def _unmarked(line: str) -> str:
    """A header line without its end marks: "Headline =", "^Headline<", "Headline+"."""
    line = line.rstrip()
    while line.endswith(HEADER_LINE_ENDS):
        line = line[:-1].rstrip()
    return line


def _read_version(text: str, head: _Head) -> None:
    """What a version line or a slug's version part says: "2nd Ld-Writethru", "REPEAT"."""
    lead = LEAD_COUNT_RE.search(text)
    if lead is not None:
        head.version = int(lead[1]) + 1  # the first lead is the second version
    head.signals.extend(signals_in(text))


def _body_text(lines: list[str], head: _Head) -> str:
    """The story's lines: up to the notes for editors that follow it."""
    kept: list[str] = []
    for line in lines:
        if NOTES_START_RE.fullmatch(line.strip()) and not line[:1].isspace():
            head.dropped.extend(text.strip() for text in lines[len(kept) :] if text.strip())
            break
        kept.append(line.removeprefix(FORMAT_CODE_PREFIX) if line.startswith("^") else line)
    return "\n".join(kept)


def _known_agencies(text: str) -> list[str]:
    return [token for token in WORD_RE.findall(text) if token.casefold() in AGENCIES]


def _sent_at(postamble: str) -> datetime | None:
    """The date-time line after ETX, when it gives a date: UTC when it says GMT."""
    line = TELEX_NOISE_RE.sub(" ", postamble).strip()
    months = month_names()
    found = DAY_TIME_RE.search(line)
    try:
        if found is not None and found["mon"].casefold() in months:
            moment = datetime(
                2000 + int(found["y"]),
                months[found["mon"].casefold()],
                int(found["d"]),
                int(found["H"]),
                int(found["M"]),
            )
            return moment.replace(tzinfo=UTC) if found["gmt"] else moment
        found = AP_TIME_RE.search(line)
        if found is not None:
            moment = datetime(
                2000 + int(found["y"]),
                int(found["m"]),
                int(found["d"]),
                int(found["H"]),
                int(found["M"]),
            )
            return moment.replace(tzinfo=UTC) if found["gmt"] else moment
    except ValueError:
        return None
    return None
