"""What an HTML page says about itself in markup: title, author, time, site, address, language.

Read from the places sites put them for machines: JSON-LD (schema.org
``NewsArticle``), ``<meta>`` tags (OpenGraph, Dublin Core, ``article:*``),
``<link rel="canonical">``, ``<html lang>`` and ``<time datetime>``; the date
falls back on htmldate. trafilatura's own ``extract_metadata`` reads the same
and more (categories, tags, licence, author guesses from class names), but it
cost 30% of trafilatura's extraction time on the scrapinghub benchmark pages
(7.8 ms of 26 ms per page, measured 2026-11-28), twice the budget of the
whole HTML path; these few look-ups cost well under a millisecond.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

# <meta> names and properties, casefolded, in the order they are trusted.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author")
SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher")
URL_KEYS = ("og:url", "twitter:url")
LANGUAGE_KEYS = ("content-language", "og:locale", "dc.language", "language")
TIME_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date",
)  # fmt: skip
# A date without a clock: "2026-03-18".
DATE_ONLY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
LANGUAGE_RE = re.compile(r"[a-z]{2,3}")
# htmldate's quick search (the URL, meta tags, JSON, dated elements and text
# near them, not the whole text), for the first publication, with its offset
# when the page gave one.
HTMLDATE_OPTIONS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
# htmldate refuses dates after its ``max_date``, by default today: without a
# capture time this fixed bound keeps the parser off the clock.
NO_CLOCK_LATEST = datetime(2100, 1, 1)
# <title> often ends in the site's name: "Kabinet valt | NOS".
# A kicker the meta tags' title may carry before the headline: a few words and a colon
# or a dash.
KICKER_ENDS = (":", " -", " –", " —", " |")
MAX_TITLE_KICKER_WORDS = 6
TITLE_SUFFIX_RE = re.compile(r"\s+[|–—·-]\s+[^|–—·]{2,40}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class MachineTime:
    """A time a page gives for machines; naive when the page gave no offset."""

    moment: datetime
    has_clock: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    title: str | None
    author: str | None
    published: MachineTime | None
    site_name: str | None
    url: str | None
    language: str | None
    headings: tuple[str, ...] = ()  # every <h1>: a page may print another headline than its meta


def clean(text: str | None) -> str | None:
    """Text with its whitespace collapsed, or None when nothing is left."""
    if text is None:
        return None
    # str.split() breaks at the characters the regex \s matches (both ask str.isspace) and
    # drops them at the ends: the same as re.sub(r"\s+", " ", text).strip(), 4 to 6 times
    # faster (0.2 against 1 µs a link, 5 against 30 µs a teaser; measured 2026-12-05).
    return " ".join(text.split()) or None


def text_of(element: HtmlElement) -> str:
    """``element.text_content()``, read without its XPath when the element has no children.

    Asked of every link on a page: an element without children holds its own text alone,
    and reading that costs a tenth of the XPath (0.15 against 1.4 µs a link on the
    scrapinghub benchmark pages, measured 2026-12-05).
    """
    return element.text_content() if len(element) else element.text or ""


def read_meta(tree: HtmlElement, *, url: str | None = None) -> PageMeta:
    """What the page's markup says about it; ``url`` is where it was fetched from, if known."""
    metas = _meta_tags(tree)
    ld = _json_ld(tree)
    title = _title(tree, metas, ld)
    author = _author(ld) or _first(metas, AUTHOR_KEYS, skip_urls=True)
    site = _publisher(ld) or _first(metas, SITE_KEYS)
    return PageMeta(
        title=title,
        author=author,
        published=_published(tree, metas, ld),
        site_name=site,
        url=_canonical(tree, metas, ld, url),
        language=_language(tree, metas),
        headings=tuple(text for h1 in tree.iter("h1") if (text := clean(h1.text_content()))),
    )


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """Every ``<meta>`` with a name, property, itemprop or http-equiv, first one kept, raw."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key:
                found.setdefault(key.strip().casefold(), content)
    return found


def _first(metas: dict[str, str], keys: tuple[str, ...], *, skip_urls: bool = False) -> str | None:
    for key in keys:
        value = clean(metas.get(key))
        if value and not (skip_urls and value.startswith(("http://", "https://", "/"))):
            return value
    return None


def _json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """The JSON-LD objects of the page, articles first (``@graph`` flattened)."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().casefold() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # broken JSON-LD is common: the rest of the page still counts
        objects.extend(_objects(data))
    objects.sort(key=lambda item: "datePublished" not in item and "headline" not in item)
    return objects


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"])


def _names(value: Any) -> list[str]:
    """Names in a JSON-LD ``author`` or ``publisher``: a string, an object or a list of either."""
    if isinstance(value, str):
        text = clean(value)
        return [text] if text and not text.startswith(("http://", "https://")) else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _author(ld: list[dict[str, Any]]) -> str | None:
    for item in ld:
        names = list(dict.fromkeys(_names(item.get("author"))))
        if names:
            return ", ".join(names)
    return None


