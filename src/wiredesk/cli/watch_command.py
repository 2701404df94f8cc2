"""``wiredesk watch DIR``: take in the files agencies deliver into a drop folder."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

import click

from wiredesk.cli.options import db_option, parse_options
from wiredesk.cli.store_commands import open_store
from wiredesk.sources.drops import DropFolder
from wiredesk.watcher import FileTaken, Watcher, WatchSummary

DEFAULT_SETTLE_SECONDS = 5.0


def _report(folder: Path, taken: FileTaken) -> None:
    """One line for a file taken: on standard output where it went and what it added; on
    standard error, for a file that held no page, why."""
    kept = taken.kept
    if taken.moved_to is None:
        click.echo(f"wiredesk: {taken.problem}", err=True)
        return
    where = taken.moved_to.relative_to(folder)
    if taken.is_failed:
        first, *more = kept.errors or [f"{taken.path}: holds no capture"]
        also = f" and {len(more)} more" if more else ""
        click.echo(f"wiredesk: {first}{also} (moved to {where})", err=True)
        return
    if kept.kept_before == kept.captures:
        added = "kept before, nothing added"
    else:
        added = (
            f"{kept.articles} articles, {kept.briefs} briefs, {kept.versions} versions added, "
            f"{kept.duplicates} duplicates skipped"
        )
    click.echo(f"{taken.path.name} -> {where}: {added}")
    for error in kept.errors:  # records of a JSON Lines file that held no page
        click.echo(f"wiredesk: {error}", err=True)
    sys.stdout.flush()


def _summary_line(summary: WatchSummary) -> str:
    return (
        f"{summary.files} files: {summary.done} done, {summary.failed} failed; "
        f"{summary.articles} articles, {summary.briefs} briefs, "
        f"{summary.versions} versions added, {summary.duplicates} duplicates skipped"
    )


@click.command()
@click.argument(
    "folder", type=click.Path(exists=True, file_okay=False, path_type=Path), metavar="DIR"
)
@click.option(
    "--settle",
    type=click.FloatRange(min=0),
    default=DEFAULT_SETTLE_SECONDS,
    show_default=True,
    metavar="SECONDS",
    help="How long a file's size and modification time must stay the same before it is "
    "taken as complete.",
)
@click.option(
    "--once",
    is_flag=True,
    help="Take the files that are complete now and exit (for cron): exit status 1 if one "
    "went to failed/. Files still arriving are left for the next run.",
)
@db_option
@parse_options
def watch(
    folder: Path,
    settle: float,
    once: bool,
    db: str | None,
    language: str | None,
    timezone: str | None,
) -> None:
    """Take in the files agencies deliver into a drop folder DIR (by FTP or SFTP), as
    `wiredesk ingest` takes a file, until stopped (Ctrl-C or SIGTERM).

    A file is taken once its size and time have stopped changing (--settle), and
    then moved to DIR/done/, or to DIR/failed/ with NAME.reason beside it when it
    cannot be read. Names uploaders give a file still arriving (dotfiles, *.tmp,
    *.part, *.filepart, NAME~) and sub-folders are left alone. Run again, it takes
    no file twice: what is in done/ stays there, and a capture kept before adds
    nothing. A name already in done/ or failed/ gets a number (item.1.xml).
    """
    stop = threading.Event()

    def ask_to_stop(_number: int, _frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, ask_to_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        drop_folder = DropFolder(folder, settle_seconds=settle)
        with open_store(db) as store:
            watcher = Watcher(store, drop_folder, language=language, timezone=timezone)
            if once:
                summary = watcher.once(stop, on_file=lambda taken: _report(folder, taken))
            else:
                click.echo(f"watching {folder}; stop with Ctrl-C", err=True)
                summary = watcher.watch(stop, on_file=lambda taken: _report(folder, taken))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if once:
        for path in drop_folder.arriving():
            click.echo(f"{path.name}: still arriving, left for the next run")
        click.echo(_summary_line(summary))
        if summary.failed or summary.errors:
            raise SystemExit(1)
        return
    click.echo(f"stopped. {_summary_line(summary)}")
