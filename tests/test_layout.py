"""The pipeline's arrows point one way: a test that reads the imports keeps it so."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "wiredesk"
STAGES = {"parse", "enrich", "stories", "sources", "store"}
# The faces that combine stages; no stage imports them.
FACES = {"desk", "cli", "serve"}
# What the web face reads: the store, the request vocabulary, the records and their JSON,
# and the service layer.
SERVE_IMPORTS = {"serve", "store", "query", "model", "json_records", "errors", "desk"}
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


def test_no_stage_imports_a_face() -> None:
    for stage in STAGES:
        for module in (PACKAGE / stage).rglob("*.py"):
            faces = wiredesk_imports(module) & FACES
            assert not faces, f"{module.relative_to(PACKAGE)} imports {sorted(faces)}"


def test_serve_reads_through_the_store_and_the_service_layer() -> None:
    for module in (PACKAGE / "serve").rglob("*.py"):
        others = wiredesk_imports(module) - SERVE_IMPORTS
        assert not others, f"{module.relative_to(PACKAGE)} imports {sorted(others)}"


def test_the_web_server_starts_without_the_html_extractor() -> None:
    """trafilatura and htmldate load when an HTML page is read, not with the server."""
    import subprocess
    import sys

    check = (
        "import sys, wiredesk.serve.app, wiredesk.desk; "
        "print(sorted(m for m in ('trafilatura', 'htmldate') if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=120
    )
    assert found.stdout.strip() == "[]"


def serve_imports(path: Path) -> set[str]:
    """The modules of ``serve`` that one of its modules imports, by name."""
    modules = {module.stem for module in (PACKAGE / "serve").glob("*.py")}
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "wiredesk.serve":
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[:2] == ["wiredesk", "serve"] and len(parts) > 2:
                found.add(parts[2])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[:2] == ["wiredesk", "serve"] and len(parts) > 2:
                    found.add(parts[2])
    return found


def test_the_modules_of_serve_import_each_other_without_a_circle() -> None:
    """Imports for type checking count too: a circle there is one module in two places."""
    graph = {path.stem: serve_imports(path) for path in (PACKAGE / "serve").glob("*.py")}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            circle = path[path.index(module) :] + [module]
            raise AssertionError("serve imports in a circle: " + " -> ".join(circle))
        if module in done:
            return
        for imported in sorted(graph.get(module, set())):
            visit(imported, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
