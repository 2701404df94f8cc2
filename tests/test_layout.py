"""The pipeline's arrows point one way: a test that reads the imports keeps it so."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "wiredesk"
STAGES = {"parse", "enrich", "stories", "sources", "store", "web"}
# Modules that import nothing else from wiredesk.
LEAVES = {"model", "errors"}


def wiredesk_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(
            name.split(".")[1] for name in names if name.startswith("wiredesk.") and "." in name
        )
    return found


def test_model_and_errors_import_nothing_of_wiredesk() -> None:
    for leaf in LEAVES:
        assert wiredesk_imports(PACKAGE / f"{leaf}.py") == set(), leaf


def test_a_stage_imports_no_other_stage() -> None:
    for stage in STAGES:
        folder = PACKAGE / stage
        if not folder.is_dir():
            continue
        for module in folder.rglob("*.py"):
            others = wiredesk_imports(module) & (STAGES - {stage})
            assert not others, f"{module.relative_to(PACKAGE)} imports {sorted(others)}"
