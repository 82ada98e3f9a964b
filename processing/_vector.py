"""Helpers shared by the vector algorithms (gap_overlap, target2_indicator).

Why a module: both algorithms read "a polygon layer or a raster mask" into valid OGR polygons in one
working CRS, log what was repaired or skipped in the same words, and write polygon outputs from OGR
geometries (their categorized style is ``styles.style_vector_output``). The provider skips modules
starting with ``_``, so this holds no algorithm.
"""

from qgis.core import (
    NULL,
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsVectorLayer,
)

from .. import compat
from ..algorithms import geometry, overlap
from ..algorithms import values as value_lists
from ..algorithms.errors import Cancelled
from ..translation import tr
from . import _te_bands, _zones

try:  # QGIS >= 3.36 / 4
    SKIP_VALIDITY_CHECKS = Qgis.ProcessingFeatureSourceFlag.SkipGeometryValidityChecks
except AttributeError:  # QGIS 3.22 .. 3.34
    SKIP_VALIDITY_CHECKS = QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks  # qt6: ok (QGIS < 3.36)


def add_gap_parameters(alg, optional=False, values=False):
    """GAP_A / NAME_A / GAP_B / NAME_B: two polygon layers or raster masks and their names; with ``values`` also
    GAP_A_VALUES / GAP_B_VALUES (class constants of ``alg``): the pixel values of a raster mask that are the gap."""
    for key, name, default, label in ((alg.GAP_A, alg.NAME_A, "MINAM", tr("Gap A (polygons, or a raster mask)")),
                                      (alg.GAP_B, alg.NAME_B, "SERFOR", tr("Gap B (polygons, or a raster mask)"))):
        alg.addParameter(QgsProcessingParameterMapLayer(
            key, label, optional=optional, types=[compat.TYPE_VECTOR_POLYGON, compat.TYPE_RASTER]))
        alg.addParameter(QgsProcessingParameterString(
            name, tr("Name of {key}").format(key=key), defaultValue=default, optional=True))
        if values:
            alg.addParameter(QgsProcessingParameterString(
                alg.GAP_A_VALUES if key == alg.GAP_A else alg.GAP_B_VALUES,
                tr("Pixel values of {key} that are in the gap, when it is a raster (e.g. 1,2,3: the degraded classes "
                   "of an ldn_status status; empty: every non-zero pixel)").format(key=key), optional=True))


def add_polygon_sink(alg, key, description, optional=False, create=True):
    alg.addParameter(QgsProcessingParameterFeatureSink(
        key, description, compat.TYPE_VECTOR_POLYGON, optional=optional, createByDefault=create))


def layer_crs(layer):
    """The layer's CRS, or an invalid CRS when there is no layer."""
    return layer.crs() if layer is not None else QgsCoordinateReferenceSystem()


def working_crs(layers):
    """The CRS of the first layer that has a valid one: every other input is reprojected to it."""
    for layer in layers:
        crs = layer_crs(layer)
        if crs.isValid():
            return crs
    raise QgsProcessingException(tr("None of the input layers has a coordinate reference system, so areas cannot "
                                    "be computed. Assign their CRS (Layer properties > Source) and run again."))


