"""``wiredesk parse``: print what pages hold, without keeping them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any

import click

from wiredesk.cli.options import captured_at_option, format_option, parse_options
from wiredesk.desk import page_of
from wiredesk.errors import WiredeskError
from wiredesk.json_records import page_to_json
from wiredesk.model import Capture, Page
from wiredesk.sources.files import read_capture

TEXT_WIDTH = 72


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@captured_at_option
@format_option(
    "json",
    "text",
    help="json: one object per page (JSON Lines for several files); text: a short summary.",
)
@parse_options
@click.option("--encoding", help="Read the files in this encoding instead of UTF-8 (e.g. cp1252).")
def parse(
    files: tuple[str, ...],
    captured_at: datetime | None,
    output_format: str,
    language: str | None,
    timezone: str | None,
    encoding: str | None,
) -> None:
    """Parse news pages (copied text or saved HTML; - reads standard input) into articles.

    HTML is told by its content, whatever the file is called, and read in the
    encoding its <meta charset> declares (a byte-order mark wins). So are agency
    wire items (IPTC 7901 or ANPA 1312 telex, NITF, NewsML 1.2, NewsML-G2, NINJS
    and agency JSON): telex in ISO-8859-1 or cp1252 is read without --encoding.

    A file that cannot be read or holds no article gets a one-line message on
    standard error; the other files are still parsed, and the exit status is 1.
    """
    failed = False
    for path in files:
        try:
            capture = replace(
                read_capture(path, captured_at),
                language=language,
                timezone=timezone,
                encoding=encoding,
            )
            page = page_of(capture, enriched=True)
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
    if page.site_name or page.url:
        lines.append(
            f"  site:      {' — '.join(part for part in (page.site_name, page.url) if part)}"
        )
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
        title = rail.title or "(untitled)"
        lines.append(f"  rail:      {title}{section}, {len(rail.items)} briefs")
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
