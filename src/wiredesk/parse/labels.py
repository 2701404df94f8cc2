"""Time labels beside briefs: an age ("1 uur geleden"), a clock time ("14:44") or a date.

``split_label`` finds a label at the start or end of a line, where copied
pages glue it to the neighbouring brief ("1 uur geledenWASHINGTON (ANP) -").
``read_label`` turns one into seconds before the capture and a UTC time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cache, lru_cache

from wiredesk.parse.ages import LANGUAGES, NUMBER_WORDS, age_regex, age_rules, day_words, read_age
from wiredesk.parse.dateline import read_dateline
from wiredesk.parse.times import (
    PrintedTime,
    before,
    find_clock,
    find_date,
    local_day,
    month_names,
    month_regex,
    resolve,
)

# "14:02", "14.02 uur", "9:12 AM", "9:12 a.m." (not "14:30 am Freitag": German's "am")
CLOCK = r"\d{1,2}[:.h]\d{2}(?:\s*(?:uur|uhr|(?-i:[AP]M\b)|[ap]\.m\.))?"
SEPARATORS = "|·•"
# What may directly follow a label glued to the next brief: a capital, a quote, a parenthesis.
GLUE_OPENERS = tuple("'’\"“„«(")
# How far from a line's end a trailing label can start.
TRAIL_WINDOW = 48
# Where a trailing label may start: a digit, or the first letter of a word.
LABEL_START_RE = re.compile(r"\d|(?<![^\W\d_])[^\W\d_]")
SENTENCE_ENDS = '.!?"”’)»'
WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class SplitLine:
    """A rail line with the time labels found at its start and end taken off."""

    lead: str | None
    text: str
    trail: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelTime:
    age_seconds: int | None
    published_at: datetime | None


@cache
def _end_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Words a time label can end with: "geleden", "gisteren", month names, "uur"."""
    words = {rule.last_word for language in languages for rule in age_rules(language)}
    words.update(day_words(languages))
    words.update(month_names())
    words.update({"uur", "uhr"})
    return frozenset(word for word in words if word)


