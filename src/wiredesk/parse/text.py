"""``parse_text``: the text of one news page in, a ``Page`` out.

The page is read top to bottom in three parts: the top (furniture, banner,
headline), the article (standfirst, byline, date line, dateline, body with
sub-headings), and the rails that follow it. Every line ends up somewhere:
in the article, in a rail, or in ``dropped``.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import lru_cache

from wiredesk.model import Article, Block, BlockKind, Dateline, Page, Rail
from wiredesk.parse.ages import read_age
from wiredesk.parse.dateline import read_dateline, read_place_dateline
from wiredesk.parse.furniture import is_furniture, is_read_more, is_under_story
from wiredesk.parse.labels import languages_for, read_label, split_label
from wiredesk.parse.language import detect_language
from wiredesk.parse.line_facts import MIN_SENTENCE_WORDS, LineFacts
from wiredesk.parse.lines import split_lines
from wiredesk.parse.rails import (
    DURATION_RE,
    MAX_RAIL_TITLE_CHARS,
    RANK_RE,
    RailTitle,
    is_kicker,
    is_title_line,
    read_marked_rail,
    read_rail,
    read_rail_title,
    section_of,
    without_bullets,
    without_paired_kickers,
)
from wiredesk.parse.rules import (
    AGENCIES,
    AGENCY_CREDIT_PATTERN,
    ANP_REPLACES_RE,
    ANP_VERSION_RE,
    ARROW_LINK_PATTERN,
    BANNER_RE,
    BYLINE_RE,
    HEADLINE_MARKER_RE,
    LIVE_MARKERS,
    NAME_LINE_RE,
    NEWSROOM_WORDS,
    PAYWALL_MARK_RE,
    PAYWALL_NOTICE_PATTERNS,
    PHOTO_AGENCIES,
    PHOTO_CREDIT_PATTERN,
    REUTERS_PREFIX_RE,
    ROLE_LINE_RE,
    SOURCE_LINE_PATTERN,
    SUMMARY_LABELS,
)
from wiredesk.parse.times import (
    DIGIT_RE,
    MAX_DATE_LINE_CHARS,
    PrintedTime,
    in_utc,
    page_zone,
    read_date_line,
    read_glued_date_line,
    resolve,
)
from wiredesk.parse.trailers import close_body, is_closing_mark

MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 200
MAX_SUBHEADING_WORDS = 12
MAX_SUBHEADING_CHARS = 90
MAX_BYLINE_CHARS = 80
# A kicker or section label above a headline ("Politiek", "Oorlog in Oekraïne")
# is a few words, shorter than the headline under it.
MAX_KICKER_WORDS = 4
# How many lines after a rail title are read to tell a rail from a sub-heading.
RAIL_LOOKAHEAD = 12
# Teaser titles among them that make a rail of titles over texts.
MIN_TEASER_TITLES = 2
# A sub-heading may open with a quotation: '"We will rebuild"', «Nie wieder».
OPENING_QUOTES = "\"'«„“‘‹"
# A standfirst that does not end in a full stop (British sites) is still longer than this.
MIN_STANDFIRST_WORDS = 12
# How a byline opens (``BYLINE_RE``): a line that opens otherwise is none.
MIN_KEY_POINTS = 2
MAX_PHOTO_CREDIT_CHARS = 80  # "© BELGA PHOTO NICOLAS MAETERLINCK"
MAX_KEY_POINT_WORDS = 20
LIVE_MARK_REACH = 30  # lines over a live page's first entry where its mark is looked for
MAX_SUMMARY_LABEL_CHARS = 30
MAX_KEY_POINTS = 12  # the short lines of a box of key points (or contents) under its label
MAX_NAME_LINE_CHARS = 50  # a writer's name, or role, alone on its line
BYLINE_OPENINGS = ("door", "by", "von", "par", "van onze", "de notre", "from our", "our")
# What may stand between the capitalised words of a byline's names.
NAME_PARTICLES = frozenset(
    {"van", "de", "der", "den", "von", "zu", "du", "des", "le", "la", "da", "di", "ten", "ter",
     "und", "and", "et", "en", "&", "-", "–", "|"}
)  # fmt: skip
# A subscriber's mark ("ABO+") stands in a line's first characters.
MAX_MARK_CHARS = 8
# Lines looked at between a headline and the dateline under it (bylines, date lines).
META_LINES = 4
# A sub-heading inside the story's opening stands under at least this many sentences.
MIN_SENTENCES_OVER_SUBHEADING = 2
# A dateline opens the story's first paragraph when this many words follow it.
MIN_DATELINE_TEXT_WORDS = 6
# Lines looked at between one paragraph and the next in a run.
PARAGRAPH_RUN_GAP = 3
# A headline has at least this many words when a shorter title line stands closer to the
# body: "Rodrigo Campos" under "Oil falls on oversupply fears" is a name, not the headline.
MIN_FULL_HEADLINE_WORDS = 4
# How far above the body a headline is looked for, in lines.
HEADLINE_REACH = 12
# A rail title in no list is a word or three ("Trending Now") over at least this many
# headlines.
MAX_UNNAMED_RAIL_TITLE_CHARS = 40
MIN_UNNAMED_RAIL_TEASERS = 3
MAX_UNNAMED_RAIL_TEASERS = 12
# A teaser's headline in a rail with no title is no longer than this (a standfirst is).
MAX_UNTITLED_TEASER_WORDS = 18
MAX_LINES_OVER_UNNAMED_RAIL = 1
# Short lines in a row, the last of them included, that make a menu.
MENU_RUN = 3
ARROW_LINK_RE = re.compile(ARROW_LINK_PATTERN, re.IGNORECASE)
ARROW_MARKS = ("›", "»", "→")
# Teasers a rail shows before a list of names or tags under them ends it, and the words of
# such a name ("Olivier Véran", "guerre en Ukraine").
MIN_TEASERS_OVER_NAMES = 2
MIN_NAMES = 3
MAX_NAME_WORDS = 3
# A product's price closing a line: "Schlägertest 2021: 17 Rackets 2,00 €", "£4.99".
CURRENCY_SIGNS = ("€", "$", "£")
PRICE_AT_END_RE = re.compile(
    r"(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|\$|£|eur|euro|chf|usd))$", re.IGNORECASE
)
# A question over at least this many short answers (of at most so many words) is a poll's
# or a form's: "Do you expect…?" over "Yes", "No", "Don't know".
MIN_POLL_ANSWERS = 3
MAX_POLL_ANSWERS = 8
MAX_POLL_ANSWER_WORDS = 8
# A place alone on a line: one to three capitalised words ("Helsinki", "New York",
# "Den Haag", "Rio de Janeiro"), between a standfirst and the story.
PLACE_LINE_RE = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+|de|da|do|del|den|am|an|sur|upon|on)){0,2}"
)
MIN_BLOCKS_UNDER_PLACE = 3
PHOTO_CREDIT_RE = re.compile(PHOTO_CREDIT_PATTERN, re.IGNORECASE)
AGENCY_CREDIT_RE = re.compile(AGENCY_CREDIT_PATTERN, re.IGNORECASE)
SOURCE_LINE_RE = re.compile(SOURCE_LINE_PATTERN, re.IGNORECASE)
PAYWALL_NOTICE_RE = re.compile("|".join(PAYWALL_NOTICE_PATTERNS), re.IGNORECASE)
MAX_PAYWALL_NOTICE_CHARS = 160
# An age alone on its line is this short: "vor 14 Stunden", "il y a 3 heures".
MAX_AGE_LINE_CHARS = 30
# A caption that opens with its credit's label, however long it runs.
PHOTO_LABEL_RE = re.compile(r"(?:foto|photo|bild|beeld|image)\s*:\s", re.IGNORECASE)
MAX_CAPTION_CHARS = 400
# A clock time alone on its line, heading an entry of a live story: "10 p.m.", "4:14 p.m.",
# "14.30 uur", "14:30 Uhr", "9h45".
CLOCK_HEADING_RE = re.compile(
    r"(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d\s*(?:[ap]\.?m\.?|uur|uhr)?|\s*(?:[ap]\.?m\.?|uur|uhr))"
    r"(?:\s+[A-Z]{2,4})?",
    re.IGNORECASE,
)
# A copied page's footer or menu under the story: this many short lines in a row, after
# a story of at least a few blocks (a story's list of names is shorter, or longer lines).
# (A footer's line: ``LineFacts.is_footer``.)
FOOTER_RUN = 5
MIN_BODY_BEFORE_FOOTER = 2
FOOTER_LOOKAHEAD = 20
MIN_STORY_WORDS = 15
# The story's paragraphs in a row under a box of links that stands inside it ("Lees ook").
MIN_PARAGRAPHS_UNDER_BOX = 2
MIN_WORDS_UNDER_BOX = 10  # each
BOX_LOOKAHEAD = 8  # lines under a box where the story's paragraphs are looked for
MIN_STORY_AFTER = 2
# Desk initials signing off a story on a line of their own: "StZ", "NZZ", "AFP" (two
# capitals at least, so that no short word is taken for them).
SIGN_OFF_RE = re.compile(r"(?=[a-z]*[A-Z][a-z]*[A-Z])[A-Za-z]{2,4}")
MAX_SIGN_OFF_CHARS = 40
SIGN_OFF_LOOKAHEAD = 2
# How far above the headline a date line is still the story's own.
DATE_LINE_REACH = 3


def parse_text(
    text: str,
    *,
    captured_at: datetime | None = None,
    language: str | None = None,
    timezone: str | None = None,
    source: str | None = None,
    headline: str | None = None,
    section: str | None = None,
) -> Page:
    """Parse the text of one news page.

    ``captured_at`` anchors the ages of rail briefs ("1 uur geleden"); without
    it ages are read but not placed in time. ``language`` skips detection.
    ``timezone`` (an IANA name) is where times printed without a zone are
    read; by default the page language's own (Amsterdam for Dutch, UTC for
    English). ``headline`` is the headline when something better than the
    text tells it (an HTML page's markup): no line of the text is taken for
    it then, and a copy of it in the text is dropped. ``section`` is the one
    the capture's source files it under (a feed's section): the article's
    section when no rail of the page names one. Never raises on any text.
    """
    lines = split_lines(text)
    if language is None:
        language = detect_language(lines)
    reader = _Reader(
        lines=lines,
        captured_at=in_utc(captured_at) if captured_at else None,
        zone=page_zone(language, timezone),
        languages=languages_for(language),
    )
    article = reader.read_article(headline)
    rails = reader.read_rails()
    return Page(
        source=source,
        captured_at=reader.captured_at,
        language=language,
        article=dataclasses.replace(article, section=section_of(rails, section)),
        rails=rails,
        dropped=tuple(reader.dropped),
    )


def is_byline(line: str) -> bool:
    return (
        len(line) <= MAX_BYLINE_CHARS
        and not line.endswith((".", "!", "?"))
        and BYLINE_RE.fullmatch(line) is not None
    )


def is_headline_like(line: str) -> bool:
    return (
        len(line) <= MAX_HEADLINE_CHARS
        and len(line.split()) <= MAX_HEADLINE_WORDS
        and not (line.endswith(".") and len(line.split()) > 12)
        and read_dateline(line) is None
    )


@lru_cache(maxsize=4096)  # asked of the same few lines over a page's headline
def _is_date_line(line: str) -> bool:
    return (
        read_date_line(line) is not None
        or read_glued_date_line(line) is not None
        or read_dated_byline(line) is not None
    )


def read_dated_byline(line: str) -> tuple[str, PrintedTime] | None:
    """A byline with its date after it on one line: ("Von dpa", the time of
    "30.04.2024, 18:58"), or None. Without an opening word, the writer's name alone
    before a date that starts with its figures: "Sander de Wit 18-03-26, 09:41"."""
    if not line[:1].isalpha() or DIGIT_RE.search(line) is None:
        return None  # a byline opens with a word, and a date has figures
    if not line[:12].casefold().startswith(BYLINE_OPENINGS):
        named = NAME_LINE_RE.match(line)
        if named is None or not line[named.end() :].lstrip(" ,|·-–")[:1].isdecimal():
            return None
        printed = read_date_line(line[named.end() :].lstrip(" ,|·-–"))
        return (named[0], printed) if printed is not None else None
    for space in range(line.find(" "), min(len(line), MAX_BYLINE_CHARS)):
        if line[space] != " ":
            continue
        lead = line[:space].rstrip(" ,|·-–")
        if is_byline(lead):
            printed = read_date_line(line[space + 1 :].lstrip(" ,|·-–"))
            if printed is not None:
                return lead, printed
    return None


def _names_people(byline: str) -> bool:
    """Whether a byline names people or the newsroom, not a headline that opens like one:
    after its first word, names (capitalised, with their particles) or "unserer
    Redaktion"."""
    words = byline.replace(",", " ").split()[1:]
    if words and words[0].casefold() in NEWSROOM_WORDS:
        return True
    return all(word[:1].isupper() or word.casefold() in NAME_PARTICLES for word in words)


