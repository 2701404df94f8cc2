"""Realistic HTML news pages in nl, en, de and fr, each parsed against the expectation beside it.

The pages go the way a file does (``desk.page_of``: told HTML by
content, decoded by its declared charset, parsed by ``parse_html``). The
expectations are partial, as in ``test_corpus.py``, and ``--update-expected``
rewrites the values they give for a person to review in the diff.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import CORPUS_HTML
from tests.test_corpus import SCHEMA, mismatches, updated
from wiredesk.desk import page_of
from wiredesk.json_records import page_to_json
from wiredesk.model import Capture

CASES = sorted(CORPUS_HTML.glob("*/*.html"))


def test_html_corpus_covers_every_language_with_rails_bylines_and_datelines() -> None:
    specs = [json.loads(case.with_suffix(".json").read_text("utf-8")) for case in CASES]
    per_language = {
        lang: len(list((CORPUS_HTML / lang).glob("*.html"))) for lang in ("nl", "en", "de", "fr")
    }
    assert all(count >= 4 for count in per_language.values()), per_language
    assert len(CASES) >= 15
    assert all(spec["expect"].get("rails") for spec in specs), "every page has a rail to read"
    assert sum(bool(spec["expect"]["article"].get("byline")) for spec in specs) >= 10
    assert sum(bool(spec["expect"]["article"].get("dateline")) for spec in specs) >= 10


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_html_corpus_case(case: Path, request: pytest.FixtureRequest) -> None:
    spec_path = case.with_suffix(".json")
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    capture = Capture(
        data=case.read_bytes(),
        source=case.name,
        captured_at=datetime.fromisoformat(spec["captured_at"]),
        captured_at_from="given",
    )
    actual = page_to_json(page_of(capture))
    jsonschema.validate(actual, SCHEMA)
    if request.config.getoption("--update-expected"):
        spec["expect"] = updated(spec["expect"], actual)
        spec_path.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return
    problems = mismatches(spec["expect"], actual)
    assert not problems, f"{case.name} ({spec.get('about', '')}):\n" + "\n".join(problems)
