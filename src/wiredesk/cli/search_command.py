"""``wiredesk search``: find kept articles by their words, newest and best first."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import click
from rich.console import Console
from rich.text import Text

from wiredesk import desk
from wiredesk.cli.options import db_option, filter_options, format_option
from wiredesk.cli.store_commands import open_store
from wiredesk.errors import QueryError
from wiredesk.json_records import hit_to_json
from wiredesk.query import Filters


@click.command()
@click.argument("query")
@db_option
@filter_options
@click.option(
    "--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many results."
)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many results first.")
@format_option("text", "json", help="text: a list with snippets; json: one object per line.")
def search(
    query: str, db: str | None, filters: Filters, limit: int, offset: int, output_format: str
) -> None:
    """Search kept articles and briefs.

    Words are matched in any form ("soldaat" finds "soldaten"); "quoted words"
    are a phrase; OR joins alternatives; -word or NOT word leaves a word out.
    """
    with open_store(db) as store:
        try:
            found = desk.search(
                store, query, filters, now=datetime.now(UTC), limit=limit, offset=offset
            )
        except QueryError as error:
            raise click.UsageError(f"cannot search for {query!r}: {error}") from None
    hits = found.hits
    if output_format == "json":
        for hit in hits:
            click.echo(json.dumps(hit_to_json(hit), ensure_ascii=False))
        return
    console = Console(highlight=False, soft_wrap=True)
    if not hits:
        console.print("no matches")
    for hit in hits:
        when = hit.published_at or hit.dated_at
        place = f"{hit.place} ({'/'.join(hit.agencies)})  " if hit.place else ""
        console.print(
            Text.assemble(
                (f"[{hit.id}] ", "dim"),
                (hit.headline or "(no headline)", "bold"),
                f"  {hit.kind}, {hit.section or 'no section'}, {when:%Y-%m-%d %H:%M} UTC",
            )
        )
        snippet = Text(f"    {place}{hit.snippet.text}")
        shift = 4 + len(place)
        for start, end in hit.snippet.highlights:
            snippet.stylize("bold yellow", start + shift, end + shift)
        console.print(snippet)
