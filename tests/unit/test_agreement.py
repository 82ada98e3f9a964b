"""Agreement between two degradation definitions: classes, confusion hectares, overall agreement, kappa."""

import os

import numpy as np
import pytest
from osgeo import ogr
from rasters import read_raster, srs_wkt, write_raster

from t2restore.algorithms import agreement
from t2restore.algorithms.areas import geographic_cell_area_m2
from t2restore.algorithms.blocks import Grid, open_raster
from t2restore.algorithms.errors import Cancelled, GridMismatchError, InputError

ND = 255


@pytest.mark.parametrize("a,b,code", [(0, 0, 0), (1, 0, 1), (0, 1, 2), (1, 1, 3)])
def test_agreement_code_truth_table(a, b, code):
    assert agreement.agreement_code([[a]], [[b]])[0, 0] == code


@pytest.mark.parametrize("both,only_a,only_b,neither,overall,kappa", [
    # N = 100: po = 0.85, pA = 0.30, pB = 0.25, pe = 0.3 x 0.25 + 0.7 x 0.75 = 0.6, kappa = 0.25 / 0.4
    (20, 10, 5, 65, 0.85, 0.625),
    # hectares, not pixels: po = 0.6, pA = pB = 0.5, pe = 0.5, kappa = 0.2
    (150.0, 100.0, 100.0, 150.0, 0.6, 0.2),
    (30, 0, 0, 70, 1.0, 1.0),  # perfect agreement
    (0, 50, 50, 0, 0.0, -1.0),  # perfect disagreement
    (25, 25, 25, 25, 0.5, 0.0),  # independent
    (40, 0, 0, 0, 1.0, None),  # everything degraded in both: kappa undefined
    (0, 0, 0, 0, None, None),
])
def test_overall_agreement_and_kappa_by_hand(both, only_a, only_b, neither, overall, kappa):
    po, k = agreement.agreement_stats(both, only_a, only_b, neither)
    assert po == (pytest.approx(overall, abs=1e-12) if overall is not None else None)
    assert k == (pytest.approx(kappa, abs=1e-12) if kappa is not None else None)


@pytest.fixture
def pair(tmp_path):
    rng = np.random.default_rng(5)
    shape = (71, 53)
    a = rng.integers(0, 5, shape).astype(np.uint8)  # MINAM levels 0..4
    b = rng.integers(0, 4, shape).astype(np.uint8)  # SERFOR reasons 0..3
    a[:4, :4] = 255
    b[-3:, -5:] = 255
    zones = np.zeros(shape, np.int32)
    zones[:, 20:] = 1
    zones[40:, 20:] = 2
    return {"arrays": dict(a=a, b=b, zones=zones),
            "a": write_raster(tmp_path / "a.tif", a, nodata=255),
            "b": write_raster(tmp_path / "b.tif", b, nodata=255),
            "zones": write_raster(tmp_path / "z.tif", zones, nodata=0)}


@pytest.mark.parametrize("block_size", [16, 50, (53, 9), 1024])
def test_classes_and_confusion_whatever_block_size(tmp_path, pair, block_size):
    out = tmp_path / "o.tif"
    result = agreement.definition_agreement(str(out), pair["a"], pair["b"], "1-4", "1-3", zones=pair["zones"],
                                            block_size=block_size)
    a, b = pair["arrays"]["a"], pair["arrays"]["b"]
    expected = agreement.agreement_code((a >= 1) & (a <= 4), (b >= 1) & (b <= 3))
    expected[(a == 255) | (b == 255)] = ND
    np.testing.assert_array_equal(read_raster(out), expected)
    areas = result["areas"]
    zones = pair["arrays"]["zones"]
    for zone in (0, 1, 2):
        for code in agreement.CODES:
            assert areas.pixels.get((zone, code), 0) == int(np.count_nonzero((zones == zone) & (expected == code)))
    whole = result["zones"][None]
    ha = {name: whole[name] for name in ("both", "only_a", "only_b", "neither")}
    assert (whole["overall"], whole["kappa"]) == agreement.agreement_stats(*ha.values())
    per_zone = sum(result["zones"][z]["both"] for z in (0, 1, 2))
    assert per_zone == pytest.approx(whole["both"], rel=1e-12)