def _is_label_only(line: str, languages: tuple[str, ...]) -> bool:
    """Whether a line is a time label and nothing else ("2 hours ago", "14:02")."""
    split = split_label(line, languages)
    return not split.text and (split.lead is not None or split.trail is not None)


def _is_menu(rail: Rail) -> bool:
    """Whether a "rail" is a footer's or a menu's list of links ("Top Stories": "Video",
    "Contact Us", "Careers"): titles only, without times, most of them a word or two."""
    if any(brief.text or brief.dateline or brief.age_text for brief in rail.items):
        return False
    short = sum(len((brief.title or "").split()) < MIN_FULL_HEADLINE_WORDS for brief in rail.items)
    return short * 2 > len(rail.items)


def _place_under_standfirst(
    body: list[Block],
) -> tuple[str | None, Dateline | None, list[Block]]:
    """A place alone on its line between a story's first paragraph and the rest is its
    dateline, and that paragraph its standfirst ("…uhalla." / "Helsinki" / "Syyttäjät…"):
    Nordic agencies and their clients print the place so."""
    if (
        len(body) >= MIN_BLOCKS_UNDER_PLACE
        and body[0].kind == "paragraph"
        and body[2].kind == "paragraph"
        and body[1].kind == "subheading"
        and PLACE_LINE_RE.fullmatch(body[1].text) is not None
    ):
        return body[0].text, Dateline(place=body[1].text, agencies=()), body[2:]
    return None, None, body


def _is_glued_under_kicker(glued: str, headline: str) -> bool:
    """Whether ``glued`` is ``headline`` with a kicker of a few words glued before it."""
    return (
        len(glued) > len(headline) + 1
        and glued.endswith(headline)
        and glued[-len(headline) - 1] == " "
        and len(glued[: -len(headline)].split()) <= MAX_KICKER_WORDS
    )


def _is_bare_name(line: str) -> bool:
    """A person's name alone on its line ("Martijn de Graaf"), as a byline under a
    standfirst prints it."""
    return len(line) <= MAX_NAME_LINE_CHARS and NAME_LINE_RE.fullmatch(line) is not None


def _is_bare_credit(line: str) -> bool:
    """An agency's or a picture agency's name alone on its line: "ANP", "Getty Images"."""
    return _is_agency_credit(line) or line.casefold() in PHOTO_AGENCIES


def _is_agency_credit(line: str) -> bool:
    """The agency credited alone on its line: "dpa", "AFP"."""
    return line.casefold() in AGENCIES


