"""Trying only the alternatives of a regex that can open with a line's first character."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from wiredesk.parse.furniture import FURNITURE, is_furniture
from wiredesk.parse.lines import split_lines
from wiredesk.parse.openings import Openings
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
