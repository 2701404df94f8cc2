"""``wiredesk feeds`` end to end: the CLI in a subprocess against the server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from tests.feeds.server import FeedServer
from wiredesk.cli import main


def wiredesk(db: Path, *args: str, check: bool = True, input: str | None = None) -> Any:
    result = subprocess.run(
        [sys.executable, "-m", "wiredesk", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        input=input,
        env={**os.environ, "WIREDESK_DB": ""},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def stored_stories(db: Path) -> int:
    stats = json.loads(wiredesk(db, "stats", "--format", "json").stdout)
    return sum(stats["kind"].values())


def listed(db: Path) -> dict[str, dict[str, Any]]:
    feeds = json.loads(wiredesk(db, "feeds", "list", "--format", "json").stdout)
    return {feed["url"].rsplit("/", 1)[1]: feed for feed in feeds}


def test_add_poll_store_then_304_and_a_hostile_feed_does_not_stop_the_others(
    tmp_path: Path, feed_server: FeedServer
):
    db = tmp_path / "news.db"
    url = f"{feed_server.base}/feed.xml"
    added = wiredesk(db, "feeds", "add", url, "--allow-private", "--section", "Binnenland")
    assert added.stdout.startswith("added feed 1: ")

    first = wiredesk(db, "feeds", "poll")
    assert f"{url}: 3 entries, 3 new, 3 articles, 0 briefs" in first.stdout
    assert "1 feeds polled: 0 not modified, 3 new entries, 3 articles" in first.stdout
    assert stored_stories(db) == 3
    assert "Kabinet" in wiredesk(db, "search", "dijkversterking").stdout
    found = wiredesk(db, "search", "Sturm", "--section", "Binnenland", "--format", "json")
    assert json.loads(found.stdout)["section"] == "Binnenland"  # the feed's --section

    assert wiredesk(db, "feeds", "poll").stdout.startswith("0 feeds polled")  # not due yet
    second = wiredesk(db, "feeds", "poll", "--all")
    assert f"{url}: not modified" in second.stdout
    assert feed_server.requests_for("/feed.xml") == [200, 304]

    wiredesk(db, "feeds", "add", f"{feed_server.base}/bomb.xml", "--allow-private")
    wiredesk(db, "feeds", "add", f"{feed_server.base}/html-page.xml", "--allow-private")
    third = wiredesk(db, "feeds", "poll", "--all", check=False)
    assert third.returncode == 1
    assert "Traceback" not in third.stderr
    assert f"wiredesk: {feed_server.base}/bomb.xml: refused: the feed declares XML entities" in (
        third.stderr
    )
    assert f"wiredesk: {feed_server.base}/html-page.xml: got an HTML page" in third.stderr
    assert f"{url}: not modified" in third.stdout
    assert "3 feeds polled: 1 not modified" in third.stdout
    assert feed_server.requests_for("/feed.xml") == [200, 304, 304]

    feeds = listed(db)
    assert feeds["feed.xml"]["status"] == "ok"
    assert feeds["feed.xml"]["items_seen"] == 3
    assert feeds["bomb.xml"]["status"] == "error"
    assert "entity bombs" in feeds["bomb.xml"]["last_error"]
    text = wiredesk(db, "feeds", "list").stdout
    assert f"   1  ok     {url}  [section Binnenland]\n      Nieuws\n      every 15m" in text
    assert feeds["feed.xml"]["title"] == "Nieuws"
    assert "last error: refused: the feed declares XML entities" in text
    assert stored_stories(db) == 3


def test_private_addresses_are_refused_without_allow_private(tmp_path: Path):
    result = wiredesk(tmp_path / "n.db", "feeds", "add", "http://127.0.0.1:9/feed.xml", check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: http://127.0.0.1:9/feed.xml: refused: 127.0.0.1 resolves to 127.0.0.1, "
        "a loopback address (allow it with --allow-private)"
    )


@pytest.mark.parametrize(
    ("host", "form"),
    [
        ("2002:7f00:1::", "6to4 of 127.0.0.1"),
        ("64:ff9b::7f00:1", "NAT64 of 127.0.0.1"),
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo of 127.0.0.1"),
        ("::7f00:1", "IPv4-compatible of 127.0.0.1"),
        ("::ffff:0:a00:1", "IPv4-translated of 10.0.0.1"),
    ],
)
def test_ipv6_addresses_carrying_a_private_ipv4_one_are_refused(
    tmp_path: Path, host: str, form: str
):
    result = wiredesk(tmp_path / "n.db", "feeds", "add", f"http://[{host}]/", check=False)
    assert result.returncode == 1
    assert f"resolves to {host}, a " in result.stderr
    assert f" address ({form}) (allow it with --allow-private)" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_feed_whose_host_does_not_resolve_is_added_with_a_warning(tmp_path: Path):
    result = wiredesk(tmp_path / "n.db", "feeds", "add", "http://news.invalid/rss.xml")
    assert result.stdout.startswith("added feed 1: http://news.invalid/rss.xml")
    [warning] = result.stderr.splitlines()
    assert warning.startswith("wiredesk: warning: http://news.invalid/rss.xml: cannot resolve")
    assert warning.endswith("added all the same, and checked again at every poll")


def test_opml_files_that_are_endless_or_oddly_named_get_one_line(tmp_path: Path):
    endless = wiredesk(tmp_path / "n.db", "feeds", "import", "/dev/zero", check=False)
    assert (endless.returncode, endless.stderr) == (
        1,
        "Error: /dev/zero: too large: more than 20 MB, the most read of one input\n",
    )
    odd = tmp_path / "feeds\nlist.opml"
    odd.write_text("<opml><body><outline")
    broken = wiredesk(tmp_path / "n.db", "feeds", "import", str(odd), check=False)
    assert broken.returncode == 1
    [line] = broken.stderr.splitlines()
    assert line.startswith(f"Error: {tmp_path}/feeds\\nlist.opml: not well-formed XML")


def test_bad_interval_and_unknown_feed_get_one_line(tmp_path: Path):
    db = tmp_path / "n.db"
    bad = wiredesk(db, "feeds", "add", "http://x.example/f", "--interval", "soon", check=False)
    assert bad.returncode == 2
    assert "'soon' is not an interval such as 90s, 15m, 1h or 1h30m" in bad.stderr
    missing = wiredesk(db, "feeds", "remove", "http://x.example/f", check=False)
    assert (missing.returncode, missing.stderr.strip()) == (
        1,
        "Error: http://x.example/f: no such feed in the list",
    )


def test_opml_export_then_import_into_another_store(tmp_path: Path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    wiredesk(
        first, "feeds", "add", "http://127.0.0.1:9/a.xml", "--allow-private", "--section", "Sport"
    )
    wiredesk(
        first, "feeds", "add", "http://127.0.0.1:9/b.xml", "--allow-private", "--interval", "1h"
    )
    opml = wiredesk(first, "feeds", "export").stdout
    assert 'xmlUrl="http://127.0.0.1:9/a.xml"' in opml
    refused = wiredesk(second, "feeds", "import", "-", input=opml, check=False)
    assert refused.returncode == 1  # loopback, without --allow-private
    assert "0 added, 0 already there, 2 refused" in refused.stdout
    imported = wiredesk(second, "feeds", "import", "-", "--allow-private", input=opml)
    assert "2 feeds in -: 2 added, 0 already there, 0 refused" in imported.stdout
    again = wiredesk(second, "feeds", "import", "-", "--allow-private", input=opml)
    assert "0 added, 2 already there" in again.stdout
    feeds = listed(second)
    assert (feeds["a.xml"]["section"], feeds["b.xml"]["section"]) == ("Sport", None)


def test_watch_polls_on_its_interval_until_sigterm(tmp_path: Path, feed_server: FeedServer):
    db = tmp_path / "news.db"
    url = f"{feed_server.base}/feed.xml"
    wiredesk(db, "feeds", "add", url, "--allow-private", "--interval", "1s")
    watcher = subprocess.Popen(
        [sys.executable, "-m", "wiredesk", "feeds", "watch", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while len(feed_server.requests_for("/feed.xml")) < 2:
            if watcher.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"watch did not poll twice: {watcher.communicate(timeout=10)}")
            time.sleep(0.1)
        watcher.send_signal(signal.SIGTERM)
        out, err = watcher.communicate(timeout=60)
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.communicate()
    assert watcher.returncode == 0, err
    assert "Traceback" not in err
    assert f"{url}: 3 entries, 3 new" in out
    assert f"{url}: not modified" in out
    assert out.splitlines()[-1].startswith("stopped. ")
    assert "3 new entries, 3 articles" in out.splitlines()[-1]
    assert feed_server.requests_for("/feed.xml")[:2] == [200, 304]
    assert stored_stories(db) == 3


def test_every_feeds_command_has_help():
    for command in ("add", "list", "remove", "poll", "watch", "import", "export"):
        result = CliRunner().invoke(main, ["feeds", command, "--help"])
        assert result.exit_code == 0, result.output
        summary = result.output.split("\n\n")[1].strip()
        assert len(summary) > 20, command
