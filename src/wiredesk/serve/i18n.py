"""The reader's language: chosen per request, and the words, times and ages in it.

Every string the site shows goes through the gettext catalogs under
``locale/`` (Babel); the message ids are English. The language is the
``lang`` cookie the switch sets, else the best of ``Accept-Language``, else
Dutch, the desk's own language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, format_timedelta
from babel.support import NullTranslations, Translations

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
COOKIE = "lang"
LOCALE_DIR = files("wiredesk.serve") / "locale"
# Below this an age reads "just now"; the script in static/ages.js uses the same rule.
JUST_NOW_SECONDS = 60


@cache
def translations(language: str) -> NullTranslations:
    return Translations.load(str(LOCALE_DIR), [language], domain="messages")


def language_from_header(header: str | None) -> str:
    """The best of ``LANGUAGES`` for an ``Accept-Language`` header.

    No header means Dutch; a header naming none of them means English, the
    language more readers share.
    """
    if not header:
        return DEFAULT_LANGUAGE
    wanted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        wanted.append((-quality, index, tag.strip().lower().split("-")[0]))
    for quality, _, tag in sorted(wanted):
        if quality < 0 and tag in LANGUAGES:
            return tag
    return "en"


def choose_language(cookie: str | None, header: str | None) -> str:
    if cookie in LANGUAGES:
        return str(cookie)
    return language_from_header(header)


@dataclass(frozen=True, slots=True)
class Reader:
    """What the pages need of the reader's language: words, times and ages."""

    language: str
    zone: ZoneInfo

    def gettext(self, message: str, **values: Any) -> str:
        text = translations(self.language).ugettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: Any) -> str:
        text = translations(self.language).ungettext(singular, plural, count)
        return text % {"count": count, **values}

    def time(self, moment: datetime | None) -> str | None:
        """A moment as a reader writes it: "18 maart 2026 15:00"."""
        if moment is None:
            return None
        return _time_words(moment, self.zone, self.language)

    def age(self, moment: datetime | None, now: datetime) -> str | None:
        """How long ago ``moment`` was, in words: "1 uur geleden", "2 hours ago"."""
        if moment is None:
            return None
        seconds = (now - moment).total_seconds()
        if seconds < JUST_NOW_SECONDS:
            return self.gettext("just now")
        unit, count = age_unit(seconds)
        return _age_words(unit, count, self.language)


# Units as Babel's format_timedelta counts them, largest first.
AGE_UNITS = (
    ("year", 365 * 86400),
    ("month", 30 * 86400),
    ("week", 7 * 86400),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
    ("second", 1),
)
# A unit is used once this much of one has passed: 51 minutes read "51 minutes",
# 52 "1 hour" (Babel's default; static/ages.js uses the same rule).
AGE_THRESHOLD = 0.85


def age_unit(seconds: float) -> tuple[str, int]:
    """The unit and count an age is told in: (``"hour"``, 2) for 1 h 40 min."""
    for unit, length in AGE_UNITS:
        value = seconds / length
        if value >= AGE_THRESHOLD:
            return unit, max(1, round(value))
    return "second", max(1, round(seconds))


@lru_cache(maxsize=1024)
def _age_words(unit: str, count: int, language: str) -> str:
    # The count is whole and of its unit, so Babel tells it in that unit (threshold 1).
    length = dict(AGE_UNITS)[unit]
    return format_timedelta(
        timedelta(seconds=-count * length), add_direction=True, threshold=1, locale=language
    )


@lru_cache(maxsize=8192)
def _time_words(moment: datetime, zone: ZoneInfo, language: str) -> str:
    try:
        return format_datetime(moment, "d MMMM y HH:mm", tzinfo=zone, locale=language)
    except OverflowError:  # a kept time of the calendar's first or last hours, past it locally
        return format_datetime(moment, "d MMMM y HH:mm 'UTC'", tzinfo=UTC, locale=language)
