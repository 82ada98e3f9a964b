"""The registry dock driven through its real widgets (pytest-qt), with QGIS's mock iface and canvas."""

import copy
import json
import subprocess  # nosec B404
import sys
import zipfile
from pathlib import Path

import pytest
from fixtures.hostile import TRICKY_TEXT
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDialog

from t2restore.registry import samples
from t2restore.registry.model import Organization
from t2restore.registry.store import open_registry
from t2restore.ui.area_import import ImportAreasDialog

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"
TASK_TIMEOUT_MS = 30000


# --- helpers ---------------------------------------------------------------------------------
def utm_square(x, y, size):
    return "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))" % (
        x, y, x + size, y, x + size, y + size, x, y + size, x, y)


def lonlat_square(lon, lat, size):
    return utm_square(lon, lat, size)


def qgs_geometry(wkb):
    geometry = QgsGeometry()
    geometry.fromWkb(bytes(wkb))
    return geometry


def wait(qtbot, dock):
    qtbot.waitUntil(lambda: not dock.busy, timeout=TASK_TIMEOUT_MS)


def errors(dock):
    from t2restore import compat

    return [text for level, text in dock.messages if level == compat.MESSAGE_CRITICAL]


@pytest.fixture
def clean_settings():
    """Forget the dock's remembered choices (registry, admin layer, mappings) around a test."""
    settings = QgsSettings()
    settings.remove("t2restore/registry")
    yield settings
    settings.remove("t2restore/registry")


@pytest.fixture
def make_dock(qgis_iface, qgis_new_project, qtbot, clean_settings):
    from t2restore.ui.registry_dock import RegistryDock

    made = []

    def _make():
        dock = RegistryDock(qgis_iface)
        qtbot.addWidget(dock)
        made.append(dock)
        return dock

    yield _make
    for dock in made:
        if dock.busy:
            dock.runner.cancel()
            qtbot.waitUntil(lambda d=dock: not d.busy, timeout=TASK_TIMEOUT_MS)
        dock.unload()
        # free the dialogs the test opened on the dock (and the layers they hold) now, not at exit
        for dialog in dock.findChildren(ImportAreasDialog):  # dialogs a test opened without the dock's flow
            dialog.release()


@pytest.fixture
def dock(make_dock, tmp_path):
    dock = make_dock()
    assert dock.open_registry(tmp_path / "registro.gpkg", create=True)
    return dock


def add_samples(dock, initiatives):
    for ini in initiatives:
        dock.store.save_initiative(ini)
    dock.registry_changed()


# --- layout rules --------------------------------------------------------------------------------
def test_ui_files_carry_no_signal_connections():
    """Connections belong in Python (reviewable, testable), not in Designer files."""
    for path in (ROOT / "ui").rglob("*.ui"):
        text = path.read_text(encoding="utf-8")
        assert "<connection>" not in text, path


# --- registry ------------------------------------------------------------------------------------
def test_create_registry_is_remembered_in_settings_and_project(make_dock, tmp_path):
    path = tmp_path / "nuevo registro ñ.gpkg"
    first = make_dock()
    assert first.open_registry(path, create=True)
    assert path.exists()
    assert QgsSettings().value("t2restore/registry/path") == str(path)
    assert QgsProject.instance().readEntry("t2restore", "registry_path", "")[0] == str(path)
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source() == first.store.layer_uri()]
    assert len(layers) == 1 and layers[0].isValid()
    assert first.count_label.text() == "0 initiatives"
    first.unload()
    second = make_dock()
    assert second.store is None
    assert second.restore_registry()
    assert second.store.location == str(path)
    # the same project layer is reused, not added twice
    assert len([lyr for lyr in QgsProject.instance().mapLayers().values()
                if lyr.source() == second.store.layer_uri()]) == 1


def test_opening_a_file_that_is_not_a_registry_is_a_message_not_a_traceback(make_dock, tmp_path, write_vector):
    other = write_vector(tmp_path / "otra.gpkg", [(lonlat_square(-75, -12, 0.01), {"n": "x"})], driver="GPKG")
    dock = make_dock()
    assert dock.open_registry(other) is False
    assert dock.store is None
    assert any("is not a T2 Restore registry" in text for text in errors(dock))
    assert not any("Traceback" in text for _level, text in dock.messages)


