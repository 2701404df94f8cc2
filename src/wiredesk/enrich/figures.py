"""Figures: numbers in the copy with what they count ("zo'n 8000 Noord-Koreaanse soldaten",
"157 mensen", "3,6 procent", "$2.5 billion", "zwei Millionen Euro").

A number is digits (read by the language's separators: "10.000" and "3,6" in nl, de and fr,
"10,000" and "3.6" in English, "8 000" in French) or a number word ("tweehonderd", "three",
"zwei", "trois"), times a scale word after it ("miljoen", "billion"). What it counts is the
noun after it, past adjectives (a country's adjective, "verschillende", "separate") — or
the currency or percent sign. Years, dates, times and numbers that count nothing said are
left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from wiredesk.enrich.cues import words_of_list
from wiredesk.enrich.spots import Block, Spot, Word, words_of
from wiredesk.model import Figure

NUMBER_WORDS = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50, "honderd": 100, "tweehonderd": 200, "driehonderd": 300, "duizend": 1000,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50,
    "hundred": 100, "zwei": 2, "drei": 3, "fünf": 5, "sechs": 6, "sieben": 7, "neun": 9,
    "zehn": 10, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "hundert": 100, "tausend": 1000,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "douze": 12, "vingt": 20, "trente": 30, "cent": 100, "mille": 1000,
    "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
    "achttien": 18, "negentien": 19, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "dreizehn": 13,
    "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
}  # fmt: skip
SCALES = {
    "duizend": 1e3, "thousand": 1e3, "tausend": 1e3, "mille": 1e3,
    "miljoen": 1e6, "million": 1e6, "millions": 1e6, "millionen": 1e6, "mio": 1e6,
    "miljard": 1e9, "billion": 1e9, "billions": 1e9, "milliarde": 1e9, "milliarden": 1e9,
    "milliard": 1e9, "milliards": 1e9, "mrd": 1e9,
}  # fmt: skip
CURRENCIES = {"$": "dollar", "€": "euro", "£": "pound"}
PERCENT_WORDS = words_of_list(
    """
    procent percent per cent prozent pour %
    """
)
# Words before a number that belong to the figure: "zo'n 8000", "more than 157".
QUALIFIER_WORDS = (
    "zo'n", "zo’n", "ruim", "bijna", "ongeveer", "circa", "zeker", "minstens", "meer dan",
    "minder dan", "about", "around", "nearly", "almost", "at least", "more than", "over",
    "some", "up to", "rund", "etwa", "fast", "mehr als", "mindestens", "knapp", "über",
    "environ", "près de", "plus de", "au moins", "quelque",
)  # fmt: skip
# A qualifier ending one space before a number (14 characters back at most, see
# ``_qualifier_start``); "$" also matches before a line end that ends the text searched.
QUALIFIERS = re.compile("(?:" + "|".join(QUALIFIER_WORDS) + ") $", re.IGNORECASE)
# The same read backwards from the number, the longest first: a match starts at the
# number, where searching forwards tried every one of the 14 characters before it (a
# seventh of the figures' time, 2026-12-05, bench/entities_bench.py).
_QUALIFIERS_BACKWARDS = re.compile(
    " (?:" + "|".join(word[::-1] for word in sorted(QUALIFIER_WORDS, key=len, reverse=True)) + ")",
    re.IGNORECASE,
)
# Adjectives and words that stand between a number and what it counts.
SKIPPED = words_of_list(
    """
    verschillende andere nieuwe extra jonge kleine grote vermeende separate other new more
    additional different young small large major further weitere andere neue verschiedene
    autres nouveaux nouvelles de of d' van
    """
)
# Words before a year: "in 2023", "sinds 2014", "bis 2030", "depuis 1997".
YEAR_WORDS = words_of_list(
    """
    in im sinds seit since en depuis bis until tot van von from vanaf of jaar year jahr année
    the het de le la begin eind ende fin by
    """
)
# Words after a number that say it counts nothing: "127,000 last year".
NOT_COUNTED = words_of_list("last this next a an per de het the le la der die das")
MONTHS = words_of_list(
    """
    januari februari maart april mei juni juli augustus september oktober november december
    january february march may june july august october januar februar märz juni juli
    oktober dezember janvier février mars avril juin juillet août septembre octobre novembre
    décembre jan feb mar apr jun jul aug sep sept oct okt nov dec
    """
)
# Digits with thousands apart ("10.000", "10,000", "8 000") or plain ("8000", "3,6").
_NUMBER_RE = re.compile(
    r"(?P<currency>[$€£]\s?)?"
    r"(?P<digits>\d{1,3}(?:(?:[.,]|\u202f|\u00a0| (?=\d{3}\b))\d{3})+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
    r"(?P<percent>\s?%)?"
)

# Where a match of _NUMBER_RE may start: a currency sign or a digit.
_NUMBER_START = re.compile(r"[$€£\d]")


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """What ``_NUMBER_RE.finditer(text)`` finds, four times faster: the expression, whose
    optional currency opens it, is tried only where a currency sign or a digit is, instead
    of at every character (0.52 against 0.14 ms a generated page, 2026-12-04)."""
    position = 0
    while (start := _NUMBER_START.search(text, position)) is not None:
        match = _NUMBER_RE.match(text, start.start())
        if match is None:
            position = start.start() + 1
            continue
        yield match
        position = match.end()


def find_figures(
    blocks: list[Block], spots: list[Spot], language: str | None
) -> tuple[Figure, ...]:
    figures: list[Figure] = []
    adjectives_in: dict[int, list[tuple[int, int]]] = {}
    for spot in spots:
        if spot.type == "place" and spot.is_adjective:
            adjectives_in.setdefault(spot.block, []).append((spot.start, spot.end))
    for block in blocks:
        if block.index == -2:
            continue
        adjectives = adjectives_in.get(block.index, [])
        figures += _figures(block, adjectives, language)
    return tuple(figures)


# Thousands apart by full stops ("10.000", "1.250,5"), by commas ("10,000").
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _value(digits: str, language: str | None) -> float | None:
    if language == "en":
        return float(digits.replace(",", ""))
    plain = digits.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if _DOT_THOUSANDS.fullmatch(plain):
        plain = plain.replace(".", "")
    elif _COMMA_THOUSANDS.fullmatch(plain) and language is None:
        plain = plain.replace(",", "")
    try:
        return float(plain.replace(",", "."))
    except ValueError:
        return None


def _figures(block: Block, adjectives: list[tuple[int, int]], language: str | None) -> list[Figure]:
    text = block.text
    words = words_of(text)
    found: list[Figure] = []
    numbers: list[tuple[int, int, float, str | None]] = []  # start, end, value, counts
    for match in _numbers(text):
        start, end = match.span()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-:/"):
            continue
        if end < len(text) and (text[end].isalpha() or text[end] in ":/-–"):
            continue  # part of a word, a time, a score ("3-1")
        value = _value(match["digits"], language)
        if value is None:
            continue
        counts = "%" if match["percent"] else None
        if match["currency"]:
            counts = CURRENCIES[match["currency"].strip()]
        numbers.append((start, end, value, counts))
    for index in words.indexes(NUMBER_WORDS.__contains__):
        numbers.append(
            (words.starts[index], words.ends[index], float(NUMBER_WORDS[words.lowers[index]]), None)
        )
    for start, end, value, counts in sorted(numbers):
        at = words.first_at_or_after(end)
        following = words.run(at, at + 6)
        before_at = bisect.bisect_right(words.ends, start) - 1
        previous = words[before_at] if before_at >= 0 else None
        if following and following[0].lower in SCALES:
            value *= SCALES[following[0].lower]
            end = following[0].end
            following = following[1:]
        if counts is None:
            if _is_date_or_year(text, start, end, value, previous, following):
                continue
            counted = _counted(text, end, following, adjectives, language)
            if counted is None:
                continue
            counts, end = counted.text, counted.end
        start = _qualifier_start(text, start)
        found.append(Figure(text=text[start:end], value=value, counts=counts, block=block.index))
    return found


def _qualifier_start(text: str, start: int) -> int:
    """Where the figure of the number at ``start`` starts: at a qualifier before it, else at
    the number (what ``QUALIFIERS.search(text, max(0, start - 14), start)`` finds)."""
    backwards = text[max(0, start - 14) : start][::-1]
    # "$" matches before a line end that ends the window: the space comes before it
    found = _QUALIFIERS_BACKWARDS.match(backwards, 1 if backwards[:1] == "\n" else 0)
    return start - found.end() if found is not None else start


def _is_date_or_year(
    text: str, start: int, end: int, value: float, previous: Word | None, following: list[Word]
) -> bool:
    """A date ("18 maart", "March 18") or a year: four digits after "in", "sinds", "bis"…
    or closing a sentence ("by 2027.")."""
    before = previous.lower if previous is not None and previous.end <= start else ""
    if before in MONTHS or (following and following[0].lower in MONTHS):
        return True
    if not (1800 <= value <= 2100 and value.is_integer() and end - start == 4):
        return False
    return before in YEAR_WORDS or not following or text[end : end + 1] in {".", ",", ")"}


def _is_adjective(word: Word, language: str | None) -> bool:
    """An adjective by its shape: in Dutch an inflected one ends in -e ("onafhankelijke"), in
    German every noun is capitalised, so a word in lower case is not what is counted."""
    text = word.text
    if language == "nl":
        return text.islower() and text.endswith("e") and len(text) > 3
    if language == "de":
        return text.islower() and text not in PERCENT_WORDS
    return False


# Marks between a number and the next word that part them.
_BREAKS = re.compile('[.,;:!?()"“”]')


def _counted(
    text: str,
    end: int,
    following: list[Word],
    adjectives: list[tuple[int, int]],
    language: str | None,
) -> Word | None:
    """The word a number counts: the first noun after it, past adjectives."""
    previous_end = end
    for word in following[:4]:
        gap = text[previous_end : word.start]
        if gap != " " and _BREAKS.search(gap):  # mostly one space: no search
            return None
        previous_end = word.end
        if (word.start, word.end) in adjectives or word.lower in SKIPPED:
            continue
        if _is_adjective(word, language):
            continue
        if word.lower in NOT_COUNTED:
            return None
        if word.lower.startswith(("d'", "d’")):  # "40 milliards d'euros"
            return Word(word.text[2:], word.start + 2, word.end, word.lower[2:])
        later = following[following.index(word) + 1 : following.index(word) + 2]
        if (
            language == "en"
            and later
            and not word.lower.endswith("s")
            and later[0].lower.endswith("s")
            and text[word.end : later[0].start] == " "
        ):
            return later[0]  # "two ballistic missiles"
        if word.lower in PERCENT_WORDS:
            if text[word.end : word.end + 5] == " cent":  # "per cent", "pour cent"
                printed = text[word.start : word.end + 5]
                return Word(printed, word.start, word.end + 5, printed.lower())
            return word if word.lower not in {"per", "pour"} else None
        if word.text.isdigit():
            return None
        return word
    return None
