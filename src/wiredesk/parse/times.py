"""Printed dates and clock times ("18 maart 2026, 14:02", "Nov 8", "14:44"), read into datetimes.

Month names come from Babel's CLDR data for each language; the few
spellings sites use beside CLDR's ("Sept", "mrt") are listed in ``EXTRA_MONTHS``.
A time printed without a zone is local to the page: see ``LOCAL_ZONES``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from typing import ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from babel import Locale

from wiredesk.parse.ages import LANGUAGES, day_words
from wiredesk.parse.word_tree import word_tree_regex

# Where a page's language tells its clock: Dutch, German and French news is
# printed in Amsterdam, Berlin or Paris time. English is written everywhere, so
# English pages without a zone are read as UTC.
LOCAL_ZONES = {"nl": "Europe/Amsterdam", "de": "Europe/Berlin", "fr": "Europe/Paris"}

# Zone abbreviations printed after times on news sites.
ZONE_NAMES: dict[str, tzinfo] = {
    "utc": UTC,
    "gmt": UTC,
    "z": UTC,
    "cet": ZoneInfo("Europe/Paris"),
    "cest": ZoneInfo("Europe/Paris"),
    "mez": ZoneInfo("Europe/Berlin"),
    "mesz": ZoneInfo("Europe/Berlin"),
    "bst": ZoneInfo("Europe/London"),
    "et": ZoneInfo("America/New_York"),
    "est": ZoneInfo("America/New_York"),
    "edt": ZoneInfo("America/New_York"),
    "pt": ZoneInfo("America/Los_Angeles"),
    "pst": ZoneInfo("America/Los_Angeles"),
    "pdt": ZoneInfo("America/Los_Angeles"),
    "ct": ZoneInfo("America/Chicago"),
    "cst": ZoneInfo("America/Chicago"),
    "cdt": ZoneInfo("America/Chicago"),
    "mt": ZoneInfo("America/Denver"),
    "mst": ZoneInfo("America/Denver"),
    "mdt": ZoneInfo("America/Denver"),
    "akst": ZoneInfo("America/Anchorage"),
    "akdt": ZoneInfo("America/Anchorage"),
    "hst": ZoneInfo("Pacific/Honolulu"),
    "wet": ZoneInfo("Europe/Lisbon"),
    "west": ZoneInfo("Europe/Lisbon"),
    "eet": ZoneInfo("Europe/Helsinki"),
    "eest": ZoneInfo("Europe/Helsinki"),
}

EXTRA_MONTHS = {
    "sept": 9,
    "mrt": 3,
    "maa": 3,
    "mär": 3,
    "mrz": 3,
    "juil": 7,
    "févr": 2,
    "fév": 2,
    "janv": 1,
    "avr": 4,
    "déc": 12,
}


@cache
def month_names() -> dict[str, int]:
    """Every month name and abbreviation of the supported languages -> month number."""
    names = dict(EXTRA_MONTHS)
    for language in LANGUAGES:
        locale = Locale.parse(language)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    names.setdefault(name.casefold().rstrip("."), number)
    return names


@cache
def month_regex() -> str:
    return word_tree_regex(month_names()) + r"\.?"


@cache
def date_patterns() -> tuple[re.Pattern[str], ...]:
    """Printed dates in the orders news pages use, with month names of every language."""
    month = month_regex()
    forms = (
        # 18 maart 2026 / 18. März 2026 / le 18 mars
        rf"(?P<day>\d{{1,2}})\.?\s+(?P<month>{month})(?:\s+(?P<year>\d{{4}}))?",
        # March 18, 2026 / Nov 8
        rf"(?P<month>{month})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?",
        # 2026-03-18
        r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})",
        # 18-03-2026, 18.03.2026, 18/03/26
        r"(?P<day>\d{1,2})[-./](?P<mnum>\d{1,2})[-./](?P<year>\d{4}|\d{2})",
    )
    return tuple(re.compile(form, re.IGNORECASE) for form in forms)


TIME_RE = re.compile(
    r"(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})"
    r"(?:\s*(?P<ampm>[ap])\.?\s*m\.?)?"
    r"(?:\s*(?:uur|uhr|h))?"
    r"(?:\s+(?P<zone>[A-Za-z]{1,4})\b|\s*(?P<offset>[+-]\d{2}:?\d{2}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PrintedTime:
    """A date, a clock time or both, as a page printed them."""

    day: date | None  # the year may be missing: then ``has_year`` is False
    has_year: bool
    clock: time | None
    zone: tzinfo | None
    days_back: int = 0  # a named day without a date: "gisteren, 22:15" is 1


def find_date(text: str) -> tuple[re.Match[str], date, bool] | None:
    """The first printed date in ``text``, with whether it gave a year."""
    for pattern in date_patterns():
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("month"):
            month = month_names().get(groups["month"].casefold().rstrip("."))
        else:
            month = int(groups["mnum"])
        year_text = groups.get("year")
        year = int(year_text) if year_text else 2000  # leap-safe placeholder
        if year_text is not None and len(year_text) == 2:
            year += 2000  # "18/03/26"; a year printed with four digits is that year
        try:
            day = date(year, month or 0, int(groups["day"]))
        except ValueError:
            if groups.get("month") or int(groups["mnum"]) <= 12:
                continue
            try:  # no month 20: month first, as American pages print it ("11/20/2019")
                day = date(year, int(groups["day"]), int(groups["mnum"]))
            except ValueError:
                continue
        return match, day, year_text is not None
    return None


def find_clock(text: str) -> tuple[re.Match[str], time, tzinfo | None] | None:
    """The first clock time in ``text`` ("14:02", "10.42 a.m. GMT", "14h02")."""
    for match in TIME_RE.finditer(text):
        hour, minute = int(match["hour"]), int(match["minute"])
        if match["ampm"]:
            if hour > 12:
                continue
            hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
        if hour > 23 or minute > 59:
            continue
        zone: tzinfo | None = None
        if match["zone"]:
            zone = ZONE_NAMES.get(match["zone"].casefold())
        elif match["offset"]:
            digits = match["offset"].replace(":", "")
            delta = timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5]))
            zone = _fixed_zone(-delta if digits[0] == "-" else delta)
        return match, time(hour, minute), zone
    return None


def _fixed_zone(offset: timedelta) -> tzinfo:
    return timezone(offset)


P = ParamSpec("P")
T = TypeVar("T")


def on_the_calendar(place: Callable[P, T]) -> Callable[P, T | None]:
    """``place``, giving None where its time would fall outside Python's calendar.

    Python's dates run from the year 1 to 9999. A page may print a time whose
    moment in UTC lies beyond ("December 31, 9999 11:59 PM" read in New York,
    "0001-01-01T00:00:00+05:00" in its metadata), and an age may count back
    past the year 1 from its capture ("3 hours ago" at 02:00 on 1 January of
    the year 1). Such a time cannot be kept: it is left out (the line that
    printed it is in ``dropped`` as a date line or a brief's label is) and
    the page is read all the same. This is the one guard of a page's times:
    every function that puts a time read from a page on the time line is
    wrapped in it, instead of a try in each caller.
    """

    @functools.wraps(place)
    def placed(*args: P.args, **kwargs: P.kwargs) -> T | None:
        try:
            return place(*args, **kwargs)
        except OverflowError:
            return None

    return placed


@on_the_calendar
def in_utc(moment: datetime, zone: tzinfo = UTC) -> datetime:
    """``moment`` in UTC; one without an offset is read in ``zone``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC)


