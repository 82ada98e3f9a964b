"""t2restore:gap_overlap: where the MINAM recovery gap and the SERFOR restoration gap overlap (issue 4)."""

from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingUtils,
)

from .. import compat
from ..algorithms import overlap
from ..algorithms.errors import N_
from ..translation import tr
from . import _vector
from .base import T2Algorithm

COLORS = {overlap.ONLY_A: "#1f78b4", overlap.ONLY_B: "#33a02c", overlap.BOTH: "#e31a1c"}
FLAG_CLASSES = [(0, N_("No double counting"), "#bdbdbd"), (1, N_("Overlaps another initiative"), "#fdae61"),
                (2, N_("Counts toward both gaps"), "#abd9e9"), (3, N_("Both kinds of double counting"), "#d7191c")]
INITIATIVE_FIELDS = (("ha_total", "double"), ("ha_in_a", "double"), ("ha_in_b", "double"), ("ha_both", "double"),
                     ("ha_neither", "double"), ("ha_protected", "double"), ("overlap_ha", "double"),
                     ("overlaps_with", "string"), ("overlaps_other", "int"), ("counts_both", "int"),
                     ("double_count", "int"))


def class_names(name_a, name_b):
    """{class: translated name} of the partition, with the gaps' names."""
    return {overlap.ONLY_A: tr("Only {name}").format(name=name_a),
            overlap.ONLY_B: tr("Only {name}").format(name=name_b),
            overlap.BOTH: tr("{a} and {b}").format(a=name_a, b=name_b)}


