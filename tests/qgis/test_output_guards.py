"""Destinations against inputs (processing/_outputs.py), checked sinks and style sidecars, through processing.run
and qgis_process. The matrix of bad inputs per algorithm is tests/qgis/test_bad_inputs.py."""

import hashlib
import os

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException
from rasters import write_polygons, write_raster

from t2restore.algorithms import files

ZONE = "POLYGON((400000 8959940,400090 8959940,400090 8960000,400000 8960000,400000 8959940))"


@pytest.fixture
def lpd(tmp_path):
    return write_raster(tmp_path / "lpd.tif", np.array([[1, 2, 3], [4, 5, 0]], np.uint8), nodata=0)


@pytest.fixture
def zones(tmp_path):
    return write_polygons(tmp_path / "z.gpkg", [("Pasco", ZONE), ("Junín", ZONE)], layer="departamentos")


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def layers(path):
    ds = ogr.Open(str(path))
    return {ds.GetLayer(i).GetName(): ds.GetLayer(i).GetFeatureCount() for i in range(ds.GetLayerCount())}


@pytest.mark.parametrize("as_definition", [False, True])
def test_a_table_into_the_zones_geopackage_is_refused(run_alg, lpd, zones, as_definition):
    from qgis.core import QgsProcessingFeatureSourceDefinition

    before = digest(zones)
    source = f"{zones}|layername=departamentos"
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:area_summary", {
            "INPUT": lpd, "ZONES": QgsProcessingFeatureSourceDefinition(source) if as_definition else source,
            "ZONE_FIELD": "name", "OUTPUT_TABLE": zones})
    message = str(err.value)
    assert "would overwrite the input" in message and "(ZONES)" in message and "(OUTPUT_TABLE)" in message
    assert zones in message
    assert digest(zones) == before and layers(zones) == {"departamentos": 2}


def test_a_new_table_appended_to_the_zones_geopackage_is_allowed(run_alg, lpd, zones):
    """QGIS 3.22 appends an ``ogr:dbname=... table=...`` destination and leaves the other layers alone."""
    run_alg("t2restore:area_summary", {"INPUT": lpd, "ZONES": f"{zones}|layername=departamentos", "ZONE_FIELD": "name",
                                       "OUTPUT_TABLE": f"ogr:dbname='{zones}' table=\"resumen\" (geom)"})
    found = layers(zones)
    assert found["departamentos"] == 2 and found["resumen"] > 0
    with pytest.raises(QgsProcessingException) as err:  # ... but not over the zones' own layer
        run_alg("t2restore:area_summary", {"INPUT": lpd, "ZONES": f"{zones}|layername=departamentos",
                                           "OUTPUT_TABLE": f"ogr:dbname='{zones}' table=\"departamentos\" (geom)"})
    assert "would overwrite the input" in str(err.value) and layers(zones)["departamentos"] == 2


def test_an_output_reaching_the_input_through_a_link_or_another_spelling_is_refused(run_alg, tmp_path, lpd):
    link = tmp_path / "link.tif"
    os.symlink(lpd, link)
    before = digest(lpd)
    for out in (str(link), str(tmp_path / "sub" / ".." / "lpd.tif")):
        with pytest.raises(QgsProcessingException) as err:
            run_alg("t2restore:forest_fragmentation", {"INPUT": lpd, "FOREST_VALUES": "3", "OUTPUT": out})
        assert "would overwrite the input" in str(err.value) and "(INPUT)" in str(err.value)
    assert digest(lpd) == before


def test_two_outputs_on_one_file_are_refused(run_alg, tmp_path, lpd):
    out = str(tmp_path / "f.tif")
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:forest_fragmentation", {"INPUT": lpd, "FOREST_VALUES": "3", "OUTPUT": out,
                                                   "OUTPUT_PF": out})
    assert "are the same file" in str(err.value) and "(OUTPUT_PF)" in str(err.value)
    assert not os.path.exists(out)


def test_through_qgis_process_the_zones_geopackage_survives(qp, lpd, zones):
    before = digest(zones)
    code, _data, log = qp.run("t2restore:area_summary", INPUT=lpd, ZONES=f"{zones}|layername=departamentos",
                              OUTPUT_TABLE=zones)
    assert code != 0 and "would overwrite the input" in log and "Traceback" not in log
    assert digest(zones) == before


