"""t2restore:serfor_criteria: ROAM criteria of SERFOR's gap and degraded forest lands (METHODS.md 4)."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from .. import compat
from ..algorithms import serfor
from ..algorithms.errors import N_
from ..translation import tr
from . import _zones
from ._dask import DASK_HELP, DaskOption
from .base import T2Algorithm, _crs_from_wkt, grid_of, request_in_crs, usable_geometries

REASON_CLASSES = [(0, N_("Not degraded"), "#e8e8e8"), (1, N_("Overuse"), "#fdae61"),
                  (2, N_("Forest loss"), "#d7191c"), (3, N_("Overuse and forest loss"), "#7b3294")]
CRITERIA_LABELS = {"land_use_conflict": N_("land-use conflict"), "slope": N_("slope"),
                   "distance": N_("distance to conservation areas"),
                   "deforestation": N_("density of recent deforestation")}
LOSS_PERIODS = (N_("Loss of any year"), N_("Recent loss only"))
TYPE_VECTOR_POINT = compat.TYPE_VECTOR_POINT


def reason_classes():
    return [(v, tr(label), color) for v, label, color in REASON_CLASSES]


def polygons_in_crs(source, crs_wkt, context, feedback, name):
    """WKB of the polygons of a feature source or vector layer, reprojected to ``crs_wkt``.

    Null geometries are skipped and invalid ones repaired (both counted in the log), as for zones.
    """
    target = _crs_from_wkt(crs_wkt)
    crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
    crs = _zones.assumed_crs(crs, target, feedback, name)
    request = request_in_crs(crs, target, context)
    if request.destinationCrs().isValid():
        feedback.pushInfo(tr("{name} reprojected from {src} to {dst}.").format(name=name, src=crs.authid(),
                                                                               dst=target.authid()))
    counts = {"skipped": 0, "repaired": 0}
    shapes = [bytes(geom.asWkb()) for _feature, geom in usable_geometries(source.getFeatures(request), counts)]
    if counts["skipped"]:
        feedback.pushWarning(tr("{name}: {n} features without geometry were skipped.").format(
            name=name, n=counts["skipped"]))
    if counts["repaired"]:
        feedback.pushInfo(tr("{name}: {n} invalid geometries were repaired.").format(name=name, n=counts["repaired"]))
    return shapes


class SerforCriteriaAlgorithm(DaskOption, T2Algorithm):
    NAME = "serfor_criteria"
    DISPLAY_NAME = N_("Degraded forest lands, SERFOR criteria (ROAM)")
    GROUP_ID = "degradation"
    HELP = (
        N_("The criteria SERFOR's national restoration gap and its ROAM exercise (IUCN & WRI method) use, and the "
           "degraded forest lands they point to: land-use conflict, slope, distance to conservation areas and "
           "density of recent deforestation, one named band each in OUTPUT_CRITERIA (nodata -9999)."),
        N_("Land-use conflict: the land cover (LAND_COVER) against the land use capability group (CAPABILITY, "
           "'Capacidad de Uso Mayor': A cultivation, C permanent crops, P pastures, F forest production, "
           "X protection) through CONFLICT_MATRIX gives 1 overuse, 2 proper use, 3 underuse or 0 not evaluated. "
           "CAPABILITY_CODES maps the raster's codes to the groups (default 1 A, 2 C, 3 P, 4 F, 5 X, from "
           "presets/cum_classes.json); a code or land cover class missing from the tables stops the run and is "
           "named."),
        N_("Slope from a DEM (elevations in metres) by Horn's method, in degrees and in percent. In a geographic "
           "CRS (degrees) pixel sizes are converted to metres for each row from the WGS 84 ellipsoid, so the slope "
           "is right at any latitude. A DEM whose CRS contradicts its coordinates (a geographic CRS with UTM-like "
           "coordinates, or the reverse) is refused with a message."),
        N_("Distance to conservation areas (polygons, e.g. protected areas), in metres, from each pixel centre to "
           "the nearest pixel touched by an area (GDAL proximity, bounded memory), within half a pixel diagonal of "
           "the exact distance; areas outside the raster count. Distances are computed up to MAX_DISTANCE (default "
           "20 km, from the preset): pixels farther from every area get that value (that far or farther), and areas "
           "farther than that from the raster (a stray feature, a wrong CRS) are left out with a warning, so they "
           "cost no time. An empty layer leaves the band as nodata and says so in the log."),
        N_("Density of recent deforestation: hectares of forest loss per km2 of land with data within RADIUS metres "
           "(100 = everything lost), from a year-of-loss raster (LOSS_YEAR: 0 no loss; Hansen's codes 1-99 are read "
           "as 2001-2099) or from loss points (with an optional year field). Recent = the last RECENT_YEARS years up "
           "to the latest loss year found (0 = every year)."),
        N_("Degraded forest lands (OUTPUT, styled): on the capability groups of FOREST_LAND_GROUPS (default F, X), "
           "1 overuse, 2 forest loss (of any year, or only recent, per LOSS_PERIOD), 3 both; 0 not degraded; 255 "
           "nodata where an input used has no data. OUTPUT_TABLE gives hectares per zone and reason (WGS 84 "
           "ellipsoid)."),
        N_("Default preset 'SERFOR (provisional)' (presets/serfor_provisional.json): SERFOR's matrices, weights "
           "and breaks are not public, so the conflict matrix (on the 7 UNCCD land cover classes), the forest "
           "land groups, the 1000 m radius and the 5 recent years are a provisional, editable stand-in written "
           "for T2 Restore, not SERFOR's official values. Edit the tables here, with your own land cover codes as "
           "rows. Inputs must share the capability raster's grid unless 'Align inputs' is checked (nearest "
           "neighbour for classes and years, bilinear for the DEM)."),
        DASK_HELP,
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    CAPABILITY = "CAPABILITY"
    CAPABILITY_CODES = "CAPABILITY_CODES"
    LAND_COVER = "LAND_COVER"
    CONFLICT_MATRIX = "CONFLICT_MATRIX"
    DEM = "DEM"
    CONSERVATION_AREAS = "CONSERVATION_AREAS"
    MAX_DISTANCE = "MAX_DISTANCE"
    LOSS_YEAR = "LOSS_YEAR"
    LOSS_POINTS = "LOSS_POINTS"
    LOSS_POINTS_YEAR_FIELD = "LOSS_POINTS_YEAR_FIELD"
    RECENT_YEARS = "RECENT_YEARS"
    RADIUS = "RADIUS"
    FOREST_LAND_GROUPS = "FOREST_LAND_GROUPS"
    LOSS_PERIOD = "LOSS_PERIOD"
    OUTPUT_CRITERIA = "OUTPUT_CRITERIA"
    OUTPUT = "OUTPUT"
    CRITERIA_USED = "CRITERIA_USED"
    NOT_DEGRADED_HA = "NOT_DEGRADED_HA"
    OVERUSE_HA = "OVERUSE_HA"
    LOSS_HA = "LOSS_HA"
    OVERUSE_AND_LOSS_HA = "OVERUSE_AND_LOSS_HA"
    DEGRADED_HA = "DEGRADED_HA"
    NODATA_HA = "NODATA_HA"
    REASON_KEYS = (NOT_DEGRADED_HA, OVERUSE_HA, LOSS_HA, OVERUSE_AND_LOSS_HA)

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        preset = serfor.load_preset()
        optional = {"optional": True}
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.CAPABILITY, tr("Land use capability (CUM) raster")))
        self.addParameter(QgsProcessingParameterMatrix(
            self.CAPABILITY_CODES, tr("Capability codes (raster code, CUM group A, C, P, F or X)"), numberRows=0,
            hasFixedNumberRows=False, headers=[tr("Raster code"), tr("CUM group")],
            defaultValue=serfor.capability_code_cells(serfor.load_cum_classes()), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LAND_COVER, tr("Land cover (current use)"), **optional))
        self.addParameter(QgsProcessingParameterMatrix(
            self.CONFLICT_MATRIX, tr("Land-use conflict matrix (0 not evaluated, 1 overuse, 2 proper use, 3 underuse)"),
            numberRows=0, hasFixedNumberRows=False, headers=[tr("Land cover class")] + list(serfor.GROUPS),
            defaultValue=serfor.conflict_matrix_cells(preset["conflict_matrix"]), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.DEM, tr("Elevation (DEM, metres)"), **optional))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CONSERVATION_AREAS, tr("Conservation areas (polygons)"), [compat.TYPE_VECTOR_POLYGON], **optional))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_DISTANCE, tr("Largest distance to conservation areas computed (m)"), type=compat.NUMBER_DOUBLE,
            defaultValue=float(preset["conservation_distance"]["max_distance_m"]), minValue=1.0))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LOSS_YEAR, tr("Forest loss year raster (0 = no loss)"), **optional))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LOSS_POINTS, tr("Forest loss points, instead of the raster"), [TYPE_VECTOR_POINT], **optional))
        self.addParameter(QgsProcessingParameterField(
            self.LOSS_POINTS_YEAR_FIELD, tr("Year field of the loss points"), parentLayerParameterName=self.LOSS_POINTS,
            type=compat.FIELD_ANY, optional=True))
        recent = preset["recent_deforestation"]
        self.addParameter(QgsProcessingParameterNumber(
            self.RECENT_YEARS, tr("Recent deforestation: last years counted (0 = every year)"),
            type=compat.NUMBER_INTEGER, defaultValue=int(recent["recent_years"]), minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(
            self.RADIUS, tr("Deforestation density search radius (m)"), type=compat.NUMBER_DOUBLE,
            defaultValue=float(recent["radius_m"]), minValue=1.0))
        rule = preset["degraded_forest_lands"]
        self.addParameter(QgsProcessingParameterString(
            self.FOREST_LAND_GROUPS, tr("Capability groups that are forest lands"),
            defaultValue=",".join(rule["capability_groups"])))
        self.addParameter(QgsProcessingParameterEnum(
            self.LOSS_PERIOD, tr("Forest loss that makes forest land degraded"), options=[tr(p) for p in LOSS_PERIODS],
            defaultValue=serfor.LOSS_PERIODS.index(rule["forest_loss_period"])))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALIGN, tr("Align inputs onto the capability raster's grid when they differ"), defaultValue=False))
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_CRITERIA, tr("SERFOR criteria (one band per criterion)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Degraded forest lands (SERFOR)")))
        self.add_table_output(tr("Degraded forest land table (hectares per zone and reason)"))
        self.add_dask_parameter()
        self.addOutput(QgsProcessingOutputString(self.CRITERIA_USED, tr("Criteria used")))
        for key, (_v, label, _c) in zip(self.REASON_KEYS, REASON_CLASSES):
            self.addOutput(QgsProcessingOutputNumber(key, tr("{label} (ha)").format(label=tr(label))))
        self.addOutput(QgsProcessingOutputNumber(self.DEGRADED_HA, tr("Degraded forest land area (ha)")))
        self.addOutput(QgsProcessingOutputNumber(self.NODATA_HA, tr("No data area (ha)")))

    def loss_points(self, parameters, context, feedback, grid, workdir):
        """Rasterize LOSS_POINTS onto the grid: (path, whether the years are known) or (None, True)."""
        source = self.parameterAsSource(parameters, self.LOSS_POINTS, context)
        if source is None:
            return None, True
        field = self.parameterAsString(parameters, self.LOSS_POINTS_YEAR_FIELD, context)
        if field and source.fields().lookupField(field) < 0:
            raise QgsProcessingException(tr("The loss points have no field '{field}'.").format(field=field))
        target = QgsCoordinateReferenceSystem.fromWkt(grid.crs_wkt)
        request = QgsFeatureRequest()
        if source.sourceCrs().isValid() and source.sourceCrs() != target:
            request.setDestinationCrs(target, context.transformContext())
        points, no_year = [], 0
        for feature in source.getFeatures(request):
            geom = feature.geometry()
            if geom is None or geom.isNull():
                continue
            year = 1
            if field:
                try:
                    year = int(float(feature[field]))
                except (TypeError, ValueError):
                    no_year += 1
                    continue
            points.append((bytes(geom.asWkb()), year))
        if no_year:
            feedback.pushWarning(tr("{n} loss points without a year were skipped.").format(n=no_year))
        if not points:
            raise QgsProcessingException(tr("The loss points layer has no point to use."))
        path = serfor.rasterize_points(points, grid, os.path.join(workdir, "loss_points.tif"))
        return path, bool(field)

    def compute(self, parameters, context, feedback, workdir):
        capability = self.raster_path(parameters, self.CAPABILITY, context)
        sources = {key: self.raster_path(parameters, key, context, required=False)
                   for key in (self.LAND_COVER, self.DEM, self.LOSS_YEAR)}
        if sources[self.LOSS_YEAR] and self.parameterAsSource(parameters, self.LOSS_POINTS, context) is not None:
            raise QgsProcessingException(tr("Give the forest loss either as a raster (LOSS_YEAR) or as points "
                                            "(LOSS_POINTS), not both."))
        codes = list(self.parameterAsMatrix(parameters, self.CAPABILITY_CODES, context))
        capability_codes = serfor.capability_codes_from_cells(codes) if codes else None
        cells = self.parameterAsMatrix(parameters, self.CONFLICT_MATRIX, context)
        matrix = serfor.conflict_matrix_from_cells(cells) if cells else None
        grid = grid_of(capability)
        self.align_inputs(parameters, context, sources, list(sources), grid, bilinear=(self.DEM,), feedback=feedback)
        loss, years_known = sources[self.LOSS_YEAR], True
        if loss is None:
            loss, years_known = self.loss_points(parameters, context, feedback, grid, workdir)
        conservation = None
        areas_source = self.parameterAsSource(parameters, self.CONSERVATION_AREAS, context)
        if areas_source is not None:
            conservation = polygons_in_crs(areas_source, grid.crs_wkt, context, feedback,
                                           tr("Conservation areas"))
        zones, labels = self.zones_for_grid(parameters, context, feedback, grid, workdir)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        criteria = self.parameterAsOutputLayer(parameters, self.OUTPUT_CRITERIA, context) or None
        progress, cancelled = self.callbacks(feedback, 0, 95)
        period = serfor.LOSS_PERIODS[self.parameterAsEnum(parameters, self.LOSS_PERIOD, context)]
        result = serfor.serfor_criteria(
            output, capability, criteria_output=criteria, capability_codes=capability_codes,
            land_cover=sources[self.LAND_COVER], conflict_matrix=matrix, dem=sources[self.DEM],
            conservation=conservation,
            loss_year=loss, loss_years_known=years_known,
            recent_years=self.parameterAsInt(parameters, self.RECENT_YEARS, context),
            radius_m=self.parameterAsDouble(parameters, self.RADIUS, context),
            forest_land_groups=self.parameterAsString(parameters, self.FOREST_LAND_GROUPS, context) or None,
            loss_period=period, zones=zones,
            max_distance=self.parameterAsDouble(parameters, self.MAX_DISTANCE, context),
            workdir=workdir, progress=progress, is_cancelled=cancelled)
        for template, params in result["notes"]:
            feedback.pushInfo(tr(template).format(**params))
        for template, params in result["warnings"]:
            feedback.pushWarning(tr(template).format(**params))
        used = ", ".join(tr(CRITERIA_LABELS[name]) for name in result["used"])
        feedback.pushInfo(tr("Criteria used: {used}.").format(used=used))
        classes = reason_classes()
        self.style_output(context, output, self.OUTPUT, classes, tr("Degraded forest lands (SERFOR)"))
        table, totals = self.class_area_table(parameters, context, feedback, result["areas"], classes, labels, grid,
                                              log_nodata=False)
        feedback.setProgress(100)
        out = {self.OUTPUT: output, self.OUTPUT_CRITERIA: criteria, self.OUTPUT_TABLE: table, self.CRITERIA_USED: used,
               self.DEGRADED_HA: sum(totals[r] for r in serfor.REASONS if r), self.NODATA_HA: totals[None]}
        out.update({key: totals[r] for key, r in zip(self.REASON_KEYS, serfor.REASONS)})
        return out