# --- form ------------------------------------------------------------------------------------------
def test_create_and_edit_an_initiative_through_the_form(dock, qtbot):
    form = dock.form
    qtbot.mouseClick(dock.new_button, Qt.MouseButton.LeftButton)
    assert dock.tabs.currentIndex() == 1 and form.is_new
    qtbot.keyClicks(form.title_edit, "Bosques")  # QTest types ASCII only; the accented text is pasted
    assert form.dirty and form.title_edit.text() == "Bosques"
    form.title_edit.setText(TRICKY_TEXT)
    form.status_combo.setCurrentIndex(form.status_combo.index_of(2))
    assert form.status_combo.currentText() == "In progress"  # label shown, code stored
    form.types_list.check(1)
    form.objectives_list.check(3)
    form.funding_list.check("merese")
    form.start_year.setValue(2022)
    form.target_area.setValue(1500.0)
    # saving without a leading organization is refused with a message
    qtbot.mouseClick(dock.save_button, Qt.MouseButton.LeftButton)
    assert any("leading role" in text for text in errors(dock))
    assert dock.store.count_initiatives() == 0
    qtbot.mouseClick(form.add_org_button, Qt.MouseButton.LeftButton)
    form.org_table.item(0, 0).setText("Gobierno Regional de Junín")
    form.org_table.item(0, 1).setText("GRJ")
    form.org_table.cellWidget(0, 2).set_code(1)
    qtbot.mouseClick(form.add_org_button, Qt.MouseButton.LeftButton)
    form.org_table.item(1, 0).setText("ONG Bosques")
    assert form.org_table.cellWidget(0, 3).code() == 1 and form.org_table.cellWidget(1, 3).code() == 2
    qtbot.mouseClick(form.add_contact_button, Qt.MouseButton.LeftButton)
    form.contact_table.item(0, 0).setText("María Quispe")
    form.contact_table.item(0, 1).setText("mquispe@example.org")
    qtbot.mouseClick(dock.save_button, Qt.MouseButton.LeftButton)
    [summary] = dock.store.list_initiatives()
    stored = dock.store.get_initiative(summary.uuid)
    assert stored.title == TRICKY_TEXT
    assert stored.restoration_status == 2 and stored.restoration_types == [1] and stored.objectives == [3]
    assert stored.funding_sources == ["merese"] and stored.start_year == 2022 and stored.target_area == 1500.0
    assert [(o.name, o.org_type, o.role) for o in stored.organizations] == [
        ("Gobierno Regional de Junín", 1, 1), ("ONG Bosques", None, 2)]
    assert [(c.name, c.email) for c in stored.contacts] == [("María Quispe", "mquispe@example.org")]
    assert stored.revision == 1 and not form.dirty and not form.is_new
    assert dock.list_model.rowCount() == 1
    dock.messages.clear()

    # edit: reopen from the list, change, save; undo restores the earlier version in the registry
    dock.list_view.selectRow(0)
    qtbot.mouseClick(dock.edit_button, Qt.MouseButton.LeftButton)
    form.title_edit.setText("Título editado")
    form.status_combo.set_code(3)
    assert form.dirty
    qtbot.mouseClick(dock.save_button, Qt.MouseButton.LeftButton)
    edited = dock.store.get_initiative(stored.uuid)
    assert edited.title == "Título editado" and edited.restoration_status == 3 and edited.revision == 2
    dock.undo_action.trigger()
    assert dock.store.get_initiative(stored.uuid).title == TRICKY_TEXT
    assert form.title_edit.text() == TRICKY_TEXT  # the form follows an undo when it has no edits
    dock.redo_action.trigger()
    assert dock.store.get_initiative(stored.uuid).title == "Título editado"
    assert not errors(dock)


def test_unknown_codes_survive_open_and_save(dock):
    ini = samples.sample_initiative(1)
    ini.tenure_statuses = [1, 99]
    ini.areas[0].ecosystems = ["T1", "ZZ9"]
    add_samples(dock, [ini])
    assert dock.edit_initiative(ini.uuid)
    assert "99 (not in the vocabulary)" in dock.form.tenure_list.labels()
    dock.form.title_edit.setText("Otra")
    assert dock.save_form()
    stored = dock.store.get_initiative(ini.uuid)
    assert stored.tenure_statuses == [1, 99] and stored.areas[0].ecosystems == ["T1", "ZZ9"]
    assert stored.areas[0].monitoring == ini.areas[0].monitoring