def test_kappa_is_area_weighted_in_a_geographic_raster(tmp_path):
    # 2 columns x 40 rows from 0 to 40 degrees south: row areas differ by ~25 %
    gt = (-75.0, 1.0, 0.0, 0.0, 0.0, -1.0)
    a = np.zeros((40, 2), np.uint8)
    b = np.zeros((40, 2), np.uint8)
    a[:20, 0] = 1  # degraded in A near the equator
    b[:20, :] = 1  # degraded in B in the northern half
    b[30:, 1] = 1
    pa = write_raster(tmp_path / "a.tif", a, epsg=4326, geotransform=gt)
    pb = write_raster(tmp_path / "b.tif", b, epsg=4326, geotransform=gt)
    result = agreement.definition_agreement(str(tmp_path / "o.tif"), pa, pb, "1", "1")
    rows = geographic_cell_area_m2(-np.arange(40.0), -np.arange(1.0, 41.0), 1.0) / 1e4  # ha per cell and row
    code = agreement.agreement_code(a, b)
    truth = {k: float((rows[:, None] * (code == c)).sum()) for k, c in
             (("both", 3), ("only_a", 1), ("only_b", 2), ("neither", 0))}
    whole = result["zones"][None]
    for key, value in truth.items():
        assert whole[key] == pytest.approx(value, rel=1e-9)
    po, kappa = agreement.agreement_stats(*truth.values())
    assert whole["kappa"] == pytest.approx(kappa, rel=1e-9)
    unweighted = agreement.agreement_stats(*(float(np.count_nonzero(code == c)) for c in (3, 1, 2, 0)))[1]
    assert abs(kappa - unweighted) > 1e-3  # weighting by area matters here


def test_sdg_encoding_with_negative_degraded_value(tmp_path):
    a = write_raster(tmp_path / "a.tif", np.array([[-1, 0, 1, -32768]], np.int16), nodata=-32768)
    b = write_raster(tmp_path / "b.tif", np.array([[1, 1, 0, 0]], np.uint8), nodata=255)
    agreement.definition_agreement(str(tmp_path / "o.tif"), a, b, "-1", "1-3")
    assert read_raster(tmp_path / "o.tif").tolist() == [[3, 2, 0, ND]]


def test_polygons_burnt_by_pixel_centre_on_a_polygon_grid(tmp_path):
    grid = agreement.grid_for_polygons((400000, 8959000, 400300, 8959090), 30.0, srs_wkt(32718))
    assert (grid.xsize, grid.ysize) == (10, 3)
    square = ogr.CreateGeometryFromWkt("POLYGON((400000 8959000,400100 8959000,400100 8959090,400000 8959090,"
                                       "400000 8959000))")
    path = agreement.rasterize_mask([bytes(square.ExportToWkb())], grid, str(tmp_path / "m.tif"))
    # centres at 400015, 400045, 400075 are inside; 400105 is not
    assert read_raster(path).tolist() == [[1, 1, 1, 0, 0, 0, 0, 0, 0, 0]] * 3
    assert Grid.of(open_raster(path)) == grid
    with pytest.raises(InputError, match="give a pixel size"):
        agreement.grid_for_polygons((0, 0, 10, 10), 0, "")
    with pytest.raises(InputError, match="choose a larger pixel size"):
        agreement.grid_for_polygons((0, 0, 1e6, 1e6), 0.01, "")


def test_grids_that_differ(tmp_path, pair):
    other = write_raster(tmp_path / "c.tif", np.ones((71, 53), np.uint8),
                         geotransform=(400030.0, 30.0, 0.0, 8960000.0, 0.0, -30.0))
    with pytest.raises(GridMismatchError, match="origin differs"):
        agreement.definition_agreement(str(tmp_path / "o.tif"), pair["a"], other, names=("MINAM", "SERFOR"))


def test_bad_degraded_values_and_empty_input(tmp_path, pair):
    with pytest.raises(InputError, match="DEGRADED_B has an item"):
        agreement.definition_agreement(str(tmp_path / "o.tif"), pair["a"], pair["b"], "1-4", "high")
    empty = write_raster(tmp_path / "e.tif", np.full((71, 53), 255, np.uint8), nodata=255)
    with pytest.raises(InputError, match="The raster SERFOR has no valid pixel"):
        agreement.definition_agreement(str(tmp_path / "o.tif"), pair["a"], empty, names=("MINAM", "SERFOR"))
    assert not (tmp_path / "o.tif").exists()


def test_no_degraded_pixel_is_reported(tmp_path, pair):
    zeros = write_raster(tmp_path / "zeros.tif", np.zeros((71, 53), np.uint8), nodata=255)
    result = agreement.definition_agreement(str(tmp_path / "o.tif"), pair["a"], zeros, names=("MINAM", "SERFOR"))
    assert result["no_degraded"] == ["SERFOR"]
    assert result["zones"][None]["kappa"] == pytest.approx(0.0)


def test_cancel_leaves_no_output(tmp_path, pair):
    with pytest.raises(Cancelled):
        agreement.definition_agreement(str(tmp_path / "o.tif"), pair["a"], pair["b"], is_cancelled=lambda: True)
    assert not (tmp_path / "o.tif").exists()
    assert not [p for p in os.listdir(tmp_path) if ".part." in p]
