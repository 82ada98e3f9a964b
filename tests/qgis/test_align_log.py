"""ALIGN says what it reprojected and with which datum transformation (issue 18, smaller items)."""

import numpy as np
from feedback import Capture
from rasters import write_raster


def inputs(tmp_path):
    rng = np.random.default_rng(3)
    lcb = write_raster(tmp_path / "lcb.tif", rng.integers(1, 8, (120, 90)).astype(np.uint8), nodata=0)
    lct = write_raster(tmp_path / "lct.tif", rng.integers(1, 8, (120, 90)).astype(np.uint8), nodata=0)
    # productivity in PSAD56 / UTM 18S, covering the WGS 84 / UTM 18S reference grid with a margin
    lpd = write_raster(tmp_path / "lpd_psad56.tif", rng.integers(1, 6, (140, 110)).astype(np.uint8), nodata=0,
                       epsg=24878, geotransform=(399500.0, 30.0, 0.0, 8960900.0, 0.0, -30.0))
    same = write_raster(tmp_path / "lpd_60m.tif", rng.integers(1, 6, (60, 45)).astype(np.uint8), nodata=0,
                        geotransform=(400000.0, 60.0, 0.0, 8960000.0, 0.0, -60.0))
    return lcb, lct, lpd, same


def test_align_logs_the_crs_and_the_datum_transformation(tmp_path, run_alg):
    lcb, lct, lpd, same = inputs(tmp_path)
    fb = Capture()
    run_alg("t2restore:ldn_degradation", {"LC_BASELINE": lcb, "LC_TARGET": lct, "PRODUCTIVITY": lpd, "ALIGN": True,
                                          "OUTPUT": str(tmp_path / "d.tif")}, fb)
    lines = [line for line in fb.lines if line.startswith("ALIGN: PRODUCTIVITY")]
    assert len(lines) == 1, fb.lines
    assert "EPSG:24878" in lines[0] and "EPSG:32718" in lines[0]
    assert "PSAD56 to WGS 84" in lines[0] and "+proj=pipeline" in lines[0] and "+proj=helmert" in lines[0]
    fb = Capture()
    run_alg("t2restore:ldn_degradation", {"LC_BASELINE": lcb, "LC_TARGET": lct, "PRODUCTIVITY": same, "ALIGN": True,
                                          "OUTPUT": str(tmp_path / "e.tif")}, fb)
    assert any(line.startswith("ALIGN: PRODUCTIVITY resampled") and "no datum transformation" in line
               for line in fb.lines), fb.lines


def test_qgis_process_logs_the_alignment(qp, tmp_path):
    lcb, lct, lpd, _same = inputs(tmp_path)
    code, _data, log = qp.run("t2restore:ldn_degradation", LC_BASELINE=lcb, LC_TARGET=lct, PRODUCTIVITY=lpd,
                              ALIGN="true", OUTPUT=str(tmp_path / "d.tif"))
    assert code == 0, log
    assert "ALIGN: PRODUCTIVITY reprojected" in log and "+proj=pipeline" in log
