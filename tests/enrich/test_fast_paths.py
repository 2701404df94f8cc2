"""Enrichment's fast readings give what the plain expressions and loops they replace give.

Each finder looks where a cue is instead of everywhere (see the comments beside each);
these properties hold the short cut to the long way on text made of the cue words, their
look-alikes and characters that trip offsets up.
"""

from __future__ import annotations

import functools
import re
import sys

import ahocorasick
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wiredesk.enrich import find_all
from wiredesk.enrich.figures import (
    _NUMBER_RE,
    QUALIFIER_WORDS,
    QUALIFIERS,
    _numbers,
    _qualifier_start,
)
from wiredesk.enrich.gazetteer import (
    _NOT_ALNUM,
    GENITIVE_LANGUAGES,
    PLACE_RANK,
    Found,
    Named,
    _edged,
    _is_cased_as,
    _longest,
    _lower,
    _read_organisations,
    _read_places,
    find_names,
)
from wiredesk.enrich.organisations import FORCES_RE, MINISTRY_RE, _forces, _ministries_of
from wiredesk.enrich.quotes import QUOTATION_RE
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


# The quotation expression as it was: the straight mark's test before it, so that the
# expression was tried at every character.
QUOTATION_TRIED_EVERYWHERE = re.compile(
    r'“([^”“]+)”|„([^“”„]+)[“”]|«\s?([^»]+?)\s?»|(?<![\w])"([^"]+)"'
)
quotation_texts = st.lists(
    st.sampled_from(["zei", "hij", "x", "_", "1", "é", "Dat is", " ", ": ", "(", "\n"])
    | st.sampled_from(['"', "“", "”", "„", "«", "»", "« ", " »"]),
    max_size=30,
).map("".join)


@settings(max_examples=400)
@given(quotation_texts | texts, st.integers(0, 8), st.integers(0, 8))
@example('x"Dit niet" maar "dit wel", zei hij. "Ja"', 0, 0)
@example('"Ja" en « oui » en „ja“', 1, 0)
def test_quotations_are_what_the_expression_tried_everywhere_finds(
    text: str, cut_start: int, cut_end: int
) -> None:
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)

    def found(expression: re.Pattern[str]) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
        return [(match.span(), match.groups()) for match in expression.finditer(text, start, end)]

    assert found(QUOTATION_RE) == found(QUOTATION_TRIED_EVERYWHERE)
    for method in ("search", "fullmatch"):
        now = getattr(QUOTATION_RE, method)(text)
        was = getattr(QUOTATION_TRIED_EVERYWHERE, method)(text)
        assert (now and (now.span(), now.groups())) == (was and (was.span(), was.groups()))


qualifier_texts = st.lists(
    st.sampled_from([*QUALIFIER_WORDS, "MEER DAN", "Zo'N", "cover", "ſome", "İ", "8000", "x"])
    | st.sampled_from([" ", "  ", "\n", " \n", "\n "]),
    max_size=12,
).map("".join)


@settings(max_examples=400)
@given(qualifier_texts | texts)
@example("zo'n 8000, meer dan\n157, cover 3 en at least 4")
def test_qualifiers_read_backwards_are_what_the_expression_finds(text: str) -> None:
    for start in range(len(text) + 1):
        found = QUALIFIERS.search(text, max(0, start - 14), start)
        assert _qualifier_start(text, start) == (found.start() if found else start), start


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


def test_lower_case_and_the_expression_keep_word_edges_over_all_of_unicode() -> None:
    """What ``_edged`` leans on: a character's lower case is a letter or digit as it is, and
    ``[\\W_]`` is what ``str.isalnum`` refuses."""
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        lowered = character.lower()
        is_alnum = character.isalnum()
        assert (_NOT_ALNUM.match(character) is None) == is_alnum, hex(code)
        if len(lowered) == 1:
            assert lowered.isalnum() == is_alnum, hex(code)


