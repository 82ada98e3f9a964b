"""t2restore:priority_score: weighted multi-criteria restoration priority (METHODS.md 4 and 6)."""

import json
import os
from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsVectorLayer,
)

from .. import compat
from ..algorithms.errors import N_
from ..algorithms.priority import classes as priority_classes
from ..algorithms.priority.classes import ClassSpec
from ..algorithms.priority.constraints import Layer
from ..algorithms.priority.driver import priority_score
from ..algorithms.priority.entries import criteria_from_entries, entries_from_rows
from ..algorithms.priority.parsing import parse_numbers
from ..algorithms.priority.presets import load_preset, preset_document
from ..algorithms.priority.uncertainty import Uncertainty
from ..algorithms.priority.weights import weights_from_table
from ..translation import tr
from . import _rasterize
from .base import T2Algorithm, grid_of
from .styles import _xml, raster_qml, style_on_load, write_qml

PRESET_DIR = Path(__file__).resolve().parents[1] / "presets"
# Shipped presets offered in the dialog: file stem -> display name.
SHIPPED_PRESETS = (("roam_serfor_provisional", N_("ROAM SERFOR (provisional)")),)
CLASS_METHOD_KEYS = ("fixed", "quantile", "equal_interval")
CLASS_METHOD_LABELS = (N_("Fixed breaks"), N_("Quantiles (equal area)"), N_("Equal interval (score range)"))
SCORE_RAMP = ("#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026")
STABILITY_RAMP = ("#f7f7f7", "#cccccc", "#969696", "#41ab5d", "#005a32")


