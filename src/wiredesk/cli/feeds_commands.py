"""``wiredesk feeds``: add, list, remove, poll and watch RSS and Atom feeds; OPML in and out."""

from __future__ import annotations

import json
import re
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from wiredesk.cli.options import db_option, format_option
from wiredesk.cli.store_commands import open_store
from wiredesk.desk import add_feed
from wiredesk.errors import WiredeskError
from wiredesk.json_records import feed_to_json
from wiredesk.sources.files import read_bounded, source_name
from wiredesk.sources.opml import read_opml, write_opml

if TYPE_CHECKING:
    from wiredesk.poller import FeedResult, Poller, PollSummary

DEFAULT_INTERVAL = "15m"
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
INTERVAL = re.compile(r"(\d+)([smhd])")


class Interval(click.ParamType):  # type: ignore[type-arg]
    """A poll interval: 90s, 15m, 1h, 1h30m, 1d; a bare number is seconds."""

    name = "INTERVAL"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().lower()
        if text.isdigit():
            seconds = int(text)
        elif text and INTERVAL.sub("", text) == "":
            seconds = sum(int(n) * UNITS[unit] for n, unit in INTERVAL.findall(text))
        else:
            self.fail(f"{value!r} is not an interval such as 90s, 15m, 1h or 1h30m")
        if seconds < 1:
            self.fail("the interval must be at least 1 second")
        return seconds


