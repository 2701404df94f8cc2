"""What the finders share: a story's text as numbered blocks, a ``Spot`` where one names a
place, person, organisation or role, and how text splits into words.

A spot is what the finders pass each other before the entities are put together
(``entities.py``); quotes and figures read the spots too (who speaks, which adjective is a
country's).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

SpotType = Literal["place", "person", "organisation", "role"]

# A word: letters and digits, with the hyphens and apostrophes inside it ("Noord-Koreaanse",
# "zo'n", "Houthi's").
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One piece of a story's text: ``index`` -1 for the headline, -2 for the dateline's
    place, 0 and up for the body (a brief's text is 0)."""

    index: int
    text: str


@dataclass(slots=True, kw_only=True)
class Spot:
    """Where a block names something: ``text[start:end]`` of block ``block``.

    ``id`` and ``name`` say what (a role's spot names its organisation when one is said:
    "woordvoerder van het ministerie van Buitenlandse Zaken"); ``role`` is the cue word a
    person's name or a role stands under ("president", "woordvoerder"); ``country`` the
    country code of a place or of an organisation that belongs to one.
    """

    type: SpotType
    id: str | None
    name: str
    block: int
    start: int
    end: int
    role: str | None = None
    country: str | None = None
    is_adjective: bool = False


class Word(NamedTuple):
    """A word of a block and where it is; ``lower`` is it in lower case. (A named tuple:
    enrichment makes one for every word of every story.)"""

    text: str
    start: int
    end: int
    lower: str


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[Word, ...]:
    return tuple(
        Word(found[0], found.start(), found.end(), found[0].lower())
        for found in WORD_RE.finditer(text)
    )


def words_of(text: str) -> list[Word]:
    """The words of ``text`` (read once per text: every finder asks)."""
    return list(_words(text))


def words_between(text: str, start: int, end: int) -> list[Word]:
    """The words of ``text`` that lie within ``start`` and ``end``."""
    words = _words(text)
    low = bisect.bisect_left(words, start, key=lambda word: word.start)
    high = bisect.bisect_left(words, end, key=lambda word: word.start)
    return [word for word in words[low:high] if word.end <= end]


# Sentence ends outside quotation marks: ". ", "! ", "? " (a quote may hold several).
_OPENING = {"“": "”", "„": "“”", "«": "»", '"': '"'}


def sentences_of(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as (start, end) offsets; a quotation's own full stops do not
    end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    closing: str | None = None
    index = 0
    length = len(text)
    while index < length:
        character = text[index]
        if closing is not None:
            if character in closing:
                closing = None
        elif character in _OPENING and (character != '"' or _opens(text, index)):
            closing = _OPENING[character]
        elif (
            character in ".!?"
            and (index + 1 == length or text[index + 1] == " ")
            and not _is_abbreviation(text, start, index)
        ):
            spans.append((start, index + 1))
            start = index + 1
            while start < length and text[start] == " ":
                start += 1
        index += 1
    if start < length:
        spans.append((start, length))
    return spans


def _opens(text: str, index: int) -> bool:
    """A straight double quote opens a quotation at the start or after a space or bracket."""
    return index == 0 or text[index - 1] in " ([:'‘-"


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """A full stop after an initial or a short abbreviation ("M.", "Dr.", "U.S.") does not
    end a sentence."""
    word_start = dot
    while word_start > start and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:dot]
    return (len(word) == 1 and word.isupper()) or word.lower() in {"dr", "mr", "mrs", "ms", "mme"}