def test_monitoring_values_edited_in_the_form(dock, qtbot):
    from t2restore.registry.model import MonitoringValue
    from t2restore.ui.widgets.monitoring_editor import INDICATOR, UNIT

    ini = samples.sample_initiative(2, areas=2, monitoring=0)
    add_samples(dock, [ini])
    assert dock.edit_initiative(ini.uuid)
    form = dock.form
    assert form.select_area(ini.areas[1].uuid)
    editor = form.monitoring_editor
    assert editor.table.rowCount() == 0
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 1 and form.dirty
    combo = editor.table.cellWidget(0, INDICATOR)
    index = combo.index_of("SDG_I_15.1.1")
    assert index > 0 and combo.itemText(index).startswith("SDG_I_15.1.1")  # shown by label, stored as code
    combo.setCurrentIndex(index)
    editor.table.item(0, UNIT).setText("% de cobertura; «ñ»")
    editor.table.item(0, 2).setText("2025-02-30")  # not a calendar date
    editor.table.item(0, 3).setText("doce")
    problems = " ".join(form.problems())
    assert "is not a date (YYYY-MM-DD)" in problems and "\"doce\" is not a number" in problems
    assert not dock.save_form()
    assert dock.store.get_initiative(ini.uuid).areas[1].monitoring == []
    editor.table.item(0, 2).setText("2025-06-30")
    editor.table.item(0, 3).setText("12,5")  # a decimal comma is accepted
    assert form.problems() == []
    assert form.select_area(ini.areas[0].uuid) and editor.table.rowCount() == 0  # per area
    assert form.select_area(ini.areas[1].uuid) and editor.table.rowCount() == 1
    assert dock.save_form()
    stored = dock.store.get_initiative(ini.uuid)
    [value] = stored.areas[1].monitoring
    assert (value.indicator, value.unit, value.date, value.value) == ("SDG_I_15.1.1", "% de cobertura; «ñ»",
                                                                      "2025-06-30", 12.5)
    assert stored.areas[0].monitoring == []
    # reopened: the row is shown; removing it saves an area without values
    assert dock.edit_initiative(ini.uuid) and form.select_area(ini.areas[1].uuid)
    assert editor.values() == [value]
    editor.table.selectRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 0
    assert dock.save_form()
    assert dock.store.get_initiative(ini.uuid).areas[1].monitoring == []
    assert isinstance(value, MonitoringValue)


def test_delete_and_undo(dock, monkeypatch):
    made = [samples.sample_initiative(n) for n in range(3)]
    add_samples(dock, made)
    dock.list_view.selectRow(0)
    monkeypatch.setattr(dock, "confirm", lambda question: True)
    assert dock.delete_selected()
    assert dock.store.count_initiatives() == 2
    dock.undo_action.trigger()
    assert dock.store.count_initiatives() == 3
    restored = dock.store.get_initiative(made[0].uuid)
    assert len(restored.areas) == 2 and restored.areas[0].monitoring


# --- areas -----------------------------------------------------------------------------------------
@pytest.fixture
def admin_layer(tmp_path, write_vector):
    """Two 'districts' of Junín in the style of INEI's limits."""
    rows = [
        (lonlat_square(-75.5, -12.0, 0.5), {"NOMBDEP": "JUNIN", "NOMBPROV": "HUANCAYO", "NOMBDIST": "HUANCAYO",
                                             "UBIGEO": "120101"}),
        (lonlat_square(-76.0, -12.0, 0.5), {"NOMBDEP": "JUNIN", "NOMBPROV": "CONCEPCION", "NOMBDIST": "ACO",
                                             "UBIGEO": "120202"}),
    ]
    return write_vector(tmp_path / "limites.gpkg", rows, driver="GPKG", layer="distritos")


