"""People by the shape of their names and the cues around them, and a key that is the same
for a name however a language spells it.

A run of capitalised words is a person's name when a role stands before it ("premier Keir
Starmer", "Kanzler Merz", "minister van Buitenlandse Zaken Antony Blinken"), a title ("Frau
Weber"), when it opens with a known first name ("Claudia Sheinbaum"), or when a speech
verb stands beside it ("aldus Starmer", "Blinken said", "sagte Merz"). Once a story has
named someone in full, their surname alone is them too. A role without a name ("de
woordvoerder") is a spot of its own, for the quotes.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from itertools import compress, count

from wiredesk.enrich.cues import (
    FIRST_NAMES,
    NAME_PARTICLES,
    NAMING_VERBS,
    NOT_NAMES,
    ROLE_SUFFIXES,
    ROLES,
    SURNAMES_FIRST,
    TITLES,
)
from wiredesk.enrich.spots import Block, Spot, SpotType, Words, words_of

# Words that may stand between a role and the name under it: "minister van Buitenlandse
# Zaken Antony Blinken", "Secretary of State Marco Rubio", "ministre des Affaires étrangères".
_ROLE_LINKS = frozenset(
    ["van", "of", "für", "des", "de", "du", "la", "het", "the", "der", "state", "zaken", "affairs"]
)


@functools.lru_cache(maxsize=65536)
def is_role(word: str) -> bool:
    """A role word: "president", "Außenminister", "Grünen-Chefin", "Bürgermeisters"."""
    lower = word.lower().rsplit("-", 1)[-1]
    if lower.endswith("s") and lower[:-1] in ROLES:  # a German genitive
        lower = lower[:-1]
    return lower in ROLES or (len(lower) > 6 and lower.endswith(ROLE_SUFFIXES))


def _is_name_word(text: str) -> bool:
    """A word that may be part of a name: capitalised, not a sentence's common opening
    word, not a role, not an abbreviation (NAVO, ANP)."""
    if not text[0].isupper() or text.lower() in NOT_NAMES or is_role(text):
        return False
    return not (len(text) > 1 and text.isupper())


# What a word as printed is to the finder: a name word, a role, or neither (0).
_NAME, _ROLE = 1, 2


class _Kinds(dict[str, int]):
    """Each word's kind by the word, worked out the first time a story prints it.

    A block's kinds are one dict lookup a word (``map(_KINDS.__getitem__, ...)``, all in
    C): asking ``_is_name_word`` and ``is_role`` of every word, each through a cache, took
    a tenth of enrichment (2026-12-05, bench/entities_bench.py)."""

    def __missing__(self, word: str) -> int:
        kind = _NAME if _is_name_word(word) else _ROLE if is_role(word) else 0
        if len(self) >= 65536:  # news keeps coining words: start again rather than grow
            self.clear()
        self[word] = kind
        return kind


_KINDS = _Kinds()


def find_people(blocks: list[Block], taken: list[Spot]) -> list[Spot]:
    """The people (and bare roles) the blocks name, outside the spans already ``taken`` by
    places and organisations."""
    found: list[Spot] = []
    surnames: dict[str, str] = {}
    taken_in: dict[int, list[Spot]] = {}
    for spot in taken:
        taken_in.setdefault(spot.block, []).append(spot)
    for block in blocks:
        if block.index == -2:  # the dateline's place
            continue
        words = words_of(block.text)
        masked = _masked(words, taken_in.get(block.index, []))
        found += _named(block, words, masked, surnames)
    found += _surnames_alone(blocks, taken + found, surnames)
    return found


def _masked(words: Words, spots: list[Spot]) -> set[int]:
    """The indexes of the words that the spots (of the words' block) cover, in part or
    whole."""
    masked: set[int] = set()
    for spot in spots:
        if spot.start >= spot.end:
            continue
        # from the first word ending after the spot's start to the last starting before
        # its end
        first = bisect.bisect_right(words.ends, spot.start)
        masked.update(range(first, bisect.bisect_left(words.starts, spot.end, first)))
    return masked


def _next_kept(index: int, masked: set[int]) -> int:
    """The index of the first word after words[index] that no spot covers."""
    index += 1
    while index in masked:
        index += 1
    return index


def _runs(text: str, words: Words, names: list[int], masked: set[int]) -> list[list[int]]:
    """Runs of name words (indexes into ``words``) outside the masked words, a particle
    allowed inside one, each next word one space after the last. A run opens at a name
    word (``names``, in order), so only those and the words after a run are looked at."""
    is_name = set(names)
    runs: list[list[int]] = []
    done = -1  # the last word of the last run
    size = len(words.texts)
    for first in names:
        if first <= done:
            continue
        current = [first]
        index = _next_kept(first, masked)
        while index < size:
            is_next = text[words.ends[current[-1]] : words.starts[index]] == " "
            if not is_next:
                break
            if index not in is_name:
                # "Ursula von der Leyen", not "Barry Madlener van Infrastructuur"
                if not (len(current) == 1 or words.lowers[current[-1]] in NAME_PARTICLES):
                    break
                if words.lowers[index] not in NAME_PARTICLES:
                    break
                after = _next_kept(index, masked)
                if not (after in is_name and text[words.ends[index] : words.starts[after]] == " "):
                    break
            current.append(index)
            index = _next_kept(index, masked)
        runs.append(current)
        done = current[-1]
    return runs


def _named(block: Block, every: Words, masked: set[int], surnames: dict[str, str]) -> list[Spot]:
    text = block.text
    starts, ends, texts = every.starts, every.ends, every.texts
    found: list[Spot] = []
    kinds = list(map(_KINDS.__getitem__, every.texts))
    names: list[int] = []
    roles: list[int] = []
    for index in compress(count(), kinds):  # the few words that are either
        if index not in masked:
            (names if kinds[index] == _NAME else roles).append(index)
    for run in _runs(text, every, names, masked):
        end = ends[run[-1]]
        while run and every.lowers[run[0]] in NAME_PARTICLES:
            run = run[1:]
        if not run:
            continue
        position = run[0]
        is_sentence_start = _opens_sentence(text, starts[position])
        if is_sentence_start and len(run) >= 2 and texts[position] not in FIRST_NAMES:
            run = run[1:]  # "Maar", "Selon", "About": a sentence's first word
            position = run[0]
            is_sentence_start = False
        start = starts[position]
        if is_sentence_start and len(run) == 1 and text[max(0, start - 3) : start] != "M. ":
            # A sentence's one capitalised word ("Inflation", "Talks"): a mark parts it from
            # any word before, so no role, title or verb stands there, and a verb after
            # it names nobody. Most runs are such, and this is all the checks below say.
            continue
        role = _role_before(text, every, position)
        before = _adjacent(text, every, position, -1)
        after = _adjacent(text, every, position + len(run) - 1, 1)
        has_first_name = texts[position] in FIRST_NAMES and len(run) >= 2
        has_title = before in TITLES or text[max(0, start - 3) : start] == "M. "
        speaks = before in NAMING_VERBS or (
            after in NAMING_VERBS and not (is_sentence_start and len(run) == 1)
        )
        if not (role or has_first_name or has_title or speaks):
            continue
        name = text[start:end]
        surnames.setdefault(texts[run[-1]], name)
        found.append(
            Spot(
                type="person", id=None, name=name, block=block.index, start=start, end=end,
                role=role,
            )
        )  # fmt: skip
    found += _bare_roles(block, every, roles, masked, found)
    return found


def _adjacent(text: str, every: Words, index: int, step: int) -> str:
    """The word one space before (``step`` -1) or after (1) every[index], in lower case."""
    other = index + step
    if not 0 <= other < len(every.texts):
        return ""
    low, high = (other, index) if step < 0 else (index, other)
    return every.lowers[other] if text[every.ends[low] : every.starts[high]] == " " else ""


# What may stand between a sentence's end and its first word: a space, an opening mark.
_OPENERS = " \"“„'‘«("


def _opens_sentence(text: str, start: int) -> bool:
    index = start
    while index > 0 and text[index - 1] in _OPENERS:
        index -= 1
    return index == 0 or text[index - 1] in ".!?:"


# Marks between two words that part a role from a name after them.
_ROLE_BREAKS = re.compile(r'[,.;:!?"“”„()]')


def _role_before(text: str, words: Words, index: int) -> str | None:
    """The role word standing before words[index] (up to five words back, across "van
    Buitenlandse Zaken"), or None."""
    for back in range(index - 1, max(-1, index - 6), -1):
        gap = text[words.ends[back] : words.starts[back + 1]]
        if gap != " " and _ROLE_BREAKS.search(gap):  # mostly one space: no search
            return None
        word = words.texts[back]
        if is_role(word):
            return words.lowers[back]
        if words.lowers[back] not in _ROLE_LINKS and word[0].islower():
            return None
    return None


def _bare_roles(
    block: Block, words: Words, roles: list[int], masked: set[int], named: list[Spot]
) -> list[Spot]:
    """Roles (``roles``: the indexes of the unmasked role words) no name follows: "de
    woordvoerder", "the spokesman", "le ministre"."""
    found = []
    starts = {spot.start for spot in named}
    last = max(starts, default=-1)
    for index in roles:
        if words.starts[index] >= last:  # no name after it in the block: none under it
            found.append(_role(block, words, index))
            continue
        following = index
        for _ in range(5):
            following = _next_kept(following, masked)
            if following < len(words) and words.starts[following] in starts:
                break  # a name comes under it
        else:
            found.append(_role(block, words, index))
    return found


def _role(block: Block, words: Words, index: int) -> Spot:
    """The spot of a role without a name: words[index] of the block."""
    return _word_spot("role", block, words, index, role=words.lowers[index])


def _word_spot(
    type_: SpotType, block: Block, words: Words, index: int, role: str | None = None
) -> Spot:
    """The spot of words[index] of the block, as a ``type_``."""
    return Spot(
        type=type_,
        id=None,
        name=words.texts[index],
        block=block.index,
        start=words.starts[index],
        end=words.ends[index],
        role=role,
    )


def _surnames_alone(blocks: list[Block], taken: list[Spot], surnames: dict[str, str]) -> list[Spot]:
    """Later (and earlier) mentions of a surname the story gives in full elsewhere."""
    found: list[Spot] = []
    full = {surname: name for surname, name in surnames.items() if " " in name}
    if not full:
        return found
    for block in blocks:
        if block.index == -2:
            continue
        words = words_of(block.text)
        candidates = words.indexes(full.__contains__, lower=False)
        if not candidates:
            continue
        masked = _masked(words, [spot for spot in taken if spot.block == block.index])
        for index in candidates:
            if index not in masked:
                found.append(_word_spot("person", block, words, index))
    return found


def person_key(name: str) -> str:
    """A person's key across stories and languages: the surname, folded so that
    Zelensky, Zelenskyy, Zelenski, Selenskyj and Zelenskiy give one key, as do Poetin,
    Putin and Poutine, Netanyahu and Netanjahu."""
    parts = name.split()
    if len(parts) >= 2 and parts[0] in SURNAMES_FIRST:  # "Xi Jinping", "Lin Jian"
        return _fold(parts[0])
    return _fold(parts[-1] if parts else name)


def _fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word)
    text = "".join(c for c in plain if c.isalpha()).lower()
    for old, new in (
        ("tsch", "ch"), ("sch", "sh"), ("oe", "u"), ("ou", "u"), ("w", "v"), ("z", "s"),
        ("j", "y"), ("kh", "h"), ("ck", "k"), ("ph", "f"),
    ):  # fmt: skip
        text = text.replace(old, new)
    text = re.sub(r"(sk|ts)(yy|iy|ij|yi|i|y)$", r"\1y", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    return text.removesuffix("e") if len(text) > 4 else text
