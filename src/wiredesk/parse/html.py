"""HTML pages to the text a reader sees, one block per line, for the text parser.

A plain reading with the standard library's HTMLParser: block elements end
lines, scripts, styles and other invisible parts are skipped. Pages marked up
as articles with rails get their own reading later (trafilatura); this keeps
HTML captures parseable in the meantime.
"""

from __future__ import annotations

from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td",
        "th", "tr", "ul", "time", "title",
    }
)  # fmt: skip
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.in_head_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data.replace("\n", " "))


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one block element per line."""
    reader = _TextReader()
    reader.feed(html)
    reader.close()
    return "".join(reader.parts)


def looks_like_html(text: str) -> bool:
    """Whether a capture is HTML, told by its content rather than its name."""
    head = text[:1024].lstrip().casefold()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or "<head" in head
    )
