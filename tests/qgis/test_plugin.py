"""Plugin life cycle, provider, metadata, and the processing-package naming trap."""

import configparser
import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication

ROOT = Path(__file__).resolve().parents[2]
ALGORITHMS = {"t2restore:ldn_degradation", "t2restore:area_summary"}


def test_import_processing_resolves_to_qgis(plugin):
    import processing

    assert Path(processing.__file__).resolve().parent != (ROOT / "processing").resolve()
    assert hasattr(processing, "run")
    assert str(ROOT) not in [str(Path(p or ".").resolve()) for p in sys.path]


def test_provider_and_algorithms_registered(plugin):
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("t2restore")
    assert provider is not None and provider.name() == "T2 Restore"
    assert not provider.icon().isNull()
    ids = {alg.id() for alg in provider.algorithms()}
    assert ALGORITHMS <= ids
    for alg in provider.algorithms():
        assert alg.shortHelpString().strip(), alg.id()
        assert alg.displayName() and alg.group()


def test_unload_and_load_again(plugin):
    import t2restore

    other = t2restore.classFactory(None)
    registry = QgsApplication.processingRegistry()
    plugin.unload()
    assert registry.providerById("t2restore") is None
    other.initProcessing()
    assert registry.algorithmById("t2restore:ldn_degradation") is not None
    other.unload()
    assert registry.providerById("t2restore") is None
    plugin.initProcessing()
    assert registry.algorithmById("t2restore:ldn_degradation") is not None


def test_init_gui_adds_and_unload_removes_menu(qgis_iface, plugin):
    import t2restore

    gui = t2restore.classFactory(qgis_iface)
    plugin.unload()  # one provider at a time
    gui.initGui()
    try:
        assert len(gui.actions) == 1
        assert gui.actions[0].objectName() == "t2restore_ldn_degradation"
    finally:
        gui.unload()
    assert gui.actions == []
    plugin.initProcessing()


def test_metadata_complete():
    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    general = meta["general"]
    for key in ("name", "description", "about", "version", "author", "email", "repository", "tracker",
                "homepage", "tags", "category", "icon", "changelog"):
        assert general.get(key, "").strip(), key
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    assert general["hasProcessingProvider"] == "yes"
    assert (ROOT / general["icon"]).exists()
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text()


@pytest.mark.parametrize("path", sorted((ROOT / "algorithms").glob("*.py")), ids=lambda p: p.name)
def test_algorithms_layer_never_imports_qgis_or_qt(path):
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert not imported & {"qgis", "PyQt5", "PyQt6", "PySide2", "PySide6"}, imported
