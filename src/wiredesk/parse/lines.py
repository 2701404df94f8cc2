"""From raw text to clean lines: line ends, invisible characters, hard wraps.

Site copy holds one paragraph per line. Wire copy as agencies send it is
hard-wrapped at a fixed width with blank lines between paragraphs; its lines
are joined back into paragraphs here, so the rest of the parser sees one
paragraph per line either way.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that carry nothing a reader sees: zero-width spaces and joiners,
# the byte-order mark, soft hyphens.
INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Control characters and every kind of space but the newline become one plain
# space. The regex matches only runs that are not already one plain space, so
# ordinary text costs no replacements.
_SPACE = r"(?:[^\S\n]|[\x00-\x08\x0e-\x1f\x7f-\x9f])"
_ODD_SPACE = r"(?:[^\S\n ]|[\x00-\x08\x0e-\x1f\x7f-\x9f])"
SPACES_RE = re.compile(rf"{_SPACE}*{_ODD_SPACE}{_SPACE}*| {{2,}}")
ODD_SPACE_RE = re.compile(_ODD_SPACE)
SENTENCE_END = tuple('.!?:;"”’»)')

# Wrapped copy is never wider than this; site paragraphs usually are.
MAX_WRAP_WIDTH = 100
MIN_WRAPPED_LINES = 3
MIN_WRAP_WIDTH = 30
# The width is read at this share of the wrapped lines, so one overlong line does not set it.
WIDTH_PERCENTILE = 0.9
# In wrapped copy nearly every line that another line follows is near the width.
MIN_NEAR_SHARE = 0.75
# Wrappers differ by a character or two in where they break.
WRAP_SLACK = 3


def clean_line(line: str) -> str:
    """One line with its whitespace collapsed and invisible characters removed."""
    return SPACES_RE.sub(" ", INVISIBLE_RE.sub("", line)).strip()


def split_lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, cleaned, with hard-wrapped paragraphs joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Each clean-up runs only where it has something to do: most copy needs none.
    if INVISIBLE_RE.search(text):
        text = INVISIBLE_RE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Widths are measured before spaces are cleaned: a no-break space still
    # binds "«\u00a0C'est" into one word, as it did for the wrapper.
    raw = [line.strip() for line in text.split("\n")]
    if "  " in text or ODD_SPACE_RE.search(text):
        cleaned = [SPACES_RE.sub(" ", line).strip() for line in raw]
    else:
        cleaned = raw
    width = _wrap_width(raw)
    if width is None:
        return [line for line in cleaned if line]
    lines: list[str] = []
    for index, line in enumerate(cleaned):
        if not line:
            continue
        if index and raw[index - 1] and _was_wrapped(raw[index - 1], raw[index], width):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def _was_wrapped(line: str, following: str, width: int) -> bool:
    """A line was wrapped when the next line's first word would not have fitted on it."""
    first_word = following.split(" ", 1)[0]
    return len(line) + 1 + len(first_word) > width - WRAP_SLACK


def _wrap_width(lines: list[str]) -> int | None:
    """The width the copy was wrapped at, or None when it is not hard-wrapped.

    Only lines followed by another line of the same block count: a long
    headline standing alone does not set the width. Copy is wrapped when most
    of those lines stay under ``MAX_WRAP_WIDTH`` and come near that width (a
    list of titles and ages does not), stopping mid-sentence, often with the
    sentence going on in lower case.
    """
    continued = [
        (line, following)
        for line, following in zip(lines, lines[1:], strict=False)
        if line and following
    ]
    if len(continued) < MIN_WRAPPED_LINES:
        return None
    lengths = sorted(len(line) for line, _ in continued)
    width = lengths[int(len(lengths) * WIDTH_PERCENTILE)]
    if width > MAX_WRAP_WIDTH or width < MIN_WRAP_WIDTH:
        return None
    near = [(line, following) for line, following in continued if len(line) >= width * 0.8]
    open_ended = sum(not line.endswith(SENTENCE_END) for line, _ in near)
    lowercase = sum(following[:1].islower() for _, following in near)
    if (
        len(near) < MIN_WRAPPED_LINES
        or len(near) < len(continued) * MIN_NEAR_SHARE
        or open_ended * 2 < len(near)
        or lowercase * 4 < len(near)
    ):
        return None
    return width