def test_the_users_style_file_of_the_same_name_is_kept(run_alg, tmp_path, lpd):
    theirs = tmp_path / "d.qml"
    theirs.write_text("<qgis>the style of d.shp</qgis>", encoding="utf-8")
    run_alg("t2restore:ldn_degradation", {"PRODUCTIVITY": lpd, "OUTPUT": str(tmp_path / "d.tif")})
    assert theirs.read_text(encoding="utf-8") == "<qgis>the style of d.shp</qgis>"
    ours = (tmp_path / "d.tif.t2restore.qml").read_text(encoding="utf-8")
    assert files.QML_MARKER in ours and "paletteEntry" in ours
    theirs.unlink()
    run_alg("t2restore:ldn_degradation", {"PRODUCTIVITY": lpd, "OUTPUT": str(tmp_path / "d.tif")})
    first = theirs.read_text(encoding="utf-8")
    assert files.QML_MARKER in first and "paletteEntry" in first  # no style of that name: ours is d.qml
    run_alg("t2restore:ldn_degradation", {"PRODUCTIVITY": lpd, "OUTPUT": str(tmp_path / "d.tif")})
    assert theirs.read_text(encoding="utf-8") == first  # ours again: replaced with the output


def test_the_refusal_is_translated(qp_es, tmp_path, lpd):
    before = digest(lpd)
    code, _data, log = qp_es.run("t2restore:forest_fragmentation", INPUT=lpd, FOREST_VALUES="3", OUTPUT=lpd)
    assert code != 0 and "La salida" in log and "sobrescribiría la entrada" in log and "(INPUT)" in log
    assert digest(lpd) == before


def test_outputs_that_cannot_fit_on_the_disk_are_refused_before_any_work(run_alg, tmp_path, lpd, monkeypatch):
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(files.shutil, "disk_usage", lambda _path: usage(10 ** 12, 10 ** 12, 5))
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:ldn_degradation", {"PRODUCTIVITY": lpd, "OUTPUT": str(tmp_path / "d.tif")})
    assert "The outputs need up to" in str(err.value) and "which has 0.0 KB free" in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lpd.tif"]


def test_a_requested_table_that_qgis_does_not_create_is_refused(plugin, monkeypatch):
    """QGIS returning no sink for an output that was asked for must not read as "skipped"."""
    from qgis.core import QgsApplication, QgsFields, QgsProcessingAlgorithm, QgsProcessingContext

    from t2restore import compat

    alg = QgsApplication.processingRegistry().createAlgorithmById("t2restore:ahp_weights")
    monkeypatch.setattr(QgsProcessingAlgorithm, "parameterAsSink", lambda *args, **kwargs: (None, ""))
    context = QgsProcessingContext()
    with pytest.raises(QgsProcessingException) as err:
        alg.parameterAsSink({"OUTPUT": "/somewhere/w.csv"}, "OUTPUT", context, QgsFields(), compat.WKB_NO_GEOMETRY)
    assert "could not be created" in str(err.value) and "(OUTPUT)" in str(err.value)
    assert alg.parameterAsSink({"OUTPUT": None}, "OUTPUT", context, QgsFields(), compat.WKB_NO_GEOMETRY)[0] is None


def test_a_qgis_process_killed_mid_run_is_cleaned_up_by_the_next_run(qp, tmp_path, lpd):
    """kill -9 of a real qgis_process while it writes: its working folder and temporary output stay behind
    (nothing can run on a SIGKILL); the next run removes both."""
    import signal
    import subprocess  # nosec B404 - fixed executable, argument list, no shell
    import time

    from osgeo import gdal
    from qgisprocess import executable

    temp, out = tmp_path / "tmp", tmp_path / "out"
    temp.mkdir()
    out.mkdir()
    big = str(tmp_path / "big.vrt")  # 25,000 x 25,000 pixels (zeros, LPD's no data): tens of seconds of work
    ds = gdal.GetDriverByName("VRT").Create(big, 25_000, 25_000, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((400000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0))
    ds.SetProjection(gdal.Open(lpd).GetProjection())
    ds = None
    env = dict(qp.env, TMPDIR=str(temp))
    proc = subprocess.Popen([executable(), "run", "t2restore:ldn_degradation", "--", f"PRODUCTIVITY={big}",  # nosec B603
                             f"OUTPUT={out / 'd.tif'}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    def left_behind():
        return bool(list(out.glob(".d.tif.*.part.tif")) and list(temp.glob("t2restore-work-*")))

    try:
        deadline = time.time() + 60
        while time.time() < deadline and not left_behind():
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert left_behind()
    old_env = qp.env
    qp.env = env
    try:
        code, _data, log = qp.run("t2restore:ldn_degradation", PRODUCTIVITY=lpd, OUTPUT=str(out / "e.tif"))
    finally:
        qp.env = old_env
    assert code == 0, log
    assert list(out.glob(".*.part.tif*")) == [] and list(temp.glob("t2restore-work-*")) == []
    # nothing of the killed run is left; GDAL up to 3.12 writes the categories to e.tif.aux.xml, 3.13 into e.tif
    assert {p.name for p in out.iterdir()} - {"e.tif.aux.xml"} == {"e.qml", "e.tif"}
