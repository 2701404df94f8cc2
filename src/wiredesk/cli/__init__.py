"""The ``wiredesk`` command line: one group, a module per family of commands."""

from __future__ import annotations

import click

from wiredesk import __version__
from wiredesk.cli.options import Commands, Registered

# Every command: its name, the module defining it under that name, and its one-line help
# (the first sentence of its own, which tests/test_cli_commands.py checks). A module is
# imported when its command runs, so `wiredesk parse` loads neither the web server nor
# the database: on 2026-12-04 `wiredesk parse samples/anp-buitenland.txt` took 0.64 s
# of CPU instead of 1.82 s, `wiredesk --help` 0.09 s instead of 1.23 s (`/usr/bin/time`).
# A new command is one more line here.
COMMANDS = [
    Registered(
        "demo",
        "wiredesk.cli.serve_commands",
        "Keep the bundled sample pages in a SQLite file and serve them.",
    ),
    Registered(
        "entities",
        "wiredesk.cli.entity_commands",
        "List the places, people and organisations the kept stories name most.",
    ),
    Registered(
        "export",
        "wiredesk.cli.store_commands",
        "Stream kept articles to standard output, newest first (constant memory).",
    ),
    Registered(
        "feeds",
        "wiredesk.cli.feeds_commands",
        "Poll RSS and Atom feeds: each new entry becomes a capture, kept like an ingested page.",
    ),
    Registered(
        "history",
        "wiredesk.cli.store_commands",
        "Show every version of an article, oldest first.",
    ),
    Registered(
        "ingest",
        "wiredesk.cli.store_commands",
        "Keep news pages: files, folders (recursively), - for standard input, and .jsonl "
        'files of {"text" or "html", "captured_at", "url"} records.',
    ),
    Registered(
        "parse",
        "wiredesk.cli.parse_command",
        "Parse news pages (copied text or saved HTML; - reads standard input) into articles.",
    ),
    Registered(
        "quotes",
        "wiredesk.cli.entity_commands",
        "List what was said in the kept stories, newest first: the quote, its speaker "
        "(name, role and id, as far as the copy says) and the story it is in.",
    ),
    Registered(
        "reparse",
        "wiredesk.cli.store_commands",
        "Rebuild every article from the raw archive with the current parser.",
    ),
    Registered(
        "search",
        "wiredesk.cli.search_command",
        "Search kept articles and briefs.",
    ),
    Registered(
        "serve",
        "wiredesk.cli.serve_commands",
        "Serve the web reader, its JSON twins, Atom feeds and the JSON API.",
    ),
    Registered(
        "stats",
        "wiredesk.cli.store_commands",
        "Count kept articles per kind, section, agency, language and day.",
    ),
    Registered(
        "watch",
        "wiredesk.cli.watch_command",
        "Take in the files agencies deliver into a drop folder DIR (by FTP or SFTP), as "
        "`wiredesk ingest` takes a file, until stopped (Ctrl-C or SIGTERM).",
    ),
]


@click.group(
    cls=Commands,
    registered=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="wiredesk")
def main() -> None:
    """wiredesk turns raw news copy into structured, searchable articles.

    Start with `wiredesk parse PAGE.txt` to see what a page holds, then
    `wiredesk ingest FOLDER` to keep pages and `wiredesk search WORDS` to find
    them again; `wiredesk entities` and `wiredesk quotes` list who and where
    they name most and who said what; `wiredesk watch DIR` takes in the files agencies deliver
    into a folder as they arrive. The database is a SQLite file in your data
    folder unless --db or WIREDESK_DB says otherwise (postgresql+psycopg://...
    works too).
    `wiredesk serve` shows them in a browser; `wiredesk demo` does so with the
    bundled sample pages.
    """


__all__ = ["COMMANDS", "main"]
