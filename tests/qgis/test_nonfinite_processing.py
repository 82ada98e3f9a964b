"""Issue 17, items 5, 6, 9 (raster warnings) and 10 (raster part) through processing.run and qgis_process:
NaN / inf pixels are no data, NaN number parameters are refused, codes outside the legend are refused
with their pixel counts (or left out when asked), and a gap raster without a CRS is warned about."""

import numpy as np
import pytest
from feedback import Capture as Log
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException
from rasters import NONFINITE_AT as BAD
from rasters import NONFINITE_ND as ND
from rasters import nonfinite_pair as _pair
from rasters import read_raster, write_polygons, write_raster

X0, Y0 = 400000.0, 8960000.0


def _at_bad(array):
    return [array[r, c] for r, c, _v in BAD]


def _same_results(a, b, keys):
    for key in keys:
        assert a[key] == pytest.approx(b[key], rel=1e-12, abs=1e-12), key


# -- item 5: non-finite pixels ----------------------------------------------------------------------------


def test_ldn_infinite_soc_is_nodata(tmp_path, run_alg):
    rng = np.random.default_rng(1)
    socb = rng.uniform(20, 80, (6, 5))
    dirty, clean = _pair(tmp_path, "socb", socb)
    target = write_raster(tmp_path / "soct.tif", (socb * rng.uniform(0.7, 1.3, socb.shape)).astype(np.float32),
                          nodata=ND)
    res = [run_alg("t2restore:ldn_degradation", {"SOC_BASELINE": src, "SOC_TARGET": target,
                                                 "OUTPUT": str(tmp_path / f"o{n}.tif")})
           for n, src in enumerate((dirty, clean))]
    out = read_raster(res[0]["OUTPUT"])
    assert _at_bad(out) == [-32768] * 3
    np.testing.assert_array_equal(out, read_raster(res[1]["OUTPUT"]))
    _same_results(res[0], res[1], ("DEGRADED_HA", "STABLE_HA", "IMPROVED_HA", "NODATA_HA"))


def test_minam_nan_land_cover_is_nodata_not_high(tmp_path, run_alg):
    base = write_raster(tmp_path / "lcb.tif", np.ones((6, 5), np.float32), nodata=ND)
    dirty, clean = _pair(tmp_path, "lct", np.full((6, 5), 2.0))
    res = [run_alg("t2restore:minam_degradation", {"LC_BASELINE": base, "LC_TARGET": src,
                                                   "OUTPUT": str(tmp_path / f"o{n}.tif")})
           for n, src in enumerate((dirty, clean))]
    out = read_raster(res[0]["OUTPUT"])
    assert _at_bad(out) == [255] * 3
    assert res[0]["HIGH_HA"] == 0
    _same_results(res[0], res[1], ("NONE_HA", "HIGH_HA", "DEGRADED_HA", "NODATA_HA"))


def test_agreement_nan_is_nodata(tmp_path, run_alg):
    rng = np.random.default_rng(2)
    dirty, clean = _pair(tmp_path, "a", rng.integers(0, 3, (6, 5)))
    b = write_raster(tmp_path / "b.tif", rng.integers(0, 3, (6, 5)).astype(np.float32), nodata=ND)
    res = [run_alg("t2restore:definition_agreement", {"INPUT_A": src, "INPUT_B": b, "DEGRADED_A": "1",
                                                      "DEGRADED_B": "1", "OUTPUT": str(tmp_path / f"o{n}.tif")})
           for n, src in enumerate((dirty, clean))]
    assert _at_bad(read_raster(res[0]["OUTPUT"])) == [255] * 3
    _same_results(res[0], res[1], ("BOTH_HA", "ONLY_A_HA", "ONLY_B_HA", "NEITHER_HA", "NODATA_HA"))


def test_gap_raster_nan_patch_is_not_in_the_gap(tmp_path, run_alg, ellipsoid_ha):
    arr = np.zeros((20, 20), np.float32)
    arr[0:5, 0:5] = 1.0  # x 400000..400150, y 8959850..8960000: in the gap
    arr[10:15, 10:15] = np.nan  # a NaN patch: no data, not "in gap" (NaN != 0)
    arr[15:20, 0:5] = np.inf
    mask = write_raster(tmp_path / "mask.tif", arr, nodata=ND)
    a = write_polygons(tmp_path / "a.gpkg", [("a", f"POLYGON(({X0} {Y0 - 600},{X0 + 600} {Y0 - 600},"
                                                   f"{X0 + 600} {Y0},{X0} {Y0},{X0} {Y0 - 600}))")])
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": mask, "OUTPUT": "TEMPORARY_OUTPUT"})
    patch = f"POLYGON(({X0} {Y0 - 150},{X0 + 150} {Y0 - 150},{X0 + 150} {Y0},{X0} {Y0},{X0} {Y0 - 150}))"
    assert res["BOTH_HA"] == pytest.approx(ellipsoid_ha(patch), rel=1e-6)
    assert res["ONLY_B_HA"] == pytest.approx(0, abs=1e-9)


