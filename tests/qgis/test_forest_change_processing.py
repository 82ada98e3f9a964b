"""t2restore:forest_change through processing.run: MapBiomas-like series, zones, the loss table, SERFOR's input."""

import csv

import numpy as np
import pytest
from case_inputs import quadrangle_hectares
from feedback import Capture
from osgeo import gdal
from qgis.core import QgsProcessingException
from rasters import read_raster, write_polygons, write_raster

from t2restore.processing.forest_change import ForestChangeAlgorithm as Alg

ALG = "t2restore:forest_change"
GT_GEO = (-76.0, 0.001, 0.0, -9.0, 0.0, -0.001)


def cell_ha(row, col=0):
    top = GT_GEO[3] + row * GT_GEO[5]
    left = GT_GEO[0] + col * GT_GEO[1]
    return quadrangle_hectares(left, top + GT_GEO[5], left + GT_GEO[1], top)


@pytest.fixture
def series(tmp_path):
    """Bands 2017-2019 of MapBiomas codes: 3 forest formation, 6 flooded forest, 15 pasture, 21 mosaic."""
    stack = np.array([[[3, 3, 6, 15], [3, 3, 3, 3]],
                      [[3, 15, 6, 15], [21, 3, 3, 3]],
                      [[15, 15, 21, 3], [21, 3, 3, 0]]], np.uint8)
    path = write_raster(tmp_path / "mapbiomas.tif", stack, epsg=4326, geotransform=GT_GEO, nodata=0)
    ds = gdal.Open(path, gdal.GA_Update)
    for b, year in enumerate((2017, 2018, 2019), start=1):
        ds.GetRasterBand(b).SetDescription(f"classification_{year}")
    ds = None
    return path


def test_series_mask_loss_year_and_table_per_zone(tmp_path, series, run_alg):
    zones = write_polygons(tmp_path / "z.gpkg", [
        ("West", "POLYGON((-76 -9.002,-75.998 -9.002,-75.998 -9,-76 -9,-76 -9.002))"),
        ("East", "POLYGON((-75.998 -9.002,-75.996 -9.002,-75.996 -9,-75.998 -9,-75.998 -9.002))")], epsg=4326)
    feedback = Capture()
    result = run_alg(ALG, {Alg.SOURCE: 1, Alg.LAND_COVER_SERIES: series, Alg.YEAR: 2018, Alg.ZONES: zones,
                           Alg.ZONE_FIELD: "name", Alg.OUTPUT_MASK: str(tmp_path / "forest.tif"),
                           Alg.OUTPUT_LOSS_YEAR: str(tmp_path / "loss.tif"),
                           Alg.OUTPUT_TABLE: str(tmp_path / "loss.csv")}, feedback)
    # forest classes 3,4,5,6: 2018 forest where the 2018 band is 3 or 6
    assert read_raster(tmp_path / "forest.tif").tolist() == [[1, 0, 1, 0], [0, 1, 1, 1]]
    # 2018: (0,1) 3->15, (1,0) 3->21; 2019: (0,0) 3->15, (0,2) 6->21; (1,3) 2019 nodata: no transition
    assert read_raster(tmp_path / "loss.tif").tolist() == [[2019, 2018, 2019, 0], [2018, 0, 0, 0]]
    rows = {(r["zone"], r["class"]): float(r["hectares"]) for r in csv.DictReader(open(tmp_path / "loss.csv"))}
    assert rows[("West", "2018")] == pytest.approx(cell_ha(0, 1) + cell_ha(1, 0), abs=1e-4)
    assert rows[("West", "2019")] == pytest.approx(cell_ha(0, 0), abs=1e-4)
    assert rows[("East", "2019")] == pytest.approx(cell_ha(0, 2), abs=1e-4)
    assert ("East", "2018") not in rows
    assert result[Alg.LOSS_HA] == pytest.approx(2 * cell_ha(0) + cell_ha(1) + cell_ha(0), rel=1e-6)
    assert "Forest loss in 2019" in feedback.text()


