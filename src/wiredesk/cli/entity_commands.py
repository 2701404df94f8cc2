"""``wiredesk entities`` and ``wiredesk quotes``: who and where the kept stories name most,
and who said what in them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import cast

import click

from wiredesk.cli.options import db_option, format_option
from wiredesk.cli.store_commands import open_store
from wiredesk.errors import ParameterError
from wiredesk.json_records import entity_count_to_json, quote_seen_to_json
from wiredesk.model import EntityType
from wiredesk.query import read_moment, read_text

ENTITY_TYPES = ("place", "person", "organisation")


def _since(value: str | None) -> datetime | None:
    """``--since`` read as every face reads a time (UTC when it gives no offset)."""
    try:
        return read_moment(value, name="since")
    except ParameterError as error:
        raise click.BadParameter(str(error), param_hint="'--since'") from None


def since_option(function: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--since",
        metavar="ISO-8601",
        help="Only stories from this time on (2026-03-18, 2026-03-18T14:00:00Z; UTC "
        "without an offset).",
    )(function)


def limit_option(function: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--limit",
        type=click.IntRange(1, 1000),
        default=20,
        show_default=True,
        help="How many, at most.",
    )(function)


@click.command()
@click.option(
    "--type",
    "entity_type",
    type=click.Choice(ENTITY_TYPES),
    help="Only places, only people or only organisations.",
)
@since_option
@limit_option
@db_option
@format_option("text", "json", help="text: a table; json: one object per line.")
def entities(
    entity_type: str | None, since: str | None, limit: int, db: str | None, output_format: str
) -> None:
    """List the places, people and organisations the kept stories name most.

    Each comes with its id (geonames:2017370, person:selensky, org:nato: give it
    to `search --entity` or `export --entity`), how many times the stories name
    it and in how many stories. Stories killed or under embargo do not count.
    """
    with open_store(db) as store:
        found = store.top_entities(
            type=cast(EntityType | None, entity_type), since=_since(since), limit=limit
        )
    if output_format == "json":
        for entity in found:
            click.echo(json.dumps(entity_count_to_json(entity), ensure_ascii=False))
        return
    if not found:
        click.echo("no entities")
        return
    click.echo(f"{'mentions':>8}  {'stories':>7}  {'type':<12}  id  name")
    for entity in found:
        click.echo(
            f"{entity.mentions:>8}  {entity.stories:>7}  {entity.type:<12}  "
            f"{entity.id}  {entity.name}"
        )


@click.command()
@click.option(
    "--by",
    metavar="NAME",
    help="Only quotes of a speaker whose name holds NAME, in any case (Zelensky, "
    "ministry of foreign affairs), or whose id it is (person:selensky).",
)
@since_option
@limit_option
@db_option
@format_option("text", "json", help="text: one quote per line; json: one object per line.")
def quotes(
    by: str | None, since: str | None, limit: int, db: str | None, output_format: str
) -> None:
    """List what was said in the kept stories, newest first: the quote, its speaker
    (name, role and id, as far as the copy says) and the story it is in."""
    try:
        wanted = read_text(by, name="by")
    except ParameterError as error:
        raise click.BadParameter(str(error), param_hint="'--by'") from None
    with open_store(db) as store:
        found = store.quotes(by=wanted, since=_since(since), limit=limit)
    if output_format == "json":
        for seen in found:
            click.echo(json.dumps(quote_seen_to_json(seen), ensure_ascii=False))
        return
    if not found:
        click.echo("no quotes")
        return
    for seen in found:
        quote, speaker = seen.quote, seen.quote.speaker
        who = "unknown speaker"
        if speaker is not None:
            parts = [speaker.name or "", f"({speaker.role})" if speaker.role else ""]
            who = " ".join(part for part in parts if part) or "unknown speaker"
            if speaker.entity:
                who += f" [{speaker.entity}]"
        mark = '"' if quote.kind == "direct" else ""
        click.echo(f"{mark}{quote.text}{mark} — {who}")
        click.echo(
            f"    [{seen.article_id}] {seen.headline or '(no headline)'}, "
            f"{seen.dated_at:%Y-%m-%d %H:%M} UTC"
        )
