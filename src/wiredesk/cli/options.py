"""What the commands share: the group's handling of errors, options and their types."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, NamedTuple, TypeVar, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from wiredesk.errors import ParameterError, WiredeskError
from wiredesk.moments import to_utc
from wiredesk.query import FILTER_NAMES, KINDS, read_filters
from wiredesk.sources.records import LANGUAGE_REASON, is_language_tag

F = TypeVar("F", bound=Callable[..., Any])


class Registered(NamedTuple):
    """A command of a group, known before its module is imported: its name, the module
    that defines it under that name, and its one-line help as ``--help`` lists it."""

    name: str
    module: str
    help: str

    def load(self) -> click.Command:
        command = getattr(importlib.import_module(self.module), self.name)
        assert isinstance(command, click.Command), f"{self.module}.{self.name}"
        return command


class Commands(click.Group):
    """A group of commands where a ``WiredeskError`` from any command below it (the store
    cannot be opened, no such article, a feed refused) becomes one line on standard
    error, ``Error: <message>``, and exit status 1. Anything else is a bug, and keeps
    its traceback. A command that reports its errors one by one and goes on
    (``parse``, ``ingest``, ``feeds import``) still does so itself.

    The ``registered`` commands load when they run: a module is imported only for the
    command that needs it, so that ``wiredesk parse`` does not wait for the web server,
    the database and the HTTP client to load. ``--help`` lists them by their
    registered one-line help, as click would list the commands themselves."""

    def __init__(self, *args: Any, registered: Iterable[Registered] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registered = {command.name: command for command in registered}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.registered})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name in self.registered:
            return self.registered[cmd_name].load()
        return None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        listed = [click.Command(entry.name, help=entry.help) for entry in self.registered.values()]
        click.Group(commands=[*self.commands.values(), *listed]).format_commands(ctx, formatter)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WiredeskError as error:
            raise click.ClickException(str(error)) from None


class IsoTime(click.ParamType):  # type: ignore[type-arg]
    """An ISO-8601 time, in UTC; without an offset it is taken as UTC."""

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
        try:
            return to_utc(moment)
        except ValueError as error:
            self.fail(str(error))


def check_zone(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"{value!r} is not a time zone such as Europe/Amsterdam") from None
    return value


def db_option(function: F) -> F:
    return click.option(
        "--db",
        "db",
        metavar="URL",
        help="Database: a SQLite path or URL (sqlite:///news.db) or postgresql+psycopg://... "
        "Default: WIREDESK_DB, else a SQLite file in your data folder.",
    )(function)


def captured_at_option(function: F) -> F:
    return click.option(
        "--captured-at",
        type=IsoTime(),
        help="When the pages were captured (ISO-8601, UTC if no offset). Ages such as "
        "'1 uur geleden' count back from it. Default: each file's modification time; "
        "for standard input, now.",
    )(function)


def parse_options(function: F) -> F:
    function = click.option(
        "--timezone",
        callback=check_zone,
        help="Zone for times printed without one (IANA name, e.g. Europe/Amsterdam). "
        "Default: the language's own (Amsterdam, Berlin, Paris; UTC for English).",
    )(function)
    return click.option(
        "--language",
        callback=check_language,
        help="The pages' language (nl, en, de, fr...); default: detected.",
    )(function)


def check_language(
    _context: click.Context, _param: click.Parameter, value: str | None
) -> str | None:
    if value is not None and not is_language_tag(value):
        raise click.BadParameter(LANGUAGE_REASON.removeprefix("language "))
    return value


def filter_options(function: F) -> F:
    """``--section``, ``--agency``, ``--place``, ``--language``, ``--kind``, ``--since``,
    ``--until`` and ``--entity``, handed to the command as one ``filters``, read by
    ``read_filters`` as the site and the API read theirs."""

    @functools.wraps(function)
    def read(*args: Any, **options: Any) -> Any:
        given = {name: options.pop(name) for name in FILTER_NAMES}
        try:
            filters = read_filters(**given)
        except ParameterError as error:
            raise click.BadParameter(str(error), param_hint=f"'--{error.name}'") from None
        return function(*args, filters=filters, **options)

    decorated: Any = read
    for name, text in reversed(
        (
            ("--section", "Only this section (Buitenland, World...)."),
            ("--agency", "Only copy from this agency (ANP, Reuters...)."),
            ("--place", "Only this dateline place (LONDEN, Berlin...)."),
            ("--language", "Only this language (nl, en, de, fr)."),
        )
    ):
        decorated = click.option(name, help=text)(decorated)
    kinds = "[" + "|".join(KINDS) + "]"
    decorated = click.option("--kind", metavar=kinds, help="Only articles or only briefs.")(
        decorated
    )
    for name, text in (
        ("--since", "Only from this time on."),
        ("--until", "Only before this time."),
    ):
        decorated = click.option(name, metavar="ISO-8601", help=text)(decorated)
    decorated = click.option(
        "--entity",
        metavar="ID",
        help="Only stories naming this place, person or organisation, by its id "
        "(geonames:2017370, person:selensky, org:nato; see `wiredesk entities`).",
    )(decorated)
    return cast(F, decorated)


def format_option(*choices: str, help: str) -> Callable[[F], F]:
    """``--format`` with ``choices``, the first being the default."""

    def decorate(function: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(list(choices)),
            default=choices[0],
            show_default=True,
            help=help,
        )(function)

    return decorate
