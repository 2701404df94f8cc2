"""Realistic pages in nl, en, de and fr, each parsed against the expectation beside it.

An expectation is partial: in a dict only the keys it gives are compared, a
list must have the same length with each element compared in order, and
values compare exactly. ``--update-expected`` rewrites the values it gives
from the current parser, for a person to review in the diff.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import CORPUS, ROOT
from wiredesk import parse_text
from wiredesk.json_records import page_to_json

CASES = sorted(CORPUS.glob("*/*.txt"))
SCHEMA = json.loads((ROOT / "src" / "wiredesk" / "page.schema.json").read_text())


def mismatches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where ``actual`` differs from the partial ``expected``, as readable paths."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        found: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                found.append(f"{path}.{key}: missing")
            else:
                found.extend(mismatches(value, actual[key], f"{path}.{key}"))
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, got {actual!r}"]
        return [
            problem
            for index, (want, got) in enumerate(zip(expected, actual, strict=True))
            for problem in mismatches(want, got, f"{path}[{index}]")
        ]
    if expected != actual:
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []


def updated(expected: Any, actual: Any) -> Any:
    """``expected`` with each value it gives replaced by the actual one."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {key: updated(value, actual.get(key)) for key, value in expected.items()}
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return actual
        return [updated(want, got) for want, got in zip(expected, actual, strict=True)]
    return actual


def test_corpus_covers_every_language_with_enough_cases() -> None:
    per_language = {
        lang: len(list((CORPUS / lang).glob("*.txt"))) for lang in ("nl", "en", "de", "fr")
    }
    assert all(count >= 10 for count in per_language.values()), per_language
    assert sum(per_language.values()) >= 40


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_corpus_case(case: Path, request: pytest.FixtureRequest) -> None:
    spec_path = case.with_suffix(".json")
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    text = case.read_bytes().decode("utf-8")
    page = parse_text(text, captured_at=datetime.fromisoformat(spec["captured_at"]))
    actual = page_to_json(page)
    jsonschema.validate(actual, SCHEMA)
    if request.config.getoption("--update-expected"):
        spec["expect"] = updated(spec["expect"], actual)
        spec_path.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return
    problems = mismatches(spec["expect"], actual)
    assert not problems, f"{case.name} ({spec.get('about', '')}):\n" + "\n".join(problems)