def test_fragmentation_nan_is_nodata_not_non_forest(tmp_path, run_alg):
    dirty, clean = _pair(tmp_path, "f", np.ones((6, 5)))
    res = [run_alg("t2restore:forest_fragmentation", {"INPUT": src, "OUTPUT": str(tmp_path / f"o{n}.tif")})
           for n, src in enumerate((dirty, clean))]
    out = read_raster(res[0]["OUTPUT"])
    assert _at_bad(out) == [255] * 3
    np.testing.assert_array_equal(out, read_raster(res[1]["OUTPUT"]))
    assert res[0]["FOREST_PIXELS"] == res[1]["FOREST_PIXELS"] == 27


# -- item 5: NaN and infinite number parameters ----------------------------------------------------------------


def _number_parameters():
    provider = QgsApplication.processingRegistry().providerById("t2restore")
    return [(alg.id(), definition.name()) for alg in provider.algorithms()
            for definition in alg.parameterDefinitions()
            if definition.type() in ("number", "distance", "duration", "scale")]


def test_every_number_parameter_refuses_nan_and_infinity(plugin):
    found = _number_parameters()
    assert ("t2restore:target2_indicator", "TARGET_HA") in found and len(found) > 5
    registry = QgsApplication.processingRegistry()
    for alg_id, name in found:
        alg = registry.algorithmById(alg_id)
        for value in (float("nan"), "nan", float("inf"), "-inf"):
            ok, message = alg.checkParameterValues({name: value}, QgsProcessingContext())
            assert not ok and f"({name})" in message and "not a finite number" in message, (alg_id, name, message)


def test_target_ha_nan_refused_through_processing_run(tmp_path, run_alg):
    raster = write_raster(tmp_path / "d.tif", np.full((4, 4), -1, np.int16), nodata=-32768)
    rest = write_polygons(tmp_path / "r.gpkg", [("r", f"POLYGON(({X0} {Y0 - 60},{X0 + 60} {Y0 - 60},"
                                                     f"{X0 + 60} {Y0},{X0} {Y0},{X0} {Y0 - 60}))")])
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:target2_indicator", {"DEGRADED": raster, "RESTORATION_AREAS": rest, "TARGET_HA": "nan",
                                                "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "TARGET_HA" in str(err.value) and "not a finite number" in str(err.value)
    assert not (tmp_path / "o.gpkg").exists()


def test_target_ha_nan_refused_through_qgis_process(qp, tmp_path):
    raster = write_raster(tmp_path / "d.tif", np.full((4, 4), -1, np.int16), nodata=-32768)
    rest = write_polygons(tmp_path / "r.gpkg", [("r", f"POLYGON(({X0} {Y0 - 60},{X0 + 60} {Y0 - 60},"
                                                     f"{X0 + 60} {Y0},{X0} {Y0},{X0} {Y0 - 60}))")])
    code, _data, log = qp.run("t2restore:target2_indicator", DEGRADED=raster, RESTORATION_AREAS=rest, TARGET_HA="nan",
                              OUTPUT=str(tmp_path / "o.gpkg"))
    assert code != 0 and "TARGET_HA" in log and "not a finite number" in log, log
    assert "Traceback" not in log and not (tmp_path / "o.gpkg").exists()


# -- item 6: codes outside the legend ------------------------------------------------------------------------


@pytest.fixture
def foreign_lc(tmp_path):
    base = np.ones((5, 8), np.uint8)
    for (r, c), v in {(0, 0): 8, (1, 1): 9, (2, 2): 50, (3, 3): 254, (4, 4): 50}.items():
        base[r, c] = v
    return (write_raster(tmp_path / "b.tif", base, nodata=0),
            write_raster(tmp_path / "t.tif", np.full(base.shape, 3, np.uint8), nodata=0))


def test_minam_refuses_codes_outside_the_legend(tmp_path, run_alg, foreign_lc):
    b, t = foreign_lc
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:minam_degradation", {"LC_BASELINE": b, "LC_TARGET": t, "OUTPUT": str(tmp_path / "o.tif")})
    assert "codes (pixels): 50 (2), 8 (1), 9 (1), 254 (1)" in str(err.value)
    assert not (tmp_path / "o.tif").exists()


def test_minam_leaves_codes_outside_the_legend_out_when_asked(tmp_path, run_alg, foreign_lc):
    b, t = foreign_lc
    log = Log()
    res = run_alg("t2restore:minam_degradation", {"LC_BASELINE": b, "LC_TARGET": t, "UNKNOWN_CODES": 1,
                                                  "OUTPUT": str(tmp_path / "o.tif")}, log)
    out = read_raster(res["OUTPUT"])
    assert [out[r, c] for r, c in ((0, 0), (1, 1), (2, 2), (3, 3), (4, 4))] == [255] * 5
    assert (out == 3).sum() == 35  # the other pixels lost their natural cover: high
    assert any("5 pixels hold codes outside the legend" in w and "50 (2), 8 (1)" in w for w in log.warnings)


