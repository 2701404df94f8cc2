"""``parse_html``: an HTML news page in, a ``Page`` out.

The page is parsed once (lxml, as trafilatura's loader does: ``html_tree.py``).
Rails marked up in it are read and taken out first (``html_rails.py``), then
what the markup says about the page (``html_meta.py``), then trafilatura finds the
main text, and the text parser's wire-copy rules read that text under the
headline: standfirst, byline, date line, dateline, agencies, sub-headings,
boilerplate. Where the markup says more than the text — a ``<time
datetime>``, a ``<h2>`` sub-heading, an author — the markup wins.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, tzinfo
from functools import cache
from html import unescape
from typing import TYPE_CHECKING

from lxml import etree
from lxml.html import HtmlElement

from wiredesk.model import MAX_CAPTURE_BYTES, Article, Block, Brief, Page, Rail
from wiredesk.parse.ages import read_age
from wiredesk.parse.dateline import read_dateline
from wiredesk.parse.html_meta import (
    PageMeta,
    clean,
    guess_date,
    is_marked_intro,
    read_marked_standfirst,
    read_meta,
    read_printed_byline,
)
from wiredesk.parse.html_rails import MarkedItem, MarkedRail, take_rails, take_teaser_lists
from wiredesk.parse.html_tree import load_tree
from wiredesk.parse.labels import languages_for, split_label
from wiredesk.parse.language import detect_language
from wiredesk.parse.rails import make_brief, section_of, without_kickers
from wiredesk.parse.text import parse_text
from wiredesk.parse.times import in_utc, page_zone, read_date_line

if TYPE_CHECKING:
    from trafilatura.settings import Document, Extractor

# trafilatura (and htmldate, in html_meta) are imported where a page is read, not
# with wiredesk: a web server or a text-only ingest need not hold them in memory.

# What tells an HTML capture from copied text at its start: a doctype, an
# <html>, <head> or <body>, or a page fragment opening with a common tag.
HTML_START_RE = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml|meta|title|article|main|div|"
    r"section|p|h[1-6]|ul|table|script|style|link|header|nav)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
TAG_RE = re.compile(r"</?(?:p|div|span|a|li|br|h[1-6]|section|article|body|html)\b", re.IGNORECASE)
# Copied text holds no tags; a page with this many in its first 4 KB is markup.
MIN_TAGS = 8
NON_WORD_RE = re.compile(r"[\W_]+")
SNIFF_CHARS = 4096
# Larger pages are refused: trafilatura's own limit (MAX_FILE_SIZE in its
# settings); a 7 MB page already takes about 5 seconds.
MAX_HTML_CHARS = MAX_CAPTURE_BYTES  # a page given as text to parse_html
# A kicker's element glued to the intro's text when the markup is read: a word or three.
MAX_GLUED_KICKER_WORDS = 3


def looks_like_html(text: str) -> bool:
    """Whether a capture is HTML, told by its content rather than its name."""
    head = text[:SNIFF_CHARS].lstrip("\ufeff")
    return HTML_START_RE.match(head) is not None or len(TAG_RE.findall(head)) >= MIN_TAGS


def parse_html(
    html: str,
    *,
    captured_at: datetime | None = None,
    language: str | None = None,
    timezone: str | None = None,
    source: str | None = None,
    url: str | None = None,
    section: str | None = None,
) -> Page:
    """Parse one HTML news page; the arguments are those of ``parse_text``.

    ``url`` is where the page was fetched from, for a relative canonical
    link. Pure: no I/O, no clock, no network. Never raises on any text: a
    page without an article comes back with an empty body.
    """
    if captured_at is not None:
        captured_at = in_utc(captured_at)  # None when it is outside the calendar in UTC
    tree = _load(html)
    if tree is None or is_cut(tree):
        text = flat_text(html) if tree is not None else ""
        page = parse_text(
            text,
            captured_at=captured_at,
            language=language,
            timezone=timezone,
            source=source,
            section=section,
        )
        return dataclasses.replace(page, url=url)
    unwrap_layout_tables(tree)
    rails = take_rails(tree)
    rails += take_teaser_lists(tree)
    meta = read_meta(tree, url=url)
    document = _extract(tree, url)
    text = document.text if document is not None and document.text else ""
    printed_headings, text = _take_printed_headings(text, meta)
    if language is None:
        language = detect_language(text.split("\n")) or meta.language
    page = parse_text(
        text,
        captured_at=captured_at,
        language=language,
        timezone=timezone,
        source=source,
        headline=meta.title if text else None,
    )
    zone = page_zone(page.language, timezone)
    article, markup_dropped = _with_markup(
        page.article, tree=tree, meta=meta, document=document, zone=zone, captured_at=captured_at
    )
    briefs = [_rail(rail, languages_for(page.language), captured_at, zone) for rail in rails]
    all_rails = (*[rail for rail in briefs if rail.items], *page.rails)
    return dataclasses.replace(
        page,
        dropped=(*printed_headings, *markup_dropped, *page.dropped),
        article=dataclasses.replace(article, section=section_of(all_rails, section)),
        rails=all_rails,
        url=meta.url,
        site_name=meta.site_name,
    )


def _take_printed_headings(text: str, meta: PageMeta) -> tuple[tuple[str, ...], str]:
    """Take the ``<h1>`` off the top of the main text when the headline is worded otherwise.

    The headline comes from the meta tags when the ``<h1>`` is not in an
    ``<article>``; the ``<h1>`` as printed is then no paragraph of the story
    (the text parser drops a copy of the headline itself).
    """
    if not meta.headings:
        return (), text
    # The main text may print a heading with its kicker set off otherwise ("Bei Protesten
    # 2022 Bericht: …" for "<h1>Bei Protesten 2022: Bericht: …</h1>"): compared by words.
    headings = {_words_of(heading) for heading in meta.headings}
    taken: list[str] = []
    lines = text.split("\n")
    while lines and lines[0].strip() != meta.title and _words_of(lines[0]) in headings:
        taken.append(lines.pop(0).strip())
    return tuple(taken), "\n".join(lines) if taken else text


def _words_of(text: str) -> str:
    """A line's words alone, for comparing two printings of one heading."""
    return NON_WORD_RE.sub("", text).casefold()


