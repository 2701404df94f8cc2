"""From raw text to clean lines: line ends, invisible characters, hard wraps.

Site copy holds one paragraph per line. Wire copy as agencies send it is
hard-wrapped at a fixed width with blank lines between paragraphs; its lines
are joined back into paragraphs here, so the rest of the parser sees one
paragraph per line either way.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from wiredesk.parse.dateline import may_open_dateline, read_dateline
from wiredesk.parse.furniture import is_furniture

# Characters that carry nothing a reader sees: zero-width spaces and joiners,
# the byte-order mark, soft hyphens.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
# Control characters and every kind of space but the plain space and the
# newline ("odd" spaces); runs of spaces of any kind become one plain space.
_ODD = "\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# One character, not a run ("[…]+"): Python's engine takes twice as long over a page for
# the run, and the spaces left for a run are collapsed by ``DOUBLE_SPACES_RE`` after it.
ODD_SPACE_RE = re.compile(f"[{_ODD}]")
# "  +" rather than " {2,}": a literal two-space prefix lets the engine skip ahead.
DOUBLE_SPACES_RE = re.compile("  +")
# Any character either clean-up acts on: one scan tells whether to run them.
UNUSUAL_RE = re.compile(f"[{_ODD}\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SENTENCE_END = tuple('.!?:;"”’»)')
# The Latin-1 characters that print, and the line end, as bytes.
_PRINTING_LATIN1 = bytes(code for code in range(256) if chr(code).isprintable() or code == 10)

# Wrapped copy is never wider than this; site paragraphs usually are.
MAX_WRAP_WIDTH = 100
MIN_WRAPPED_LINES = 3
MIN_WRAP_WIDTH = 30
# The width is read at this share of the wrapped lines, so one overlong line does not set it.
WIDTH_PERCENTILE = 0.9
# Wire headers and trailers are shorter than this; longer lines need no furniture check.
MAX_FURNITURE_WIDTH = 40
# In wrapped copy nearly every line that another line follows is near the width.
MIN_NEAR_SHARE = 0.75
# Wrappers differ by a character or two in where they break.
WRAP_SLACK = 3


def clean_line(line: str) -> str:
    """One line with its whitespace collapsed and invisible characters removed."""
    return _clean_spaces(INVISIBLE_RE.sub("", line)).strip()


def split_lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, cleaned, with hard-wrapped paragraphs joined."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    latin1 = _latin1(text)
    # Each clean-up runs only where it has something to do: most copy needs none.
    odd = not _prints(text, latin1) and UNUSUAL_RE.search(text) is not None
    # The unusual characters the copy holds (most often only the no-break space), found in
    # one scan: each is then replaced by ``str.replace``, in a fraction of the time of a
    # regex's substitution over the page.
    unusual = set(UNUSUAL_RE.findall(text)) if odd else set()
    for char in unusual.intersection(_INVISIBLE):
        text = text.replace(char, "")
    if latin1 is None and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        if odd:  # NFC makes other spaces of some ("\u2000" is "\u2002")
            unusual = set(UNUSUAL_RE.findall(text))
    if not odd and "  " in text:
        text = DOUBLE_SPACES_RE.sub(" ", text)
    # Widths are measured before odd spaces are cleaned: a no-break space still
    # binds "«\u00a0C'est" into one word, as it did for the wrapper.
    raw = [line.strip() for line in text.split("\n")]
    # The clean-up keeps every newline, so the cleaned lines stay in step with ``raw``.
    if odd:
        for char in unusual.difference(_INVISIBLE):
            text = text.replace(char, " ")  # as ``_clean_spaces`` does, by the characters found
        cleaned = [line.strip() for line in DOUBLE_SPACES_RE.sub(" ", text).split("\n")]
    else:
        cleaned = raw
    width = _wrap_width(raw)
    if width is None:
        return [line for line in cleaned if line]
    # A line was wrapped when the next line's first word would not have fitted on it (as
    # wrappers break: within ``WRAP_SLACK`` characters of the width). The test is written
    # out in the loop, over every line of wrapped copy, and a paragraph's lines are joined
    # once, at its end.
    limit = width - WRAP_SLACK
    paragraphs: list[list[str]] = []
    previous = ""  # the line before, as wrapped
    for line, wrapped in zip(cleaned, raw, strict=True):
        if line:
            space = wrapped.find(" ")
            first_word = space if space >= 0 else len(wrapped)
            if (
                previous
                and len(previous) + 1 + first_word > limit
                # a dateline opens a paragraph, never goes on one
                and (not may_open_dateline(line) or read_dateline(line) is None)
            ):
                paragraphs[-1].append(line)
            else:
                paragraphs.append([line])
        previous = wrapped
    return [" ".join(paragraph) for paragraph in paragraphs]


def _prints(text: str, latin1: bytes | None) -> bool:
    """Whether every character of ``text`` but its line ends prints. None of those
    ``UNUSUAL_RE`` looks for does (a test keeps this true), and the question is answered in
    half the time of that regex's search, which then runs only on copy that fails it; for
    Latin-1 text, by deleting the bytes that print from ``latin1``, in a fifth of it."""
    if latin1 is not None:
        return not latin1.translate(None, _PRINTING_LATIN1)
    return text.replace("\n", " ").isprintable()


def _latin1(text: str) -> bytes | None:
    """The text's Latin-1 bytes when every character of it is below U+0100, else None.

    Such text is in NFC (none of those characters decomposes into others or combines with
    one), and encoding it is a copy in C, where ``unicodedata.is_normalized`` looks every
    character up: two in five of the benchmark's pages are told so in an eighth of the time.
    """
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def _clean_spaces(text: str) -> str:
    return DOUBLE_SPACES_RE.sub(" ", ODD_SPACE_RE.sub(" ", text))


def _wrap_width(lines: list[str]) -> int | None:
    """The width the copy was wrapped at, or None when it is not hard-wrapped.

    Only lines followed by another line of the same block count: a long
    headline standing alone does not set the width. Copy is wrapped when most
    of those lines stay under ``MAX_WRAP_WIDTH`` and come near that width (a
    list of titles and ages does not), stopping mid-sentence, often with the
    sentence going on in lower case.
    """
    lengths = [len(line) for line, following in pairwise(lines) if line and following]
    if len(lengths) < MIN_WRAPPED_LINES:
        return None
    lengths.sort()
    width = lengths[int(len(lengths) * WIDTH_PERCENTILE)]
    if width > MAX_WRAP_WIDTH or width < MIN_WRAP_WIDTH:
        return None  # site copy leaves here, before the closer look below
    # Wire headers and trailers ("ZCZC", "mpf/sba") are short by nature: they say
    # nothing about the width, and would outweigh the text of a short item. The lines
    # left are counted in one loop (a plain loop: summing generators took twice as long).
    continued = near = open_ended = lowercase = 0
    near_width = width * 0.8
    for line, following in pairwise(lines):
        if not line or not following:
            continue
        if len(line) <= MAX_FURNITURE_WIDTH and is_furniture(line):
            continue
        continued += 1
        if len(line) >= near_width:
            near += 1
            open_ended += not line.endswith(SENTENCE_END)
            lowercase += following[:1].islower()
    if continued < MIN_WRAPPED_LINES:
        return None
    if (
        near < MIN_WRAPPED_LINES
        or near < continued * MIN_NEAR_SHARE
        or open_ended * 2 < near
        or lowercase * 4 < near
    ):
        return None
    return width
