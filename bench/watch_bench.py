"""The drop-folder benchmark: files per second through ``wiredesk watch DIR --once``, beside
``wiredesk ingest`` of the same files.

Generates stories with ``bench/wire_generate.py`` (not timed), writes each as one
file into a drop folder, NewsML-G2 and IPTC 7901 telex in turn, then runs
``wiredesk watch DIR --once --settle 0`` into a new SQLite file, and
``wiredesk ingest`` of the same files (a copy) into another. It prints, for each,
files per second of wall time and of the process's CPU time, and what the store
holds. A watch keeps a file per transaction and moves it once it is committed; an
ingest keeps up to 500 captures per transaction: the ratio is the price of that.

    .venv/bin/python bench/watch_bench.py [--files N] [--seed S] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wire_generate import generate_item


def write_items(folder: Path, files: int, seed: int) -> None:
    folder.mkdir(parents=True)
    for index in range(files):
        story = generate_item(index, seed=seed)
        if index % 2:
            (folder / f"item-{index:06}.txt").write_bytes(story.telex)
        else:
            (folder / f"item-{index:06}.xml").write_bytes(story.newsml_g2)


def run(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of the child, and its last line of output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", *command],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"wiredesk {command[0]} failed:\n{result.stderr[-2000:]}")
    return wall, cpu, result.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="a folder to leave the files and stores in")
    options = parser.parse_args()

    work = options.keep or Path(tempfile.mkdtemp(prefix="watch-bench-"))
    drop, copies = work / "drop", work / "copies"
    try:
        write_items(drop, options.files, options.seed)
        shutil.copytree(drop, copies)
        files = sorted(str(path) for path in copies.iterdir())
        print(f"{options.files} files (NewsML-G2 and IPTC 7901 in turn), one SQLite store each")
        watch_db, ingest_db = work / "watched.db", work / "ingested.db"
        watch = ["watch", str(drop), "--once", "--settle", "0", "--db", str(watch_db)]
        ingest = ["ingest", *files, "--db", str(ingest_db)]
        for name, command in (("watch --once", watch), ("ingest FILES", ingest)):
            wall, cpu, last = run(command)
            print(
                f"{name:<13} {options.files / wall:8.0f} files/s wall, "
                f"{options.files / cpu:8.0f} files/CPU s  ({wall:.1f} s, {cpu:.1f} CPU s)"
            )
            print(f"{'':<13} {last}")
        done = len(os.listdir(drop / "done"))
        print(f"done/ holds {done} files, failed/ {len(os.listdir(drop / 'failed'))}")
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
