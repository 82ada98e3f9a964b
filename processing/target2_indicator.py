"""t2restore:target2_indicator: the KM-GBF Target 2 headline indicator for Peru (issue 4).

Area under restoration inside degraded land over degraded land, per zone, ecosystem and gap, with
the distance to the 30 % target and to the national ProREST goal.
"""

from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsRasterLayer,
)

from .. import compat
from ..algorithms import overlap
from ..algorithms.errors import N_
from ..translation import tr
from . import _vector
from .base import T2Algorithm

INSIDE_CLASS = (overlap.INSIDE, N_("Restoration inside degraded land"), "#1a9641")
OUTSIDE_CLASS = (overlap.OUTSIDE, N_("Restoration outside degraded land"), "#fdae61")
LEVELS = {"national": N_("National"), "zone": N_("Zone"), "ecosystem": N_("Ecosystem"), "gap": N_("Gap")}
RASTER_METHOD = N_("WGS 84 ellipsoid (pixel areas; restoration areas rasterized by pixel centre)")
DEFAULT_TARGET_HA = 330000.0  # ProREST national restoration goal (issue 4)
DEFAULT_TARGET_SHARE = 30.0   # KM-GBF Target 2: 30 % of degraded areas under effective restoration


class Target2IndicatorAlgorithm(T2Algorithm):
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
           "degradation algorithm). RESTORATION_AREAS are the areas under restoration (a registry layer or any "
           "polygon layer); they are dissolved, so land under two overlapping initiatives counts once. "
           "Restoration outside degraded land is reported in its own column, not dropped."),
        N_("With polygons the overlay is exact (GEOS). With a raster the restoration areas are rasterized onto "
           "its grid (a pixel counts when its centre lies inside) and every pixel counts with its own area on "
           "the WGS 84 ellipsoid; the output geometry then follows pixel edges. Every layer is reprojected to "
           "the CRS of DEGRADED; areas are hectares on the WGS 84 ellipsoid whatever the CRS."),
        N_("The table has one row per level: national, each zone, each ecosystem and each gap (plus the land "
           "outside every zone or ecosystem when there is any): degraded hectares, restoration inside and "
           "outside degraded land, the share, the hectares missing to the target share, and the row's "
           "contribution to the national goal; the national row also gives the hectares missing to that goal."),
        N_("Bad input: degraded land that is empty (no polygon, or no pixel with the degraded value) stops the "
           "run; no restoration area, or none on degraded land, gives a warning and a share of 0 %. Features "
           "without geometry are skipped and invalid geometries repaired, both counted in the log."),
    )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterMapLayer(
            "DEGRADED", tr("Degraded land (polygons, or a raster)"),
            types=[compat.TYPE_VECTOR_POLYGON, compat.TYPE_RASTER]))
        self.addParameter(QgsProcessingParameterNumber(
            "DEGRADED_VALUE", tr("Degraded value in a raster"), compat.NUMBER_INTEGER, defaultValue=-1))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "RESTORATION_AREAS", tr("Areas under restoration"), [compat.TYPE_VECTOR_POLYGON]))
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ECOSYSTEMS", tr("Ecosystems"), [compat.TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "ECOSYSTEM_FIELD", tr("Ecosystem name field"), parentLayerParameterName="ECOSYSTEMS", optional=True))
        _vector.add_gap_parameters(self, optional=True)
        self.addParameter(QgsProcessingParameterNumber(
            "TARGET_HA", tr("National restoration goal (ha)"), compat.NUMBER_DOUBLE,
            defaultValue=DEFAULT_TARGET_HA, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "TARGET_SHARE", tr("Target share of degraded land under restoration (%)"), compat.NUMBER_DOUBLE,
            defaultValue=DEFAULT_TARGET_SHARE, minValue=0, maxValue=100))
        _vector.add_polygon_sink(self, "OUTPUT", tr("Restoration inside degraded land"))
        _vector.add_polygon_sink(self, "OUTPUT_OUTSIDE", tr("Restoration outside degraded land"), optional=True,
                                 create=False)
        self.add_table_output(tr("Target 2 indicator table"))
        for key, label in (("DEGRADED_HA", N_("Degraded area (ha)")),
                           ("RESTORATION_IN_DEGRADED_HA", N_("Restoration inside degraded land (ha)")),
                           ("RESTORATION_OUTSIDE_HA", N_("Restoration outside degraded land (ha)")),
                           ("SHARE_PCT", N_("Share of degraded land under restoration (%)")),
                           ("TO_SHARE_HA", N_("Missing to the target share (ha)")),
                           ("TO_TARGET_HA", N_("Missing to the national goal (ha)"))):
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

    def compute(self, parameters, context, feedback, workdir):
        degraded_layer = self.parameterAsLayer(parameters, "DEGRADED", context)
        if degraded_layer is None:
            raise QgsProcessingException(tr("The degraded land layer DEGRADED is missing or cannot be opened."))
        crs = _vector.working_crs([degraded_layer])
        feedback.pushInfo(tr("Working CRS: {crs}; areas on the WGS 84 ellipsoid.").format(crs=_vector.crs_label(crs)))
        reader = _vector.PolygonReader(self, context, feedback, crs, workdir)
        restoration_source = self.parameterAsSource(parameters, "RESTORATION_AREAS", context)
        if restoration_source is None:
            raise QgsProcessingException(tr("The layer of areas under restoration is missing or cannot be opened."))
        restoration = reader.polygons(restoration_source, tr("Areas under restoration"))
        if not restoration:
            feedback.pushWarning(tr("There is no area under restoration (the layer is empty or has no polygon): "
                                    "the share is 0 %."))
        breakdowns, levels = [], []
        for key, field_key, level, name in (("ZONES", "ZONE_FIELD", "zone", tr("Zones")),
                                            ("ECOSYSTEMS", "ECOSYSTEM_FIELD", "ecosystem", tr("Ecosystems"))):
            regions = self.regions(parameters, context, reader, key, field_key, name)
            if regions is not None:
                breakdowns.append(regions)
                levels.append((level, None))
        for key, name_key, default in (("GAP_A", "NAME_A", "MINAM"), ("GAP_B", "NAME_B", "SERFOR")):
            gap_name = self.parameterAsString(parameters, name_key, context).strip() or default
            polys, _disjoint = reader.layer_polygons(parameters, key, gap_name)
            if polys is None:
                continue
            if not polys:
                raise QgsProcessingException(tr("The gap layer {name} has no polygon: it is empty, or every "
                                                "geometry is null or has no area.").format(name=gap_name))
            breakdowns.append([(gap_name, p) for p in polys])
            levels.append(("gap", gap_name))
        progress, cancelled = self.callbacks(feedback, 10, 90)
        feedback.setProgress(10)
        method = overlap.AREA_METHOD
        if isinstance(degraded_layer, QgsRasterLayer):
            method = RASTER_METHOD
            value = self.parameterAsInt(parameters, "DEGRADED_VALUE", context)
            path = self.raster_path(parameters, "DEGRADED", context)
            feedback.pushInfo(tr("Degraded land: pixels equal to {value}; the restoration areas are rasterized "
                                 "onto the raster's grid (pixel centres).").format(value=value))
            result, _grid = overlap.target2_raster(path, [value], restoration, workdir, breakdowns,
                                                   progress=progress, is_cancelled=cancelled)
            if result.rows[0][2] <= 0:
                raise QgsProcessingException(tr("The raster DEGRADED has no pixel with the degraded value {value}. "
                                                "Check DEGRADED_VALUE (the T2 Restore degradation output uses -1)."
                                                ).format(value=value))
        else:
            degraded = reader.polygons(self.parameterAsSource(parameters, "DEGRADED", context) or degraded_layer,
                                       tr("Degraded land"))
            if not degraded:
                raise QgsProcessingException(tr("The degraded land layer has no polygon: it is empty, or every "
                                                "geometry is null or has no area."))
            result = overlap.target2_vector(degraded, restoration, _vector.osr_of(crs), breakdowns,
                                            progress=progress, is_cancelled=cancelled)
        target_ha = self.parameterAsDouble(parameters, "TARGET_HA", context)
        share = self.parameterAsDouble(parameters, "TARGET_SHARE", context)
        national = result.rows[0]
        if restoration and national[3] <= 0:
            feedback.pushWarning(tr("None of the areas under restoration lies on degraded land: the share is 0 %. "
                                    "Check that the layers cover the same region and that their coordinate "
                                    "reference systems are declared correctly."))
        figures = overlap.indicator(national[2], national[3], share, target_ha)
        self.report(feedback, national, figures, share, target_ha)
        output = self.write_geometry(parameters, context, "OUTPUT", result.inside, INSIDE_CLASS, crs)
        outside = self.write_geometry(parameters, context, "OUTPUT_OUTSIDE", result.outside, OUTSIDE_CLASS, crs)
        table = self.write_table(parameters, context, result.rows, levels, share, target_ha, crs, method)
        feedback.setProgress(100)
        return {"OUTPUT": output, "OUTPUT_OUTSIDE": outside, "OUTPUT_TABLE": table,
                "DEGRADED_HA": national[2], "RESTORATION_IN_DEGRADED_HA": national[3],
                "RESTORATION_OUTSIDE_HA": national[4], "SHARE_PCT": figures["share_pct"] or 0.0,
                "TO_SHARE_HA": figures["to_share_ha"], "TO_TARGET_HA": figures["to_target_ha"]}

    @staticmethod
    def report(feedback, national, figures, share, target_ha):
        feedback.pushInfo(tr("Degraded land: {ha:,.2f} ha").format(ha=national[2]))
        feedback.pushInfo(tr("Restoration inside degraded land: {ha:,.2f} ha ({pct:.2f} % of the degraded land; "
                             "target {target:g} %, missing {missing:,.2f} ha)").format(
            ha=national[3], pct=figures["share_pct"] or 0.0, target=share, missing=figures["to_share_ha"]))
        feedback.pushInfo(tr("Restoration outside degraded land: {ha:,.2f} ha").format(ha=national[4]))
        if target_ha:
            feedback.pushInfo(tr("National goal {goal:,.0f} ha: missing {missing:,.2f} ha").format(
                goal=target_ha, missing=figures["to_target_ha"]))

    def write_geometry(self, parameters, context, key, polygons, cls, crs):
        fields = QgsFields()
        for name, kind in (("class", "int"), ("class_name", "string"), ("hectares", "double")):
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, key, context, fields, compat.WKB_MULTIPOLYGON, crs)
        if sink is None:
            return None
        value, label, color = cls
        areas = overlap.AreaCalculator(_vector.osr_of(crs))(polygons) if polygons else []
        for poly, ha in zip(polygons, areas):
            _vector.add_feature(sink, fields, [value, tr(label), round(float(ha), 6)], poly)
        _vector.style_vector_output(context, dest, "class", [(value, tr(label), color)], tr(label))
        return dest

    def write_table(self, parameters, context, rows, levels, share, target_ha, crs, method):
        fields = QgsFields()
        for name, kind in (("level", "string"), ("level_name", "string"), ("name", "string"),
                           ("degraded_ha", "double"), ("restoration_in_degraded_ha", "double"),
                           ("restoration_outside_degraded_ha", "double"), ("share_pct", "double"),
                           ("target_share_pct", "double"), ("to_share_ha", "double"), ("target_ha", "double"),
                           ("to_target_ha", "double"), ("target_contribution_pct", "double"),
                           ("input_crs", "string"), ("area_method", "string")):
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_TABLE", context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            return None
        outside = {"zone": tr("(outside every zone)"), "ecosystem": tr("(outside every ecosystem)")}
        for index, label, degraded, inside, out in rows:
            level, gap_name = ("national", None) if index is None else levels[index]
            if index is None:
                name = tr("Total")
            elif label == "":
                name = outside.get(level) or tr("(outside {gap})").format(gap=gap_name)
            else:
                name = label
            figures = overlap.indicator(degraded, inside, share, target_ha)
            national = index is None
            _vector.add_feature(sink, fields, [
                level, tr(LEVELS[level]), name, round(degraded, 6), round(inside, 6), round(out, 6),
                _round(figures["share_pct"]), share, round(figures["to_share_ha"], 6),
                target_ha if national else None, _round(figures["to_target_ha"]) if national else None,
                _round(figures["target_contribution_pct"]), _vector.crs_label(crs), tr(method)])
        return dest


def _round(value, digits=6):
    return None if value is None else round(value, digits)