def _load(html: str) -> HtmlElement | None:
    if len(html) > MAX_HTML_CHARS or not html.strip():
        return None
    # Loaded as trafilatura's loader does (it repairs what lxml stumbles on, and refuses
    # what is no HTML at all), by a parser whose elements cost less to touch.
    return load_tree(html)


# libxml2 reads a page nested at most 255 elements deep and leaves out all that lies
# deeper, text included. No real page comes near (the deepest of the 181 scrapinghub
# benchmark pages is 50 elements deep); a tree that reaches this depth was cut, and
# its page is read as the text its markup holds (``flat_text``), so that none vanishes.
CUT_DEPTH = 250
CUT_XPATH = "/*" * (CUT_DEPTH + 1)  # an element CUT_DEPTH levels below the root
# Markup whose text no reader sees (its end is looked for from its start, so that many
# left open cost no more than one), blocks that start a line, and any other tag.
HIDDEN_RE = re.compile(r"<(script|style|template|noscript)\b|<!--", re.IGNORECASE)
BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|tr|td|th|dt|dd|ul|ol|table|article|section|main|header|"
    r"footer|aside|nav|blockquote|pre|figure|figcaption|title|body|html|head)\b[^<>]*>",
    re.IGNORECASE,
)
ANY_TAG_RE = re.compile(r"<[^<>]*>")


def is_cut(tree: HtmlElement) -> bool:
    """Whether a page was nested so deep that the tree read from it lost its depths."""
    return bool(tree.xpath(CUT_XPATH))


