"""The parser benchmark: how fast ``wiredesk.parse_text`` reads news pages, and whether right.

Generates synthetic pages with ``bench/generate.py`` (Dutch, English, German
and French site copy and wire copy, 1-20 KB each), parses each one with
``parse_text(page.text, captured_at=page.captured_at)`` - no language given,
so language detection is part of what is measured - and times the parse alone:
generating a page is not timed. The process pins itself to one CPU core first,
and parses a few pages before timing so that loading the language model and
compiling the regexes are not counted.

It prints throughput, per-page parse times, page sizes, the peak resident
memory at 10%, 50% and 100% of the run (flat when nothing accumulates), and a
correctness line: the share of pages whose headline and number of rail briefs
came out as generated.

    .venv/bin/python bench/parse_bench.py [--pages N] [--seed S]
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import resource
import sys
import time
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version

from generate import generate_page, generate_pages

from wiredesk import Page, parse_text

WARMUP_PAGES = 50
CHECKPOINTS = (0.10, 0.50, 1.00)
SHOWN_FAILURES = 3
KB = 1_000
MB = 1_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """A page whose parse missed its headline or its briefs."""

    index: int
    template: str
    language: str
    detected: str | None
    headline: str | None
    expected_headline: str
    briefs: int
    expected_briefs: int


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    pinned = pin_to_one_core()

    print("wiredesk parser benchmark")
    print(f"  python       {platform.python_version()} ({platform.python_implementation()})")
    print(f"  wiredesk     {version('wiredesk')}")
    print(f"  cpu          {pinned}")
    print(
        f"  pages        {args.pages} synthetic pages, seed {args.seed} "
        "(bench/generate.py; generation is not timed)"
    )

    warmup_start = time.perf_counter()
    for index in range(args.pages, args.pages + WARMUP_PAGES):
        page = generate_page(index, seed=args.seed)  # pages after the timed ones
        parse_text(page.text, captured_at=page.captured_at)
    warmup = time.perf_counter() - warmup_start
    print(
        f"  warm-up      {WARMUP_PAGES} other pages parsed before timing, so loading the "
        f"language model and compiling regexes are not counted ({warmup:.2f} s)"
    )

    times = array("d")  # seconds per page
    sizes = array("q")  # UTF-8 bytes per page
    checkpoints = {max(1, math.ceil(args.pages * share)): share for share in CHECKPOINTS}
    memory: list[tuple[float, int, float]] = []  # share, pages done, peak RSS in MB
    failures = 0
    failed_by: Counter[str] = Counter()
    shown: list[Failure] = []

    for done, page in enumerate(generate_pages(args.pages, seed=args.seed), start=1):
        start = time.perf_counter()
        parsed = parse_text(page.text, captured_at=page.captured_at)
        times.append(time.perf_counter() - start)
        sizes.append(len(page.text.encode()))

        briefs = _brief_count(parsed)
        if parsed.article.headline != page.headline or briefs != page.brief_count:
            failures += 1
            failed_by[f"{page.template}/{page.language}"] += 1
            if len(shown) < SHOWN_FAILURES:
                shown.append(
                    Failure(
                        index=page.index,
                        template=page.template,
                        language=page.language,
                        detected=parsed.language,
                        headline=parsed.article.headline,
                        expected_headline=page.headline,
                        briefs=briefs,
                        expected_briefs=page.brief_count,
                    )
                )
        if done in checkpoints:
            memory.append((checkpoints[done], done, _peak_rss_mb()))

    _report(times, sizes, memory)
    _report_correctness(args.pages, failures, failed_by, shown, seed=args.seed)
    return 0


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Time wiredesk.parse_text on synthetic news pages (language detection "
            "included, generation excluded) and check what it finds."
        )
    )
    parser.add_argument(
        "--pages", type=_positive, default=10_000, help="pages to parse (default 10000)"
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    return parser.parse_args(argv)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def pin_to_one_core() -> str:
    """Pin this process to the first CPU it may run on; say which, or why not."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    allowed = sorted(os.sched_getaffinity(0))
    try:
        os.sched_setaffinity(0, {allowed[0]})
    except OSError as error:
        return f"not pinned ({error})"
    return f"pinned to core {allowed[0]} (allowed: {_ranges(allowed)})"