def _has_words(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` words. Asked of long paragraphs again and
    again, so it splits no further than it needs: a third of the time of a whole split on a
    paragraph of 40 words."""
    return len(text.split(maxsplit=count - 1)) >= count


@dataclass
class _Reader:
    """Walks the lines of one page once, collecting what it finds."""

    lines: list[str]
    captured_at: datetime | None
    zone: tzinfo
    languages: tuple[str, ...]
    pos: int = 0
    dropped: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    last_text_at: int | None = None  # see ``_last_text_at``
    is_whole_page: bool = True  # see ``read_article``
    is_correction: bool = False  # a marker says the copy corrects an earlier one
    rail_starts: dict[int, bool] = field(default_factory=dict)  # see ``_rail_starts_at``
    unnamed_rail_ends: dict[int, int] = field(default_factory=dict)  # ``_unnamed_rail_at``
    untitled_rails: set[int] = field(default_factory=set)  # rails starting with a teaser
    story_at: int = 0  # where a copied page's story begins (``_skip_to_story``)
    early_rails: list[Rail] = field(default_factory=list)  # above the story, inside it
    facts: LineFacts = field(init=False)  # what is asked of each line, by its index

    def __post_init__(self) -> None:
        self.facts = LineFacts.of(self.lines)

    # -- helpers -----------------------------------------------------------

    def _drop(self, line: str) -> None:
        self.dropped.append(line)
        self.pos += 1

    def _next_significant(self, start: int) -> str | None:
        """The next line from ``start`` that is not furniture."""
        index = self._next_significant_at(start)
        return self.lines[index] if index is not None else None

    def _take_age_line(self, line: str) -> bool:
        """An age under the headline ("2 uur geleden") dates the article from the capture."""
        split = split_label(line, self.languages)
        if split.lead is None or split.text or split.trail is not None:
            return False
        if self.published_at is None:
            found = read_label(split.lead, self.languages, self.captured_at, self.zone)
            self.published_at = found.published_at
        self._drop(line)
        return True

    def _take_date_line(self, line: str) -> bool:
        printed = read_date_line(line) or read_glued_date_line(line)
        if printed is None:
            return False
        self._date(printed)
        self._drop(line)
        return True

    def _date(self, printed: PrintedTime) -> None:
        """Date the story by a printed time, unless a time came before."""
        if self.published_at is None:
            if self.captured_at is not None:
                self.published_at = resolve(printed, self.captured_at, self.zone)
            elif printed.day is not None and printed.has_year:
                anchor = datetime.combine(printed.day, printed.clock or datetime.min.time())
                self.published_at = in_utc(anchor, printed.zone or self.zone)

    # -- the top and the article ---------------------------------------------

    def read_article(self, given: str | None = None) -> Article:
        # A copied page holds the site around the story; text given with its headline
        # (an HTML page's main text) holds the story alone.
        self.is_whole_page = given is None
        if given is None:
            self._skip_to_story()
        headline = self._read_headline() if given is None else given
        version, replaces = None, None
        printed = headline
        if headline is not None:
            headline, version = self._read_version_marker(headline)
        standfirst, byline, replaces = self._read_meta(headline, printed)
        dateline, body = self._read_body()
        if dateline is None and standfirst is None:
            standfirst, dateline, body = _place_under_standfirst(body)
        return Article(
            headline=headline,
            standfirst=standfirst,
            byline=byline,
            version=version,
            replaces=replaces,
            is_correction=self.is_correction,
            dateline=dateline,
            body=tuple(body),
            published_at=self.published_at,
        )

    def _skip_to_story(self) -> None:
        """Drop what a whole-page copy holds above the story: menus, login prompts, section
        labels. The story is found by its body — a dateline opening a paragraph, else the
        first run of paragraphs — and the headline standing over it."""
        if self._opens_with_its_story():
            return
        body = self._body_start()
        if body is None:
            return
        self.story_at = body
        start = self._headline_above(body)
        while self.pos < start:
            if self.facts.rail_title[self.pos] is not None and self._read_rail_above(start):
                continue
            # A date line just over the headline dates the story ("March 18, 2026 11:42 AM").
            if self.pos < start - DATE_LINE_REACH or not self._take_date_line(self.lines[self.pos]):
                self._drop(self.lines[self.pos])

    def _read_rail_above(self, limit: int) -> bool:
        """Read the rail whose title stands at ``self.pos``, above the story's headline at
        ``limit`` ("Most read" over headlines: a sidebar printed before the story), and
        whether there was one."""
        end = self._teasers_end(self.pos + 1, limit)
        return end is not None and self._read_box(end)

    def _box_in_story_ends(self, index: int) -> int | None:
        """Where a box of links to other stories inside the story ends ("Lees ook" over a
        headline or a few, between two of its paragraphs), or None: the box's title over
        headlines alone, and the story's paragraphs (not briefs opening with their
        datelines) under them, two in a row."""
        end = self._teasers_end(index + 1, len(self.lines), least=1)
        if end is None:
            return None
        facts = self.facts
        # The last title over the story's paragraphs is its sub-heading, not a teaser, when
        # it has half the words of the box's other titles or fewer ("Opposition zeigt sich
        # offen" under two teasers of eight words and more).
        titles = [
            at
            for at in range(index + 1, end)
            if facts.is_title[at] and facts.words[at] >= MIN_FULL_HEADLINE_WORDS
        ]
        if (
            len(titles) > MIN_TEASER_TITLES
            and titles[-1] == end - 1
            and facts.words[titles[-1]] * 2 <= min(facts.words[at] for at in titles[:-1])
        ):
            end = titles[-1]
        # The story goes on under the box when two of its paragraphs stand in a row within
        # a few lines, a sub-heading alone between its paragraphs; teasers with a title over
        # a text alternate, one text each, and briefs open with their datelines.
        in_a_row = 0
        after_title = False
        for after in range(end, min(len(self.lines), end + BOX_LOOKAHEAD)):
            if is_read_more(self.lines[after]):
                return None  # "Lees meer »" closes a teaser: these are more of them
            if facts.furniture[after]:
                continue
            if facts.is_title[after] and not after_title:
                in_a_row, after_title = 0, True
                continue  # the story's sub-heading ("Onderzoek naar oorzaak")
            if (
                not facts.is_sentence(after)
                or facts.words[after] < MIN_WORDS_UNDER_BOX
                or (after == end and read_dateline(self.lines[after]) is not None)
            ):
                return None
            in_a_row, after_title = in_a_row + 1, False
            if in_a_row == MIN_PARAGRAPHS_UNDER_BOX:
                return end
        return None

    def _teasers_end(self, start: int, limit: int, least: int = MIN_TEASER_TITLES) -> int | None:
        """Where a run of teasers' headlines from ``start`` ends (each perhaps under its
        kicker or author and over its age: the first other line, a rail's title or ``limit``
        ends it), or None when it holds fewer than ``least`` headlines or more than a box
        holds."""
        facts = self.facts
        end = start
        headlines = 0
        while end < limit and facts.rail_title[end] is None:
            if not (facts.furniture[end] or _is_label_only(self.lines[end], self.languages)):
                if facts.is_title[end] and facts.words[end] >= MIN_FULL_HEADLINE_WORDS:
                    headlines += 1
                elif not (self._is_kicker_at(end) and facts.is_title[end + 1]):
                    break  # a kicker stands over a headline, not over a paragraph
            end += 1
        return end if least <= headlines <= MAX_UNNAMED_RAIL_TEASERS else None

    def _read_box(self, end: int) -> bool:
        """Read the lines from the rail title at ``self.pos`` to ``end`` as a rail outside
        the run of rails under the story (above it, inside it), and whether they made one:
        a menu under a rail's title is none."""
        facts = self.facts
        kept: list[str] = []
        dropped: list[str] = []
        for index in range(self.pos + 1, end):
            (dropped if facts.furniture[index] else kept).append(self.lines[index])
        kept, bullets = without_bullets(kept)
        kept, kickers = without_paired_kickers(kept)
        title = facts.rail_title[self.pos]
        assert title is not None  # asked by the callers
        rail, orphans = read_rail(
            title, kept, languages=self.languages, captured_at=self.captured_at, zone=self.zone
        )
        if not rail.items or _is_menu(rail):
            return False
        self.early_rails.append(rail)
        self.dropped.extend(dropped + bullets + kickers + orphans)
        self.pos = end
        return True

    def _opens_with_its_story(self) -> bool:
        """Whether the copy opens with a headline over its dateline (bylines, date lines
        and credits between): wire copy and clean copies, nothing to leave out above."""
        first = self._next_significant_at(self.pos)
        if first is None or not self._is_headline_candidate(self.lines[first]):
            return False
        for index in range(first + 1, min(len(self.lines), first + 1 + META_LINES)):
            line = self.lines[index]
            if self.facts.furniture[index] or is_byline(line) or _is_date_line(line):
                continue
            found = read_dateline(line)
            return found is not None and _has_words(found.rest, MIN_DATELINE_TEXT_WORDS)
        return False

    def _next_significant_at(self, start: int) -> int | None:
        """Where the next line from ``start`` that is not furniture stands."""
        for index in range(start, len(self.lines)):
            if not self.facts.furniture[index]:
                return index
        return None

    def _topmost_headline(self, chosen: int) -> int | None:
        """The first line of the copy when every line above ``chosen`` is a whole
        headline (furniture aside), else None."""
        first: int | None = None
        for index in range(self.pos, chosen):
            if self.facts.furniture[index]:
                continue
            if not self._is_full_headline(index):
                return None
            first = index if first is None else first
        return first

    def _is_full_headline(self, index: int) -> bool:
        """Whether a line reads as a whole headline: a title line of a few words, not a
        menu's last item, a rail's title or a site's name."""
        line = self.lines[index]
        return (
            self.facts.words[index] >= MIN_FULL_HEADLINE_WORDS
            and self._is_headline_candidate(line)
            and not self._ends_a_menu(index)
        )

    def _body_start(self) -> int | None:
        """Where the story's own text begins: a dateline with its text, else the first
        paragraph that another sentence follows.

        Read in one pass from the top, which ends at the first rail after some of the
        story's text (a brief's dateline in a rail below the story is not its start).
        A rail above any paragraph ("Related topics" over the headline) does not end it.
        """
        first_run: int | None = None
        has_text = False
        for index in range(self.pos, len(self.lines)):
            if has_text and self._rail_starts_at(index):
                break
            found = read_dateline(self.lines[index])
            if found is not None and (
                _has_words(found.rest, MIN_DATELINE_TEXT_WORDS)
                or (not found.rest and self._is_paragraph_at(index + 1))
            ):
                return index
            if self._is_paragraph_at(index):
                has_text = True
                if first_run is None and any(
                    self._is_sentence_at(later)
                    for later in range(index + 1, index + 1 + PARAGRAPH_RUN_GAP)
                ):
                    first_run = index
        return self._first_sentence_above(first_run) if first_run is not None else None

    def _first_sentence_above(self, index: int) -> int:
        """The run's first paragraph: a short one ("The situation is serious," she said.)
        may open the story above its long ones."""
        start = index
        facts = self.facts
        for before in range(index - 1, self.pos - 1, -1):
            if facts.furniture[before]:
                continue
            if facts.is_sentence(before):
                start = before
            elif not self._is_subheading_between_sentences(before):
                break
        return start

    def _is_subheading_between_sentences(self, index: int) -> bool:
        """Whether a short title line stands inside the story's text: under at least two
        sentences of it ("Réactions" between paragraphs), not under a site's lone notice."""
        facts = self.facts
        if facts.words[index] > MAX_SUBHEADING_WORDS or not facts.is_title[index]:
            return False
        sentences = 0
        for before in range(index - 1, self.pos - 1, -1):
            if facts.furniture[before]:
                continue
            if not facts.is_sentence(before):
                break
            sentences += 1
            if sentences >= MIN_SENTENCES_OVER_SUBHEADING:
                return True
        return False

    def _is_sentence_at(self, index: int) -> bool:
        """Whether a line is a paragraph of the story's, short ones included."""
        return self.facts.is_sentence(index)

    def _unnamed_rail_at(self, index: int) -> RailTitle | None:
        """A rail whose title is in no list ("Trending Now", "Nos sélections"), told by its
        shape: a short title line after the story's text, over a list of headlines (a few
        words each, without a full stop), with no more of the story's text below."""
        line = self.lines[index]
        facts = self.facts
        if (
            # a title, or a kicker heading a rail with none, is a few words (asked first:
            # most lines are ruled out here)
            len(line) > MAX_UNNAMED_RAIL_TITLE_CHARS
            or facts.words[index] >= MIN_FULL_HEADLINE_WORDS
            or index <= self._last_text_at()
            or not facts.is_title[index]
            or facts.furniture[index]
            or _is_label_only(line, self.languages)
            or self._follows_a_headline(index)
            or not self._is_just_under_the_text(index)
        ):
            return None
        # No title at all: teasers right under the text, each a kicker over its headline (a
        # run of bare headlines there is as often the site's footer).
        untitled = self._is_kicker_at(index) and self._is_kicker_at(index + 2)
        headlines = 0
        end = index if untitled else index + 1
        while end < len(self.lines):
            following = self.lines[end]
            if not (facts.furniture[end] or _is_label_only(following, self.languages)):
                over_headline = untitled and self._is_kicker_at(end)
                if not over_headline and (
                    facts.rail_title[end] is not None
                    or not facts.is_title[end]
                    or facts.words[end] < MIN_FULL_HEADLINE_WORDS
                    or (untitled and facts.words[end] > MAX_UNTITLED_TEASER_WORDS)
                ):
                    break
                if (
                    following[-1:].isdecimal() or following.endswith(CURRENCY_SIGNS)
                ) and PRICE_AT_END_RE.search(following):
                    return None  # a shop's box of products, not a rail of news
                headlines += 0 if over_headline else 1
            end += 1
        # A long list under a short title is a site's index of links (shop tests, comments,
        # its sections), not a rail of news beside the story.
        if not MIN_UNNAMED_RAIL_TEASERS <= headlines <= MAX_UNNAMED_RAIL_TEASERS:
            return None
        self.unnamed_rail_ends[index] = end
        if untitled:
            self.untitled_rails.add(index)
            return RailTitle(title=None, section=None)
        return RailTitle(title=line.rstrip(" :"), section=None)

    def _is_kicker_at(self, index: int) -> bool:
        """Whether a line is a teaser's kicker: a word or three over a headline."""
        return (
            index + 1 < len(self.lines)
            and is_kicker(self.lines[index])
            and len(self.lines[index + 1].split()) >= MIN_FULL_HEADLINE_WORDS
        )

    def _titled_rail_at(self, index: int) -> bool:
        found = self._unnamed_rail_at(index)
        return found is not None and found.title is not None

    def _is_just_under_the_text(self, index: int) -> bool:
        """Whether at most one line (furniture aside) stands between the story's last
        paragraph and ``index``: a rail in no list stands right under the story, a site's
        lists of links further down."""
        between = 0
        facts = self.facts
        for before in range(index - 1, -1, -1):
            if facts.is_paragraph(before):
                return True
            if not facts.furniture[before]:
                between += 1
                if between > MAX_LINES_OVER_UNNAMED_RAIL:
                    return False
        return False

    def _follows_a_headline(self, index: int) -> bool:
        """Whether the line before ``index`` is a teaser's headline: a short line among
        headlines is one more of them, not a rail's title."""
        facts = self.facts
        for before in range(index - 1, max(-1, index - RAIL_LOOKAHEAD), -1):
            if facts.furniture[before] or _is_label_only(self.lines[before], self.languages):
                continue
            return facts.is_title[before] and facts.words[before] >= MIN_FULL_HEADLINE_WORDS
        return False

    def _last_text_at(self) -> int:
        """Where the page's last run of paragraphs begins (-1: none): no rail is above it."""
        if self.last_text_at is None:
            self.last_text_at = -1
            below = False  # whether the line under ``index`` is a paragraph
            for index in range(len(self.lines) - 1, -1, -1):
                here = self.facts.is_paragraph(index)
                if here and below:
                    self.last_text_at = index
                    break
                below = here
        return self.last_text_at

    def _rail_starts_at(self, index: int) -> bool:
        """Whether a rail title with briefs under it stands at ``index`` (asked again and
        again while the page is read, so kept)."""
        if self.facts.rail_title[index] is None:
            return False
        known = self.rail_starts.get(index)
        if known is None:
            known = self._rail_follows(index + 1)
            self.rail_starts[index] = known
        return known

    def _is_paragraph_at(self, index: int) -> bool:
        return self.facts.is_paragraph(index)

    def _headline_above(self, body: int) -> int:
        """The line the story's headline stands on, above its body at ``body`` (see
        ``_nearest_headline``); on a live page, above its entries: an entry's title under
        its time is none."""
        chosen = self._nearest_headline(body)
        while chosen < body and self._is_live_entry(chosen):
            body = self._next_significant_above(chosen)  # the entry's time
            chosen = self._nearest_headline(body)
        return chosen

    def _nearest_headline(self, body: int) -> int:
        """The line the story's headline stands on, above its body at ``body``; ``body``
        itself when none does (a copy without a headline gets none).

        Between a headline and its body stand bylines, date lines, ages, a
        standfirst, reading times and credits: short lines and at most one
        paragraph. The nearest title line of a few words is the headline; of
        several copies of it, the first.
        """
        candidates: list[int] = []
        captions: list[int] = []  # title lines over a credit alone ("ANP", "Getty Images")
        paragraphs = 0
        deck: int | None = None  # a standfirst without its full stop, over a byline
        poll_at: int | None = None  # a poll's question passed over
        reach = HEADLINE_REACH  # lines of text looked at: furniture is passed over
        facts = self.facts
        for index in range(self._over_key_points(body) - 1, self.pos - 1, -1):
            if facts.furniture[index]:
                continue
            reach -= 1
            if reach < 0:
                break
            if facts.rail_title[index] is not None and not candidates:
                break
            line = self.lines[index]
            if (
                is_byline(line)
                or _is_date_line(line)
                or _is_agency_credit(line)
                or PHOTO_LABEL_RE.match(line)  # "Photo: Jane Doe Archives The photo shows…"
                # a byline on two lines: "Helen Marsh" over "Transport correspondent"
                or self._split_byline(index) is not None
                or (index > self.pos and self._split_byline(index - 1) is not None)
            ):
                continue
            if index + 1 < body and PHOTO_CREDIT_RE.fullmatch(self.lines[index + 1]):
                continue  # a caption over its photo's credit
            if index > self.pos and self.lines[index - 1].casefold() in PHOTO_AGENCIES:
                continue  # a caption under its photo's credit: "Getty Images"
            if index + 1 < body and _is_bare_credit(self.lines[index + 1]):
                captions.append(index)  # a caption over its credit, or a headline over
                continue  # its agency's name: which one, the lines above tell
            if line.endswith("?") and self._is_poll_question(index):
                candidates.clear()  # its answers, short lines under it, are no headline
                poll_at = index
                continue
            if poll_at == self._next_significant_at(index + 1) and (
                facts.is_title[index] and facts.words[index] <= MAX_KICKER_WORDS
            ):
                continue  # the poll's own heading: "Question of the Day"
            if (
                deck is None
                and not candidates
                and facts.words[index] >= MIN_STANDFIRST_WORDS
                and self._standfirst_follows(index + 1)
            ):
                deck = index
                paragraphs += 1
                continue
            if (
                self._is_headline_candidate(line)
                and not self._ends_a_menu(index)
                and not self._answers_a_poll(index)
            ):
                candidates.append(index)
                if facts.words[index] >= MIN_FULL_HEADLINE_WORDS:
                    break
                continue
            if not facts.is_title[index]:
                paragraphs += 1
                if paragraphs > 1:
                    break
                if candidates and not (
                    # a standfirst over its byline: the short lines under it were the
                    # byline's ("France Télévisions"), and the headline stands over it
                    deck is None
                    and all(facts.words[i] < MIN_FULL_HEADLINE_WORDS for i in candidates)
                    and facts.words[index] >= MIN_STANDFIRST_WORDS
                    and self._standfirst_follows(index + 1)
                ):
                    break
                deck = index if candidates else deck
        if captions and all(facts.words[i] < MIN_FULL_HEADLINE_WORDS for i in candidates):
            candidates = captions  # no other headline: it stood over its agency's name
        if not candidates:
            return (
                deck if deck is not None and self._is_headline_candidate(self.lines[deck]) else body
            )
        chosen = next(
            (i for i in candidates if facts.words[i] >= MIN_FULL_HEADLINE_WORDS),
            candidates[0],
        )
        # A copy that opens with title lines, nothing else above them, opens with its
        # headline: the lines under it are a deck ("Situation serious, says EC").
        topmost = self._topmost_headline(chosen)
        if topmost is not None:
            chosen = topmost
        # The headline printed twice or three times (page title, caption, heading) is one.
        # So is the headline printed alone over a copy with its kicker glued on ("Kühltürme
        # gesprengt" over "Rückbau Kühltürme gesprengt").
        printed = self.lines[chosen].casefold()
        for index in range(chosen - 1, max(self.pos, chosen - HEADLINE_REACH) - 1, -1):
            line = self.lines[index].casefold()
            if line == printed or _is_glued_under_kicker(printed, line):
                chosen, printed = index, line
            elif not is_furniture(line):
                break
        return chosen

    def _next_significant_above(self, index: int) -> int:
        """Where the nearest line over ``index`` that is not furniture stands (``self.pos``
        when none does)."""
        for before in range(index - 1, self.pos - 1, -1):
            if not self.facts.furniture[before]:
                return before
        return self.pos

    def _is_live_entry(self, index: int) -> bool:
        """Whether a title line is a live page's first entry: right under a time alone
        ("15h42", "Vandaag, 14:51", "1h ago"), with a live page's mark above it ("EN
        DIRECT", "Liveblog", "Key events")."""
        time_at = self._next_significant_above(index)
        if time_at >= index or not _is_label_only(self.lines[time_at], self.languages):
            return False
        return any(
            self.lines[before].casefold().strip() in LIVE_MARKERS
            for before in range(max(self.pos, time_at - LIVE_MARK_REACH), time_at)
        )

    def _drop_key_points(self) -> bool:
        """Drop a box of key points or contents at ``self.pos`` (its label over title lines,
        two at least), and whether there was one."""
        facts = self.facts
        end = self.pos + 1
        titles = 0
        while end < len(self.lines) and end - self.pos <= MAX_KEY_POINTS:
            if not facts.furniture[end]:
                if not facts.is_title[end] or facts.rail_title[end] is not None:
                    break
                titles += 1
            end += 1
        if titles < MIN_KEY_POINTS:
            return False
        while self.pos < end:
            self._drop(self.lines[self.pos])
        return True

    def _over_key_points(self, body: int) -> int:
        """Where a box of the story's key points stands over its body at ``body`` (its
        label, "Summary" or "Das Wichtigste in Kürze", over a few short lines), else
        ``body``: the headline stands over the box, none of its points is one."""
        facts = self.facts
        for index in range(body - 1, max(self.pos, body - MAX_KEY_POINTS - 1) - 1, -1):
            if self.lines[index].casefold().rstrip(" :") in SUMMARY_LABELS:
                return index
            if not (
                facts.furniture[index]
                or facts.is_title[index]
                or facts.words[index] <= MAX_KEY_POINT_WORDS  # a point may be a sentence
            ):
                break
        return body

    def _is_poll_question(self, index: int) -> bool:
        """Whether a question is a poll's or a form's, not a headline: over a list of
        short answers ("Yes", "No", "Don't know"; "Spelling", "Grammar", "Facts")."""
        answers = 0
        facts = self.facts
        for after in range(index + 1, len(self.lines)):
            if facts.furniture[after]:
                continue
            line = self.lines[after]
            if (
                not facts.is_title[after]
                or facts.words[after] > MAX_POLL_ANSWER_WORDS
                or is_byline(line)
                or _is_date_line(line)
            ):
                break
            answers += 1
            if answers == MIN_POLL_ANSWERS:
                return True
        return False

    def _answers_a_poll(self, index: int) -> bool:
        """Whether a short line is one of the answers under a poll's question."""
        facts = self.facts
        for before in range(index - 1, max(self.pos, index - MAX_POLL_ANSWERS) - 1, -1):
            if facts.furniture[before]:
                continue
            if self.lines[before].endswith("?"):
                return self._is_poll_question(before)
            if not facts.is_title[before] or facts.words[before] > MAX_POLL_ANSWER_WORDS:
                return False
        return False

    def _ends_a_menu(self, index: int) -> bool:
        """Whether a short line is the last of a run of short lines: a menu ("Nieuws",
        "Sport", "Weer"), not a headline."""
        run = 0
        facts = self.facts
        for before in range(index, max(self.pos, index - MENU_RUN) - 1, -1):
            if facts.words[before] >= MIN_FULL_HEADLINE_WORDS or not facts.is_title[before]:
                break
            run += 1
        return run >= MENU_RUN

    def _read_headline(self) -> str | None:
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            following = self._next_significant(self.pos + 1)
            banner = BANNER_RE.fullmatch(line)
            if banner is not None:
                if following is not None and self._is_headline_candidate(following):
                    self._drop(line)  # a banner above the real headline
                    continue
                # The banner is all the headline there is: "LIVE: Kabinet gevallen"
                self.dropped.append(banner["banner"])
                self.pos += 1
                return banner["rest"]
            if self.facts.furniture[self.pos] or self.facts.rail_title[self.pos]:
                self._drop(line)
                continue
            if self._take_date_line(line):
                continue
            if not is_headline_like(line):
                return None  # the story starts without a headline
            if (
                self.facts.words[self.pos] <= MAX_KICKER_WORDS
                and following is not None
                and len(following) > len(line)
                and self._is_headline_candidate(following)
            ):
                self._drop(line)  # a section label or kicker above the headline
                continue
            self.pos += 1
            return self._without_glued_kicker(line)
        return None

    def _without_glued_kicker(self, line: str) -> str:
        """The headline without its kicker when the page prints it twice, once with the
        kicker set off by a colon (its title) and once glued on (its heading): "Bei Protesten
        2022: Bericht: Aktivistin getötet" over "Bei Protesten 2022 Bericht: Aktivistin
        getötet" is "Bericht: Aktivistin getötet" under the kicker "Bei Protesten 2022"."""
        below = self.lines[self.pos] if self.pos < len(self.lines) else ""
        if _is_glued_under_kicker(below, line):  # "Kühltürme gesprengt" over "Rückbau Kühltürme…"
            self.dropped.append(below)
            self.pos += 1
            return line
        above = self.lines[self.pos - 2] if self.pos > 1 else ""  # already read or dropped
        for titled, glued, glued_below in ((line, below, True), (above, line, False)):
            kicker, colon, rest = titled.partition(": ")
            if colon and glued == f"{kicker} {rest}" and len(kicker.split()) <= MAX_KICKER_WORDS:
                if glued_below:
                    self.dropped.append(below)
                    self.pos += 1
                self.dropped.append(line)
                return rest
        return line

    def _is_headline_candidate(self, line: str) -> bool:
        """A short title line that is none of the lines that stand under a headline."""
        return (
            is_title_line(line)
            and is_headline_like(line)
            and any(char.isalpha() for char in line)  # not a counter: "0", "12"
            and not is_byline(line)
            and not _is_date_line(line)
            and ANP_REPLACES_RE.fullmatch(line) is None
            and read_rail_title(line) is None
            and not is_furniture(line)
        )

    def _read_version_marker(self, headline: str) -> tuple[str, int | None]:
        """Take ANP's "(2)", Reuters' "UPDATE 1-" or "CORRECTED-", or a marker such as
        "(update 1)" or "(gecorrigeerd)" off a headline; a correction is noted."""
        anp = ANP_VERSION_RE.match(headline)
        if anp is not None and int(anp["n"]) >= 2:
            self.dropped.append(anp["marker"])
            return anp["headline"], int(anp["n"])
        marked = HEADLINE_MARKER_RE.match(headline)
        if marked is not None:
            self.dropped.append(marked["marker"])
            if marked["correction"] is not None:
                self.is_correction = True
                return marked["headline"], None
            # "(update 1)" is the story's second version; "(update)" at least that.
            return marked["headline"], int(marked["n"]) + 1 if marked["n"] else 2
        reuters = REUTERS_PREFIX_RE.match(headline)
        if reuters is not None:
            self.dropped.append(reuters["marker"].strip())
            self.is_correction = "CORRECTED" in reuters["marker"]
            # "UPDATE 1" is the story's second version.
            return reuters["headline"], int(reuters["n"]) + 1 if reuters["n"] else None
        return headline, None

    def _read_meta(
        self, headline: str | None, printed: str | None = None
    ) -> tuple[str | None, str | None, str | None]:
        """Standfirst, byline and replaced headline between the headline and the body.

        A copy of the headline (``printed`` with its version marker) is dropped.
        """
        standfirst = byline = replaces = None
        copies = {text.casefold() for text in (headline, printed) if text}
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            replaced = ANP_REPLACES_RE.fullmatch(line)
            if self.facts.furniture[self.pos] or (
                # a copy of the headline (with its kicker glued before it: "Tag der
                # Abstimmung: Niederlage für Johnson"), unless it is all the story there is
                (
                    line.casefold() in copies
                    or any(_is_glued_under_kicker(line.casefold(), copy) for copy in copies)
                )
                and self._next_significant(self.pos + 1) is not None
            ):
                self._drop(line)
            elif replaced is not None and replaces is None:
                replaces = replaced["old"].strip()
                self.is_correction = self.is_correction or replaced["corrected"] is not None
                self._drop(line)
            elif byline is None and is_byline(line):
                byline = line
                self.pos += 1
            elif byline is None and (split := self._split_byline(self.pos)) is not None:
                byline = split  # "Von" over "Eurosport": one byline on two lines
                self.pos += 2
            elif (
                byline is None
                and standfirst is not None
                and _is_bare_name(line)
                and self._is_date_at(self.pos + 1)
            ):
                byline = line  # the writer's name alone under the standfirst, over the date
                self.pos += 1
            elif byline is None and (dated := read_dated_byline(line)) is not None:
                byline = dated[0]  # "Von dpa 30.04.2024, 18:58": the byline, then its date
                self._date(dated[1])
                self.pos += 1
            elif self._take_date_line(line) or self._take_age_line(line):
                pass
            elif self._is_caption_at(self.pos) or PHOTO_LABEL_RE.match(line):
                self._drop(line)  # a caption over its photo's credit, or opening with it
            elif (
                standfirst is None
                and headline is not None
                and (
                    not self.facts.is_title[self.pos]
                    or self.facts.words[self.pos] >= MIN_STANDFIRST_WORDS
                    # a deck over "(ANSA) - MILANO, MAR 3 -", longer than a section label
                    or (
                        self.facts.words[self.pos] > MAX_KICKER_WORDS
                        and self._dateline_follows(self.pos + 1)
                    )
                )
                and read_dateline(line) is None
                and self._standfirst_follows(self.pos + 1)
            ):
                standfirst = line
                self.pos += 1
            elif (
                self.facts.words[self.pos] <= MAX_KICKER_WORDS
                and self.facts.is_title[self.pos]
                and read_dateline(line) is None
            ):
                self._drop(line)  # a section label under the headline: "Politiek"
            else:
                break
        return standfirst, byline, replaces

    def _rail_follows(self, start: int) -> bool:
        """Whether the lines after a rail title read as briefs, not as more of the story.

        Briefs carry time labels, titles or datelines; a "More on the vote"
        sub-heading is followed by plain paragraphs and stays in the body.
        """
        lines = []
        read_more = 0
        facts = self.facts
        indexes = []
        for index in range(start, min(len(self.lines), start + RAIL_LOOKAHEAD)):
            if facts.rail_title[index] is not None:
                break
            line = self.lines[index]
            if is_read_more(line):
                read_more += 1  # "Lees meer »" closes a teaser; no story prints it
            elif not facts.furniture[index]:
                lines.append(line)
                indexes.append(index)
        if not lines:
            return False
        if read_more:
            return True
        for line in lines:
            split = split_label(line, self.languages)
            if split.lead is not None or split.trail is not None:
                return True
        briefs = sum(
            facts.is_title[index] or read_dateline(line) is not None
            for index, line in zip(indexes, lines, strict=True)
        )
        if briefs * 2 >= len(lines):
            return True
        # Teasers with a title over a text alternate: title, text, title, text. A story
        # has paragraphs in a row under its sub-heading.
        is_text = [not is_headline_like(line) for line in lines]
        titles = len(lines) - sum(is_text)
        in_a_row = any(a and b for a, b in itertools.pairwise(is_text))
        return titles >= MIN_TEASER_TITLES and not in_a_row

    def _dateline_follows(self, start: int) -> bool:
        following = self._next_significant(start)
        return following is not None and read_dateline(following) is not None

    def _split_byline(self, index: int) -> str | None:
        """A byline printed on two lines, or None: its opening word alone on the first
        ("Von" over "Eurosport"), or the writer's name over the writer's role ("Helen
        Marsh" over "Transport correspondent")."""
        line = self.lines[index]
        if index + 1 >= len(self.lines):
            return None
        under = self.lines[index + 1]
        if line.casefold() in BYLINE_OPENINGS:
            joined = f"{line} {under}"
            return joined if is_byline(joined) else None
        if (
            len(line) <= MAX_NAME_LINE_CHARS
            and len(under) <= MAX_NAME_LINE_CHARS
            and NAME_LINE_RE.fullmatch(line) is not None
            and ROLE_LINE_RE.fullmatch(under) is not None
        ):
            return f"{line}, {under}"
        return None

    def _is_caption_at(self, index: int) -> bool:
        """Whether the line at ``index`` is a photo's caption: its credit stands under it
        ("Foto: ANP / Remko de Waal"), or, for a line not closed like a sentence, a picture
        agency's name alone under it or over it ("Getty Images")."""
        line = self.lines[index]
        credit = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        if (
            # every credit holds a slash, a colon or a copyright sign: most lines end here
            ("/" in credit or ":" in credit or "©" in credit)
            and len(line) <= MAX_CAPTION_CHARS
            and (
                PHOTO_CREDIT_RE.fullmatch(credit) is not None
                or AGENCY_CREDIT_RE.fullmatch(credit) is not None
            )
            and not _is_date_line(line)
            and not is_byline(line)
        ):
            return True
        if (
            credit.startswith(("©", "(c)", "(C)"))
            and len(credit) <= MAX_PHOTO_CREDIT_CHARS
            and not any(char.isdecimal() for char in credit)  # "© 2026 …" is the site's
            and len(line) <= MAX_CAPTION_CHARS
            and self.facts.is_sentence(index + 2)  # the story goes on under the photo
            and not is_byline(line)
        ):
            return True  # over its credit after the sign: "© Hollandse Hoogte / Frank Jansen"
        return (
            # most lines of a body are closed like sentences: ruled out first
            not line.endswith((".", "!", "?", ":"))
            and len(line) <= MAX_CAPTION_CHARS
            and self.facts.words[index] >= MIN_SENTENCE_WORDS
            and (
                credit.casefold() in PHOTO_AGENCIES
                or (index > 0 and self.lines[index - 1].casefold() in PHOTO_AGENCIES)
            )
            and not is_byline(line)
        )

    def _is_date_at(self, index: int) -> bool:
        """Whether the next line from ``index`` that is not furniture is a date line."""
        at = self._next_significant_at(index)
        return at is not None and _is_date_line(self.lines[at])

    def _standfirst_follows(self, start: int) -> bool:
        """Whether a byline, date line or dateline follows, so the paragraph before is an intro."""
        for index in range(start, len(self.lines)):
            if SOURCE_LINE_RE.fullmatch(self.lines[index]):
                return True  # the source credited: "Bron: BELGA"
            if self.facts.furniture[index] or self._is_caption_at(index):
                continue
            line = self.lines[index]
            return (
                self._split_byline(index) is not None
                or is_byline(line)
                # the writer's name alone over the date: "Martijn de Graaf" (not a place
                # over the story's text: "New York")
                or (_is_bare_name(line) and self._is_date_at(index + 1))
                or _is_agency_credit(line)
                or _is_date_line(line)
                or read_dateline(line) is not None
                or read_place_dateline(line) is not None
            )
        return False

    def _read_body(self) -> tuple[Dateline | None, list[Block]]:
        dateline: Dateline | None = None
        body: list[Block] = []
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if body and len(line) <= MAX_PAYWALL_NOTICE_CHARS and PAYWALL_NOTICE_RE.fullmatch(line):
                self._drop(line)  # the free part of the story stops here
                break
            # A line longer than a rail's title starts no rail and is no sign-off (both are
            # shorter still); closed like a sentence, it starts no footer either: most lines
            # of a body are ruled out here, before the four questions are asked.
            is_long = len(line) > MAX_RAIL_TITLE_CHARS
            if (
                body
                and not is_long
                and self.facts.rail_title[self.pos] is not None
                and (box := self._box_in_story_ends(self.pos)) is not None
                and self._read_box(box)
            ):
                continue  # the story goes on under a box of links to other stories
            if not (is_long and line.endswith((".", "!", "?"))):
                if not is_long and (
                    self._rail_starts_at(self.pos)
                    or (body and self._unnamed_rail_at(self.pos) is not None)
                ):
                    break
                if len(body) >= MIN_BODY_BEFORE_FOOTER and self._footer_starts_at(self.pos):
                    break
                if (
                    not is_long
                    and body
                    and body[-1].kind == "paragraph"
                    and self._signs_off_at(self.pos)
                ):
                    self._drop(line)
                    break
            if (
                self.is_whole_page
                and len(body) >= MIN_BODY_BEFORE_FOOTER
                and self._is_promotion_at(self.pos)
            ):
                self._drop(line)  # a subscription's or an app's pitch: the story has ended
                break
            if (
                len(line) <= MAX_SUMMARY_LABEL_CHARS
                and line.casefold().rstrip(" :") in SUMMARY_LABELS
                and self._drop_key_points()
            ):
                continue  # the story's key points or contents, printed again in its text
            furniture = self.facts.furniture[self.pos]
            if (
                furniture
                and self.is_whole_page
                and len(body) >= MIN_BODY_BEFORE_FOOTER
                and is_under_story(line)
            ):
                self._drop(line)  # comments (their prompt, their form) come after the story
                break
            if (
                furniture
                # between the headline's lines and the story: a poll, a form, a button
                or (not body and self.pos < self.story_at and not self._is_paragraph_at(self.pos))
                # a teaser's age printed inside the story ("VOR 14 STUNDEN"): no text of it
                or (
                    body
                    and len(line) <= MAX_AGE_LINE_CHARS
                    and read_age(line, self.languages) is not None
                )
                # a photo's caption over its credit, between two paragraphs
                or (body and self._is_caption_at(self.pos))
                # the page's own date under the story or between its paragraphs: "Créé:
                # 12.12.2019, 07h36" (a live story's entries open with their times instead)
                or (
                    body
                    and line[:1].isalpha()
                    and len(line) <= MAX_DATE_LINE_CHARS
                    and _is_date_line(line)
                )
            ):
                self._drop(line)
                continue
            self.pos += 1
            if not body:
                found = read_dateline(line) or read_place_dateline(line)
                if found is not None:
                    dateline = found.dateline
                    line = found.rest
                    if not line and self.pos < len(self.lines):
                        line = self.lines[self.pos]  # the dateline stood alone on its line
                        self.pos += 1
                    if not line:
                        continue
            kind = (
                self._block_kind(line, body) if len(line) <= MAX_SUBHEADING_CHARS else "paragraph"
            )
            body.append(Block(kind=kind, text=line))
        # a credit glued to the story's last paragraph is found once the announcement of
        # what the copy left out under it is gone
        body, trailers = close_body(self._without_announcement(body))  # "./.", "(dpa)"
        self.dropped.extend(trailers)
        story = self._without_tail(body)
        if len(story) < len(body):  # a date line or a prompt stood under the credit
            story, trailers = close_body(story)
            self.dropped.extend(trailers)
        return dateline, story

    def _is_promotion_at(self, index: int) -> bool:
        """Whether a line is a promotion's pitch: a sentence right over a link closed by an
        arrow ("Als abonnee lees je alle artikels." over "Ontdek je voordeel ›")."""
        following = index + 1
        return (
            following < len(self.lines)
            and self.lines[following].endswith(ARROW_MARKS)
            and ARROW_LINK_RE.fullmatch(self.lines[following]) is not None
            and self.facts.is_sentence(index)
        )

    def _signs_off_at(self, index: int) -> bool:
        """Whether a copied page's story ends at a line: its closing mark or its desk's
        initials ("StZ", "dpa", "./.") under the last paragraph, with none of the story's
        sentences in the two lines after it (a job box, a rail's title, a menu)."""
        line = self.lines[index]
        if not self.is_whole_page or len(line) > MAX_SIGN_OFF_CHARS:
            return False
        # The lines after it are looked at before the line itself: a sub-heading, the short
        # line asked here most often, has the story's sentences under it, and the closing
        # marks' regex takes a few microseconds on every line.
        looked_at = 0  # lines after it, furniture aside
        facts = self.facts
        for after in range(index + 1, len(self.lines)):
            if facts.furniture[after]:
                continue
            if facts.is_sentence(after):
                return False
            looked_at += 1
            if looked_at == SIGN_OFF_LOOKAHEAD:
                break
        return SIGN_OFF_RE.fullmatch(line) is not None or is_closing_mark(line)

    def _footer_starts_at(self, index: int) -> bool:
        """Whether the site's footer or a menu starts at a line of a copied page: a run of
        short lines ("Newsletter", "E-Paper", "Abo", "Impressum", …) that no story prints."""
        facts = self.facts
        if not self.is_whole_page or not facts.is_footer(index):
            return False  # asked of every line of a body: most are ruled out by the first
        if index + FOOTER_RUN > len(self.lines) or not all(
            facts.is_footer(later) for later in range(index + 1, index + FOOTER_RUN)
        ):
            return False
        # The story goes on under a cluster of credits and ads ("Fotocredit: SID",
        # "Werbung", "Von", "Eurosport"): its paragraphs follow.
        after = facts.words[index + FOOTER_RUN : index + FOOTER_RUN + FOOTER_LOOKAHEAD]
        return sum(words >= MIN_STORY_WORDS for words in after) < MIN_STORY_AFTER

    def _footer_under_rail(self, start: int, end: int) -> int:
        """Where a rail's lines end: at the site's footer or menu under it (a run of short
        lines no teaser prints: "Site Index", "Browse", "World", "Business", …), else at
        ``end``."""
        if not self.is_whole_page:
            return end
        run = 0
        for index in range(start, end):
            # most lines are ruled out by the first question; a teaser's age ("10:14",
            # "gisteren") or rank is short too, and belongs to the rail
            if (
                not self.facts.is_footer(index)
                or RANK_RE.fullmatch(self.lines[index])
                or _is_label_only(self.lines[index], self.languages)
            ):
                run = 0
                continue
            run += 1
            if run == FOOTER_RUN:
                return index - FOOTER_RUN + 1
        return end

    def _without_announcement(self, body: list[Block]) -> list[Block]:
        """The body without a last paragraph that announces what the copy left out ("The
        video below shows the debate:"), with the short lines a copied page prints under it
        (in a story given alone, lines under it are what it announces: a list)."""
        end = len(body)
        while self.is_whole_page and end > 0 and is_title_line(body[end - 1].text):
            end -= 1
        if end == 0 or not body[end - 1].text.endswith(":"):
            return body
        while end > 0 and body[end - 1].text.endswith(":"):
            end -= 1
        self.dropped.extend(block.text for block in body[end:])
        return body[:end]

    def _without_tail(self, body: list[Block]) -> list[Block]:
        """The body without the short lines after its last paragraph: a site's name, "Our
        Standards", a newsletter or comments prompt under the story are not its text."""
        if not self.is_whole_page:
            return body
        end = len(body)
        while end > 0 and is_title_line(body[end - 1].text):
            end -= 1
        if end == 0 or end == len(body):
            return body
        self.dropped.extend(block.text for block in body[end:])
        return body[:end]

    def _block_kind(self, line: str, body: list[Block]) -> BlockKind:
        if (
            body
            and body[-1].kind == "paragraph"
            and line[:1].isdecimal()  # a clock heading opens with its hour: "10 p.m."
            and CLOCK_HEADING_RE.fullmatch(line)
        ):
            following = self._next_significant(self.pos)
            if following is not None and not is_title_line(following):
                return "subheading"  # a live story's entries: "10 p.m.", "14.30 uur"
        if (
            body
            and body[-1].kind == "paragraph"
            and len(line) <= MAX_SUBHEADING_CHARS
            and len(line.split()) <= MAX_SUBHEADING_WORDS
            and is_title_line(line)
            and (line[:1].isupper() or line[:1] in OPENING_QUOTES)
        ):
            following = self._next_significant(self.pos)
            if (
                following is not None
                and not is_title_line(following)
                and read_rail_title(following) is None
            ):
                return "subheading"
        return "paragraph"

    # -- the rails -------------------------------------------------------------

    def _without_teaser_byline(self, line: str) -> str:
        """A rail's line without a teaser's byline, which goes to ``dropped``: "Von Knut
        Krohn" leaves nothing, "ABO+ Par Jeanne Exemple 19.11.2019" its date (the teaser's
        time). A subscriber's mark before the byline ("ABO+") goes with it."""
        marked = PAYWALL_MARK_RE.match(line) if "+" in line[:MAX_MARK_CHARS] else None
        unmarked = line[marked.end() :] if marked else line
        if not unmarked[:12].casefold().startswith(BYLINE_OPENINGS):
            return line  # most lines: no byline opens them
        if is_byline(unmarked):
            if not _names_people(unmarked):
                return line  # "Door Rusland gesteunde rebellen rukken op": a headline
            self.dropped.append(line)
            return ""
        dated = read_dated_byline(unmarked)
        if dated is None or not _names_people(dated[0]):
            return line
        date = unmarked[len(dated[0]) :].lstrip(" ,|·-–")
        self.dropped.append(line[: len(line) - len(date)].rstrip())
        return date

    def _without_name_list(self, kept: list[str]) -> tuple[list[str], list[str]]:
        """A rail's lines up to a list of names or tags under its teasers ("Personnalités",
        "Olivier Véran", "Elon Musk"), and that list with what follows it: three short lines
        in a row (none a time, a video's length or a rank) are no teasers, and no kicker
        over a headline either."""
        teasers = 0
        run = 0  # short lines in a row
        for index, line in enumerate(kept):
            # the lines are ``split_lines``'s, or the end of one: one plain space between
            # words (see ``LineFacts.of``), so counting the spaces counts the words
            words = line.count(" ") + 1
            if (
                words <= MAX_NAME_WORDS
                and not RANK_RE.fullmatch(line)
                and not DURATION_RE.fullmatch(line)
                and not _is_label_only(line, self.languages)
            ):
                run += 1
                if run == MIN_NAMES and teasers >= MIN_TEASERS_OVER_NAMES:
                    start = index - MIN_NAMES + 1
                    return kept[:start], kept[start:]
                continue
            run = 0
            if words >= MIN_FULL_HEADLINE_WORDS:
                teasers += 1
        return kept, []

    def read_rails(self) -> tuple[Rail, ...]:
        rails = list(self.early_rails)
        while self.pos < len(self.lines):
            title = self.facts.rail_title[self.pos] or self._unnamed_rail_at(self.pos)
            if title is None:  # only when the article ended without a body
                self._drop(self.lines[self.pos])
                continue
            untitled = self.pos in self.untitled_rails
            start = self.pos if untitled else self.pos + 1
            end = start + 1 if untitled else start
            while (
                end < len(self.lines)
                and self.facts.rail_title[end] is None
                # a titled rail ends this one; the teasers of an untitled one are its own
                and not self._titled_rail_at(end)
            ):
                end += 1
            end = min(end, self.unnamed_rail_ends.get(self.pos, end))
            end = self._footer_under_rail(start, end)
            kept: list[str] = []
            teasers: list[list[str]] = [[]]
            for index in range(start, end):
                line = self.lines[index]
                if is_read_more(line):
                    teasers.append([])
                if self.facts.furniture[index]:
                    self.dropped.append(line)
                    continue
                line = self._without_teaser_byline(line)
                if line:
                    kept.append(line)
                    teasers[-1].append(line)
            kept, bullets = without_bullets(kept)
            self.dropped.extend(bullets)
            kept, kickers = without_paired_kickers(kept)
            self.dropped.extend(kickers)
            kept, listed = self._without_name_list(kept)
            self.dropped.extend(listed)
            if len(teasers) > MIN_TEASER_TITLES and all(teasers[:-1]):
                rails.append(
                    read_marked_rail(
                        title,
                        [teaser for teaser in teasers if teaser],
                        languages=self.languages,
                        captured_at=self.captured_at,
                        zone=self.zone,
                    )
                )
                self.pos = end
                continue
            rail, orphans = read_rail(
                title,
                kept,
                languages=self.languages,
                captured_at=self.captured_at,
                zone=self.zone,
            )
            title_line = [] if untitled else [self.lines[self.pos]]
            if rail.items and _is_menu(rail):
                self.dropped.extend(title_line)
                self.dropped.extend(kept)
            elif rail.items:
                self.dropped.extend(orphans)
                rails.append(rail)
            else:
                self.dropped.extend(orphans)
                self.dropped.extend(title_line)
            self.pos = end
        return tuple(rails)
