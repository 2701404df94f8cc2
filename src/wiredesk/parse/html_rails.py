"""Rails an HTML page marks up: under a rail title, or told by their shape (a list of teasers).

trafilatura keeps the main text and drops these lists, and with them the
briefs and their times. They are read here first, from the markup, and taken
out of the tree so they cannot end up in the body either. A rail is a
heading whose text is a rail title (the rules of ``rails.py``, or a
container's ``aria-label``) and the run of elements after it in its
container: list items, ``<article>`` teasers or blocks, each holding a link
or a ``<time>``. Each item gives its lines (link text, teaser text) and its
time: the ``<time datetime>`` for machines and the label printed for people.

Most sites title their rails in words no list holds ("Trending Now",
"Commentary", "Weitere Themen") or not at all. ``take_teaser_lists`` finds
those by their shape: three or more sibling elements, each a teaser (one or
two links to another page, worded like a headline), with the short heading
just before them, if any, as the rail's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from wiredesk.parse.furniture import is_furniture
from wiredesk.parse.html_meta import MachineTime, clean, read_time, text_of
from wiredesk.parse.rails import MAX_RAIL_TITLE_CHARS, RANK_RE, RailTitle, read_rail_title

# Elements that may hold a rail's title. Found by tag, which lxml does in C:
# an XPath that also looked at class names ("rail-title") took 7 ms a page
# on the scrapinghub benchmark pages, a quarter of trafilatura's own time.
TITLE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "header", "legend", "caption")
# Containers that may name their rail for screen readers: <aside aria-label="Lees ook">.
LABELLED_TAGS = ("section", "aside", "nav")
MAX_TITLE_CHILDREN = 4
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "header", "legend", "caption"})
# Wrappers a run of items sits in: ``<ul>`` in a ``<div>`` in a ``<section>``.
WRAPPER_TAGS = frozenset({"ul", "ol", "div", "section", "nav", "aside", "dl", "main", "span"})
# Tags a teaser is marked up with, one per teaser, inside a list or wrapper.
ITEM_TAGS = frozenset({"li", "article", "div", "section", "dd", "ul", "ol"})
# Tags that end a line of an item's text: a teaser's title link and its text are two lines
# (not <span>: sites split a headline into spans for a kicker or a highlight).
LINE_TAGS = frozenset(
    {"a", "time", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "article",
     "section", "header", "footer", "figcaption", "dt", "dd"}
)  # fmt: skip
# Elements that show nothing: no teaser, and no reason to read a list as one block.
UNSEEN_TAGS = frozenset({"script", "style", "noscript", "template"})
SKIPPED_TAGS = UNSEEN_TAGS | {"svg", "img", "picture"}
# A numbered list's rank glued to the teaser's text: "1 Rail strike called off".
RANK_PREFIX_RE = re.compile(r"^\d{1,2}[.)]?\s+(?=\S)")
# Separators printed between a teaser and its time: "Schleuse wieder frei | 14:05 Uhr".
LINE_SEPARATORS = " |·•"
# A kicker over a teaser's headline ("Miese Masche:") is a few words, marked up
# inline when it opens the teaser's text.
MAX_KICKER_CHARS = 40
MAX_KICKER_WORDS = 3
KICKER_TAGS = frozenset({"span", "strong", "b", "em", "i", "mark"})
# Inline styles that keep an element from being seen.
HIDDEN_STYLE_RE = re.compile(r"(?:visibility\s*:\s*hidden|display\s*:\s*none)", re.IGNORECASE)
# What separates a teaser's time from a second one (an update) printed with it.
TIME_SEPARATOR_RE = re.compile(r"\s[·|•]\s")
# Levels of lists and wrappers looked into for teasers.
MAX_DEPTH = 4
# Levels climbed from a title to find the container its items sit in.
MAX_CLIMB = 3
STOP_TAGS = frozenset({"body", "html", "main"})
# Levels climbed from a list of teasers to the heading before it, through wrappers that
# hold nothing before the list ("<aside><h2/><div><div>…<ul>"): no further, or a heading
# of another part of the page would name the list.
MAX_TITLE_CLIMB = 8


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkedItem:
    """One teaser of a rail: its lines of text, and its time as marked up and as printed."""

    lines: tuple[str, ...]
    printed_time: str | None
    machine_time: MachineTime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkedRail:
    title: RailTitle | None
    items: tuple[MarkedItem, ...]


def take_rails(tree: HtmlElement) -> list[MarkedRail]:
    """The rails the page marks up, in page order; their elements are removed from ``tree``."""
    root = tree.getroottree().getroot()
    rails: list[MarkedRail] = []
    titles = [
        (element, title)
        for element in tree.iter(*TITLE_TAGS, *LABELLED_TAGS)
        if isinstance(element, HtmlElement)
        for title in (_read_title(element),)
        if title is not None
    ]
    # The titles and everything around them, to stop a rail where the next one
    # starts without searching every element after it. The proxies are kept in
    # ``holders`` so that their ids stay theirs.
    holders = [holder for element, _ in titles for holder in (element, *element.iterancestors())]
    title_set = {id(holder) for holder in holders}
    for element, title in titles:
        if not _attached(element, root):
            continue  # taken out with an earlier rail
        found = _rail_at(element, title, title_set)
        if found is None:
            continue
        rail, taken = found
        rails.append(rail)
        for part in taken:
            if part.getparent() is not None:
                part.drop_tree()
    return rails


def _read_title(element: HtmlElement) -> RailTitle | None:
    """The rail title an element holds (or names in its ``aria-label``), or None."""
    if element.tag in LABELLED_TAGS:
        label = element.get("aria-label")
        return read_rail_title(clean(label) or "") if label is not None else None
    if len(element) > MAX_TITLE_CHILDREN:
        return None
    raw = text_of(element)
    if len(raw) > MAX_RAIL_TITLE_CHARS * 2:
        return None  # no title, however much of it is white space
    text = clean(raw) or ""
    return read_rail_title(text) if len(text) <= MAX_RAIL_TITLE_CHARS else None


def _rail_at(
    element: HtmlElement, title: RailTitle, titles: set[int]
) -> tuple[MarkedRail, list[HtmlElement]] | None:
    """The rail whose title is ``element``, with the elements it was read from."""
    if element.tag in LABELLED_TAGS:
        items = _items(list(element), titles, skip_title=title.title or "")
        return (_marked(title, items), [element]) if items else None
    heading = element
    while heading.getparent() is not None and heading.getparent().tag in HEADING_TAGS:
        heading = heading.getparent()
    anchor = heading
    for _ in range(MAX_CLIMB):
        container = anchor.getparent()
        if container is None or container.tag in STOP_TAGS:
            return None
        following = _after(anchor, titles)
        items = _items(following, titles, skip_title=title.title or "")
        if items:
            return _marked(title, items), [heading, *items]
        if following:
            return None  # text follows the title, but no teasers: a sub-heading
        anchor = container
    return None


def _after(anchor: HtmlElement, titles: set[int]) -> list[HtmlElement]:
    """The siblings after ``anchor``, up to the next rail title (or what holds one)."""
    run: list[HtmlElement] = []
    for sibling in anchor.itersiblings():
        if not isinstance(sibling, HtmlElement):
            continue
        if id(sibling) in titles:
            break  # the next rail's title, or an element around it
        run.append(sibling)
    return run


def _items(run: list[HtmlElement], titles: set[int], *, skip_title: str) -> list[HtmlElement]:
    """The teasers in a run of elements, found inside the lists and wrappers that hold them.

    Items must hold links or times, at least half of them: a heading followed
    by plain paragraphs is a sub-heading of the story, not a rail.
    """
    items = [
        item
        for element in run
        if _has_text(element, skip_title)
        for item in _unwrapped(element, MAX_DEPTH)
    ]
    linked = [item for item in items if _has_link_or_time(item)]
    if not linked or len(linked) * 2 < len(items):
        return []
    return linked


def _unwrapped(element: HtmlElement, depth: int) -> list[HtmlElement]:
    """A list or wrapper of teasers as its teasers; a teaser (or anything else) as itself."""
    if element.tag not in WRAPPER_TAGS or depth == 0:
        return [element]
    children = [
        child
        for child in element
        if isinstance(child, HtmlElement) and child.tag not in UNSEEN_TAGS
    ]
    if not children or any(child.tag not in ITEM_TAGS for child in children):
        return [element]
    return [item for child in children if _has_text(child) for item in _unwrapped(child, depth - 1)]


def _has_text(element: HtmlElement, skip: str | None = None) -> bool:
    """Whether an element shows text, other than ``skip`` (the rail's own title)."""
    return _shows(text_of(element), skip)


def _shows(text: str, skip: str | None = None) -> bool:
    """Whether an element's text shows anything, other than ``skip``."""
    if len(text) > MAX_RAIL_TITLE_CHARS * 2:
        return True  # no title, and not empty: spared the clean-up of a long text
    return clean(text) not in (None, skip)


def _has_link_or_time(element: HtmlElement) -> bool:
    if element.tag in ("a", "time"):
        return True
    return element.find(".//a[@href]") is not None or element.find(".//time") is not None


def _marked(title: RailTitle | None, items: list[HtmlElement]) -> MarkedRail:
    marked = []
    for item in items:
        read = _item(item)
        if read.lines or read.printed_time:
            marked.append(read)
    return MarkedRail(title=title, items=tuple(marked))


def _item(element: HtmlElement) -> MarkedItem:
    time = element if element.tag == "time" else element.find(".//time")
    printed: str | None = None
    machine: MachineTime | None = None
    if time is not None:
        if not _is_hidden(time, within=element):
            printed = _first_printed(text_of(time))
        machine = read_time(time.get("datetime"))
    lines = [
        line
        for line in _lines(element, skip=time)
        if not RANK_RE.fullmatch(line) and not is_furniture(line)
    ]
    lines = _with_kickers(lines)
    parent = element.getparent()
    if lines and parent is not None and parent.tag == "ol":
        lines[0] = RANK_PREFIX_RE.sub("", lines[0])  # "1 Rail strike called off": a rank
    return MarkedItem(lines=tuple(lines), printed_time=printed, machine_time=machine)


def _is_hidden(element: HtmlElement, *, within: HtmlElement) -> bool:
    """Whether the page hides ``element`` (or what holds it, up to ``within``) from its
    readers: a time kept in the markup for scripts prints no age."""
    while element is not None:
        if element.get("hidden") is not None or HIDDEN_STYLE_RE.search(element.get("style", "")):
            return True
        if element is within:
            return False
        element = element.getparent()
    return False


def _first_printed(text: str) -> str | None:
    """The time a ``<time>`` prints first: "12:07 PM UTC · Updated 2 min ago" -> "12:07 PM UTC"."""
    return clean(TIME_SEPARATOR_RE.split(text, maxsplit=1)[0])


def _with_kickers(lines: list[str]) -> list[str]:
    """A kicker closed by a colon is read on its headline's line: "Drogen: Fentanyl in Berlin"."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].endswith(":") and len(joined[-1]) <= MAX_KICKER_CHARS:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _is_kicker(element: HtmlElement) -> bool:
    """Whether an inline element opening a teaser's text is its kicker: "<span>Pesticide</span>
    L'interdiction immédiate…" is two lines, a label and the text."""
    tail = (element.tail or "").lstrip()
    if element.tag not in KICKER_TAGS or not tail or not (tail[0].isupper() or tail[0] in "«„\"'"):
        return False  # "<b>Berlin</b> (dpa) - …" is a dateline
    text = clean(text_of(element)) or ""
    return 0 < len(text) <= MAX_KICKER_CHARS and len(text.split()) <= MAX_KICKER_WORDS


def _lines(element: HtmlElement, *, skip: HtmlElement | None) -> list[str]:
    """The text of an element, one line per link, paragraph or other block; ``skip`` left out."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        # Each of tag, text and tail is read once: lxml makes a new string at every read.
        tag = node.tag
        if node is skip or not isinstance(tag, str) or tag in SKIPPED_TAGS:
            return
        breaks = tag in LINE_TAGS
        if breaks:
            parts.append("\n")
        text = node.text
        if text:
            parts.append(text)
        for index, child in enumerate(node):
            walk(child)
            tail = child.tail
            if tail:
                if index == 0 and not (text or "").strip() and _is_kicker(child):
                    parts.append("\n")
                parts.append(tail)
        if breaks:
            parts.append("\n")

    walk(element)
    # Every block opens and closes a line, so most pieces are empty: they are left out
    # before the clean-up, which would leave nothing of them either.
    pieces = (piece.strip(LINE_SEPARATORS) for piece in "".join(parts).split("\n"))
    return [line for piece in pieces if piece and (line := clean(piece))]


# A teaser's link is worded like a headline: four words or more (German
# compounds make short headlines: "Bundeswehr-Drohne bei Erding abgestürzt"),
# or fewer but long ones. Menus ("Politik", "Arts and Culture") have less.
MIN_TEASER_WORDS = 4
MIN_TEASER_CHARS = 25
# Headlines of a list average more words than that: "Kommunalwahl Landkreis Wittenberg" is a menu.
MIN_MEAN_TEASER_WORDS = 4.5
# Link text longer than this is a paragraph, not a headline.
MAX_TEASER_WORDS = 40
# A list of teasers holds three or more, and they are two thirds of what it shows.
MIN_TEASERS = 3
# A teaser links to one page, or two (its section, an author); an element
# linking to more headlines is a list of its own.
MAX_TEASER_LINKS = 2
# A teaser is a headline and a line or two of summary, its link a fifth of it or
# more; a paragraph with a headline-long link in it is story text.
MAX_TEASER_CHARS = 600
MIN_LINK_SHARE = 0.2
# What a teaser card's link holds: blocks, not a line of text.
CARD_BLOCK_TAGS = frozenset({"div", "h2", "h3", "h4", "h5", "h6", "p", "figure", "header"})
# Levels climbed from a headline link to the list holding its teaser.
MAX_TEASER_DEPTH = 6
UNLINKED = ("#", "javascript:", "mailto:", "tel:")
SENTENCE_END = (".", "!", "?", "…")
# What may print beside a teaser's link on its line: white space and bullets.
BULLETS = " \t\r\n•·–-|»›>"
# Elements that hold a list of teasers: block containers, not a paragraph or a heading.
LIST_TAGS = frozenset(
    {"ul", "ol", "div", "section", "aside", "nav", "article", "main", "dl", "header",
     "footer", "td", "tr", "tbody", "table", "span", "figure"}
)  # fmt: skip
MAX_HEADING_WORDS = 8
# A title the markup names by its class rather than its tag, on an element of text.
NAMED_TITLE_TAGS = frozenset({"span", "div", "p"})
TITLE_CLASS_NAMES = ("title", "heading", "kop", "titel", "titre")
SUBHEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
# The site's own furniture around every page, and what holds a story.
CHROME_TAGS = frozenset({"nav", "header", "footer"})
CHROME_ROLES = frozenset({"navigation", "menu", "menubar", "banner", "contentinfo"})
STORY_TAGS = frozenset({"article", "main"})
# A price printed in a teaser: "2,00 €", "$19.99", "EUR 5".
PRICE_RE = re.compile(r"\d[\d.,]*\s?(?:€|EUR\b|£)|[€$£]\s?\d")


@dataclass(frozen=True, slots=True)
class _Headline:
    """A link worded like a headline: where it goes, and how long its text is."""

    link: HtmlElement
    href: str
    words: int
    chars: int


def take_teaser_lists(tree: HtmlElement) -> list[MarkedRail]:
    """Lists of teasers the page gives no rail title for, in page order; taken out of ``tree``.

    Run after ``take_rails``: what is left of the page's links worded like
    headlines is grouped by the element that holds three or more of them as
    siblings. The heading just before such a list is its title.
    """
    headlines: dict[int, _Headline] = {}
    # Each element above a headline link, with its children that hold one, in the order
    # their first headline link is met (page order, the innermost first).
    holders: dict[int, tuple[HtmlElement, set[int]]] = {}
    cards: list[HtmlElement] = []  # links holding blocks: cards, unless in a list
    for link in tree.iter("a"):
        # Most links hold no element: len() rules them out before a child is looked at
        # (``iterchildren`` with tags took 2 µs a link, as long as the rest of this loop).
        if len(link) and any(child.tag in CARD_BLOCK_TAGS for child in link):
            cards.append(link)
        headline = _headline(link)
        if headline is None:
            continue
        headlines[id(link)] = headline
        child, node = link, link.getparent()
        for _ in range(MAX_TEASER_DEPTH):
            if node is None or node.tag in ("body", "html"):
                break
            entry = holders.get(id(node))
            if entry is None:  # not setdefault: most nodes are met again, from their links
                entry = holders[id(node)] = (node, set())
            entry[1].add(id(child))
            child, node = node, node.getparent()
    root = tree.getroottree().getroot()
    rails: list[MarkedRail] = []
    for holder, children in holders.values():
        if len(children) < MIN_TEASERS or holder.tag not in LIST_TAGS:
            continue
        if not _attached(holder, root):
            continue  # taken out with a list found before
        teasers = _teasers(holder, headlines)
        if not teasers or _in_site_chrome(holder):
            continue
        title, heading = _title_of(holder, teasers[0])
        rails.append(_marked(title, teasers))
        for part in (*([heading] if heading is not None else []), *teasers):
            if part.getparent() is not None:
                part.drop_tree()
    lone = [card for card in cards if _is_lone_card(card, root)]
    if lone:
        rails.append(_marked(None, lone))
        for card in lone:
            card.drop_tree()
    return rails


def _attached(element: HtmlElement, root: HtmlElement) -> bool:
    """Whether an element is still in the page: a removed one keeps its document (and
    ``getroottree``), but no longer reaches the root through its parents."""
    top = element
    for top in element.iterancestors():  # noqa: B007 (the last one is the top)
        pass
    return top is root


def _is_lone_card(link: HtmlElement, root: HtmlElement) -> bool:
    """Whether a link holding blocks (a kicker, a headline, a time), still on the page after
    its lists were taken, is a teaser card standing alone, as sites put them between a
    story's paragraphs."""
    href = (link.get("href") or "").strip()
    if not href or href.startswith(UNLINKED) or not _attached(link, root):
        return False
    words = len(text_of(link).split())
    return MIN_TEASER_WORDS <= words <= MAX_TEASER_WORDS and not _in_site_chrome(link)


def _headline(link: HtmlElement) -> _Headline | None:
    """A link to another page that stands on its own line, worded like a headline; else None."""
    # Its words first: five links in six on the scrapinghub benchmark pages are worded
    # like a menu's, told without looking at the link's address or neighbours.
    split = text_of(link).split()
    words = len(split)
    if words > MAX_TEASER_WORDS or words < 2:
        return None
    chars = len(" ".join(split))  # the length of ``clean(text)``, its words read already
    if words < MIN_TEASER_WORDS and chars < MIN_TEASER_CHARS:
        return None
    href = (link.get("href") or "").strip()
    if not href or href.startswith(UNLINKED) or not _stands_alone(link):
        return None  # no page, or a link inside a sentence: "… include <a>various models</a>"
    return _Headline(link=link, href=href, words=words, chars=chars)


def _stands_alone(link: HtmlElement) -> bool:
    """Whether a link is a line of its own: no text of a sentence right before or after it."""
    if (link.tail or "").strip(BULLETS):
        return False
    before = link.getprevious()
    if before is not None:
        return not (before.tail or "").strip(BULLETS)
    parent = link.getparent()
    return parent is None or not (parent.text or "").strip(BULLETS)


def _teasers(holder: HtmlElement, headlines: dict[int, _Headline]) -> list[HtmlElement]:
    """The children of ``holder`` that are teasers, when they make a list of them; else none."""
    # Each child's text is read once, for all three questions asked of it below.
    shown = [
        (child, text)
        for child in holder
        if isinstance(child, HtmlElement) and child.tag not in UNSEEN_TAGS
        for text in (text_of(child),)
        if _shows(text)
    ]
    if len(shown) < MIN_TEASERS:
        return []
    read = [(child, text, _links_of(child, headlines)) for child, text in shown]
    teasers = [teaser for teaser in read if _is_teaser(*teaser)]
    if len(teasers) < MIN_TEASERS or len(teasers) * 3 < len(shown) * 2:
        return []
    words = [link.words for _, _, links in teasers for link in links]
    if sum(words) < MIN_MEAN_TEASER_WORDS * len(words):
        return []  # a menu of places or topics, a few long ones among them
    priced = sum(PRICE_RE.search(text) is not None for _, text, _ in teasers)
    if priced * 2 > len(teasers):
        return []  # a shop's products, not stories
    return [child for child, _, _ in teasers]


def _in_site_chrome(element: HtmlElement) -> bool:
    """Whether an element is in the site's navigation, banner or footer (outside any story).

    The stories a menu or a footer features are the site's, not a rail beside this story.
    """
    for ancestor in element.iterancestors():
        if ancestor.tag in STORY_TAGS:
            return False
        if ancestor.tag in CHROME_TAGS or ancestor.get("role") in CHROME_ROLES:
            return True
    return False


def _links_of(element: HtmlElement, headlines: dict[int, _Headline]) -> list[_Headline]:
    if element.tag == "a":
        found = headlines.get(id(element))
        return [found] if found is not None else []
    return [headlines[id(link)] for link in element.iter("a") if id(link) in headlines]


def _is_teaser(element: HtmlElement, text: str, links: list[_Headline]) -> bool:
    """Whether an element holding ``text`` and headline ``links`` is a teaser."""
    if element.tag == "p" or not links:
        return False  # a paragraph of the story, links and all
    if len({link.href for link in links}) > MAX_TEASER_LINKS:
        return False
    if len(text) > MAX_TEASER_CHARS * 2:
        return False  # spared the clean-up of a long text
    chars = len(clean(text) or "")
    return chars <= MAX_TEASER_CHARS and max(link.chars for link in links) >= MIN_LINK_SHARE * chars


def _title_of(
    holder: HtmlElement, first: HtmlElement
) -> tuple[RailTitle | None, HtmlElement | None]:
    """The heading a list of teasers is shown under, and its element: the list's own first
    element, or the element just before the list (or before what holds it)."""
    for child in holder:
        if child is first:
            break
        if isinstance(child, HtmlElement) and child.tag not in UNSEEN_TAGS and _has_text(child):
            title = _heading(child)
            return (title, child) if title is not None else (None, None)
    node = holder
    for _ in range(MAX_TITLE_CLIMB):
        before = _shown_before(node)
        if before is not None:
            title = _heading(before)
            return (title, before) if title is not None else (None, None)
        parent = node.getparent()
        if parent is None or parent.tag in STOP_TAGS:
            break
        node = parent
    return None, None


def _shown_before(element: HtmlElement) -> HtmlElement | None:
    for sibling in element.itersiblings(preceding=True):
        shown = isinstance(sibling, HtmlElement) and sibling.tag not in UNSEEN_TAGS
        if shown and _has_text(sibling):
            return sibling
    return None


def _is_named_title(element: HtmlElement) -> bool:
    """Whether the markup names an element a title though its tag is none: ``<span
    class="title">``, ``<div class="box__title">``, ``<p class="list-heading">``."""
    if element.tag not in NAMED_TITLE_TAGS:
        return False
    names = (element.get("class") or "").casefold()
    return any(name in names for name in TITLE_CLASS_NAMES)


def _heading(element: HtmlElement) -> RailTitle | None:
    """A short heading's rail title: a heading element (or one holding one), not a sentence."""
    if element.tag == "h1":
        return None  # the story's own headline
    if (
        element.tag not in TITLE_TAGS
        and not _is_named_title(element)
        and next(element.iter(*SUBHEADING_TAGS), None) is None
    ):
        return None
    raw = text_of(element)
    if len(raw) > MAX_RAIL_TITLE_CHARS * 2:
        return None
    text = clean(raw)
    if (
        text is None
        or len(text) > MAX_RAIL_TITLE_CHARS
        or len(text.split()) > MAX_HEADING_WORDS
        or text.endswith(SENTENCE_END)
    ):
        return None
    return read_rail_title(text) or RailTitle(title=text.rstrip(" :"), section=None)
