"""The HTML benchmark: wiredesk's HTML path against plain trafilatura on 181 real pages.

The pages and the ground truth are the scrapinghub article-extraction
benchmark (MIT; ``html/<id>.html.gz`` and ``ground-truth.json``), found at
``--data`` or ``$WIREDESK_HTML_BENCH`` or ``../shared/eval/...`` beside the
work tree. Both sides run in the same process, on the same pages, in the same
rounds: for each page ``trafilatura.extract(html, include_comments=False)``
(what the benchmark's own trafilatura runner calls), the same with the
options wiredesk gives trafilatura (``fast=True, favor_recall=True``), and
``wiredesk.parse_html(html)`` are timed back to back, in rotating order, so
that a busy machine slows all alike. The ratio of wiredesk's time to plain
trafilatura's is the overhead of wiredesk's HTML path; the ratio to
trafilatura with wiredesk's options is what wiredesk's own reading (rails,
metadata, the text parser) costs on top. A few pages are parsed before
timing so that loading and compiling are not counted.

Body F1 is the benchmark's own metric (re-implemented from its
``evaluate.py``): ``\\w+`` tokens, 4-gram shingles with counts, TP/FP/FN per
page normalised to sum to one, precision and recall averaged over pages, F1
from the two averages. wiredesk's body is its standfirst, the dateline as
printed ("WASHINGTON (AP)") and the body blocks: the ground truth keeps
datelines and intros as body text, and leaves out titles and bylines.

It also counts the rails recovered: per page, and how many briefs have a time.

    .venv/bin/python bench/html_bench.py [--data DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import trafilatura

from wiredesk import Page, parse_html

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "eval"
    / "scrapinghub-article-extraction-benchmark"
)
WARMUP_PAGES = 10
TRAFILATURA = "trafilatura.extract"
SAME_OPTIONS = "trafilatura.extract, same options"
WIREDESK = "wiredesk parse_html"
TOKEN_RE = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="the benchmark's folder")
    parser.add_argument("--rounds", type=int, default=2, help="timed passes over the pages")
    args = parser.parse_args(argv)
    data = args.data or Path(os.environ.get("WIREDESK_HTML_BENCH", DEFAULT_DATA))
    if not (data / "ground-truth.json").is_file():
        print(f"html_bench: no benchmark data at {data} (pass --data)", file=sys.stderr)
        return 1
    truth: dict[str, dict[str, str]] = json.loads((data / "ground-truth.json").read_text("utf-8"))
    pages = {
        path.name.split(".")[0]: gzip.decompress(path.read_bytes()).decode("utf-8")
        for path in sorted((data / "html").glob("*.html.gz"))
    }
    ids = [page_id for page_id in pages if page_id in truth]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    for page_id in ids[:WARMUP_PAGES]:
        _baseline(pages[page_id])
        _same_options(pages[page_id])
        parse_html(pages[page_id])

    sides = (TRAFILATURA, SAME_OPTIONS, WIREDESK)
    spent = dict.fromkeys(sides, 0.0)
    bodies: dict[str, dict[str, str]] = {side: {} for side in sides}
    parsed: dict[str, Page] = {}
    for round_number in range(args.rounds):
        for index, page_id in enumerate(ids):
            html = pages[page_id]
            shift = (index + round_number) % len(sides)
            for side in sides[shift:] + sides[:shift]:
                started = time.perf_counter()
                if side == TRAFILATURA:
                    bodies[side][page_id] = _baseline(html)
                elif side == SAME_OPTIONS:
                    bodies[side][page_id] = _same_options(html)
                else:
                    parsed[page_id] = parse_html(html)
                spent[side] += time.perf_counter() - started
    bodies[WIREDESK] = {page_id: body_text(page) for page_id, page in parsed.items()}

    timed = len(ids) * args.rounds
    megabytes = sum(len(pages[page_id].encode()) for page_id in ids) * args.rounds / 1e6
    print(f"html_bench: {len(ids)} pages, {args.rounds} rounds, {megabytes:.1f} MB timed")
    print(
        f"  python {platform.python_version()}, trafilatura {version('trafilatura')}, "
        f"lxml {version('lxml')}, htmldate {version('htmldate')}, one core"
    )
    for side, seconds in spent.items():
        print(
            f"  {side:<34} {timed / seconds:6.1f} pages/s  "
            f"{seconds / timed * 1000:5.1f} ms/page  {megabytes / seconds:5.2f} MB/s"
        )
    for against in (TRAFILATURA, SAME_OPTIONS):
        ratio = spent[WIREDESK] / spent[against]
        print(f"  wiredesk / {against:<23} {ratio:.3f} ({(ratio - 1) * 100:+.1f}%)")

    print("body text against the ground truth (the benchmark's shingle metric):")
    expected = {page_id: truth[page_id]["articleBody"] for page_id in ids}
    for side in sides:
        scores = evaluate(expected, bodies[side])
        print(
            f"  {side:<34} F1 {scores.f1:.4f}  precision {scores.precision:.4f}  "
            f"recall {scores.recall:.4f}"
        )
    datelines = sum(parsed[page_id].article.dateline is not None for page_id in ids)
    print(f"datelines: {datelines} of {len(ids)} pages (counted as body text)")
    _print_rails([parsed[page_id] for page_id in ids])
    return 0


def _baseline(html: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def _same_options(html: str) -> str:
    return trafilatura.extract(html, include_comments=False, fast=True, favor_recall=True) or ""


def body_text(page: Page) -> str:
    """An article's body as the benchmark counts it: intro, dateline as printed, blocks."""
    article = page.article
    parts = [article.standfirst] if article.standfirst else []
    dateline = article.dateline
    if dateline is not None:
        agencies = "/".join(dateline.agencies) + (f"/{dateline.desk}" if dateline.desk else "")
        head = ", ".join(part for part in (dateline.place, dateline.date_text) if part)
        parts.append(f"{head} ({agencies}) -".strip())
    parts.extend(block.text for block in article.body)
    return "\n".join(parts)


