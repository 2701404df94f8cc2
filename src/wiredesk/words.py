"""Words as wiredesk indexes and compares them: runs of letters and digits, casefolded.

``words(text)`` gives what ``WORD_RE.findall(text.casefold())`` gives, faster:
ingest reads every word of every story, and the regular expression took
most of the time spent on the search index. The text's ASCII punctuation
and spaces become spaces in one pass over its bytes, and ``str.split``
does the rest; only a piece that still holds a character that is neither a
letter nor a digit (a curly quote, a dash) goes through the expression.
"""

from __future__ import annotations

import re
import string

# A word: letters and digits of any script; an underscore or an apostrophe splits.
WORD_RE = re.compile(r"[^\W_]+")
# Bytes that end a word, as spaces: every ASCII byte but letters and digits.
# UTF-8 codes other characters in bytes >= 0x80 alone, which stay as they are.
_KEPT = frozenset((string.ascii_letters + string.digits).encode())
_SPACES = bytes(byte if byte in _KEPT or byte >= 0x80 else 0x20 for byte in range(256))
# Separators common in news copy outside ASCII, turned into spaces before the check below.
_COMMON_SEPARATORS = "\u2019\u2018\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014\u2026\u00a0\u00b7"


def words(text: str) -> list[str]:
    """The words of ``text``, casefolded, in order."""
    spaced = text.casefold().encode().translate(_SPACES).decode()
    if spaced.isascii():
        return spaced.split()
    for separator in _COMMON_SEPARATORS:
        if separator in spaced:
            spaced = spaced.replace(separator, " ")
    pieces = spaced.split()  # also at every Unicode space, as the expression does
    if "".join(pieces).isalnum():  # str.isalnum is the expression's class, less "_"
        return pieces
    return [word for piece in pieces for word in _words_of_piece(piece)]


def _words_of_piece(piece: str) -> list[str]:
    return [piece] if piece.isalnum() else WORD_RE.findall(piece)
