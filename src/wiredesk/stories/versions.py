"""Whether a new copy is a new version of a story already kept, or a brief of one.

Pure functions over small records: the store fetches the candidates, these
decide. A version marker decides first (ANP's "vervangt: <old headline>"),
then the dateline's place with the headline or the text: agencies rewrite a
story through the day, but its place stays and most of its words do. A new
version is placed among a story's kept ones by the copy's own count of its
versions ("(2)", a wire item's version), not by when it arrived.

Texts are compared by the word trigrams of their lead. A story's trigrams are
worked out once, when it arrives (``story_lead``), and kept with it, so a
candidate is compared without reading its text again.
"""

from __future__ import annotations

import struct
import sys
import zlib
from array import array
from datetime import timedelta
from functools import lru_cache

from wiredesk.model import Matching, StoryCopy, VersionMark
from wiredesk.words import words

# How far apart two copies of one story can be, in time.
VERSION_WINDOW = timedelta(days=3)
# Word-trigram overlap above which two texts tell the same story.
SAME_TEXT = 0.35
SAME_HEADLINE = 0.6
# A brief is the lead of its full article, often cut short: overlap counted on the brief.
BRIEF_IN_ARTICLE = 0.6
SHINGLE = 3
LEAD_WORDS = 120
# Characters that hold ``LEAD_WORDS`` words in most texts.
LEAD_SPAN = 1200
# A brief is looked for in the opening paragraphs of an article.
OPENING_BLOCKS = 2
# A kept lead (``story_lead``) starts with two counts: the trigrams of the text's lead,
# and of its opening, or ``_OPENING_IS_LEAD`` when the two are the same.
_HEADER = struct.Struct("<II")
_OPENING_IS_LEAD = 0xFFFFFFFF
# Kept shingles are CRC-32s, four bytes each, little-endian whatever the machine.
_HASH = "I"
_SWAP = sys.byteorder == "big"
assert array(_HASH).itemsize == 4


def normal_headline(headline: str | None) -> str:
    """A headline with case, punctuation and spacing evened out."""
    return " ".join(words(headline or ""))


def lead_shingles(text: str) -> bytes:
    """The word trigrams of a text's first ``LEAD_WORDS`` words, as kept with its story.

    Each trigram is kept as the CRC-32 of its words, so the same text gives the
    same bytes in every process and on every machine; two different trigrams
    of one comparison share a hash about never.
    """
    return _packed(_trigram_hashes(_first_words(text, LEAD_WORDS)))