def test_import_areas_from_a_utm_file_with_mapping_dialog(dock, qtbot, tmp_path, admin_layer, write_vector,
                                                          ellipsoid_ha):
    from t2restore.ui.admin_units import AdminConfig, save_config
    from t2restore.ui.area_import import ImportAreasDialog

    save_config(AdminConfig(admin_layer + "|layername=distritos", "ogr",
                            {"department": "NOMBDEP", "province": "NOMBPROV", "district": "NOMBDIST",
                             "ubigeo": "UBIGEO"}))
    x0, y0 = 476000.0, 8680000.0  # UTM 18S, near Huancayo
    wkts = [utm_square(x0, y0, 1000.0), utm_square(x0 + 2000, y0, 500.0)]
    path = write_vector(tmp_path / "parcelas.geojson", [
        (wkts[0], {"NOMBRE": "Parcela Ñ 1", "ECOSIS": "T1; t2 - bioma de bosques y arbolados templados y boreales",
                   "HAS": 100.0}),
        (wkts[1], {"NOMBRE": "Parcela 2", "ECOSIS": "T1", "HAS": 25.0}),
    ], epsg=32718)
    dock.new_initiative()
    dock.form.title_edit.setText("Importada")
    dock.form.add_organization(Organization(name="GRJ", role=1))
    assert dock.save_form()

    dialog = ImportAreasDialog(dock, path)
    assert dialog.layer is not None and dialog.layer.featureCount() == 2
    assert dialog.crs().authid() == "EPSG:32718"
    guessed = dialog.area_mapping()
    assert guessed["site_name"] == "NOMBRE" and guessed["declared_area_ha"] == "HAS"
    dialog.map_combos["ecosystems"].setCurrentIndex(dialog.map_combos["ecosystems"].findData("ECOSIS"))
    dialog.accept()
    assert dock.import_areas(dialog.layer, dialog.crs(), dialog.area_mapping())
    wait(qtbot, dock)
    areas = dock.form.areas
    assert [a.site_name for a in areas] == ["Parcela Ñ 1", "Parcela 2"]
    assert areas[0].ecosystems == ["T1", "T2"]  # a code and a Spanish label (any case) both give codes
    assert areas[0].original_crs == "EPSG:32718" and areas[0].capture_method == "imported"
    assert (areas[0].department, areas[0].district, areas[0].ubigeo) == ("JUNIN", "HUANCAYO", "120101")
    lon, lat = areas[0].geometry().Centroid().GetX(), areas[0].geometry().Centroid().GetY()
    assert -75.3 < lon < -75.1 and -12.0 < lat < -11.8
    assert dock.save_form()
    stored = dock.store.get_initiative(dock.form.initiative.uuid)
    for area, wkt in zip(stored.areas, wkts):
        assert area.area_ha == pytest.approx(ellipsoid_ha(wkt, 32718), rel=1e-3)
    # the mapping (with the hand-picked ecosystem field) is remembered for the next file alike
    again = ImportAreasDialog(dock, path)
    assert again.area_mapping()["ecosystems"] == "ECOSIS"


def test_import_still_works_when_the_remembered_admin_layer_is_gone(dock, qtbot, tmp_path, write_vector):
    """A remembered administrative layer deleted since (a USB stick, a moved folder) must not lose the import."""
    from t2restore.ui.admin_units import AdminConfig, save_config
    from t2restore.ui.area_import import ImportAreasDialog

    gone = str(tmp_path / "borrado.gpkg") + "|layername=distritos"
    save_config(AdminConfig(gone, "ogr", {"department": "NOMBDEP", "ubigeo": "UBIGEO"}))
    path = write_vector(tmp_path / "parcela.geojson", [(utm_square(476000.0, 8680000.0, 1000.0),
                                                        {"NOMBRE": "Parcela 1"})], epsg=32718)
    dock.new_initiative()
    dock.form.title_edit.setText("Sin límites")
    dock.form.add_organization(Organization(name="GRJ", role=1))
    assert dock.save_form()
    dialog = ImportAreasDialog(dock, path)
    dialog.accept()
    assert dock.import_areas(dialog.layer, dialog.crs(), dialog.area_mapping())
    wait(qtbot, dock)
    assert not errors(dock), dock.messages
    assert [a.site_name for a in dock.form.areas] == ["Parcela 1"]
    assert dock.form.areas[0].department in (None, "")
    assert "borrado.gpkg" in dock.messages[-1][1]


