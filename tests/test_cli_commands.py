"""The command line loads a command's module only when it runs, and lists them all without."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click
import pytest

from tests.conftest import SAMPLES
from wiredesk.cli import COMMANDS, main
from wiredesk.store import Store

# What only the web server, the store and the feeds need: none of it loads for a parse.
HEAVY = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "psycopg", "httpx",
         "httpcore", "feedparser", "jinja2", "rich")  # fmt: skip


# Runs the command line as ``python -m wiredesk`` does, then names every module loaded.
RUN_AND_LIST = """
import json, sys
from wiredesk.cli import main
try:
    main(sys.argv[1:], prog_name="wiredesk")
finally:
    print("MODULES " + json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_modules(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``wiredesk ARGS`` in a new Python: what it printed, and the modules it loaded."""
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    _, found = result.stderr.rsplit("MODULES ", 1)
    return result, set(json.loads(found))


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(name for name in HEAVY if name in {module.split(".")[0] for module in modules})


def test_parse_loads_neither_the_web_server_nor_the_store_nor_the_http_client() -> None:
    result, modules = loaded_modules(
        "parse", str(SAMPLES / "anp-buitenland.txt"), "--captured-at", "2026-03-18T14:00:00Z"
    )
    assert result.returncode == 0, result.stderr
    assert '"place": "BEIJING"' in result.stdout
    assert "wiredesk.cli.parse_command" in modules
    assert heavy_in(modules) == []
    assert not {"wiredesk.store", "wiredesk.serve", "wiredesk.cli.store_commands"} & modules


def test_reading_the_store_loads_neither_the_parser_nor_the_web_server(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'news.db'}"
    Store(url).close()  # made at the newest revision: opening it again migrates nothing
    for command in (["stats"], ["search", "Koersk"], ["export"], ["feeds", "list"]):
        result, modules = loaded_modules(*command, "--db", url)
        assert result.returncode == 0, result.stderr
        assert set(heavy_in(modules)) <= {"rich", "sqlalchemy"}, command
        loaded = {module.partition(".")[0] for module in modules} | modules
        assert not {"wiredesk.parse", "wiredesk.enrich", "lxml", "alembic"} & loaded, command


def test_help_lists_every_command_without_loading_one() -> None:
    result, modules = loaded_modules("--help")
    assert result.returncode == 0, result.stderr
    listed = result.stdout.split("Commands:\n", 1)[1]
    assert [line.split()[0] for line in listed.splitlines()] == sorted(
        command.name for command in COMMANDS
    )
    assert not {registered.module for registered in COMMANDS} & modules
    assert heavy_in(modules) == []


@pytest.mark.parametrize("registered", COMMANDS, ids=lambda registered: registered.name)
def test_each_registered_help_is_the_commands_own(registered) -> None:
    command = registered.load()
    assert command.name == registered.name
    assert registered.help == command.get_short_help_str(limit=10_000)


def test_help_lists_the_commands_as_click_lists_them_loaded() -> None:
    """The registered helps shortened to the width as click shortens a command's own."""
    loaded = click.Group(
        "main", commands=[registered.load() for registered in COMMANDS], help=main.help
    )
    for width in (60, 80, 120):
        shown = main.get_help(click.Context(main, info_name="wiredesk", terminal_width=width))
        expected = loaded.get_help(
            click.Context(loaded, info_name="wiredesk", terminal_width=width)
        )
        assert shown.split("Commands:")[1] == expected.split("Commands:")[1]


def test_an_unknown_command_is_named() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", "parsee"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "No such command 'parsee'" in result.stderr
    assert "Traceback" not in result.stderr
