"""The text parser's speed in CPU time: for comparing two checkouts on a shared, noisy machine.

``parse_bench.py`` times each page by the wall clock, which other work on the
machine moves by a third from run to run. This times generated pages in the
process's CPU time (``time.process_time``) and prints pages per CPU second, for
each round of ``--pages`` pages (each round other pages, so that no page is
found in the parser's caches from an earlier round). Run it from each checkout
in turn, a few times, alternating, and compare the best figures:

    PYTHONPATH=/path/to/checkout/src .venv/bin/python bench/parse_cpu_bench.py [--pages N]

The pages are built before timing (``bench/generate.py``, as ``parse_bench.py``
builds them), and a few other pages are parsed first so that loading the
language model and compiling the regexes are not counted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence

from generate import generate_page, generate_pages

from wiredesk import parse_text

WARMUP_PAGES = 50


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Pages per CPU second of wiredesk.parse_text on generated pages."
    )
    parser.add_argument("--pages", type=int, default=2000, help="pages (default 2000)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds (default 1)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    count = args.pages * args.rounds
    pages = [(page.text, page.captured_at) for page in generate_pages(count, seed=args.seed)]
    for index in range(count, count + WARMUP_PAGES):
        page = generate_page(index, seed=args.seed)
        parse_text(page.text, captured_at=page.captured_at)

    rates: list[float] = []
    for first in range(0, count, args.pages):
        start = time.process_time()
        for text, captured_at in pages[first : first + args.pages]:
            parse_text(text, captured_at=captured_at)
        rates.append(args.pages / (time.process_time() - start))
    print(
        f"{args.pages} pages a round, seed {args.seed}, {args.rounds} rounds: "
        f"best {max(rates):,.0f} pages per CPU second, median {statistics.median(rates):,.0f} "
        f"({', '.join(f'{rate:,.0f}' for rate in rates)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