def test_csv_with_wkt_in_psad56_and_other_formats_open(dock, tmp_path, write_vector):
    from t2restore.ui.area_import import ImportAreasDialog, open_file

    csv_path = tmp_path / "areas.csv"
    csv_path.write_text('sitio;WKT\n"Bofedal";"%s"\n' % utm_square(476000, 8680000, 800), encoding="utf-8")
    dialog = ImportAreasDialog(dock, csv_path)
    dialog.crs_widget.setCrs(QgsCoordinateReferenceSystem("EPSG:24878"))  # PSAD56 / UTM 18S
    assert dialog.layer.isValid() and dialog.layer.featureCount() == 1
    assert dialog.layer.crs().authid() == "EPSG:24878" and dialog.area_mapping()["site_name"] == "sitio"
    shp = write_vector(tmp_path / "p.shp", [(lonlat_square(-75.2, -11.8, 0.01), {"nombre": "a"})],
                       driver="ESRI Shapefile", layer="p")
    archive = tmp_path / "p.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in Path(shp).parent.glob("p.*"):
            zf.write(part, part.name)
    kml = write_vector(tmp_path / "p.kml", [(lonlat_square(-75.2, -11.8, 0.01), {"Name": "a"})], driver="KML")
    kmz = tmp_path / "p.kmz"
    with zipfile.ZipFile(kmz, "w") as zf:
        zf.write(kml, "doc.kml")
    two = tmp_path / "dos.gpkg"
    write_vector(two, [(lonlat_square(-75.2, -11.8, 0.01), {"n": "a"})], driver="GPKG", layer="primera")
    ds = ogr.Open(str(two), 1)
    layer = ds.CreateLayer("segunda", ds.GetLayer(0).GetSpatialRef(), ogr.wkbPolygon)
    for wkt in (lonlat_square(-75.3, -11.8, 0.01), lonlat_square(-75.4, -11.8, 0.01)):
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feat)
    ds = None
    for path in (archive, kml, kmz):
        layer = open_file(path)
        assert layer.isValid() and layer.featureCount() == 1, path
    dialog = ImportAreasDialog(dock, two)
    assert [dialog.sublayer_combo.itemText(i) for i in range(2)] == ["primera", "segunda"]
    dialog.sublayer_combo.setCurrentIndex(1)
    assert dialog.layer.featureCount() == 2


def test_draw_on_the_map_is_completed_through_the_store(dock, qtbot, admin_layer, ellipsoid_ha):
    from t2restore.ui.admin_units import AdminConfig, save_config

    save_config(AdminConfig(admin_layer + "|layername=distritos", "ogr", {"department": "NOMBDEP",
                                                                         "ubigeo": "UBIGEO"}))
    ini = samples.sample_initiative(7)
    add_samples(dock, [ini])
    assert dock.edit_initiative(ini.uuid)
    assert dock.start_drawing()
    layer = dock.area_layer.layer
    assert layer.isEditable()
    # what QGIS's "Add polygon feature" tool does once the user closes the polygon
    geometry = QgsGeometry.fromWkt("MULTIPOLYGON(((-75.4 -11.9,-75.39 -11.9,-75.39 -11.89,-75.4 -11.89,-75.4 -11.9)))")
    feature = QgsVectorLayerUtils.createFeature(layer, geometry, {}, layer.createExpressionContext())
    assert layer.addFeature(feature)
    assert layer.commitChanges(), layer.commitErrors()
    stored = dock.store.get_initiative(ini.uuid)
    assert len(stored.areas) == 3
    drawn = stored.areas[-1]
    assert drawn.area_ha == pytest.approx(ellipsoid_ha(geometry.asWkt(), 4326), rel=1e-3)
    assert drawn.capture_method == "imagery_digitizing" and drawn.ubigeo == "120101"
    assert len(dock.form.areas) == 3  # the form shows the completed area
    dock.undo_action.trigger()
    assert len(dock.store.get_initiative(ini.uuid).areas) == 2


