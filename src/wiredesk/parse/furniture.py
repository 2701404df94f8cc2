"""Page furniture: navigation, sharing, ads, credits, cookie prompts, wire headers and trailers.

Furniture is never the story; the parser keeps it under ``dropped``. The
rules themselves are data in ``rules.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wiredesk.parse.openings import Openings
from wiredesk.parse.rules import (
    CAPTION_PATTERNS,
    CLOSING_BOX_PATTERNS,
    COMMENTS_PROMPT_PATTERNS,
    COOKIE_RE,
    COPYRIGHT_LINE_PATTERN,
    CRUMB_HINT_RE,
    CRUMB_RE,
    FORM_FIELD_PATTERN,
    FURNITURE_LINES,
    FURNITURE_PATTERNS,
    NEW_WINDOW_PATTERN,
    POINTER_PATTERN,
    READ_MORE_PATTERNS,
    WIRE_HEADER_PATTERNS,
    WIRE_TRAILER_PATTERNS,
)

# All furniture patterns, tried by what a line opens with (``FURNITURE.whole``: all of them
# in one regex, one pass per line instead of one per pattern).
FURNITURE = Openings(
    (*FURNITURE_PATTERNS, *WIRE_HEADER_PATTERNS, *WIRE_TRAILER_PATTERNS), re.IGNORECASE
)
POINTER_RE = re.compile(POINTER_PATTERN, re.IGNORECASE)
COPYRIGHT_LINE_RE = re.compile(COPYRIGHT_LINE_PATTERN, re.IGNORECASE)
READ_MORE_RE = re.compile("|".join(f"(?:{p})" for p in READ_MORE_PATTERNS), re.IGNORECASE)
CAPTION_RE = re.compile("|".join(f"(?:{pattern})" for pattern in CAPTION_PATTERNS), re.IGNORECASE)
FORM_FIELD_RE = re.compile(FORM_FIELD_PATTERN, re.IGNORECASE)
MAX_FORM_FIELD_CHARS = 80
NEW_WINDOW_RE = re.compile(NEW_WINDOW_PATTERN, re.IGNORECASE)
MAX_BUTTON_CHARS = 100
# What comes under a story and never inside it: a comments prompt, a form's field, the
# writer's biography.
UNDER_STORY_RE = re.compile(
    "|".join(
        f"(?:{pattern})"
        for pattern in (*COMMENTS_PROMPT_PATTERNS, *CLOSING_BOX_PATTERNS, FORM_FIELD_PATTERN)
    ),
    re.IGNORECASE,
)
# A link closing a caption's line: "more >", "mehr ›".
LINK_TAIL_RE = re.compile(r"\s+[^\W\d_]{1,10}\s*[>›»]$")
MAX_READ_MORE_CHARS = 40
# A caption's closing credit is within this many characters of its end.
CAPTION_TAIL_CHARS = 100
# A picture's credit after its label ("Bild: Keystone") is within this many characters.
CAPTION_LABEL_CHARS = 60
# No furniture line is longer than this: longer lines are story text.
MAX_FURNITURE_CHARS = 420
# The separators ``CRUMB_HINT_RE`` looks for: its pattern is one class of them (a test keeps
# this true).
CRUMB_MARKS = tuple(CRUMB_HINT_RE.pattern.removeprefix("[").removesuffix("]"))
# A copyright line's mark ("©", "(c)", "copyright") opens within its first characters:
# ``COPYRIGHT_LINE_PATTERN`` starts ".{0,30}(?:©|\(c\)|copyright)" (a test keeps this true).
COPYRIGHT_MARK_CHARS = 30 + len("copyright")
# Past this length only a cookie prompt, a parenthesised trailer ("(Reporting by ...)")
# or a pointer to another story ("Lire aussi : …") is furniture; every other rule is for
# short lines (the longest, photo credits and copyright lines, stop at about 140).
LONG_LINE_CHARS = 160


def is_read_more(line: str) -> bool:
    """Whether a line is a link to the rest of a teaser ("Lees meer »")."""
    return len(line) <= MAX_READ_MORE_CHARS and READ_MORE_RE.fullmatch(line) is not None


def is_under_story(line: str) -> bool:
    """Whether a furniture line is one that only stands under a story: a comments prompt
    or a form's field (a comment form's). Asked of furniture lines only."""
    return UNDER_STORY_RE.fullmatch(line) is not None


def is_caption(line: str) -> bool:
    """Whether a line is a photo caption: told by the credit that closes it or the
    file-picture prefix that opens it."""
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    if line.endswith((">", "›", "»")):
        line = LINK_TAIL_RE.sub("", line)  # "… (AP Photo/Jane Doe) more >": the link is no part
    # Every caption rule ends the line with a credit (a ")", a "/", a "©", "Photo: …"),
    # opens it with "FILE" or has "©" and a slash: most lines are ruled out without a search.
    tail = line[-CAPTION_TAIL_CHARS:]
    if not (
        line.startswith("FILE")
        or "/" in tail
        or "©" in line
        # (the colon alone first: a search for one character takes a fifth of the time)
        or (
            line.find(":", len(line) - CAPTION_LABEL_CHARS) >= 0
            and line.find(": ", len(line) - CAPTION_LABEL_CHARS) >= 0
        )
        # the rest close a parenthesis: most lines hold none
        or (
            ")" in tail
            and (
                # "(c)" in any case: no character but "C" folds to "c" (what casefold() would
                # find)
                "(c)" in tail or "(C)" in tail or tail.rstrip().endswith(")")
            )
        )
    ):
        return False
    return CAPTION_RE.search(line) is not None


def _is_printed_twice(folded: str) -> bool:
    """Whether a line is one furniture line printed twice, as an icon's text and the
    button's: "Partager Partager", "Ajouter à vos sélections Ajouter à vos sélections"."""
    opening = folded.split(None, 1)
    if len(opening) < 2 or opening[0] not in opening[1]:
        return False  # its first word is printed again, in the second half: most lines fail
    # and its last word is printed before, in the first half: most lines holding their
    # first word twice ("de", "the") fail this, before the line is split into words
    last = opening[1].rsplit(None, 1)[-1]
    if folded.find(last) == folded.rfind(last):
        return False
    words = folded.split()
    half = len(words) // 2
    return (
        half > 0
        and len(words) == 2 * half
        and words[:half] == words[half:]
        and is_furniture(" ".join(words[:half]))
    )


