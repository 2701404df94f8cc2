"""Enrichment's fast readings give what the plain expressions and loops they replace give.

Each finder looks where a cue is instead of everywhere (see the comments beside each);
these properties hold the short cut to the long way on text made of the cue words, their
look-alikes and characters that trip offsets up.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from wiredesk.enrich.figures import _NUMBER_RE, _numbers
from wiredesk.enrich.organisations import FORCES_RE, MINISTRY_RE, _forces, _ministries_of
from wiredesk.enrich.spots import WORD_RE, Block, Spot, sentences_of, words_between, words_of

# Words the finders look for, words like them, and marks and characters that move offsets
# (a capital İ is two characters in lower case).
PIECES = [
    "ministerie", "van", "Buitenlandse", "Zaken", "Ministry", "ministry", "of", "the",
    "Defence", "Foreign", "foreign", "Verteidigungsministerium", "Außenministeriums",
    "Auswärtigen", "Amt", "Amtes", "State", "Department", "ministère", "russe", "de", "la",
    "Défense", "minister", "leger", "army", "l'armée", "Israeli", "israélienne", "Libanese",
    "İstanbul", "Dr", "M", "U.S", "zo'n", "Noord-Koreaanse", "$", "€", "£", "3,6", "10.000",
    "8 000", "40,000", "2025", "%", "x_y", "٣", "²",
]  # fmt: skip
MARKS = [" ", " ", " ", ". ", ", ", "-", "'", "’", "\n", '"', "“", "”", "„", "«", "»", "!", "? "]
pieces = st.lists(st.sampled_from(PIECES) | st.sampled_from(MARKS), max_size=40).map("".join)
texts = pieces | st.text(max_size=60)


@settings(max_examples=300)
@given(texts)
@example("Noord-Koreaanse soldaten, zo'n 8000, in het ministerie van Buitenlandse Zaken.")
def test_words_are_what_the_expression_finds(text: str) -> None:
    words = words_of(text)
    found = list(WORD_RE.finditer(text))
    assert words.texts == [match[0] for match in found]
    assert words.starts == [match.start() for match in found]
    assert words.ends == [match.end() for match in found]
    assert words.lowers == [match[0].lower() for match in found]
    assert words_between(text, 3, len(text) - 3) == [
        words[index]
        for index, match in enumerate(found)
        if 3 <= match.start() < len(text) - 3 and match.end() <= len(text) - 3
    ]


def sentences_one_by_one(text: str) -> list[tuple[int, int]]:
    """The sentence reader as it was, one character at a time."""
    opening = {"“": "”", "„": "“”", "«": "»", '"': '"'}
    spans: list[tuple[int, int]] = []
    start = 0
    closing: str | None = None
    for index, character in enumerate(text):
        if closing is not None:
            if character in closing:
                closing = None
        elif character in opening and (
            character != '"' or index == 0 or text[index - 1] in " ([:'‘-"
        ):
            closing = opening[character]
        elif character in ".!?" and (index + 1 == len(text) or text[index + 1] == " "):
            word_start = index
            while word_start > start and text[word_start - 1].isalpha():
                word_start -= 1
            word = text[word_start:index]
            if (len(word) == 1 and word.isupper()) or word.lower() in {
                "dr", "mr", "mrs", "ms", "mme",
            }:  # fmt: skip
                continue
            spans.append((start, index + 1))
            start = index + 1
            while start < len(text) and text[start] == " ":
                start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@settings(max_examples=300)
@given(texts)
@example('"Dit is. Een zin", zei Dr. Jansen. M. Dupont a dit « non. » Fin! Mme. X')
def test_sentences_end_where_the_character_reader_ends_them(text: str) -> None:
    assert sentences_of(text) == sentences_one_by_one(text)


@settings(max_examples=300)
@given(texts)
@example("Het Foreign Ministry of Defence en het Auswärtigen Amtes; the State Department.")
@example("İİ het ministerie van Defensie")
def test_ministries_are_what_the_expression_finds(text: str) -> None:
    assert [match.span() for match in _ministries_of(text)] == [
        match.span() for match in MINISTRY_RE.finditer(text)
    ]


@settings(max_examples=300)
@given(texts)
@example("$ 3,6 en € 10.000, 8 000 mensen; 40,000 residents; $x 2025%")
def test_numbers_are_what_the_expression_finds(text: str) -> None:
    assert [match.span() for match in _numbers(text)] == [
        match.span() for match in _NUMBER_RE.finditer(text)
    ]


def forces_everywhere(block: Block, places: list[Spot]) -> list[tuple[str, int, int]]:
    """Armed forces as they were found: every match of the expression, then its country."""
    found = []
    for match in FORCES_RE.finditer(block.text):
        for spot in places:
            gap = block.text[spot.end : match.start()]
            after = block.text[match.end() : spot.start]
            if spot.is_adjective and (gap == " " or after == " "):
                found.append((f"org:armed-forces-{(spot.country or '').lower()}", *match.span()))
                break
    return found


@settings(max_examples=300)
@given(texts)
@example("het Libanese leger en l'armée israélienne, the Israeli army")
def test_armed_forces_are_found_beside_adjectives_as_everywhere(text: str) -> None:
    places = [
        Spot(type="place", id=f"place:{match[0]}", name=match[0], block=0,
             start=match.start(), end=match.end(), country=match[0][:2].upper(),
             is_adjective=True)
        for match in re.finditer("Libanese|israélienne|Israeli|russe", text)
    ]  # fmt: skip
    block = Block(index=0, text=text)
    assert [(spot.id, spot.start, spot.end) for spot in _forces(block, places)] == (
        forces_everywhere(block, places)
    )
