"""Which alternatives of a long case-insensitive regex a line can match, by how it opens.

Python's regex engine tries the alternatives of ``a|b|c`` one after another, and when it
ignores case it rules none of them out by its first character: the furniture regex's 57
alternatives took 4.3 µs on a line of a generated page (December 2026). Most alternatives
can open with a few characters only ("lees ook", "©", "(reporting"), so ``Openings``
sorts them by the ASCII characters each can open with, read from the regex's parsed form,
and a line's first two characters pick the ones worth trying: 1 µs a line.

A few alternatives can open with any letter (a photo's credit, "Jane Doe/ANP"; a slug,
"landscape-tablet-and-above"), so a line's opening rules none of them out: they took three
in four of the 3.6 µs the regex took on a short line of the generated pages (bench/
generate.py, 2,000 pages). Each of them holds a character no line it matches goes
without (a "/", a "-", a "»"), and one short line in nine holds any: ``Openings`` tries
them only on those lines.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # no stub in typeshed
import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # no stub in typeshed
from collections.abc import Iterable, Sequence
from functools import cache
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
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class Openings:
    """A case-insensitive regex's alternatives, sorted by what a text they match opens with.

    ``fullmatch`` tells whether a text fully matches any of the alternatives, trying only
    those that can open with the text's first two characters (when both are ASCII), else
    with its first character (when ASCII), else all of them. An alternative left out cannot
    match at the text's start, so the answer is the whole regex's.

    An alternative that can open with any letter is tried apart when it holds characters
    that no text it matches goes without (``_needs``): only on texts that hold them.
    """

    def __init__(self, alternatives: Sequence[str], flags: int) -> None:
        self.alternatives = tuple(alternatives)
        self.flags = flags
        self.whole = self._compile(range(len(self.alternatives)))
        self._compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        parsed = [sre_parse.parse(pattern, flags).data for pattern in self.alternatives]
        self._firsts: list[frozenset[str]] = []
        self._pairs: list[frozenset[str] | None] = []  # None: read by the first only
        # The alternatives tried apart, with what each needs: one character of each set.
        self._gated: dict[int, tuple[frozenset[str], ...]] = {}
        for index, items in enumerate(parsed):
            opens, empty = _openings(items, flags)
            pairs, _singles = _pairs(items, flags)
            self._firsts.append(frozenset(_ASCII) if empty else opens)
            self._pairs.append(None if empty or pairs is None else frozenset(pairs))
            needs = tuple(_needs(items))
            if needs and _LETTERS.issubset(self._firsts[-1]):
                self._gated[index] = needs
        # The characters the gated alternatives need, each looked for in a text.
        self._marks = "".join(
            sorted({char for needs in self._gated.values() for chars in needs for char in chars})
        )
        self._ungated = self._compile(
            index for index in range(len(self.alternatives)) if index not in self._gated
        )
        # Filled as texts come: at most 128 ASCII characters and 128 * 128 pairs of them;
        # and the sets of marks a text holds.
        self._by_opening: dict[str, re.Pattern[str] | None] = {}
        self._by_marks: dict[str, re.Pattern[str] | None] = {}

    def fullmatch(self, text: str) -> bool:
        try:
            regex = self._by_opening[text[:2]]
        except KeyError:
            regex = self._regex_for(text[:2])
        if regex is not None and regex.fullmatch(text) is not None:
            return True
        marks = ""  # a loop: a third of the time of a regex's ``findall`` on a short line
        for mark in self._marks:
            if mark in text:
                marks += mark
        if not marks:
            return False  # no gated alternative can match: most texts end here
        try:
            gated = self._by_marks[marks]
        except KeyError:
            gated = self._by_marks[marks] = self._gated_for(marks)
        return gated is not None and gated.fullmatch(text) is not None

    def _gated_for(self, marks: str) -> re.Pattern[str] | None:
        """The regex of the gated alternatives whose needs a text holding ``marks`` meets."""
        chosen = tuple(
            index
            for index, needs in self._gated.items()
            if all(not chars.isdisjoint(marks) for chars in needs)
        )
        if chosen not in self._compiled:
            self._compiled[chosen] = self._compile(chosen) if chosen else None
        return self._compiled[chosen]

    def _regex_for(self, opening: str) -> re.Pattern[str] | None:
        """The regex for a text opening with ``opening`` (its first two characters, or
        fewer), kept when it is picked by ASCII characters; the gated alternatives aside."""
        if len(opening) == 2 and not opening.isascii():
            opening = opening[:1]  # by the first character alone
        if not opening or not opening.isascii():
            return self._ungated
        if opening not in self._by_opening:
            self._by_opening[opening] = self._pick(opening)
        return self._by_opening[opening]

    def _pick(self, opening: str) -> re.Pattern[str] | None:
        """The regex of the alternatives that can open with ``opening`` (one or two ASCII
        characters); None when none can."""
        chosen = tuple(
            index
            for index, (firsts, pairs) in enumerate(zip(self._firsts, self._pairs, strict=True))
            if opening[0] in firsts
            and (len(opening) == 1 or pairs is None or opening in pairs)
            and index not in self._gated
        )
        if chosen not in self._compiled:
            self._compiled[chosen] = self._compile(chosen) if chosen else None
        return self._compiled[chosen]

    def _compile(self, indexes: Iterable[int]) -> re.Pattern[str]:
        return re.compile(
            "|".join(f"(?:{self.alternatives[index]})" for index in indexes), self.flags
        )


def _pairs(items: Any, flags: int) -> tuple[set[str] | None, set[str]]:
    """The two ASCII characters a match of a parsed pattern can open with (None: not read
    here), and the ASCII characters it can match alone — both may hold more than can be."""
    pairs: set[str] = set()
    singles: set[str] = set()
    for index, (op, value) in enumerate(items):
        item_pairs, item_singles = _item_pairs(op, value, flags)
        if item_pairs is None:
            return None, set(_ASCII)
        pairs |= item_pairs
        if item_singles:
            after, _empty = _openings(items[index + 1 :], flags)
            pairs |= {first + second for first in item_singles for second in after}
            singles |= item_singles
        if not _item_openings(op, value, flags)[1]:
            break  # the item cannot match the empty text: nothing after it opens a match
    return pairs, singles


def _item_pairs(op: Any, value: Any, flags: int) -> tuple[set[str] | None, set[str]]:
    """``_pairs`` of one parsed item."""
    if op is sre_parse.LITERAL or op is sre_parse.IN:
        return set(), set(_item_openings(op, value, flags)[0])
    if op is sre_parse.SUBPATTERN:
        _group, add_flags, del_flags, pattern = value
        if add_flags or del_flags:
            return None, set(_ASCII)
        return _pairs(pattern.data, flags)
    if op is sre_parse.BRANCH:
        pairs: set[str] = set()
        singles: set[str] = set()
        for branch in value[1]:
            branch_pairs, branch_singles = _pairs(branch.data, flags)
            if branch_pairs is None:
                return None, set(_ASCII)
            pairs |= branch_pairs
            singles |= branch_singles
        return pairs, singles
    if op in _REPEATS:
        _low, high, item = value
        item_pairs, item_singles = _pairs(item.data, flags)
        if item_pairs is None:
            return None, set(_ASCII)
        if high >= 2:  # one character of a repetition, then the next's first
            firsts, _empty = _openings(item.data, flags)
            item_pairs |= {first + second for first in item_singles for second in firsts}
        return item_pairs, item_singles
    return None, set(_ASCII)


def _needs(items: Any) -> list[frozenset[str]]:
    """Sets of characters a text that a parsed pattern matches holds one of each of. Only
    characters without case are read (what a regex ignoring case matches of them is the
    character itself); an item holding others needs nothing here."""
    needs: list[frozenset[str]] = []
    for op, value in items:
        needs.extend(_item_needs(op, value))
    return needs


def _item_needs(op: Any, value: Any) -> list[frozenset[str]]:
    """``_needs`` of one parsed item."""
    if op is sre_parse.LITERAL:
        return [] if _is_cased(value) else [frozenset(chr(value))]
    if op is sre_parse.IN:
        if not all(item_op is sre_parse.LITERAL and not _is_cased(item) for item_op, item in value):
            return []  # a range, a category, a negation or a letter: not read here
        return [frozenset(chr(item) for _op, item in value)]
    if op is sre_parse.SUBPATTERN:
        return _needs(value[3].data)
    if op is sre_parse.BRANCH:
        branches = [_needs(branch.data) for branch in value[1]]
        if not all(branches):
            return []  # a branch that needs nothing
        return [frozenset().union(*(min(needs, key=len) for needs in branches))]
    if op in _REPEATS:
        low, _high, item = value
        return _needs(item.data) if low >= 1 else []
    return []


def _is_cased(code: int) -> bool:
    """Whether a character has case, so that a regex ignoring case matches others for it."""
    return bool(_sre.unicode_iscased(code))


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


@cache
def _matching(regex: str, flags: int) -> frozenset[str]:
    """The ASCII characters a one-character regex matches, with the pattern's flags."""
    compiled = re.compile(regex, flags)
    return frozenset(char for char in _ASCII if compiled.fullmatch(char))
