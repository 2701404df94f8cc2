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
# Tags that end a line of an item's text: a teaser's title link and its text are two lines.
LINE_TAGS = frozenset(
    {"a", "time", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "article",
     "section", "header", "footer", "figcaption", "dt", "dd", "span", "small"}
)  # fmt: skip
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "img", "picture"})
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
        element
        for element in tree.iter(*TITLE_TAGS, *LABELLED_TAGS)
        if _may_be_title(element) and isinstance(element, HtmlElement)
    ]
    title_set = {id(element) for element in titles}
    for element in titles:
        if element.getroottree().getroot() is not root:
            continue  # taken out with an earlier rail
        found = _rail_at(element, title_set)
        if found is None:
            continue
        rail, taken = found
        rails.append(rail)
        for part in taken:
            if part.getparent() is not None:
                part.drop_tree()
    return rails


def _may_be_title(element: HtmlElement) -> bool:
    if element.tag in LABELLED_TAGS:
        return element.get("aria-label") is not None
    return len(element) <= MAX_TITLE_CHILDREN


def _rail_at(element: HtmlElement, titles: set[int]) -> tuple[MarkedRail, list[HtmlElement]] | None:
    """The rail whose title is ``element``, with the elements it was read from."""
    label = element.get("aria-label")
    if label is not None and element.tag in LABELLED_TAGS:
        title = read_rail_title(clean(label) or "")
        if title is None:
            return None
        items = _items(list(element), titles, skip_title=title.title)
        return (_marked(title, items), [element]) if items else None
    text = clean(element.text_content()) or ""
    if element.tag in LABELLED_TAGS or len(text) > MAX_RAIL_TITLE_CHARS:
        return None
    title = read_rail_title(text)
    if title is None:
        return None
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
    """The siblings after ``anchor``, up to the next rail title."""
    run: list[HtmlElement] = []
    for sibling in anchor.itersiblings():
        if not isinstance(sibling, HtmlElement):
            continue
        if id(sibling) in titles or any(id(inner) in titles for inner in _headings(sibling)):
            break
        run.append(sibling)
    return run


def _headings(element: HtmlElement) -> list[HtmlElement]:
    return [inner for inner in element.iter("h1", "h2", "h3", "h4", "h5", "h6")]


def _items(run: list[HtmlElement], titles: set[int], *, skip_title: str) -> list[HtmlElement]:
    """The teasers in a run of elements: descend through lone wrappers to the items.

    Items must hold links or times, at least half of them: a heading followed
    by plain paragraphs is a sub-heading of the story, not a rail.
    """
    run = [element for element in run if clean(element.text_content()) not in (None, skip_title)]
    while len(run) == 1 and run[0].tag in WRAPPER_TAGS:
        children = [child for child in run[0] if isinstance(child, HtmlElement)]
        if not children or any(child.tag in ("a", "time", "p") for child in children):
            break
        run = [child for child in children if clean(child.text_content()) not in (None, skip_title)]
    linked = [element for element in run if _has_link_or_time(element)]
    if not linked or len(linked) * 2 < len(run):
        return []
    return linked


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
    return [line for line in (clean(piece) for piece in "".join(parts).split("\n")) if line]
