"""The modules of registry/ import each other without a circle; the old import names keep working."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = ROOT / "registry"


def _registry_imports(path):
    """Names of the registry/ modules ``path`` imports, at any depth (function-level imports too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.level != 1:
            continue
        if node.module:
            found.add(node.module.split(".")[0])
        else:
            found.update(alias.name for alias in node.names)
    return {name for name in found if (REGISTRY / f"{name}.py").exists()}


def _cycle(graph):
    """One import cycle of ``graph`` as a list of modules, or None."""
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return trail[trail.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt, trail + [nxt])
                if found:
                    return found
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


def test_registry_modules_import_each_other_without_a_circle():
    graph = {path.stem: _registry_imports(path) for path in REGISTRY.glob("*.py")}
    assert "store" not in graph["gpkg_store"]
    assert _cycle(graph) is None


def test_cycle_finder_sees_a_circle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_errors_and_contract_keep_their_old_import_names():
    from t2restore.registry import backend, errors, gpkg_store, store

    assert store.ConflictError is errors.ConflictError
    assert store.RegistryLockedError is errors.RegistryLockedError
    assert store.UnsupportedBackendError is errors.UnsupportedBackendError
    assert store.RegistryStore is backend.RegistryStore
    assert store.VALIDATION_STATES == backend.VALIDATION_STATES
    assert issubclass(gpkg_store.GeoPackageRegistryStore, backend.RegistryStore)
    assert issubclass(errors.AreaOwnerConflictError, errors.ConflictError)
