"""What enrichment finds in a set of stories, as JSON Lines: to show that a change kept it.

A change meant to make enrichment faster must not change what it finds. Run this before
and after the change and compare the two files byte for byte:

    PYTHONPATH=src python bench/enrich_outputs.py PATH ... > before.jsonl
    (change enrichment)
    PYTHONPATH=src python bench/enrich_outputs.py PATH ... > after.jsonl
    cmp before.jsonl after.jsonl

What is enriched, in this order: every story of the labelled set
(``tests/data/entities_eval_*.txt``, through ``find_all`` as ``bench/entities_bench.py``
scores it); each file given (folders are searched for ``*.txt`` and ``*.html``), read as
``wiredesk parse`` reads it (``parse_capture``) and then ``enrich_page``; then ``--pages``
pages of ``bench/generate.py``. A line holds the findings of the article and of every
brief (entities, quotes, figures, as the page JSON has them). A file the parser refuses
prints its error in place of the findings.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from entities_bench import LANGUAGES, read_set
from generate import generate_pages
from parse_outputs import CAPTURED_AT, page_files, read_page

from wiredesk.enrich import Findings, enrich_page, find_all
from wiredesk.errors import WiredeskError
from wiredesk.json_records import entity_to_json, figure_to_json, quote_to_json
from wiredesk.model import Article, Brief, Capture, Page
from wiredesk.parse import parse_capture


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Print what enrichment finds in stories and pages, one JSON per line."
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders of pages")
    parser.add_argument("--pages", type=int, default=1000, help="generated pages (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        for story in read_set(language):
            found = find_all(story.headline, None, story.body, story.language)
            _print(f"labelled {story.id}", _findings(found))
    for path in page_files(args.paths):
        capture = Capture(
            data=read_page(path), source=str(path), captured_at=CAPTURED_AT,
            captured_at_from="given",
        )  # fmt: skip
        try:
            page = parse_capture(capture)
        except WiredeskError as error:
            _print(str(path), {"error": str(error)})
            continue
        _print(str(path), _page(enrich_page(page)))
    for synthetic in generate_pages(args.pages, seed=args.seed):
        capture = Capture(
            data=synthetic.text.encode(), source=str(synthetic.index),
            captured_at=synthetic.captured_at, captured_at_from="given",
        )  # fmt: skip
        _print(f"generated {synthetic.index}", _page(enrich_page(parse_capture(capture))))
    return 0


def _findings(found: Findings | Article | Brief) -> dict[str, Any]:
    return {
        "entities": [entity_to_json(entity) for entity in found.entities],
        "quotes": [quote_to_json(quote) for quote in found.quotes],
        "figures": [figure_to_json(figure) for figure in found.figures],
    }


def _page(page: Page) -> dict[str, Any]:
    return {
        "article": _findings(page.article),
        "briefs": [_findings(brief) for rail in page.rails for brief in rail.items],
    }


def _print(source: str, findings: dict[str, Any]) -> None:
    line = json.dumps({"source": source, "findings": findings}, ensure_ascii=False)
    sys.stdout.write(line + "\n")


if __name__ == "__main__":
    sys.exit(main())
