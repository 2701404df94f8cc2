"""What the text parser asks of every line of a page, answered once per line.

The parser reads a page's lines back and forth: whether a line is furniture, a title,
a paragraph or a rail's title is asked of the same line by many rules, each time from
the string. ``LineFacts`` answers those questions once, and the rules read the answers
by the line's index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wiredesk.parse.furniture import is_furniture
from wiredesk.parse.rails import (
    MAX_RAIL_TITLE_CHARS,
    MAX_TITLE_CHARS,
    MAX_TITLE_WORDS,
    RailTitle,
    is_title_shaped,
    read_rail_title,
)

# A line of the story's own text: a paragraph this long, no title line. The body starts
# at the first of them that another sentence follows (a lone one is more often a site's
# notice).
MIN_PARAGRAPH_WORDS = 15
# A shorter paragraph above such a run is still the story's when it is a sentence of at
# least this many words.
MIN_SENTENCE_WORDS = 5
# A footer's or a menu's line: fewer words than this, not closed like a sentence.
MAX_FOOTER_WORDS = 3


@dataclass(frozen=True, slots=True)
class LineFacts:
    """Facts about each line of a page, by the line's index.

    The facts are lists as long as the page, filled in one pass. Whether a line is
    furniture is answered for every line at once too: the rules ask it of 34 of a
    generated page's 36 lines (bench/generate.py, December 2026), so answering it when
    first asked saved nothing, and cost a check and a method call on each of the 68 times
    a page asked it.
    """

    lines: list[str]  # as ``split_lines`` leaves them: one plain space between words
    words: list[int]  # how many words the line holds
    is_title: list[bool]  # ``is_title_line``: short, not closed like a sentence
    rail_title: list[RailTitle | None]  # the rail the line opens as its title
    furniture: list[bool] = field(repr=False)  # ``furniture.is_furniture``, read by index

    @classmethod
    def of(cls, lines: list[str]) -> LineFacts:
        """The facts of lines from ``split_lines``. It leaves one plain space between words
        and none at the ends (a test keeps this true), so counting the spaces counts the
        words, in a tenth of the time of splitting a paragraph."""
        words = [line.count(" ") + 1 for line in lines]
        return cls(
            lines=lines,
            words=words,
            # (the words counted first, as ``is_title_shaped`` does: most paragraphs are
            # ruled out without calling it)
            is_title=[
                count <= MAX_TITLE_WORDS
                and len(line) <= MAX_TITLE_CHARS
                and is_title_shaped(line, count)
                for line, count in zip(lines, words, strict=True)
            ],
            # (the length asked first: most lines are longer than any rail's title)
            rail_title=[
                read_rail_title(line) if len(line) <= MAX_RAIL_TITLE_CHARS else None
                for line in lines
            ],
            furniture=[is_furniture(line) for line in lines],
        )

    def is_footer(self, index: int) -> bool:
        """Whether a line is a footer's or a menu's: a few words, not closed like a sentence."""
        return self.words[index] <= MAX_FOOTER_WORDS and not self.lines[index].endswith(
            (".", "!", "?")
        )

    def is_sentence(self, index: int) -> bool:
        """Whether a line is a paragraph of the story's, short ones included (past the
        last line: no)."""
        return (
            index < len(self.lines)
            and self.words[index] >= MIN_SENTENCE_WORDS
            and not self.is_title[index]
            and not self.furniture[index]
        )

    def is_paragraph(self, index: int) -> bool:
        """Whether a line is a long paragraph of the story's (past the last line: no)."""
        return (
            index < len(self.lines)
            and self.words[index] >= MIN_PARAGRAPH_WORDS
            and not self.is_title[index]
            and self.rail_title[index] is None
            and not self.furniture[index]
        )
