"""Names in URLs: ``/section/buitenland``, ``/place/den-haag``, ``/article/12/china-wil-zich``."""

from __future__ import annotations

import re

from wiredesk.model import StoredArticle

SPACES_RE = re.compile(r"\s+")
# Characters that would end or split a path segment.
UNSAFE_RE = re.compile(r"[/?#%\\]")
WORD_RE = re.compile(r"[^\W_]+")
SLUG_WORDS = 8
TITLE_WORDS = 12


def slugify(name: str) -> str:
    """A section, place or agency name as a URL segment: casefolded, spaces as hyphens."""
    return SPACES_RE.sub("-", UNSAFE_RE.sub("", name.casefold()).strip())


def title_of(stored: StoredArticle) -> str:
    """What to call a story in a list: its headline, or a brief's first words."""
    article = stored.article
    if article.headline:
        return article.headline
    text = " ".join(block.text for block in article.body)
    words = text.split()
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")


def article_path(article: StoredArticle) -> str:
    """``/article/<id>/<a-few-words>``: the id finds it, the words are for people."""
    words = WORD_RE.findall(title_of(article).casefold())[:SLUG_WORDS]
    return f"/article/{article.id}/{'-'.join(words)}" if words else f"/article/{article.id}"
