"""Which alternatives of a long case-insensitive regex a line can match, by its first character.

Python's regex engine tries the alternatives of ``a|b|c`` one after another, and when it
ignores case it rules none of them out by its first character: the furniture regex's 60
alternatives took 4.4 µs on a line that matches none (December 2026, generated pages).
Most alternatives can open with a few characters only ("lees ook", "©", "(reporting"),
so ``by_opening`` sorts them by the ASCII characters each can open with, read from the
regex's parsed form, and the line's first character picks the ones worth trying.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # no stub in typeshed
from collections.abc import Sequence
from typing import Any

_ASCII = [chr(code) for code in range(128)]
# What a category of characters is in a regex.
_CATEGORIES = {
    sre_parse.CATEGORY_DIGIT: r"\d",
    sre_parse.CATEGORY_NOT_DIGIT: r"\D",
    sre_parse.CATEGORY_SPACE: r"\s",
    sre_parse.CATEGORY_NOT_SPACE: r"\S",
    sre_parse.CATEGORY_WORD: r"\w",
    sre_parse.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)


def by_opening(
    alternatives: Sequence[str], flags: int
) -> tuple[re.Pattern[str], dict[str, re.Pattern[str] | None]]:
    """The alternatives as one regex, and for each ASCII character the regex of those that
    can match a text opening with it (None: none can). A text opening otherwise (empty, or
    with any other character) is for the whole regex.

    Whether a text ``fullmatch``-es the one a character picks is whether it ``fullmatch``-es
    the whole regex: an alternative left out cannot match at the text's first character.
    """
    whole = re.compile("|".join(f"(?:{pattern})" for pattern in alternatives), flags)
    openings = []
    for pattern in alternatives:
        opens, empty = _openings(sre_parse.parse(pattern, flags).data, flags)
        openings.append(frozenset(_ASCII) if empty else opens)  # "" opens with anything
    compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}
    table: dict[str, re.Pattern[str] | None] = {}
    for char in _ASCII:
        chosen = tuple(i for i, opens in enumerate(openings) if char in opens)
        if chosen not in compiled:
            compiled[chosen] = (
                re.compile("|".join(f"(?:{alternatives[i]})" for i in chosen), flags)
                if chosen
                else None
            )
        table[char] = compiled[chosen]
    return whole, table


def _item_openings(op: Any, value: Any, flags: int) -> tuple[frozenset[str], bool]:
    """What one parsed item can open with, and whether it can match the empty text."""
    if op is sre_parse.LITERAL:
        return _matching(re.escape(chr(value)), flags), False
    if op is sre_parse.IN:
        return _matching(_class(value), flags), False
    if op is sre_parse.SUBPATTERN:
        _group, add_flags, del_flags, pattern = value
        if add_flags or del_flags:
            return frozenset(_ASCII), True  # flags of its own: not read here
        return _openings(pattern.data, flags)
    if op is sre_parse.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in value[1]:
            opens, can_be_empty = _openings(branch.data, flags)
            found |= opens
            empty = empty or can_be_empty
        return frozenset(found), empty
    if op in _REPEATS:
        low, _high, item = value
        opens, empty = _openings(item.data, flags)
        return opens, empty or low == 0
    return frozenset(_ASCII), True  # anything else (".", anchors, lookarounds): any


def _openings(items: Any, flags: int) -> tuple[frozenset[str], bool]:
    """The ASCII characters a match of a parsed pattern can open with, and whether it can
    match the empty text."""
    found: set[str] = set()
    for op, value in items:
        opens, empty = _item_openings(op, value, flags)
        found |= opens
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _class(items: Any) -> str:
    """A parsed character class as a regex again."""
    parts = []
    for op, value in items:
        if op is sre_parse.NEGATE:
            parts.append("^")
        elif op is sre_parse.LITERAL:
            parts.append(re.escape(chr(value)))
        elif op is sre_parse.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is sre_parse.CATEGORY:
            parts.append(_CATEGORIES[value])
        else:
            return "(?s:.)"  # a class this does not read: any character
    return f"[{''.join(parts)}]"


def _matching(regex: str, flags: int) -> frozenset[str]:
    """The ASCII characters a one-character regex matches, with the pattern's flags."""
    compiled = re.compile(regex, flags)
    return frozenset(char for char in _ASCII if compiled.fullmatch(char))
