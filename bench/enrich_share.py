"""Where ingest's time goes once it enriches: parsing a page, enriching it, and the rest
(keeping its rows), in CPU seconds, on the page file ``bench/store_bench.py --keep``
leaves behind.

    PYTHONPATH=src .venv/bin/python bench/enrich_share.py FOLDER/pages-seed0-1725.jsonl

It parses each capture of the file as ingest does (``desk.page_of``), then enriches
the page (``enrich_page``), timing each step on its own, and prints both per page and
per story (an article or a brief). What ingest costs beyond the two is the store's:
compare with ``store_bench.py``'s CPU time on the same file.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wiredesk.desk import page_of
from wiredesk.enrich import enrich_page
from wiredesk.errors import InputError, ParseError
from wiredesk.parse import content_type_of
from wiredesk.sources.files import iter_captures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", help="a JSON Lines file of captures")
    args = parser.parse_args()
    pages = []
    parse_seconds = 0.0
    for item in iter_captures([args.file]):
        if isinstance(item, InputError):
            continue
        capture = replace(item, content_type=content_type_of(item))
        started = time.process_time()
        with contextlib.suppress(InputError, ParseError):  # bad copy: not timed further
            pages.append(page_of(capture))
        parse_seconds += time.process_time() - started
    enrich_page(pages[0])  # its lists load once, outside the timing
    started = time.process_time()
    for page in pages:
        enrich_page(page)
    enrich_seconds = time.process_time() - started
    stories = sum(
        (1 if page.article.body else 0) + sum(len(rail.items) for rail in page.rails)
        for page in pages
    )
    print(f"pages        {len(pages)}, {stories} stories (articles and briefs, repeats too)")
    print(
        f"parse        {parse_seconds:.2f} CPU s, {parse_seconds / len(pages) * 1000:.2f} ms a page"
    )
    print(
        f"enrich       {enrich_seconds:.2f} CPU s, {enrich_seconds / len(pages) * 1000:.2f} ms a "
        f"page, {stories / enrich_seconds:,.0f} stories per CPU second"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
