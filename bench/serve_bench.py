"""The web benchmark: requests/s and p50/p99 latency of the front, article and search pages.

Builds (or reuses, with ``--keep``) a SQLite store of generated pages holding
at least ``--articles`` articles (``bench/generate.py``, through
``wiredesk.desk.ingest``), starts ``wiredesk serve --workers 2`` on 127.0.0.1,
and drives it with a load generator of its own (asyncio, keep-alive
connections, in a separate process) for ``--seconds`` per page kind. Prints
requests/s, p50/p99 latency, failed requests, and the server's resident memory
(all its processes) after the run.

    .venv/bin/python bench/serve_bench.py [--articles 10000] [--seconds 15]
        [--connections 10] [--workers 2] [--keep FOLDER]

Targets: at least 500 article pages/s, p99 under 100 ms, memory under 300 MB.
The CPU time the server spent per request is printed too: it does not depend
on what else the machine is doing, and 2 cores divided by it is what the
server could serve on an idle machine.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_pages
from store_bench import as_capture

from wiredesk.desk import IngestSummary, ingest
from wiredesk.model import Capture
from wiredesk.query import Filters
from wiredesk.store import Store

CONTENT_LENGTH = re.compile(rb"content-length:\s*(\d+)", re.IGNORECASE)
QUERY_WORDS = 200


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the store")
    parser.add_argument("--seconds", type=float, default=15.0, help="load per page kind")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured load first")
    parser.add_argument(
        "--connections", type=int, default=10, help="concurrent connections (wrk's default)"
    )
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", metavar="FOLDER", help="keep (and reuse) the store in FOLDER")
    args = parser.parse_args()

    with ExitStack() as stack:
        folder = Path(args.keep or stack.enter_context(tempfile.TemporaryDirectory()))
        folder.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{folder / 'serve-bench.db'}"
        ids, words = prepare(url, args.articles, args.seed)
        print("wiredesk web benchmark")
        print(f"  store        SQLite, {len(ids)} articles ({url})")
        print(
            f"  server       wiredesk serve --workers {args.workers}; "
            f"load: {args.connections} connections, {args.seconds:.0f} s per page kind"
        )
        load_before = "/".join(f"{x:.1f}" for x in os.getloadavg())
        port = free_port()
        server = stack.enter_context(serving(url, port, args.workers))
        rng = random.Random(args.seed)
        kinds = {
            "front": lambda: "/",
            "article": lambda: f"/article/{rng.choice(ids)}",
            "search": lambda: f"/search?q={quote(rng.choice(words))}",
        }
        print(
            f"\n  {'page':<10}{'requests/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'failed':>8}"
            f"{'CPU ms/request':>16}"
        )
        for kind in kinds:
            paths = [kinds[kind]() for _ in range(20_000)]
            load(port, paths, args.warmup, args.connections)  # warm caches and pools
            cpu_before = cpu_seconds(server.pid)
            result = load(port, paths, args.seconds, args.connections)
            served = result.rate * args.seconds + result.failed
            cpu = (cpu_seconds(server.pid) - cpu_before) / max(served, 1)
            print(
                f"  {kind:<10}{result.rate:>12.0f}{result.p50 * 1000:>10.1f}"
                f"{result.p99 * 1000:>10.1f}{result.failed:>8}{cpu * 1000:>16.2f}"
            )
        print(f"\n  memory       {resident_mb(server.pid):.0f} MB resident (all server processes)")
        print(
            f"  machine      {os.cpu_count()} cores; load average before {load_before}, "
            f"after {'/'.join(f'{x:.1f}' for x in os.getloadavg())} "
            "(other work on the machine slows every figure)"
        )
    return 0


def prepare(url: str, articles: int, seed: int) -> tuple[list[int], list[str]]:
    """Article ids and query words of a store holding ``articles`` articles (made if short)."""
    words: list[str] = []
    rng = random.Random(seed)
    with Store(url) as store:
        have = sum(1 for _ in store.articles(Filters(kind="article")))
        if have < articles:
            print(f"  generating   {articles - have} more articles …", flush=True)
            started = time.perf_counter()
            progress = IngestSummary()

            def watch(summary: IngestSummary) -> None:
                nonlocal progress
                progress = summary

            def until_enough() -> Iterator[Capture]:
                for page in generate_pages(10**9, seed=seed + have):
                    if have + progress.articles >= articles:
                        return
                    yield as_capture(page)

            summary = ingest(store, until_enough(), on_capture=watch)
            print(
                f"  generated    {summary.articles} articles, {summary.briefs} briefs "
                f"in {time.perf_counter() - started:.0f} s"
            )
        ids = [article.id for article in store.articles(Filters(kind="article"))]
        for article in rng.sample(ids, min(QUERY_WORDS, len(ids))):
            text = " ".join(block.text for block in store.article(article).article.body).split()
            candidates = [w.strip(".,:;\"'()").lower() for w in text if len(w) > 5]
            if candidates:
                words.append(rng.choice(candidates))
    return ids, words


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class serving:
    """``wiredesk serve`` in a subprocess until the block ends."""

    def __init__(self, url: str, port: int, workers: int) -> None:
        self.command = [
            sys.executable, "-m", "wiredesk", "serve", "--db", url, "--port", str(port),
            "--workers", str(workers),
        ]  # fmt: skip
        self.port = port

    def __enter__(self) -> subprocess.Popen[bytes]:
        self.process = subprocess.Popen(self.command, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    if sock.recv(12).endswith(b"200"):
                        return self.process
            except OSError:
                time.sleep(0.2)
        self.process.kill()
        raise SystemExit("the server did not start")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def family(pid: int) -> list[int]:
    """A process and all its descendants."""
    found: list[int] = []
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        found.append(current)
        pending.extend(int(child) for child in children)
    return found


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) used so far by a process and its descendants' live ones:
    how much work the server did, whatever else the machine was doing."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for member in family(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def resident_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total = 0
    for member in family(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(match.group(1)) * 1024 if match else 0
    return total / 1_000_000


@dataclass(frozen=True, slots=True)
class Result:
    rate: float
    p50: float
    p99: float
    failed: int


def load(port: int, paths: list[str], seconds: float, connections: int) -> Result:
    """Run the load generator in its own process, so that it does not share this one's GIL."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        latencies, failed, elapsed = pool.apply(_load, (port, paths, seconds, connections))
    latencies.sort()
    if not latencies:
        return Result(0.0, 0.0, 0.0, failed)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return Result(len(latencies) / elapsed, statistics.median(latencies), p99, failed)


def _load(
    port: int, paths: list[str], seconds: float, connections: int
) -> tuple[list[float], int, float]:
    return asyncio.run(_drive(port, paths, seconds, connections))


async def _drive(
    port: int, paths: list[str], seconds: float, connections: int
) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    failed = 0
    started = time.perf_counter()
    deadline = started + seconds
    cursor = iter(range(10**12))

    async def connection() -> None:
        nonlocal failed
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline:
                path = paths[next(cursor) % len(paths)]
                request = (
                    f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Accept-Language: nl-NL,nl;q=0.9\r\n\r\n"
                )
                sent = time.perf_counter()
                writer.write(request.encode())
                await writer.drain()
                head = await reader.readuntil(b"\r\n\r\n")
                length = CONTENT_LENGTH.search(head)
                await reader.readexactly(int(length.group(1)) if length else 0)
                if head[9:12] == b"200":
                    latencies.append(time.perf_counter() - sent)
                else:
                    failed += 1
        finally:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(connections)))
    return latencies, failed, time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