@on_the_calendar
def before(moment: datetime, seconds: int) -> datetime:
    """The moment ``seconds`` before ``moment`` (a brief's age back from its capture)."""
    return moment - timedelta(seconds=seconds)


@on_the_calendar
def local_day(moment: datetime, zone: tzinfo, days_back: int = 0) -> date:
    """The day ``moment`` falls on in ``zone``, ``days_back`` days earlier."""
    return moment.astimezone(zone).date() - timedelta(days=days_back)


def page_zone(language: str | None, zone_name: str | None) -> tzinfo:
    """The zone in which a page's printed times without a zone are read."""
    if zone_name:
        return ZoneInfo(zone_name)
    if language in LOCAL_ZONES:
        return ZoneInfo(LOCAL_ZONES[language])
    return UTC


@on_the_calendar
def resolve(printed: PrintedTime, captured_at: datetime, zone: tzinfo) -> datetime | None:
    """Place a printed date/time on the time line, relative to the capture.

    A clock time without a date is on the capture's local day, or the day
    before when that would lie after the capture. A date without a year is in
    the capture's year, or the year before when that would lie after it.
    """
    zone = printed.zone or zone
    local_capture = captured_at.astimezone(zone)
    clock = printed.clock or time(0, 0)
    if printed.day is None:
        today = local_capture.date() - timedelta(days=printed.days_back)
        moment = datetime.combine(today, clock, tzinfo=zone)
        if moment > captured_at and not printed.days_back:
            moment -= timedelta(days=1)
        return moment.astimezone(UTC)
    day: date | None = printed.day
    if not printed.has_year:
        day = _with_year(printed.day, local_capture.year)
        if day is not None and datetime.combine(day, clock, tzinfo=zone) > captured_at:
            day = _with_year(day, local_capture.year - 1)
    if day is None:
        return None
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def _with_year(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a common year
        return None


# Words that may stand in a date line beside the date and time themselves.
DATE_LINE_FILLERS = frozenset(
    {
        "om", "um", "à", "at", "uur", "uhr", "h", "le", "am", "op", "on", "the", "de", "du",
        "gepubliceerd", "bijgewerkt", "laatste", "update", "geplaatst", "aangepast",
        "published", "updated", "last", "posted", "veröffentlicht", "aktualisiert", "stand",
        "zuletzt", "publié", "publiée", "mis", "jour", "modifié", "and", "en", "und", "et",
        "publiziert", "erschienen", "geändert", "aktualisierung", "gewijzigd", "actualisé",
        "créé", "créée", "erstellt", "created", "aangemaakt",
        "gmt", "utc", "cet", "cest", "mez", "mesz", "bst", "est", "edt", "pt", "pst",
        "pdt", "pm", "a", "p", "m",
    }
)  # fmt: skip
MAX_DATE_LINE_CHARS = 90
DIGIT_RE = re.compile(r"\d")


@cache
def _weekday_names() -> frozenset[str]:
    names: set[str] = set()
    for language in LANGUAGES:
        locale = Locale.parse(language)
        for width in ("wide", "abbreviated"):
            names.update(n.casefold().rstrip(".") for n in locale.days["format"][width].values())
    return frozenset(names)


# A date line may say after its date when the story was last changed, as a time or an
# age: "March 18, 2026 11:42 AM GMT Updated 2 hours ago", "18.03.2026 | Aktualisiert 14:30".
UPDATE_AFTER_RE = re.compile(
    r"\s*(?:[|·•/,-]\s*)?(?:last\s+)?(?:updated|update|aktualisiert|bijgewerkt|"
    r"laatste update|mis à jour|actualisé|modifié)\b.*$",
    re.IGNORECASE,
)
# The words ``UPDATE_AFTER_RE`` looks for, alone: a search two to four times quicker, which
# rules out the lines that hold none of them before the whole regex runs.
UPDATE_WORD_RE = re.compile(
    r"update|aktualisiert|bijgewerkt|mis à jour|actualisé|modifié", re.IGNORECASE
)


# Where a copied page glues two elements together: "Associated PressApril 28, 2023 GMT"
# (a byline and its date, the line break between them lost).
GLUE_RE = re.compile(r"(?<=[a-z.])(?=[A-Z0-9])")
MAX_GLUED_LEAD_CHARS = 60


def read_glued_date_line(line: str) -> PrintedTime | None:
    """The date of a date line glued to what stood before it ("By Jane DoeMarch 18, 2026"),
    or None."""
    if len(line) > MAX_GLUED_LEAD_CHARS + MAX_DATE_LINE_CHARS or DIGIT_RE.search(line) is None:
        return None  # no piece after a junction is a date line: too long, or no figures
    for junction in GLUE_RE.finditer(line, 0, MAX_GLUED_LEAD_CHARS + 1):
        printed = read_date_line(line[junction.start() :])
        if printed is not None:
            return printed
    return None


def read_date_line(line: str) -> PrintedTime | None:
    """The date and time of a date line under a headline, or None when the line is not one.

    A date line holds a date (and maybe a time) and little else:
    "18 maart 2026, 14:02", "Updated March 18, 2026 10:42 GMT",
    "Mittwoch, 18.03.2026, 14:02 Uhr", "Publié le 18 mars 2026 à 14h02".
    """
    if len(line) > MAX_DATE_LINE_CHARS or DIGIT_RE.search(line) is None:
        return None
    update = UPDATE_AFTER_RE.search(line) if UPDATE_WORD_RE.search(line) else None
    if update is not None and DIGIT_RE.search(line, 0, update.start()):
        line = line[: update.start()]  # the first time printed is the story's
    parts = re.split(r"\s[|·•/]\s", line)
    rest = parts[0]
    day: date | None = None
    has_year = False
    date_found = find_date(rest)
    if date_found is not None:
        match, day, has_year = date_found
        rest = rest[: match.start()] + " " + rest[match.end() :]
    if len(parts) > 1 and find_clock(rest) is None and find_clock(parts[1]) is not None:
        rest = f"{rest} {parts[1]}"  # "18.03.2026 | 14:02 Uhr"
    clock_found = find_clock(rest)
    clock: time | None = None
    zone: tzinfo | None = None
    if clock_found is not None:
        match, clock, zone = clock_found
        rest = rest[: match.start()] + " " + rest[match.end() :]
    if day is None and clock is None:
        return None
    days_back = 0
    folded = rest.casefold()
    if day is None:  # "Vandaag, 14:02", "Gisteren, 22:15", "Today at 10:42 GMT"
        for word, back in day_words(LANGUAGES).items():
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
                days_back = back
                folded = folded.replace(word, " ")
                break
    words = re.findall(r"[^\W\d_]+", folded)
    extra = [w for w in words if w not in DATE_LINE_FILLERS and w not in _weekday_names()]
    if extra or DIGIT_RE.search(rest):
        return None
    return PrintedTime(day=day, has_year=has_year, clock=clock, zone=zone, days_back=days_back)