# --- validation ------------------------------------------------------------------------------------
def test_validation_lists_findings_zooms_and_repairs(dock, qtbot, monkeypatch):
    from t2restore.ui import validation_panel

    good = samples.sample_initiative(1)
    bad = samples.sample_initiative(2)
    bowtie = ogr.CreateGeometryFromWkt("POLYGON((-75.5 -11.5,-75.49 -11.49,-75.49 -11.5,-75.5 -11.49,-75.5 -11.5))")
    bad.areas[0].set_geometry(bowtie)
    overlapping = samples.sample_initiative(3, lon=good.areas[0].geometry().GetEnvelope()[0] + 0.002)
    add_samples(dock, [good, bad, overlapping])
    panel = dock.validation
    qtbot.mouseClick(panel.validate_all_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dock)
    rules = {f.rule for f in panel.report.findings}
    assert {"invalid_geometry", "overlap_other_initiative"} <= rules
    assert "3 initiatives and 6 areas checked" in panel.summary.text()
    # the list's validation-state filter reads the stored outcome
    dock.state_filter.setCurrentIndex(dock.state_filter.findData("errors"))
    assert dock.list_model.rowCount() == 1 and dock.list_model.summary(0).uuid == bad.uuid
    panel.severity_combo.setCurrentIndex(1)  # errors only
    assert all(panel.model.finding(r).severity == "error" for r in range(panel.model.rowCount()))
    row = next(r for r in range(panel.model.rowCount()) if panel.model.finding(r).rule == "invalid_geometry")
    panel.view.selectRow(row)
    assert panel.repair_button.isEnabled()
    assert panel.zoom()
    assert dock.canvas.extent().contains(QgsGeometry.fromWkt(bowtie.ExportToWkt()).boundingBox())
    shown = []

    def fake_exec(dialog):
        shown.append(dialog.summary.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(validation_panel.RepairPreviewDialog, "exec", fake_exec)
    assert panel.repair()
    assert "2 part(s) after" in shown[0]
    repaired = dock.store.get_initiative(bad.uuid).areas[0].geometry()
    assert repaired.IsValid() and repaired.GetGeometryCount() == 2
    wait(qtbot, dock)  # the repair validates again
    assert "invalid_geometry" not in {f.rule for f in panel.report.findings}
    dock.undo_action.trigger()  # the repair is undoable
    assert not dock.store.get_initiative(bad.uuid).areas[0].geometry().IsValid()


def test_long_work_can_be_cancelled(dock, qtbot):
    import time

    def slow(progress, cancelled):
        for step in range(500):
            if cancelled():
                from t2restore.algorithms.errors import Cancelled

                raise Cancelled()
            progress(step / 500)
            time.sleep(0.01)
        return "finished"

    results = []
    assert dock.run_task("slow", slow, results.append)
    assert dock.progress_row.isVisibleTo(dock) and dock.busy
    assert not dock.run_task("second", slow, results.append)  # one job at a time, said clearly
    qtbot.mouseClick(dock.cancel_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dock)
    assert results == [] and not dock.progress_row.isVisibleTo(dock)
    assert any("Cancelled" in text for text in errors(dock))


# --- summary, export, import -------------------------------------------------------------------------
def test_summary_and_progress_chart(dock, qtbot):
    made = [samples.sample_initiative(n) for n in range(4)]
    made[0].restoration_status = 1
    made[1].areas[0].national_gap = "SERFOR"
    add_samples(dock, made)
    dock.summary.target_spin.setValue(1000.0)
    dock.tabs.setCurrentIndex(3)  # showing the summary after a change refreshes it (a QgsTask)
    assert dock.busy
    wait(qtbot, dock)
    data = dock.summary.data
    total = sum(a.area_ha for a in dock.store.list_areas())
    assert data["total"] == pytest.approx(total)
    assert data["status"][1] == pytest.approx(sum(a.area_ha for a in dock.store.list_areas([made[0].uuid])))
    assert data["gap"]["SERFOR"] == pytest.approx(made[1].areas[0].area_ha)
    assert data["department"]["Junín"] == pytest.approx(total)
    assert dock.summary.chart.percent == pytest.approx(100.0 * total / 1000.0)
    assert dock.summary.tables["status"].item(0, 0).text() == "In progress"
    image = dock.summary.chart.grab()
    assert not image.isNull() and image.width() > 100


def test_summary_counts_overlapping_areas_once(dock, qtbot, ellipsoid_ha):
    first = samples.sample_initiative(0, areas=1, lon=-75.5, lat=-11.8)
    second = samples.sample_initiative(1, areas=1, lon=-75.495, lat=-11.8)  # overlaps half of the first
    first.areas[0].national_gap = "SERFOR"
    second.areas[0].national_gap = None
    add_samples(dock, [first, second])
    assert dock.summary.refresh()
    wait(qtbot, dock)
    data = dock.summary.data
    assert data is not None, dock.messages
    one = ellipsoid_ha(lonlat_square(-75.5, -11.8, 0.01), 4326)
    union = ellipsoid_ha("POLYGON((-75.5 -11.8,-75.485 -11.8,-75.485 -11.79,-75.5 -11.79,-75.5 -11.8))", 4326)
    assert union == pytest.approx(1.5 * one, rel=1e-3)
    assert data["total"] == pytest.approx(union, rel=1e-4) and data["total_sum"] == pytest.approx(2 * one, rel=1e-4)
    assert data["status"][2] == pytest.approx(union, rel=1e-4) and data["counts"]["status"][2] == 2
    assert data["department"]["Junín"] == pytest.approx(union, rel=1e-4)
    assert data["gap"]["SERFOR"] == pytest.approx(one, rel=1e-4) and data["counts"]["gap"]["SERFOR"] == 1
    table = dock.summary.tables["status"]
    assert table.columnCount() == 3 and table.item(0, 2).text() == "2"
    from t2restore.ui.models import format_ha

    assert table.item(0, 1).text() == format_ha(data["status"][2])
    assert "Overlapping areas count once" in dock.summary.total_label.text()


def test_export_and_import_from_the_dock(dock, qtbot, tmp_path):
    made = [samples.sample_initiative(n) for n in range(3)]
    made[2].areas[1].set_geometry(samples.square(-60.0, -3.0, 0.01))  # in Brazil: refused
    add_samples(dock, made)
    output = tmp_path / "exportación.gpkg"
    dock.exchange.gef_check.setChecked(True)
    assert dock.exchange.export(str(output))
    wait(qtbot, dock)
    assert output.exists() and output.with_name("exportación.validation.json").exists()
    run = subprocess.run([sys.executable, VALIDATOR, str(output)], capture_output=True, text=True)  # nosec B603
    assert run.returncode == 0, run.stdout + run.stderr
    result = dock.exchange.result
    assert len(result.areas_exported) == 5 and result.areas_refused == [made[2].areas[1].uuid]
    assert "1 areas refused" in dock.exchange.export_summary.text()
    model = dock.exchange.findings_model
    assert any(model.finding(r).rule == "outside_peru" for r in range(model.rowCount()))
    # selected initiatives only
    dock.list_view.selectRow(0)
    assert dock.exchange.export(str(tmp_path / "una.gpkg"), selected=True)
    wait(qtbot, dock)
    assert len(dock.exchange.result.initiatives_exported) == 1

    # import back: two unchanged; the third lacks its refused area in the file, a reported conflict
    assert dock.exchange.import_file_(str(output))
    wait(qtbot, dock)
    result = dock.exchange.import_result
    assert len(result.unchanged) == 2 and [(c.uuid, c.fields) for c in result.conflicts] == [(made[2].uuid, ["areas"])]
    changed = dock.store.get_initiative(made[0].uuid)
    changed.title = "Cambiado en el registro"
    dock.store.save_initiative(changed)
    assert dock.exchange.import_file_(str(output), on_conflict="keep")
    wait(qtbot, dock)
    table = dock.exchange.conflict_table
    rows = {tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())}
    assert (made[0].title, "title", "kept the registry's version") in rows and len(rows) == 2
    assert dock.store.get_initiative(made[0].uuid).title == "Cambiado en el registro"