def flat_text(html: str) -> str:
    """The text of a page's markup, a line per block, read without building a tree."""
    shown: list[str] = []
    at = 0
    while (hidden := HIDDEN_RE.search(html, at)) is not None:
        shown.append(html[at : hidden.start()])
        end = "-->" if hidden[1] is None else rf"</{hidden[1]}\s*>"
        closed = re.compile(end, re.IGNORECASE).search(html, hidden.end())
        if closed is None:
            at = len(html)  # left open: it hides the rest, as in a browser
            break
        at = closed.end()
    shown.append(html[at:])
    text = BLOCK_TAG_RE.sub("\n", " ".join(shown))
    lines = (" ".join(line.split()) for line in unescape(ANY_TAG_RE.sub(" ", text)).split("\n"))
    return "\n".join(line for line in lines if line)


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Tables used for layout (cells holding headings or paragraphs) become plain blocks.

    Older sites lay out their whole page in a table; trafilatura reads a table
    as data and joins its cells into one line, story and navigation together.
    """
    for table in list(tree.iter("table")):
        if table.find(".//td/p") is None and table.find(".//td/h1") is None:
            continue
        for element in table.iter("table", "tbody", "thead", "tr", "td", "th"):
            element.tag = "div"


def _extract(tree: HtmlElement, url: str | None) -> Document | None:
    # Measured on the scrapinghub benchmark's 181 pages (bench/html_bench.py,
    # 2026-11-28): trafilatura's defaults gave wiredesk body F1 0.965 at 41
    # pages/s; ``fast`` (no second opinion from readability and jusText) 0.967
    # at 52; ``fast`` with ``favor_recall`` 0.968 at 64; ``favor_precision``
    # 0.966, and with ``fast`` 0.951. Rails are out of the tree by now, so
    # recall does not pull teaser lists into the body. Comments are no article.
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    found = bare_extraction(tree, options=_options(url) if url else _options_without_url())
    return found if isinstance(found, Document) else None


def _options(url: str | None) -> Extractor:
    """trafilatura's options as ``_extract`` gives them (``bare_extraction``'s own keywords)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=True, recall=True, comments=False, url=url)


@cache
def _options_without_url() -> Extractor:
    """The options for a page read without its address, built once: building them reads
    trafilatura's configuration, 60 µs a page (measured 2026-12-05), and trafilatura does
    not change them while it reads a page."""
    return _options(None)


def _with_markup(
    article: Article,
    *,
    tree: HtmlElement,
    meta: PageMeta,
    document: Document | None,
    zone: tzinfo,
    captured_at: datetime | None,
) -> tuple[Article, tuple[str, ...]]:
    """The text parser's article, with what the markup says better or the text left out,
    and what of its text the markup tells to drop (a kicker glued to the intro).

    A machine-readable time wins over a printed date line unless it lacks the
    clock; the byline falls back on the metadata's author, then on the byline
    the page prints outside the main text; htmldate guesses a date only when
    nothing else gave one (it is the slowest look-up).
    """
    published = article.published_at
    if meta.published is not None and (meta.published.has_clock or published is None):
        # A machine time without an offset is the page's local time.
        published = in_utc(meta.published.moment, zone) or published
    article = dataclasses.replace(
        article,
        byline=article.byline or meta.author or read_printed_byline(tree),
        body=_marked_subheadings(article.body, document),
        published_at=published,
    )
    dropped: tuple[str, ...] = ()
    if article.standfirst is None and len(article.body) >= 2:
        article, dropped = _with_marked_standfirst(article, tree)
    if article.published_at is None:
        guessed = guess_date(tree, captured_at, meta.url)
        if guessed is not None:
            article = dataclasses.replace(article, published_at=in_utc(guessed.moment, zone))
    return article, dropped


