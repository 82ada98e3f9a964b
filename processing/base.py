"""The shared base of every T2 Restore algorithm, and helpers the thin algorithm files share.

Why a base: naming, translation, help, error translation (``T2Error`` from ``algorithms/`` becomes
a translated ``QgsProcessingException``, never a traceback), progress/cancel wiring, zones,
area tables and styled outputs are the same for every algorithm. How outputs look (QML documents,
attribute tables, styles applied on loading) is in ``styles.py``.
"""

import os
import traceback

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsMessageLog,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsRectangle,
)

from .. import compat
from ..algorithms import files
from ..algorithms import zones as zone_raster
from ..algorithms.areas import AREA_METHOD, crs_description
from ..algorithms.blocks import Grid, open_raster, use_threads, warp_to_grid
from ..algorithms.errors import N_, T2Error
from ..translation import tr
from . import _codes, _outputs, styles

GROUPS = {
    "degradation": N_("Degradation"),
    "priority": N_("Restoration priority"),
    "gaps": N_("Restoration gaps"),
    "reporting": N_("Target 2 reporting"),
    "registry": N_("Initiative registry"),
    "summaries": N_("Areas and summaries"),
    "workshop": N_("Workshop and demo data"),
}


def translate_error(error):
    """A QgsProcessingException with the error's translated message."""
    return QgsProcessingException(error.message(tr))


def max_threads(context):
    """QGIS's Processing setting "max threads" (the block engine's thread count; T2RESTORE_THREADS wins).

    The setting itself when Processing is loaded (a context made outside the Processing GUI carries the
    number of cores instead of the setting), else the context's maximum (QGIS >= 3.28). None when there
    is no limit (the engine then uses every core)."""
    value = _processing_setting()
    if value is None:
        getter = getattr(context, "maximumThreads", None)  # QGIS >= 3.28
        value = getter() if getter is not None else None
    try:
        return int(value) if value is not None and int(value) > 0 else None
    except (TypeError, ValueError):
        return None


def _processing_setting():
    try:
        from processing.core.ProcessingConfig import ProcessingConfig  # QGIS's processing, not ours

        value = ProcessingConfig.getSetting(ProcessingConfig.MAX_THREADS)
    except Exception:  # noqa: BLE001 - Processing's settings not loaded (a bare script)
        return None
    return value if value not in (None, "", 0) else None


