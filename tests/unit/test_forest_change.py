"""Forest change rules (Hansen GFC, annual land-cover series) and the block-wise products."""

import numpy as np
import pytest
from case_inputs import quadrangle_hectares
from osgeo import gdal
from rasters import read_raster, write_raster

from t2restore.algorithms import forest_change as fc
from t2restore.algorithms.errors import InputError

GT_GEO = (-76.0, 0.001, 0.0, -9.0, 0.0, -0.001)


def cell_ha(row):
    """Exact hectares of a cell of GT_GEO in ``row`` (ellipsoidal quadrangle)."""
    lat_top = GT_GEO[3] + row * GT_GEO[5]
    return quadrangle_hectares(GT_GEO[0], lat_top + GT_GEO[5], GT_GEO[0] + GT_GEO[1], lat_top)


# treecover2000, lossyear, gain -> forest in 2005 (threshold 30, gain to 2012 not reached), in 2015 with gain
@pytest.mark.parametrize("tc, ly, gain, f2005, f2015", [
    (30, 0, 0, True, True),  # exactly the threshold: forest
    (29, 0, 0, False, False),
    (80, 5, 0, False, False),  # lost in 2005: not forest at the end of 2005
    (80, 6, 0, True, False),  # lost in 2006
    (80, 16, 0, True, True),  # lost in 2016: still forest in 2015
    (10, 0, 1, False, True),  # gain by 2012, never lost
    (10, 13, 1, False, False),  # gain, then lost in 2013
    (10, 11, 1, False, True),  # lost in 2011 before the gain period ended: the gain counts
])
def test_hansen_forest_rules(tc, ly, gain, f2005, f2015):
    args = (np.array([tc]), np.array([ly]))
    assert bool(fc.hansen_forest(*args, 2005, 30, np.array([gain]), 2012)[0]) is f2005
    assert bool(fc.hansen_forest(*args, 2015, 30, np.array([gain]), 2012)[0]) is f2015
    assert bool(fc.hansen_forest(*args, 2015, 30)[0]) is (tc >= 30 and not 1 <= ly <= 15)  # gain not used


def test_hansen_loss_year_only_of_forest():
    assert fc.hansen_loss_year(np.array([50, 29, 50, 50]), np.array([3, 3, 0, 23]), 30).tolist() == [2003, 0, 0, 2023]


def test_series_loss_gross_per_year_and_latest():
    forest = np.array([[True, True, True, False], [False, True, True, False], [True, False, True, False]])[:, None]
    valid = np.ones_like(forest)
    valid[1, 0, 2] = False  # 2001 unknown at pixel 2: no transition counted across it
    latest, per_year = fc.series_loss(forest, valid, [2000, 2001, 2002])
    assert latest[0].tolist() == [2001, 2002, 0, 0]
    assert [(y, m[0].tolist()) for y, m in per_year] == [(2001, [True, False, False, False]),
                                                          (2002, [False, True, False, False])]


@pytest.fixture
def hansen(tmp_path):
    tc = np.array([[50, 50, 20, 90], [90, 90, 90, 0], [35, 35, 35, 35]], np.uint8)
    ly = np.array([[0, 3, 3, 10], [10, 20, 0, 0], [3, 3, 0, 0]], np.uint8)
    return (write_raster(tmp_path / "treecover2000.tif", tc, epsg=4326, geotransform=GT_GEO),
            write_raster(tmp_path / "lossyear.tif", ly, epsg=4326, geotransform=GT_GEO), tc, ly)


