"""Shared fixtures: paths to the sample page and the corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests.databases import postgres_server, postgres_url, store_url

__all__ = ["postgres_server", "postgres_url", "store_url"]

# In CI the property tests run the same examples every time, so a red run can be replayed.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "wiredesk" / "samples"
CORPUS = Path(__file__).resolve().parent / "corpus"
CORPUS_HTML = Path(__file__).resolve().parent / "corpus_html"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expected",
        action="store_true",
        help="Rewrite the expected values of the corpus cases from the current parser.",
    )


@pytest.fixture
def sample_text() -> str:
    return (SAMPLES / "anp-buitenland.txt").read_text(encoding="utf-8")
