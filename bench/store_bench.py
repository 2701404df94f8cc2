"""The store benchmark: ingest throughput, search latency, size and memory, SQLite and PostgreSQL.

Pages come from ``bench/generate.py`` (the parse benchmark's generator),
written first to a JSON Lines file in the folder (kept there with ``--keep``,
and read again by a later run with the same seed and size); writing it is not
timed. For each database the script ingests that file as ``wiredesk ingest
FILE`` does (``iter_captures`` and ``wiredesk.desk.ingest``) until the store
holds the asked number of stories (articles and briefs), then times searches:
one-, two- and three-word queries drawn from the generated text, each with
and without filters. PostgreSQL is a throwaway server started from Debian's
binaries unless ``--postgres URL`` is given; ``--no-postgres`` skips it.

    .venv/bin/python bench/store_bench.py [--stories 100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SyntheticPage, generate_pages

from tests.pgserver import Unavailable, throwaway_server
from wiredesk.desk import IngestSummary, ingest
from wiredesk.errors import InputError
from wiredesk.model import Capture
from wiredesk.query import Filters, read_query
from wiredesk.sources.files import iter_captures
from wiredesk.store import Store

MB = 1_000_000
CHECKPOINTS = (0.1, 0.25, 0.5, 0.75, 1.0)
QUERY_WORDS_PER_PAGE = 3
QUERY_WORDS = 50_000  # drawn from the first pages
# New stories a generated page adds at the least: 4.4 over the first 100,000, 3.1 up to
# 1,000,000 (seed 0).
STORIES_PER_PAGE_AT_LEAST = 2.9


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--stories", type=int, default=100_000, help="stories to ingest (default 100000)"
    )
    parser.add_argument("--queries", type=int, default=200, help="searches per kind (default 200)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database to use")
    parser.add_argument("--no-postgres", action="store_true", help="measure SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    parser.add_argument("--keep", metavar="FOLDER", help="keep the SQLite file in FOLDER")
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="time searches only: on the SQLite file --keep names and the PostgreSQL database "
        "--postgres names, filled by an earlier run",
    )
    args = parser.parse_args()

    print("wiredesk store benchmark")
    print(f"  stories      {args.stories} (articles and briefs), seed {args.seed}")
    with ExitStack() as stack:
        folder = Path(args.keep or stack.enter_context(tempfile.TemporaryDirectory()))
        folder.mkdir(parents=True, exist_ok=True)
        targets = [] if args.no_sqlite else [("sqlite", f"sqlite:///{folder / 'bench.db'}")]
        if not args.no_postgres and (args.postgres or not args.search_only):
            if args.postgres:
                targets.append(("postgresql", args.postgres))
            else:
                try:
                    targets.append(("postgresql", stack.enter_context(throwaway_server())))
                except Unavailable as error:
                    print(f"  postgresql   skipped: {error}")
        file: Path | None = None
        words: list[str] = []  # drawn from each store's own pages with --search-only
        if not args.search_only:
            count = math.ceil(args.stories / STORIES_PER_PAGE_AT_LEAST)
            file = page_file(folder, args.seed, count)
            words = query_words(args.seed, count)
        for name, url in targets:
            run(name, url, folder, args, file, words)
    return 0


def pages(seed: int, words: list[str]) -> Iterator[SyntheticPage]:
    """Generated pages; a few words of each are kept for queries."""
    rng = random.Random(seed)
    for page in generate_pages(10**9, seed=seed):
        body = page.text.split()
        if len(words) < QUERY_WORDS:
            words.extend(
                w.strip(".,:;\"'()").lower()
                for w in rng.sample(body, min(QUERY_WORDS_PER_PAGE, len(body)))
            )
        yield page


def as_capture(page: SyntheticPage) -> Capture:
    """A generated page as a capture on its way in, as ``wiredesk ingest`` would read it."""
    capture = Capture(
        data=page.text.encode(),
        source=f"generated-{page.index}",
        captured_at=page.captured_at,
        captured_at_from="given",
        content_type="text",
    )
    return capture


def query_words(seed: int, page_count: int) -> list[str]:
    """Words for queries, drawn from the first of ``page_count`` generated pages."""
    words: list[str] = []
    source = pages(seed, words)
    for _ in range(page_count):
        if len(words) >= QUERY_WORDS:
            break
        next(source)
    return words


def page_file(folder: Path, seed: int, count: int) -> Path:
    """The JSON Lines file of ``count`` generated pages, written unless it is there.

    Runs ask for more pages than their stories need (``STORIES_PER_PAGE_AT_LEAST``):
    a page adds fewer new stories as the store fills up with the ones it repeats.
    """
    path = folder / f"pages-seed{seed}-{count}.jsonl"
    if path.exists():
        print(f"  pages        {count:,} generated pages, from {path.name} (an earlier run)")
        return path
    began = time.perf_counter()
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as file:
        for page in itertools.islice(pages(seed, []), count):
            record = {"text": page.text, "captured_at": page.captured_at.isoformat()}
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.rename(path)
    print(
        f"  pages        {count:,} generated pages written to {path.name} "
        f"({path.stat().st_size / MB:,.0f} MB) in {time.perf_counter() - began:.0f} s, not timed"
    )
    return path


def run(
    name: str,
    url: str,
    folder: Path,
    args: argparse.Namespace,
    file: Path | None,
    words: list[str],
) -> None:
    print(f"\n{name}")
    marks = {int(args.stories * share): share for share in CHECKPOINTS}
    memory: list[str] = []
    with Store(url) as store:
        if file is None:  # --search-only
            search_latency(store, query_words(args.seed, store.capture_count()), args)
            return

        def until_enough() -> Iterator[Capture | InputError]:
            for item in iter_captures([str(file)]):
                if progress.articles + progress.briefs >= args.stories:
                    return
                yield item
            print(f"  note         {file.name} ran out before {args.stories:,} stories")

        progress = IngestSummary()

        def watch(summary: IngestSummary) -> None:
            nonlocal progress
            progress = summary
            stored = summary.articles + summary.briefs
            for mark in [m for m in marks if stored >= m]:
                share = marks.pop(mark)
                memory.append(f"{share:.0%}: {peak_rss_mb():.0f} MB")
                elapsed = time.perf_counter() - started
                print(
                    f"  at {share:>4.0%}     {stored} new stories in {elapsed:.0f} s: "
                    f"{stored / elapsed:,.0f}/s so far, peak RSS {peak_rss_mb():.0f} MB",
                    flush=True,
                )

        started, cpu_started = time.perf_counter(), time.process_time()
        summary = ingest(store, until_enough(), on_capture=watch)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        stored = summary.articles + summary.briefs
        print(
            f"  ingest       {summary.captures} pages, {stored} stories "
            f"({summary.articles} articles, {summary.briefs} briefs), {summary.versions} versions, "
            f"{summary.duplicates} duplicates, {len(summary.errors)} errors in {seconds:.1f} s"
        )
        print(
            f"  throughput   {summary.captures / seconds:,.0f} pages/s, "
            f"{stored / seconds:,.0f} new stories/s, "
            f"{(stored + summary.versions + summary.duplicates) / seconds:,.0f} stories/s "
            "counting versions and duplicates (read from the file, parsed and stored, one process)"
        )
        print(
            f"  cpu          {cpu_seconds:.1f} s of this process (all its threads): "
            f"{stored / cpu_seconds:,.0f} new stories per CPU second"
            + (" (the server's own not counted)" if name != "sqlite" else "")
        )
        print(f"  peak memory  {'; '.join(memory)} (ru_maxrss of the whole process)")
        size = database_size(name, url, folder)
        per_thousand = size / MB / stored * 1000
        print(f"  size         {size / MB:,.1f} MB, {per_thousand:.2f} MB per 1,000 stories")
        search_latency(store, words, args)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000


def database_size(name: str, url: str, folder: Path) -> int:
    """The store's size at rest: for SQLite, its file once the write-ahead log is folded in."""
    if name == "sqlite":
        engine = create_engine(url)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        return sum(f.stat().st_size for f in folder.glob("bench.db*"))
    engine = create_engine(url)
    with engine.connect() as connection:
        size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    engine.dispose()
    return int(size)


