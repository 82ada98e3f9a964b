"""t2restore:productivity_dynamics through processing.run and through qgis_process (English and Spanish)."""

import numpy as np
import pytest
from feedback import Capture
from qgis.core import QgsProcessingException, QgsRasterLayer
from rasters import read_raster, write_raster

from t2restore.algorithms import productivity

ALG = "t2restore:productivity_dynamics"
ND = -32768


@pytest.fixture
def ndvi(tmp_path):
    """A 10-year NDVI x 10000 series: a declining block, an increasing block, noise elsewhere."""
    rng = np.random.default_rng(4)
    years, h, w = 10, 24, 30
    t = np.arange(years)[:, None, None]
    y = 6000 + rng.normal(0, 80, (years, h, w))
    y[:, :8, :10] -= 150 * t  # strong decline
    y[:, 16:, 20:] += 120 * t  # strong increase
    raw = np.round(y).astype(np.int16)
    raw[:7, 0, 29] = ND  # too few valid years at one pixel
    paths = [write_raster(tmp_path / f"ndvi_{2011 + i}.tif", raw[i], nodata=ND) for i in range(years)]
    return {"stack": write_raster(tmp_path / "ndvi.tif", raw, nodata=ND), "years": paths, "raw": raw}


def test_runs_and_matches_the_algorithm_layer(tmp_path, ndvi, run_alg):
    feedback = Capture()
    result = run_alg(ALG, {"NDVI": [ndvi["stack"]], "FIRST_YEAR": 2011, "OUTPUT": str(tmp_path / "lpd.tif"),
                           "OUTPUT_METRICS": str(tmp_path / "m.tif")}, feedback)
    lpd = read_raster(result["OUTPUT"])
    direct = tmp_path / "direct.tif"
    productivity.productivity_dynamics(ndvi["stack"], str(direct))
    np.testing.assert_array_equal(lpd, read_raster(direct))
    assert (lpd[:8, :10] == 1).all() and (lpd[16:, 20:] == 5).all()
    assert lpd[0, 29] == 0 and result["TOO_FEW_YEARS_PIXELS"] == 1
    assert result["DECLINING_HA"] == pytest.approx(int((lpd == 1).sum()) * 0.09, rel=2e-3)
    assert read_raster(result["OUTPUT_METRICS"], 1)[0, 0] < -0.01  # slope of the declining block
    assert "Series 2011-2020; baseline 2011-2017; comparison 2018-2020." in feedback.lines
    assert any(line.startswith("No data: 1 pixels, of which 0 without any valid year, 1 with too few valid years")
               for line in feedback.lines)


def test_list_of_yearly_rasters_and_units(tmp_path, ndvi, run_alg):
    lc = np.ones(ndvi["raw"].shape[1:], np.uint8)
    lc[:, 15:] = 2
    lc_path = write_raster(tmp_path / "lc.tif", lc, nodata=0)
    result = run_alg(ALG, {"NDVI": ndvi["years"], "LAND_COVER": lc_path, "SIGNIFICANCE": 99,
                           "OUTPUT": str(tmp_path / "lpd.tif")})
    direct = tmp_path / "direct.tif"
    productivity.productivity_dynamics(ndvi["stack"], str(direct), land_cover=lc_path, significance=99)
    np.testing.assert_array_equal(read_raster(result["OUTPUT"]), read_raster(direct))


def test_output_is_styled_with_class_names(tmp_path, ndvi, run_alg):
    out = tmp_path / "lpd.tif"
    run_alg(ALG, {"NDVI": [ndvi["stack"]], "OUTPUT": str(out)})
    layer = QgsRasterLayer(str(out), "lpd")
    layer.loadNamedStyle(str(tmp_path / "lpd.qml"))
    assert layer.renderer().type() == "paletted"
    assert {c.value: c.label for c in layer.renderer().classes()} == {
        1.0: "Declining", 2.0: "Moderate decline (early signs)", 3.0: "Stressed", 4.0: "Stable", 5.0: "Increasing"}


@pytest.mark.parametrize("params,fragment", [
    ({"NDVI_SCALE": 1}, "the series is probably scaled by 10000: set NDVI_SCALE to 10000"),
    ({"NDVI_SCALE": 100}, "NDVI_SCALE must be 1 (NDVI from -1 to 1) or 10000"),
    ({"SIGNIFICANCE": 97}, "SIGNIFICANCE must be 90, 95 or 99"),
    ({"COMPARISON_YEARS": 8}, "The NDVI series has 10 years; at least 11 are needed"),
    ({"BASELINE_YEARS": 8}, "BASELINE_YEARS (8) plus COMPARISON_YEARS (3) exceed the 10 years"),
])
def test_bad_input_gives_clear_messages(tmp_path, ndvi, run_alg, params, fragment):
    out = tmp_path / "lpd.tif"
    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, dict({"NDVI": [ndvi["stack"]], "OUTPUT": str(out)}, **params))
    assert fragment in str(err.value)
    assert not out.exists()


