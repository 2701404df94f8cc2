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

import functools
import re
import unicodedata

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
from wiredesk.enrich.spots import Block, Spot, Word, words_of

# Words that may stand between a role and the name under it: "minister van Buitenlandse
# Zaken Antony Blinken", "Secretary of State Marco Rubio", "ministre des Affaires étrangères".
_ROLE_LINKS = frozenset(
    ["van", "of", "für", "des", "de", "du", "la", "het", "the", "der", "state", "zaken", "affairs"]
)
_BREAK = re.compile(r"[^\s]")


@functools.lru_cache(maxsize=65536)
def is_role(word: str) -> bool:
    """A role word: "president", "Außenminister", "Grünen-Chefin", "Bürgermeisters"."""
    lower = word.lower().rsplit("-", 1)[-1]
    if lower.endswith("s") and lower[:-1] in ROLES:  # a German genitive
        lower = lower[:-1]
    return lower in ROLES or (len(lower) > 6 and lower.endswith(ROLE_SUFFIXES))


def _is_name_word(word: Word) -> bool:
    text = word.text
    if not text[0].isupper() or text.lower() in NOT_NAMES or is_role(text):
        return False
    return not (len(text) > 1 and text.isupper())  # an abbreviation: NAVO, ANP


def find_people(blocks: list[Block], taken: list[Spot]) -> list[Spot]:
    """The people (and bare roles) the blocks name, outside the spans already ``taken`` by
    places and organisations."""
    found: list[Spot] = []
    surnames: dict[str, str] = {}
    for block in blocks:
        if block.index == -2:  # the dateline's place
            continue
        mask = _mask(block, taken)
        every = words_of(block.text)
        words = [word for word in every if not any(mask[word.start : word.end])]
        found += _named(block, words, every, surnames)
    found += _surnames_alone(blocks, taken + found, surnames)
    return found


def _mask(block: Block, spots: list[Spot]) -> bytearray:
    """Which characters of the block the spots already cover."""
    mask = bytearray(len(block.text))
    for spot in spots:
        if spot.block == block.index:
            mask[spot.start : spot.end] = b"\x01" * (spot.end - spot.start)
    return mask


def _runs(text: str, words: list[Word]) -> list[list[int]]:
    """Runs of name words (indexes into ``words``), a particle allowed inside one, each next
    word one space after the last."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, word in enumerate(words):
        is_next = bool(current) and text[words[current[-1]].end : word.start] == " "
        if _is_name_word(word) and (is_next or not current):
            current.append(index)
            continue
        if (
            (
                len(current) == 1  # "Ursula von der Leyen", not "Barry Madlener van Infrastructuur"
                or (len(current) > 1 and words[current[-1]].lower in NAME_PARTICLES)
            )
            and (
                is_next
                and word.lower in NAME_PARTICLES
                and index + 1 < len(words)
                and _is_name_word(words[index + 1])
                and text[word.end : words[index + 1].start] == " "
            )
        ):
            current.append(index)
            continue
        if current:
            runs.append(current)
        current = [index] if _is_name_word(word) else []
    if current:
        runs.append(current)
    return runs


def _named(
    block: Block, words: list[Word], every: list[Word], surnames: dict[str, str]
) -> list[Spot]:
    text = block.text
    found: list[Spot] = []
    for run in _runs(text, words):
        first, last = words[run[0]], words[run[-1]]
        while run and words[run[0]].lower in NAME_PARTICLES:
            run = run[1:]
        if not run:
            continue
        first = words[run[0]]
        is_sentence_start = _opens_sentence(text, first.start)
        if is_sentence_start and len(run) >= 2 and first.text not in FIRST_NAMES:
            run = run[1:]  # "Maar", "Selon", "About": a sentence's first word
            first = words[run[0]]
            is_sentence_start = False
        position = next(index for index, word in enumerate(every) if word.start == first.start)
        role = _role_before(text, every, position)
        before = _adjacent(text, every, position, -1)
        after = _adjacent(text, every, position + len(run) - 1, 1)
        has_first_name = first.text in FIRST_NAMES and len(run) >= 2
        has_title = before in TITLES or text[max(0, first.start - 3) : first.start] == "M. "
        speaks = before in NAMING_VERBS or (
            after in NAMING_VERBS and not (is_sentence_start and len(run) == 1)
        )
        if not (role or has_first_name or has_title or speaks):
            continue
        name = text[first.start : last.end]
        surnames.setdefault(words[run[-1]].text, name)
        found.append(
            Spot(
                type="person",
                id=None,
                name=name,
                block=block.index,
                start=first.start,
                end=last.end,
                role=role,
            )
        )
    found += _bare_roles(block, words, found)
    return found


def _adjacent(text: str, every: list[Word], index: int, step: int) -> str:
    """The word one space before (``step`` -1) or after (1) every[index], in lower case."""
    other = index + step
    if not 0 <= other < len(every):
        return ""
    low, high = sorted((every[index], every[other]), key=lambda word: word.start)
    return every[other].lower if text[low.end : high.start] == " " else ""


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"“„'‘«(")
    return not before or before[-1] in ".!?:"


def _role_before(text: str, words: list[Word], index: int) -> str | None:
    """The role word standing before words[index] (up to five words back, across "van
    Buitenlandse Zaken"), or None."""
    for back in range(index - 1, max(-1, index - 6), -1):
        word = words[back]
        between = text[word.end : words[back + 1].start]
        if any(mark in between for mark in ',.;:!?"“”„()'):
            return None
        if is_role(word.text):
            return word.lower
        if word.lower not in _ROLE_LINKS and word.text[0].islower():
            return None
    return None


def _bare_roles(block: Block, words: list[Word], named: list[Spot]) -> list[Spot]:
    """Roles no name follows: "de woordvoerder", "the spokesman", "le ministre"."""
    found = []
    starts = {spot.start for spot in named}
    for index, word in enumerate(words):
        if not is_role(word.text):
            continue
        following = words[index + 1 : index + 6]
        if any(other.start in starts for other in following):
            continue  # a name comes under it
        found.append(
            Spot(
                type="role",
                id=None,
                name=word.text,
                block=block.index,
                start=word.start,
                end=word.end,
                role=word.lower,
            )
        )
    return found


def _surnames_alone(blocks: list[Block], taken: list[Spot], surnames: dict[str, str]) -> list[Spot]:
    """Later (and earlier) mentions of a surname the story gives in full elsewhere."""
    found: list[Spot] = []
    full = {surname: name for surname, name in surnames.items() if " " in name}
    if not full:
        return found
    for block in blocks:
        if block.index == -2:
            continue
        mask = _mask(block, taken)
        for word in words_of(block.text):
            if word.text in full and not any(mask[word.start : word.end]):
                found.append(
                    Spot(
                        type="person",
                        id=None,
                        name=word.text,
                        block=block.index,
                        start=word.start,
                        end=word.end,
                    )
                )
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