def _holds_crumb_mark(line: str) -> bool:
    """Whether ``CRUMB_HINT_RE`` finds one of its separators in a line: a test for each
    character takes a third of the time of the regex's search."""
    # a loop: ``any()`` over a generator takes twice the time
    for mark in CRUMB_MARKS:  # noqa: SIM110
        if mark in line:
            return True
    return False


def _names_copyright(folded: str) -> bool:
    """Whether a case-folded line says "(c)" or "copyright" (one of the copyright line's
    marks beside "©")."""
    return "(c)" in folded or "copyright" in folded


def _may_be_copyright(line: str) -> bool:
    """Whether ``COPYRIGHT_LINE_RE`` may match a line by its "(c)" or "copyright": the mark
    opens within its first 31 characters, with "(", or a "c" and a "y" (ignoring case, the
    regex takes no other characters for them). False rules the match out, whatever else the
    line holds."""
    head = line[:COPYRIGHT_MARK_CHARS]
    return "(" in head or (("c" in head or "C" in head) and ("y" in head or "Y" in head))


@lru_cache(maxsize=4096)
def is_furniture(line: str) -> bool:
    """Whether a line is page furniture rather than part of a story."""
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    # A search for one character takes a tenth of the time of one for "ookie": a "k" is
    # looked for first (a line without one holds neither spelling).
    if (
        ("k" in line and "ookie" in line) or ("K" in line and "OOKIE" in line)
    ) and COOKIE_RE.fullmatch(line):
        return True
    if is_caption(line):
        return True
    if len(line) > LONG_LINE_CHARS:
        # Case-folding a long line takes a microsecond, and it is folded only for the
        # copyright check: only lines that may open with the mark are (``_may_be_copyright``).
        if (
            "©" in line or (_may_be_copyright(line) and _names_copyright(line.casefold()))
        ) and COPYRIGHT_LINE_RE.fullmatch(line):
            return True
        if line.startswith("("):
            return FURNITURE.fullmatch(line)
        # a pointer has its colon (or bar): most paragraphs are ruled out without the regex
        return (":" in line or "|" in line) and POINTER_RE.fullmatch(line) is not None
    folded = line.casefold()
    if ("©" in line or _names_copyright(folded)) and COPYRIGHT_LINE_RE.fullmatch(line):
        return True
    if folded.rstrip(" :") in FURNITURE_LINES or _is_printed_twice(folded):
        return True
    if line.endswith(("*", ")")):
        if len(line) <= MAX_FORM_FIELD_CHARS and FORM_FIELD_RE.fullmatch(line) is not None:
            return True  # a form's field: "Votre adresse email*", "Name (required)"
        if len(line) <= MAX_BUTTON_CHARS and NEW_WINDOW_RE.search(line) is not None:
            return True  # a button's text: "Click to share on X (Opens in new window)"
    if _holds_crumb_mark(line) and CRUMB_RE.fullmatch(line):
        return True
    return FURNITURE.fullmatch(line)
