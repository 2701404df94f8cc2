"""``load_tree``: the tree trafilatura's loader builds, with every element a plain ``HtmlElement``."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from wiredesk.parse.html_tree import load_tree

CORPUS = Path(__file__).resolve().parents[1] / "corpus_html"
STORY = "<p>DEN HAAG (ANP) - Het kabinet valt.</p><p>De premier biedt zijn ontslag aan.</p>"
# What trafilatura's loader repairs, reads another way or refuses.
ODD_PAGES = {
    "xml declaration with an encoding": (
        f'<?xml version="1.0" encoding="utf-8"?><html><body>{STORY}</body></html>'
    ),
    "self-closing doctype": (
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"/>\n'
        f"<html><body>{STORY}</body></html>"
    ),
    "self-closed html": f'<html lang="nl"/>\n<body>{STORY}</body>',
    "control characters": f"<html><body>{STORY}\x00\x08\x0b<p>\ufffeeind\x1f</p></body></html>",
    "fragment of blocks": f"<div>{STORY}</div><div><p>Meer</p></div>",
    "one element": "<p>Alleen dit.</p>",
    "text without markup": "Het kabinet valt.",
    "empty": "",
    "white space": " \n ",
    "a form": f'<html><body><form action="/zoek"><input name="q"><label>Zoek</label></form>{STORY}'
    "</body></html>",
}


def _pages() -> list[tuple[str, str]]:
    corpus = [
        (str(path.relative_to(CORPUS)), path.read_text("utf-8", errors="replace"))
        for path in sorted(CORPUS.rglob("*.html"))
    ]
    return [*corpus, *ODD_PAGES.items()]


@pytest.mark.parametrize(("name", "html"), _pages(), ids=[name for name, _ in _pages()])
def test_tree_is_the_one_trafilatura_builds(name: str, html: str) -> None:
    ours, theirs = load_tree(html), load_html(html)
    if theirs is None:
        assert ours is None
        return
    assert ours is not None
    assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")
    assert ours.tag == theirs.tag  # the same element of the document: the root, or a fragment's


def test_every_element_is_a_plain_html_element() -> None:
    tree = load_tree(ODD_PAGES["a form"])
    assert tree is not None
    # lxml.html's parser makes <form>, <input> and <label> elements of their own classes,
    # asking a Python method for every element it hands out.
    assert {type(element) for element in tree.iter()} == {HtmlElement}
