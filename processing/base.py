"""The shared base of every T2 Restore algorithm, and helpers the thin algorithm files share.

Why a base: naming, translation, help, error translation (``T2Error`` from ``algorithms/`` becomes
a translated ``QgsProcessingException``, never a traceback), progress/cancel wiring, zones,
area tables and styled outputs are the same for every algorithm.
"""

import os
import tempfile
import traceback

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsMessageLog,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from .. import compat
from ..algorithms import zones as zone_raster
from ..algorithms.areas import AREA_METHOD, crs_description
from ..algorithms.blocks import Grid, open_raster, warp_to_grid, write_categories
from ..algorithms.errors import N_, T2Error
from ..translation import tr

GROUPS = {
    "degradation": N_("Degradation"),
    "priority": N_("Restoration priority"),
    "gaps": N_("Restoration gaps"),
    "reporting": N_("Target 2 reporting"),
    "registry": N_("Initiative registry"),
    "summaries": N_("Areas and summaries"),
}


def translate_error(error):
    """A QgsProcessingException with the error's translated message."""
    return QgsProcessingException(error.message(tr))


class T2Algorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, DISPLAY_NAME, GROUP_ID and HELP (a list of paragraphs), and implement compute()."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP_ID = "degradation"
    HELP = ()

    def tr(self, text):
        return tr(text)

    def createInstance(self):  # noqa: N802 - QGIS API name
        return type(self)()

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 - QGIS API name
        return tr(self.DISPLAY_NAME)

    def group(self):
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self):  # noqa: N802 - QGIS API name
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802 - QGIS API name
        return "\n\n".join(tr(p) for p in self.HELP)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        with tempfile.TemporaryDirectory(prefix="t2restore-") as workdir:
            try:
                return self.compute(parameters, context, feedback, workdir)
            except Exception as error:  # noqa: BLE001 - every failure becomes a message, never a traceback
                raise self._as_processing_exception(error) from None

    def _as_processing_exception(self, error):
        """The translated QgsProcessingException for any failure, with the failing frames released.

        Clearing the frames drops their local variables (layers, datasets) now: an exception kept
        alive by the caller would otherwise keep QGIS layers alive until after QGIS has shut down,
        which crashes on exit.
        """
        traceback.clear_frames(error.__traceback__)
        if isinstance(error, QgsProcessingException):
            return QgsProcessingException(str(error))
        if isinstance(error, T2Error):
            return translate_error(error)
        if isinstance(error, MemoryError):
            return QgsProcessingException(tr("Not enough memory. Close other programs or process a smaller region."))
        QgsMessageLog.logMessage("".join(traceback.format_exception(type(error), error, error.__traceback__)),
                                 "T2 Restore", compat.MESSAGE_CRITICAL)
        return QgsProcessingException(tr(
            "Unexpected error in {algorithm}: {error}. The details are in the log panel "
            "(T2 Restore tab); please report them.").format(algorithm=self.displayName(), error=error))

    def compute(self, parameters, context, feedback, workdir):
        raise NotImplementedError

    # -- helpers -------------------------------------------------------------------------------

    def raster_path(self, parameters, key, context, required=True):
        """The GDAL source of a raster parameter, or None when optional and not set."""
        layer = self.parameterAsRasterLayer(parameters, key, context)
        if layer is None:
            if required:
                raise QgsProcessingException(tr("The raster {name} is missing or cannot be opened.").format(name=key))
            return None
        if layer.providerType() != "gdal":
            raise QgsProcessingException(
                tr("The raster {name} comes from the '{provider}' provider; T2 Restore reads files GDAL can open. "
                   "Save it as a GeoTIFF first.").format(name=key, provider=layer.providerType()))
        return layer.source()

    @staticmethod
    def callbacks(feedback, start=0.0, end=100.0):
        """(progress, is_cancelled) callables for algorithms/ mapped onto [start, end] percent."""
        def progress(fraction):
            feedback.setProgress(start + (end - start) * fraction)

        return progress, feedback.isCanceled

    def add_zone_parameters(self, optional=True):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ZONES", tr("Zones (e.g. departments)"), [compat.TYPE_VECTOR_POLYGON], optional=optional))
        self.addParameter(QgsProcessingParameterField(
            "ZONE_FIELD", tr("Zone name field"), parentLayerParameterName="ZONES", optional=True))

    def add_table_output(self, description):
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_TABLE", description, compat.TYPE_VECTOR, optional=True, createByDefault=True))

    def align_inputs(self, parameters, context, sources, keys, grid, bilinear=()):
        """With ALIGN checked, warp ``sources[key]`` (where set) onto ``grid`` for each of ``keys``, in place.

        Nearest neighbour (classes), bilinear for the keys in ``bilinear`` (continuous values).
        """
        if not self.parameterAsBoolean(parameters, "ALIGN", context):
            return
        for key in keys:
            if sources[key]:
                method = "bilinear" if key in bilinear else "near"
                sources[key] = warp_to_grid(open_raster(sources[key], key), grid, method)

    def zones_for_grid(self, parameters, context, feedback, grid, workdir):
        """Rasterize the ZONES polygons onto ``grid``: (raster path, {zone id: label}) or (None, {})."""
        source = self.parameterAsSource(parameters, "ZONES", context)
        if source is None:
            return None, {}
        field = self.parameterAsString(parameters, "ZONE_FIELD", context)
        if field and source.fields().lookupField(field) < 0:
            raise QgsProcessingException(tr("The zones layer has no field '{field}'.").format(field=field))
        target_crs = _crs_from_wkt(grid.crs_wkt)
        request = request_in_crs(source.sourceCrs(), target_crs, context)
        if request.destinationCrs().isValid():
            feedback.pushInfo(tr("Zones reprojected from {src} to {dst}.").format(
                src=source.sourceCrs().authid(), dst=target_crs.authid()))
        ids, shapes, counts = {}, [], {"skipped": 0, "repaired": 0}
        for feature, geom in usable_geometries(source.getFeatures(request), counts):
            label = str(feature[field]) if field else str(feature.id())
            zid = ids.setdefault(label, len(ids) + 1)
            shapes.append((zid, bytes(geom.asWkb())))
        if counts["skipped"]:
            feedback.pushWarning(tr("{n} zones without geometry were skipped.").format(n=counts["skipped"]))
        if counts["repaired"]:
            feedback.pushInfo(tr("{n} invalid zone geometries were repaired.").format(n=counts["repaired"]))
        if not shapes:
            raise QgsProcessingException(tr("The zones layer has no polygon to summarize by. "
                                            "Choose a layer with polygons or leave ZONES empty."))
        path = os.path.join(workdir, "zones.tif")
        zone_raster.rasterize_zones(shapes, grid, path)
        return path, {zid: label for label, zid in ids.items()}

    def write_area_table(self, parameters, context, accumulator, class_names, zone_labels, grid):
        """OUTPUT_TABLE: hectares per zone and class; nodata is its own row; CRS and method stated."""
        fields = QgsFields()
        for name, kind in (("zone", "string"), ("class", "int"), ("class_name", "string"),
                           ("hectares", "double"), ("pixels", "longlong"), ("percent", "double"),
                           ("input_crs", "string"), ("area_method", "string")):
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_TABLE", context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            return None
        totals = {}
        for zone, _cls, ha, _px in accumulator.rows():
            totals[zone] = totals.get(zone, 0.0) + ha
        crs = crs_description(grid.crs_wkt)
        for zone, cls, ha, px in accumulator.rows():
            feature = QgsFeature(fields)
            if zone_labels:
                label = zone_labels.get(zone, tr("(outside every zone)"))
            else:
                label = tr("(all)")
            name = tr("No data") if cls is None else class_names.get(cls, str(cls))
            feature.setAttributes([label, cls, name, round(ha, 4), px,
                                   round(100.0 * ha / totals[zone], 4) if totals[zone] else 0.0,
                                   crs, tr(AREA_METHOD)])
            sink.addFeature(feature, compat.FAST_INSERT)
        return dest

    def class_area_table(self, parameters, context, feedback, accumulator, classes, zone_labels, grid,
                         log_nodata=True):
        """OUTPUT_TABLE (``write_area_table``) and {class value: hectares} with None for nodata, each logged.

        ``classes`` is the styled list of (value, label, '#rrggbb'); the nodata line is logged last.
        """
        table = self.write_area_table(parameters, context, accumulator, {v: label for v, label, _ in classes},
                                      zone_labels, grid)
        totals = dict.fromkeys([value for value, _label, _color in classes] + [None], 0.0)
        for _zone, cls, ha, _px in accumulator.rows():
            totals[cls] += ha
        for value, label, _color in classes:
            feedback.pushInfo(tr("{label}: {ha:,.2f} ha").format(label=label, ha=totals[value]))
        if log_nodata:
            feedback.pushInfo(tr("{label}: {ha:,.2f} ha").format(label=tr("No data"), ha=totals[None]))
        return table, totals

    def style_output(self, context, path, output_key, classes, layer_name):
        """QML sidecar + raster attribute table, and the style applied when QGIS loads the output.

        ``classes`` is a list of (value, label, '#rrggbb').
        """
        qml = write_qml(path, paletted_qml(classes))
        write_categories(path, classes)
        style_on_load(context, path, qml, layer_name)
        return qml


