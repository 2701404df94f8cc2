"""What the finders share: a story's text as numbered blocks, a ``Spot`` where one names a
place, person, organisation or role, and how text splits into words.

A spot is what the finders pass each other before the entities are put together
(``entities.py``); quotes and figures read the spots too (who speaks, which adjective is a
country's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

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


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def words_of(text: str) -> list[Word]:
    return [Word(found.group(), found.start(), found.end()) for found in WORD_RE.finditer(text)]


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
