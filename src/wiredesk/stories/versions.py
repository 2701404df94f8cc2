"""Whether a new copy is a new version of a story already kept, or a brief of one.

Pure functions over small records: the store fetches the candidates, these
decide. A version marker decides first (ANP's "vervangt: <old headline>"),
then the dateline's place with the headline or the text: agencies rewrite a
story through the day, but its place stays and most of its words do.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from wiredesk.model import Matching, StoryCopy
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


def normal_headline(headline: str | None) -> str:
    """A headline with case, punctuation and spacing evened out."""
    return " ".join(words(headline or ""))


@lru_cache(maxsize=4096)
def shingles(text: str) -> frozenset[int]:
    """The word trigrams of a text's first ``LEAD_WORDS`` words, each kept as its hash.

    Only hashes are compared, within one process; two different trigrams share
    a 64-bit hash about never. The words are read from the start of the text
    alone when it holds enough of them: candidates bring up to 2,000 characters.
    """
    lead = words(text[:LEAD_SPAN])
    if len(lead) <= LEAD_WORDS and len(text) > LEAD_SPAN:
        lead = words(text)  # long words: the span held too few
    lead = lead[:LEAD_WORDS]
    if len(lead) < SHINGLE:
        return frozenset({hash(tuple(lead))}) if lead else frozenset()
    return frozenset(map(hash, zip(*(lead[i:] for i in range(SHINGLE)), strict=False)))


def overlap(first: frozenset[int], second: frozenset[int]) -> float:
    """Jaccard similarity of two shingle sets."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


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
    text = shingles(new.body_text)
    best: tuple[float, int | None] = (0.0, None)
    for candidate in candidates:
        if (candidate.place or "").casefold() != (new.place or "").casefold():
            continue
        if headline and normal_headline(candidate.headline) == headline:
            return candidate.id
        score = max(
            overlap(text, shingles(candidate.body_text)) / SAME_TEXT,
            overlap(shingles(new.headline or ""), shingles(candidate.headline or ""))
            / SAME_HEADLINE,
        )
        if score >= 1.0 and score > best[0]:
            best = (score, candidate.id)
    return best[1]


def is_brief_of(brief_text: str, article_lead: str) -> bool:
    """Whether a brief's text is the lead of an article (most of its trigrams are in it)."""
    brief = shingles(brief_text)
    if not brief:
        return False
    return len(brief & shingles(article_lead)) / len(brief) >= BRIEF_IN_ARTICLE


MATCHING = Matching(
    window=VERSION_WINDOW, previous_version=find_previous_version, is_brief_of=is_brief_of
)
