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
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, compress, count, repeat
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
    """A word of a block and where it is; ``lower`` is it in lower case."""

    text: str
    start: int
    end: int
    lower: str


# WORD_RE as a splitter: ``split`` gives the gaps and the words in turn, all in C. Its
# repeats are possessive: they never give back (a word is all the letters there are), and
# the expression then runs a sixth faster.
_WORD_SPLIT = re.compile(r"(\w++(?:['’-]\w++)*+)")


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text as four lists side by side: ``texts[i]`` is the i-th word,
    ``starts[i]`` and ``ends[i]`` where it is, ``lowers[i]`` it in lower case.

    Enrichment reads every word of every story, so the lists are built without a Python
    step per word (a split, then running sums of the pieces' lengths), and the finders
    pick the few words they care about with ``indexes``: making a ``Word`` for each of a
    page's thousand words took more time than all the finders' work on them (2026-12-04,
    bench/entities_bench.py)."""

    texts: list[str]
    starts: list[int]
    ends: list[int]
    lowers: list[str]

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index: int) -> Word:
        return Word(self.texts[index], self.starts[index], self.ends[index], self.lowers[index])

    def indexes(self, is_kept: Callable[[str], bool], *, lower: bool = True) -> list[int]:
        """The indexes of the words (in lower case, or as printed) ``is_kept`` keeps, in
        order. Give a set's ``__contains__`` or a cached function: the loop runs in C."""
        return list(compress(count(), map(is_kept, self.lowers if lower else self.texts)))

    def first_at_or_after(self, position: int) -> int:
        """The index of the first word that starts at ``position`` or later."""
        return bisect.bisect_left(self.starts, position)

    def run(self, low: int, high: int) -> list[Word]:
        """words[low:high] as ``Word``s."""
        # tuple.__new__ over the zipped lists makes each Word in C: a Python call per word
        # (Word(...)) took half the time the quote finder spent on a page.
        return list(
            map(
                tuple.__new__,
                repeat(Word),
                zip(
                    self.texts[low:high],
                    self.starts[low:high],
                    self.ends[low:high],
                    self.lowers[low:high],
                    strict=True,
                ),
            )
        )

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The indexes ``low`` and ``high`` of the words that lie within ``start`` and
        ``end``: words[low:high]."""
        low = bisect.bisect_left(self.starts, start)
        high = min(bisect.bisect_left(self.starts, end), bisect.bisect_right(self.ends, end))
        return low, max(low, high)

    def between(self, start: int, end: int) -> list[Word]:
        """The words that lie within ``start`` and ``end``."""
        return self.run(*self.bounds(start, end))


@functools.lru_cache(maxsize=4096)
def words_of(text: str) -> Words:
    """The words of ``text`` (read once per text: every finder asks)."""
    pieces = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
    offsets = list(accumulate(map(len, pieces), initial=0))
    texts = pieces[1::2]
    return Words(texts, offsets[1:-1:2], offsets[2::2], list(map(str.lower, texts)))


def words_between(text: str, start: int, end: int) -> list[Word]:
    """The words of ``text`` that lie within ``start`` and ``end``."""
    return words_of(text).between(start, end)


# Sentence ends outside quotation marks: ". ", "! ", "? " (a quote may hold several).
_OPENING = {"“": "”", "„": "“”", "«": "»", '"': '"'}


# What the sentence reader stops at outside a quotation (an end, an opening quotation
# mark), and inside one (its closing marks): it jumps from one to the next with a regular
# expression instead of looking at every character in Python.
_OUTSIDE = re.compile(r'[.!?“„«"]')
_INSIDE = {closing: re.compile(f"[{closing}]") for closing in set(_OPENING.values())}


def sentences_of(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as (start, end) offsets; a quotation's own full stops do not
    end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    closing: str | None = None
    length = len(text)
    index = 0
    while True:
        found = (_OUTSIDE if closing is None else _INSIDE[closing]).search(text, index)
        if found is None:
            break
        index = found.start()
        character = text[index]
        if closing is not None:  # the quotation's closing mark
            closing = None
        elif character in _OPENING:
            if character != '"' or _opens(text, index):
                closing = _OPENING[character]
        elif (index + 1 == length or text[index + 1] == " ") and not _is_abbreviation(
            text, start, index
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
    if dot - start >= 4 and text[dot - 4 : dot].isalpha():
        return False  # longer than any abbreviation here (most full stops end a word so)
    word_start = dot
    while word_start > start and text[word_start - 1].isalpha():
        word_start -= 1
        if dot - word_start > 3:
            return False  # longer than any abbreviation here: no need to read it all
    word = text[word_start:dot]
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


_ABBREVIATIONS = frozenset(["dr", "mr", "mrs", "ms", "mme"])
