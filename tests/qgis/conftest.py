"""QGIS fixtures: the plugin loaded once through classFactory, as QGIS does, and what several test files share."""

import gc
import sys
from pathlib import Path

import pytest

QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


def pytest_configure(config):
    config.addinivalue_line("markers", "qgis_process: runs the real qgis_process (slower); leave out with "
                                       "-m 'not qgis_process'")


def _gdal_backed_objects():
    """Python-owned QGIS layers read through GDAL/OGR, and GDAL/OGR datasets, still alive (descriptions).

    Memory layers are left out: nothing of theirs needs GDAL when they are freed."""
    from osgeo import gdal, ogr
    from qgis.core import QgsMapLayer
    from qgis.PyQt import sip

    alive = []
    for obj in gc.get_objects():
        if (isinstance(obj, QgsMapLayer) and not sip.isdeleted(obj) and sip.ispyowned(obj)
                and obj.providerType() in ("ogr", "gdal")):
            alive.append(f"{type(obj).__name__} {obj.source()}")
        elif isinstance(obj, (gdal.Dataset, ogr.DataSource)):
            alive.append(f"{type(obj).__name__} {obj.GetDescription()}")
    return alive


@pytest.fixture(scope="session", autouse=True)
def release_gdal_objects_before_qgis_exits(qgis_app):
    """Destroy what holds GDAL data while GDAL is still there (issue 9: the crash at exit).

    pytest-qgis calls QgsApplication.exitQgis(), which tears GDAL down, when the session ends; Python
    frees what is left afterwards, at interpreter shutdown, and a QGIS layer or GDAL dataset freed
    then aborts the process after the summary line ("ERROR 10: Pointer 'hDriver' is NULL in
    'GDALGetDriverShortName'", "free(): invalid size", or a segmentation fault), even when every
    test passed. Two things keep such objects that long: reference cycles the garbage collector has
    not reached yet (when it runs depends on allocations, hence "one run in two"), and the frames of
    the last failed test, which pytest keeps in sys.last_exc for post-mortem debugging. This fixture,
    torn down just before pytest-qgis's exitQgis, releases both, then fails loudly if anything
    GDAL-backed is still reachable (a global or class attribute holding it), naming it.
    """
    yield
    for name in ("last_exc", "last_value", "last_traceback", "last_type"):
        if hasattr(sys, name):
            delattr(sys, name)
    gc.collect()
    alive = _gdal_backed_objects()
    assert not alive, ("still alive when QGIS shuts GDAL down (they would crash the process at exit): "
                       + "; ".join(alive[:10]))


@pytest.fixture(scope="session")
def plugin(qgis_app, qgis_processing):
    """The T2 Restore plugin, created through classFactory with iface None (like qgis_process)."""
    if QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    import t2restore

    instance = t2restore.classFactory(None)
    instance.initProcessing()
    yield instance
    instance.unload()


@pytest.fixture
def run_alg(plugin):
    """processing.run with a fresh context; returns the results dict."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    import processing

    def _run(alg_id, params, feedback=None):
        context = QgsProcessingContext()
        return processing.run(alg_id, params, context=context, feedback=feedback or QgsProcessingFeedback())

    return _run


@pytest.fixture
def run_and_load(plugin, qgis_iface, monkeypatch):
    """Run an algorithm as the toolbox does with "Open output file after running", loading its outputs
    with QGIS's own post-processing (processing.gui.Postprocessing.handleAlgorithmResults) into the
    project's layer tree, shown in a real QgsLayerTreeView.

    ``run_and_load(alg_id, params)`` -> (results, {output name: loaded layer}, {output name: load
    details as the algorithm left them}). QGIS 3.40 and later use ``iface.layerTreeView()`` when
    loading results, and 3.44 hands it to C++ (QgsProcessingGuiUtils.addResultLayers), where the
    MagicMock of pytest-qgis's stub iface is refused: the fixture gives the iface a real view. The
    call ``handleAlgorithmResults(alg, context, feedback, parameters=...)`` is the same on 3.22,
    3.40 and 3.44 (by keyword), so no version switch is needed.
    """
    from processing.gui import Postprocessing
    from qgis.core import (
        QgsApplication,
        QgsLayerTreeModel,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
    )
    from qgis.gui import QgsLayerTreeView

    import processing

    project = QgsProject.instance()
    project.removeAllMapLayers()
    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(project.layerTreeRoot(), view))
    monkeypatch.setattr(qgis_iface, "layerTreeView", lambda: view, raising=False)
    monkeypatch.setattr(Postprocessing, "iface", qgis_iface, raising=False)  # imported by the module (3.40+)

    def _run(alg_id, params):
        alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
        params = dict(params)
        for definition in alg.destinationParameterDefinitions():
            if definition.name() in params and definition.type() in ("sink", "vectorDestination",
                                                                      "rasterDestination"):
                params[definition.name()] = QgsProcessingOutputLayerDefinition(params[definition.name()], project)
        context = QgsProcessingContext()
        context.setProject(project)
        pending, loaded = {}, []

        def on_finish(alg, context, feedback):
            pending.update(context.layersToLoadOnCompletion())
            loaded.append(Postprocessing.handleAlgorithmResults(alg, context, feedback, parameters=params))

        results = processing.run(alg, params, onFinish=on_finish, context=context, feedback=QgsProcessingFeedback())
        assert loaded == [True], "QGIS's post-processing reported layers it could not load"
        layers = {}
        for name, value in results.items():
            for layer in project.mapLayers().values():
                if value in (layer.id(), layer.source().split("|")[0]):
                    assert project.layerTreeRoot().findLayer(layer.id()) is not None, name
                    layers[name] = layer
        details = {name: pending[key] for name, value in results.items() for key in pending
                   if value in (key, key.split("|")[0])}
        return results, layers, details

    yield _run
    project.removeAllMapLayers()


@pytest.fixture
def run_cancelled(plugin):
    """processing.run with a feedback cancelled before the start; returns the QgsProcessingException raised."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    import processing

    def _run(alg_id, params):
        feedback = QgsProcessingFeedback()
        feedback.cancel()
        with pytest.raises(QgsProcessingException) as err:
            processing.run(alg_id, params, feedback=feedback)
        return err.value

    return _run