def test_loss_year_feeds_serfor_criteria(tmp_path, run_alg):
    """Hansen lossyear through forest_change into SERFOR's LOSS_YEAR: recent loss found where forest was lost."""
    tc = np.full((20, 20), 80, np.uint8)
    ly = np.zeros((20, 20), np.uint8)
    ly[5:8, 5:8] = 22
    tcp = write_raster(tmp_path / "tc.tif", tc)
    lyp = write_raster(tmp_path / "ly.tif", ly)
    run_alg(ALG, {Alg.TREECOVER: tcp, Alg.LOSSYEAR: lyp, Alg.YEAR: 2022, Alg.OUTPUT_MASK: str(tmp_path / "m.tif"),
                  Alg.OUTPUT_LOSS_YEAR: str(tmp_path / "loss.tif")})
    assert (read_raster(tmp_path / "loss.tif")[5:8, 5:8] == 2022).all()
    capability = write_raster(tmp_path / "cum.tif", np.full((20, 20), 4, np.uint8), nodata=0)
    out = run_alg("t2restore:serfor_criteria", {"CAPABILITY": capability, "LOSS_YEAR": str(tmp_path / "loss.tif"),
                                                "OUTPUT": str(tmp_path / "serfor.tif"),
                                                "OUTPUT_CRITERIA": str(tmp_path / "crit.tif")})
    assert out["LOSS_HA"] == pytest.approx(9 * 0.09, rel=5e-3)
    frag = run_alg("t2restore:forest_fragmentation", {"INPUT": str(tmp_path / "m.tif"), "FOREST_VALUES": "1",
                                                      "WINDOW": 3, "OUTPUT": str(tmp_path / "frag.tif")})
    classes = read_raster(frag["OUTPUT"])
    assert classes[6, 6] != classes[15, 15]  # the cleared square is not forest: its class differs from the interior


def test_misaligned_lossyear_refused_then_aligned(tmp_path, run_alg):
    tcp = write_raster(tmp_path / "tc.tif", np.full((4, 4), 80, np.uint8))
    lyp = write_raster(tmp_path / "ly.tif", np.full((4, 4), 3, np.uint8),
                       geotransform=(400030.0, 30.0, 0.0, 8960000.0, 0.0, -30.0))
    params = {Alg.TREECOVER: tcp, Alg.LOSSYEAR: lyp, Alg.YEAR: 2005, Alg.OUTPUT_MASK: str(tmp_path / "m.tif")}
    with pytest.raises(QgsProcessingException, match="origin"):
        run_alg(ALG, params)
    assert not (tmp_path / "m.tif").exists()
    run_alg(ALG, dict(params, **{Alg.ALIGN: True}))
    # lossyear starts one pixel east: columns 1-3 are lost in 2003; column 0 has no lossyear pixel (read as 0)
    assert read_raster(tmp_path / "m.tif").tolist() == [[1, 0, 0, 0]] * 4


# -- density of recent deforestation (issue 19, item 4) -------------------------------------------------------

def _hansen(tmp_path, lossyear, treecover=None):
    tc = np.full(lossyear.shape, 80, np.uint8) if treecover is None else treecover
    return write_raster(tmp_path / "tc.tif", tc), write_raster(tmp_path / "ly.tif", lossyear.astype(np.uint8))


