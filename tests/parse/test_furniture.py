"""Furniture lines asked of directly: the rules' quick exits keep their answers."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from wiredesk.parse.furniture import (
    COPYRIGHT_LINE_RE,
    COPYRIGHT_MARK_CHARS,
    CRUMB_HINT_RE,
    CRUMB_MARKS,
    MAX_FURNITURE_CHARS,
    _holds_crumb_mark,
    _is_printed_twice,
    _may_be_copyright,
    _names_copyright,
    is_furniture,
)
from wiredesk.parse.lines import split_lines
from wiredesk.parse.rules import COPYRIGHT_LINE_PATTERN

LONG_TITLE = (
    "Article réservé à nos abonnés Dans les campagnes, des écoles qui ferment faute d’élèves "
    "et des maires qui se battent pour garder leurs classes ouvertes"
)


def test_a_furniture_line_printed_twice_is_furniture() -> None:
    assert is_furniture("Partager Partager")
    assert is_furniture("Ajouter à vos sélections Ajouter à vos sélections")
    assert is_furniture("PARTAGER\tpartager")


def test_words_printed_twice_that_are_no_furniture_line_are_not() -> None:
    assert not is_furniture("Partager Partager Partager")
    assert not is_furniture("New York New York")
    assert not is_furniture("Partager les Partager")


def test_a_long_pointer_to_another_story_is_furniture() -> None:
    assert is_furniture(f"Lire aussi : {LONG_TITLE}")
    assert is_furniture(f"Lees ook | {LONG_TITLE}")


def test_a_long_paragraph_opening_like_a_pointer_without_its_colon_is_not() -> None:
    assert not is_furniture(f"Lire aussi {LONG_TITLE}")
    assert not is_furniture(f"Related {LONG_TITLE}")


# The quick exits below each keep a rule's answer; these tests hold them to the rules
# written plainly.
CORPUS = Path(__file__).parent.parent / "corpus"


def _plain_printed_twice(folded: str) -> bool:
    words = folded.split()
    half = len(words) // 2
    return half > 0 and len(words) == 2 * half and words[:half] == words[half:]


def _plain_copyright(line: str) -> bool:
    folded = line.casefold()
    return ("©" in line or "(c)" in folded or "copyright" in folded) and (
        COPYRIGHT_LINE_RE.fullmatch(line) is not None
    )


def _told_copyright(line: str) -> bool:
    """The copyright rule as ``is_furniture`` asks it of a long line."""
    return ("©" in line or (_may_be_copyright(line) and _names_copyright(line.casefold()))) and (
        COPYRIGHT_LINE_RE.fullmatch(line) is not None
    )


def test_the_copyright_line_opens_with_its_mark_within_the_characters_looked_at() -> None:
    # ``_may_be_copyright`` looks for the mark in the first ``COPYRIGHT_MARK_CHARS``.
    assert COPYRIGHT_LINE_PATTERN.startswith(r".{0,30}(?:©|\(c\)|copyright)")
    assert len("copyright") + 30 == COPYRIGHT_MARK_CHARS


@settings(max_examples=400)
@given(
    st.text(alphabet="ab cCyY(ı", max_size=34),
    st.sampled_from(
        [
            "copyright",
            "COPYRIGHT",
            "CopyRight",
            "copyrıght",
            "COPYRİGHT",
            "(c)",
            "(C)",
            "©",
            "copyrighẗ",
        ]
    ),
    st.sampled_from(["", " ", "  copyright "]),
    st.text(alphabet="ab .(c)©", max_size=200),
)
def test_a_long_copyright_line_is_told_as_the_plain_rule_tells_it(
    opening: str, mark: str, between: str, rest: str
) -> None:
    line = f"{opening}{mark}{between}2024 {rest}"
    assert _told_copyright(line) == _plain_copyright(line)


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["de", "the", "Partager", "partager", "à", "vos", "x"]), max_size=6),
    st.lists(st.sampled_from([" ", "  ", "\t", "\u00a0"]), min_size=12, max_size=12),
    st.booleans(),
)
def test_a_line_is_printed_twice_as_the_plain_rule_tells_it(
    words: list[str], spaces: list[str], twice: bool
) -> None:
    words = words + words if twice else words
    line = "".join(word + space for word, space in zip(words, spaces, strict=False)).strip()
    folded = line.casefold()
    expected = _plain_printed_twice(folded) and is_furniture(
        " ".join(folded.split()[: len(folded.split()) // 2])
    )
    assert _is_printed_twice(folded) == expected


def test_the_crumb_marks_are_the_hint_regex_characters() -> None:
    assert CRUMB_HINT_RE.pattern == "[" + "".join(CRUMB_MARKS) + "]"


@given(st.text(alphabet="ab >›»|/\\-:", max_size=30))
def test_a_crumb_mark_is_found_as_the_hint_regex_finds_it(line: str) -> None:
    assert _holds_crumb_mark(line) == (CRUMB_HINT_RE.search(line) is not None)


def test_corpus_lines_are_told_as_the_plain_rules_tell_them() -> None:
    lines = [
        line for path in sorted(CORPUS.rglob("*.txt")) for line in split_lines(path.read_text())
    ]
    assert len(lines) > 500
    for line in lines:
        folded = line.casefold()
        if len(line) <= MAX_FURNITURE_CHARS:
            assert _told_copyright(line) == _plain_copyright(line), line
        first = folded.split(None, 1)
        if len(first) == 2 and first[0] in first[1] and not _plain_printed_twice(folded):
            assert not _is_printed_twice(folded), line
