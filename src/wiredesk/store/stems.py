"""Words and their Snowball stems, for the search index and for queries.

An article is indexed with the stemmer of its own language; a query word is
looked up under the stem of every supported language at once, since a query
does not say its language: "soldaat" finds "soldaten", "Stunden" finds "Stunde".
"""

from __future__ import annotations

import re
from functools import cache

import Stemmer

# The page languages wiredesk stems, and the Snowball algorithm for each.
STEMMERS = {"nl": "dutch", "en": "english", "de": "german", "fr": "french"}
# Words as the index sees them: letters and digits; apostrophes split ("l'armée").
WORD_RE = re.compile(r"[^\W_]+")


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(STEMMERS[language])


def words(text: str) -> list[str]:
    """The words of a text, casefolded."""
    return WORD_RE.findall(text.casefold())


def stem_words(tokens: list[str], language: str | None) -> list[str]:
    """Each word's stem in ``language`` (the word itself for other languages)."""
    if language not in STEMMERS:
        return tokens
    return list(_stemmer(language).stemWords(tokens))


def index_text(text: str, language: str | None) -> str:
    """A text as the index holds it: its stems, separated by spaces."""
    return " ".join(stem_words(words(text), language))


def query_stems(word: str) -> set[str]:
    """Every form under which a query word may be indexed: itself and its stem per language."""
    folded = word.casefold()
    return {folded} | {_stemmer(language).stemWord(folded) for language in STEMMERS}