def evaluate(truth: dict[str, str], predicted: dict[str, str]) -> Scores:
    """Precision, recall and F1 as the benchmark's ``evaluate.py`` computes them."""
    precisions: list[float] = []
    recalls: list[float] = []
    for page_id, expected in truth.items():
        tp, fp, fn = _matching(expected, predicted.get(page_id, ""))
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    precision, recall = statistics.mean(precisions), statistics.mean(recalls)
    return Scores(precision, recall, 2 * precision * recall / (precision + recall))


def _matching(expected: str, predicted: str) -> tuple[float, float, float]:
    """Shingle TP/FP/FN of one page, normalised so that long pages weigh no more."""
    want, got = _shingles(expected), _shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN_RE.findall(text)
    return Counter(
        tuple(tokens[start : start + SHINGLE])
        for start in range(max(1, len(tokens) - SHINGLE + 1))
        if tokens[start : start + SHINGLE]
    )


def _print_rails(pages: list[Page]) -> None:
    rails = [len(page.rails) for page in pages]
    briefs = [sum(len(rail.items) for rail in page.rails) for page in pages]
    timed = sum(
        brief.published_at is not None
        for page in pages
        for rail in page.rails
        for brief in rail.items
    )
    titles = Counter(rail.title for page in pages for rail in page.rails)
    print(
        f"rails: {sum(rails)} on {sum(count > 0 for count in rails)} of {len(pages)} pages "
        f"({sum(rails) / len(pages):.2f} per page), {sum(briefs)} briefs "
        f"({sum(briefs) / len(pages):.2f} per page), {timed} with a time"
    )
    print("  most common titles: " + ", ".join(f"{t} ({n})" for t, n in titles.most_common(8)))


if __name__ == "__main__":
    raise SystemExit(main())