def _publisher(ld: list[dict[str, Any]]) -> str | None:
    for item in ld:
        names = _names(item.get("publisher"))
        if names:
            return names[0]
    return None


def _title(tree: HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    """The headline: the article's own ``<h1>``, else what meta tags and JSON-LD say."""
    for h1 in tree.iter("h1"):
        if any(ancestor.tag == "article" for ancestor in h1.iterancestors()):
            text = clean(h1.text_content())
            if text:
                return text
    found = _first(metas, TITLE_KEYS)
    if found:
        return _as_printed(found, tree)
    for item in ld:
        headline = item.get("headline")
        if isinstance(headline, str) and clean(headline):
            return clean(headline)
    for h1 in tree.iter("h1"):
        text = clean(h1.text_content())
        if text:
            return text
    title = tree.find(".//title")
    if title is not None:
        text = clean(title.text_content())
        if text:
            return TITLE_SUFFIX_RE.sub("", text)
    return None


def _as_printed(title: str, tree: HtmlElement) -> str:
    """The meta tags' title as the page prints it: without the kicker some sites put before
    it there ("Rückbau: Kühltürme gesprengt" over an ``<h1>`` "Kühltürme gesprengt")."""
    for h1 in tree.iter("h1"):
        printed = clean(h1.text_content())
        if not printed or printed == title or not title.endswith(printed):
            continue
        kicker = title[: -len(printed)].rstrip()
        if kicker.endswith(KICKER_ENDS) and len(kicker.split()) <= MAX_TITLE_KICKER_WORDS:
            return printed
    return title


def _canonical(
    tree: HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]], url: str | None
) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").casefold().split():
            href = clean(link.get("href"))
            if href:
                return urljoin(url, href) if url else href
    return _first(metas, URL_KEYS) or _ld_url(ld) or url


def _ld_url(ld: list[dict[str, Any]]) -> str | None:
    """The article's own address in JSON-LD: ``mainEntityOfPage`` (a URL or object), ``url``."""
    for item in ld[:1]:
        for value in (item.get("mainEntityOfPage"), item.get("url")):
            if isinstance(value, dict):
                value = value.get("@id")
            if isinstance(value, str) and value.startswith(("http://", "https://")):
                return value
    return None


def _language(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    """The declared language as a two- or three-letter code: "nl-NL" -> "nl"."""
    html = tree.getroottree().getroot()
    for declared in (html.get("lang"), html.get("xml:lang"), _first(metas, LANGUAGE_KEYS)):
        if declared:
            code = re.split(r"[-_]", declared.strip().casefold(), maxsplit=1)[0]
            if LANGUAGE_RE.fullmatch(code):
                return code
    return None


def read_time(value: str | None) -> MachineTime | None:
    """An ISO 8601 time as pages write it for machines, or None when it is not one."""
    text = (value or "").strip()
    if not text or not text[:4].isdigit():
        return None
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None
    return MachineTime(moment=moment, has_clock=DATE_ONLY_RE.fullmatch(text) is None)


def _published(
    tree: HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]]
) -> MachineTime | None:
    """When the article was first published: JSON-LD, meta tags, ``<time>`` in the article."""
    for item in ld:
        found = read_time(item.get("datePublished") if isinstance(item, dict) else None)
        if found is not None:
            return found
    for key in TIME_KEYS:
        found = read_time(metas.get(key))  # read_time strips what it reads
        if found is not None:
            return found
    # One pass over the <time> elements: one marked as the publication wins, else
    # the first inside the <article> or <main> (the rails are out of the tree by now).
    first_inside: MachineTime | None = None
    for time in tree.iter("time"):
        found = read_time(time.get("datetime"))
        if found is None:
            continue
        if time.get("itemprop") == "datePublished" or time.get("pubdate") is not None:
            return found
        if first_inside is None and any(
            ancestor.tag in ("article", "main") for ancestor in time.iterancestors()
        ):
            first_inside = found
    return first_inside


def guess_date(
    tree: HtmlElement, latest: datetime | None, url: str | None = None
) -> MachineTime | None:
    """htmldate's quick look (the URL, abbreviations, dates printed near the top), or None.

    For pages that give no machine-readable time and print no date line:
    htmldate copies the whole tree to search it, about 5 ms a page.
    """
    from htmldate import find_date  # only for a page that gives no time of its own

    guessed = find_date(tree, **HTMLDATE_OPTIONS, url=url, max_date=latest or NO_CLOCK_LATEST)
    found = read_time(guessed)
    if found is not None and found.moment.time() == datetime.min.time():
        return MachineTime(moment=found.moment, has_clock=False)  # a date without a clock
    return found


