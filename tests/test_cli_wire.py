"""Kills, embargoes and versions of agency items from the command line, in a subprocess:
``search``, ``export``, ``stats`` and ``history`` show no story its agency killed and none
still under embargo, and ``history`` lists versions by the copy's own count."""

from __future__ import annotations

import json
from pathlib import Path

from tests.store import wire_items as items
from tests.test_cli_store import assert_clean_failure, json_lines, wiredesk

EMBARGOED_UNTIL_2099 = items.ninjs_item(
    uri="urn:belga.be:20260318:belga-2001",
    version=1,
    headline="Le gouvernement fédéral présente son budget",
    created="2026-03-18T09:00:00+01:00",
    embargoed="2099-01-01T00:00:00+01:00",
    body="BRUXELLES (Belga) - Le gouvernement fédéral présentera jeudi un budget en équilibre, "
    "selon des sources proches du dossier.\n\nLe Premier ministre le défendra à la Chambre.",
)


def ingest(db: str, folder: Path, *files: tuple[str, bytes], captured_at: str) -> None:
    folder.mkdir(exist_ok=True)
    paths = []
    for name, data in files:
        path = folder / name
        path.write_bytes(data)
        paths.append(str(path))
    result = wiredesk("ingest", *paths, "--db", db, "--captured-at", captured_at)
    assert result.returncode == 0, result.stderr


def test_the_command_line_shows_no_killed_or_embargoed_story(tmp_path: Path) -> None:
    db = str(tmp_path / "wire.db")
    ingest(db, tmp_path / "a", ("dpa.xml", items.DPA_USABLE), captured_at="2026-03-18T13:00:00Z")
    ingest(db, tmp_path / "b", ("belga-1.json", items.BELGA_V1), captured_at="2026-03-18T13:00Z")
    ingest(db, tmp_path / "c", ("belga-kill.json", items.BELGA_KILL), captured_at="2026-03-18T14Z")
    ingest(db, tmp_path / "d", ("embargo.json", EMBARGOED_UNTIL_2099), captured_at="2026-03-18T14Z")
    for query in ("cheminots", "budget"):
        result = wiredesk("search", query, "--db", db)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "no matches"
        assert json_lines(wiredesk("search", query, "--db", db, "--format", "json")) == []
    exported = json_lines(wiredesk("export", "--db", db))
    assert [record["headline"] for record in exported] == ["Bundestag beschließt Haushalt für 2027"]
    assert exported[0]["wire"]["item_id"] == items.DPA_DOC_ID
    stats = json.loads(wiredesk("stats", "--db", db, "--format", "json").stdout)
    assert stats["kind"] == {"article": 1}
    assert stats["captures"] == 4
    # Ingested in that order: the Berlin story is 1, the killed Liège story 2.
    message = assert_clean_failure(wiredesk("history", "2", "--db", db), 1)
    assert "withdrawn by its agency" in message
    assert len(message.strip().splitlines()) == 1


def test_history_lists_versions_by_their_own_count(tmp_path: Path) -> None:
    db = str(tmp_path / "wire.db")
    ingest(db, tmp_path / "a", ("anp-2.xml", items.ANP_V2), captured_at="2026-03-18T14:05:00Z")
    ingest(db, tmp_path / "b", ("anp-1.xml", items.ANP_V1), captured_at="2026-03-18T13:05:00Z")
    result = wiredesk("history", "1", "--db", db, "--format", "json")
    versions = json.loads(result.stdout)
    assert [v["headline"] for v in versions] == [items.ANP_V1_HEADLINE, items.ANP_V2_HEADLINE]
    found = json_lines(wiredesk("search", "gezamenlijke inkoop", "--db", db, "--format", "json"))
    assert [hit["headline"] for hit in found] == [items.ANP_V2_HEADLINE]
