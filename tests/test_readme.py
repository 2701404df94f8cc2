"""The README stays true: its two commands exist and its example prints what it shows."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import httpx

from tests.conftest import ROOT
from tests.serve.http import demo_server

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_make_commands() -> None:
    assert "    make demo\n" in README
    assert "    make test\n" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.MULTILINE)
    assert re.search(r"^test:", makefile, re.MULTILINE)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_example_prints_what_it_shows() -> None:
    block = README.split("Example:\n", 1)[1].lstrip("\n").split("\n\n", 1)[0]
    command_lines, shown = [], []
    for line in block.splitlines():
        line = line[4:]
        if line.startswith("$ ") or (command_lines and command_lines[-1].endswith("\\")):
            command_lines.append(line.removeprefix("$ "))
        else:
            shown.append(line)
    command = shlex.split(" ".join(part.rstrip("\\") for part in command_lines))
    assert command[0] == ".venv/bin/wiredesk"
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", *command[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    printed = result.stdout.splitlines()
    kept = [line for line in shown if line.strip() != "..."]
    assert len(kept) >= 8
    for line in kept:
        assert line in printed, f"README shows {line!r}, wiredesk prints:\n{result.stdout}"


def test_make_demo_runs_wiredesk_demo_which_serves_the_sample() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo_recipe = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/wiredesk demo" in demo_recipe
    with demo_server() as url:
        front = httpx.get(url + "/", headers={"Accept-Language": "nl"}, timeout=10)
        assert "China wil zich niet mengen in samenwerking Rusland en Noord-Korea" in front.text
        assert "Laatste nieuws" in front.text
        found = httpx.get(url + "/search.json", params={"q": "Koersk"}, timeout=10).json()
        assert found["hits"][0]["headline"].startswith("China wil zich niet mengen")