def test_grids_that_differ(tmp_path, ndvi, run_alg):
    shifted = write_raster(tmp_path / "shifted.tif", ndvi["raw"][3], nodata=ND,
                           geotransform=(400000.0, 60.0, 0.0, 8960000.0, 0.0, -60.0))
    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, {"NDVI": ndvi["years"][:3] + [shifted] + ndvi["years"][4:], "OUTPUT": str(tmp_path / "o.tif")})
    assert "NDVI [1] and NDVI [4] are not on the same grid: pixel size differs (30 x 30 vs 60 x 60)" in str(err.value)


def _units_on_other_grids(tmp_path, shape):
    """Units at 60 m on the NDVI extent, and land cover at 30 m with two extra columns on the west.

    Both set rows 10: x columns 16: apart, where the NDVI is low: it is low performance only when
    compared with the rest of the area.
    """
    h, w = shape
    coarse = (np.arange(h // 2)[:, None] // 5 * 10 + np.arange(w // 2)[None, :] // 8 + 1).astype(np.int16)
    units = np.repeat(np.repeat(coarse, 2, axis=0), 2, axis=1)  # the same units on the NDVI grid
    lc = np.ones(shape, np.uint8)
    lc[:, 16:] = 2
    lc[10:, :] += 2
    wide = np.concatenate([np.full((h, 2), 9, np.uint8), lc], axis=1)
    return {
        "ECOLOGICAL_UNITS": (write_raster(tmp_path / "units60.tif", coarse, nodata=0,
                                          geotransform=(400000.0, 60.0, 0.0, 8960000.0, 0.0, -60.0)),
                             write_raster(tmp_path / "units30.tif", units, nodata=0),
                             "pixel size differs (30 x 30 vs 60 x 60)"),
        "LAND_COVER": (write_raster(tmp_path / "lc_wide.tif", wide, nodata=0,
                                    geotransform=(399940.0, 30.0, 0.0, 8960000.0, 0.0, -30.0)),
                       write_raster(tmp_path / "lc30.tif", lc, nodata=0),
                       "origin differs ((400000.000000, 8960000.000000) vs (399940.000000, 8960000.000000))"),
    }


@pytest.mark.parametrize("key", ["ECOLOGICAL_UNITS", "LAND_COVER"])
def test_units_on_another_grid_refused_then_aligned(tmp_path, ndvi, run_alg, key):
    raw = ndvi["raw"].copy()
    raw[:, 10:, 16:] = np.where(raw[:, 10:, 16:] == ND, ND, raw[:, 10:, 16:] - 4000)
    stack = write_raster(tmp_path / "low.tif", raw, nodata=ND)
    years = [write_raster(tmp_path / f"low_{i}.tif", raw[i], nodata=ND) for i in range(raw.shape[0])]
    other, same_grid, difference = _units_on_other_grids(tmp_path, raw.shape[1:])[key]
    out = tmp_path / "lpd.tif"
    params = {"NDVI": years, key: other, "OUTPUT": str(out)}
    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, params)
    assert f"The rasters NDVI [1] and {key} are not on the same grid: {difference}" in str(err.value)
    assert not out.exists()
    result = run_alg(ALG, dict(params, ALIGN=True))
    direct = tmp_path / "direct.tif"
    productivity.productivity_dynamics(stack, str(direct), **{key.lower(): same_grid})
    lpd = read_raster(result["OUTPUT"])
    np.testing.assert_array_equal(lpd, read_raster(direct))
    without_units = tmp_path / "plain.tif"
    productivity.productivity_dynamics(stack, str(without_units))
    plain = read_raster(without_units)
    assert (plain[10:, 16:20] == 3).mean() > 0.8 and (lpd[10:, 16:20] == 3).mean() < 0.2  # low only area-wide


def test_cancel_leaves_no_output(tmp_path, ndvi, run_cancelled):
    out = tmp_path / "lpd.tif"
    error = run_cancelled(ALG, {"NDVI": [ndvi["stack"]], "OUTPUT": str(out)})
    assert "Cancelled" in str(error)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


# -- qgis_process -----------------------------------------------------------------------------------------


def test_qgis_process_run(qp, tmp_path, ndvi):
    code, data, log = qp.run(ALG, NDVI=ndvi["years"], FIRST_YEAR=2011, OUTPUT=str(tmp_path / "lpd.tif"),
                             OUTPUT_METRICS=str(tmp_path / "m.tif"))
    assert code == 0, log
    lpd = read_raster(tmp_path / "lpd.tif")
    assert (lpd[:8, :10] == 1).all() and (lpd[16:, 20:] == 5).all()
    assert data["results"]["TOO_FEW_YEARS_PIXELS"] == 1
    assert (tmp_path / "lpd.qml").exists() and (tmp_path / "m.tif").exists()


def test_qgis_process_spanish(qp_es, tmp_path, ndvi):
    help_text = qp_es.help(ALG)
    assert "Dinámica de la productividad de la tierra" in help_text
    code, _data, log = qp_es.run(ALG, NDVI=ndvi["stack"], NDVI_SCALE=1, OUTPUT=str(tmp_path / "lpd.tif"))
    assert code != 0 and "Traceback" not in log
    assert "establezca NDVI_SCALE en 10000" in log
    assert not (tmp_path / "lpd.tif").exists()
