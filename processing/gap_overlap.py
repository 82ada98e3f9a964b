"""t2restore:gap_overlap: where the MINAM recovery gap and the SERFOR restoration gap overlap (issue 4)."""

import json

from qgis.core import (
    QgsDataSourceUri,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from .. import compat
from ..algorithms import overlap
from ..algorithms.errors import N_
from ..registry import gap_writeback, pg_connect, schema
from ..registry.store import open_registry
from ..translation import tr
from . import _vector, _zones, styles
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
           "and the mask is turned into polygons along pixel edges, in strips of 4,096 rows computed on every "
           "core (the strip edges show as cut lines; they change no area). The polygons of each gap are repaired "
           "(invalid geometries, such as self-intersecting rings, are fixed with GEOS MakeValid and counted in "
           "the log), multi-part features are split into their parts, and each gap is dissolved so that land "
           "covered twice inside one gap counts once. Features without geometry are skipped and counted."),
        N_("A Trends.Earth result is a raster mask as it is: with the JSON file Trends.Earth wrote beside its "
           "multi-band GeoTIFF, the band 'SDG 15.3.1 Indicator' is picked by name and its degraded pixels (-1) are "
           "the gap (improved land, +1, is not). Without the JSON, band 1 is read, with a warning when the file "
           "has several bands."),
        N_("GAP_A_VALUES and GAP_B_VALUES choose which pixel values of a raster gap are in the gap ('1,2,3', "
           "'1-3'), instead of every non-zero pixel. With the status of ldn_status (7 classes) the degraded land of "
           "the latest reporting period is '1,2,3' (persistent, recent and baseline degradation, as the UNCCD "
           "Good Practice Guidance addendum counts it), or '1,2' for only the land degrading now; with its "
           "simplified status, '-1'. A raster without any pixel of those values stops the run."),
        N_("Every layer is reprojected to the CRS of gap A (or of gap B when gap A has none), including layers in "
           "PSAD56 UTM zones (EPSG:24877 to 24879) with the datum transformation QGIS chooses. Areas are "
           "hectares on the WGS 84 ellipsoid whatever the CRS. Very large polygons are cut into quadrants "
           "before the overlay so that it stays fast; those cut lines show in the output but change no area."),
        N_("Outputs: the partition (styled, with the gaps' names); a table of hectares per zone (optional "
           "ZONES, e.g. departments) and class, also inside and outside the optional PROTECTED_AREAS (e.g. "
           "SERNANP's); and, when INITIATIVES are given, each initiative with its hectares in A, in B, in both, "
           "in neither and in protected areas, and two double-counting flags: it overlaps another initiative "
           "(by at least 1 m2), or it counts toward both gaps."),
        N_("WRITE_TO_REGISTRY: when INITIATIVES is the restoration areas layer of a T2 Restore registry, the "
           "national gap of each area (MINAM only, SERFOR only, both, none: gap A is taken as MINAM's and gap B "
           "as SERFOR's; at least 1 m2 inside a gap counts) and the names of the protected areas it lies in "
           "(field PROTECTED_NAME_FIELD of PROTECTED_AREAS) are written into the registry, all areas in one "
           "transaction. Without PROTECTED_AREAS the protected area of each area is left as it was."),
        N_("The registry may be a GeoPackage (<registry>.gpkg|layername=restoration_areas) or a shared PostGIS "
           "registry: its layer t2restore.restoration_areas, opened from a saved PostgreSQL connection (the user "
           "name and password come from QGIS's authentication database) or, with qgis_process, given as "
           "postgres://dbname=... table=\"t2restore\".\"restoration_areas\" (geom)."),
        N_("Bad input: an empty gap layer (no polygon with an area, or a raster mask without gap pixels) stops the "
           "run naming the layer. Two gaps that do not overlap at all are not an error: the run warns and the "
           "class 'both' has 0 ha. Zones are expected not to overlap each other; land outside every zone has "
           "its own row."),
    )

    # Parameter and output names, used in initAlgorithm, compute and the tests
    GAP_A = "GAP_A"
    NAME_A = "NAME_A"
    GAP_B = "GAP_B"
    NAME_B = "NAME_B"
    GAP_A_VALUES = "GAP_A_VALUES"
    GAP_B_VALUES = "GAP_B_VALUES"
    PROTECTED_AREAS = "PROTECTED_AREAS"
    INITIATIVES = "INITIATIVES"
    PROTECTED_NAME_FIELD = "PROTECTED_NAME_FIELD"
    WRITE_TO_REGISTRY = "WRITE_TO_REGISTRY"
    OUTPUT = "OUTPUT"
    OUTPUT_INITIATIVES = "OUTPUT_INITIATIVES"
    ONLY_A_HA = "ONLY_A_HA"
    ONLY_B_HA = "ONLY_B_HA"
    BOTH_HA = "BOTH_HA"
    AREAS_WRITTEN = "AREAS_WRITTEN"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        _vector.add_gap_parameters(self, values=True)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PROTECTED_AREAS, tr("Protected areas (e.g. SERNANP)"), [compat.TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INITIATIVES, tr("Restoration initiatives (areas)"), [compat.TYPE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.PROTECTED_NAME_FIELD, tr("Name field of the protected areas"),
            parentLayerParameterName=self.PROTECTED_AREAS, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.WRITE_TO_REGISTRY, tr("Write the gap and protected area of each area into the registry (INITIATIVES "
                                    "must be a registry)"), defaultValue=False))
        self.add_zone_parameters()
        _vector.add_polygon_sink(self, self.OUTPUT, tr("Gap overlap (only A, only B, both)"))
        self.add_table_output(tr("Gap overlap table (hectares per zone and class)"))
        _vector.add_polygon_sink(self, self.OUTPUT_INITIATIVES, tr("Initiatives in the gaps"), optional=True)
        for key, label in ((self.ONLY_A_HA, N_("Area only in gap A (ha)")),
                           (self.ONLY_B_HA, N_("Area only in gap B (ha)")),
                           (self.BOTH_HA, N_("Area in both gaps (ha)")),
                           (self.AREAS_WRITTEN, N_("Registry areas whose gap or protected area changed"))):
            self.addOutput(QgsProcessingOutputNumber(key, tr(label)))

    def compute(self, parameters, context, feedback, workdir):
        name_a = self.parameterAsString(parameters, self.NAME_A, context).strip() or "MINAM"
        name_b = self.parameterAsString(parameters, self.NAME_B, context).strip() or "SERFOR"
        layers = [self.parameterAsLayer(parameters, key, context) for key in (self.GAP_A, self.GAP_B)]
        if None in layers:
            raise QgsProcessingException(tr("Give both gap layers, GAP_A and GAP_B."))
        crs = _vector.working_crs(layers)
        feedback.pushInfo(tr("Working CRS: {crs}; areas on the WGS 84 ellipsoid.").format(crs=_vector.crs_label(crs)))
        reader = _vector.PolygonReader(self, context, feedback, crs, workdir)
        gap_a, a_disjoint = reader.layer_polygons(parameters, self.GAP_A, name_a, self.GAP_A_VALUES)
        gap_b, b_disjoint = reader.layer_polygons(parameters, self.GAP_B, name_b, self.GAP_B_VALUES)
        protected_source = self.parameterAsSource(parameters, self.PROTECTED_AREAS, context)
        protected = reader.polygons(protected_source, tr("Protected areas")) if protected_source else None
        zones = _zones.zone_regions(self, parameters, context, feedback, reader, crs,
                                    _zones.envelope((gap_a or []) + (gap_b or [])), tr("the gaps"))
        init_source = self.parameterAsSource(parameters, self.INITIATIVES, context)
        registry = self.registry_target(parameters, context)
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
        written = None
        if registry is not None:
            written = self.write_back(parameters, context, feedback, reader, registry, initiatives,
                                      result.initiatives)
        feedback.setProgress(100)
        return {self.OUTPUT: output, self.OUTPUT_TABLE: table, self.OUTPUT_INITIATIVES: init_out,
                self.AREAS_WRITTEN: written,
                self.ONLY_A_HA: result.totals[overlap.ONLY_A], self.ONLY_B_HA: result.totals[overlap.ONLY_B],
                self.BOTH_HA: result.totals[overlap.BOTH]}

    def registry_target(self, parameters, context):
        """The registry file INITIATIVES comes from when WRITE_TO_REGISTRY is set (refused otherwise)."""
        if not self.parameterAsBoolean(parameters, self.WRITE_TO_REGISTRY, context):
            return None
        layer = self.parameterAsVectorLayer(parameters, self.INITIATIVES, context)
        path = registry_path_of(layer)
        if path is None:
            raise QgsProcessingException(tr(
                "WRITE_TO_REGISTRY needs INITIATIVES to be the restoration areas layer of a T2 Restore registry "
                "(<registry>.gpkg|layername=restoration_areas). Choose the registry's layer, or turn "
                "WRITE_TO_REGISTRY off."))
        return path

    def protected_index(self, parameters, context, reader):
        """Named protected areas for the write-back, or None without PROTECTED_AREAS."""
        source = self.parameterAsSource(parameters, self.PROTECTED_AREAS, context)
        if source is None:
            return None
        field = (self.parameterAsString(parameters, self.PROTECTED_NAME_FIELD, context)
                 or guess_name_field(source.fields()))
        if not field:
            raise QgsProcessingException(tr(
                "Choose the field of PROTECTED_AREAS that holds the protected area's name (PROTECTED_NAME_FIELD): "
                "it is written into the registry."))
        named = [(_vector.label_of(values[0]), polys)
                 for _fid, polys, values, _f in reader.features(source, tr("Protected areas"), [field], False)]
        return gap_writeback.ProtectedAreaIndex(named)

    def write_back(self, parameters, context, feedback, reader, registry, features, rows):
        """Write the gap code and protected areas of every registry area, in one transaction."""
        protected = self.protected_index(parameters, context, reader)
        results, counts = {}, {}
        for (_fid, polys, _values, feature), row in zip(features, rows):
            if row is None:
                continue
            gap = gap_writeback.gap_code(row["ha_a"], row["ha_b"])
            counts[gap] = counts.get(gap, 0) + 1
            uuid = feature["uuid"]
            if protected is not None:
                text = gap_writeback.protected_text(protected.names(polys))
            else:
                text = feature["protected_area"] or ""
            results[uuid] = (gap, text)
        with open_registry(registry) as store:
            changed, missing = store.set_area_gaps(results)
            skipped = store.skipped_notice(N_("gap results"))  # a PostGIS editor: others' rows left alone
        feedback.pushInfo(tr("Registry {path}: {changed} of {total} areas changed (gap MINAM only {minam}, SERFOR "
                             "only {serfor}, both {both}, none {none}).").format(
            path=registry_label(registry), changed=changed, total=len(results), minam=counts.get("MINAM", 0),
            serfor=counts.get("SERFOR", 0), both=counts.get("BOTH", 0), none=counts.get("NONE", 0)))
        if missing:
            feedback.pushWarning(tr("{count} areas of INITIATIVES are no longer in the registry and were not "
                                    "written.").format(count=len(missing)))
        if skipped is not None:
            feedback.pushWarning(skipped.message(tr))
        return changed

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
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, compat.WKB_MULTIPOLYGON, crs)
        if sink is None:
            return None
        for (cls, geom), ha in zip(result.pieces, result.areas):
            _vector.add_feature(sink, fields, [cls, names[cls], round(float(ha), 6)], geom)
        classes = [(cls, names[cls], COLORS[cls]) for cls in (overlap.ONLY_A, overlap.ONLY_B, overlap.BOTH)]
        styles.style_vector_output(context, dest, "class", classes, tr("Gap overlap"))
        return dest

    def write_table(self, parameters, context, rows, names, with_protected, name_a, name_b, crs):
        fields = QgsFields()
        for name, kind in (("zone", "string"), ("class", "int"), ("class_name", "string"), ("hectares", "double"),
                           ("protected_ha", "double"), ("unprotected_ha", "double"), ("percent", "double"),
                           ("gap_a", "string"), ("gap_b", "string"), ("input_crs", "string"),
                           ("area_method", "string"), ("zone_id", "string")):
            fields.append(compat.field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, compat.WKB_NO_GEOMETRY)
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
                zone_id, zone = label if isinstance(label, tuple) else (None, shown.get(label, label))
                _vector.add_feature(sink, fields, [
                    zone, cls, names[cls], round(ha, 6),
                    round(pha, 6) if with_protected else None, round(ha - pha, 6) if with_protected else None,
                    round(100.0 * ha / total, 4) if total else 0.0, name_a, name_b, _vector.crs_label(crs),
                    tr(overlap.AREA_METHOD), zone_id])
        return dest

    def write_initiatives(self, parameters, context, source, features, rows, crs):
        extra = QgsFields()
        for name, kind in INITIATIVE_FIELDS:
            extra.append(compat.field(name, kind))
        source_fields, as_text = text_fields(source.fields())
        fields = QgsProcessingUtils.combineFields(source_fields, extra)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_INITIATIVES, context, fields,
                                          compat.WKB_MULTIPOLYGON, crs)
        if sink is None:
            return None
        fids = [fid for fid, _p, _v, _f in features]
        for (_fid, _polys, _values, feature), row in zip(features, rows):
            attrs = [as_json(v) if i in as_text else v for i, v in enumerate(feature.attributes())]
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
        styles.style_vector_output(context, dest, "double_count", classes, tr("Initiatives in the gaps"))
        return dest