def test_density_pixels_computed_by_hand(tmp_path, run_alg):
    """30 m pixels, radius 30 m: the disc is a pixel and its 4 neighbours (those inside the raster).

    Loss 2020 at (2, 2), 2021 at (1, 2), 2015 at (2, 3). With 2 recent years (2020-2021, up to the latest loss):
    (2, 2) has 2 recent losses among 5 pixels with data = 0.18 ha in 0.45 ha = 40 ha/km2; (2, 4) on the edge
    has 4 pixels and only the 2015 loss, not recent: 0. With every year counted (0), (2, 4) is 1/4 = 25 ha/km2.
    """
    ly = np.zeros((5, 5), np.uint8)
    ly[2, 2], ly[1, 2], ly[2, 3] = 20, 21, 15
    tc, lyp = _hansen(tmp_path, ly)
    params = {Alg.TREECOVER: tc, Alg.LOSSYEAR: lyp, Alg.YEAR: 2021, Alg.RADIUS: 30, Alg.RECENT_YEARS: 2,
              Alg.OUTPUT_DENSITY: str(tmp_path / "density.tif")}
    fb = Capture()
    res = run_alg(ALG, params, fb)
    dens = read_raster(res[Alg.OUTPUT_DENSITY])
    assert dens[2, 2] == pytest.approx(40.0) and dens[2, 4] == 0.0 and dens[0, 0] == 0.0
    assert dens[1, 1] == pytest.approx(100.0 * 1 / 5)  # (1, 2) lost 2021 is its neighbour
    assert "Recent deforestation: loss from 2020 to 2021." in fb.text()
    res = run_alg(ALG, dict(params, **{Alg.RECENT_YEARS: 0, Alg.OUTPUT_DENSITY: str(tmp_path / "all.tif")}))
    assert read_raster(res[Alg.OUTPUT_DENSITY])[2, 4] == pytest.approx(25.0)
    ds = gdal.Open(res[Alg.OUTPUT_DENSITY])
    assert ds.GetRasterBand(1).GetDescription() == "deforestation_density_ha_per_km2"


@pytest.mark.parametrize("block", ["7", "512"])
def test_density_equals_serfor_criteria_band(tmp_path, run_alg, monkeypatch, block):
    """The same loss-year raster through serfor_criteria: its deforestation density band, pixel for pixel."""
    from t2restore.algorithms import serfor

    monkeypatch.setenv("T2RESTORE_BLOCK", block)
    rng = np.random.default_rng(19)
    ly = rng.choice(np.arange(0, 23, dtype=np.uint8), (40, 50), p=[0.6] + [0.4 / 22] * 22)
    tc = rng.choice(np.array([0, 20, 80], np.uint8), (40, 50), p=[0.05, 0.15, 0.8])  # 0: nodata
    tcp = write_raster(tmp_path / "tc.tif", tc, nodata=0)
    lyp = write_raster(tmp_path / "ly.tif", ly)
    res = run_alg(ALG, {Alg.TREECOVER: tcp, Alg.LOSSYEAR: lyp, Alg.YEAR: 2022, Alg.RADIUS: 100, Alg.RECENT_YEARS: 4,
                        Alg.OUTPUT_LOSS_YEAR: str(tmp_path / "loss.tif"),
                        Alg.OUTPUT_DENSITY: str(tmp_path / "density.tif")})
    capability = write_raster(tmp_path / "cum.tif", np.full((40, 50), 4, np.uint8), nodata=0)
    serfor.serfor_criteria(str(tmp_path / "reason.tif"), capability, criteria_output=str(tmp_path / "crit.tif"),
                           loss_year=res[Alg.OUTPUT_LOSS_YEAR], recent_years=4, radius_m=100)
    expected = read_raster(tmp_path / "crit.tif", band=5)
    got = read_raster(res[Alg.OUTPUT_DENSITY])
    assert (expected != serfor.CRITERIA_NODATA).sum() > 1500 and (expected > 0).sum() > 500
    assert (expected == serfor.CRITERIA_NODATA).any()  # nodata of treecover -> no loss year -> no density
    np.testing.assert_array_equal(got, expected)


def test_density_radius_too_wide_is_refused_before_any_output(tmp_path, run_alg):
    tc, lyp = _hansen(tmp_path, np.zeros((5, 5), np.uint8))
    with pytest.raises(QgsProcessingException, match=r"search radius of 60000 m spans 2000 pixels; at most 1000"):
        run_alg(ALG, {Alg.TREECOVER: tc, Alg.LOSSYEAR: lyp, Alg.YEAR: 2021, Alg.RADIUS: 60000,
                      Alg.OUTPUT_LOSS_YEAR: str(tmp_path / "loss.tif"), Alg.OUTPUT_DENSITY: str(tmp_path / "d.tif")})
    assert not (tmp_path / "loss.tif").exists() and not (tmp_path / "d.tif").exists()