class PriorityScoreAlgorithm(T2Algorithm):
    NAME = "priority_score"
    DISPLAY_NAME = N_("Restoration priority score (multi-criteria, ROAM)")
    GROUP_ID = "priority"
    HELP = (
        N_("Weighted multi-criteria restoration priority, as in ROAM (IUCN and WRI) and SERFOR's national "
           "prioritization: each criterion is rescaled to 0..1, the rescaled criteria are summed with weights that "
           "sum to 1, constraint areas are excluded, and the score is classed low, medium, high and very high."),
        N_("CRITERIA: the criterion rasters (a multi-band raster, such as the OUTPUT_CRITERIA of 'Degraded forest "
           "lands, SERFOR criteria', "
           "is added once). RESCALING: one row per criterion with 7 columns: raster number in CRITERIA (1 for the "
           "first), band (number or band name), criterion name, method, low, high, lookup. Methods: linear (0 at "
           "low, 1 at high, straight line in between, clamped outside), inverted (1 at low, 0 at high: smaller is "
           "better), quantile (classes of equal area of the criterion inside the mask and outside the constraints, "
           "as in FAO's se.plan; 'low' holds the number of classes, default 5; class c of n scores (c-1)/(n-1); a "
           "value equal to a break stays in the lower class), quantile_inverted, categorical (lookup such as "
           "'1: 1; 2: 0.5; *: 0', where * scores every other value; without *, a value missing from the table "
           "stops the run naming it)."),
        N_("WEIGHTS: one number per criterion in RESCALING order, separated by commas; or WEIGHTS_TABLE, the "
           "table written by 'AHP weights' (columns criterion and weight, matched by name). Weights must be zero or "
           "positive; they are normalized to sum 1, with a warning when they did not; weights summing to 0 stop the "
           "run. Without weights every criterion weighs the same."),
        N_("CONSTRAINTS: areas to exclude (e.g. water, urban areas, protected areas when you choose so): rasters "
           "(pixels with a non-zero value) or polygon layers (pixels whose centre is inside a polygon, or with "
           "POLYGON_METHOD every pixel a polygon touches; invalid geometries are repaired and counted). Excluded "
           "pixels get class 0 and are reported in the table. MASK (optional): only pixels inside it are scored: "
           "a polygon layer, or a raster whose non-zero values, or the values in MASK_VALUES (e.g. -1 for degraded "
           "land in an SDG 15.3.1 result), mark the area. Pixels where any criterion has no data are not scored."),
        N_("CLASSES: fixed breaks (BREAKS, default 0.25, 0.5, 0.75; 2 to 4 increasing values between 0 and 1), "
           "quantiles (equal areas of the scored pixels; breaks at the upper edge of the 1/65,535-wide histogram "
           "bin where the share is reached) or equal interval (between the lowest and highest score), with "
           "NUM_CLASSES 3, 4 (default) or 5 classes. A score equal to a break stays in the lower class."),
        N_("UNCERTAINTY: each of RUNS weight vectors (default 50) multiplies every weight by a factor drawn "
           "uniformly within +-PERCENT (default 20 %) and renormalizes them to sum 1 (SEED makes the runs "
           "repeatable). OUTPUT_STABILITY is the share of runs in which each pixel is high or very high (the top "
           "two classes; the top class with 3 classes). Each block is read once and all runs are one matrix "
           "product. With fixed breaks every run uses the same breaks; with quantiles or equal interval each run "
           "gets its own breaks from its own score distribution, accumulated in the same shared pass, because "
           "those classes are relative: the question is whether a pixel stays in the top of the ranking under "
           "other weights, not whether the whole score moved. That needs a second pass, which reads the criteria "
           "again."),
        N_("PRESET: a JSON file holding criteria, rescaling, weights, constraints, mask, classes and uncertainty "
           "(format in presets/README_priority.md); SHIPPED_PRESET offers the presets that come with the plugin. "
           "'ROAM SERFOR (provisional)' reads four bands of the OUTPUT_CRITERIA raster of 'Degraded forest lands, "
           "SERFOR criteria' (land-use conflict, slope in degrees, distance to conservation areas, deforestation "
           "density), found by name, as raster 1 of CRITERIA; SERFOR's weights and breaks are not public, so its "
           "values are editable placeholders. Parameters you set override the preset: RESCALING rows replace its "
           "criteria, WEIGHTS or WEIGHTS_TABLE its weights, constraints are added to its own, and class and "
           "uncertainty settings changed from their defaults replace its own. OUTPUT_PRESET saves the settings of "
           "this run as a preset."),
        N_("Outputs: OUTPUT_SCORE (float32, 0..1), OUTPUT_CLASSES (1..n, 0 excluded by a constraint, styled), "
           "OUTPUT_TABLE (hectares per zone and class on the WGS 84 ellipsoid, with excluded and no data rows), "
           "OUTPUT_STABILITY (0..1). All criteria, the mask and constraint rasters must share one grid; otherwise "
           "the run names the difference, unless ALIGN warps them onto the first criterion's grid (bilinear for "
           "continuous criteria, nearest for categories and masks)."),
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    SHIPPED_PRESET = "SHIPPED_PRESET"
    PRESET = "PRESET"
    CRITERIA = "CRITERIA"
    RESCALING = "RESCALING"
    WEIGHTS = "WEIGHTS"
    WEIGHTS_TABLE = "WEIGHTS_TABLE"
    CONSTRAINTS = "CONSTRAINTS"
    MASK = "MASK"
    MASK_VALUES = "MASK_VALUES"
    POLYGON_METHOD = "POLYGON_METHOD"
    CLASSES = "CLASSES"
    BREAKS = "BREAKS"
    NUM_CLASSES = "NUM_CLASSES"
    UNCERTAINTY = "UNCERTAINTY"
    PERCENT = "PERCENT"
    RUNS = "RUNS"
    SEED = "SEED"
    OUTPUT_SCORE = "OUTPUT_SCORE"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
    OUTPUT_STABILITY = "OUTPUT_STABILITY"
    OUTPUT_PRESET = "OUTPUT_PRESET"
    WEIGHTS_USED = "WEIGHTS_USED"
    BREAKS_USED = "BREAKS_USED"
    SCORED_HA = "SCORED_HA"
    HIGH_PRIORITY_HA = "HIGH_PRIORITY_HA"
    EXCLUDED_HA = "EXCLUDED_HA"
    DEFAULTS = {CLASSES: 0, BREAKS: "0.25, 0.5, 0.75", NUM_CLASSES: 4, PERCENT: 20.0, RUNS: 50, SEED: 1}

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterEnum(
            self.SHIPPED_PRESET, tr("Preset shipped with the plugin"),
            options=[tr("None")] + [tr(label) for _stem, label in SHIPPED_PRESETS], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.PRESET, tr("Preset file (JSON)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.CRITERIA, tr("Criterion rasters"), layerType=compat.TYPE_RASTER, optional=True))
        self.addParameter(QgsProcessingParameterMatrix(
            self.RESCALING, tr("Rescaling, one row per criterion"), numberRows=0, hasFixedNumberRows=False,
            headers=[tr("Raster number"), tr("Band (number or name)"), tr("Criterion name"),
                     tr("Method (linear, inverted, quantile, quantile_inverted, categorical)"),
                     tr("Low value (or number of quantile classes)"), tr("High value"),
                     tr("Lookup (value: score; *: other)")],
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.WEIGHTS, tr("Weights in criteria order, separated by commas"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.WEIGHTS_TABLE, tr("Weights table from 'AHP weights' (criterion, weight)"), [compat.TYPE_VECTOR],
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.CONSTRAINTS, tr("Constraints: areas to exclude (rasters or polygon layers)"),
            layerType=compat.TYPE_MAP_LAYER, optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.MASK, tr("Mask: only score inside (raster or polygon layer)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.MASK_VALUES, tr("Mask raster values inside the mask (default: any non-zero value)"), optional=True))
        _rasterize.add_method_parameter(self, self.POLYGON_METHOD)
        self.addParameter(QgsProcessingParameterEnum(
            self.CLASSES, tr("Class method"), options=[tr(label) for label in CLASS_METHOD_LABELS],
            defaultValue=self.DEFAULTS[self.CLASSES]))
        self.addParameter(QgsProcessingParameterString(
            self.BREAKS, tr("Fixed breaks (increasing, between 0 and 1)"), defaultValue=self.DEFAULTS[self.BREAKS],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.NUM_CLASSES, tr("Number of classes (quantiles, equal interval)"), compat.NUMBER_INTEGER,
            defaultValue=self.DEFAULTS[self.NUM_CLASSES], minValue=3, maxValue=5))
        self.addParameter(QgsProcessingParameterBoolean(
            self.UNCERTAINTY, tr("Stability under weight uncertainty"), defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            self.PERCENT, tr("Weight perturbation (+- percent)"), compat.NUMBER_DOUBLE,
            defaultValue=self.DEFAULTS[self.PERCENT], minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.RUNS, tr("Number of runs"), compat.NUMBER_INTEGER, defaultValue=self.DEFAULTS[self.RUNS], minValue=2,
            maxValue=1000))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, tr("Random seed"), compat.NUMBER_INTEGER, defaultValue=self.DEFAULTS[self.SEED], minValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALIGN, tr("Align inputs onto the first criterion's grid when they differ"), defaultValue=False))
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_SCORE, tr("Priority score")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_CLASSES, tr("Priority classes")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_STABILITY, tr("Stability (share of runs high or very high)"), optional=True,
            createByDefault=False))
        self.add_table_output(tr("Priority area table (hectares per zone and class)"))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PRESET, tr("Save these settings as a preset"), fileFilter=tr("Preset (*.json)"),
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.WEIGHTS_USED, tr("Weights used")))
        self.addOutput(QgsProcessingOutputString(self.BREAKS_USED, tr("Class breaks used")))
        for key, label in ((self.SCORED_HA, N_("Scored area (ha)")),
                           (self.HIGH_PRIORITY_HA, N_("High priority area (ha)")),
                           (self.EXCLUDED_HA, N_("Area excluded by constraints (ha)"))):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))

    # -- inputs -------------------------------------------------------------------------------

    def load_preset(self, parameters, context):
        path = self.parameterAsFile(parameters, self.PRESET, context)
        shipped = self.parameterAsEnum(parameters, self.SHIPPED_PRESET, context)
        if path and shipped:
            raise QgsProcessingException(tr("Choose either a shipped preset or a preset file, not both."))
        if shipped:
            path = str(PRESET_DIR / f"{SHIPPED_PRESETS[shipped - 1][0]}.json")
        return load_preset(path) if path else None

    def criteria(self, parameters, context, feedback, preset):
        rasters = [layer_source(layer) for layer in self.parameterAsLayerList(parameters, self.CRITERIA, context)]
        rows = ["" if v in (None, "") else v for v in self.parameterAsMatrix(parameters, self.RESCALING, context)]
        if any(str(v).strip() for v in rows):
            if preset:
                feedback.pushInfo(tr("RESCALING replaces the criteria and weights of the preset."))
            entries, origin, base_dir = entries_from_rows(rows), self.RESCALING, None
        elif preset:
            entries, origin, base_dir = preset["criteria"], preset["file_name"], preset["base_dir"]
        else:
            raise QgsProcessingException(tr("Give the criteria: rasters in CRITERIA with one RESCALING row each, "
                                            "or a preset."))
        criteria, weights, notes = criteria_from_entries(entries, rasters, origin, base_dir)
        for template, params in notes:
            feedback.pushWarning(tr(template).format(**params))
        return criteria, weights

    def weights(self, parameters, context, feedback, criteria, preset_weights):
        names = [c.name for c in criteria]
        direct = parse_numbers(self.parameterAsString(parameters, self.WEIGHTS, context))
        table = self.parameterAsSource(parameters, self.WEIGHTS_TABLE, context)
        if direct and table is not None:
            raise QgsProcessingException(tr("Give the weights either in WEIGHTS or in WEIGHTS_TABLE, not both."))
        if direct:
            return direct
        if table is not None:
            fields = {f.name().lower(): f.name() for f in table.fields()}
            if "criterion" not in fields or "weight" not in fields:
                raise QgsProcessingException(tr("The weights table needs the columns criterion and weight (as "
                                                "written by 'AHP weights')."))
            rows, crs = [], []
            for feature in table.getFeatures():
                rows.append((feature[fields["criterion"]], feature[fields["weight"]]))
                if "cr" in fields:
                    try:
                        crs.append(float(str(feature[fields["cr"]]).replace(",", ".")))
                    except (TypeError, ValueError):
                        pass
            if crs and max(crs) >= 0.10:
                feedback.pushWarning(tr("The weights table comes from inconsistent AHP judgments (CR = {cr:.3f}); its "
                                        "weights are used, but review the comparisons.").format(cr=max(crs)))
            return weights_from_table(rows, names)
        if preset_weights:
            return preset_weights
        feedback.pushWarning(tr("No weights were given: every criterion weighs the same."))
        return [1.0] * len(names)

    def class_spec(self, parameters, context, preset):
        method = self.parameterAsEnum(parameters, self.CLASSES, context)
        breaks = self.parameterAsString(parameters, self.BREAKS, context)
        count = self.parameterAsInt(parameters, self.NUM_CLASSES, context)
        spec = dict((preset or {}).get("classes") or {})
        if method != self.DEFAULTS[self.CLASSES] or not spec:
            spec["method"] = CLASS_METHOD_KEYS[method]
        if _changed(breaks, self.DEFAULTS[self.BREAKS]) or "breaks" not in spec:
            spec["breaks"] = parse_numbers(breaks or self.DEFAULTS[self.BREAKS], N_("class break"))
        if count != self.DEFAULTS[self.NUM_CLASSES] or "count" not in spec:
            spec["count"] = count
        return ClassSpec(spec["method"], spec["breaks"], spec["count"])

    def uncertainty(self, parameters, context, preset):
        settings = dict((preset or {}).get("uncertainty") or {})
        enabled = self.parameterAsBoolean(parameters, self.UNCERTAINTY, context) or bool(settings.get("enabled"))
        if not enabled:
            return None
        values = {}
        for key, getter in ((self.PERCENT, self.parameterAsDouble), (self.RUNS, self.parameterAsInt),
                            (self.SEED, self.parameterAsInt)):
            value = getter(parameters, key, context)
            values[key] = value if value != self.DEFAULTS[key] else settings.get(key.lower(), self.DEFAULTS[key])
        return Uncertainty(values[self.PERCENT], values[self.RUNS], values[self.SEED])

    def region_layers(self, parameters, context, feedback, preset, grid, workdir, align):
        """(mask Layer or None, [constraint Layer], [(name, original source)] for the saved preset)."""
        constraints, documented = [], []
        method = self.parameterAsEnum(parameters, self.POLYGON_METHOD, context)
        layers = list(self.parameterAsLayerList(parameters, self.CONSTRAINTS, context))
        for item in (preset or {}).get("constraints") or []:
            layers.append(_layer_from_path(item, preset["base_dir"]))
        for n, layer in enumerate(layers):
            documented.append(Layer(layer.name(), layer_source(layer)))
            constraints.append(self.as_raster_layer(layer, context, feedback, grid, workdir, f"constraint{n}", align,
                                                    method))
        mask_layer = self.parameterAsLayer(parameters, self.MASK, context)
        values_text = self.parameterAsString(parameters, self.MASK_VALUES, context)
        values = parse_numbers(values_text, N_("mask value"))
        preset_mask = (preset or {}).get("mask")
        if mask_layer is None and preset_mask:
            mask_layer = _layer_from_path(preset_mask, preset["base_dir"])
            values = values or preset_mask.get("values")
        if mask_layer is None:
            return None, constraints, documented
        mask = self.as_raster_layer(mask_layer, context, feedback, grid, workdir, "mask", align, method)
        if isinstance(mask_layer, QgsRasterLayer):
            mask.values = tuple(values or ())
        return mask, constraints, documented + [Layer(self.MASK, layer_source(mask_layer), 1, values)]

    def as_raster_layer(self, layer, context, feedback, grid, workdir, stem, align, method=_rasterize.CENTRE):
        """A raster Layer on ``grid``: rasters as they are (warped when aligning), polygons burnt in."""
        name = layer.name() or stem
        if isinstance(layer, QgsRasterLayer):
            if layer.providerType() != "gdal":
                raise QgsProcessingException(tr("The raster {name} comes from the '{provider}' provider; T2 Restore "
                                                "reads files GDAL can open. Save it as a GeoTIFF first.").format(
                    name=name, provider=layer.providerType()))
            source = layer.source()
            if align:
                source = self.warp_logged(context, feedback, source, name, grid, "near")
            return Layer(name, source)
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != compat.GEOMETRY_POLYGON:
            raise QgsProcessingException(tr("{name} is neither a raster nor a polygon layer; constraints and masks "
                                            "must be one of those.").format(name=name))
        return Layer(name, _rasterize.burn_polygons(layer, grid, context, feedback,
                                                    os.path.join(workdir, f"{stem}.tif"), name, method))

    def align_criteria(self, criteria, grid, align, context, feedback):
        if not align:
            return
        warped = {}
        first = criteria[0].source
        for c in criteria:
            if c.source == first:
                continue
            method = "near" if c.method == "categorical" else "bilinear"
            key = (c.source, method)
            if key not in warped:
                warped[key] = self.warp_logged(context, feedback, c.source, c.name, grid, method)
            c.source = warped[key]

    # -- run ----------------------------------------------------------------------------------

    def compute(self, parameters, context, feedback, workdir):
        preset = self.load_preset(parameters, context)
        if preset:
            feedback.pushInfo(tr("Preset: {name} ({file}).").format(name=preset.get("name", ""),
                                                                     file=preset["file_name"]))
            if preset.get("provisional"):
                feedback.pushWarning(tr("This preset is provisional: its weights and thresholds are editable "
                                        "placeholders, not an official rule set."))
        criteria, preset_weights = self.criteria(parameters, context, feedback, preset)
        weights = self.weights(parameters, context, feedback, criteria, preset_weights)
        spec = self.class_spec(parameters, context, preset)
        unc = self.uncertainty(parameters, context, preset)
        align = self.parameterAsBoolean(parameters, self.ALIGN, context)
        grid = grid_of(criteria[0].source)
        originals = [c.source for c in criteria]
        self.align_criteria(criteria, grid, align, context, feedback)
        mask, constraints, documented = self.region_layers(parameters, context, feedback, preset, grid, workdir,
                                                           align)
        zones, labels = self.zones_for_grid(parameters, context, feedback, grid, workdir)
        score_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_SCORE, context)
        classes_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_CLASSES, context)
        stability_path = self.stability_path(parameters, context, feedback, unc)
        progress, cancelled = self.callbacks(feedback, 0, 95)
        result = priority_score(criteria, weights, score_path, classes_path, constraints=constraints,
                                mask=mask, classes=spec, zones=zones, uncertainty=unc,
                                stability_output=stability_path, progress=progress, is_cancelled=cancelled)
        weights_used, breaks_used = self.log_result(feedback, criteria, result)
        legend = [(v, tr(label), color) for v, label, color in priority_classes.class_legend(spec.count)]
        self.style_output(context, classes_path, self.OUTPUT_CLASSES, legend, tr("Priority classes"))
        self.style_ramp(context, score_path, SCORE_RAMP, tr("Priority score"))
        if stability_path:
            self.style_ramp(context, stability_path, STABILITY_RAMP, tr("Priority stability"))
        names = {v: lbl for v, lbl, _c in legend}
        # data outside the mask: its own row, not "No data"
        names[priority_classes.MASKED] = tr(priority_classes.MASKED_LABEL)
        table = self.write_area_table(parameters, context, result["areas"], names, labels, grid)
        totals = class_totals(result["areas"])
        high = sum(ha for cls, ha in totals.items() if cls is not None and cls >= result["high_from"])
        scored = sum(ha for cls, ha in totals.items() if cls)
        preset_out = self.parameterAsFileOutput(parameters, self.OUTPUT_PRESET, context)
        if preset_out:
            for c, source in zip(criteria, originals):
                c.source = source
            save_preset(preset_out, criteria, result, spec, unc, documented, self.MASK)
        feedback.setProgress(100)
        return {self.OUTPUT_SCORE: score_path, self.OUTPUT_CLASSES: classes_path, self.OUTPUT_STABILITY: stability_path,
                self.OUTPUT_TABLE: table, self.OUTPUT_PRESET: preset_out or None, self.WEIGHTS_USED: weights_used,
                self.BREAKS_USED: breaks_used, self.SCORED_HA: scored, self.HIGH_PRIORITY_HA: high,
                self.EXCLUDED_HA: totals.get(priority_classes.EXCLUDED, 0.0)}

    def stability_path(self, parameters, context, feedback, unc):
        """Where the stability raster goes: OUTPUT_STABILITY, a temporary file loaded on completion, or None."""
        stability_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_STABILITY, context) if unc else None
        if not unc and self.parameterAsOutputLayer(parameters, self.OUTPUT_STABILITY, context):
            feedback.pushWarning(tr("OUTPUT_STABILITY is written only when UNCERTAINTY is checked; it was not "
                                    "written."))
        if unc and not stability_path:
            stability_path = QgsProcessingUtils.generateTempFilename("stability.tif")
            context.addLayerToLoadOnCompletion(stability_path, QgsProcessingContext.LayerDetails(
                tr("Priority stability"), context.project(), self.OUTPUT_STABILITY))
        return stability_path

    @staticmethod
    def log_result(feedback, criteria, result):
        """Weights, breaks and exclusions of the run in the log; returns (weights used, breaks used) as text."""
        names = [c.name for c in criteria]
        if abs(result["weight_sum"] - 1.0) > 1e-6:
            feedback.pushWarning(tr("The weights summed to {total:g}, not 1; they were normalized to sum 1.").format(
                total=result["weight_sum"]))
        weights_used = ", ".join(f"{n}={w:.4f}" for n, w in zip(names, result["weights"]))
        breaks_used = ", ".join(f"{b:.6g}" for b in result["breaks"])
        feedback.pushInfo(tr("Weights used: {weights}.").format(weights=weights_used))
        feedback.pushInfo(tr("Class breaks used: {breaks}.").format(breaks=breaks_used))
        for name, breaks in result["criterion_breaks"].items():
            feedback.pushInfo(tr("Quantile breaks of {name}: {breaks}.").format(
                name=name, breaks=", ".join(f"{b:.6g}" for b in breaks)))
        for name, pixels in result["pixels"]["excluded_by"].items():
            feedback.pushInfo(tr("{name} excludes {n} pixels.").format(name=name, n=pixels))
        return weights_used, breaks_used

    def style_ramp(self, context, path, colors, layer_name):
        """A 0..1 colour ramp QML beside a float output, applied when QGIS loads it."""
        qml = write_qml(path, ramp_qml(colors))
        style_on_load(context, path, qml, layer_name)
        return qml