# -- qgis_process (tests/qgis/qgisprocess.py): one throw-away profile per test module and language ----------


def _qgis_process(folder, locale=None):
    from qgisprocess import QgisProcess

    import t2restore

    # the folder holding the `t2restore` link that tests/conftest.py put on sys.path
    return QgisProcess(folder, Path(t2restore.__file__).parent.parent, locale=locale)


@pytest.fixture(scope="module")
def qp(tmp_path_factory):
    """qgis_process with the plugin enabled, English."""
    return _qgis_process(tmp_path_factory.mktemp("qgis-config"))


@pytest.fixture(scope="module")
def qp_es(tmp_path_factory):
    """qgis_process with the plugin enabled, Spanish (es_PE) user interface."""
    return _qgis_process(tmp_path_factory.mktemp("qgis-config-es"), locale="es_PE")


# -- vectors and independent area truths --------------------------------------------------------------------


def _write_vector(path, rows, epsg=4326, driver="GeoJSON", layer="areas"):
    """A polygon file; ``rows`` are (wkt, {field: value}); fields are strings or reals."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, srs, ogr.wkbPolygon)
    for name, value in rows[0][1].items():
        lyr.CreateField(ogr.FieldDefn(name, ogr.OFTReal if isinstance(value, float) else ogr.OFTString))
    for wkt, values in rows:
        feat = ogr.Feature(lyr.GetLayerDefn())
        for name, value in values.items():
            feat.SetField(name, value)
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(feat)
    ds = None
    return str(path)


@pytest.fixture(scope="session")
def write_vector():
    """``write_vector(path, rows, epsg=4326, driver="GeoJSON", layer="areas")``: a polygon file, its path as str."""
    return _write_vector


def _ellipsoid_ha(wkt, epsg=32718):
    """Independent truth: QgsDistanceArea on the WGS 84 ellipsoid."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry, QgsProject

    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), QgsProject.instance().transformContext())
    da.setEllipsoid("WGS84")
    return da.measureArea(QgsGeometry.fromWkt(wkt)) / 10000.0


@pytest.fixture(scope="session")
def ellipsoid_ha():
    """``ellipsoid_ha(wkt, epsg=32718)``: hectares of a WKT polygon by QgsDistanceArea on the WGS 84 ellipsoid."""
    return _ellipsoid_ha


def _reproject_wkt(wkt, src, dst):
    """``wkt`` from EPSG ``src`` to EPSG ``dst``, its edges densified to 50 units first."""
    from osgeo import ogr, osr

    s, d = osr.SpatialReference(), osr.SpatialReference()
    s.ImportFromEPSG(src)
    d.ImportFromEPSG(dst)
    for srs in (s, d):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    g = ogr.CreateGeometryFromWkt(wkt)
    g.Segmentize(50)
    g.Transform(osr.CoordinateTransformation(s, d))
    return g.ExportToWkt()


@pytest.fixture(scope="session")
def reproject_wkt():
    """``reproject_wkt(wkt, src_epsg, dst_epsg)``."""
    return _reproject_wkt