def _interval_text(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _time(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC" if moment else "never"


@click.group()
def feeds() -> None:
    """Poll RSS and Atom feeds: each new entry becomes a capture, kept like an ingested page.

    Add feeds with `wiredesk feeds add URL`, take their news in with
    `wiredesk feeds poll` (once, for cron) or `wiredesk feeds watch` (until
    stopped), and see how each feed is doing with `wiredesk feeds list` (or on the
    /feeds page of `wiredesk serve`).
    """


def feed_options(function: Any) -> Any:
    function = click.option(
        "--allow-private",
        is_flag=True,
        help="Allow a feed (and its pages) on a private, loopback or link-local address. "
        "Refused by default: a server must not be turned against its own network.",
    )(function)
    function = click.option(
        "--fetch-articles",
        is_flag=True,
        help="Take each entry's linked page (parsed as HTML, robots.txt honoured) "
        "instead of the entry's summary.",
    )(function)
    function = click.option(
        "--interval",
        type=Interval(),
        default=DEFAULT_INTERVAL,
        show_default=True,
        help="How often it is due: 90s, 15m, 1h, 1h30m... (`feeds watch` and `feeds poll` "
        "poll a feed when it is due).",
    )(function)
    return function


@feeds.command()
@click.argument("url")
@click.option(
    "--section",
    help="The feed's section (Buitenland, World...), kept with the feed and in OPML, and "
    "given to its articles whose page names no section itself.",
)
@feed_options
@db_option
def add(
    url: str,
    section: str | None,
    interval: int,
    fetch_articles: bool,
    allow_private: bool,
    db: str | None,
) -> None:
    """Add a feed (RSS 0.9x, 1.0, 2.0 or Atom) to poll; it is due at once."""
    with open_store(db) as store:
        added = add_feed(
            store,
            url,
            section=section,
            interval_seconds=interval,
            is_fetching_articles=fetch_articles,
            is_private_allowed=allow_private,
        )
    if added.warning is not None:
        click.echo(f"wiredesk: warning: {added.warning}", err=True)
    feed = added.feed
    click.echo(f"added feed {feed.id}: {feed.url} (every {_interval_text(feed.interval_seconds)})")


@feeds.command(name="list")
@db_option
@format_option("text", "json", help="text: one block per feed; json: a list of feeds.")
def list_feeds(db: str | None, output_format: str) -> None:
    """Show every feed: status, title, last success, last error, items seen, next poll."""
    with open_store(db) as store:
        found = store.feeds()
    if output_format == "json":
        click.echo(json.dumps([feed_to_json(feed) for feed in found], ensure_ascii=False))
        return
    if not found:
        click.echo("no feeds: add one with `wiredesk feeds add URL`")
        return
    for feed in found:
        section = f"  [section {feed.section}]" if feed.section else ""
        click.echo(f"{feed.id:>4}  {feed.status:<5}  {feed.url}{section}")
        if feed.title:
            click.echo(f"      {feed.title}")
        click.echo(
            f"      every {_interval_text(feed.interval_seconds)}, "
            f"{feed.items_seen} items seen, last success {_time(feed.last_success_at)}, "
            f"next poll {_time(feed.next_poll_at)}"
        )
        if feed.last_error:
            after = f" ({feed.failures} in a row)" if feed.failures > 1 else ""
            click.echo(f"      last error{after}: {feed.last_error}")


@feeds.command()
@click.argument("feed", metavar="URL|ID")
@db_option
def remove(feed: str, db: str | None) -> None:
    """Stop polling a feed. The news already taken from it stays."""
    with open_store(db) as store:
        removed = store.remove_feed(feed)
    click.echo(f"removed feed {removed.id}: {removed.url}")


def _report(result: FeedResult) -> None:
    url = result.feed.url
    if result.error is not None:
        click.echo(f"wiredesk: {url}: {result.error}", err=True)
    elif result.is_not_modified:
        click.echo(f"{url}: not modified")
    else:
        kept = result.ingest
        detail = f", {kept.articles} articles, {kept.briefs} briefs" if kept else ""
        click.echo(f"{url}: {result.entries} entries, {result.new_entries} new{detail}")
    for problem in result.page_errors:
        click.echo(f"wiredesk: {problem}", err=True)


def _summary_line(summary: PollSummary) -> str:
    return (
        f"{summary.polls} feeds polled: {summary.not_modified} not modified, "
        f"{summary.new_entries} new entries, {summary.articles} articles, "
        f"{summary.briefs} briefs, {summary.duplicates} duplicates skipped, "
        f"{summary.versions} versions added, {len(summary.errors)} feeds with errors"
    )


@contextmanager
def _polling(db: str | None) -> Iterator[Poller]:
    """A poller over the store ``db`` names, fetching over HTTP. Imported here: the HTTP
    client and the feed reader load for the commands that poll, not for ``feeds list``."""
    from wiredesk.poller import Poller
    from wiredesk.sources.http import Fetcher

    with open_store(db) as store, Fetcher() as fetcher:
        yield Poller(store, fetcher)


@feeds.command()
@click.option(
    "--all",
    "is_all",
    is_flag=True,
    help="Poll every feed now, due or not (feeds backing off after an error still wait).",
)
@db_option
def poll(is_all: bool, db: str | None) -> None:
    """Poll each due feed once and keep its new entries; for cron. Exit status 1 if a feed
    failed (it is named on standard error; the others are polled all the same)."""
    with _polling(db) as poller:
        # A feed's error is reported and the others go on; the store's ends the poll.
        summary = poller.poll(is_due_only=not is_all, on_feed=_report)
    for problem in summary.copy_errors:
        click.echo(f"wiredesk: {problem}", err=True)
    click.echo(_summary_line(summary))
    if summary.errors:
        raise SystemExit(1)


@feeds.command()
@db_option
def watch(db: str | None) -> None:
    """Poll every feed on its own interval (with jitter) until stopped (Ctrl-C or SIGTERM),
    then print a summary. A failing feed waits longer each time; the others go on."""
    stop = threading.Event()

    def ask_to_stop(_number: int, _frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, ask_to_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with _polling(db) as poller:
            click.echo("watching feeds; stop with Ctrl-C", err=True)
            total = poller.watch(
                stop,
                on_feed=_report,
                on_round=lambda summary: sys.stdout.flush(),
            )
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    click.echo(f"stopped. {_summary_line(total)}")


@feeds.command(name="import")
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE.opml")
@feed_options
@db_option
def import_opml(
    path: str, interval: int, fetch_articles: bool, allow_private: bool, db: str | None
) -> None:
    """Add the feeds an OPML file lists (their category, or folder, becomes their section).
    Feeds already in the list are left as they are."""
    name = source_name(path)  # one line, valid UTF-8, whatever the file is called
    try:
        if path == "-":
            data = read_bounded(sys.stdin.buffer, name)
        else:
            with open(path, "rb") as file:
                data = read_bounded(file, name)
        listed = read_opml(data, name)
    except OSError as error:
        raise click.ClickException(f"{name}: {error.strerror}") from None
    added = known = failed = 0
    with open_store(db) as store:
        have = {feed.url for feed in store.feeds()}
        for item in listed:
            if item.url in have:
                known += 1
                continue
            try:
                warning = add_feed(
                    store,
                    item.url,
                    section=item.section,
                    interval_seconds=interval,
                    is_fetching_articles=fetch_articles,
                    is_private_allowed=allow_private,
                ).warning
            except WiredeskError as error:
                failed += 1
                click.echo(f"wiredesk: {error}", err=True)
                continue
            if warning is not None:
                click.echo(f"wiredesk: warning: {warning}", err=True)
            have.add(item.url)
            added += 1
    click.echo(
        f"{len(listed)} feeds in {name}: {added} added, {known} already there, {failed} refused"
    )
    if failed:
        raise SystemExit(1)


@feeds.command(name="export")
@db_option
def export_opml(db: str | None) -> None:
    """Print the feed list as OPML 2.0, for another feed reader or another wiredesk."""
    with open_store(db) as store:
        click.echo(write_opml(store.feeds()), nl=False)