def story_lead(body_text: str) -> bytes:
    """What matching compares of a story's text, worked out once and kept with the story.

    The trigrams of its lead (``lead_shingles``), which versions compare, then
    those of its opening, its first ``OPENING_BLOCKS`` paragraphs, in which a
    brief is looked for; a text of no more paragraphs keeps one set for both.
    The words are read once: the opening's are the first of the lead's.
    """
    cut = -1
    for _ in range(OPENING_BLOCKS):
        cut = body_text.find("\n", cut + 1)
        if cut < 0:
            return _same_lead(lead_shingles(body_text))
    opening_words = _first_words(body_text[:cut], LEAD_WORDS)
    if len(opening_words) == LEAD_WORDS:  # the lead ends within the opening
        return _same_lead(_packed(_trigram_hashes(opening_words)))
    read = len(opening_words)
    hashes = _trigram_hashes(opening_words + _first_words(body_text[cut:], LEAD_WORDS - read))
    lead = _packed(hashes)
    if read >= SHINGLE:
        opening = _packed(hashes[: read - SHINGLE + 1])
    else:
        opening = _packed(_trigram_hashes(opening_words))
    if opening == lead:
        return _same_lead(lead)
    return _HEADER.pack(len(lead) // 4, len(opening) // 4) + lead + opening


def _same_lead(lead: bytes) -> bytes:
    return _HEADER.pack(len(lead) // 4, _OPENING_IS_LEAD) + lead


def _first_words(text: str, count: int) -> list[str]:
    """A text's first ``count`` words, read from its start alone when that holds enough."""
    found = words(text[:LEAD_SPAN])
    if len(found) <= count and len(text) > LEAD_SPAN:
        found = words(text)  # long words: the span held too few
    return found[:count]


def _trigram_hashes(lead: list[str]) -> list[int]:
    """The CRC-32 of each word trigram, in the text's order; fewer words make one trigram."""
    if len(lead) < SHINGLE:
        return [zlib.crc32(" ".join(lead).encode())] if lead else []
    trigrams = zip(lead, lead[1:], lead[2:], strict=False)
    return [zlib.crc32(f"{a} {b} {c}".encode()) for a, b, c in trigrams]


def _packed(hashes: list[int]) -> bytes:
    """Distinct hashes, sorted, four bytes each, little-endian."""
    numbers = array(_HASH, sorted(set(hashes)))
    if _SWAP:
        numbers.byteswap()
    return numbers.tobytes()


def _text_hashes(kept: bytes) -> array[int]:
    """The trigrams of a kept lead's text (``story_lead``)."""
    count, _ = _HEADER.unpack_from(kept)
    return _hashes(kept[_HEADER.size : _HEADER.size + 4 * count])


def _opening_hashes(kept: bytes) -> array[int]:
    """The trigrams of a kept lead's opening paragraphs (``story_lead``)."""
    count, opening = _HEADER.unpack_from(kept)
    if opening == _OPENING_IS_LEAD:
        return _text_hashes(kept)
    start = _HEADER.size + 4 * count
    return _hashes(kept[start : start + 4 * opening])


def _hashes(shingles: bytes) -> array[int]:
    hashes = array(_HASH, shingles)
    if _SWAP:
        hashes.byteswap()
    return hashes


@lru_cache(maxsize=4096)
def _headline_hashes(headline: str) -> array[int]:
    return _hashes(lead_shingles(headline))


def overlap(first: frozenset[int], second: array[int]) -> float:
    """Jaccard similarity of two texts' trigrams (the second's hashes are distinct)."""
    if not first or not second:
        return 0.0
    common = len(first.intersection(second))
    return common / (len(first) + len(second) - common)


def find_previous_version(
    new: StoryCopy, replaces: str | None, candidates: list[StoryCopy]
) -> int | None:
    """The id of the kept story ``new`` is a later version of, or None."""
    if replaces:
        wanted = normal_headline(replaces)
        for candidate in candidates:
            if normal_headline(candidate.headline) == wanted:
                return candidate.id
    headline = normal_headline(new.headline)
    text = frozenset(_text_hashes(new.lead))
    title = frozenset(_headline_hashes(new.headline or ""))
    best: tuple[float, int | None] = (0.0, None)
    for candidate in candidates:
        if (candidate.place or "").casefold() != (new.place or "").casefold():
            continue
        if headline and normal_headline(candidate.headline) == headline:
            return candidate.id
        score = max(
            overlap(text, _text_hashes(candidate.lead)) / SAME_TEXT,
            overlap(title, _headline_hashes(candidate.headline or "")) / SAME_HEADLINE,
        )
        if score >= 1.0 and score > best[0]:
            best = (score, candidate.id)
    return best[1]


def briefs_of(article: bytes, briefs: list[bytes]) -> list[bool]:
    """Which of ``briefs`` are leads of ``article`` (a new article and the briefs of its place).

    A brief is the lead of an article when most of its trigrams are in the article's
    opening paragraphs (both kept leads, as ``story_lead`` gives them).
    """
    opening = frozenset(_opening_hashes(article))
    found = []
    for brief in briefs:
        hashes = _text_hashes(brief)
        found.append(_is_lead(len(opening.intersection(hashes)), len(hashes)))
    return found


def article_of(brief: bytes, articles: list[bytes]) -> int | None:
    """The position of the first of ``articles`` that ``brief`` is the lead of, or None
    (a new brief and the articles of its place)."""
    hashes = frozenset(_text_hashes(brief))
    for position, article in enumerate(articles):
        if _is_lead(len(hashes.intersection(_opening_hashes(article))), len(hashes)):
            return position
    return None


def _is_lead(common: int, brief_trigrams: int) -> bool:
    return brief_trigrams > 0 and common / brief_trigrams >= BRIEF_IN_ARTICLE


def place_version(new: VersionMark, kept: list[VersionMark]) -> int:
    """Where a new version goes among a story's kept versions (oldest first): after the
    last of them that is not newer than it, so that a copy's own count decides, not the
    order copies arrive in (an update ingested before the original it replaces); arrival
    decides only between copies that tell nothing apart."""
    position = 0
    for index, old in enumerate(kept):
        if not is_newer(old, new):
            position = index + 1
    return position


def is_newer(first: VersionMark, second: VersionMark) -> bool:
    """Whether ``first`` is a later version than ``second``: by the copies' own counts
    ("(2)", a wire item's version) where both give one and they differ, else by when they
    say they were published (a wire item's ``versionCreated``). Neither is newer when
    neither tells: then the order they arrived in decides (``place_version``)."""
    if None not in (first.sequence, second.sequence) and first.sequence != second.sequence:
        return (first.sequence or 0) > (second.sequence or 0)
    if first.published_at is not None and second.published_at is not None:
        return first.published_at > second.published_at
    return False


MATCHING = Matching(
    window=VERSION_WINDOW,
    lead=story_lead,
    previous_version=find_previous_version,
    briefs_of=briefs_of,
    article_of=article_of,
    place_version=place_version,
)
