"""The status of ldn_status as a raster gap of gap_overlap (issue 11, item 3): GAP_A_VALUES / GAP_B_VALUES.

Expected hectares are pixel counts times the exact ellipsoidal quadrangle of each 0.001 degree cell
(``case_inputs.quadrangle_hectares``, a closed form), never figures of the code under test.
"""

import numpy as np
import pytest
from case_inputs import box_wkt, quadrangle_hectares
from feedback import Capture
from qgis.core import QgsProcessingException
from rasters import write_polygons, write_raster

from t2restore.processing.gap_overlap import GapOverlapAlgorithm as Alg

ALG = "t2restore:gap_overlap"
ND = -32768
X0, Y0, D = -75.0, -9.0, 0.001
GT = (X0, D, 0.0, Y0, 0.0, -D)
# a 7-class status of one reporting period (ldn_status STATUS_1): 1-3 degraded, 4 stable, 5-7 improved
STATUS = np.array([[1, 4, 2, 7],
                   [3, 5, 1, 6],
                   [2, 6, 3, ND]], np.int16)
REL = 5e-5  # polygon edges along parallels against the geodesic through their ends (< 1e-5 of these cells)


def cells_ha(cells):
    """Exact hectares of the grid cells [(row, col)] on the WGS 84 ellipsoid."""
    return sum(quadrangle_hectares(X0 + c * D, Y0 - (r + 1) * D, X0 + (c + 1) * D, Y0 - r * D) for r, c in cells)


def cells_with(values, columns):
    return [(r, c) for r in range(STATUS.shape[0]) for c in columns if STATUS[r, c] in values]


@pytest.fixture
def layers(tmp_path):
    """The status raster, and gap B: the polygon covering columns 0-1 of the raster (all rows)."""
    status = write_raster(tmp_path / "status.tif", STATUS, epsg=4326, geotransform=GT, nodata=ND)
    gap_b = write_polygons(tmp_path / "b.gpkg", [("B", box_wkt(X0, Y0 - 3 * D, X0 + 2 * D, Y0))], epsg=4326)
    return status, gap_b


@pytest.mark.parametrize("text, classes", [("1,2,3", {1, 2, 3}), ("1,2", {1, 2}), ("1-3", {1, 2, 3}),
                                           ("", set(range(1, 8)))])
def test_status_classes_are_the_gap(layers, run_alg, text, classes):
    status, gap_b = layers
    fb = Capture()
    res = run_alg(ALG, {Alg.GAP_A: status, Alg.GAP_A_VALUES: text, Alg.GAP_B: gap_b,
                        Alg.OUTPUT: "TEMPORARY_OUTPUT"}, fb)
    both, only_a = cells_with(classes, (0, 1)), cells_with(classes, (2, 3))
    assert res[Alg.BOTH_HA] == pytest.approx(cells_ha(both), rel=REL)
    assert res[Alg.ONLY_A_HA] == pytest.approx(cells_ha(only_a), rel=REL)
    all_b = [(r, c) for r in range(3) for c in (0, 1)]
    assert res[Alg.ONLY_B_HA] == pytest.approx(cells_ha(all_b) - cells_ha(both), rel=REL)
    if text:
        assert "the pixels with the values" in fb.text()


def test_the_narrower_choice_counts_fewer_pixels(layers, run_alg):
    """'1,2' (only land degrading now) leaves out class 3 (baseline degradation): (1, 0) and (2, 2)."""
    status, gap_b = layers
    wide, narrow = (run_alg(ALG, {Alg.GAP_A: status, Alg.GAP_A_VALUES: text, Alg.GAP_B: gap_b,
                                  Alg.OUTPUT: "TEMPORARY_OUTPUT"}) for text in ("1,2,3", "1,2"))
    total = {k: r[Alg.ONLY_A_HA] + r[Alg.BOTH_HA] for k, r in (("wide", wide), ("narrow", narrow))}
    assert total["wide"] - total["narrow"] == pytest.approx(cells_ha([(1, 0), (2, 2)]), rel=REL)


def test_status_as_gap_b(layers, run_alg, tmp_path):
    status, _gap_b = layers
    gap_a = write_polygons(tmp_path / "a.gpkg", [("A", box_wkt(X0 + 2 * D, Y0 - 3 * D, X0 + 4 * D, Y0))], epsg=4326)
    res = run_alg(ALG, {Alg.GAP_A: gap_a, Alg.GAP_B: status, Alg.GAP_B_VALUES: "1,2",
                        Alg.OUTPUT: "TEMPORARY_OUTPUT"})
    assert res[Alg.BOTH_HA] == pytest.approx(cells_ha(cells_with({1, 2}, (2, 3))), rel=REL)
    assert res[Alg.ONLY_B_HA] == pytest.approx(cells_ha(cells_with({1, 2}, (0, 1))), rel=REL)


def test_values_without_any_pixel_are_refused(layers, run_alg, tmp_path):
    status, gap_b = layers
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, {Alg.GAP_A: status, Alg.GAP_A_VALUES: "8,9", Alg.GAP_B: gap_b, Alg.OUTPUT: str(out)})
    assert "has no pixel with the values 8, 9 given in GAP_A_VALUES" in str(err.value)
    assert not out.exists()


def test_a_bad_value_list_is_refused_by_name(layers, run_alg, tmp_path):
    status, gap_b = layers
    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, {Alg.GAP_A: status, Alg.GAP_A_VALUES: "1,x", Alg.GAP_B: gap_b,
                      Alg.OUTPUT: str(tmp_path / "o.gpkg")})
    assert "GAP_A_VALUES" in str(err.value) and "'x'" in str(err.value)
    assert "Traceback" not in str(err.value)


def test_values_on_a_polygon_gap_warn(layers, run_alg, tmp_path):
    status, gap_b = layers
    fb = Capture()
    res = run_alg(ALG, {Alg.GAP_A: status, Alg.GAP_B: gap_b, Alg.GAP_B_VALUES: "1", Alg.OUTPUT: "TEMPORARY_OUTPUT"},
                  fb)
    assert "GAP_B_VALUES applies to a raster; GAP_B is a polygon layer" in fb.text()
    assert res[Alg.ONLY_B_HA] + res[Alg.BOTH_HA] == pytest.approx(cells_ha([(r, c) for r in range(3)
                                                                             for c in (0, 1)]), rel=REL)


@pytest.mark.qgis_process
def test_qgis_process_status_as_gap(qp, layers, tmp_path):
    status, gap_b = layers
    code, data, log = qp.run(ALG, **{Alg.GAP_A: status, Alg.GAP_A_VALUES: "1,2", Alg.GAP_B: gap_b,
                                     Alg.OUTPUT: str(tmp_path / "o.gpkg")})
    assert code == 0, log
    assert data["results"][Alg.BOTH_HA] == pytest.approx(cells_ha(cells_with({1, 2}, (0, 1))), rel=REL)
    assert data["results"][Alg.ONLY_A_HA] == pytest.approx(cells_ha(cells_with({1, 2}, (2, 3))), rel=REL)
