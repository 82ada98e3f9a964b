"""The registry summary's share of degraded land under restoration, the degraded land taken from an ldn_status
status raster (issue 11, item 3), driven through the dock's real widgets (pytest-qt).

Truth: the registry's areas are 0.01 degree squares lying exactly on pixels of a 0.01 degree EPSG:4326 status
raster, so every hectare is the exact ellipsoidal quadrangle of a cell (``case_inputs.quadrangle_hectares``).
"""

import numpy as np
import pytest
from case_inputs import quadrangle_hectares
from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt
from rasters import write_raster

from t2restore.registry import samples

TIMEOUT_MS = 30000
ND = -32768
X0, Y0, D = -75.92, -11.78, 0.01
# area A covers cell (1, 2) (class 1, degrading now), area B cell (1, 4) (class 3, baseline degradation)
STATUS = np.array([[4, 1, 4, 4, 4, 4],
                   [2, 4, 1, 4, 3, 4],
                   [5, 6, 7, 4, 2, ND]], np.int16)


def cells_ha(cells):
    return sum(quadrangle_hectares(X0 + c * D, Y0 - (r + 1) * D, X0 + (c + 1) * D, Y0 - r * D) for r, c in cells)


def degraded_cells(classes):
    return [(r, c) for r in range(STATUS.shape[0]) for c in range(STATUS.shape[1]) if STATUS[r, c] in classes]


@pytest.fixture
def dock(qgis_iface, qgis_new_project, qtbot, tmp_path):
    from t2restore.ui.registry_dock import RegistryDock

    dock = RegistryDock(qgis_iface)
    qtbot.addWidget(dock)
    assert dock.open_registry(tmp_path / "registro.gpkg", create=True)
    for n, lon in ((0, -75.90), (1, -75.88)):
        dock.store.save_initiative(samples.sample_initiative(n, areas=1, lon=lon, lat=-11.80))
    dock.registry_changed()
    yield dock
    if dock.busy:
        dock.runner.cancel()
        qtbot.waitUntil(lambda: not dock.busy, timeout=TIMEOUT_MS)
    dock.unload()


def status_layer(tmp_path, name="status", band_name=None, array=STATUS):
    path = write_raster(tmp_path / f"{name}.tif", array, epsg=4326, geotransform=(X0, D, 0.0, Y0, 0.0, -D),
                        nodata=ND)
    if band_name:
        ds = gdal.Open(path, gdal.GA_Update)
        ds.GetRasterBand(1).SetDescription(band_name)
        ds = None
    layer = QgsRasterLayer(path, name)
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer


def compute(qtbot, dock, layer, classes):
    panel = dock.summary.degraded_share
    panel.layer_combo.setLayer(layer)
    panel.classes_edit.setText(classes)
    panel.result = None
    qtbot.mouseClick(panel.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dock.busy, timeout=TIMEOUT_MS)
    return panel


@pytest.mark.parametrize("classes, counted", [("1,2,3", {1, 2, 3}), ("1,2", {1, 2})])
def test_share_of_degraded_land_from_a_status_raster(dock, qtbot, tmp_path, classes, counted):
    from t2restore.ui.models import format_ha

    panel = compute(qtbot, dock, status_layer(tmp_path), classes)
    result = panel.result
    assert result is not None, dock.messages
    restored = [cell for cell in ((1, 2), (1, 4)) if STATUS[cell] in counted]
    assert result["degraded_ha"] == pytest.approx(cells_ha(degraded_cells(counted)), rel=1e-6)
    assert result["inside_ha"] == pytest.approx(cells_ha(restored), rel=1e-6)
    assert result["outside_ha"] == pytest.approx(cells_ha([(1, 2), (1, 4)]) - cells_ha(restored), abs=1e-4)
    share = 100.0 * cells_ha(restored) / cells_ha(degraded_cells(counted))
    assert result["share_pct"] == pytest.approx(share, rel=1e-6)
    text = panel.result_label.text()
    assert f"{share:.2f} %" in text and format_ha(cells_ha(degraded_cells(counted))) in text
    assert f"classes {', '.join(str(c) for c in sorted(counted))} of status" in text


def test_the_panel_agrees_with_target2_indicator(dock, qtbot, tmp_path, run_alg):
    """Same code as target2_indicator: its figures for the registry's areas and DEGRADED_CLASSES 1,2,3."""
    layer = status_layer(tmp_path)
    result = compute(qtbot, dock, layer, "1,2,3").result
    res = run_alg("t2restore:target2_indicator", {
        "DEGRADED": layer.source(), "DEGRADED_CLASSES": "1,2,3",
        "RESTORATION_AREAS": f"{dock.store.location}|layername=restoration_areas", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["degraded_ha"] == pytest.approx(res["DEGRADED_HA"], rel=1e-9)
    assert result["inside_ha"] == pytest.approx(res["RESTORATION_IN_DEGRADED_HA"], rel=1e-9)
    assert result["share_pct"] == pytest.approx(res["SHARE_PCT"], rel=1e-9)


def test_classes_without_pixels_are_a_message(dock, qtbot, tmp_path):
    panel = compute(qtbot, dock, status_layer(tmp_path), "8,9")
    assert panel.result is None
    assert any("has no pixel of the degraded classes 8, 9" in text for _level, text in dock.messages), dock.messages
    assert not any("Traceback" in text or "Unexpected error" in text for _level, text in dock.messages)


def test_a_bad_class_list_is_refused_before_any_task(dock, qtbot, tmp_path):
    panel = compute(qtbot, dock, status_layer(tmp_path), "1,x")
    assert panel.result is None
    assert any("Degraded classes" in text and "'x'" in text for _level, text in dock.messages), dock.messages


def test_no_raster_chosen_is_a_message(dock, qtbot):
    panel = dock.summary.degraded_share
    panel.layer_combo.setLayer(None)
    qtbot.mouseClick(panel.compute_button, Qt.MouseButton.LeftButton)
    assert not dock.busy and panel.result is None
    assert any("Choose the status raster" in text for _level, text in dock.messages), dock.messages


def test_the_latest_reporting_period_is_picked(dock, tmp_path):
    """Rasters whose band is named as ldn_status names its STATUS outputs: report_2 wins over report_1, as the
    layers are added to the project; a layer the user chose in the list stays chosen."""
    panel = dock.summary.degraded_share
    other = status_layer(tmp_path, "other", None)
    assert panel.layer_combo.currentLayer() is None
    first = status_layer(tmp_path, "period1", "SDG 15.3.1 status report_1")
    assert panel.layer_combo.currentLayer() is first
    latest = status_layer(tmp_path, "period2", "SDG 15.3.1 status report_2")
    status_layer(tmp_path, "period1b", "SDG 15.3.1 status report_1")
    assert panel.layer_combo.currentLayer() is latest
    panel.layer_combo.setLayer(other)
    panel.layer_combo.activated.emit(panel.layer_combo.currentIndex())  # what a user's pick in the list emits
    status_layer(tmp_path, "period2b", "SDG 15.3.1 status report_2")
    assert panel.layer_combo.currentLayer() is other
