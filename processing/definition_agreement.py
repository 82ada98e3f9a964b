"""t2restore:definition_agreement: where two degradation definitions (MINAM, SERFOR ...) agree."""

import os

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsVectorLayer,
)

from .. import compat
from ..algorithms import agreement
from ..algorithms.areas import AREA_METHOD, crs_description
from ..algorithms.errors import N_
from ..translation import tr
from . import _zones
from ._dask import DASK_HELP, DaskOption
from .base import T2Algorithm, grid_of
from .serfor_criteria import polygons_in_crs

COLORS = {agreement.BOTH: "#b2182b", agreement.ONLY_A: "#ef8a62", agreement.ONLY_B: "#67a9cf",
          agreement.NEITHER: "#f7f7f7"}
TABLE_FIELDS = (("zone", "string"), ("name_a", "string"), ("name_b", "string"), ("both_ha", "double"),
                ("only_a_ha", "double"), ("only_b_ha", "double"), ("neither_ha", "double"), ("nodata_ha", "double"),
                ("total_ha", "double"), ("overall_agreement", "double"), ("kappa", "double"),
                ("input_crs", "string"), ("area_method", "string"), ("zone_id", "string"))


def agreement_classes(name_a, name_b):
    """(value, translated label, colour) of the agreement codes, with the definitions' names."""
    return [(agreement.BOTH, tr("Degraded in both"), COLORS[agreement.BOTH]),
            (agreement.ONLY_A, tr("Degraded only in {name}").format(name=name_a), COLORS[agreement.ONLY_A]),
            (agreement.ONLY_B, tr("Degraded only in {name}").format(name=name_b), COLORS[agreement.ONLY_B]),
            (agreement.NEITHER, tr("Degraded in neither"), COLORS[agreement.NEITHER])]


def warn_missing_crs(layers, names, feedback):
    """Warn when one input has no CRS and the other has one: it is then read in the other's CRS."""
    crs = {key: layer.crs() for key, layer in layers.items()}
    key_a, key_b = DefinitionAgreementAlgorithm.INPUT_A, DefinitionAgreementAlgorithm.INPUT_B
    for (key, name), other in (((key_a, names[0]), key_b), ((key_b, names[1]), key_a)):
        if _zones.is_undefined(crs[key]) and not _zones.is_undefined(crs[other]):
            feedback.pushWarning(tr("{name} ({key}) has no coordinate reference system; it is assumed to be in the "
                                    "CRS of the other input, {crs}. If that is wrong, assign its CRS (Layer "
                                    "properties > Source) and run again.").format(
                name=name, key=key, crs=crs[other].authid() or crs[other].description()))


