"""Rails an HTML page marks up: a heading such as "Meer uit Buitenland" over a list of teasers.

trafilatura keeps the main text and drops these lists, and with them the
briefs and their times. They are read here first, from the markup, and taken
out of the tree so they cannot end up in the body either. A rail is a
heading whose text is a rail title (the rules of ``rails.py``, or a
container's ``aria-label``) and the run of elements after it in its
container: list items, ``<article>`` teasers or blocks, each holding a link
or a ``<time>``. Each item gives its lines (link text, teaser text) and its
time: the ``<time datetime>`` for machines and the label printed for people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from wiredesk.parse.furniture import is_furniture
from wiredesk.parse.html_meta import MachineTime, clean, read_time
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
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "img", "picture"})
# A numbered list's rank glued to the teaser's text: "1 Rail strike called off".
RANK_PREFIX_RE = re.compile(r"^\d{1,2}[.)]?\s+(?=\S)")
# Separators printed between a teaser and its time: "Schleuse wieder frei | 14:05 Uhr".
LINE_SEPARATORS = " |·•"
# Levels of lists and wrappers looked into for teasers.
MAX_DEPTH = 4
# Levels climbed from a title to find the container its items sit in.
MAX_CLIMB = 3
STOP_TAGS = frozenset({"body", "html", "main"})


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkedItem:
    """One teaser of a rail: its lines of text, and its time as marked up and as printed."""

    lines: tuple[str, ...]
    printed_time: str | None
    machine_time: MachineTime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkedRail:
    title: RailTitle
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
        if element.getroottree().getroot() is not root:
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
    raw = element.text_content()
    if len(raw) > MAX_RAIL_TITLE_CHARS * 2:
        return None  # no title, however much of it is white space
    text = clean(raw) or ""
    return read_rail_title(text) if len(text) <= MAX_RAIL_TITLE_CHARS else None


def _rail_at(
    element: HtmlElement, title: RailTitle, titles: set[int]
) -> tuple[MarkedRail, list[HtmlElement]] | None:
    """The rail whose title is ``element``, with the elements it was read from."""
    if element.tag in LABELLED_TAGS:
        items = _items(list(element), titles, skip_title=title.title)
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
        items = _items(following, titles, skip_title=title.title)
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
    children = [child for child in element if isinstance(child, HtmlElement)]
    if not children or any(child.tag not in ITEM_TAGS for child in children):
        return [element]
    return [item for child in children if _has_text(child) for item in _unwrapped(child, depth - 1)]


def _has_text(element: HtmlElement, skip: str | None = None) -> bool:
    """Whether an element shows text, other than ``skip`` (the rail's own title)."""
    text = element.text_content()
    if len(text) > MAX_RAIL_TITLE_CHARS * 2:
        return True  # no title, and not empty: spared the clean-up of a long text
    return clean(text) not in (None, skip)


def _has_link_or_time(element: HtmlElement) -> bool:
    if element.tag in ("a", "time"):
        return True
    return element.find(".//a[@href]") is not None or element.find(".//time") is not None


def _marked(title: RailTitle, items: list[HtmlElement]) -> MarkedRail:
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
        printed = clean(time.text_content())
        machine = read_time(time.get("datetime"))
    lines = [
        line
        for line in _lines(element, skip=time)
        if not RANK_RE.fullmatch(line) and not is_furniture(line)
    ]
    parent = element.getparent()
    if lines and parent is not None and parent.tag == "ol":
        lines[0] = RANK_PREFIX_RE.sub("", lines[0])  # "1 Rail strike called off": a rank
    return MarkedItem(lines=tuple(lines), printed_time=printed, machine_time=machine)


def _lines(element: HtmlElement, *, skip: HtmlElement | None) -> list[str]:
    """The text of an element, one line per link, paragraph or other block; ``skip`` left out."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node is skip or not isinstance(node.tag, str) or node.tag in SKIPPED_TAGS:
            return
        breaks = node.tag in LINE_TAGS
        if breaks:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if breaks:
            parts.append("\n")

    walk(element)
    pieces = (clean(piece.strip(LINE_SEPARATORS)) for piece in "".join(parts).split("\n"))
    return [line for line in pieces if line]
