"""The dock's import (dialog and task) on the real cases of issues 17 and 18: a Latin-1 shapefile without
.cpg, an undefined CRS, a file imported twice into the same initiative."""

import test_registry_dock
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer
from qgis.PyQt.QtWidgets import QDialogButtonBox
from test_registry_dock import errors, wait
from test_registry_processing import LATIN1_ROWS, TITLE, latin1_shapefile, square, undefined_crs_gpkg

from t2restore.registry.model import Organization

OK = QDialogButtonBox.StandardButton.Ok
# the dock's fixtures, shared with its own tests
clean_settings = test_registry_dock.clean_settings
make_dock = test_registry_dock.make_dock
dock = test_registry_dock.dock


def _initiative(dock):
    dock.new_initiative()
    dock.form.title_edit.setText(TITLE)
    dock.form.add_organization(Organization(name="GORE San Martín", role=1))
    assert dock.save_form()


def test_dialog_offers_the_encoding_of_a_latin1_shapefile_and_reimport_adds_nothing(dock, qtbot, tmp_path):
    from t2restore.ui.area_import import ImportAreasDialog

    _initiative(dock)
    path = latin1_shapefile(tmp_path, LATIN1_ROWS)
    dialog = ImportAreasDialog(dock, path)
    assert not dialog.buttons.button(OK).isEnabled()  # refused while the text reads as replacement characters
    assert "Encoding" in dialog.info.text() and "ISO-8859-1" in dialog.info.text()
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("ISO-8859-1"))
    assert dialog.buttons.button(OK).isEnabled(), dialog.info.text()
    assert [f["SITIO"] for f in dialog.layer.getFeatures()] == ["Quebrada Ñuñunga", "Sitio dos"]
    dialog.map_combos["site_name"].setCurrentIndex(dialog.map_combos["site_name"].findData("SITIO"))
    assert dialog.mode() == "update"
    for _run in range(2):  # the same file twice, as a technician re-running an import does
        assert dock.import_areas(dialog.layer, dialog.crs(), dialog.area_mapping(), mode=dialog.mode(),
                                 encoding=dialog.encoding())
        wait(qtbot, dock)
        assert not errors(dock), dock.messages
        assert [a.site_name for a in dock.form.areas] == ["Quebrada Ñuñunga", "Sitio dos"]
    assert "0 added, 0 updated, 2 unchanged" in dock.messages[-1][1]
    assert dock.save_form()
    assert len(dock.store.get_initiative(dock.form.initiative.uuid).areas) == 2
    # replace: only the file's areas remain, the recognized one keeps its identity
    kept = dock.form.areas[0].uuid
    (tmp_path / "uno").mkdir()
    one = latin1_shapefile(tmp_path / "uno", LATIN1_ROWS[:1])
    layer = QgsVectorLayer(one, "uno", "ogr")
    layer.setProviderEncoding("ISO-8859-1")
    assert dock.import_areas(layer, dialog.crs(), {"site_name": "SITIO"}, mode="replace", encoding="ISO-8859-1")
    wait(qtbot, dock)
    assert [(a.site_name, a.uuid) for a in dock.form.areas] == [("Quebrada Ñuñunga", kept)]
    assert "1 removed" in dock.messages[-1][1]


def test_dock_import_refuses_undecoded_text(dock, qtbot, tmp_path):
    _initiative(dock)
    layer = QgsVectorLayer(latin1_shapefile(tmp_path, LATIN1_ROWS), "campo", "ogr")  # read as UTF-8
    assert dock.import_areas(layer, layer.crs(), {"site_name": "SITIO"})
    wait(qtbot, dock)
    assert any("ISO-8859-1" in text and '"SITIO"' in text for text in errors(dock)), dock.messages
    assert dock.form.areas == []


def test_dialog_refuses_an_undefined_crs_until_one_is_chosen(dock, tmp_path, write_vector):
    from t2restore.ui.area_import import ImportAreasDialog

    dialog = ImportAreasDialog(dock, undefined_crs_gpkg(tmp_path / "sin_crs.gpkg"))
    assert dialog.layer is not None and not dialog.buttons.button(OK).isEnabled()
    assert "undefined" in dialog.info.text()
    dialog.crs_widget.setCrs(QgsCoordinateReferenceSystem("EPSG:32718"))
    assert dialog.buttons.button(OK).isEnabled()
    plain = write_vector(tmp_path / "ok.geojson", [(square(476000, 8680000, 100), {"SITIO": "a"})], epsg=32718)
    assert ImportAreasDialog(dock, plain).buttons.button(OK).isEnabled()
