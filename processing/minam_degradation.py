"""t2restore:minam_degradation: MINAM degradation levels from three indicators (METHODS.md 3)."""

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsVectorLayer,
)

from .. import compat
from ..algorithms import minam
from ..algorithms.errors import N_
from ..translation import tr
from . import _rasterize
from ._codes import add_unknown_codes_parameter, report_unknown, unknown_policy
from ._dask import DASK_HELP, DaskOption
from .base import T2Algorithm, grid_of

LEVEL_CLASSES = [(0, N_("No degradation"), "#e8e8e8"), (1, N_("Low degradation"), "#fee391"),
                 (2, N_("Moderate degradation"), "#fe9929"), (3, N_("High degradation"), "#d7301f"),
                 (4, N_("Very high degradation"), "#7f0000")]


def level_classes():
    """(value, translated label, colour) of the levels 0..4."""
    return [(v, tr(label), color) for v, label, color in LEVEL_CLASSES]


class MinamDegradationAlgorithm(DaskOption, T2Algorithm):
    NAME = "minam_degradation"
    DISPLAY_NAME = N_("Degradation, MINAM indicators (levels)")
    GROUP_ID = "degradation"
    HELP = (
        N_("Degradation levels in terrestrial ecosystems from the three indicators of MINAM's national map of "
           "degraded areas (2019) and its procedure guide (2023): loss of vegetation cover, loss of primary "
           "productivity and forest fragmentation. Each indicator becomes a state (0 = no sign of degradation) "
           "and a rules table gives each combination of states a level: 0 none, 1 low, 2 moderate, 3 high, "
           "4 very high."),
        N_("Vegetation cover loss: from LC_BASELINE and LC_TARGET (any legend), a pixel whose baseline class is "
           "in NATURAL_CLASSES (default 1,2,4: tree-covered, grassland and wetland of the 7 UNCCD classes; "
           "ranges such as 11-15 are allowed) and whose target class is not has lost its cover (state 1). Or "
           "give a COVER_LOSS raster holding 0 (no loss) and 1 (loss)."),
        N_("LC_CLASSES is the legend of the land cover maps: every code they may hold (default 1-7, the UNCCD "
           "classes; NATURAL_CLASSES must be among them). A land cover code outside it, an LPD value other than "
           "1..5 (0 and 15 are nodata), a cover loss value other than 0 and 1 or a fragmentation code other "
           "than 0..6 stops the run, which names each code with its pixel count, unless UNKNOWN_CODES is set to "
           "leave those pixels out as no data (the log then says how many). NaN and infinite values are no data "
           "in every input."),
        N_("Productivity: a land productivity dynamics raster (LPD, 1 declining .. 5 increasing; 0 and 15 are "
           "nodata), mapped by default to 3 declining (LPD 1), 2 moderate decline (2), 1 stressed (3) and "
           "0 no decline (4, 5)."),
        N_("Fragmentation: derived from a FOREST_MASK (FOREST_VALUES are forest, default 1) with Riitters' "
           "classes in a WINDOW of 3 to 31 pixels (the same method as t2restore:forest_fragmentation), or given "
           "as a FRAGMENTATION raster of Riitters classes (0 non-forest, 1 patch, 2 transitional, 3 edge, "
           "4 perforated, 5 interior, 6 undetermined); mapped by default to 3 high (patch), 2 moderate "
           "(transitional), 1 low (edge, perforated, undetermined) and 0 none (non-forest, interior)."),
        N_("The forest mask may also be a polygon layer (e.g. forest or gap polygons published as shapefiles): it is "
           "reprojected and rasterized onto the grid of the first raster given (forest inside the polygons, non-forest "
           "outside; FOREST_VALUES is then not used). POLYGON_METHOD says which pixels a polygon takes: those whose "
           "centre is inside (default) or every pixel it touches; invalid geometries are repaired and counted in the "
           "log. A polygon forest mask needs at least one raster input (or ECOSYSTEMS) to set the grid."),
        N_("Rules: an ordered table (cover loss, productivity, fragmentation, level); the first row whose "
           "conditions match gives the level; a condition is a state, states separated by ';' or * for any. "
           "Every combination must be matched. RULES_FILE (a JSON file in the preset's format, or a CSV with the "
           "columns cover_loss, productivity, fragmentation, level) replaces the table; a JSON file may also "
           "change the LPD and Riitters mappings. An indicator left out takes state 0 and its band is nodata; "
           "at least one is needed. Nodata in any indicator used gives nodata."),
        N_("Default preset 'MINAM (provisional)' (presets/minam_provisional.json): the thresholds and combination "
           "rules of MINAM's 2023 guide are not public in full, so the default is a provisional, editable "
           "stand-in written for T2 Restore, not MINAM's official table: loss of vegetation cover gives a high "
           "level (very high with declining productivity); otherwise declining productivity and fragmentation "
           "add up to low, moderate or high. Replace it with the official table when you have it."),
        N_("Outputs: OUTPUT (levels 0..4, nodata 255, styled), OUTPUT_INDICATORS (three bands with the states of "
           "cover loss, productivity and fragmentation) and OUTPUT_TABLE (hectares per ecosystem and level). "
           "Ecosystems, MINAM's reporting unit, are given as polygons (ZONES, e.g. the national ecosystem map) or "
           "as an integer raster (ECOSYSTEMS: positive codes; 0 and nodata are outside every ecosystem). Inputs "
           "must share one grid unless 'Align inputs' is checked (nearest neighbour onto the first input's grid). "
           "Areas are hectares on the WGS 84 ellipsoid."),
        DASK_HELP,
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    LC_BASELINE = "LC_BASELINE"
    LC_TARGET = "LC_TARGET"
    NATURAL_CLASSES = "NATURAL_CLASSES"
    LC_CLASSES = "LC_CLASSES"
    COVER_LOSS = "COVER_LOSS"
    PRODUCTIVITY = "PRODUCTIVITY"
    FOREST_MASK = "FOREST_MASK"
    FOREST_VALUES = "FOREST_VALUES"
    POLYGON_METHOD = "POLYGON_METHOD"
    WINDOW = "WINDOW"
    FRAGMENTATION = "FRAGMENTATION"
    ECOSYSTEMS = "ECOSYSTEMS"
    RULES = "RULES"
    RULES_FILE = "RULES_FILE"
    OUTPUT = "OUTPUT"
    OUTPUT_INDICATORS = "OUTPUT_INDICATORS"
    INDICATORS_USED = "INDICATORS_USED"
    NONE_HA = "NONE_HA"
    LOW_HA = "LOW_HA"
    MODERATE_HA = "MODERATE_HA"
    HIGH_HA = "HIGH_HA"
    VERY_HIGH_HA = "VERY_HIGH_HA"
    DEGRADED_HA = "DEGRADED_HA"
    NODATA_HA = "NODATA_HA"
    LEVEL_KEYS = (NONE_HA, LOW_HA, MODERATE_HA, HIGH_HA, VERY_HIGH_HA)
    INPUT_KEYS = (LC_BASELINE, LC_TARGET, COVER_LOSS, PRODUCTIVITY, FOREST_MASK, FRAGMENTATION)

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        preset = minam.load_preset()
        optional = {"optional": True}
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LC_BASELINE, tr("Land cover, baseline (for cover loss)"), **optional))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LC_TARGET, tr("Land cover, target (for cover loss)"), **optional))
        self.addParameter(QgsProcessingParameterString(
            self.NATURAL_CLASSES, tr("Natural vegetation classes of the land cover (e.g. 1,2,4 or 11-15,21)"),
            defaultValue=",".join(str(v) for v in preset["natural_vegetation_classes"]), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.LC_CLASSES, tr("Land cover legend: every class code of the land cover maps (e.g. 1-7 or 11-15,21-25)"),
            defaultValue=",".join(str(v) for v in preset["land_cover_classes"]), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.COVER_LOSS, tr("Vegetation cover loss raster (0 no loss, 1 loss), instead of the land cover maps"),
            **optional))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PRODUCTIVITY, tr("Land productivity dynamics (5 classes)"), **optional))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.FOREST_MASK, tr("Forest mask, a raster or forest polygons (fragmentation is derived from it)"),
            types=[compat.TYPE_RASTER, compat.TYPE_VECTOR_POLYGON], **optional))
        self.addParameter(QgsProcessingParameterString(
            self.FOREST_VALUES, tr("Values of the forest mask that are forest"), defaultValue="1", optional=True))
        _rasterize.add_method_parameter(self, self.POLYGON_METHOD)
        self.addParameter(QgsProcessingParameterNumber(
            self.WINDOW, tr("Fragmentation window (pixels, odd, 3 to 31)"), type=compat.NUMBER_INTEGER,
            defaultValue=3, minValue=3, maxValue=31))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.FRAGMENTATION, tr("Fragmentation classes (Riitters 0-6), instead of the forest mask"), **optional))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.ECOSYSTEMS, tr("Ecosystems as an integer raster (optional)"), **optional))
        self.add_zone_parameters()
        zones = self.parameterDefinition(self.ZONES)
        zones.setDescription(tr("Ecosystems or other zones as polygons (e.g. the national ecosystem map)"))
        self.addParameter(QgsProcessingParameterMatrix(
            self.RULES, tr("Rules (cover loss, productivity, fragmentation, level; * = any state)"),
            numberRows=0, hasFixedNumberRows=False,
            headers=[tr("Cover loss"), tr("Productivity"), tr("Fragmentation"), tr("Level (0-4)")],
            defaultValue=minam.rules_matrix_values(preset["rules"]), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.RULES_FILE, tr("Rules file (JSON preset or CSV), replaces the rules table"), optional=True,
            fileFilter="JSON / CSV (*.json *.csv)"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALIGN, tr("Align inputs onto the first input's grid when they differ"), defaultValue=False))
        add_unknown_codes_parameter(self)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Degradation level (MINAM)")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_INDICATORS, tr("Indicator states (cover loss, productivity, fragmentation)"), optional=True))
        self.add_table_output(tr("Degradation area table (hectares per ecosystem and level)"))
        self.add_dask_parameter()
        self.addOutput(QgsProcessingOutputString(self.INDICATORS_USED, tr("Indicators used")))
        for key, label in zip(self.LEVEL_KEYS, (N_("Area without degradation (ha)"), N_("Low degradation area (ha)"),
                                           N_("Moderate degradation area (ha)"), N_("High degradation area (ha)"),
                                           N_("Very high degradation area (ha)"))):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))
        self.addOutput(QgsProcessingOutputNumber(self.DEGRADED_HA, tr("Degraded area, levels 1 to 4 (ha)")))
        self.addOutput(QgsProcessingOutputNumber(self.NODATA_HA, tr("No data area (ha)")))

    def rules(self, parameters, context, feedback):
        """(rules rows, LPD mapping, Riitters mapping) from RULES_FILE, else the RULES table."""
        path = self.parameterAsFile(parameters, self.RULES_FILE, context)
        if path:
            rows, preset = minam.read_rules_file(path)
            feedback.pushInfo(tr("Rules read from {path} (the rules table is not used).").format(path=path))
            if preset is not None and "indicators" in preset:
                lpd, riitters, _natural = minam.preset_mappings(preset)
                return rows, lpd, riitters
            return rows, None, None
        values = self.parameterAsMatrix(parameters, self.RULES, context)
        if not values:
            return None, None, None
        return minam.rules_from_matrix(values), None, None

    def forest_layer(self, parameters, context):
        """FOREST_MASK as (GDAL source of a raster, polygon layer): one of them, or (None, None) when not given."""
        layer = self.parameterAsLayer(parameters, self.FOREST_MASK, context)
        if layer is None:
            return None, None
        if isinstance(layer, QgsVectorLayer) and layer.geometryType() == compat.GEOMETRY_POLYGON:
            return None, layer
        if not isinstance(layer, QgsRasterLayer):
            raise QgsProcessingException(tr("The forest mask {name} is neither a raster nor a polygon layer. Give a "
                                            "forest raster or a layer of forest polygons.").format(name=layer.name()))
        return self.raster_path(parameters, self.FOREST_MASK, context), None

    def burn_forest(self, parameters, context, feedback, layer, grid, grid_key, workdir):
        """The polygon forest mask burnt onto ``grid`` (1 forest, 0 not), the method and repairs logged."""
        if (self.parameterAsString(parameters, self.FOREST_VALUES, context) or "1").strip() != "1":
            feedback.pushInfo(tr("FOREST_VALUES is not used: a forest mask given as polygons is forest inside its "
                                 "polygons."))
        method = self.parameterAsEnum(parameters, self.POLYGON_METHOD, context)
        return _rasterize.burn_polygons(layer, grid, context, feedback, os.path.join(workdir, "forest_mask.tif"),
                                        layer.name() or self.FOREST_MASK, method, onto=grid_key)

    def inputs(self, parameters, context, feedback, workdir):
        """({input key: GDAL source or None} on one grid, ecosystems raster or None, the grid, forest values)."""
        forest_raster, forest_polygons = self.forest_layer(parameters, context)
        sources = {key: self.raster_path(parameters, key, context, required=False)
                   for key in self.INPUT_KEYS if key != self.FOREST_MASK}
        sources[self.FOREST_MASK] = forest_raster
        present = [key for key in self.INPUT_KEYS if sources[key]]
        if not present and forest_polygons is None:
            raise QgsProcessingException(tr("Give at least one indicator: both land cover maps or a cover loss "
                                            "raster, a productivity raster, or a forest mask or fragmentation "
                                            "raster."))
        ecosystems = self.raster_path(parameters, self.ECOSYSTEMS, context, required=False)
        if ecosystems and self.parameterAsSource(parameters, self.ZONES, context) is not None:
            raise QgsProcessingException(tr("Give the ecosystems either as polygons (ZONES) or as a raster "
                                            "(ECOSYSTEMS), not both."))
        grid_key = present[0] if present else (self.ECOSYSTEMS if ecosystems else None)
        if grid_key is None:
            raise QgsProcessingException(tr("A forest mask given as polygons needs a raster that sets the grid: give "
                                            "a land cover, cover loss, productivity or ecosystems raster too, or "
                                            "rasterize the forest polygons first."))
        sources[self.ECOSYSTEMS] = ecosystems
        grid = grid_of(sources[grid_key])
        others = [key for key in present + [self.ECOSYSTEMS] if key != grid_key]
        self.align_inputs(parameters, context, sources, others, grid, feedback=feedback)
        if forest_polygons is not None:
            sources[self.FOREST_MASK] = self.burn_forest(parameters, context, feedback, forest_polygons, grid,
                                                         grid_key, workdir)
            forest_values = "1"
        else:
            forest_values = self.parameterAsString(parameters, self.FOREST_VALUES, context) or "1"
        return sources, sources.pop(self.ECOSYSTEMS), grid, forest_values

    def compute(self, parameters, context, feedback, workdir):
        sources, ecosystems, grid, forest_values = self.inputs(parameters, context, feedback, workdir)
        rules, lpd, riitters = self.rules(parameters, context, feedback)
        if ecosystems:
            zones, labels = ecosystems, None
        else:
            zones, labels = self.zones_for_grid(parameters, context, feedback, grid, workdir)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        indicators = self.parameterAsOutputLayer(parameters, self.OUTPUT_INDICATORS, context) or None
        progress, cancelled = self.callbacks(feedback, 0, 95)
        result = minam.minam_degradation(
            output, lc_baseline=sources[self.LC_BASELINE], lc_target=sources[self.LC_TARGET],
            natural_classes=self.parameterAsString(parameters, self.NATURAL_CLASSES, context) or None,
            cover_loss=sources[self.COVER_LOSS], productivity=sources[self.PRODUCTIVITY],
            forest_mask=sources[self.FOREST_MASK],
            forest_values=forest_values,
            window=self.parameterAsInt(parameters, self.WINDOW, context), fragmentation=sources[self.FRAGMENTATION],
            zones=zones, rules=rules, lpd_states=lpd, riitters_states=riitters, indicators_output=indicators,
            progress=progress, is_cancelled=cancelled,
            land_cover_classes=self.parameterAsString(parameters, self.LC_CLASSES, context) or None,
            unknown_codes=unknown_policy(self, parameters, context))
        report_unknown(feedback, result["unknown"])
        used = ", ".join(tr(minam.INDICATOR_LABELS[name]) for name in result["used"])
        feedback.pushInfo(tr("Indicators used: {used}.").format(used=used))
        classes = level_classes()
        self.style_output(context, output, self.OUTPUT, classes, tr("Degradation level (MINAM)"))
        if labels is None:
            labels = {z: str(z) for (z, _c) in result["areas"].hectares if z != 0}
        table, totals = self.class_area_table(parameters, context, feedback, result["areas"], classes, labels, grid)
        feedback.setProgress(100)
        out = {self.OUTPUT: output, self.OUTPUT_INDICATORS: indicators, self.OUTPUT_TABLE: table,
               self.INDICATORS_USED: used, self.DEGRADED_HA: sum(totals[level] for level in minam.LEVELS if level > 0),
               self.NODATA_HA: totals[None]}
        out.update({key: totals[level] for key, level in zip(self.LEVEL_KEYS, minam.LEVELS)})
        return out