def test_hansen_products_and_table_block_size_independent(tmp_path, hansen):
    tc_path, ly_path, _tc, _ly = hansen
    zones = write_raster(tmp_path / "zones.tif", np.array([[1, 1, 2, 2]] * 3, np.int32), epsg=4326,
                         geotransform=GT_GEO)
    results = []
    for n, size in enumerate((1, 3, 1024)):
        r = fc.forest_change(fc.Hansen(tc_path, ly_path, threshold=30), 2010, mask=str(tmp_path / f"m{n}.tif"),
                             loss_year=str(tmp_path / f"l{n}.tif"), zones=zones, block_size=size)
        results.append((r, read_raster(tmp_path / f"m{n}.tif"), read_raster(tmp_path / f"l{n}.tif")))
    r, mask, loss = results[0]
    # forest 2010: tc >= 30 and not lost 2001-2010
    assert mask.tolist() == [[1, 0, 0, 0], [0, 1, 1, 0], [0, 0, 1, 1]]
    assert loss.tolist() == [[0, 2003, 0, 2010], [2010, 2020, 0, 0], [2003, 2003, 0, 0]]
    expected = {2003: cell_ha(0) + 2 * cell_ha(2), 2010: cell_ha(0) + cell_ha(1), 2020: cell_ha(1)}
    assert r["loss_ha"] == pytest.approx(expected, rel=1e-9)
    rows = {(z, y): ha for z, y, ha, _px in r["table"].rows()}
    assert rows[(1, 2003)] == pytest.approx(cell_ha(0) + 2 * cell_ha(2), rel=1e-9)
    assert rows[(2, 2010)] == pytest.approx(cell_ha(0), rel=1e-9)
    assert r["forest_ha"] == pytest.approx(cell_ha(0) + 2 * cell_ha(1) + 2 * cell_ha(2), rel=1e-9)
    for other, m, lo in results[1:]:
        assert np.array_equal(m, mask) and np.array_equal(lo, loss)
        assert other["loss_ha"] == pytest.approx(r["loss_ha"], rel=1e-12)


def test_hansen_year_before_2000_refused(tmp_path, hansen):
    with pytest.raises(InputError, match="before it"):
        fc.forest_change(fc.Hansen(hansen[0], hansen[1]), 1999, mask=str(tmp_path / "m.tif"))
    assert not (tmp_path / "m.tif").exists()


def _series(tmp_path, descriptions):
    stack = np.array([[[3, 3, 21, 3]], [[3, 21, 21, 6]], [[15, 21, 3, 6]]], np.uint8)
    path = write_raster(tmp_path / "mapbiomas.tif", stack, epsg=4326, geotransform=GT_GEO, nodata=0)
    ds = gdal.Open(path, gdal.GA_Update)
    for b, desc in enumerate(descriptions, start=1):
        ds.GetRasterBand(b).SetDescription(desc)
    ds = None
    return path


def test_series_mask_loss_and_years_from_descriptions(tmp_path):
    path = _series(tmp_path, ["classification_2018", "classification_2019", "classification_2020"])
    r = fc.forest_change(fc.Series(path, (3, 4, 5, 6)), 2019, mask=str(tmp_path / "m.tif"),
                         loss_year=str(tmp_path / "l.tif"))
    assert read_raster(tmp_path / "m.tif").tolist() == [[1, 0, 0, 1]]
    assert read_raster(tmp_path / "l.tif").tolist() == [[2020, 2019, 0, 0]]
    assert r["years"] == (2018, 2020)
    assert r["loss_ha"] == pytest.approx({2019: cell_ha(0), 2020: cell_ha(0)}, rel=1e-9)


def test_series_without_years_needs_first_year(tmp_path):
    path = _series(tmp_path, ["", "", ""])
    with pytest.raises(InputError, match="FIRST_YEAR"):
        fc.forest_change(fc.Series(path, (3,)), 2019, mask=str(tmp_path / "m.tif"))
    r = fc.forest_change(fc.Series(path, (3,), first_year=2001), 2003, mask=str(tmp_path / "m.tif"))
    assert r["years"] == (2001, 2003)
    with pytest.raises(InputError, match="no band for 2004"):
        fc.forest_change(fc.Series(path, (3,), first_year=2001), 2004, mask=str(tmp_path / "m2.tif"))