# --- list and filters ---------------------------------------------------------------------------------
def test_search_and_filters(dock, qtbot):
    made = [samples.sample_initiative(n, areas=1, monitoring=0) for n in range(12)]
    made[3].title = "Bofedales de Ñuñoa"
    made[4].restoration_status = 3
    made[5].areas[0].department = "Cusco"
    made[6].areas[0].ecosystems = ["T2"]
    made[7].areas[0].national_gap = "MINAM"
    add_samples(dock, made)
    assert dock.list_model.rowCount() == 12
    qtbot.keyClicks(dock.search_edit, "nunoa")
    qtbot.waitUntil(lambda: dock.list_model.rowCount() == 1, timeout=3000)
    assert dock.list_model.summary(0).title == "Bofedales de Ñuñoa"
    dock.search_edit.clear()
    dock.apply_filters()
    dock.status_filter.setCurrentIndex(dock.status_filter.index_of(3))
    assert [dock.list_model.summary(r).uuid for r in range(dock.list_model.rowCount())] == [made[4].uuid]
    dock.status_filter.setCurrentIndex(0)
    dock.department_combo.setCurrentIndex(dock.department_combo.findData("Cusco"))
    assert dock.list_model.rowCount() == 1 and dock.list_model.summary(0).departments == ["Cusco"]
    dock.department_combo.setCurrentIndex(0)
    dock.ecosystem_filter.setCurrentIndex(dock.ecosystem_filter.index_of("T2"))
    assert dock.list_model.rowCount() == 1
    dock.ecosystem_filter.setCurrentIndex(0)
    dock.gap_filter.setCurrentIndex(dock.gap_filter.index_of("MINAM"))
    assert dock.list_model.rowCount() == 12  # "BOTH" counts toward MINAM's gap too
    dock.gap_filter.setCurrentIndex(dock.gap_filter.index_of("SERFOR"))
    assert dock.list_model.rowCount() == 11
    dock.gap_filter.setCurrentIndex(0)
    assert dock.count_label.text() == "12 initiatives"
    # selecting one zooms the map to its areas and selects them on the registry's layer
    dock.list_view.selectRow(0)
    first = dock.list_model.summary(0)
    area = dock.store.list_areas([first.uuid])[0]
    assert dock.canvas.extent().contains(qgs_geometry(area.geometry_wkb).boundingBox())
    assert dock.area_layer.layer.selectedFeatureCount() == 1
    # sorting by title descending
    dock.list_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    titles = [dock.list_model.summary(r).title for r in range(dock.list_model.rowCount())]
    assert titles[0].startswith("Iniciativa 011")