# Field types no vector format can take as they are: lists and JSON objects (the registry's
# ecosystems, activities ...) are written as their JSON text.
_STRUCTURED = {QVariant.Map, QVariant.List, QVariant.StringList}  # qt6: ok (QGIS < 3.38)
_NAME_FIELDS = ("anp_nomb", "anp_nom", "nom_anp", "nombre", "nombre_anp", "name", "nom")


def text_fields(fields):
    """(fields with list/JSON fields turned into text, indexes of the turned fields)."""
    out, turned = QgsFields(), set()
    for index, fld in enumerate(fields):
        if fld.type() in _STRUCTURED:
            fld = QgsField(fld.name(), QVariant.String, "string")  # qt6: ok (QGIS < 3.38)
            turned.add(index)
        out.append(fld)
    return out, turned


def as_json(value):
    """A list or JSON object as JSON text (None stays None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return json.dumps(value, ensure_ascii=False)


def guess_name_field(fields):
    """The name field of a protected-areas layer (SERNANP's ANP_NOMB, a "nombre" or "name" field)."""
    names = {fld.name().lower(): fld.name() for fld in fields}
    return next((names[n] for n in _NAME_FIELDS if n in names), "")


def registry_label(registry):
    """A registry for messages: its path, or its PostGIS connection without the password."""
    return pg_connect.display_name(registry) if pg_connect.is_pg_location(registry) else registry


def registry_areas_layer(registry, layer):
    """Every area of the registry of ``layer`` (its filter dropped), as a QGIS layer."""
    if pg_connect.is_pg_location(registry):
        uri = QgsDataSourceUri(layer.source())
        uri.setSql("")
        return QgsVectorLayer(uri.uri(False), "areas", "postgres")
    return QgsVectorLayer(registry + "|layername=" + schema.AREA_TABLE, "areas", "ogr")


def registry_path_of(layer):
    """The registry (a GeoPackage path or a PostGIS connection string) of a layer that is a registry's
    restoration areas, else None."""
    if layer is not None and layer.providerType() == "postgres":
        uri = QgsDataSourceUri(layer.source())
        if uri.schema() == "t2restore" and uri.table() == schema.AREA_TABLE:
            return uri.connectionInfo(True)  # user and password expanded from QGIS's auth database
        return None
    if layer is None or layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, name = parts.get("path") or "", parts.get("layerName") or ""
    if name != schema.AREA_TABLE or not path.lower().endswith(".gpkg"):
        return None
    try:
        return path if schema.file_version(path) == schema.SCHEMA_VERSION else None
    except Exception:  # noqa: BLE001 - not a registry (another GeoPackage, unreadable): None
        return None
