"""The ``wiredesk`` command line."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from wiredesk import __version__
from wiredesk.desk import parse_capture
from wiredesk.errors import WiredeskError
from wiredesk.model import Capture, Page
from wiredesk.page_json import page_to_json
from wiredesk.sources.files import read_capture

TEXT_WIDTH = 72


class IsoTime(click.ParamType):  # type: ignore[type-arg]
    """An ISO-8601 time; without an offset it is taken as UTC."""

    name = "ISO-8601"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not an ISO-8601 time such as 2026-03-18T14:00:00+00:00")
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _check_zone(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"{value!r} is not a time zone such as Europe/Amsterdam") from None
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wiredesk")
def main() -> None:
    """wiredesk turns raw news copy into structured articles.

    Start with `wiredesk parse PAGE.txt`: it prints the headline, dateline,
    body, rails of briefs with their times, and what was left out.
    """


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--captured-at",
    type=IsoTime(),
    help="When the pages were captured (ISO-8601, UTC if no offset). Ages such as "
    "'1 uur geleden' count back from it. Default: each file's modification time; "
    "for standard input, now.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="json: one object per page (JSON Lines for several files); text: a short summary.",
)
@click.option("--language", help="The pages' language (nl, en, de, fr...); default: detected.")
@click.option(
    "--timezone",
    callback=_check_zone,
    help="Zone for times printed without one (IANA name, e.g. Europe/Amsterdam). "
    "Default: the language's own (Amsterdam, Berlin, Paris; UTC for English).",
)
@click.option("--encoding", help="Read the files in this encoding instead of UTF-8 (e.g. cp1252).")
def parse(
    files: tuple[str, ...],
    captured_at: datetime | None,
    output_format: str,
    language: str | None,
    timezone: str | None,
    encoding: str | None,
) -> None:
    """Parse news pages (text files; - reads standard input) into articles.

    A file that cannot be read or holds no article gets a one-line message on
    standard error; the other files are still parsed, and the exit status is 1.
    """
    failed = False
    for path in files:
        try:
            capture = read_capture(path, captured_at)
            page = parse_capture(capture, language=language, timezone=timezone, encoding=encoding)
        except WiredeskError as error:
            click.echo(f"wiredesk: {error}", err=True)
            failed = True
            continue
        if output_format == "json":
            click.echo(json.dumps(_capture_json(page, capture), ensure_ascii=False))
        else:
            click.echo(_summary(page, capture))
    if failed:
        raise SystemExit(1)


def _capture_json(page: Page, capture: Capture) -> dict[str, Any]:
    """The page's JSON, saying after ``captured_at`` where that time came from."""
    data = page_to_json(page)
    ordered = {key: data[key] for key in ("source", "captured_at")}
    ordered["captured_at_from"] = capture.captured_at_from
    ordered.update(data)
    return ordered


def _summary(page: Page, capture: Capture) -> str:
    """A short human summary of a parsed page."""
    article = page.article
    when = page.captured_at.strftime("%Y-%m-%d %H:%M UTC") if page.captured_at else "unknown"
    lines = [
        f"{page.source}  [{page.language or '?'}; captured {when}, {capture.captured_at_from}]",
        f"  headline:  {article.headline or '(none)'}",
    ]
    if article.version:
        lines.append(
            f"  version:   {article.version}"
            + (f", replaces {article.replaces!r}" if article.replaces else "")
        )
    if article.byline:
        lines.append(f"  byline:    {article.byline}")
    if article.published_at:
        lines.append(f"  published: {article.published_at:%Y-%m-%d %H:%M UTC}")
    dateline = article.dateline
    if dateline:
        agencies = "/".join(dateline.agencies)
        lines.append(f"  dateline:  {dateline.place or '-'} ({agencies})")
    paragraphs = sum(block.kind == "paragraph" for block in article.body)
    subheadings = [block.text for block in article.body if block.kind == "subheading"]
    body = f"  body:      {paragraphs} paragraphs"
    if subheadings:
        body += f"; sub-headings: {', '.join(subheadings)}"
    lines.append(body)
    for rail in page.rails:
        section = f" [section {rail.section}]" if rail.section else ""
        lines.append(f"  rail:      {rail.title}{section}, {len(rail.items)} briefs")
        for brief in rail.items:
            time = f"{brief.published_at:%Y-%m-%d %H:%M}" if brief.published_at else "?"
            place = brief.dateline.place if brief.dateline and brief.dateline.place else ""
            words = brief.title or brief.text or ""
            lead = f"{place}: " if place else ""
            snippet = click.unstyle(lead + words)
            if len(snippet) > TEXT_WIDTH - 30:
                snippet = snippet[: TEXT_WIDTH - 31] + "…"
            lines.append(f"    {time}  {brief.age_text or '':<14} {snippet}")
    lines.append(f"  dropped:   {len(page.dropped)} lines")
    return "\n".join(lines)