# --- language ------------------------------------------------------------------------------------------
@pytest.fixture
def spanish():
    from t2restore.translation import install_translator

    settings = QSettingsSnapshot()
    QgsSettings().setValue("locale/userLocale", "es_PE")
    QgsSettings().setValue("locale/overrideFlag", True)
    loaded = install_translator()
    yield loaded
    settings.restore()
    install_translator("en")


class QSettingsSnapshot:
    KEYS = ("locale/userLocale", "locale/overrideFlag")

    def __init__(self):
        self.values = {k: QgsSettings().value(k) for k in self.KEYS}

    def restore(self):
        for key, value in self.values.items():
            if value is None:
                QgsSettings().remove(key)
            else:
                QgsSettings().setValue(key, value)


def test_spanish_locale_shows_spanish_labels_and_stores_codes(spanish, make_dock, tmp_path):
    assert spanish == "t2restore_es.qm"
    dock = make_dock()
    assert dock.windowTitle() == "Registro de iniciativas"
    assert [dock.tabs.tabText(i) for i in range(3)] == ["Iniciativas", "Iniciativa", "Validación"]
    form = dock.form
    form.status_combo.set_code(2)
    assert form.status_combo.currentText() == "En ejecución"
    assert form.status_combo.code() == 2
    assert "Restauración ecológica" in form.types_list.labels()
    assert form.tabs.tabText(1) == "Organizaciones y contactos"
    assert dock.save_button.text() == "Guardar"
    assert dock.list_model.headerData(0, Qt.Orientation.Horizontal) == "Título"
    assert dock.open_registry(tmp_path / "r.gpkg", create=True)
    add_samples(dock, [samples.sample_initiative(1)])
    assert dock.list_model.data(dock.list_model.index(0, 1)) == "En ejecución"
    assert dock.count_label.text() == "1 iniciativas"


# --- plugin --------------------------------------------------------------------------------------------
def test_plugin_adds_the_dock_toggle_and_removes_it(qgis_iface, plugin, clean_settings):
    import t2restore

    gui = t2restore.classFactory(qgis_iface)
    plugin.unload()
    gui.initGui()
    try:
        dock = gui.registry_dock
        assert dock is not None and dock.isHidden()
        toggle = dock.toggleViewAction()
        assert toggle.objectName() == "t2restore_registry_dock" and toggle.text() == "Initiative registry"
        assert dock.store is None  # nothing is opened or added to the project until the dock is shown
    finally:
        gui.unload()
    assert gui.registry_dock is None
    plugin.initProcessing()


def test_remembered_mapping_survives_as_json(clean_settings):
    from t2restore.ui.area_import import remember, remembered

    remember(["NOMBRE", "X"], {"site_name": "NOMBRE", "bogus": "X"}, "EPSG:24878")
    kept, crs = remembered(["X", "NOMBRE"])
    assert kept == {"site_name": "NOMBRE"} and crs == "EPSG:24878"
    assert json.loads(QgsSettings().value("t2restore/registry/import_mappings/" + _signature(["X", "NOMBRE"])))


def _signature(names):
    from t2restore.registry import mapping

    return mapping.signature(names)


def test_form_copy_is_independent(dock):
    ini = samples.sample_initiative(2)
    add_samples(dock, [ini])
    dock.edit_initiative(ini.uuid)
    before = copy.deepcopy(dock.form.initiative)
    dock.form.title_edit.setText("x")
    assert dock.form.initiative.title == before.title  # edits live in widgets until collect()
    assert dock.form.collect().title == "x"


def test_layer_source_is_the_registry(dock):
    layer = dock.area_layer.layer
    assert isinstance(layer, QgsVectorLayer) and layer.source() == dock.store.layer_uri()
    with open_registry(dock.store.location) as other:
        assert other.count_initiatives() == 0

