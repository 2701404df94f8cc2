"""Words and their Snowball stems, for the search index and for queries.

An article is indexed with the stemmer of its own language; a query word is
looked up under the stem of every supported language at once, since a query
does not say its language: "soldaat" finds "soldaten", "Stunden" finds "Stunde".
"""

from __future__ import annotations

from functools import cache

import Stemmer

from wiredesk.words import words

# The page languages wiredesk stems, and the Snowball algorithm for each.
STEMMERS = {"nl": "dutch", "en": "english", "de": "german", "fr": "french"}
# Stems already worked out, per language: most words of a story were in earlier
# ones. A cache that holds this many is replaced by an empty one (never emptied
# in place: a thread may be reading it), so it never outgrows that.
STEM_CACHE_WORDS = 50_000  # about 8 MB a language
_known_stems: dict[str, dict[str, str]] = {}


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(STEMMERS[language])


def stem_words(tokens: list[str], language: str | None) -> list[str]:
    """Each word's stem in ``language`` (the word itself for other languages)."""
    if language not in STEMMERS:
        return tokens
    stems = _known_stems.get(language)
    if stems is None or len(stems) > STEM_CACHE_WORDS:
        stems = _known_stems[language] = {}
    new = set(tokens).difference(stems)
    if new:
        stems.update(zip(new, _stemmer(language).stemWords(list(new)), strict=True))
    return [stems[token] for token in tokens]


def index_text(text: str, language: str | None) -> str:
    """A text as the index holds it: its stems, separated by spaces."""
    return " ".join(stem_words(words(text), language))


def query_stems(word: str) -> set[str]:
    """Every form under which a query word may be indexed: itself and its stem per language."""
    folded = word.casefold()
    return {folded} | {_stemmer(language).stemWord(folded) for language in STEMMERS}
