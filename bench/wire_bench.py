"""The wire benchmark: items per second for NewsML-G2 and IPTC 7901, beside the text parser.

Generates synthetic stories with ``bench/wire_generate.py`` (not timed), each
as a NewsML-G2 item, as IPTC 7901 telex and as the plain text a wire client
shows, and reads every form through ``parse_capture``, the one entry point,
so telling the format by content, decoding and (for XML) the safe XML reader
are part of what is measured. The process pins itself to one CPU core and
reads a few items first, so loading the language model and compiling the
regexes are not counted. Time is the process's CPU time, so other work on a
shared machine does not count against it. The last column gives the share of
items whose headline and dateline place came out as generated.

    .venv/bin/python bench/wire_bench.py [--items N] [--seed S]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib.metadata import version

from parse_bench import pin_to_one_core
from wire_generate import Story, generate_item

from wiredesk.model import Capture, Page
from wiredesk.parse import parse_capture

WARMUP_ITEMS = 50
CAPTURED_AT = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
FORMS: dict[str, Callable[[Story], bytes]] = {
    "NewsML-G2": lambda story: story.newsml_g2,
    "IPTC 7901": lambda story: story.telex,
    "plain text": lambda story: story.text,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000, help="stories to read in each form")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    pinned = pin_to_one_core()
    print("wiredesk wire benchmark")
    print(f"  python       {platform.python_version()} ({platform.python_implementation()})")
    print(f"  wiredesk     {version('wiredesk')}")
    print(f"  cpu          {pinned}")
    stories = [generate_item(index, seed=args.seed) for index in range(args.items)]
    warmup = [generate_item(index, seed=args.seed + 1) for index in range(WARMUP_ITEMS)]
    print(f"  items        {args.items} stories in three forms, seed {args.seed} (not timed)")
    print()
    print(f"  {'form':<12} {'items/s':>9} {'ms/item':>8} {'KB/item':>8}  right")
    for name, form in FORMS.items():
        for story in warmup:
            _read(form(story))
        data = [form(story) for story in stories]
        start = time.process_time()
        pages = [_read(item) for item in data]
        elapsed = time.process_time() - start
        right = sum(
            page.article.headline == story.headline
            and page.article.dateline is not None
            and page.article.dateline.place == story.place
            for page, story in zip(pages, stories, strict=True)
        )
        size = sum(len(item) for item in data) / len(data) / 1000
        print(
            f"  {name:<12} {len(data) / elapsed:>9,.0f} {elapsed / len(data) * 1000:>8.3f} "
            f"{size:>8.1f}  {right / len(data):.1%}"
        )
    return 0


def _read(data: bytes) -> Page:
    capture = Capture(data=data, source="bench", captured_at=CAPTURED_AT, captured_at_from="given")
    return parse_capture(capture)


if __name__ == "__main__":
    sys.exit(main())
