"""``parse_text``: the text of one news page in, a ``Page`` out.

The page is read top to bottom in three parts: the top (furniture, banner,
headline), the article (standfirst, byline, date line, dateline, body with
sub-headings), and the rails that follow it. Every line ends up somewhere:
in the article, in a rail, or in ``dropped``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from wiredesk.model import Article, Block, BlockKind, Dateline, Page, Rail
from wiredesk.parse.dateline import read_dateline
from wiredesk.parse.furniture import is_furniture
from wiredesk.parse.labels import languages_for, read_label, split_label
from wiredesk.parse.language import detect_language
from wiredesk.parse.lines import split_lines
from wiredesk.parse.rails import (
    MAX_RAIL_TITLE_CHARS,
    is_title_line,
    read_rail,
    read_rail_title,
    section_of,
)
from wiredesk.parse.rules import (
    ANP_REPLACES_RE,
    ANP_VERSION_RE,
    BANNER_RE,
    BYLINE_RE,
    REUTERS_PREFIX_RE,
)
from wiredesk.parse.times import page_zone, read_date_line, resolve
from wiredesk.parse.trailers import close_body

MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 200
MAX_SUBHEADING_WORDS = 8
MAX_SUBHEADING_CHARS = 70
MAX_BYLINE_CHARS = 80
# A kicker or section label above a headline ("Politiek", "Oorlog in Oekraïne")
# is a few words, shorter than the headline under it.
MAX_KICKER_WORDS = 4
# How many lines after a rail title are read to tell a rail from a sub-heading.
RAIL_LOOKAHEAD = 12
# A sub-heading may open with a quotation: '"We will rebuild"', «Nie wieder».
OPENING_QUOTES = "\"'«„“‘‹"
# A standfirst that does not end in a full stop (British sites) is still longer than this.
MIN_STANDFIRST_WORDS = 12


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
    if captured_at is not None and captured_at.tzinfo is None:
        captured_at = captured_at.replace(tzinfo=UTC)
    lines = split_lines(text)
    if language is None:
        language = detect_language(lines)
    reader = _Reader(
        lines=lines,
        captured_at=captured_at.astimezone(UTC) if captured_at else None,
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

    # -- helpers -----------------------------------------------------------

    def _drop(self, line: str) -> None:
        self.dropped.append(line)
        self.pos += 1

    def _next_significant(self, start: int) -> str | None:
        """The next line from ``start`` that is not furniture."""
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if not is_furniture(line):
                return line
        return None

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
        printed = read_date_line(line)
        if printed is None:
            return False
        if self.published_at is None:
            if self.captured_at is not None:
                self.published_at = resolve(printed, self.captured_at, self.zone)
            elif printed.day is not None and printed.has_year:
                anchor = datetime.combine(printed.day, printed.clock or datetime.min.time())
                self.published_at = anchor.replace(tzinfo=printed.zone or self.zone).astimezone(UTC)
        self._drop(line)
        return True

    # -- the top and the article ---------------------------------------------

    def read_article(self, given: str | None = None) -> Article:
        headline = self._read_headline() if given is None else given
        version, replaces = None, None
        printed = headline
        if headline is not None:
            headline, version = self._read_version_marker(headline)
        standfirst, byline, replaces = self._read_meta(headline, printed)
        dateline, body = self._read_body()
        return Article(
            headline=headline,
            standfirst=standfirst,
            byline=byline,
            version=version,
            replaces=replaces,
            dateline=dateline,
            body=tuple(body),
            published_at=self.published_at,
        )

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
            if is_furniture(line) or read_rail_title(line):
                self._drop(line)
                continue
            if self._take_date_line(line):
                continue
            if not is_headline_like(line):
                return None  # the story starts without a headline
            if (
                len(line.split()) <= MAX_KICKER_WORDS
                and following is not None
                and len(following) > len(line)
                and self._is_headline_candidate(following)
            ):
                self._drop(line)  # a section label or kicker above the headline
                continue
            self.pos += 1
            return line
        return None

    def _is_headline_candidate(self, line: str) -> bool:
        """A short title line that is none of the lines that stand under a headline."""
        return (
            is_title_line(line)
            and is_headline_like(line)
            and not is_byline(line)
            and read_date_line(line) is None
            and ANP_REPLACES_RE.fullmatch(line) is None
            and read_rail_title(line) is None
            and not is_furniture(line)
        )

    def _read_version_marker(self, headline: str) -> tuple[str, int | None]:
        """Take ANP's "(2)" or Reuters' "UPDATE 1-" off a headline."""
        anp = ANP_VERSION_RE.match(headline)
        if anp is not None and int(anp["n"]) >= 2:
            self.dropped.append(anp["marker"])
            return anp["headline"], int(anp["n"])
        reuters = REUTERS_PREFIX_RE.match(headline)
        if reuters is not None:
            self.dropped.append(reuters["marker"].strip())
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
            if is_furniture(line) or (
                # a copy of the headline, unless it is all the story there is (an alert)
                line.casefold() in copies and self._next_significant(self.pos + 1) is not None
            ):
                self._drop(line)
            elif replaced is not None and replaces is None:
                replaces = replaced["old"].strip()
                self._drop(line)
            elif byline is None and is_byline(line):
                byline = line
                self.pos += 1
            elif self._take_date_line(line) or self._take_age_line(line):
                pass
            elif (
                standfirst is None
                and headline is not None
                and (
                    not is_title_line(line)
                    or len(line.split()) >= MIN_STANDFIRST_WORDS
                    # a deck over "(ANSA) - MILANO, MAR 3 -", longer than a section label
                    or (
                        len(line.split()) > MAX_KICKER_WORDS
                        and self._dateline_follows(self.pos + 1)
                    )
                )
                and read_dateline(line) is None
                and self._standfirst_follows(self.pos + 1)
            ):
                standfirst = line
                self.pos += 1
            elif (
                len(line.split()) <= MAX_KICKER_WORDS
                and is_title_line(line)
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
        for index in range(start, min(len(self.lines), start + RAIL_LOOKAHEAD)):
            line = self.lines[index]
            if read_rail_title(line) is not None:
                break
            if not is_furniture(line):
                lines.append(line)
        if not lines:
            return False
        for line in lines:
            split = split_label(line, self.languages)
            if split.lead is not None or split.trail is not None:
                return True
        briefs = sum(is_title_line(line) or read_dateline(line) is not None for line in lines)
        return briefs * 2 >= len(lines)

    def _dateline_follows(self, start: int) -> bool:
        following = self._next_significant(start)
        return following is not None and read_dateline(following) is not None

    def _standfirst_follows(self, start: int) -> bool:
        """Whether a byline, date line or dateline follows, so the paragraph before is an intro."""
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if is_furniture(line):
                continue
            return is_byline(line) or read_date_line(line) is not None or bool(read_dateline(line))
        return False

    def _read_body(self) -> tuple[Dateline | None, list[Block]]:
        dateline: Dateline | None = None
        body: list[Block] = []
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            if (
                len(line) <= MAX_RAIL_TITLE_CHARS
                and read_rail_title(line) is not None
                and self._rail_follows(self.pos + 1)
            ):
                break
            if is_furniture(line):
                self._drop(line)
                continue
            self.pos += 1
            if not body:
                found = read_dateline(line)
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
        body, trailers = close_body(body)  # "./.", "... in Oslo. (Reporting by ...)"
        self.dropped.extend(trailers)
        return dateline, body

    def _block_kind(self, line: str, body: list[Block]) -> BlockKind:
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

    def read_rails(self) -> tuple[Rail, ...]:
        rails: list[Rail] = []
        while self.pos < len(self.lines):
            title = read_rail_title(self.lines[self.pos])
            if title is None:  # only when the article ended without a body
                self._drop(self.lines[self.pos])
                continue
            start = self.pos + 1
            end = start
            while end < len(self.lines) and read_rail_title(self.lines[end]) is None:
                end += 1
            kept: list[str] = []
            for line in self.lines[start:end]:
                if is_furniture(line):
                    self.dropped.append(line)
                else:
                    kept.append(line)
            rail, orphans = read_rail(
                title,
                kept,
                languages=self.languages,
                captured_at=self.captured_at,
                zone=self.zone,
            )
            self.dropped.extend(orphans)
            if rail.items:
                rails.append(rail)
            else:
                self.dropped.append(self.lines[self.pos])
            self.pos = end
        return tuple(rails)