class DefinitionAgreementAlgorithm(DaskOption, T2Algorithm):
    NAME = "definition_agreement"
    DISPLAY_NAME = N_("Agreement between two degradation definitions")
    GROUP_ID = "degradation"
    HELP = (
        N_("Compares two degradation results, by default MINAM's (A) and SERFOR's (B), and shows where they agree: "
           "0 degraded in neither, 1 only in A, 2 only in B, 3 in both (styled; 255 nodata where a raster input has "
           "no data)."),
        N_("Each input is a raster or a polygon layer. In a raster, the values listed in DEGRADED_A / DEGRADED_B "
           "are degraded (defaults: 1-4 for A, the MINAM levels low to very high of t2restore:minam_degradation; "
           "1-3 for B, the reasons of t2restore:serfor_criteria; use -1 for an SDG 15.3.1 result). Every other "
           "value with data is not degraded. In a polygon layer, the inside of the polygons is degraded (a pixel "
           "belongs to a polygon when its centre does)."),
        N_("Grid: the first raster input's. Two rasters must share one grid unless 'Align inputs' is checked "
           "(nearest neighbour onto A's grid). Two polygon layers are compared on a grid of PIXEL_SIZE (in the "
           "units of A's CRS) over both layers' extent; outside every polygon counts as not degraded."),
        N_("OUTPUT_TABLE is the confusion table in hectares (WGS 84 ellipsoid) for the whole area and per zone "
           "when ZONES are given, with the overall agreement (share of the area where both say the same) and "
           "Cohen's kappa weighted by area: kappa = (po - pe) / (1 - pe), where pe is the agreement expected by "
           "chance from each definition's degraded share. Kappa is empty when it is undefined (both definitions "
           "call everything degraded, or nothing)."),
        DASK_HELP,
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    INPUT_A = "INPUT_A"
    NAME_A = "NAME_A"
    DEGRADED_A = "DEGRADED_A"
    INPUT_B = "INPUT_B"
    NAME_B = "NAME_B"
    DEGRADED_B = "DEGRADED_B"
    PIXEL_SIZE = "PIXEL_SIZE"
    OUTPUT = "OUTPUT"
    BOTH_HA = "BOTH_HA"
    ONLY_A_HA = "ONLY_A_HA"
    ONLY_B_HA = "ONLY_B_HA"
    NEITHER_HA = "NEITHER_HA"
    NODATA_HA = "NODATA_HA"
    OVERALL_AGREEMENT = "OVERALL_AGREEMENT"
    KAPPA = "KAPPA"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        types = [compat.TYPE_VECTOR_POLYGON, compat.TYPE_RASTER]
        for key, name, values, default, label in (
                (self.INPUT_A, self.NAME_A, self.DEGRADED_A, "MINAM",
                 tr("Degradation result A (raster or polygons)")),
                (self.INPUT_B, self.NAME_B, self.DEGRADED_B, "SERFOR",
                 tr("Degradation result B (raster or polygons)"))):
            self.addParameter(QgsProcessingParameterMapLayer(key, label, types=types))
            self.addParameter(QgsProcessingParameterString(
                name, tr("Name of definition {key}").format(key=key[-1]), defaultValue=default))
            self.addParameter(QgsProcessingParameterString(
                values, tr("Raster values that are degraded in {key} (e.g. 1-4 or -1)").format(key=key[-1]),
                defaultValue="1-4" if key == self.INPUT_A else "1-3", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.PIXEL_SIZE, tr("Pixel size when both inputs are polygons (units of A's CRS)"),
            type=compat.NUMBER_DOUBLE, defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALIGN, tr("Align B onto A's grid when they differ"), defaultValue=False))
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Agreement between definitions")))
        self.add_table_output(tr("Confusion table (hectares, overall agreement and kappa per zone)"))
        self.add_dask_parameter()
        for key, label in ((self.BOTH_HA, N_("Degraded in both (ha)")),
                           (self.ONLY_A_HA, N_("Degraded only in A (ha)")),
                           (self.ONLY_B_HA, N_("Degraded only in B (ha)")),
                           (self.NEITHER_HA, N_("Degraded in neither (ha)")),
                           (self.NODATA_HA, N_("No data area (ha)")),
                           (self.OVERALL_AGREEMENT, N_("Overall agreement (0-1)")),
                           (self.KAPPA, N_("Cohen's kappa"))):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))

    def compute(self, parameters, context, feedback, workdir):
        layers = {key: self.parameterAsLayer(parameters, key, context) for key in (self.INPUT_A, self.INPUT_B)}
        names = (self.parameterAsString(parameters, self.NAME_A, context) or "A",
                 self.parameterAsString(parameters, self.NAME_B, context) or "B")
        values = {self.INPUT_A: self.parameterAsString(parameters, self.DEGRADED_A, context) or "1-4",
                  self.INPUT_B: self.parameterAsString(parameters, self.DEGRADED_B, context) or "1-3"}
        for key, layer in layers.items():
            if layer is None or not layer.isValid():
                raise QgsProcessingException(tr("The layer {name} is missing or cannot be opened.").format(name=key))
        rasters = {key: self.raster_path(parameters, key, context) for key, layer in layers.items()
                   if isinstance(layer, QgsRasterLayer)}
        if len(rasters) < 2 or self.parameterAsBoolean(parameters, self.ALIGN, context):
            warn_missing_crs(layers, names, feedback)
        if rasters:
            grid = grid_of(rasters.get(self.INPUT_A) or rasters[self.INPUT_B])
        else:
            grid = self.polygon_grid(layers, parameters, context)
        sources = {}
        for key, name in zip((self.INPUT_A, self.INPUT_B), names):
            if key in rasters:
                sources[key] = rasters[key]
                continue
            if not isinstance(layers[key], QgsVectorLayer):
                raise QgsProcessingException(tr("The layer {name} is neither a raster nor a polygon layer.")
                                             .format(name=key))
            shapes = polygons_in_crs(layers[key], grid.crs_wkt, context, feedback, name)
            sources[key] = agreement.rasterize_mask(shapes, grid, os.path.join(workdir, f"{key.lower()}.tif"))
            values[key] = "1"
        if len(rasters) == 2 and self.parameterAsBoolean(parameters, self.ALIGN, context):
            sources[self.INPUT_B] = self.warp_logged(context, feedback, sources[self.INPUT_B], names[1], grid, "near")
        zones, labels = self.zones_for_grid(parameters, context, feedback, grid, workdir)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        progress, cancelled = self.callbacks(feedback, 0, 95)
        result = agreement.definition_agreement(output, sources[self.INPUT_A], sources[self.INPUT_B],
                                                values[self.INPUT_A], values[self.INPUT_B], zones=zones, names=names,
                                                progress=progress, is_cancelled=cancelled)
        for name in result["no_degraded"]:
            feedback.pushWarning(tr("{name} has no degraded pixel with the values given; check its degraded "
                                    "values.").format(name=name))
        classes = agreement_classes(*names)
        self.style_output(context, output, self.OUTPUT, classes, tr("Agreement {a} / {b}").format(a=names[0],
                                                                                             b=names[1]))
        table = self.write_confusion_table(parameters, context, result["zones"], labels, names, grid)
        whole = result["zones"][None]
        for key, label in (("both", tr("Degraded in both")), ("only_a", classes[1][1]), ("only_b", classes[2][1]),
                           ("neither", tr("Degraded in neither"))):
            feedback.pushInfo(tr("{label}: {ha:,.2f} ha").format(label=label, ha=whole[key]))
        kappa_text = "-" if whole["kappa"] is None else f"{whole['kappa']:.4f}"
        feedback.pushInfo(tr("Overall agreement {overall:.4f}, Cohen's kappa {kappa}.").format(
            overall=whole["overall"] if whole["overall"] is not None else 0.0, kappa=kappa_text))
        feedback.setProgress(100)
        return {self.OUTPUT: output, self.OUTPUT_TABLE: table, self.BOTH_HA: whole["both"],
                self.ONLY_A_HA: whole["only_a"], self.ONLY_B_HA: whole["only_b"], self.NEITHER_HA: whole["neither"],
                self.NODATA_HA: whole["nodata"],
                self.OVERALL_AGREEMENT: whole["overall"], self.KAPPA: whole["kappa"]}

    def polygon_grid(self, layers, parameters, context):
        """A grid of PIXEL_SIZE over the extent of both polygon layers, in A's CRS."""
        crs = layers[self.INPUT_A].crs()
        extent = layers[self.INPUT_A].extent()
        other = layers[self.INPUT_B].extent()
        if layers[self.INPUT_B].crs() != crs:
            other = QgsCoordinateTransform(layers[self.INPUT_B].crs(), crs, context.transformContext()) \
                .transformBoundingBox(other)
        extent.combineExtentWith(other)
        size = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        return agreement.grid_for_polygons((extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                                            extent.yMaximum()), size, crs.toWkt())

    def write_confusion_table(self, parameters, context, summary, zone_labels, names, grid):
        fields = QgsFields()
        for name, kind in TABLE_FIELDS:
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            return None
        crs = crs_description(grid.crs_wkt)
        keys = sorted((k for k in summary if k is not None)) + [None]
        for zone in keys:
            entry = summary[zone]
            if zone is None:
                label = tr("(all)")
            else:
                label = zone_labels.get(zone, tr("(outside every zone)"))
            total = entry["both"] + entry["only_a"] + entry["only_b"] + entry["neither"]
            feature = QgsFeature(fields)
            feature.setAttributes([label, names[0], names[1], round(entry["both"], 4), round(entry["only_a"], 4),
                                   round(entry["only_b"], 4), round(entry["neither"], 4), round(entry["nodata"], 4),
                                   round(total, 4),
                                   None if entry["overall"] is None else round(entry["overall"], 6),
                                   None if entry["kappa"] is None else round(entry["kappa"], 6),
                                   crs, tr(AREA_METHOD), getattr(zone_labels, "zone_ids", {}).get(zone)])
            sink.addFeature(feature, compat.FAST_INSERT)
        return dest