@functools.cache
def every_match_automaton() -> ahocorasick.Automaton:
    """The gazetteer's automaton as it was: every form in lower case, matched anywhere."""
    forms: dict[str, list[tuple[tuple[int, int], str, Named]]] = {}
    for named, population, form_list in _read_places():
        rank = (PLACE_RANK.get(named.kind, 5), -population)
        for form in form_list:
            forms.setdefault(_lower(form), []).append((rank, form, named))
    for named, form_list in _read_organisations():
        for form in form_list:
            forms.setdefault(_lower(form), []).append(((-1, 0), form, named))
    automaton = ahocorasick.Automaton()
    for key, candidates in forms.items():
        candidates.sort(key=lambda candidate: candidate[0])
        automaton.add_word(key, (len(key), tuple(candidates)))
    automaton.make_automaton()
    return automaton


def names_matched_anywhere(text: str, language: str | None) -> list[Found]:
    """``find_names`` as it was: every match of every form, then its word edges in Python."""
    found = []
    for end, (length, candidates) in every_match_automaton().iter(_lower(text)):
        start, stop = end + 1 - length, end + 1
        if start and text[start - 1].isalnum():
            continue
        if stop < len(text) and text[stop].isalnum():
            is_edge = stop + 1 >= len(text) or not text[stop + 1].isalnum()
            if not (language in GENITIVE_LANGUAGES and text[stop] == "s" and is_edge
                    and text[start].isupper()):  # fmt: skip
                continue
            stop += 1
        printed = text[start : end + 1]
        for _, form, named in candidates:
            if _is_cased_as(printed, form):
                is_adjective = form[0].islower() or (
                    named.kind == "country" and form not in named.names.values()
                )
                found.append(Found(named=named, start=start, end=stop, is_adjective=is_adjective))
                break
    return _longest(found)


NAME_PIECES = [
    "Rusland", "RUSLAND", "rusland", "Russische", "russische", "Russlands", "Österreichs",
    "Chinas", "Chinass", "Parijs", "Parijss", "Noord-Korea", "Noord Korea", "NOORD-KOREA",
    "Noord-Koreaanse", "NAVO", "Navo", "navo", "NAVO-bondgenoten", "EU-Kommission", "UN",
    "un", "US", "U.S.", "U.S", "St. Lucia", "St Lucia", "Saint-Barthélemy", "Kyiv", "Kiev",
    "Washington", "İstanbul", "Istanbul", "Σ", "ς", "_", "s", "S", "x", "Jordan", "Georgia",
    "Corée du Nord", "Côte d'Ivoire", "Côte d’Ivoire", "NORD-CORÉEN", "NORD CORÉEN",
    "nord-coréen", "nord coréen", "Nord-coréen", "Afghans", "Afghan", "Oostenrijks",
    "Austrians", "Belgisches", "Emirates",
]  # fmt: skip
name_texts = st.lists(st.sampled_from(NAME_PIECES) | st.sampled_from(MARKS), max_size=30).map(
    "".join
)


@settings(max_examples=400, deadline=None)  # the first example builds both automatons
@given(name_texts | texts, st.sampled_from(["nl", "de", "en", "fr", None]))
@example(
    "Russlands Chinass Parijs Österreichs-Noord-Korea (NAVO-bondgenoten), U.S. St. Lucia", "de"
)
@example("NOORD KOREA, Noord Korea en İstanbul's ΣΣ; Côte d’Ivoire", "nl")
@example("NORD CORÉEN, Afghans, Oostenrijks en Emirates", "de")
def test_names_are_what_every_match_on_word_edges_gives(text: str, language: str | None) -> None:
    lowered = _lower(text)
    # every character neither letter nor figure a space (a reference apart from both of
    # _edged's ways, the Latin-1 table and the expression)
    assert _edged(lowered) == " " + "".join(c if c.isalnum() else " " for c in lowered) + " "
    assert find_names(text, language) == names_matched_anywhere(text, language)


def test_a_name_alone_opening_a_sentence_is_a_person_only_after_a_title() -> None:
    """The short cut for a sentence's one capitalised word keeps "M. Dupont" (the title
    before it reads as a sentence's end) and leaves "Dupont" and "Inflation" alone."""
    with_title = find_all(None, None, ["Le vote a eu lieu. M. Dupont a refusé."], "fr")
    assert [(entity.id, entity.name) for entity in with_title.entities] == [
        ("person:dupont", "Dupont")
    ]
    without = find_all(
        None, None, ["Le vote a eu lieu. Dupont a refusé. Inflation a baissé."], "fr"
    )
    assert without.entities == ()