def write_qml(path, text):
    """The QML sidecar of the raster ``path`` (same name, .qml); returns its path."""
    qml = os.path.splitext(path)[0] + ".qml"
    with open(qml, "w", encoding="utf-8") as fh:
        fh.write(text)
    return qml


def style_on_load(context, path, qml, layer_name):
    """Name the output ``path`` and apply the style ``qml`` when QGIS loads it on completion."""
    if context.willLoadLayerOnCompletion(path):
        details = context.layerToLoadOnCompletionDetails(path)
        details.name = layer_name
        details.setPostProcessor(StylePostProcessor.create(qml))


def request_in_crs(crs, target, context):
    """A feature request that reprojects from ``crs`` to ``target`` when both are valid and differ."""
    request = QgsFeatureRequest()
    if crs.isValid() and target.isValid() and crs != target:
        request.setDestinationCrs(target, context.transformContext())
    return request


def usable_geometries(features, counts):
    """(feature, geometry) of the ``features`` that have a geometry, invalid geometries made valid.

    ``counts["skipped"]`` (without geometry) and ``counts["repaired"]`` add up for the caller's log.
    """
    for feature in features:
        geom = feature.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            counts["skipped"] += 1
            continue
        if not geom.isGeosValid():
            geom = geom.makeValid()
            counts["repaired"] += 1
        yield feature, geom


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a QML style to an output when QGIS loads it (runs in the main thread).

    QGIS runs an algorithm on a copy that is destroyed before outputs are loaded, and does not own
    post-processors, so instances are kept alive here (a few bytes each) rather than on the algorithm.
    """

    _alive = []

    def __init__(self, qml):
        super().__init__()
        self.qml = qml

    @classmethod
    def create(cls, qml):
        instance = cls(qml)
        cls._alive = cls._alive[-99:] + [instance]
        return instance

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API name
        layer.loadNamedStyle(self.qml)
        layer.triggerRepaint()


def _xml(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def raster_qml(renderer):
    """A raster style document (stable format across QGIS 3.x and 4) around a ``<rasterrenderer>`` element."""
    return f"""<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="AllStyleCategories">
  <pipe>
{renderer}
    <brightnesscontrast brightness="0" contrast="0"/>
    <huesaturation saturation="0" grayscaleMode="0" colorizeOn="0"/>
    <rasterresampler maxOversampling="2"/>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
"""


def paletted_qml(classes, band=1):
    """A paletted-renderer QML."""
    entries = "\n".join(
        f'        <paletteEntry value="{value}" color="{color}" label="{_xml(label)}" alpha="255"/>'
        for value, label, color in classes)
    return raster_qml(f"""\
    <rasterrenderer type="paletted" band="{band}" opacity="1" alphaBand="-1" nodataColor="">
      <rasterTransparency/>
      <colorPalette>
{entries}
      </colorPalette>
    </rasterrenderer>""")


def _crs_from_wkt(wkt):
    from qgis.core import QgsCoordinateReferenceSystem

    return QgsCoordinateReferenceSystem.fromWkt(wkt) if wkt else QgsCoordinateReferenceSystem()


def grid_of(path):
    return Grid.of(open_raster(path))

