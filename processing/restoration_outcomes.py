"""t2restore:restoration_outcomes: is each registered area recovering? (issue 14)

Before-after-control-impact per area on an annual vegetation series, with controls matched on the
pre-start mean and trend; table, styled layer and, for a registry, monitoring values written back.
"""

import math
import os

from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from .. import compat
from ..algorithms import outcomes
from ..algorithms.blocks import Grid, grid_difference, open_raster
from ..algorithms.errors import N_
from ..algorithms.geometry import AreaCalculator
from ..registry import outcome_writeback
from ..registry.store import open_registry
from ..translation import tr
from . import _vector, styles
from .base import T2Algorithm
from .gap_overlap import registry_areas_layer, registry_label, registry_path_of

TABLE_FIELDS = (("area_id", "string"), ("start_year", "int"), ("pixels_inside", "int"), ("controls_used", "int"),
                ("years_before", "int"), ("years_after", "int"), ("effect", "double"), ("ci_low", "double"),
                ("ci_high", "double"), ("p_value", "double"), ("trend_diff", "double"),
                ("forest_change_ha", "double"), ("outcome", "string"), ("outcome_label", "string"),
                ("reason", "string"), ("reason_text", "string"), ("area_ha", "double"), ("series_years", "string"),
                ("series_inside", "string"), ("series_controls", "string"))


def _number(value):
    return None if value is None or (isinstance(value, float) and not math.isfinite(value)) else float(value)


def _series_text(values):
    if values is None:
        return ""
    return ",".join("" if not math.isfinite(v) else "%.5g" % v for v in values)


def reason_text(row):
    """The translated reason of an outcome row."""
    if not row.reason:
        return ""
    return tr(outcomes.REASONS[row.reason]).format(**row.reason_params)


