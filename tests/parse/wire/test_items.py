"""Wire items of our own making, in nl, en, de and fr, each read against the expectation beside it.

``items/<lang>/<name>.<ext>`` is an item as an agency would deliver it (IPTC 7901
and ANPA 1312 telex in UTF-8 and 8-bit sets, NITF, NewsML 1.2, NewsML-G2,
NINJS and agency JSON), written from the formats' documentation and the
agencies' habits; ``<name>.expected.json`` beside it says what the page must
hold: a partial page (as ``tests/test_corpus.py`` compares) and the body's
first and last paragraphs and its sub-headings. ``--update-expected``
rewrites the values from the current readers, for a person to review.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.test_corpus import SCHEMA, mismatches, updated
from wiredesk.json_records import page_to_json
from wiredesk.model import Capture
from wiredesk.parse import parse_capture

ITEMS = Path(__file__).resolve().parent / "items"
EXPECTED = ".expected.json"
CASES = sorted(path for path in ITEMS.glob("*/*") if not path.name.endswith(EXPECTED))
CAPTURED_AT = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)


def expected_path(item: Path) -> Path:
    return item.with_name(item.stem + EXPECTED)


def body_summary(page: dict[str, Any]) -> dict[str, Any]:
    blocks = page["article"]["body"]
    paragraphs = [block["text"] for block in blocks if block["kind"] == "paragraph"]
    return {
        "paragraphs": len(paragraphs),
        "first": paragraphs[0] if paragraphs else None,
        "last": paragraphs[-1] if paragraphs else None,
        "subheadings": [block["text"] for block in blocks if block["kind"] == "subheading"],
    }


def read(item: Path) -> dict[str, Any]:
    capture = Capture(
        data=item.read_bytes(),
        source=item.name,
        captured_at=CAPTURED_AT,
        captured_at_from="given",
    )
    return page_to_json(parse_capture(capture))


def test_items_cover_every_format_and_language() -> None:
    languages = {item.parent.name for item in CASES}
    assert languages == {"nl", "en", "de", "fr"}
    assert len(CASES) >= 30
    formats = {read(item)["wire"]["format"] for item in CASES}
    assert formats == {"iptc7901", "anpa1312", "nitf", "newsml", "newsml-g2", "ninjs"}


def test_every_item_has_its_expectation() -> None:
    assert [item.name for item in CASES if not expected_path(item).exists()] == []


@pytest.mark.parametrize("item", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_item(item: Path, request: pytest.FixtureRequest) -> None:
    spec_path = expected_path(item)
    page = read(item)
    jsonschema.validate(page, SCHEMA)
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    if request.config.getoption("--update-expected"):
        spec["expect"] = updated(spec["expect"], page)
        spec["body"] = body_summary(page)
        spec_path.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return
    problems = mismatches(spec["expect"], page) + mismatches(spec["body"], body_summary(page))
    assert not problems, f"{item.name} ({spec.get('about', '')}):\n" + "\n".join(problems)