def test_ldn_refuses_lpd_outside_1_to_5_through_qgis_process(qp, tmp_path):
    lpd = write_raster(tmp_path / "lpd.tif", np.array([[1, 2, 3], [4, 5, 7]], np.uint8), nodata=0)
    code, _data, log = qp.run("t2restore:ldn_degradation", PRODUCTIVITY=lpd, OUTPUT=str(tmp_path / "d.tif"))
    assert code != 0 and "codes (pixels): 7 (1)" in log and "UNKNOWN_CODES" in log, log
    assert "Traceback" not in log and not (tmp_path / "d.tif").exists()
    code, data, log = qp.run("t2restore:ldn_degradation", PRODUCTIVITY=lpd, UNKNOWN_CODES=1,
                             OUTPUT=str(tmp_path / "d.tif"))
    assert code == 0, log
    assert read_raster(tmp_path / "d.tif").tolist() == [[-1, -1, 0], [0, 1, -32768]]


# -- item 9: performance ratio of exactly 0.5 ------------------------------------------------------------------


def test_productivity_performance_ratio_exactly_half_is_low(tmp_path, run_alg):
    means = np.array([6000] * 17 + [2999, 3000, 3001]).reshape(4, 5)
    path = write_raster(tmp_path / "ndvi.tif", np.repeat(means[None], 8, axis=0).astype(np.int16), nodata=-9999)
    res = run_alg("t2restore:productivity_dynamics", {"NDVI": [path], "NDVI_SCALE": 10000,
                                                      "OUTPUT": str(tmp_path / "lpd.tif")})
    lpd = read_raster(res["OUTPUT"]).ravel()
    assert lpd[-3:].tolist() == [3, 3, 4]  # ratios 0.49983 and 0.5 are low (stressed); 0.50017 is not (stable)
    assert res["STRESSED_HA"] == pytest.approx(2 * 0.09, rel=2e-3)


def test_minam_national_legend_through_processing_run(tmp_path, run_alg):
    b = write_raster(tmp_path / "b.tif", np.array([[11, 12, 31, 40]], np.uint16), nodata=0)
    t = write_raster(tmp_path / "t.tif", np.array([[31, 12, 11, 11]], np.uint16), nodata=0)
    params = {"LC_BASELINE": b, "LC_TARGET": t, "NATURAL_CLASSES": "11-15", "OUTPUT": str(tmp_path / "o.tif")}
    with pytest.raises(QgsProcessingException, match="not in the land cover legend LC_CLASSES"):
        run_alg("t2restore:minam_degradation", params)
    res = run_alg("t2restore:minam_degradation", dict(params, LC_CLASSES="11-15,31,40"))
    assert read_raster(res["OUTPUT"]).tolist() == [[3, 0, 0, 0]]


# -- item 10 (raster part): a raster without CRS read in the other input's CRS ---------------------------------


def test_gap_raster_without_crs_is_warned_about(tmp_path, run_alg):
    arr = np.zeros((20, 20), np.uint8)
    arr[5:10, 5:10] = 1
    mask = write_raster(tmp_path / "mask.tif", arr, epsg=None, nodata=255)
    a = write_polygons(tmp_path / "a.gpkg", [("a", f"POLYGON(({X0} {Y0 - 600},{X0 + 600} {Y0 - 600},"
                                                   f"{X0 + 600} {Y0},{X0} {Y0},{X0} {Y0 - 600}))")])
    log = Log()
    run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": mask, "OUTPUT": "TEMPORARY_OUTPUT"}, log)
    assert any("SERFOR has no coordinate reference system" in w and "EPSG:32718" in w for w in log.warnings), \
        log.warnings


def test_agreement_raster_without_crs_aligned_onto_the_other_is_warned_about(tmp_path, run_alg):
    arr = np.zeros((20, 20), np.uint8)
    arr[5:10, 5:10] = 1
    a = write_raster(tmp_path / "a.tif", arr, nodata=255)
    b = write_raster(tmp_path / "b.tif", arr, epsg=None, nodata=255)
    log = Log()
    res = run_alg("t2restore:definition_agreement", {"INPUT_A": a, "INPUT_B": b, "DEGRADED_A": "1",
                                                     "DEGRADED_B": "1", "ALIGN": True,
                                                     "OUTPUT": str(tmp_path / "o.tif")}, log)
    assert any("SERFOR (INPUT_B) has no coordinate reference system" in w and "EPSG:32718" in w
               for w in log.warnings), log.warnings
    assert res["BOTH_HA"] > 0
    with pytest.raises(QgsProcessingException, match="CRS differs"):  # without ALIGN: refused, as before
        run_alg("t2restore:definition_agreement", {"INPUT_A": a, "INPUT_B": b, "DEGRADED_A": "1",
                                                   "DEGRADED_B": "1", "OUTPUT": str(tmp_path / "p.tif")})