class GapOverlapAlgorithm(T2Algorithm):
    NAME = "gap_overlap"
    DISPLAY_NAME = N_("Overlap of the two national restoration gaps")
    GROUP_ID = "gaps"
    HELP = (
        N_("Where the MINAM ecosystem recovery gap (gap A) and the SERFOR restoration gap (gap B) overlap: the "
           "land of the two gaps is cut into three classes, only in gap A (1), only in gap B (2) and in both (3), "
           "a valid partition without overlaps, each polygon with its hectares on the WGS 84 ellipsoid. Land "
           "in both gaps is where the two sectors risk planning or counting the same restoration twice."),
        N_("Each gap is a polygon layer or a raster mask: every pixel that is not 0 and not nodata is in the gap, "
           "and the mask is turned into polygons along pixel edges. The polygons of each gap are repaired "
           "(invalid geometries, such as self-intersecting rings, are fixed with GEOS MakeValid and counted in "
           "the log), multi-part features are split into their parts, and each gap is dissolved so that land "
           "covered twice inside one gap counts once. Features without geometry are skipped and counted."),
        N_("Every layer is reprojected to the CRS of gap A (or of gap B when gap A has none), including layers in "
           "PSAD56 UTM zones (EPSG:24877 to 24879) with the datum transformation QGIS chooses. Areas are "
           "hectares on the WGS 84 ellipsoid whatever the CRS. Very large polygons are cut into quadrants "
           "before the overlay so that it stays fast; those cut lines show in the output but change no area."),
        N_("Outputs: the partition (styled, with the gaps' names); a table of hectares per zone (optional "
           "ZONES, e.g. departments) and class, also inside and outside the optional PROTECTED_AREAS (e.g. "
           "SERNANP's); and, when INITIATIVES are given, each initiative with its hectares in A, in B, in both, "
           "in neither and in protected areas, and two double-counting flags: it overlaps another initiative "
           "(by at least 1 m2), or it counts toward both gaps."),
        N_("Bad input: an empty gap layer (no polygon with an area, or a raster mask without gap pixels) stops the "
           "run naming the layer. Two gaps that do not overlap at all are not an error: the run warns and the "
           "class 'both' has 0 ha. Zones are expected not to overlap each other; land outside every zone has "
           "its own row."),
    )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        _vector.add_gap_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PROTECTED_AREAS", tr("Protected areas (e.g. SERNANP)"), [compat.TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INITIATIVES", tr("Restoration initiatives (areas)"), [compat.TYPE_VECTOR_POLYGON], optional=True))
        self.add_zone_parameters()
        _vector.add_polygon_sink(self, "OUTPUT", tr("Gap overlap (only A, only B, both)"))
        self.add_table_output(tr("Gap overlap table (hectares per zone and class)"))
        _vector.add_polygon_sink(self, "OUTPUT_INITIATIVES", tr("Initiatives in the gaps"), optional=True)
        for key, label in (("ONLY_A_HA", N_("Area only in gap A (ha)")), ("ONLY_B_HA", N_("Area only in gap B (ha)")),
                           ("BOTH_HA", N_("Area in both gaps (ha)"))):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))

    def compute(self, parameters, context, feedback, workdir):
        name_a = self.parameterAsString(parameters, "NAME_A", context).strip() or "MINAM"
        name_b = self.parameterAsString(parameters, "NAME_B", context).strip() or "SERFOR"
        layers = [self.parameterAsLayer(parameters, key, context) for key in ("GAP_A", "GAP_B")]
        if None in layers:
            raise QgsProcessingException(tr("Give both gap layers, GAP_A and GAP_B."))
        crs = _vector.working_crs(layers)
        feedback.pushInfo(tr("Working CRS: {crs}; areas on the WGS 84 ellipsoid.").format(crs=_vector.crs_label(crs)))
        reader = _vector.PolygonReader(self, context, feedback, crs, workdir)
        gap_a, a_disjoint = reader.layer_polygons(parameters, "GAP_A", name_a)
        gap_b, b_disjoint = reader.layer_polygons(parameters, "GAP_B", name_b)
        protected_source = self.parameterAsSource(parameters, "PROTECTED_AREAS", context)
        protected = reader.polygons(protected_source, tr("Protected areas")) if protected_source else None
        zones = self.zone_regions(parameters, context, reader)
        init_source = self.parameterAsSource(parameters, "INITIATIVES", context)
        initiatives = reader.features(init_source, tr("Initiatives")) if init_source else None
        feedback.setProgress(10)
        progress, cancelled = self.callbacks(feedback, 10, 90)
        result = overlap.gap_overlap(
            gap_a, gap_b, _vector.osr_of(crs), protected=protected, zones=zones,
            initiatives=[polys for _fid, polys, _v, _f in initiatives] if initiatives is not None else None,
            progress=progress, is_cancelled=cancelled, a_disjoint=a_disjoint, b_disjoint=b_disjoint)
        names = class_names(name_a, name_b)
        self.report(feedback, result.totals, names, name_a, name_b)
        output = self.write_partition(parameters, context, result, names, crs)
        table = self.write_table(parameters, context, result.table, names, protected is not None, name_a, name_b, crs)
        init_out = None
        if initiatives is not None:
            init_out = self.write_initiatives(parameters, context, init_source, initiatives, result.initiatives, crs)
        feedback.setProgress(100)
        return {"OUTPUT": output, "OUTPUT_TABLE": table, "OUTPUT_INITIATIVES": init_out,
                "ONLY_A_HA": result.totals[overlap.ONLY_A], "ONLY_B_HA": result.totals[overlap.ONLY_B],
                "BOTH_HA": result.totals[overlap.BOTH]}

    def zone_regions(self, parameters, context, reader):
        source = self.parameterAsSource(parameters, "ZONES", context)
        if source is None:
            return None
        field = self.parameterAsString(parameters, "ZONE_FIELD", context)
        if field and source.fields().lookupField(field) < 0:
            raise QgsProcessingException(tr("The zones layer has no field '{field}'.").format(field=field))
        regions = []
        wanted = [field] if field else []
        for fid, polys, values, _f in reader.features(source, tr("Zones"), wanted, all_attributes=False):
            label = _vector.label_of(values[0]) if field else str(fid)
            regions.extend((label, p) for p in polys)
        if not regions:
            raise QgsProcessingException(tr("The zones layer has no polygon to summarize by. "
                                            "Choose a layer with polygons or leave ZONES empty."))
        return regions

    @staticmethod
    def report(feedback, totals, names, name_a, name_b):
        for cls in (overlap.ONLY_A, overlap.ONLY_B, overlap.BOTH):
            feedback.pushInfo(tr("{label}: {ha:,.2f} ha").format(label=names[cls], ha=totals[cls]))
        if totals[overlap.BOTH] <= 0:
            feedback.pushWarning(tr("The gaps {a} and {b} do not overlap at all: the area in both is 0 ha. If they "
                                    "should overlap, check that both layers cover the same region and that their "
                                    "coordinate reference systems are declared correctly.").format(a=name_a, b=name_b))
        else:
            in_a = totals[overlap.ONLY_A] + totals[overlap.BOTH]
            in_b = totals[overlap.ONLY_B] + totals[overlap.BOTH]
            feedback.pushInfo(tr("The overlap is {pa:.1f} % of {a} and {pb:.1f} % of {b}.").format(
                pa=100 * totals[overlap.BOTH] / in_a, a=name_a, pb=100 * totals[overlap.BOTH] / in_b, b=name_b))

    def write_partition(self, parameters, context, result, names, crs):
        fields = QgsFields()
        for name, kind in (("class", "int"), ("class_name", "string"), ("hectares", "double")):
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, compat.WKB_MULTIPOLYGON, crs)
        if sink is None:
            return None
        for (cls, geom), ha in zip(result.pieces, result.areas):
            _vector.add_feature(sink, fields, [cls, names[cls], round(float(ha), 6)], geom)
        classes = [(cls, names[cls], COLORS[cls]) for cls in (overlap.ONLY_A, overlap.ONLY_B, overlap.BOTH)]
        _vector.style_vector_output(context, dest, "class", classes, tr("Gap overlap"))
        return dest

    def write_table(self, parameters, context, rows, names, with_protected, name_a, name_b, crs):
        fields = QgsFields()
        for name, kind in (("zone", "string"), ("class", "int"), ("class_name", "string"), ("hectares", "double"),
                           ("protected_ha", "double"), ("unprotected_ha", "double"), ("percent", "double"),
                           ("gap_a", "string"), ("gap_b", "string"), ("input_crs", "string"),
                           ("area_method", "string")):
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_TABLE", context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            return None
        cells = {(label, cls): (ha, pha) for label, cls, ha, pha in rows}
        labels = [None] + sorted({label for label, _c, _h, _p in rows if label}) + (
            [""] if any(label == "" for label, _c, _h, _p in rows) else [])
        shown = {None: tr("(all)"), "": tr("(outside every zone)")}
        for label in labels:
            total = sum(cells.get((label, c), (0.0, 0.0))[0] for c in names)
            for cls in (overlap.ONLY_A, overlap.ONLY_B, overlap.BOTH):
                ha, pha = cells.get((label, cls), (0.0, 0.0))
                _vector.add_feature(sink, fields, [
                    shown.get(label, label), cls, names[cls], round(ha, 6),
                    round(pha, 6) if with_protected else None, round(ha - pha, 6) if with_protected else None,
                    round(100.0 * ha / total, 4) if total else 0.0, name_a, name_b, _vector.crs_label(crs),
                    tr(overlap.AREA_METHOD)])
        return dest

    def write_initiatives(self, parameters, context, source, features, rows, crs):
        extra = QgsFields()
        for name, kind in INITIATIVE_FIELDS:
            extra.append(compat.field(name, kind))
        fields = QgsProcessingUtils.combineFields(source.fields(), extra)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_INITIATIVES", context, fields,
                                          compat.WKB_MULTIPOLYGON, crs)
        if sink is None:
            return None
        fids = [fid for fid, _p, _v, _f in features]
        for (_fid, _polys, _values, feature), row in zip(features, rows):
            attrs = list(feature.attributes())
            if row is None:
                _vector.add_feature(sink, fields, attrs + [None] * len(INITIATIVE_FIELDS))
                continue
            flag = (1 if row["overlaps_other"] else 0) + (2 if row["counts_both"] else 0)
            values = [round(float(row[k]), 6) for k in ("ha", "ha_a", "ha_b", "ha_both", "ha_neither", "ha_protected",
                                                         "overlap_ha")]
            values += [", ".join(str(fids[i]) for i in row["overlaps_with"]), int(row["overlaps_other"]),
                       int(row["counts_both"]), flag]
            _vector.add_feature(sink, fields, attrs + values, row["geometry"])
        classes = [(v, tr(label), color) for v, label, color in FLAG_CLASSES]
        _vector.style_vector_output(context, dest, "double_count", classes, tr("Initiatives in the gaps"))
        return dest