# Where pages print their byline: class names and microdata. Looked for only
# when neither the text nor the metadata names an author.
BYLINE_TAGS = ("span", "div", "p", "a", "address", "li")
BYLINE_CLASSES = ("byline", "author")
MAX_BYLINE_CHARS = 80


def read_printed_byline(tree: HtmlElement) -> str | None:
    """The byline as the page prints it ("Door ANP"), from the markup, or None."""
    for element in tree.iter(*BYLINE_TAGS):
        marks = (element.get("class") or "").casefold()
        if not (
            any(mark in marks for mark in BYLINE_CLASSES)
            or element.get("itemprop") == "author"
            or element.get("rel") == "author"
        ):
            continue
        text = clean(element.text_content())
        if text and len(text) <= MAX_BYLINE_CHARS:
            return text
    return None


# Class names of an intro paragraph printed under the headline: "intro" (Dutch
# sites), "standfirst" (British), "chapo"/"chapeau" (French), "lead", "teaser".
STANDFIRST_CLASSES = ("intro", "standfirst", "chapo", "chapeau", "lead", "teaser", "summary")
# The attributes where a page names its intro paragraph.
INTRO_ATTRIBUTES = ("class", "id", "data-testid", "itemprop")
# How many elements above an intro's paragraph may carry the mark that names it.
INTRO_MARK_LEVELS = 2
INTRO_WORD_RE = re.compile(rf"(?<![a-z])(?:{'|'.join(STANDFIRST_CLASSES)})(?![a-z])")
# A standfirst set as a heading under the headline (``_deck``): a sentence of at least so
# many words, perhaps under a kicker marked up as an inline element of a few words.
DECK_TAGS = frozenset({"h2", "h3", "h4"})
INLINE_TAGS = frozenset({"span", "strong", "b", "em", "a"})
MIN_DECK_WORDS = 8
MAX_DECK_KICKER_WORDS = 3
# How many elements after the headline are looked at for the intro.
STANDFIRST_REACH = 4


def is_marked_intro(tree: HtmlElement, text: str) -> bool:
    """Whether the page prints ``text`` as a paragraph its markup names the intro (a class,
    id, ``data-testid`` or ``itemprop`` holding "intro", "standfirst", "chapo", …, on the
    ``<p>`` or an element up to ``INTRO_MARK_LEVELS`` above it: ``<div class="article-intro">
    <div class="rich-text"><p>``), wherever it stands (not only beside the ``<h1>``)."""
    for element in tree.xpath("//p[normalize-space()=$text]", text=text):
        node = element
        for level in range(INTRO_MARK_LEVELS + 1):
            if node is None:
                break
            marks = " ".join(node.get(name) or "" for name in INTRO_ATTRIBUTES).casefold()
            if level < INTRO_MARK_LEVELS:
                if any(mark in marks for mark in STANDFIRST_CLASSES):
                    return True
            elif INTRO_WORD_RE.search(marks):  # further up, only a whole word of a name:
                return True  # "article-intro", not "leading-7"
            node = node.getparent()
    return False


def read_marked_standfirst(tree: HtmlElement) -> str | None:
    """The intro paragraph the markup puts under the ``<h1>``, or None."""
    h1 = next((h1 for h1 in tree.iter("h1") if clean(h1.text_content())), None)
    if h1 is None:
        return None
    anchors = [h1]
    parent = h1.getparent()
    if parent is not None and parent.tag in ("header", "hgroup"):
        anchors.append(parent)  # <header><h1/></header><p class="intro">
    for anchor in anchors:
        for sibling in list(anchor.itersiblings())[:STANDFIRST_REACH]:
            marks = (sibling.get("class") or "").casefold()
            if any(mark in marks for mark in STANDFIRST_CLASSES):
                return clean(sibling.text_content())
            deck = _deck(sibling) if sibling.tag in DECK_TAGS else None
            if deck is not None:
                return deck
    return None


def _deck(heading: HtmlElement) -> str | None:
    """A heading under the ``<h1>`` that prints a sentence is the standfirst (older sites
    set it as an ``<h2>`` or ``<h3>``), without a kicker marked up before it: ``<h3><span>
    Agriculture</span>L'Office fédéral a décidé…</h3>``. None for a heading of a few words."""
    text = clean(heading.text_content()) or ""
    first = heading[0] if len(heading) else None
    if first is not None and not (heading.text or "").strip() and first.tag in INLINE_TAGS:
        kicker = clean(first.text_content())
        if kicker and len(kicker.split()) <= MAX_DECK_KICKER_WORDS:
            text = clean(text.removeprefix(kicker)) or ""
    if len(text.split()) < MIN_DECK_WORDS or not text.endswith((".", "!", "?", "…")):
        return None
    return text