def _with_marked_standfirst(article: Article, tree: HtmlElement) -> tuple[Article, tuple[str, ...]]:
    """The first paragraph is the standfirst when the markup says it is the intro, and the
    kicker glued before it, if any, to drop.

    The text parser tells a standfirst by the byline or dateline under it;
    pages whose byline is only in their metadata still mark the intro up.
    """
    marked = article.body[0].text
    read = read_marked_standfirst(tree)
    kicker = _glued_kicker(marked, read) if read is not None else None
    if read is not None and kicker is not None:
        marked = read  # "AgricultureL'Office fédéral…": the kicker's element glued on
    elif marked != read and not is_marked_intro(tree, marked):
        return article, ()
    body = list(article.body[1:])
    dateline = article.dateline
    if dateline is None:
        found = read_dateline(body[0].text)
        if found is not None and found.rest:
            dateline, body[0] = found.dateline, Block(kind="paragraph", text=found.rest)
    marked_article = dataclasses.replace(
        article, standfirst=marked, body=tuple(body), dateline=dateline
    )
    return marked_article, (kicker,) if kicker is not None else ()


def _glued_kicker(glued: str, text: str) -> str | None:
    """The kicker of a few words glued before ``text`` in ``glued`` (their elements joined
    without a space: "AgricultureL'Office fédéral…"), or None."""
    if len(glued) <= len(text) or not glued.endswith(text):
        return None
    kicker = glued[: -len(text)].strip()
    return kicker if 0 < len(kicker.split()) <= MAX_GLUED_KICKER_WORDS else None


def _marked_subheadings(body: tuple[Block, ...], document: Document | None) -> tuple[Block, ...]:
    """Blocks the page marks up as headings (``<h2>`` in the story) are sub-headings."""
    if document is None or document.body is None or len(body) < 2:
        return body
    heads = {clean(str(head.xpath("string()"))) for head in document.body.iter("head")}
    if not heads:
        return body
    return (
        body[0],
        *(
            Block(kind="subheading", text=block.text) if block.text in heads else block
            for block in body[1:]
        ),
    )


def _rail(
    marked: MarkedRail, languages: tuple[str, ...], captured_at: datetime | None, zone: tzinfo
) -> Rail:
    items = tuple(
        brief
        for brief in (_brief(item, languages, captured_at, zone) for item in marked.items)
        if brief.title or brief.text
    )
    title = marked.title
    return Rail(
        title=title.title if title else None, section=title.section if title else None, items=items
    )


def _brief(
    item: MarkedItem, languages: tuple[str, ...], captured_at: datetime | None, zone: tzinfo
) -> Brief:
    """A brief from a teaser: its printed label read as the text parser reads it, the machine
    time over it."""
    lines = list(item.lines)
    label = item.printed_time
    if label is None:
        for index, line in enumerate(lines):
            if read_age(line, languages) is not None or read_date_line(line) is not None:
                label, lines[index] = line, ""  # a line of its own: "09:41 GMT", "gisteren"
                break
            split = split_label(line, languages)
            found = split.lead or split.trail
            if found is not None:
                label = found
                lines[index] = split.text
                break
        lines = [line for line in lines if line]
    lines = without_kickers(lines)
    brief = make_brief(lines, label, languages=languages, captured_at=captured_at, zone=zone)
    if item.machine_time is None:
        return brief
    published = in_utc(item.machine_time.moment, zone)
    if published is None:
        return brief  # a machine time outside the calendar: the printed label stands
    age = int((captured_at - published).total_seconds()) if captured_at else None
    return dataclasses.replace(brief, published_at=published, age_seconds=age)


def visible_text(html: str) -> str:
    """The text a reader would see in a page, for saying why it held no article."""
    tree = _load(html)
    if tree is None:
        return ""
    if is_cut(tree):
        return flat_text(html)
    etree.strip_elements(tree, "script", "style", "noscript", "template", with_tail=False)
    return clean(tree.text_content()) or ""
