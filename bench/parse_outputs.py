"""What the parser makes of a set of pages, as JSON Lines: to show that a change kept it.

A change meant to make the parser faster must not change what it finds. Run
this before and after the change and compare the two files byte for byte:

    .venv/bin/python bench/parse_outputs.py --pages 500 FILE_OR_FOLDER ... > before.jsonl
    (change the parser)
    .venv/bin/python bench/parse_outputs.py --pages 500 FILE_OR_FOLDER ... > after.jsonl
    cmp before.jsonl after.jsonl

Each file (folders are searched for ``*.txt``, ``*.html`` and ``*.html.gz``, the
last as the HTML benchmark keeps its pages, unpacked first) is read the way
``wiredesk parse`` reads it (``parse_capture``: wire copy, HTML or text, told
by the bytes); a ``.txt`` file is also given to ``parse_text`` and an
``.html`` file to ``parse_html`` directly, and then ``--pages`` pages of
``bench/generate.py`` to ``parse_text``. Every page is taken as captured at
one fixed time, so the output depends on the parser alone. A file the parser
refuses prints its error in place of the page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from generate import generate_pages

from wiredesk import parse_html, parse_text
from wiredesk.errors import WiredeskError
from wiredesk.json_records import page_to_json
from wiredesk.model import Capture
from wiredesk.parse import parse_capture

CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)
SUFFIXES = (".txt", ".html", ".html.gz")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Print the parser's output for files and generated pages, one JSON per line."
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders of pages")
    parser.add_argument("--pages", type=int, default=500, help="generated pages (default 500)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    args = parser.parse_args(argv)
    for path in page_files(args.paths):
        data = read_page(path)
        _print(str(path), "capture", _captured(path, data))
        text = data.decode("utf-8", errors="replace")
        if path.suffix == ".txt":
            _print(str(path), "text", page_to_json(parse_text(text, captured_at=CAPTURED_AT)))
        elif path.name.endswith((".html", ".html.gz")):
            _print(str(path), "html", page_to_json(parse_html(text, captured_at=CAPTURED_AT)))
    for page in generate_pages(args.pages, seed=args.seed):
        parsed = parse_text(page.text, captured_at=page.captured_at)
        _print(f"generated {page.index}", "text", page_to_json(parsed))
    return 0


def read_page(path: Path) -> bytes:
    """A page file's bytes, a gzipped one (``.html.gz``) unpacked."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".html.gz") else data


def page_files(paths: Sequence[Path]) -> Iterator[Path]:
    """The .txt and .html files given, and those in the folders given, in order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.name.endswith(SUFFIXES))
        else:
            yield path


def _captured(path: Path, data: bytes) -> dict[str, Any]:
    capture = Capture(
        data=data, source=str(path), captured_at=CAPTURED_AT, captured_at_from="given"
    )
    try:
        return page_to_json(parse_capture(capture))
    except WiredeskError as error:
        return {"error": str(error)}


def _print(source: str, reader: str, page: dict[str, Any]) -> None:
    line = json.dumps({"file": source, "reader": reader, "page": page}, ensure_ascii=False)
    sys.stdout.write(line + "\n")


if __name__ == "__main__":
    sys.exit(main())