def class_totals(areas):
    """Hectares per class over every zone, without the pixels outside the mask (neither scored nor high)."""
    totals = {}
    for _zone, cls, ha, _px in areas.rows():
        totals[cls] = totals.get(cls, 0.0) + ha
    totals.pop(priority_classes.MASKED, None)
    return totals


def save_preset(path, criteria, result, spec, unc, documented, mask_name):
    """Write the settings of the run as a preset (JSON), under a temporary name renamed when complete."""
    mask_doc = next((d for d in documented if d.name == mask_name), None)
    doc = preset_document(tr("Saved settings"), criteria, result["weights"], spec, unc,
                          [d for d in documented if d is not mask_doc], mask_doc)
    tmp = f"{path}.{os.getpid()}.part"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=2, ensure_ascii=False)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def ramp_qml(colors):
    """Single-band pseudocolour QML, interpolated over 0..1."""
    step = 1.0 / (len(colors) - 1)
    items = "\n".join(f'          <item value="{i * step:g}" color="{c}" label="{_xml(f"{i * step:g}")}" alpha="255"/>'
                      for i, c in enumerate(colors))
    return raster_qml(f"""\
    <rasterrenderer type="singlebandpseudocolor" band="1" opacity="1" alphaBand="-1" classificationMin="0"
                    classificationMax="1" nodataColor="">
      <rasterTransparency/>
      <rastershader>
        <colorrampshader colorRampType="INTERPOLATED" classificationMode="1" clip="0" minimumValue="0"
                         maximumValue="1">
{items}
        </colorrampshader>
      </rastershader>
    </rasterrenderer>""")


def layer_source(layer):
    """The GDAL/OGR source of a layer; rasters must come from GDAL (files), not from a web service."""
    if isinstance(layer, QgsRasterLayer) and layer.providerType() != "gdal":
        raise QgsProcessingException(tr("The raster {name} comes from the '{provider}' provider; T2 Restore reads "
                                        "files GDAL can open. Save it as a GeoTIFF first.").format(
            name=layer.name(), provider=layer.providerType()))
    return layer.source()


def _layer_from_path(item, base_dir):
    path = Path(str(item.get("path", "")))
    if not path.is_absolute():
        path = Path(base_dir) / path
    name = item.get("name") or path.stem
    raster = QgsRasterLayer(str(path), name, "gdal")
    if raster.isValid():
        return raster
    vector = QgsVectorLayer(str(path), name, "ogr")
    if vector.isValid():
        return vector
    raise QgsProcessingException(tr("The preset refers to the layer {path}, which cannot be opened.").format(
        path=str(path)))


def _changed(text, default):
    return parse_numbers(text or default, N_("class break")) != parse_numbers(default)

