"""t2restore:target2_indicator: the KM-GBF Target 2 headline indicator for Peru (issue 4).

Area under restoration inside degraded land over degraded land, per zone, ecosystem and gap, with
the distance to the 30 % target and to the national ProREST goal.
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsRectangle,
)

from .. import compat
from ..algorithms import geometry, target2
from ..algorithms.errors import N_
from ..translation import format_ha, tr
from . import _degraded_params, _outcome_filter, _vector, _zones, styles
from .base import T2Algorithm

INSIDE_CLASS = (target2.INSIDE, N_("Restoration inside degraded land"), "#1a9641")
OUTSIDE_CLASS = (target2.OUTSIDE, N_("Restoration outside degraded land"), "#fdae61")
LEVELS = {"national": N_("National"), "region": N_("Region"), "zone": N_("Zone"), "ecosystem": N_("Ecosystem"),
          "gap": N_("Gap")}
RASTER_METHOD = N_("WGS 84 ellipsoid (degraded land: pixel areas; restoration: the exact share of each pixel the "
                   "areas cover)")
DEFAULT_TARGET_HA = 330000.0  # ProREST national restoration goal (issue 4)
DEFAULT_TARGET_SHARE = 30.0   # KM-GBF Target 2: 30 % of degraded areas under effective restoration
PERU_EXTENT = QgsRectangle(-81.33, -18.35, -68.65, -0.04)  # longitude / latitude bounds of Peru


class Target2IndicatorAlgorithm(_degraded_params.DegradedLandNames, _outcome_filter.OutcomeNames, T2Algorithm):
    NAME = "target2_indicator"
    DISPLAY_NAME = N_("Target 2 indicator (area under restoration over degraded area)")
    GROUP_ID = "reporting"
    HELP = (
        N_("The headline indicator of Target 2 of the Kunming-Montreal Global Biodiversity Framework for Peru: "
           "the area under restoration inside degraded land divided by the degraded area, with the distance "
           "to the target share (default 30 %) and to the national goal in hectares (default 330,000 ha, "
           "ProREST). Per zone (e.g. department), ecosystem and gap, plus national totals."),
        N_("DEGRADED is the degraded baseline: polygons (all of them are degraded land) or a raster in which the "
           "pixels holding DEGRADED_VALUE are degraded (default -1, the degraded class of the T2 Restore "
           "degradation algorithm). With the status of ldn_status, DEGRADED_CLASSES lists the classes counted as "
           "degraded instead: 1,2,3 (degraded in the reporting period) or 1,2 (only land degrading now). "
           "RESTORATION_AREAS are the areas under restoration (a registry layer or any "
           "polygon layer); they are dissolved, so land under two overlapping initiatives counts once. "
           "Restoration outside degraded land is reported in its own column, not dropped."),
        N_("A Trends.Earth result feeds DEGRADED as it is: its multi-band GeoTIFF with the JSON file Trends.Earth "
           "wrote beside it, whose band 'SDG 15.3.1 Indicator' (-1 degraded) is picked by name. DEGRADED_BAND picks "
           "another band by number or by name ('SDG 15.3.1 Indicator (status)', or 'name @ 2019' when several "
           "bands share a name). Without the JSON, bands are picked by number (default 1) with a warning. Gap "
           "rasters from Trends.Earth are read the same way (their degraded pixels, -1, are the gap)."),
        N_("With polygons the overlay is exact (GEOS). With a raster the degraded area is the sum of the degraded "
           "pixels, each with its own area on the WGS 84 ellipsoid, and the restoration areas are never reduced "
           "to pixel centres: each pixel counts with the exact share of it the dissolved areas cover, so every "
           "registered hectare is counted once, inside or outside degraded land, at any pixel size (an area "
           "smaller than a pixel keeps its hectares). Every layer is reprojected to the CRS of DEGRADED; areas "
           "are hectares on the WGS 84 ellipsoid whatever the CRS."),
        N_("National or regional: by default the total row is national and is compared with the national goal "
           "TARGET_HA (330,000 ha, ProREST). For a region (e.g. one department), give AREA_NAME: the total row is "
           "labelled with that name and compared only with REGIONAL_TARGET_HA, when given. Zones are keyed by "
           "feature, or by ZONE_ID (e.g. UBIGEO), so zones that share a name stay separate rows."),
        N_("The table has one row per level: national, each zone, each ecosystem and each gap (plus the land "
           "outside every zone or ecosystem when there is any): degraded hectares, restoration inside and "
           "outside degraded land, the share, the hectares missing to the target share, and the row's "
           "contribution to the national goal; the national row also gives the hectares missing to that goal."),
        N_("Bad input: degraded land that is empty (no polygon, or no pixel with the degraded value) stops the "
           "run; no restoration area, or none on degraded land, gives a warning and a share of 0 %. Features "
           "without geometry are skipped and invalid geometries repaired, both counted in the log."),
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    RESTORATION_AREAS = "RESTORATION_AREAS"
    ECOSYSTEMS = "ECOSYSTEMS"
    ECOSYSTEM_FIELD = "ECOSYSTEM_FIELD"
    GAP_A = "GAP_A"
    NAME_A = "NAME_A"
    GAP_B = "GAP_B"
    NAME_B = "NAME_B"
    TARGET_HA = "TARGET_HA"
    AREA_NAME = "AREA_NAME"
    REGIONAL_TARGET_HA = "REGIONAL_TARGET_HA"
    TARGET_SHARE = "TARGET_SHARE"
    OUTPUT = "OUTPUT"
    OUTPUT_OUTSIDE = "OUTPUT_OUTSIDE"
    DEGRADED_HA = "DEGRADED_HA"
    RESTORATION_IN_DEGRADED_HA = "RESTORATION_IN_DEGRADED_HA"
    RESTORATION_OUTSIDE_HA = "RESTORATION_OUTSIDE_HA"
    SHARE_PCT = "SHARE_PCT"
    TO_SHARE_HA = "TO_SHARE_HA"
    TO_TARGET_HA = "TO_TARGET_HA"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        _degraded_params.add_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RESTORATION_AREAS, tr("Areas under restoration"), [compat.TYPE_VECTOR_POLYGON]))
        _outcome_filter.add_parameters(self, self.RESTORATION_AREAS)
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ECOSYSTEMS, tr("Ecosystems"), [compat.TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ECOSYSTEM_FIELD, tr("Ecosystem name field"), parentLayerParameterName=self.ECOSYSTEMS, optional=True))
        _vector.add_gap_parameters(self, optional=True)
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_HA, tr("National restoration goal (ha)"), compat.NUMBER_DOUBLE,
            defaultValue=DEFAULT_TARGET_HA, minValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.AREA_NAME, tr("Name of the region covered (empty: national, all of Peru)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.REGIONAL_TARGET_HA, tr("Regional restoration goal (ha), used with a region name"),
            compat.NUMBER_DOUBLE, optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_SHARE, tr("Target share of degraded land under restoration (%)"), compat.NUMBER_DOUBLE,
            defaultValue=DEFAULT_TARGET_SHARE, minValue=0, maxValue=100))
        _vector.add_polygon_sink(self, self.OUTPUT, tr("Restoration inside degraded land"))
        _vector.add_polygon_sink(self, self.OUTPUT_OUTSIDE, tr("Restoration outside degraded land"), optional=True,
                                 create=False)
        self.add_table_output(tr("Target 2 indicator table"))
        for key, label in ((self.DEGRADED_HA, N_("Degraded area (ha)")),
                           (self.RESTORATION_IN_DEGRADED_HA, N_("Restoration inside degraded land (ha)")),
                           (self.RESTORATION_OUTSIDE_HA, N_("Restoration outside degraded land (ha)")),
                           (self.SHARE_PCT, N_("Share of degraded land under restoration (%)")),
                           (self.TO_SHARE_HA, N_("Missing to the target share (ha)")),
                           (self.TO_TARGET_HA, N_("Missing to the national goal (ha)"))):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))

    def regions(self, parameters, context, reader, key, field_key, name):
        """[(label, polygon)] of an optional labelled polygon layer, or None."""
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            return None
        field = self.parameterAsString(parameters, field_key, context)
        if field and source.fields().lookupField(field) < 0:
            raise QgsProcessingException(tr("The layer {name} has no field '{field}'.").format(name=name, field=field))
        out = []
        for fid, polys, values, _f in reader.features(source, name, [field] if field else [], all_attributes=False):
            label = _vector.label_of(values[0]) if field else str(fid)
            out.extend((label, p) for p in polys)
        if not out:
            raise QgsProcessingException(tr("The layer {name} has no polygon to summarize by. Choose a layer "
                                            "with polygons or leave it empty.").format(name=name))
        return out

    def scope(self, parameters, context, feedback, layer):
        """(level of the total row, its name, goal in hectares or 0): national, or the region AREA_NAME."""
        area = (self.parameterAsString(parameters, self.AREA_NAME, context) or "").strip()
        if not area:
            _warn_if_regional(feedback, layer, context)
            return "national", tr("Total"), self.parameterAsDouble(parameters, self.TARGET_HA, context)
        given = parameters.get(self.REGIONAL_TARGET_HA) not in (None, "")
        goal = self.parameterAsDouble(parameters, self.REGIONAL_TARGET_HA, context) if given else 0.0
        if not goal:
            feedback.pushInfo(tr("Regional run ({area}): the total is not compared with the national goal; give "
                                 "REGIONAL_TARGET_HA to compare it with a regional goal.").format(area=area))
        return "region", area, goal

    def breakdowns(self, parameters, context, feedback, reader, crs, extent):
        """([[(label, polygon)]], [(level, gap name)]) of the zones, ecosystems and gaps given."""
        breakdowns, levels = [], []
        zones = _zones.zone_regions(self, parameters, context, feedback, reader, crs, extent, tr("the degraded land"))
        ecosystems = self.regions(parameters, context, reader, self.ECOSYSTEMS, self.ECOSYSTEM_FIELD, tr("Ecosystems"))
        for regions, level in ((zones, "zone"), (ecosystems, "ecosystem")):
            if regions is not None:
                breakdowns.append(regions)
                levels.append((level, None))
        for key, name_key, default in ((self.GAP_A, self.NAME_A, "MINAM"), (self.GAP_B, self.NAME_B, "SERFOR")):
            gap_name = self.parameterAsString(parameters, name_key, context).strip() or default
            polys, _disjoint = reader.layer_polygons(parameters, key, gap_name)
            if polys is None:
                continue
            if not polys:
                raise QgsProcessingException(tr("The gap layer {name} has no polygon: it is empty, or every "
                                                "geometry is null or has no area.").format(name=gap_name))
            breakdowns.append([(gap_name, p) for p in polys])
            levels.append(("gap", gap_name))
        return breakdowns, levels

    def overlay(self, parameters, context, feedback, reader, degraded_layer, restoration, breakdowns, crs, workdir):
        """(Target2Result, area method) from a degraded raster or degraded polygons."""
        progress, cancelled = self.callbacks(feedback, 10, 90)
        feedback.setProgress(10)
        if not isinstance(degraded_layer, QgsRasterLayer):
            degraded = reader.polygons(self.parameterAsSource(parameters, self.DEGRADED, context) or degraded_layer,
                                       tr("Degraded land"))
            if not degraded:
                raise QgsProcessingException(tr("The degraded land layer has no polygon: it is empty, or every "
                                                "geometry is null or has no area."))
            return target2.target2_vector(degraded, restoration, _vector.osr_of(crs), breakdowns,
                                          progress=progress, is_cancelled=cancelled), geometry.AREA_METHOD
        values = self.degraded_values(parameters, context)
        value = ", ".join(str(v) for v in values)
        path = _degraded_params.band_source(self, parameters, context, feedback, workdir)
        feedback.pushInfo(tr("Degraded land: pixels equal to {value}, each with its area on the WGS 84 ellipsoid "
                             "(zones, ecosystems and gaps by pixel centre). Restoration areas: counted exactly, "
                             "each pixel with the share of it the dissolved areas cover, so areas smaller than a "
                             "pixel keep their hectares.").format(value=value))
        result, _grid = target2.target2_raster(path, values, restoration, workdir, breakdowns,
                                               progress=progress, is_cancelled=cancelled)
        if result.rows[0][2] <= 0:
            raise QgsProcessingException(tr("The raster DEGRADED has no pixel with the degraded value {value}. "
                                            "Check DEGRADED_VALUE (the T2 Restore degradation output uses -1)."
                                            ).format(value=value))
        return result, RASTER_METHOD

    def degraded_values(self, parameters, context):
        """DEGRADED_CLASSES ('1,2,3', the status classes of ldn_status counted as degraded) when set, else
        [DEGRADED_VALUE]."""
        return _degraded_params.values(self, parameters, context)

    def compute(self, parameters, context, feedback, workdir):
        degraded_layer = self.parameterAsLayer(parameters, self.DEGRADED, context)
        if degraded_layer is None:
            raise QgsProcessingException(tr("The degraded land layer DEGRADED is missing or cannot be opened."))
        crs = _vector.working_crs([degraded_layer])
        feedback.pushInfo(tr("Working CRS: {crs}; areas on the WGS 84 ellipsoid.").format(crs=_vector.crs_label(crs)))
        reader = _vector.PolygonReader(self, context, feedback, crs, workdir)
        restoration_source = self.parameterAsSource(parameters, self.RESTORATION_AREAS, context)
        if restoration_source is None:
            raise QgsProcessingException(tr("The layer of areas under restoration is missing or cannot be opened."))
        restoration = reader.polygons(restoration_source, tr("Areas under restoration"))
        if not restoration:
            feedback.pushWarning(tr("There is no area under restoration (the layer is empty or has no polygon): "
                                    "the share is 0 %."))
        scope = self.scope(parameters, context, feedback, degraded_layer)
        breakdowns, levels = self.breakdowns(parameters, context, feedback, reader, crs, degraded_layer.extent())
        result, method = self.overlay(parameters, context, feedback, reader, degraded_layer, restoration,
                                      breakdowns, crs, workdir)
        share = self.parameterAsDouble(parameters, self.TARGET_SHARE, context)
        national = result.rows[0]
        if restoration and national[3] <= 0:
            feedback.pushWarning(tr("None of the areas under restoration lies on degraded land: the share is 0 %. "
                                    "Check that the layers cover the same region and that their coordinate "
                                    "reference systems are declared correctly."))
        figures = target2.indicator(national[2], national[3], share, scope[2])
        self.report(feedback, national, figures, share, scope)
        output = self.write_geometry(parameters, context, self.OUTPUT, result.inside, INSIDE_CLASS, crs)
        outside = self.write_geometry(parameters, context, self.OUTPUT_OUTSIDE, result.outside, OUTSIDE_CLASS, crs)
        table = self.write_table(parameters, context, result.rows, levels, share, scope, crs, method)
        recovering = self.recovering(parameters, context, feedback, reader, degraded_layer, restoration_source,
                                     crs, workdir, national[2])
        feedback.setProgress(100)
        return {**recovering, self.OUTPUT: output, self.OUTPUT_OUTSIDE: outside, self.OUTPUT_TABLE: table,
                self.DEGRADED_HA: national[2], self.RESTORATION_IN_DEGRADED_HA: national[3],
                self.RESTORATION_OUTSIDE_HA: national[4], self.SHARE_PCT: figures["share_pct"] or 0.0,
                self.TO_SHARE_HA: figures["to_share_ha"], self.TO_TARGET_HA: figures["to_target_ha"]}

    def recovering(self, parameters, context, feedback, reader, degraded_layer, source, crs, workdir, degraded_ha):
        """Beside all areas, the figures of only the areas restoration_outcomes found recovering (OUTCOMES)."""
        ids = _outcome_filter.recovering_ids(self, parameters, context)
        if ids is None:
            return {}
        polygons = _outcome_filter.recovering_polygons(self, parameters, context, reader, source, ids)
        inside = 0.0
        if polygons:
            result, _method = self.overlay(parameters, context, feedback, reader, degraded_layer, polygons, [], crs,
                                           workdir)
            inside = result.rows[0][3]
        return _outcome_filter.recovering_figures(feedback, degraded_ha, inside, len(ids))

    @staticmethod
    def report(feedback, national, figures, share, scope):
        level, area, target_ha = scope
        feedback.pushInfo(tr("Degraded land: {ha} ha").format(ha=format_ha(national[2])))
        feedback.pushInfo(tr("Restoration inside degraded land: {ha} ha ({pct:.2f} % of the degraded land; "
                             "target {target:g} %, missing {missing} ha)").format(
            ha=format_ha(national[3]), pct=figures["share_pct"] or 0.0, target=share,
            missing=format_ha(figures["to_share_ha"])))
        feedback.pushInfo(tr("Restoration outside degraded land: {ha} ha").format(ha=format_ha(national[4])))
        if target_ha and level == "national":
            feedback.pushInfo(tr("National goal {goal} ha: missing {missing} ha").format(
                goal=format_ha(target_ha, 0), missing=format_ha(figures["to_target_ha"])))
        elif target_ha:
            feedback.pushInfo(tr("Goal of {area}, {goal} ha: missing {missing} ha").format(
                area=area, goal=format_ha(target_ha, 0), missing=format_ha(figures["to_target_ha"])))

    def write_geometry(self, parameters, context, key, polygons, cls, crs):
        fields = QgsFields()
        for name, kind in (("class", "int"), ("class_name", "string"), ("hectares", "double")):
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, key, context, fields, compat.WKB_MULTIPOLYGON, crs)
        if sink is None:
            return None
        value, label, color = cls
        areas = geometry.AreaCalculator(_vector.osr_of(crs))(polygons) if polygons else []
        for poly, ha in zip(polygons, areas):
            _vector.add_feature(sink, fields, [value, tr(label), round(float(ha), 6)], poly)
        styles.style_vector_output(context, dest, "class", [(value, tr(label), color)], tr(label))
        return dest

    def write_table(self, parameters, context, rows, levels, share, scope, crs, method):
        fields = QgsFields()
        for name, kind in (("level", "string"), ("level_name", "string"), ("name", "string"),
                           ("degraded_ha", "double"), ("restoration_in_degraded_ha", "double"),
                           ("restoration_outside_degraded_ha", "double"), ("share_pct", "double"),
                           ("target_share_pct", "double"), ("to_share_ha", "double"), ("target_ha", "double"),
                           ("to_target_ha", "double"), ("target_contribution_pct", "double"),
                           ("input_crs", "string"), ("area_method", "string"), ("zone_id", "string")):
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            return None
        total_level, total_name, target_ha = scope
        outside = {"zone": tr("(outside every zone)"), "ecosystem": tr("(outside every ecosystem)")}
        for index, label, degraded, inside, out in rows:
            level, gap_name = (total_level, None) if index is None else levels[index]
            zone_id = None
            if index is None:
                name = total_name
            elif label == "":
                name = outside.get(level) or tr("(outside {gap})").format(gap=gap_name)
            elif isinstance(label, tuple):
                zone_id, name = label
            else:
                name = label
            figures = target2.indicator(degraded, inside, share, target_ha)
            total = index is None
            _vector.add_feature(sink, fields, [
                level, tr(LEVELS[level]), name, round(degraded, 6), round(inside, 6), round(out, 6),
                _round(figures["share_pct"]), share, round(figures["to_share_ha"], 6),
                (target_ha or None) if total else None, _round(figures["to_target_ha"]) if total else None,
                _round(figures["target_contribution_pct"]), _vector.crs_label(crs), tr(method), zone_id])
        return dest


def _warn_if_regional(feedback, layer, context):
    """Warn when a "national" run covers less than half of Peru's extent (a region labelled national)."""
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    try:
        box = QgsCoordinateTransform(layer.crs(), wgs84, context.transformContext()).transformBoundingBox(
            layer.extent())
    except QgsCsException:
        return
    covered = box.intersect(PERU_EXTENT)
    if covered.isEmpty() or covered.area() < 0.5 * PERU_EXTENT.area():
        feedback.pushWarning(tr(
            "DEGRADED covers only part of Peru, yet the total is reported as national and compared with the "
            "national goal. For a region, give its name in AREA_NAME (and its goal in REGIONAL_TARGET_HA)."))


def _round(value, digits=6):
    return None if value is None else round(value, digits)