def search_latency(store: Store, words: list[str], args: argparse.Namespace) -> None:
    rng = random.Random(args.seed + 1)
    vocabulary = [w for w in words if len(w) >= 4 and w.isalpha()]
    sections = [row[0] for row in store.stats()["section"] if row[0]][:8]
    agencies = [row[0] for row in store.stats()["agency"] if row[0]][:8]
    now = datetime(2027, 1, 1, tzinfo=UTC)
    for size in (1, 2, 3):
        for filtered in (False, True):
            times: list[float] = []
            hits = 0
            for _ in range(args.queries):
                query = read_query(" ".join(rng.sample(vocabulary, size)))
                filters = Filters()
                if filtered:
                    filters = Filters(
                        section=rng.choice(sections) if rng.random() < 0.5 and sections else None,
                        agency=rng.choice(agencies) if agencies else None,
                    )
                started = time.perf_counter()
                found = store.search(query, filters, now=now, limit=10)
                times.append((time.perf_counter() - started) * 1000)
                hits += bool(found)
            times.sort()
            p50 = statistics.median(times)
            p95 = times[int(len(times) * 0.95) - 1]
            label = f"{size} word{'s' if size > 1 else ''}{' + filters' if filtered else ''}"
            print(f"  search       {label:<18} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
                  f"({hits}/{args.queries} with results)")  # fmt: skip


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