class PolygonReader:
    """Reads polygon layers and raster masks into valid OGR polygons in the working CRS, and logs
    every null geometry skipped, invalid geometry repaired and reprojection done."""

    def __init__(self, alg, context, feedback, target_crs, workdir):
        self.alg, self.context, self.feedback = alg, context, feedback
        self.target_crs, self.workdir = target_crs, workdir

    def _request(self, crs, name):
        request = QgsFeatureRequest()
        if crs.isValid() and not _zones.is_undefined(crs) and self.target_crs.isValid() and crs != self.target_crs:
            request.setDestinationCrs(self.target_crs, self.context.transformContext())
            self.feedback.pushInfo(tr("{name} reprojected from {src} to {dst}.").format(
                name=name, src=crs.authid() or crs.description(), dst=self.target_crs.authid()))
        return request

    def features(self, source, name, fields=(), all_attributes=True):
        """[(fid, [polygons], [attribute values of ``fields``], feature)] of a feature source.

        Without ``all_attributes`` only ``fields`` are read (GeoPackage reads much faster)."""
        request = self._request(source.sourceCrs(), name)
        if not all_attributes:
            request.setSubsetOfAttributes(list(fields), source.fields())
        stats = geometry.CleanStats()
        out = []
        total = max(1, source.featureCount())
        iterator = (source.getFeatures(request, SKIP_VALIDITY_CHECKS)
                    if isinstance(source, QgsProcessingFeatureSource) else source.getFeatures(request))
        for n, feature in enumerate(iterator):
            if n % 1000 == 0:
                if self.feedback.isCanceled():
                    raise Cancelled()
                self.feedback.setProgressText(tr("Reading {name}: {n} of {total} features").format(
                    name=name, n=n, total=total))
            geom = feature.geometry()
            wkb = None if geom is None or geom.isNull() or geom.isEmpty() else bytes(geom.asWkb())
            polys, status = geometry.clean_geometry(wkb)
            stats.add(status, polys, feature.id())
            out.append((feature.id(), polys, [feature[f] for f in fields], feature))
        self.log(name, stats)
        return out

    def polygons(self, source, name):
        """All valid polygons of a feature source, flattened."""
        return [p for _fid, polys, _vals, _f in self.features(source, name, all_attributes=False) for p in polys]

    def mask_values(self, parameters, values_key):
        """The pixel values typed in ``values_key`` ('1,2,3', '1-3'), or None when it is empty or not given."""
        text = self.alg.parameterAsString(parameters, values_key, self.context) if values_key else ""
        if not text or not text.strip():
            return None
        return list(value_lists.parse_value_list(text, values_key))

    def layer_polygons(self, parameters, key, name, values_key=None):
        """(polygons, disjoint) of a GAP-like parameter: a polygon layer, or a raster mask polygonized.

        None when the optional parameter is not set. Raster masks: the pixels holding the values of
        ``values_key`` (e.g. GAP_A_VALUES '1,2,3') are the gap, or when it is empty every non-zero,
        non-nodata pixel; polygonized polygons are disjoint already (no dissolve needed).
        """
        layer = self.alg.parameterAsLayer(parameters, key, self.context)
        if layer is None:
            return None, False
        values = self.mask_values(parameters, values_key)
        if isinstance(layer, QgsRasterLayer):
            if values is not None:
                self.feedback.pushInfo(tr("{name}: the pixels with the values {values} ({key}) are the gap.").format(
                    name=name, values=", ".join(str(v) for v in values), key=values_key))
            polys = self.raster_polygons(layer, name, values=values)
            if values is not None and not polys:
                raise QgsProcessingException(tr(
                    "The raster {key} ({name}) has no pixel with the values {values} given in {values_key}. Check "
                    "{values_key} (the status of ldn_status has the classes 1 to 7; 1, 2 and 3 are degraded) or "
                    "choose another raster.").format(key=key, name=name, values=", ".join(str(v) for v in values),
                                                     values_key=values_key))
            return polys, True
        if not isinstance(layer, QgsVectorLayer):
            raise QgsProcessingException(tr("{name} must be a polygon layer or a raster mask.").format(name=name))
        if values is not None:
            self.feedback.pushWarning(tr("{values_key} applies to a raster; {key} is a polygon layer, so all its "
                                         "polygons are the gap.").format(values_key=values_key, key=key))
        source = self.alg.parameterAsSource(parameters, key, self.context)
        return self.polygons(source if source is not None else layer, name), False

    def raster_polygons(self, layer, name, values=None):
        if layer.providerType() != "gdal":
            raise QgsProcessingException(
                tr("The raster {name} comes from the '{provider}' provider; T2 Restore reads files GDAL can open. "
                   "Save it as a GeoTIFF first.").format(name=name, provider=layer.providerType()))
        self.feedback.pushInfo(tr("{name}: turning the raster mask into polygons.").format(name=name))
        source = _te_bands.te_source(self.feedback, layer.source(), "", _te_bands.SDG, name, self.workdir)
        if source.named and values is None:  # a Trends.Earth SDG 15.3.1 band: its degraded pixels are the gap
            values = [-1]
            self.feedback.pushInfo(tr("{name}: the degraded pixels (-1) of the Trends.Earth band are the "
                                      "mask.").format(name=name))
        polys, _wkt = overlap.polygonize_mask(source.path, self.workdir, values, name,
                                              is_cancelled=self.feedback.isCanceled)
        crs = layer.crs()
        if _zones.is_undefined(crs) and self.target_crs.isValid():
            self.feedback.pushWarning(tr("{name} has no coordinate reference system; its pixels are assumed to be in "
                                         "{dst}. If that is wrong, assign its CRS (Layer properties > Source) and run "
                                         "again.").format(name=name, dst=self.target_crs.authid()
                                                          or self.target_crs.description()))
        if crs.isValid() and self.target_crs.isValid() and crs != self.target_crs:
            self.feedback.pushInfo(tr("{name} reprojected from {src} to {dst}.").format(
                name=name, src=crs.authid() or crs.description(), dst=self.target_crs.authid()))
            transform = QgsCoordinateTransform(crs, self.target_crs, self.context.transformContext())
            moved = []
            for poly in polys:
                geom = QgsGeometry()
                geom.fromWkb(bytes(poly.ExportToIsoWkb()))
                try:
                    geom.transform(transform)
                except QgsCsException:
                    continue
                moved.extend(geometry.clean_geometry(bytes(geom.asWkb()))[0])
            polys = moved
        return polys

    def log(self, name, stats):
        fb = self.feedback
        if stats.null:
            fb.pushWarning(tr("{name}: {n} features without geometry were skipped.").format(name=name, n=stats.null))
        if stats.repaired:
            ids = ", ".join(str(i) for i in stats.repaired_ids)
            fb.pushInfo(tr("{name}: {n} invalid geometries (e.g. self-intersecting rings) were repaired; first "
                           "feature ids: {ids}.").format(name=name, n=stats.repaired, ids=ids))
        if stats.dropped:
            fb.pushWarning(tr("{name}: {n} features without area (lines, points or collapsed polygons) were "
                              "skipped.").format(name=name, n=stats.dropped))