@cache
def _start_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Words a time label can start with: "vor", "il", "gisteren", "een", month names."""
    words = {rule.first_word for language in languages for rule in age_rules(language)}
    for language in languages:
        words.update(NUMBER_WORDS.get(language, {}))
    words.update(_first_word(word) for word in day_words(languages))
    words.update(month_names())
    return frozenset(word for word in words if word)


def _first_word(text: str) -> str:
    """The first word, cut where a capital follows glued ("gesternRegensburg" -> "gestern")."""
    match = WORD_RE.match(text)
    if match is None:
        return ""
    word = match.group(0)
    if word.islower() or word.istitle() or word.isupper():
        return word.casefold()  # nothing glued to it
    for index in range(1, len(word)):
        if word[index].isupper() and not word[index - 1].isupper():
            return word[:index].casefold()
    return word.casefold()


def _may_end_with_label(text: str, languages: tuple[str, ...]) -> bool:
    """A cheap test that rules out most lines before the label regex runs."""
    if text[-1].isdigit():
        return True
    tail = text[-24:].rstrip(". ")
    last = tail[tail.rfind(" ") + 1 :].casefold()
    end_words = _end_words(languages)
    # the word after an apostrophe ("l'heure") is asked only of words holding one
    return last in end_words or ("'" in last and last.rsplit("'", 1)[-1] in end_words)


@cache
def label_regex(languages: tuple[str, ...], *, digit_first: bool = False) -> str:
    """A regex (as text) for any time label; ``digit_first``: only those opening with a digit."""
    month = month_regex()
    date = (
        rf"(?:\d{{1,2}}\.?\s+{month}(?:\s+\d{{4}})?|{month}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
        r"|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2}))"
    )
    days = "|".join(re.escape(word) for word in sorted(day_words(languages), key=len, reverse=True))
    at = r"\s*,?\s*(?:(?:om|um|am|à|at|,)\s*)?"
    if digit_first:
        numeric_date = (
            r"(?:\d{1,2}\.?\s+" + month + r"(?:\s+\d{4})?|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2}))"
        )
        ages = age_regex(languages, numbers_first=True)
        return rf"(?:{numeric_date}(?:{at}{CLOCK})|{numeric_date}|{CLOCK}|{ages})"
    dated = rf"(?:{date}|{days})(?:{at}{CLOCK})"
    return rf"(?:{dated}|{date}|{CLOCK}|{age_regex(languages)})"


@cache
def _lead_re(languages: tuple[str, ...], digit_first: bool) -> re.Pattern[str]:
    return re.compile(label_regex(languages, digit_first=digit_first), re.IGNORECASE)


def languages_for(language: str | None) -> tuple[str, ...]:
    """The languages whose labels to look for on a page in ``language``."""
    return (language,) if language in LANGUAGES else LANGUAGES


@lru_cache(maxsize=4096)  # a rail's lines are read twice: to tell a rail, then to read it
def split_label(line: str, languages: tuple[str, ...]) -> SplitLine:
    """Take a time label off the start and the end of a rail line."""
    lead: str | None = None
    text = line
    match = _label_at(line, 0, languages)
    if match is not None:
        rest = _after_lead(line[match.end() :])
        if rest is not None:
            lead, text = match.group(0).strip(), rest
    trail: str | None = None
    if text and _may_end_with_label(text, languages):
        start = _trail_start(text, languages)
        if start is not None:
            trail, text = text[start:].strip(), text[:start].rstrip(" " + SEPARATORS)
    return SplitLine(lead=lead, text=text, trail=trail)


def _label_at(text: str, position: int, languages: tuple[str, ...]) -> re.Match[str] | None:
    """A label starting at ``position``, tried only where one can start."""
    if text[position : position + 1].isdigit():
        return _lead_re(languages, True).match(text, position)
    if _first_word(text[position:]) in _start_words(languages):
        return _lead_re(languages, False).match(text, position)
    return None


def _trail_start(text: str, languages: tuple[str, ...]) -> int | None:
    """Where a label that ends ``text`` starts, or None.

    After the end of a sentence or a separator any label counts; glued straight
    to a word ("...asielwet1 uur geleden") only an age does, which no title ends with.
    """
    for candidate in LABEL_START_RE.finditer(text, max(1, len(text) - TRAIL_WINDOW)):
        position = candidate.start()
        match = _label_at(text, position, languages)
        if match is None or match.end() != len(text):
            continue
        before = text[:position].rstrip()
        if not before:
            continue
        if before[-1] in SENTENCE_ENDS or before[-1] in SEPARATORS:
            return position
        if read_age(text[position:], languages) is not None:
            return position
    return None


def _after_lead(after: str) -> str | None:
    """What follows a leading label when it is one, else None."""
    if not after:
        return ""
    first = after[0]
    if first in SEPARATORS:
        return after.lstrip(SEPARATORS + " ")
    if first.isspace():
        stripped = after.lstrip()
        if stripped[:1] in SEPARATORS or read_dateline(stripped) is not None:
            return stripped.lstrip(SEPARATORS + " ")
        return None
    if first.isupper() or (first in GLUE_OPENERS and not after[1:2].islower()):
        return after  # but "Yesterday's train strike" is a sentence, not a glued label
    return None


def read_label(
    label: str,
    languages: tuple[str, ...],
    captured_at: datetime | None,
    zone: tzinfo,
) -> LabelTime:
    """Seconds before the capture and the UTC time a label stands for."""
    seconds = read_age(label, languages)
    if seconds is not None:
        published = before(captured_at, seconds) if captured_at else None
        return LabelTime(age_seconds=seconds, published_at=published)
    if captured_at is None:
        return LabelTime(age_seconds=None, published_at=None)
    published = _read_printed(label, languages, captured_at, zone)
    if published is None:
        return LabelTime(age_seconds=None, published_at=None)
    return LabelTime(
        age_seconds=int((captured_at - published).total_seconds()), published_at=published
    )


def _read_printed(
    label: str, languages: tuple[str, ...], captured_at: datetime, zone: tzinfo
) -> datetime | None:
    date_found = find_date(label)
    if date_found is not None:
        # the clock is looked for beside the date, never in it: "18.03.2026 13:14" is at
        # 13:14, not at "18.03"
        found, day, has_year = date_found
        beside = find_clock(label[found.end() :]) or find_clock(label[: found.start()])
        printed = PrintedTime(
            day=day,
            has_year=has_year,
            clock=beside[1] if beside else None,
            zone=beside[2] if beside else None,
        )
        return resolve(printed, captured_at, zone)
    clock_found = find_clock(label)
    clock = clock_found[1] if clock_found else None
    clock_zone = clock_found[2] if clock_found else None
    if clock is None:
        return None
    head = label[: clock_found[0].start()].strip(" ,").casefold() if clock_found else ""
    if any(char.isdecimal() for char in head):
        return None  # a date before the clock that could not be read ("11/20/2019"): no day
    for word, days_back in day_words(languages).items():
        if head.startswith(word):
            named = local_day(captured_at, clock_zone or zone, days_back)
            if named is None:
                return None
            printed = PrintedTime(day=named, has_year=True, clock=clock, zone=clock_zone)
            return resolve(printed, captured_at, zone)
    return resolve(
        PrintedTime(day=None, has_year=False, clock=clock, zone=clock_zone), captured_at, zone
    )
