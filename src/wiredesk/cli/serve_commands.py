"""``wiredesk serve`` and ``wiredesk demo``: the web reader, the JSON API and the feeds."""

from __future__ import annotations

import os
import signal
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import click

from wiredesk.cli.options import check_zone, db_option
from wiredesk.cli.store_commands import open_store
from wiredesk.desk import load_samples
from wiredesk.serve.app import TOKEN_VARIABLE
from wiredesk.serve.server import run
from wiredesk.serve.settings import DEFAULT_ZONE, Settings, read_base_url
from wiredesk.store import resolve_url


def _read_token(token_file: str | None) -> str | None:
    if token_file is None:
        return os.environ.get(TOKEN_VARIABLE) or None
    try:
        token = Path(token_file).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise click.BadParameter(f"cannot read {token_file}: {error.strerror}") from None
    if not token:
        raise click.BadParameter(f"{token_file} is empty")
    return token


def _exit_on_signal(number: int, _frame: object) -> None:
    raise SystemExit(128 + number)


def _where(host: str, port: int) -> str:
    return f"http://{host}:{port}/" if ":" not in host else f"http://[{host}]:{port}/"


def _check_base_url(_context: object, _parameter: object, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return read_base_url(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def server_options(function: click.decorators.FC) -> click.decorators.FC:
    function = click.option(
        "--base-url",
        metavar="URL",
        callback=_check_base_url,
        help="The address readers reach the site at (https://news.example/): the Atom "
        "feeds' ids and links use it. Default: the address each request names (Host).",
    )(function)
    function = click.option(
        "--timezone",
        default=DEFAULT_ZONE,
        show_default=True,
        callback=check_zone,
        help="The zone times are shown in.",
    )(function)
    function = click.option(
        "--port", type=click.IntRange(1, 65535), default=8000, show_default=True
    )(function)
    return click.option(
        "--host", default="127.0.0.1", show_default=True, help="Address to listen on."
    )(function)


@click.command()
@server_options
@db_option
@click.option(
    "--token-file",
    metavar="PATH",
    help="A file holding the token that POST /api/v1/captures needs. Default: the "
    "WIREDESK_TOKEN environment variable; with neither the server is read-only.",
)
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes."
)
def serve(
    host: str,
    port: int,
    timezone: str,
    base_url: str | None,
    db: str | None,
    token_file: str | None,
    workers: int,
) -> None:
    """Serve the web reader, its JSON twins, Atom feeds and the JSON API.

    Pages: / (front), /section/NAME, /article/ID, /search?q=..., /place/NAME,
    /agency/NAME; add .json for the same page as JSON. The API is under
    /api/v1 (schema at /api/openapi.json, docs at /api/docs).
    """
    url = resolve_url(db)
    with open_store(url):  # a database that cannot be opened is a message, not a traceback
        pass
    settings = Settings(db=url, token=_read_token(token_file), zone=timezone, base_url=base_url)
    mode = "read and write" if settings.token else "read-only"
    click.echo(f"wiredesk serving {url} ({mode}) on {_where(host, port)} — Ctrl-C stops", err=True)
    run(settings, host=host, port=port, workers=workers)


@click.command()
@server_options
@click.option(
    "--db",
    "db",
    metavar="PATH",
    help="SQLite file to keep the samples in. Default: a new file in a temporary folder.",
)
def demo(host: str, port: int, timezone: str, base_url: str | None, db: str | None) -> None:
    """Keep the bundled sample pages in a SQLite file and serve them.

    The pages are taken as captured this morning, so their ages read true: the
    ANP sample's rail "Meer uit Buitenland" shows briefs of 1 to 5 hours ago.
    """
    folder = None
    if db is None:
        folder = tempfile.TemporaryDirectory(prefix="wiredesk-demo-")
        db = str(Path(folder.name) / "demo.db")
    url = resolve_url(db)
    with open_store(url) as store:
        summary = load_samples(store, datetime.now(UTC))
    click.echo(
        f"kept the samples in {url}: {summary.articles} articles, {summary.briefs} briefs",
        err=True,
    )
    click.echo(f"open {_where(host, port)} — Ctrl-C stops", err=True)
    # Stopped by SIGTERM too, the demo removes its temporary store: the server hands
    # the signal back when it has shut down, and this turns it into an exit.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        run(Settings(db=url, zone=timezone, base_url=base_url), host=host, port=port)
    finally:
        if folder is not None:
            folder.cleanup()
