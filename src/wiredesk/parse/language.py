"""The language of a page, told by py3langid's naive Bayes model (shipped in its package).

The model is loaded on first use, restricted to the languages news reaches
wiredesk in, so that a short Dutch page is not read as Afrikaans.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# Languages the detector chooses between: the four the parser has rules for,
# and their neighbours on European news pages.
CANDIDATES = ("nl", "en", "de", "fr", "es", "it", "pt", "da", "sv", "no", "pl")
# How much text to look at: enough for a confident answer, little enough to stay fast.
# The model walks the text byte by byte in Python, so this is most of its cost;
# 200 characters of the longest lines named every page of the corpus and of
# 1,500 generated pages right (bench/generate.py).
SAMPLE_CHARS = 200
MIN_LETTERS = 20
LETTERS_RE = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(CANDIDATES))
    return identifier


def detect_language(lines: list[str]) -> str | None:
    """The language of the longest lines of a page, or None when there is too little text."""
    sample: list[str] = []
    size = 0
    for line in sorted(lines, key=len, reverse=True):
        sample.append(line)
        size += len(line)
        if size >= SAMPLE_CHARS:
            break
    text = " ".join(sample)[:SAMPLE_CHARS]
    if len(LETTERS_RE.findall(text)) < MIN_LETTERS:
        return None
    language, _score = _identifier().classify(text)
    return str(language)
