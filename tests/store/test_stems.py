"""Stems for the search index: the Snowball stemmer's own, through a bounded cache."""

from __future__ import annotations

import pytest
import Stemmer

from wiredesk.store import stems
from wiredesk.store.stems import stem_words
from wiredesk.words import words


def test_stems_are_the_stemmers_own_however_full_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stems, "STEM_CACHE_WORDS", 3)
    monkeypatch.setattr(stems, "_known_stems", {})
    tokens = words("De soldaten vechten aan het front; soldaten en burgers vluchten naar Koersk.")
    expected = list(Stemmer.Stemmer("dutch").stemWords(tokens))
    assert "soldaat" in expected
    assert stem_words(tokens, "nl") == expected
    first = stems._known_stems["nl"]
    for _ in range(2):
        assert stem_words(tokens, "nl") == expected
    assert stems._known_stems["nl"] is not first  # full: replaced, not grown
    assert len(stems._known_stems["nl"]) == len(set(tokens))
    assert stem_words(tokens, None) == tokens  # no stemmer for an unknown language
