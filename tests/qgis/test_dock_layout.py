"""The registry dock fits a laptop screen whatever the initiative titles (issue 18 item 10)."""

import pytest
from qgis.core import QgsSettings

from t2restore.compat import QUndoCommand

LONG_TITLE = "Restauración de bosques montanos y pajonales de puna en la cuenca alta del río Mayo " * 3
MAX_WIDTH = 420


@pytest.fixture
def dock(qgis_iface, qgis_new_project, qtbot, tmp_path):
    from t2restore.ui.registry_dock import RegistryDock

    QgsSettings().remove("t2restore/registry")
    made = RegistryDock(qgis_iface)
    qtbot.addWidget(made)
    assert made.open_registry(tmp_path / "registro.gpkg", create=True)
    yield made
    made.unload()
    QgsSettings().remove("t2restore/registry")


def test_long_undo_text_does_not_widen_the_dock(dock):
    title = LONG_TITLE[:200]
    assert len(title) == 200
    before = dock.minimumSizeHint().width()
    dock.undo_stack.push(QUndoCommand(f'Save "{title}"'))
    dock.undo_stack.push(QUndoCommand(f'Delete "{title}"'))
    dock.undo_stack.undo()  # now both undo and redo carry a long title
    width = dock.minimumSizeHint().width()
    assert width < MAX_WIDTH, (before, width)
    assert width == before
    assert title in dock.undo_button.toolTip() and title in dock.redo_button.toolTip()
    assert dock.undo_button.isEnabled() and dock.redo_button.isEnabled()
    dock.undo_button.click()
    assert dock.undo_stack.index() == 0 and not dock.undo_button.isEnabled()


def test_refresh_right_after_opening_the_summary_waits_for_it(dock, qtbot):
    from t2restore import compat
    from t2restore.registry import samples

    dock.store.save_initiative(samples.sample_initiative(0))
    dock.registry_changed()
    dock.tabs.setCurrentWidget(dock._summary_page)  # starts the summary task
    assert dock.busy
    assert dock.summary.refresh()                    # «Actualizar» pressed at once
    assert not dock.summary.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: not dock.busy, timeout=30000)
    assert not [text for level, text in dock.messages if level == compat.MESSAGE_CRITICAL]
    assert dock.summary.data is not None and dock.summary.refresh_button.isEnabled()


def test_hectares_are_written_alike_in_the_log_and_the_dock(dock, qtbot):
    from qgis.PyQt.QtCore import QLocale

    from t2restore.translation import format_ha as log_format
    from t2restore.ui.models import format_ha as dock_format

    previous = QLocale()
    QLocale.setDefault(QLocale("es_ES"))  # a system locale that writes 330.000,00
    try:
        for value in (330000.0, 1234567.891, 0.5):
            assert dock_format(value) == log_format(value)
    finally:
        QLocale.setDefault(previous)
    assert log_format(330000) == "330,000.00" and log_format(330000, 0) == "330,000"
    dock.summary._show({"status": {}, "gap": {}, "ecosystem": {}, "department": {}, "counts": {
        "status": {}, "gap": {}, "ecosystem": {}, "department": {}}, "total": 330000.0, "total_sum": 330000.0,
        "areas": 1})
    assert "330,000.00 ha" in dock.summary.total_label.text()


def test_import_dialog_and_guide_say_where_the_rows_go(qgis_iface, qtbot):
    from pathlib import Path

    from t2restore.ui.area_import import ImportAreasDialog

    dialog = ImportAreasDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.scope_note
    assert note.isVisible()
    assert "initiative open in the form" in note.text()
    assert "Import initiatives and areas into a registry" in note.text()
    guide = (Path(__file__).resolve().parents[2] / "docs" / "guia_usuario.md").read_text(encoding="utf-8")
    assert "*todas* las filas" in guide and "Importar\niniciativas y áreas a un registro" in guide
