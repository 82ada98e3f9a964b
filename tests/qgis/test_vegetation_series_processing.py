"""t2restore:prepare_vegetation_series through processing.run and qgis_process, and into productivity_dynamics."""

import datetime

import numpy as np
import pytest
from feedback import Capture
from osgeo import gdal
from qgis.core import QgsProcessingException
from rasters import GT_UTM, read_raster, write_raster

from t2restore.processing.prepare_vegetation_series import PrepareVegetationSeriesAlgorithm as Alg

ALG = "t2restore:prepare_vegetation_series"
GOOD, CLOUDY, SNOW = 2116, 2118, 2116 | 1 << 14  # VI Quality words: MODLAND 00; MODLAND 10; 00 with snow


@pytest.fixture
def appeears(tmp_path):
    """An AppEEARS-like folder: NDVI and VI_Quality per 16-day date, 2016-2020, 3 dates a year, 2018 absent."""
    rng = np.random.default_rng(11)
    folder = tmp_path / "appeears"
    folder.mkdir()
    truth = {}
    for year in (2016, 2017, 2019, 2020):
        vals, oks = [], []
        for doy in (17, 177, 353):
            ndvi = rng.integers(1000, 9000, (6, 5)).astype(np.int16)
            ndvi[0, 0] = -3000
            quality = rng.choice(np.array([GOOD, CLOUDY, SNOW], np.uint16), (6, 5), p=[0.6, 0.2, 0.2])
            stem = f"MOD13Q1.061__250m_16_days_{{}}_doy{year}{doy:03d}_aid0001.tif"
            write_raster(folder / stem.format("NDVI"), ndvi, nodata=-3000)
            write_raster(folder / stem.format("VI_Quality"), quality)
            vals.append(ndvi * 0.0001)
            oks.append((ndvi != -3000) & (quality == GOOD))  # 'usable': clouds and snow rejected
        v, ok = np.array(vals), np.array(oks)
        truth[year] = np.where(ok.any(0), np.where(ok, v, -np.inf).max(0), np.nan)  # maximum, numpy directly
    return folder, truth


def test_folder_with_quality_max_and_chain_into_productivity(tmp_path, appeears, run_alg):
    folder, truth = appeears
    feedback = Capture()
    out = str(tmp_path / "series.tif")
    result = run_alg(ALG, {Alg.FOLDER: str(folder), Alg.FILE_FILTER: "NDVI", Alg.QUALITY_FILTER: "VI_Quality",
                           Alg.PRODUCT: 1, Alg.AGGREGATE: 1, Alg.OUTPUT: out}, feedback)
    assert result[Alg.FIRST_YEAR_OUT] == 2016 and result[Alg.YEARS] == 5 and result[Alg.MISSING_YEARS] == "2018"
    ds = gdal.Open(out)
    assert [ds.GetRasterBand(b).GetDescription() for b in range(1, 6)] == ["2016", "2017", "2018", "2019", "2020"]
    for band, year in ((1, 2016), (2, 2017), (4, 2019), (5, 2020)):
        got = read_raster(out, band)
        assert np.array_equal(got == -9999, np.isnan(truth[year]))
        np.testing.assert_allclose(got[~np.isnan(truth[year])], truth[year][~np.isnan(truth[year])], atol=1e-6)
    assert (read_raster(out, 3) == -9999).all()
    assert "2018" in feedback.text() and "left as nodata" in feedback.text()
    lpd = run_alg("t2restore:productivity_dynamics", {"NDVI": [out], "FIRST_YEAR": result[Alg.FIRST_YEAR_OUT],
                                                       "NDVI_SCALE": 1, "COMPARISON_YEARS": 1,
                                                       "OUTPUT": str(tmp_path / "lpd.tif")})
    assert lpd["OUTPUT"]


def test_other_grid_refused_by_name_then_aligned(tmp_path, run_alg):
    a = write_raster(tmp_path / "ndvi_2010.tif", np.full((4, 4), 0.5, np.float32))
    b = write_raster(tmp_path / "ndvi_2011.tif", np.full((4, 4), 0.7, np.float32),
                     geotransform=(GT_UTM[0] + 15, 30.0, 0.0, GT_UTM[3], 0.0, -30.0))
    params = {Alg.INPUT: [a, b], Alg.PRODUCT: 2, Alg.OUTPUT: str(tmp_path / "s.tif")}
    with pytest.raises(QgsProcessingException, match="ndvi_2011.tif.*origin"):
        run_alg(ALG, params)
    assert not (tmp_path / "s.tif").exists()
    feedback = Capture()
    run_alg(ALG, dict(params, **{Alg.ALIGN: True}), feedback)
    assert "ndvi_2011.tif was aligned" in feedback.text()
    assert read_raster(tmp_path / "s.tif", 2)[1, 1] == pytest.approx(0.7)


def test_date_table_season_window_and_custom_scale(tmp_path, run_alg):
    """Landsat-like composites named without dates; the table dates them. Window days 60-200 keeps
    March and June, leaves January out. Scale 0.001, offset -0.1: (500, 700) -> mean 0.5."""
    paths = [write_raster(tmp_path / f"scene_{n}.tif", np.full((2, 2), v, np.int16), nodata=-1)
             for n, v in enumerate((9000, 500, 700))]
    table = tmp_path / "dates.csv"
    table.write_text("file,date\nscene_0.tif,2014-01-10\nscene_1,2014-03-01\n"
                     "scene_2.tif,2014-06-30\n", encoding="utf-8")
    result = run_alg(ALG, {Alg.INPUT: paths, Alg.DATES: str(table), Alg.PRODUCT: 3, Alg.SCALE: 0.001,
                           Alg.OFFSET: -0.1, Alg.SEASON_START: 60, Alg.SEASON_END: 200,
                           Alg.OUTPUT: str(tmp_path / "s.tif")})
    assert result[Alg.YEARS] == 1
    np.testing.assert_allclose(read_raster(tmp_path / "s.tif"), 0.5, atol=1e-6)


def test_year_with_no_valid_observation_is_reported(tmp_path, run_alg):
    a = write_raster(tmp_path / "MOD13Q1.A2010001.tif", np.full((2, 2), 5000, np.int16))
    b = write_raster(tmp_path / "MOD13Q1.A2011001.tif", np.full((2, 2), -3000, np.int16))
    feedback = Capture()
    run_alg(ALG, {Alg.INPUT: [a, b], Alg.OUTPUT: str(tmp_path / "s.tif")}, feedback)
    assert "no valid pixel" in feedback.text() and "2011" in feedback.text()
    assert (read_raster(tmp_path / "s.tif", 2) == -9999).all()


def test_through_qgis_process_with_a_date_table(qp, tmp_path):
    paths = [write_raster(tmp_path / f"s{n}.tif", np.full((2, 3), v, np.float32)) for n, v in enumerate((0.2, 0.4))]
    table = tmp_path / "d.csv"
    table.write_text("s0.tif,2003-02-01\ns1.tif,2003-04-01\n", encoding="utf-8")
    code, data, log = qp.run(ALG, INPUT=paths, DATES=str(table), PRODUCT=2, AGGREGATE=2,
                             OUTPUT=str(tmp_path / "s.tif"))
    assert code == 0, log
    days = (datetime.date(2003, 4, 1) - datetime.date(2003, 2, 1)).days
    np.testing.assert_allclose(read_raster(tmp_path / "s.tif"), (0.2 + 0.4) / 2 * days, rtol=1e-6)
    assert data["results"]["FIRST_YEAR_OUT"] == 2003
