"""The language of a page, told by CLD2 (Chromium's compact language detector, via pycld2).

CLD2 carries its tables inside the package and runs in C++: it reads 500
characters in about 0.05 ms. py3langid, tried first, needed 0.2 ms for 200
characters (its model walks the text byte by byte in Python) and named four
of 1,548 test pages wrongly at that length; CLD2 named them all right
(corpus and ``bench/generate.py`` pages, measured 2026-11-28).
"""

from __future__ import annotations

import pycld2

# How much text to look at: the longest lines, up to this many characters.
SAMPLE_CHARS = 500
# Below this many bytes of text CLD2 scored, a page is too short to tell.
MIN_TEXT_BYTES = 20
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
    data = " ".join(sample)[:SAMPLE_CHARS].encode("utf-8", errors="replace")
    try:
        _reliable, text_bytes, details = pycld2.detect(data, bestEffort=True)
    except pycld2.error:  # control characters: ``split_lines`` has removed them
        return None
    code = str(details[0][1]).split("-")[0].lower()
    return None if code == UNKNOWN or text_bytes < MIN_TEXT_BYTES else code
