"""The ``wiredesk`` command line: one group, a module per family of commands."""

from __future__ import annotations

import click

from wiredesk import __version__
from wiredesk.cli.entity_commands import entities, quotes
from wiredesk.cli.feeds_commands import feeds
from wiredesk.cli.options import Commands
from wiredesk.cli.parse_command import parse
from wiredesk.cli.search_command import search
from wiredesk.cli.serve_commands import demo, serve
from wiredesk.cli.store_commands import export, history, ingest, reparse, stats
from wiredesk.cli.watch_command import watch


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
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


for command in (
    parse, ingest, watch, reparse, search, history, export, stats, entities, quotes, serve,
    demo, feeds,
):  # fmt: skip
    main.add_command(command)

__all__ = ["main"]
