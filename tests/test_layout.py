"""The pipeline's arrows point one way: a test that reads the imports keeps it so."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "wiredesk"
# Every module and package at the top of src/wiredesk is in one of these sets.
#
# Leaves import nothing else from wiredesk.
LEAVES = {"model", "errors"}
# Shared modules are words every stage and every face may use: how text splits into
# words, times in UTC read once, the request vocabulary (a query, its filters), records
# as JSON. They import only leaves and each other, so using one never pulls a stage in.
SHARED = {"words", "moments", "query", "json_records"}
# The pipeline's stages: each imports leaves and shared modules, never another stage.
STAGES = {"parse", "enrich", "stories", "sources", "store"}
# The service layer combines stages for the faces: ``desk`` (ingest, reparse, reading,
# feeds), ``poller`` (polling feeds through ``desk``) and ``watcher`` (a drop folder's
# files, through ``desk``). It imports no face.
SERVICE = {"desk", "poller", "watcher"}
# The faces a user runs or imports: the command line, the web server, ``python -m
# wiredesk``, and the package itself (its Python API: parse_text, parse_html). Nothing
# but a face imports a face.
FACES = {"cli", "serve", "__main__", "__init__"}
# What the web face reads: the store, the request vocabulary, the records and their JSON,
# the service layer, the package's version, and the capture an upload sends (read as the
# sources read a JSON Lines record).
SERVE_IMPORTS = {
    "serve", "store", "query", "model", "json_records", "errors", "desk", "__init__", "sources",
}  # fmt: skip
# What a face may take from the store: a store to open, and where it is. A request is
# described in the words of ``wiredesk.query``, which every face imports.
STORE_NAMES_FOR_FACES = {"Store", "resolve_url"}


def top_level_names() -> set[str]:
    """The modules and packages at the top of src/wiredesk."""
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    return modules | packages


def modules_of(name: str) -> list[Path]:
    """The files of a top-level module or package (none for a stage still to come)."""
    folder, module = PACKAGE / name, PACKAGE / f"{name}.py"
    if folder.is_dir():
        return sorted(folder.rglob("*.py"))
    return [module] if module.is_file() else []


def wiredesk_imports(path: Path) -> set[str]:
    """The top-level modules of wiredesk that ``path`` imports (those for type checking
    too); ``from wiredesk import __version__`` is an import of ``__init__``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = top_level_names()
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "wiredesk" and node.level == 0:
            found.update(a.name if a.name in names else "__init__" for a in node.names)
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        found.update(module.split(".")[1] for module in modules if module.startswith("wiredesk."))
    return found


def imports_of(name: str) -> dict[Path, set[str]]:
    """What each file of a top-level module or package imports of the others."""
    return {path: wiredesk_imports(path) - {name} for path in modules_of(name)}


def test_every_module_is_a_leaf_shared_a_stage_the_service_layer_or_a_face() -> None:
    sets = [LEAVES, SHARED, STAGES, SERVICE, FACES]
    for name in sorted(top_level_names()):
        homes = [kind for kind in sets if name in kind]
        assert len(homes) == 1, f"src/wiredesk/{name}: in {len(homes)} of the layers, not one"


def test_leaves_import_nothing_of_wiredesk() -> None:
    for leaf in LEAVES:
        for path, found in imports_of(leaf).items():
            assert found == set(), f"{path.relative_to(PACKAGE)} imports {sorted(found)}"


def test_shared_modules_import_only_leaves_and_each_other() -> None:
    for name in SHARED:
        for path, found in imports_of(name).items():
            others = found - LEAVES - SHARED
            assert not others, f"{path.relative_to(PACKAGE)} imports {sorted(others)}"


def test_a_stage_imports_no_other_stage() -> None:
    for stage in STAGES:
        for path, found in imports_of(stage).items():
            others = found & STAGES
            assert not others, f"{path.relative_to(PACKAGE)} imports {sorted(others)}"


def test_no_stage_imports_the_service_layer_or_a_face() -> None:
    for stage in STAGES:
        for path, found in imports_of(stage).items():
            above = found & (SERVICE | FACES)
            assert not above, f"{path.relative_to(PACKAGE)} imports {sorted(above)}"


def test_the_service_layer_imports_no_face() -> None:
    for name in SERVICE:
        for path, found in imports_of(name).items():
            faces = found & FACES
            assert not faces, f"{path.relative_to(PACKAGE)} imports {sorted(faces)}"


def test_only_a_face_imports_a_face() -> None:
    for name in top_level_names() - FACES:
        for path, found in imports_of(name).items():
            faces = found & FACES
            assert not faces, f"{path.relative_to(PACKAGE)} imports {sorted(faces)}"


def test_serve_reads_through_the_store_and_the_service_layer() -> None:
    for path, found in imports_of("serve").items():
        others = found - SERVE_IMPORTS
        assert not others, f"{path.relative_to(PACKAGE)} imports {sorted(others)}"


def test_faces_describe_a_request_without_the_store() -> None:
    """A face opens a store; what it asks of one (filters, a query) it says in wiredesk.query."""
    for face in ("cli", "serve", "__main__"):
        for path in modules_of(face):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ImportFrom) or not node.module:
                    continue
                where = path.relative_to(PACKAGE)
                assert not node.module.startswith("wiredesk.store."), f"{where}: {node.module}"
                if node.module == "wiredesk.store":
                    names = {alias.name for alias in node.names}
                    assert names <= STORE_NAMES_FOR_FACES, f"{where} imports {sorted(names)}"


def test_the_store_leaves_the_request_vocabulary_to_wiredesk_query() -> None:
    import wiredesk.store

    vocabulary = {"Filters", "Query", "QueryError", "read_query", "read_filters"}
    assert not vocabulary & set(wiredesk.store.__all__)


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
            circle = [*path[path.index(module) :], module]
            raise AssertionError("serve imports in a circle: " + " -> ".join(circle))
        if module in done:
            return
        for imported in sorted(graph.get(module, set())):
            visit(imported, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