class RestorationOutcomesAlgorithm(T2Algorithm):
    NAME = "restoration_outcomes"
    DISPLAY_NAME = N_("Restoration outcomes (is each area recovering?)")
    GROUP_ID = "reporting"
    HELP = (
        N_("For every restoration area, whether the vegetation inside it changed after its start year more than "
           "on comparable land nearby (before-after-control-impact). Outcome classes: recovering, no detectable "
           "change, declining and insufficient data, with the reason."),
        N_("Inputs: AREAS (a registry's restoration areas, or any polygon layer with an identifier field ID_FIELD "
           "and a start-year field START_FIELD), SERIES (an annual series, one band per year: FIRST_YEAR is the "
           "year of band 1, or 0 to read each band's year from its description, as 'Prepare an annual vegetation "
           "series' writes), optional FOREST (forest cover per year, same bands as the series, > 0 is forest), "
           "LAND_TYPE (ecosystem or land cover map: controls are of the area's most frequent class), COVARIATES "
           "(e.g. elevation, slope: also matched) and EXCLUDE (land that must not serve as control; every area of "
           "AREAS, and every area of the registry, is always excluded). Rasters on another grid are aligned onto "
           "the series (logged); areas are reprojected to the series' CRS."),
        N_("Method: pixels whose centre is inside the area against control pixels outside every excluded polygon "
           "(pixels touching one are excluded too), within SEARCH_RADIUS metres of the area's bounding rectangle, "
           "of the same land type, each area's sample of pixels matched one to one (nearest without replacement, "
           "within a caliper) on the mean and trend of the series before the start (and the covariates). Effect = "
           "(mean after the start minus mean before) inside minus the same in the matched controls; trend "
           "difference = slope after the start inside minus in the controls. The 95 % interval and the p-value "
           "come from a bootstrap over the years of each period and the matched controls, with a fixed seed "
           "(repeatable), widened for the few years of a period. The start year itself counts in neither period."),
        N_("Recovering: the interval lies above 0 and the effect reaches the preset's min_effect; declining: the "
           "interval lies below 0 and the loss reaches min_effect; otherwise no detectable change. Insufficient "
           "data: no start year, a start year outside the series, too few pixels inside (an area outside the "
           "series or smaller than a pixel), too few valid years before or after, or too few matched controls. "
           "Thresholds are in PRESET (presets/outcomes_default.json, provisional: no national rule set exists)."),
        N_("Outputs: OUTPUT_TABLE, one row per area (area_id, start year, pixels, controls, years, effect, ci_low, "
           "ci_high, p_value, trend difference, forest change in ha, outcome code and label, reason, and the "
           "series inside and in the controls), and OUTPUT_LAYER, the areas styled by outcome. WRITE_REGISTRY "
           "(AREAS a registry): each measure is written as a monitoring value of the area (indicator codes "
           "T2R-OUT-*, documented in the methods), dated 31 December of the last year of the series, replacing "
           "the values of an earlier run of the same configuration and never values a person entered; all areas "
           "in one transaction. A series with fewer years than the method needs, or in which no area starts, "
           "stops the run."),
    )

    AREAS = "AREAS"
    ID_FIELD = "ID_FIELD"
    START_FIELD = "START_FIELD"
    SERIES = "SERIES"
    FIRST_YEAR = "FIRST_YEAR"
    FOREST = "FOREST"
    LAND_TYPE = "LAND_TYPE"
    COVARIATES = "COVARIATES"
    EXCLUDE = "EXCLUDE"
    SEARCH_RADIUS = "SEARCH_RADIUS"
    PRESET = "PRESET"
    WRITE_REGISTRY = "WRITE_REGISTRY"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_LAYER = "OUTPUT_LAYER"
    RECOVERING_HA = "RECOVERING_HA"
    AREAS_WRITTEN = "AREAS_WRITTEN"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        poly = [compat.TYPE_VECTOR_POLYGON]
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREAS, tr("Restoration areas"), poly))
        self.addParameter(QgsProcessingParameterField(
            self.ID_FIELD, tr("Identifier field (empty: the registry's, or the feature id)"),
            parentLayerParameterName=self.AREAS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.START_FIELD, tr("Start year field (empty: the registry's start_year)"),
            parentLayerParameterName=self.AREAS, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.SERIES, tr("Annual vegetation series (one band "
                                                                            "per year)")))
        self.addParameter(QgsProcessingParameterNumber(
            self.FIRST_YEAR, tr("Year of band 1 (0: read from the band descriptions)"), type=compat.NUMBER_INTEGER,
            defaultValue=0, minValue=0, maxValue=2200))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.FOREST, tr("Forest cover per year (optional)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LAND_TYPE, tr("Land type for matching (ecosystems or land cover, optional)"), optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.COVARIATES, tr("Covariates for matching (e.g. elevation, slope)"), compat.TYPE_RASTER,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.EXCLUDE, tr("Land that may not serve as control (besides the areas)"), poly, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEARCH_RADIUS, tr("Search radius for controls, metres (0: the preset's)"),
            type=compat.NUMBER_DOUBLE, defaultValue=0.0, minValue=0.0, maxValue=1e7))
        self.addParameter(QgsProcessingParameterFile(
            self.PRESET, tr("Outcome rules (JSON preset; empty: presets/outcomes_default.json)"), extension="json",
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.WRITE_REGISTRY, tr("Write the outcomes into the registry's monitoring values (AREAS must be a "
                                    "registry)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, tr("Restoration outcomes (table)"), compat.TYPE_VECTOR))
        _vector.add_polygon_sink(self, self.OUTPUT_LAYER, tr("Restoration outcomes (areas)"), optional=True)
        self.addOutput(QgsProcessingOutputNumber(self.RECOVERING_HA, tr("Area recovering (ha)")))
        self.addOutput(QgsProcessingOutputNumber(self.AREAS_WRITTEN, tr("Registry areas written")))

    def compute(self, parameters, context, feedback, workdir):
        rules, preset_path = self.rules(parameters, context)
        series_layer = self.parameterAsRasterLayer(parameters, self.SERIES, context)
        series = self.raster_path(parameters, self.SERIES, context)
        first = self.parameterAsInt(parameters, self.FIRST_YEAR, context)
        years = outcomes.series_years(series, first or None)
        outcomes.check_series(years, rules)
        grid = Grid.of(open_raster(series, self.SERIES))
        layer = self.parameterAsVectorLayer(parameters, self.AREAS, context)
        registry = registry_path_of(layer)
        if self.parameterAsBoolean(parameters, self.WRITE_REGISTRY, context) and registry is None:
            raise QgsProcessingException(tr(
                "WRITE_REGISTRY needs AREAS to be the restoration areas layer of a T2 Restore registry "
                "(<registry>.gpkg|layername=restoration_areas). Choose the registry's layer, or turn "
                "WRITE_REGISTRY off."))
        reader = _vector.PolygonReader(self, context, feedback, series_layer.crs(), workdir)
        features, specs = self.read_areas(parameters, context, reader, registry)
        if not any(spec.polygons for spec in specs):
            raise QgsProcessingException(tr("AREAS has no polygon with an area (no features, or none with a "
                                            "geometry). Choose the layer of the restoration areas."))
        exclude = self.exclusion(parameters, context, reader, registry)
        inputs = self.series_inputs(parameters, context, feedback, series, years, grid)
        radius = self.parameterAsDouble(parameters, self.SEARCH_RADIUS, context) or rules["search_radius_m"]
        feedback.pushInfo(tr("{n} areas; series {first}-{last}; controls within {radius:g} m.").format(
            n=len(specs), first=years[0], last=years[-1], radius=radius))
        progress, cancelled = self.callbacks(feedback, 5, 90)
        rows = outcomes.restoration_outcomes(specs, inputs, exclude, radius, rules, workdir, progress=progress,
                                             is_cancelled=cancelled)
        hectares = AreaCalculator(_vector.osr_of(series_layer.crs()))([s.polygons for s in specs]) if specs else []
        self.report(feedback, rows, hectares)
        table = self.write_table(parameters, context, rows, hectares, years)
        out_layer = self.write_layer(parameters, context, features, rows, hectares, series_layer.crs())
        written = None
        if registry is not None and self.parameterAsBoolean(parameters, self.WRITE_REGISTRY, context):
            config = {"series": os.path.basename(series), "years": years, "rules": rules, "radius": radius,
                      "land_type": bool(inputs.land_type), "covariates": len(inputs.covariates),
                      "exclude": self.parameterAsSource(parameters, self.EXCLUDE, context) is not None}
            written = self.write_back(feedback, registry, features, rows, years, config, preset_path)
        feedback.setProgress(100)
        recovering = sum(h for r, h in zip(rows, hectares) if r.outcome == outcomes.rules.RECOVERING)
        return {self.OUTPUT_TABLE: table, self.OUTPUT_LAYER: out_layer, self.RECOVERING_HA: recovering,
                self.AREAS_WRITTEN: written}

    def rules(self, parameters, context):
        path = self.parameterAsFile(parameters, self.PRESET, context) or None
        return outcomes.load_preset(path), path or outcomes.rules.DEFAULT_PRESET

    def read_areas(self, parameters, context, reader, registry):
        """(features, [AreaSpec]) of AREAS in the series' CRS, with their identifiers and start years."""
        source = self.parameterAsSource(parameters, self.AREAS, context)
        if source is None:
            raise QgsProcessingException(tr("The layer AREAS is missing or cannot be opened."))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or ("uuid" if registry else "")
        start_field = (self.parameterAsString(parameters, self.START_FIELD, context)
                       or ("start_year" if registry else ""))
        if not start_field:
            raise QgsProcessingException(tr(
                "Choose the field of AREAS that holds each area's start year (START_FIELD), or use a registry's "
                "restoration areas layer."))
        for field in (f for f in (id_field, start_field) if f):
            if source.fields().lookupField(field) < 0:
                raise QgsProcessingException(tr("AREAS has no field '{field}'. Choose one of its fields.").format(
                    field=field))
        fields = [f for f in (id_field, start_field) if f]
        features = reader.features(source, tr("Restoration areas"), fields, all_attributes=bool(registry))
        specs = []
        for fid, polys, values, _feature in features:
            key = _vector.label_of(values[0]) if id_field else str(fid)
            specs.append(outcomes.AreaSpec(key, start_year(values[-1]), polys))
        return features, specs

    def exclusion(self, parameters, context, reader, registry):
        """Polygons that may not serve as controls: EXCLUDE and, for a registry, every registered area."""
        polygons = []
        source = self.parameterAsSource(parameters, self.EXCLUDE, context)
        if source is not None:
            polygons.extend(reader.polygons(source, tr("Excluded land")))
        if registry is not None:
            layer = registry_areas_layer(registry, self.parameterAsVectorLayer(parameters, self.AREAS, context))
            polygons.extend(reader.polygons(layer, tr("Registered areas")))
        return polygons

    def series_inputs(self, parameters, context, feedback, series, years, grid):
        """SeriesInputs with every optional raster on the series' grid (aligned and logged when not)."""
        def aligned(key, method):
            layer_path = self.raster_path(parameters, key, context, required=False)
            return self.on_grid(context, feedback, layer_path, key, grid, method) if layer_path else None

        covariates = []
        for layer in self.parameterAsLayerList(parameters, self.COVARIATES, context) or []:
            if layer.providerType() != "gdal":
                raise QgsProcessingException(tr("The covariate {name} is not a raster GDAL can read. Save it as a "
                                                "GeoTIFF first.").format(name=layer.name()))
            covariates.append(self.on_grid(context, feedback, layer.source(), layer.name(), grid, "bilinear"))
        return outcomes.SeriesInputs(series, years, land_type=aligned(self.LAND_TYPE, "near"),
                                     covariates=covariates, forest=aligned(self.FOREST, "near"))

    def on_grid(self, context, feedback, source, name, grid, method):
        ds = open_raster(source, name)
        if grid_difference(grid, Grid.of(ds)) is None:
            return source
        return self.warp_logged(context, feedback, source, name, grid, method)

    @staticmethod
    def report(feedback, rows, hectares):
        if rows and not any(r.pixels for r in rows):
            feedback.pushWarning(tr("No area has a pixel of the series inside it: check that AREAS and SERIES "
                                    "cover the same region and that their CRSs are declared correctly."))
        for code in outcomes.OUTCOMES:
            chosen = [h for r, h in zip(rows, hectares) if r.outcome == code]
            feedback.pushInfo(tr("{label}: {n} areas, {ha:,.2f} ha").format(
                label=tr(outcomes.OUTCOME_LABELS[code]), n=len(chosen), ha=sum(chosen)))

    def write_table(self, parameters, context, rows, hectares, years):
        fields = QgsFields()
        for name, kind in TABLE_FIELDS:
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            return None
        year_text = ",".join(str(y) for y in years)
        for row, ha in zip(rows, hectares):
            _vector.add_feature(sink, fields, table_values(row, ha, year_text))
        return dest

    def write_layer(self, parameters, context, features, rows, hectares, crs):
        fields = QgsFields()
        for name, kind in TABLE_FIELDS[:-3]:
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_LAYER, context, fields, compat.WKB_MULTIPOLYGON,
                                          crs)
        if sink is None:
            return None
        for (_fid, polys, _v, _f), row, ha in zip(features, rows, hectares):
            if polys:
                _vector.add_feature(sink, fields, table_values(row, ha, "")[:-3], polys)
        classes = [(code, tr(outcomes.OUTCOME_LABELS[code]), outcomes.OUTCOME_COLORS[code])
                   for code in outcomes.OUTCOMES]
        styles.style_vector_output(context, dest, "outcome", classes, tr("Restoration outcomes"))
        return dest

    def write_back(self, feedback, registry, features, rows, years, config, preset_path):
        """Monitoring values of every area of the registry, in one transaction."""
        marker = outcome_writeback.run_marker(config)
        summary = "series {series} {first}-{last}; preset {preset}; radius {radius:g} m".format(
            series=config["series"], first=years[0], last=years[-1], preset=os.path.basename(preset_path),
            radius=config["radius"])
        by_uuid = {feature["uuid"]: row for (_fid, _p, _v, feature), row in zip(features, rows)}
        with open_registry(registry) as store:
            written, missing = outcome_writeback.write_outcomes(store, by_uuid, years, marker, summary)
        feedback.pushInfo(tr("Registry {path}: outcomes written for {n} areas (marker {marker}).").format(
            path=registry_label(registry), n=written, marker=marker))
        if missing:
            feedback.pushWarning(tr("{count} areas of AREAS are no longer in the registry and were not "
                                    "written.").format(count=len(missing)))
        return written


def start_year(value):
    """An integer start year from a field value (None when empty or not a whole number)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if math.isfinite(number) and number.is_integer() else None


def table_values(row, ha, year_text):
    return [str(row.key), row.start, row.pixels, row.controls, row.years_before, row.years_after,
            _number(row.effect), _number(row.ci_low), _number(row.ci_high), _number(row.p_value),
            _number(row.trend_diff), _number(row.forest_change_ha), row.outcome,
            tr(outcomes.OUTCOME_LABELS[row.outcome]), row.reason, reason_text(row), round(float(ha), 6),
            year_text, _series_text(row.inside_series), _series_text(row.control_series)]
