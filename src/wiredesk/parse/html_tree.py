"""The lxml tree of an HTML page: built as trafilatura's loader builds it, with lighter elements.

trafilatura's ``load_html`` repairs what lxml stumbles on (control characters, a
doctype that closes itself, a self-closed ``<html/>``), parses the page again as bytes
when lxml refuses a ``str`` (one with an XML encoding declaration) and refuses what
is no HTML at all. ``load_tree`` takes the same steps with the same parser options,
and differs in one thing: the Python class of each element is found by lxml in C.
lxml.html's own parser asks a Python method for it, whenever an element is first
touched from Python — by wiredesk, by trafilatura and by htmldate, on the page and on
their copies of it — and that method gives the few form elements classes of their own
(``FormElement``, ``InputElement``, …), which nothing that reads a news page uses.
Every element is an ``HtmlElement`` here. On the scrapinghub benchmark's 181 pages
this took 1.3 ms of the 15.3 ms ``parse_html`` spent on a page (measured 2026-12-05,
``bench/html_bench.py``); what wiredesk makes of the pages did not change.
"""

from __future__ import annotations

import logging

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HtmlProcessingInstruction,
    fromstring,
)

logger = logging.getLogger(__name__)


def _parser() -> etree.HTMLParser:
    # trafilatura's options (``trafilatura.utils.HTML_PARSER``), the classes lxml.html's
    # lookup gives every node but the form elements.
    parser = etree.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lack default_doctype
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement,
            comment=HtmlComment,
            pi=HtmlProcessingInstruction,
            entity=HtmlEntity,
        )
    )
    return parser


PARSER = _parser()


def load_tree(html: str) -> HtmlElement | None:
    """The tree of a page (trafilatura's ``load_html`` on a ``str``), or None if it is none."""
    from trafilatura.utils import repair_faulty_html

    beginning = html[:50].lower()
    is_dubious = "html" not in beginning  # no <html> or doctype: a page must prove itself
    html = repair_faulty_html(html, beginning)
    tree: HtmlElement | None = None
    read_as_bytes = False
    try:
        tree = fromstring(html, parser=PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = _from_bytes(html)
        read_as_bytes = True
    except Exception as error:  # lxml's own errors, an empty document among them
        logger.debug("lxml refused the page: %s", error)
    if (tree is None or len(tree) < 1) and not read_as_bytes:
        tree = _from_bytes(html)
    if tree is not None and is_dubious and len(tree) < 2:
        return None  # a line of text, or a single element: no page
    return tree


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=PARSER)
    except Exception as error:
        logger.debug("lxml refused the page as bytes: %s", error)
        return None
