"""Commands that keep and read back: ``ingest``, ``reparse``, ``history``, ``export``, ``stats``."""

from __future__ import annotations

import csv
import json
import sys
from datetime import datetime
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from wiredesk.cli.options import (
    captured_at_option,
    db_option,
    filter_options,
    format_option,
    parse_options,
)
from wiredesk.desk import IngestSummary
from wiredesk.desk import ingest as ingest_captures
from wiredesk.desk import reparse as reparse_store
from wiredesk.json_records import stored_article_to_json, version_to_json
from wiredesk.query import Filters
from wiredesk.sources.files import iter_captures
from wiredesk.store import Store, resolve_url

EXPORT_FIELDS = (
    "id", "kind", "headline", "section", "language", "place", "agencies", "published_at",
    "first_seen_at", "version", "text",
)  # fmt: skip


def open_store(db: str | None) -> Store:
    """The store for ``--db``; one that cannot be opened is a ``StoreError``, a one-line
    message (``Commands``), never a traceback."""
    return Store(resolve_url(db))


def _progress(label: str) -> Progress:
    """A Rich progress display on standard error; silent when that is not a terminal."""
    console = Console(stderr=True)
    return Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        TextColumn("{task.completed} captures"),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    )


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@captured_at_option
@parse_options
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    captured_at: datetime | None,
    language: str | None,
    timezone: str | None,
) -> None:
    """Keep news pages: files, folders (recursively), - for standard input,
    and .jsonl files of {"text" or "html", "captured_at", "url"} records.

    Every capture's bytes are archived; the same capture twice adds nothing,
    and a changed copy of a kept story becomes its next version. Bad files are
    named on standard error and the rest go on (exit status 1).
    """
    with open_store(db) as store, _progress("ingesting") as progress:
        task = progress.add_task("ingest", total=None, detail="")

        def advance(summary: IngestSummary) -> None:
            progress.update(
                task,
                completed=summary.captures,
                detail=f"{summary.articles} articles, {summary.briefs} briefs",
            )

        summary = ingest_captures(
            store,
            iter_captures(paths, captured_at),
            language=language,
            timezone=timezone,
            on_capture=advance,
        )
    for error in summary.errors:
        click.echo(f"wiredesk: {error}", err=True)
    click.echo(
        f"{summary.captures} captures read: {summary.pages} new pages, "
        f"{summary.articles} articles, {summary.briefs} briefs, "
        f"{summary.duplicates} duplicates skipped, {summary.versions} versions added, "
        f"{len(summary.errors)} errors"
    )
    if summary.errors:
        raise SystemExit(1)


@click.command()
@db_option
def reparse(db: str | None) -> None:
    """Rebuild every article from the raw archive with the current parser.

    Runs in one transaction: an interrupted reparse leaves the store as it was.
    """
    with open_store(db) as store, _progress("reparsing") as progress:
        task = progress.add_task("reparse", total=store.capture_count(), detail="")
        total = reparse_store(store, on_capture=lambda _c, _r: progress.advance(task))
    click.echo(
        f"rebuilt from the archive: {total.articles} articles, {total.briefs} briefs, "
        f"{total.versions} versions, {total.duplicates} duplicates"
    )


@click.command()
@click.argument("article_id", type=int, metavar="ID")
@db_option
@format_option("text", "json", help="text: one line per version; json: the versions in full.")
def history(article_id: int, db: str | None, output_format: str) -> None:
    """Show every version of an article, oldest first."""
    with open_store(db) as store:
        versions = store.history(article_id)
    if output_format == "json":
        click.echo(json.dumps([version_to_json(v) for v in versions], ensure_ascii=False))
        return
    for version in versions:
        marker = (
            f" (printed as version {version.printed_version})" if version.printed_version else ""
        )
        click.echo(
            f"v{version.version}  seen {version.seen_at:%Y-%m-%d %H:%M} UTC  "
            f"{version.headline or '(no headline)'}{marker}  [{version.source}]"
        )


@click.command()
@db_option
@filter_options
@format_option("jsonl", "csv", help="jsonl: one article per line in full; csv: one row each.")
def export(db: str | None, filters: Filters, output_format: str) -> None:
    """Stream kept articles to standard output, newest first (constant memory)."""
    with open_store(db) as store:
        articles = store.articles(filters)
        if output_format == "jsonl":
            for stored in articles:
                click.echo(json.dumps(stored_article_to_json(stored), ensure_ascii=False))
            return
        writer = csv.writer(sys.stdout)
        writer.writerow(EXPORT_FIELDS)
        for stored in articles:
            article, dateline = stored.article, stored.article.dateline
            writer.writerow(
                (
                    stored.id,
                    stored.kind,
                    article.headline or "",
                    article.section or "",
                    stored.language or "",
                    dateline.place if dateline and dateline.place else "",
                    "/".join(dateline.agencies) if dateline else "",
                    article.published_at.isoformat() if article.published_at else "",
                    stored.first_seen_at.isoformat(),
                    stored.version,
                    "\n".join(block.text for block in article.body),
                )
            )


@click.command()
@db_option
@format_option("text", "json", help="text: tables; json: one object of counts.")
def stats(db: str | None, output_format: str) -> None:
    """Count kept articles per kind, section, agency, language and day."""
    with open_store(db) as store:
        counts = store.stats()
        captures = store.capture_count()
    if output_format == "json":
        data: dict[str, Any] = {"captures": captures}
        data.update({name: {str(k): v for k, v in rows} for name, rows in counts.items()})
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    click.echo(f"captures: {captures}")
    for name, rows in counts.items():
        click.echo(f"{name}:")
        for key, count in rows:
            click.echo(f"  {count:>8}  {key if key is not None else '(none)'}")
