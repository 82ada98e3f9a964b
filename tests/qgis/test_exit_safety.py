"""Nothing that holds GDAL/OGR data outlives a failed run (issue 9: the crash at exit on GDAL 3.13).

PyQGIS keeps the exception a Python algorithm raises (and so the frames of its traceback) alive for
the rest of the process. Any GDAL dataset or QGIS layer those frames reach is then destroyed only
when Python shuts down, after QGIS has torn GDAL down (QgsApplication.exitQgis), which aborts the
process: "ERROR 10: Pointer 'hDriver' is NULL in 'GDALGetDriverShortName'", then "free(): invalid
size". A failed run must therefore leave no dataset of its inputs open once it has returned.
"""

import gc
import os
import subprocess  # nosec B404
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException
from rasters import write_raster

SHAPE = (40, 30)


def open_datasets_under(folder):
    gc.collect()
    return sorted(o.GetDescription() for o in gc.get_objects()
                  if isinstance(o, gdal.Dataset) and o.GetDescription().startswith(str(folder)))


def _priority_all_excluded(tmp_path):
    slope = write_raster(tmp_path / "slope.tif", np.full(SHAPE, 10, np.float32))
    dist = write_raster(tmp_path / "dist.tif", np.full(SHAPE, 100, np.float32))
    everything = write_raster(tmp_path / "all.tif", np.ones(SHAPE, np.uint8))
    return "t2restore:priority_score", {
        "CRITERIA": [slope, dist], "WEIGHTS": "1, 1", "CONSTRAINTS": [everything],
        "RESCALING": ["1", "1", "slope", "linear", "0", "40", "", "2", "1", "distance", "inverted", "0", "10000", ""],
        "OUTPUT_SCORE": str(tmp_path / "s.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif")}


def _fragmentation_without_forest(tmp_path):
    land = write_raster(tmp_path / "lc.tif", np.full(SHAPE, 3, np.uint8), nodata=255)
    return "t2restore:forest_fragmentation", {"INPUT": land, "FOREST_VALUES": "9", "WINDOW": 5,
                                              "OUTPUT": str(tmp_path / "f.tif")}


@pytest.mark.parametrize("case", [_priority_all_excluded, _fragmentation_without_forest])
def test_a_failed_run_leaves_no_dataset_open(tmp_path, run_alg, case):
    alg_id, params = case(tmp_path)
    with pytest.raises(QgsProcessingException):
        run_alg(alg_id, params)
    assert open_datasets_under(tmp_path) == []


CHILD = textwrap.dedent("""
    import gc, os, sys
    sys.path.insert(0, sys.argv[1])
    sys.path.append("/usr/share/qgis/python/plugins")
    import numpy as np
    from osgeo import gdal, osr
    from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import processing
    import t2restore
    plugin = t2restore.classFactory(None)
    plugin.initProcessing()
    folder = sys.argv[2]
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    land = os.path.join(folder, "lc.tif")
    ds = gdal.GetDriverByName("GTiff").Create(land, 30, 40, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((400000, 30, 0, 8960000, 0, -30))
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.full((40, 30), 3, np.uint8))
    ds = None
    for n in range(3):
        try:
            processing.run("t2restore:forest_fragmentation", {"INPUT": land, "FOREST_VALUES": "9", "WINDOW": 5,
                           "OUTPUT": os.path.join(folder, f"f{n}.tif")}, feedback=QgsProcessingFeedback())
        except QgsProcessingException:
            pass
    gc.collect()
    left = [o for o in gc.get_objects() if isinstance(o, gdal.Dataset)]
    print("open datasets:", len(left), flush=True)
    plugin.unload()
    app.exitQgis()
    print("QGIS exited", flush=True)
""")


def test_qgis_exits_cleanly_after_failed_runs(tmp_path):
    """The whole life of a process: QGIS up, failed runs, QGIS down, Python down; exit status 0."""
    import t2restore

    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-P", str(script), str(Path(t2restore.__file__).parent.parent),  # nosec B603
                           str(tmp_path)], capture_output=True, text=True, env=env, timeout=300, check=False)
    assert "open datasets: 0" in proc.stdout, proc.stdout + proc.stderr
    assert "QGIS exited" in proc.stdout
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "GDALGetDriverShortName" not in proc.stderr and "free()" not in proc.stderr


SESSION_CONFTEST = textwrap.dedent("""
    import importlib.util

    _spec = importlib.util.spec_from_file_location("t2_qgis_conftest", {conftest!r})
    _conftest = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_conftest)
    release_gdal_objects_before_qgis_exits = _conftest.release_gdal_objects_before_qgis_exits
""")
SESSION_TEST = textwrap.dedent("""
    from osgeo import gdal
    from qgis.core import QgsRasterLayer


    class Holder:
        pass


    def test_a_layer_in_a_reference_cycle(tmp_path):
        path = str(tmp_path / "a.tif")
        ds = gdal.GetDriverByName("GTiff").Create(path, 10, 10, 1)
        ds.SetGeoTransform((0, 1, 0, 0, 0, -1))
        ds = None
        holder = Holder()
        holder.layer = QgsRasterLayer(path, "r")
        holder.me = holder  # freed only by the cyclic garbage collector
        assert holder.layer.isValid()
""")


def test_a_session_leaving_a_layer_in_a_cycle_exits_cleanly(tmp_path):
    """Every test passes, a layer is left in a reference cycle: the process must still exit with 0
    (on GDAL 3.13 it aborted after the summary line without the session fixture of conftest.py)."""
    (tmp_path / "conftest.py").write_text(SESSION_CONFTEST.format(conftest=str(Path(__file__).with_name(
        "conftest.py"))), encoding="utf-8")
    (tmp_path / "test_cycle.py").write_text(SESSION_TEST, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-P", "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],  # nosec B603
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False)
    assert "1 passed" in proc.stdout, proc.stdout + proc.stderr
    assert proc.returncode == 0, proc.stdout[-1500:] + proc.stderr[-1500:]


def test_a_layer_kept_by_a_global_is_named_before_qgis_exits(tmp_path):
    """A layer a module global keeps cannot be released in time: the session says which one, loudly."""
    (tmp_path / "conftest.py").write_text(SESSION_CONFTEST.format(conftest=str(Path(__file__).with_name(
        "conftest.py"))), encoding="utf-8")
    (tmp_path / "test_global.py").write_text(textwrap.dedent("""
        from osgeo import ogr
        from qgis.core import QgsVectorLayer

        KEPT = []


        def test_keeps_a_layer(tmp_path):
            path = str(tmp_path / "kept.gpkg")
            ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
            ds.CreateLayer("kept", None, ogr.wkbPolygon)
            ds = None
            KEPT.append(QgsVectorLayer(path, "kept", "ogr"))
            assert KEPT[0].isValid()
    """), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-P", "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],  # nosec B603
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False)
    assert "still alive when QGIS shuts GDAL down" in proc.stdout, proc.stdout + proc.stderr
    assert "kept.gpkg" in proc.stdout and proc.returncode != 0