class T2Algorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, DISPLAY_NAME, GROUP_ID and HELP (a list of paragraphs), and implement compute()."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP_ID = "degradation"
    HELP = ()

    # Names of the parameters the helpers below add or read, shared by the algorithms that use them
    ZONES = "ZONES"
    ZONE_FIELD = "ZONE_FIELD"
    ZONE_ID = "ZONE_ID"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    ALIGN = "ALIGN"
    UNKNOWN_CODES = _codes.UNKNOWN_CODES

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
        """Destinations checked against inputs first, then ``compute`` in a working folder removed afterwards
        (those a killed run left behind are removed first: ``algorithms.files``)."""
        try:
            _outputs.check_destinations(self, parameters, context)
            parent = self.work_parent(parameters, context)  # beside the output for a Dask cluster (_dask.py)
            folder = files.work_directory(parent, ".t2restore-work-", shared=True) if parent else files.work_directory()
            with folder as workdir, use_threads(max_threads(context)):
                return self.compute(parameters, context, feedback, workdir)
        except Exception as error:  # noqa: BLE001 - every failure becomes a message, never a traceback
            failure = self._as_processing_exception(error)
        # Raised here, outside the handler, so that the exception QGIS receives has no __context__: PyQGIS
        # keeps that exception (and the frames of its traceback) alive, and through the original error it
        # would keep every frame of the failed computation and what their functions hold (open GDAL
        # datasets, layers) until after QGIS has shut GDAL down, crashing the process at exit.
        raise failure

    def work_parent(self, parameters, context):
        """The folder the working folder is made in: None, the temporary folder (``_dask.DaskOption`` changes it)."""
        return None

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):  # noqa: N802 - QGIS API name
        """QGIS's sink wrapped so that a failed write raises (``_outputs.CheckedSink``); a requested output
        that cannot be created is refused rather than skipped."""
        definition = self.parameterDefinition(name)
        try:
            sink, dest = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        except QgsProcessingException as error:  # QGIS's "Could not create layer ...": add what to do
            raise QgsProcessingException(tr(
                "{error}. Check that the folder of the output {output} exists and can be written to, or choose "
                "another file.").format(error=str(error).rstrip("."), output=f"{definition.description()} ({name})")
            ) from None
        if sink is None:
            if _outputs.requested(parameters.get(name), context):
                raise QgsProcessingException(tr(
                    "The output {output} could not be created. Choose another file or format.").format(
                        output=f"{definition.description()} ({name})"))
            return None, dest
        return _outputs.CheckedSink(sink, definition, dest), dest

    def _as_processing_exception(self, error):
        """The translated QgsProcessingException for any failure, with the failing frames released.

        Clearing the frames drops their local variables (layers, datasets) now: an exception kept
        alive by the caller would otherwise keep QGIS layers alive until after QGIS has shut down,
        which crashes on exit.
        """
        _release_frames(error)
        if isinstance(error, QgsProcessingException):
            return QgsProcessingException(str(error))
        if isinstance(error, T2Error):
            return translate_error(error)
        if isinstance(error, OSError):
            return translate_error(files.os_error(error))
        if isinstance(error, MemoryError):
            return QgsProcessingException(tr("Not enough memory. Close other programs or process a smaller region."))
        QgsMessageLog.logMessage("".join(traceback.format_exception(type(error), error, error.__traceback__)),
                                 "T2 Restore", compat.MESSAGE_CRITICAL)
        return QgsProcessingException(tr(
            "Unexpected error in {algorithm}: {error}. The details are in the log panel "
            "(T2 Restore tab); please report them.").format(algorithm=self.displayName(), error=error))

    def compute(self, parameters, context, feedback, workdir):
        raise NotImplementedError

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API name
        """QGIS's checks, after refusing a number parameter given NaN or an infinite value by name.

        QGIS's own range check lets NaN through (it is neither below the minimum nor above the
        maximum), and a NaN goal or threshold would give results that look like numbers.
        """
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.type() not in ("number", "distance", "duration", "scale") or parameters.get(name) is None:
                continue
            value = self.parameterAsDouble(parameters, name, context)
            if value != value or value in (float("inf"), float("-inf")):  # NaN is the one value unequal to itself
                return False, tr("The parameter {label} ({name}) is '{value}', which is not a finite number. "
                                 "Enter a number.").format(label=definition.description(), name=name, value=value)
        return super().checkParameterValues(parameters, context)

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
            self.ZONES, tr("Zones (e.g. departments)"), [compat.TYPE_VECTOR_POLYGON], optional=optional))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_FIELD, tr("Zone name field"), parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_ID, tr("Zone identifier field (e.g. UBIGEO; empty: each feature is a zone)"),
            parentLayerParameterName=self.ZONES, optional=True))

    def add_table_output(self, description):
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, description, compat.TYPE_VECTOR, optional=True, createByDefault=True))

    def align_inputs(self, parameters, context, sources, keys, grid, bilinear=(), feedback=None):
        """With ALIGN checked, warp ``sources[key]`` (where set) onto ``grid`` for each of ``keys``, in place.

        Nearest neighbour (classes), bilinear for the keys in ``bilinear`` (continuous values). Each
        alignment is logged with its CRSs and the coordinate operation used (``_align``), which GDAL
        is then told to apply.
        """
        if not self.parameterAsBoolean(parameters, self.ALIGN, context):
            return
        for key in keys:
            if sources[key]:
                method = "bilinear" if key in bilinear else "near"
                sources[key] = self.warp_logged(context, feedback, sources[key], key, grid, method)

    @staticmethod
    def warp_logged(context, feedback, source, name, grid, method="near"):
        """``warp_to_grid`` of the raster ``source`` with the coordinate operation QGIS picks, logged first."""
        from . import _align

        ds = open_raster(source, name)
        operation = _align.coordinate_operation(context, ds, grid)
        _align.log_alignment(feedback or context.feedback(), name, ds, grid, method, operation)
        return warp_to_grid(ds, grid, method, coordinate_operation=operation[0])

    def zone_fields(self, parameters, context, source):
        """(name field, id field) of the zones, each checked to exist ("" when not set)."""
        fields = []
        for key in (self.ZONE_FIELD, self.ZONE_ID):
            field = self.parameterAsString(parameters, key, context) if key in parameters else ""
            if field and source.fields().lookupField(field) < 0:
                raise QgsProcessingException(tr("The zones layer has no field '{field}'.").format(field=field))
            fields.append(field)
        return fields

    def zones_for_grid(self, parameters, context, feedback, grid, workdir):
        """Rasterize the ZONES polygons onto ``grid``: (raster path, {zone number: name}) or (None, {}).

        The labels are a ``_zones.ZoneLabels`` dict: ``labels.zone_ids`` gives each zone's id.

        Zones are keyed by feature (or ZONE_ID), never merged by name; zones without a defined CRS are
        taken to be in the grid's CRS with a warning; zones that miss the grid stop the run.
        """
        from . import _zones

        source = self.parameterAsSource(parameters, self.ZONES, context)
        if source is None:
            return None, {}
        name = tr("Zones")
        keys = _zones.ZoneKeys(*self.zone_fields(parameters, context, source))
        _zones.check_polygons(source, name)
        target_crs = _crs_from_wkt(grid.crs_wkt)
        crs = _zones.zones_crs(source, target_crs, feedback, name)
        request = request_in_crs(crs, target_crs, context)
        if request.destinationCrs().isValid():
            feedback.pushInfo(tr("Zones reprojected from {src} to {dst}.").format(
                src=_zones.crs_text(crs), dst=_zones.crs_text(target_crs)))
        shapes, counts, extent = [], {"skipped": 0, "repaired": 0}, QgsRectangle()
        for feature, geom in usable_geometries(source.getFeatures(request), counts):
            shapes.append((keys.add(feature), bytes(geom.asWkb())))
            extent.combineExtentWith(geom.boundingBox())
        if counts["skipped"]:
            feedback.pushWarning(tr("{n} zones without geometry were skipped.").format(n=counts["skipped"]))
        if counts["repaired"]:
            feedback.pushInfo(tr("{n} invalid zone geometries were repaired.").format(n=counts["repaired"]))
        if not shapes:
            raise QgsProcessingException(tr("The zones layer has no polygon to summarize by. "
                                            "Choose a layer with polygons or leave ZONES empty."))
        _zones.check_overlap(extent, QgsRectangle(*grid.bounds()), source, target_crs, context, name,
                             tr("the raster"))
        keys.warn_repeated(feedback, name)
        path = os.path.join(workdir, "zones.tif")
        zone_raster.rasterize_zones(shapes, grid, path)
        return path, keys.labels

    def write_area_table(self, parameters, context, accumulator, class_names, zone_labels, grid):
        """OUTPUT_TABLE: hectares per zone and class; nodata is its own row; CRS and method stated."""
        fields = QgsFields()
        for name, kind in (("zone", "string"), ("class", "int"), ("class_name", "string"),
                           ("hectares", "double"), ("pixels", "longlong"), ("percent", "double"),
                           ("input_crs", "string"), ("area_method", "string"), ("zone_id", "string")):
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, compat.WKB_NO_GEOMETRY)
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
            zone_id = getattr(zone_labels, "zone_ids", {}).get(zone)
            name = tr("No data") if cls is None else class_names.get(cls, str(cls))
            feature.setAttributes([label, cls, name, round(ha, 4), px,
                                   round(100.0 * ha / totals[zone], 4) if totals[zone] else 0.0,
                                   crs, tr(AREA_METHOD), zone_id])
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
        """QML sidecar + raster attribute table, and the style applied when QGIS loads the output
        (``styles.style_raster``). ``classes`` is a list of (value, label, '#rrggbb')."""
        return styles.style_raster(context, path, classes, layer_name)


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


def _release_frames(error, seen=None):
    """Clear the local variables of every frame in the tracebacks of ``error`` and of the errors chained to it."""
    seen = set() if seen is None else seen
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        traceback.clear_frames(error.__traceback__)
        if error.__cause__ is not None:
            _release_frames(error.__cause__, seen)
        error = error.__context__


def _crs_from_wkt(wkt):
    from qgis.core import QgsCoordinateReferenceSystem

    return QgsCoordinateReferenceSystem.fromWkt(wkt) if wkt else QgsCoordinateReferenceSystem()


def grid_of(path):
    return Grid.of(open_raster(path))