def _ranges(cpus: Sequence[int]) -> str:
    """[0, 1, 2, 5] -> "0-2,5"."""
    parts: list[str] = []
    start = previous = cpus[0]
    for cpu in [*cpus[1:], -1]:
        if cpu != previous + 1:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
            start = cpu
        previous = cpu
    return ",".join(parts)


def _brief_count(page: Page) -> int:
    return sum(len(rail.items) for rail in page.rails)


def _peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    per_unit = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return peak * per_unit / MB


def _percentile(ordered: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of sorted values."""
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def _report(
    times: Sequence[float], sizes: Sequence[int], memory: Sequence[tuple[float, int, float]]
) -> None:
    total_time = math.fsum(times)
    total_bytes = sum(sizes)
    ordered_times = sorted(times)
    ordered_sizes = sorted(sizes)
    count = len(times)
    ms = 1000.0

    print("throughput (parse time only; 1 KB = 1000 bytes, 1 MB = 10^6 bytes of UTF-8)")
    print(f"  pages        {count}")
    print(f"  total        {total_bytes / MB:.2f} MB in {total_time:.2f} s of parsing")
    print(f"  pages/s      {count / total_time:,.0f}")
    print(f"  MB/s         {total_bytes / MB / total_time:.2f}")
    print("per-page parse time")
    print(
        f"  mean {total_time / count * ms:.3f} ms   "
        f"p50 {_percentile(ordered_times, 0.50) * ms:.3f} ms   "
        f"p95 {_percentile(ordered_times, 0.95) * ms:.3f} ms   "
        f"p99 {_percentile(ordered_times, 0.99) * ms:.3f} ms   "
        f"max {ordered_times[-1] * ms:.3f} ms"
    )
    print("page size")
    print(
        f"  min {ordered_sizes[0] / KB:.1f} KB   "
        f"median {_percentile(ordered_sizes, 0.50) / KB:.1f} KB   "
        f"max {ordered_sizes[-1] / KB:.1f} KB"
    )
    print("peak resident memory (ru_maxrss; whole process: interpreter, model, generator)")
    for share, done, peak in memory:
        print(f"  after {share:>4.0%} ({done:>6} pages)  {peak:7.1f} MB")


def _report_correctness(
    pages: int,
    failures: int,
    failed_by: Counter[str],
    shown: Sequence[Failure],
    *,
    seed: int,
) -> None:
    passed = pages - failures
    print("correctness (parsed headline == generated headline, rail briefs == brief_count)")
    print(f"  {passed}/{pages} pages correct ({passed / pages:.2%}); {failures} failing")
    if not failures:
        return
    by = ", ".join(f"{key} {n}" for key, n in sorted(failed_by.items(), key=lambda kv: -kv[1]))
    print(f"  failing by template/language: {by}")
    for failure in shown:
        problems = []
        if failure.headline != failure.expected_headline:
            problems.append(
                f"headline {failure.headline!r}, expected {failure.expected_headline!r}"
            )
        if failure.briefs != failure.expected_briefs:
            problems.append(f"{failure.briefs} briefs, expected {failure.expected_briefs}")
        print(
            f"  page {failure.index} ({failure.template}/{failure.language}, "
            f"detected {failure.detected}): {'; '.join(problems)}"
        )
    print(
        "  rebuild a page with: "
        f"python -c 'from generate import generate_page; print(generate_page(N, seed={seed}).text)'"
        " (from bench/)"
    )


if __name__ == "__main__":
    sys.exit(main())
