"""Ages printed beside briefs ("1 uur geleden", "vor 3 Stunden"), read into seconds.

The patterns come from the CLDR data that Babel ships: each language's
relative-time fields ("{0} uur geleden", "il y a {0} h") and its named days
("gisteren", "yesterday"). CLDR lacks the words sites print for "just now" and
numbers written as words ("een uur geleden", "an hour ago"); those few are
listed in ``EXTRA_AGES`` and ``NUMBER_WORDS`` below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale

LANGUAGES = ("nl", "en", "de", "fr")

# CLDR field name -> seconds in one unit. Months and years are calendar-ish:
# sites use them only for old items, where a day's precision is plenty.
UNIT_SECONDS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 7 * 86400,
    "month": 30 * 86400,
    "year": 365 * 86400,
}
WIDTHS = ("", "-short", "-narrow")
# The longest age that is one: the calendar's 10,000 years. A longer count ("99999999999
# jaar geleden", or a number of 5,000 digits, which Python will not even read as an int)
# places nothing on the time line, and a line that prints one is no time label.
MAX_AGE_SECONDS = 10_000 * UNIT_SECONDS["year"]
MAX_AGE_DIGITS = len(str(MAX_AGE_SECONDS))

# Numbers written as words where a site prints "een uur geleden" or "an hour ago".
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "nl": {"een": 1, "één": 1, "twee": 2, "drie": 3},
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3},
    "de": {"einer": 1, "einem": 1, "eine": 1, "zwei": 2, "drei": 3},
    "fr": {"une": 1, "un": 1, "deux": 2, "trois": 3},
}

# Ages sites print that CLDR does not list, with their seconds.
EXTRA_AGES: dict[str, dict[str, int]] = {
    "nl": {"zojuist": 0, "zonet": 0, "enkele ogenblikken geleden": 0},
    "en": {"just now": 0, "moments ago": 0, "a moment ago": 0},
    "de": {"gerade eben": 0, "soeben": 0},
    "fr": {"à l'instant": 0, "à l’instant": 0, "il y a un instant": 0},
}
# Shorthand seen on Dutch and English sites that CLDR spells differently.
EXTRA_PATTERNS: dict[str, dict[str, str]] = {
    "nl": {"{0} min geleden": "minute", "{0}u geleden": "hour", "{0} u geleden": "hour"},
    "en": {"{0} mins ago": "minute", "{0} hrs ago": "hour", "{0} hr ago": "hour"},
    "de": {"vor {0} Min": "minute", "vor {0} Std": "hour"},
    "fr": {"il y a {0} mn": "minute"},
}


@dataclass(frozen=True, slots=True, kw_only=True)
class AgeRule:
    """One way of printing an age: a regex for it and what it is worth."""

    pattern: re.Pattern[str]
    unit_seconds: int
    fixed: int | None  # seconds for a named age ("gisteren"), else None
    first_word: str  # the word it starts with, casefolded ("vor"), or "" before a number
    last_word: str  # the word it ends with, casefolded ("geleden"), to rule lines out fast


def _pattern_regex(pattern: str, numbers: str) -> str:
    """Turn a CLDR pattern such as "vor {0} Std." into a regex."""
    parts = []
    for piece in re.split(r"(\{0\})", pattern):
        if piece == "{0}":
            parts.append(rf"(?P<n>\d+|{numbers})")
            continue
        text = re.escape(piece.replace("\xa0", " ").replace("\u202f", " "))
        text = text.replace(r"\ ", r"\s*")  # "{0}h ago" and "{0} h ago" alike
        text = text.replace(r"\.", r"\.?")  # "min." and "min" alike
        text = text.replace("'", "['’]").replace("’", "['’]")
        parts.append(text)
    return "".join(parts)


@cache
def day_words(languages: tuple[str, ...]) -> dict[str, int]:
    """Named days, casefolded, and how many days back each is: "gisteren" -> 1, "heute" -> 0."""
    words: dict[str, int] = {}
    for language in languages:
        relative = dict(Locale.parse(language)._data["date_fields"]["day"].get("relative", {}))
        for offset in (0, -1, -2):
            if offset in relative:
                words[relative[offset].casefold()] = -offset
    return words


@cache
def age_rules(language: str) -> tuple[AgeRule, ...]:
    """The age rules of one language, longest pattern first."""
    locale = Locale.parse(language)
    fields = locale._data["date_fields"]
    # (pattern as CLDR writes it, seconds per unit, seconds of a named age)
    printed: list[tuple[str, int, int | None]] = []
    for unit, seconds in UNIT_SECONDS.items():
        for width in WIDTHS:
            field = fields.get(unit + width)
            if field:
                printed.extend((p, seconds, None) for p in dict(field.get("past", {})).values())
    printed.extend((p, UNIT_SECONDS[u], None) for p, u in EXTRA_PATTERNS.get(language, {}).items())
    day = dict(fields.get("day", {}).get("relative", {}))
    printed.extend((day[offset], 0, -offset * 86400) for offset in (-1, -2) if offset in day)
    now = dict(fields.get("second", {}).get("relative", {}))
    if 0 in now:
        printed.append((now[0], 0, 0))
    printed.extend((words, 0, seconds) for words, seconds in EXTRA_AGES.get(language, {}).items())

    numbers = "|".join(sorted(NUMBER_WORDS.get(language, {}), key=len, reverse=True)) or "x^"
    rules: dict[str, AgeRule] = {}
    for pattern, per_unit, fixed in printed:
        regex = _pattern_regex(pattern, numbers)
        words = re.findall(r"[^\W\d_]+|\{0\}", pattern)
        rules.setdefault(
            regex,
            AgeRule(
                pattern=re.compile(regex, re.IGNORECASE),
                unit_seconds=per_unit,
                fixed=fixed,
                first_word="" if words[0] == "{0}" else words[0].casefold(),
                last_word="" if words[-1] == "{0}" else words[-1].casefold(),
            ),
        )
    return tuple(sorted(rules.values(), key=lambda rule: len(rule.pattern.pattern), reverse=True))


@cache
def age_regex(languages: tuple[str, ...], *, numbers_first: bool = False) -> str:
    """One regex (as text, no groups) matching any age of the given languages.

    With ``numbers_first`` only the ages that open with their number ("2 uur
    geleden", not "vor 2 Stunden"): a smaller regex for lines opening with a digit.
    """
    alternatives: list[str] = []
    for language in languages:
        alternatives.extend(
            rule.pattern.pattern.replace("(?P<n>", "(?:")
            for rule in age_rules(language)
            if not numbers_first or rule.first_word == ""
        )
    alternatives.sort(key=len, reverse=True)
    return "(?:" + "|".join(alternatives) + ")"


@lru_cache(maxsize=2048)
def read_age(text: str, languages: tuple[str, ...]) -> int | None:
    """Seconds in an age printed as ``text`` ("2 uur geleden" -> 7200), or None."""
    words = {}
    for language in languages:
        words.update(NUMBER_WORDS.get(language, {}))
        for rule in age_rules(language):
            match = rule.pattern.fullmatch(text.strip())
            if match is None:
                continue
            if rule.fixed is not None:
                return rule.fixed
            number = match.group("n")
            if len(number) > MAX_AGE_DIGITS:
                return None
            count = int(number) if number.isdigit() else words[number.casefold()]
            seconds = count * rule.unit_seconds
            return seconds if seconds <= MAX_AGE_SECONDS else None
    return None
