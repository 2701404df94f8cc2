"""Trying only the alternatives of a regex that can open with a line's first character."""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiredesk.parse.furniture import FURNITURE, is_furniture
from wiredesk.parse.lines import split_lines
from wiredesk.parse.openings import Openings, _needs
from wiredesk.parse.rules import FURNITURE_LINES

CORPUS = Path(__file__).parent.parent / "corpus"
# Furniture lines of each kind, and lines that open like one and are none.
LINES = [
    "Lees ook: Kabinet valt",
    "LEES OOK: KABINET VALT",
    "Foto: ANP / Remko de Waal",
    "(Reporting by Jane Doe; Editing by John Smith)",
    "((jane.doe@tr.com; +44 20 7542 1234))",
    "© 2026 Reuters",
    "- landscape-tablet-and-above",
    "• landscape-tablet-and-above",
    "5 Bilder - Fotostrecke öffnen",
    "12 photos",
    "ZCZC",
    "zczc abc",
    "^BC-Oil-Prices/",
    "MIDEAST-CRISIS/",
    "jdw/rs",
    "ANP/jdw",
    "dpa lnw xy",
    "Share on Facebook",
    "Ajouter à vos sélections",
    "Der Rest dieses Artikels ist nur für Abonnenten verfügbar.",
    "Lees ook hoe het kabinet viel",
    "Oil falls on oversupply fears",
    "",
    "é",
    "Éditions du soir",
    "\u212a",  # the Kelvin sign, a "K" ignoring case
    "\u017fhare on Facebook",  # the long s, an "s" ignoring case
    # lines for the alternatives that open with any letter, tried apart
    "Jane Doe/ANP",
    "Jane Doe / Reuters / AFP",
    "Binnenland »",
    "Meer sport →",
    "landscape_tablet_and_above",
    "MIDEAST-CRISIS-OIL/",
    "jdw/rs/ab",
    "Jane-Doe - ANP",
]


def _check(line: str) -> None:
    assert FURNITURE.fullmatch(line) == (FURNITURE.whole.fullmatch(line) is not None), line


def test_furniture_lines_match_the_picked_patterns_as_they_match_all() -> None:
    for line in [*LINES, *FURNITURE_LINES]:
        _check(line)
        _check(line.upper())
        _check(f"x{line}")


def test_corpus_lines_match_the_picked_patterns_as_they_match_all() -> None:
    lines = [
        line for path in sorted(CORPUS.rglob("*.txt")) for line in split_lines(path.read_text())
    ]
    assert len(lines) > 500
    for line in lines:
        _check(line)


@settings(max_examples=300)
@given(
    st.sampled_from(LINES),
    st.text(alphabet=st.characters(max_codepoint=0x24F), max_size=3),
    st.text(max_size=40),
)
def test_any_text_matches_the_picked_patterns_as_it_matches_all(
    line: str, opening: str, rest: str
) -> None:
    _check(opening + line)
    _check(opening + rest)
    _check(line[: len(rest)] + rest)


def test_only_the_alternatives_that_can_open_a_text_are_tried() -> None:
    openings = Openings((r"lees ook:.*", r"\d+ comments", r"(?:[-•*]\s*)?x+", r"a?b"), re.I)
    assert openings.fullmatch("LEES OOK: x")
    assert openings.fullmatch("7 Comments")
    assert openings.fullmatch("- xx")
    assert openings.fullmatch("XX") and openings.fullmatch("x")
    assert openings.fullmatch("•xx")  # not ASCII: all alternatives
    assert openings.fullmatch("ab") and openings.fullmatch("b")
    assert not openings.fullmatch("zz") and not openings.fullmatch("")
    assert openings._pick("z") is None and openings._pick("le") is not None
    assert openings._pick("la") is None  # "l", then no "a" in any alternative
    picked = openings._pick("lE")
    assert picked is not None and picked.pattern == "(?:lees ook:.*)"
    assert not is_furniture("Oil falls on oversupply fears")


def test_alternatives_opening_with_any_letter_are_tried_on_texts_holding_what_they_need() -> None:
    openings = Openings((r"[a-z]+/[a-z]+", r"[^\W\d_]+\s[»→]", r"lees ook.*", r"\w+"), re.I)
    # "\w+" needs nothing: it is picked by the opening with the rest
    assert openings._gated == {0: (frozenset("/"),), 1: (frozenset("»→"),)}
    picked = openings._pick("ab")
    assert picked is not None and picked.pattern == "(?:\\w+)"
    assert openings.fullmatch("abc/DEF") and openings.fullmatch("Meer »")
    assert not openings.fullmatch("abc/ def") and not openings.fullmatch("abc-def")
    assert openings.fullmatch("LEES OOK dit")


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [(r"[a-z]+(?:[-_][a-z]+){2,}", [frozenset("-_")]),
     (r"x(?:a/|b:c)y", [frozenset("/:")]),
     (r"(?i:k)/\s*:", [frozenset("/"), frozenset(":")]),
     (r"a/?b|c", []), (r"[^/]x", []), (r"(?:a|b/)", []), (r"[a/]", []), (r"(?=/)x", [])],
)  # fmt: skip
def test_what_a_pattern_needs_is_read_from_its_characters_without_case(
    pattern: str, needs: list[frozenset[str]]
) -> None:
    assert _needs(sre_parse.parse(pattern, re.I).data) == needs


def test_no_character_matches_another_without_case_when_case_is_ignored() -> None:
    # ``_needs`` reads characters without case: ignoring case, a regex compares a text's
    # character lowered, and no character lowers to another that has no case.
    import _sre  # type: ignore[import-not-found]

    for code in range(sys.maxunicode + 1):
        lowered = _sre.unicode_tolower(code)
        assert lowered == code or _sre.unicode_iscased(lowered), hex(code)