def qgs_geometry(ogr_geometry):
    """A QGIS multipolygon from an OGR polygon, multipolygon or list of polygons."""
    if isinstance(ogr_geometry, list):
        ogr_geometry = geometry.multipolygon(ogr_geometry)
    from osgeo import ogr

    multi = ogr.ForceToMultiPolygon(ogr_geometry.Clone())
    geom = QgsGeometry()
    geom.fromWkb(bytes(multi.ExportToIsoWkb()))
    return geom


def add_feature(sink, fields, attributes, geometry=None):
    feature = QgsFeature(fields)
    if geometry is not None:
        feature.setGeometry(qgs_geometry(geometry))
    feature.setAttributes(attributes)
    sink.addFeature(feature, compat.FAST_INSERT)


def crs_label(crs):
    return f"{crs.authid()} {crs.description()}".strip() if crs.isValid() else tr("(none)")


def osr_of(crs):
    """The OGR spatial reference of a QGIS CRS (by EPSG code when it has one), in GIS axis order."""
    from osgeo import osr

    srs = osr.SpatialReference()
    authid = crs.authid().upper()
    if not (authid.startswith("EPSG:") and srs.ImportFromEPSG(int(authid.split(":")[1])) == 0):
        srs.ImportFromWkt(crs.toWkt())
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def label_of(value):
    """A region's label from an attribute value; NULL becomes "(no name)"."""
    if value is None or value == NULL or str(value).strip() == "":
        return tr("(no name)")
    return str(value)
