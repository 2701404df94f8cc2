"""Snippets: the piece of a search result's text shown with it, its matches marked."""

from __future__ import annotations

import re

from wiredesk.model import Snippet
from wiredesk.query import Query
from wiredesk.store.stems import query_stems, stem_words

SNIPPET_WORDS = 30
SNIPPET_PREFIX = 3
WORD_SPAN_RE = re.compile(r"[^\W_]+")


def make_snippet(body_text: str, query: Query, language: str | None) -> Snippet:
    """About ``SNIPPET_WORDS`` words around the first match, with every match marked."""
    wanted = {form for word in query.words for form in query_stems(word)}
    spans = [(match.start(), match.end()) for match in WORD_SPAN_RE.finditer(body_text)]
    if not spans:
        return Snippet(text="", highlights=())
    folded = [body_text[start:end].casefold() for start, end in spans]
    # Only words that begin like a wanted form are stemmed: stems keep a word's start.
    starts = {form[:SNIPPET_PREFIX] for form in wanted}
    maybe = [index for index, word in enumerate(folded) if word[:SNIPPET_PREFIX] in starts]
    stems = stem_words([folded[index] for index in maybe], language)
    matches = [
        index
        for index, stem in zip(maybe, stems, strict=True)
        if folded[index] in wanted or stem in wanted
    ]
    first = max(0, (matches[0] if matches else 0) - SNIPPET_WORDS // 3)
    last = min(len(spans), first + SNIPPET_WORDS)
    prefix = "… " if first > 0 else ""
    suffix = " …" if last < len(spans) else ""
    start, end = spans[first][0], spans[last - 1][1]
    shift = len(prefix) - start
    highlights = tuple(
        (spans[index][0] + shift, spans[index][1] + shift)
        for index in matches
        if first <= index < last
    )
    return Snippet(text=prefix + body_text[start:end] + suffix, highlights=highlights)
