"""The language of a page, told by CLD2 (Chromium's compact language detector, via pycld2).

CLD2 carries its tables inside the package and runs in C++: it reads 500
characters in about 0.05 ms. py3langid, tried first, needed 0.2 ms for 200
characters (its model walks the text byte by byte in Python) and named four
of 1,548 test pages wrongly at that length; CLD2 named them all right
(corpus and ``bench/generate.py`` pages, measured 2026-11-28).
"""

from __future__ import annotations

import re

import pycld2

# How much text to look at: the longest lines, up to this many characters.
SAMPLE_CHARS = 500
MIN_LETTERS = 20
NON_LETTERS_RE = re.compile(r"[\W\d_]+")
# CLD2 refuses control characters; they carry no language anyway.
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
UNKNOWN = "un"


def detect_language(lines: list[str]) -> str | None:
    """The language of the longest lines of a page (ISO 639-1), or None when unsure."""
    sample: list[str] = []
    size = 0
    for line in sorted(lines, key=len, reverse=True):
        sample.append(line)
        size += len(line)
        if size >= SAMPLE_CHARS:
            break
    text = " ".join(sample)[:SAMPLE_CHARS]
    if len(NON_LETTERS_RE.sub("", text)) < MIN_LETTERS:
        return None
    data = CONTROL_RE.sub(" ", text).encode("utf-8", errors="replace")
    try:
        _reliable, _bytes, details = pycld2.detect(data, bestEffort=True)
    except pycld2.error:
        return None
    code = str(details[0][1]).split("-")[0].lower()
    return None if code == UNKNOWN else code
