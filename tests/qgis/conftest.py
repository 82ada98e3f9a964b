"""QGIS fixtures: the plugin loaded once through classFactory, as QGIS does, and what several test files share."""

import sys
from pathlib import Path

import pytest

QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


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
