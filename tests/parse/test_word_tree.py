"""Word lists as regex trees: the same matches as the plain alternation of the words."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from wiredesk.parse.rules import AGENCIES
from wiredesk.parse.times import month_names
from wiredesk.parse.word_tree import word_tree_regex

# Letters of month names in both cases, figures, and what stands between them in dates.
DATE_ALPHABET = "marchsjunivoebtépûäMARCHSJUNIVOEBTÉPÛÄ0123 .,"


def alternation(words: frozenset[str] | set[str]) -> str:
    """The words as a plain alternation, longest first: what a tree stands in for."""
    return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"


def test_a_word_tree_shares_the_beginnings_of_its_words() -> None:
    assert word_tree_regex(["mar", "march", "mars"]) == "(?:mar(?:(?:ch|s))?)"


@given(st.text(alphabet=DATE_ALPHABET, max_size=40))
@example("18 marchers in Mars 2026 and 3 mars, SEPT. 3 märz 12 juni 2 mär 2026")
def test_the_month_tree_matches_what_the_alternation_of_months_matches(text: str) -> None:
    # alone, before a day (the shorter name is tried when the longer fails), and before a year
    for after in ("", r"\.?\s+\d{1,2}\b", r"(?:\s+\d{4})?"):
        tree = re.compile(word_tree_regex(month_names()) + after, re.IGNORECASE)
        plain = re.compile(alternation(set(month_names())) + after, re.IGNORECASE)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


# Letters of agency codes in both cases, and what stands around them in credits.
AGENCY_ALPHABET = "anpfrtdesuxblčkANPFRTDESUXBLČK() ./-"


@given(st.text(alphabet=AGENCY_ALPHABET, max_size=30))
@example("(ANP/AFP) dpa-afx, DPA (afp) Europa Press EFE.")
def test_the_agency_tree_matches_what_the_alternation_of_agencies_matches(text: str) -> None:
    # a byline's agency (a word ends after it), a credit in parentheses, and the whole text
    for before, after in (("", r"(?=\W|$)"), (r"\(?", r"\)?\.?"), ("^", "$")):
        tree = re.compile(before + word_tree_regex(AGENCIES) + after, re.IGNORECASE)
        plain = re.compile(before + alternation(AGENCIES) + after, re.IGNORECASE)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
