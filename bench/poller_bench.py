"""The poller's memory and speed: many polls of many feeds served on 127.0.0.1.

A server in this process serves ``--feeds`` RSS feeds (default 50). Each
feed changes every ``--change-every`` rounds (one new entry; it lists its 20
latest), and answers a matching ``If-None-Match`` with 304 otherwise, as real
feeds do. The poller polls every feed ``--rounds`` times (default 1,000) into
a SQLite store and prints its resident memory (RSS, now and peak) at 0, 10,
25, 50, 75 and 100% of the run, with the count of Python objects and what
SQLite holds (its page caches fill up to their bound as the store grows),
then polls per second, the share of 304s and what was kept. The memory must
stay flat once the first rounds are done and the caches are full.

    .venv/bin/python bench/poller_bench.py [--rounds 1000] [--feeds 50] [--db URL]
"""

from __future__ import annotations

import _sqlite3
import argparse
import ctypes
import gc
import random
import resource
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from wiredesk.poller import Poller, PollSummary
from wiredesk.sources.http import Fetcher
from wiredesk.store import Store

PLACES = ("DEN HAAG", "AMSTERDAM", "BRUSSEL", "BERLIJN", "PARIJS", "LONDEN", "WASHINGTON")
WORDS = (
    "kabinet", "minister", "gemeente", "rechter", "politie", "onderzoek", "begroting",
    "verkiezingen", "haven", "spoorwegen", "ziekenhuis", "school", "boeren", "energie",
)  # fmt: skip


class BenchServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, change_every: int) -> None:
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.round = 0
        self.change_every = change_every
        self.served = {200: 0, 304: 0}
        self.lock = threading.Lock()

    def version(self, feed: int) -> int:
        return (self.round + feed) // self.change_every


def story(feed: int, number: int) -> tuple[str, str]:
    """A story of its own: other places, other words, so that the store keeps each one."""
    pick = random.Random(feed * 100_003 + number)
    words = [f"{pick.choice(WORDS)}{pick.randrange(1000)}" for _ in range(40)]
    place = f"{pick.choice(PLACES)}-{pick.randrange(10_000)}"
    title = " ".join(words[:6]).capitalize()
    text = f"{place} (ANP) - De {' en de '.join(words[6:])}."
    return title, text


class FeedHandler(BaseHTTPRequestHandler):
    server: BenchServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        feed = int(self.path.rsplit("/", 1)[1].split(".")[0])
        version = self.server.version(feed)
        etag = f'"{feed}-{version}"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", etag)
            return
        items = "".join(
            f"<item><title>{title}</title><link>http://news.example/{feed}/{n}</link>"
            f"<guid>{feed}-{n}</guid><description>{text}</description></item>"
            for n in range(max(0, version - 19), version + 1)
            for title, text in (story(feed, n),)
        )
        body = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
            f"<link>http://news.example/{feed}</link><description>b</description>{items}"
            "</channel></rss>"
        ).encode()
        self._send(200, body, etag)

    def _send(self, status: int, body: bytes, etag: str) -> None:
        with self.server.lock:
            self.server.served[status] += 1
        self.send_response(status)
        self.send_header("ETag", etag)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def rss_now_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def rss_peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@cache
def _sqlite_library() -> ctypes.CDLL | None:
    try:
        library = ctypes.CDLL(_sqlite3.__file__)
    except OSError:  # SQLite linked in statically: its figure is not to be had
        return None
    library.sqlite3_memory_used.restype = ctypes.c_int64
    return library


def sqlite_mib() -> float:
    """What SQLite holds in memory (mostly its page caches, each bounded by its size)."""
    library = _sqlite_library()
    return float("nan") if library is None else float(library.sqlite3_memory_used()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1000, help="polls of every feed")
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--change-every", type=int, default=10, help="rounds between changes")
    parser.add_argument("--db", help="store URL (default: a SQLite file in a temporary folder)")
    options = parser.parse_args()

    server = BenchServer(options.change_every)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    folder = tempfile.TemporaryDirectory(prefix="wiredesk-poller-bench-")
    url = options.db or f"sqlite:///{folder.name}/bench.db"
    base = f"http://127.0.0.1:{server.server_address[1]}"
    marks = {round(options.rounds * share / 100): share for share in (10, 25, 50, 75, 100)}
    total = PollSummary()
    try:
        with Store(url) as store, Fetcher() as fetcher:
            for feed in range(options.feeds):
                store.add_feed(
                    f"{base}/feeds/{feed}.xml", section=None, interval_seconds=900,
                    is_fetching_articles=False, is_private_allowed=True,
                    now=datetime.now(UTC),
                )  # fmt: skip
            poller = Poller(store, fetcher)
            print(f"{options.feeds} feeds, {options.rounds} rounds, store {url}")
            print(f"   0%  RSS {rss_now_kib() / 1024:7.1f} MiB  (peak {rss_peak_kib() / 1024:.1f})")
            started = time.perf_counter()
            cpu_started = time.process_time()
            for number in range(1, options.rounds + 1):
                server.round = number
                total.merge(poller.poll(is_due_only=False))
                if number in marks:
                    elapsed = time.perf_counter() - started
                    print(
                        f"{marks[number]:>4}%  RSS {rss_now_kib() / 1024:7.1f} MiB  "
                        f"(peak {rss_peak_kib() / 1024:.1f})  {total.polls:>7} polls  "
                        f"{total.polls / elapsed:7.0f} polls/s  "
                        f"{len(fetcher.host_locks)} host locks  "
                        f"{len(gc.get_objects()):,} Python objects  "
                        f"{sys.getallocatedblocks():,} Python blocks  "
                        f"SQLite {sqlite_mib():.1f} MiB"
                    )
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            captures = store.capture_count()
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
        folder.cleanup()
    print(
        f"{total.polls} polls in {elapsed:.1f} s wall, {cpu:.1f} s CPU (server included): "
        f"{total.polls / elapsed:.0f} polls/s"
    )
    print(
        f"answers: {server.served[304]} x 304, {server.served[200]} x 200; "
        f"{total.new_entries} new entries, {total.articles} articles, {captures} captures kept, "
        f"{len(total.errors)} errors"
    )


if __name__ == "__main__":
    main()
