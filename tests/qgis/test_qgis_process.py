"""Every algorithm through the real ``qgis_process`` (English and Spanish profiles: fixtures ``qp`` and ``qp_es``
in conftest.py)."""

import numpy as np
import pytest
from rasters import read_raster, write_polygons, write_raster


@pytest.fixture
def lpd(tmp_path):
    arr = np.array([[1, 2, 3], [4, 5, 0]], np.uint8)
    return write_raster(tmp_path / "lpd.tif", arr, nodata=0), arr


def test_listed(qp):
    out = qp.call("list").stdout
    assert "t2restore:ldn_degradation" in out and "t2restore:area_summary" in out


def test_ldn_degradation(qp, tmp_path, lpd):
    path, _arr = lpd
    zones = write_polygons(tmp_path / "z.gpkg", [("Pasco", "POLYGON((400000 8959940,400090 8959940,"
                                                            "400090 8960000,400000 8960000,400000 8959940))")])
    code, data, log = qp.run("t2restore:ldn_degradation", PRODUCTIVITY=path, ZONES=zones, ZONE_FIELD="name",
                             OUTPUT=str(tmp_path / "d.tif"), OUTPUT_TABLE=str(tmp_path / "t.gpkg"))
    assert code == 0, log
    assert read_raster(tmp_path / "d.tif").tolist() == [[-1, -1, 0], [0, 1, -32768]]
    assert data["results"]["SUBINDICATORS_USED"] == "productivity"
    assert data["results"]["DEGRADED_HA"] == pytest.approx(0.18, rel=2e-3)
    assert (tmp_path / "d.qml").exists()


def test_area_summary(qp, tmp_path, lpd):
    path, _ = lpd
    code, data, log = qp.run("t2restore:area_summary", INPUT=path, OUTPUT_TABLE=str(tmp_path / "t.csv"))
    assert code == 0, log
    assert data["results"]["TOTAL_HA"] == pytest.approx(5 * 0.09, rel=2e-3)
    lines = (tmp_path / "t.csv").read_text().splitlines()
    assert lines[0].startswith("zone,class,class_name,hectares") and len(lines) == 7  # 5 classes + nodata


def test_bad_input_is_a_clear_error_not_a_traceback(qp, tmp_path, lpd):
    path, _ = lpd
    code, _data, log = qp.run("t2restore:ldn_degradation", LC_BASELINE=path, LC_TARGET=path,
                              TRANSITION_MATRIX=",".join(["0"] * 48), OUTPUT=str(tmp_path / "d.tif"))
    assert code != 0
    assert "must be 7 x 7" in log
    assert "Traceback" not in log
    assert not (tmp_path / "d.tif").exists()


def test_spanish_profile(qp_es, tmp_path, lpd):
    path, _ = lpd
    assert "Degradación, ODS 15.3.1 (uno fuera, todos fuera)" in qp_es.call("list").stdout
    help_text = qp_es.help("t2restore:ldn_degradation")
    assert "Cobertura del suelo, línea base" in help_text
    code, _data, log = qp_es.run("t2restore:ldn_degradation", LC_BASELINE=path, LC_TARGET=path,
                                 TRANSITION_MATRIX=",".join(["0"] * 48), OUTPUT=str(tmp_path / "d.tif"))
    assert code != 0 and "La matriz de transición debe ser de 7 x 7" in log
