"""Zones (e.g. districts) for the per-zone tables: their CRS, their geometry type, their keys.

Why a module: a zones layer without a CRS (a UTM shapefile without .prj) or with GeoPackage's
"Undefined geographic SRS" (srs_id 0) must not be read as degrees and silently fall outside every
pixel; zones that miss the raster must stop the run with the CRS their coordinates fit; and zones
are keyed by feature (or by a ZONE_ID such as INEI's UBIGEO), never by name, so the ten districts
called SANTA ROSA stay ten rows. The raster algorithms (``T2Algorithm.zones_for_grid``) and
target2_indicator share these checks. The provider skips modules starting with ``_``.
"""

from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessingException,
    QgsRectangle,
    QgsWkbTypes,
)

from .. import compat
from ..registry.feature_import import is_undefined_crs
from ..translation import tr

# CRSs in which Peru's data usually come: (EPSG code, label for the message).
LIKELY_CRS = (
    (4326, "WGS 84 (EPSG:4326)"),
    (32717, "WGS 84 / UTM 17S (EPSG:32717)"), (32718, "WGS 84 / UTM 18S (EPSG:32718)"),
    (32719, "WGS 84 / UTM 19S (EPSG:32719)"),
    (24877, "PSAD56 / UTM 17S (EPSG:24877)"), (24878, "PSAD56 / UTM 18S (EPSG:24878)"),
    (24879, "PSAD56 / UTM 19S (EPSG:24879)"),
    (31977, "SIRGAS 2000 / UTM 17S (EPSG:31977)"), (31978, "SIRGAS 2000 / UTM 18S (EPSG:31978)"),
    (31979, "SIRGAS 2000 / UTM 19S (EPSG:31979)"),
)


class ZoneLabels(dict):
    """{zone number: name} (plain text, as every table has always shown) with ``zone_ids`` {zone number: id}."""

    def __init__(self):
        super().__init__()
        self.zone_ids = {}


def crs_text(crs):
    if not crs.isValid():
        return tr("(none)")
    return crs.authid() or crs.description() or tr("(unnamed CRS)")


is_undefined = is_undefined_crs  # one test for "no CRS" in the whole plugin (registry.feature_import)


def check_polygons(source, name):
    """Refuse a point or line layer given as zones (a file path is not checked by the parameter type)."""
    kind = QgsWkbTypes.geometryType(source.wkbType())
    if kind != compat.GEOMETRY_POLYGON and QgsWkbTypes.flatType(source.wkbType()) not in (
            compat.WKB_UNKNOWN, compat.WKB_GEOMETRY_COLLECTION, compat.WKB_NO_GEOMETRY):
        raise QgsProcessingException(tr(
            "The layer {name} holds {kind}, not polygons: zones must be polygons (e.g. districts). "
            "Choose a polygon layer.").format(name=name, kind=QgsWkbTypes.displayString(source.wkbType())))


def zones_crs(source, target_crs, feedback, name):
    """The CRS the zones are read in: their own, or ``target_crs`` (assumed, with a warning) when undefined."""
    return assumed_crs(source.sourceCrs(), target_crs, feedback, name)


def assumed_crs(crs, target_crs, feedback, name):
    """``crs``, or ``target_crs`` with a warning when ``crs`` is missing or a placeholder such as
    "Undefined geographic SRS" (reprojecting from it would read metres as degrees)."""
    if not is_undefined(crs):
        return crs
    feedback.pushWarning(tr(
        "The layer {name} has no defined coordinate reference system ({found}): its coordinates are assumed "
        "to be in {assumed}, the CRS of the data it summarizes. If that is wrong, assign the right CRS "
        "(Layer properties > Source, or a .prj file) and run again.").format(
            name=name, found=crs_text(crs), assumed=crs_text(target_crs)))
    return target_crs


def fitting_crs(raw_extent, target_crs, target_extent, context):
    """Labels of the ``LIKELY_CRS`` in which coordinates spanning ``raw_extent`` would overlap ``target_extent``."""
    found = []
    for epsg, label in LIKELY_CRS:
        crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        if crs.isGeographic() and not QgsRectangle(-180, -90, 180, 90).contains(raw_extent):
            continue
        try:
            box = QgsCoordinateTransform(crs, target_crs, context.transformContext()).transformBoundingBox(raw_extent)
        except QgsCsException:
            continue
        if box.isFinite() and box.intersects(target_extent):
            found.append(label)
    return found


def check_overlap(extent, target_extent, source, target_crs, context, name, what):
    """Stop when no zone reaches ``target_extent`` (both in ``target_crs``), naming the CRSs that would fit."""
    if not extent.isNull() and extent.intersects(target_extent):
        return
    raw = source.sourceExtent()
    fits = fitting_crs(raw, target_crs, target_extent, context) if target_crs.isValid() else []
    hint = (tr("Their coordinates would fit {crs}: assign that CRS to the zones (Layer properties > Source, "
               "or a .prj file).").format(crs=tr(" or ").join(fits)) if fits else
            tr("Their coordinates fit none of the CRSs usual in Peru (WGS 84, UTM 17S/18S/19S on WGS 84, "
               "PSAD56 or SIRGAS 2000): check that the zones cover the same region."))
    raise QgsProcessingException(tr(
        "No zone of {name} overlaps {what}: the zones span {extent} in {zcrs}, {what} spans {target} in "
        "{tcrs}. {hint}").format(name=name, what=what, extent=raw.toString(2), zcrs=crs_text(source.sourceCrs()),
                                 target=target_extent.toString(2), tcrs=crs_text(target_crs), hint=hint))


class ZoneKeys:
    """Zone ids by feature (or by the ZONE_ID value), names, and the names that repeat."""

    def __init__(self, name_field, id_field):
        self.name_field, self.id_field = name_field, id_field
        self.ids, self.labels, self._names = {}, ZoneLabels(), {}

    def add(self, feature):
        """The zone number (>= 1) of ``feature``."""
        if self.id_field and not is_blank(feature[self.id_field]):
            zone_id = str(feature[self.id_field])
            key = ("id", zone_id)
        else:
            zone_id, key = str(feature.id()), ("fid", feature.id())
        if key in self.ids:
            return self.ids[key]
        zid = self.ids[key] = len(self.ids) + 1
        if self.name_field:
            value = feature[self.name_field]
            name = tr("(no name)") if is_blank(value) else str(value)
        else:
            name = zone_id
        self.labels[zid] = name
        self.labels.zone_ids[zid] = zone_id
        self._names.setdefault(name, []).append(zid)
        return zid

    def repeated(self):
        """Names borne by more than one zone, most repeated first."""
        names = [(len(z), n) for n, z in self._names.items() if len(z) > 1]
        return [n for _count, n in sorted(names, key=lambda c: (-c[0], c[1]))]

    def warn_repeated(self, feedback, name):
        repeated = self.repeated()
        if repeated and not self.id_field:
            shown = ", ".join(repeated[:10]) + (", …" if len(repeated) > 10 else "")
            feedback.pushWarning(tr(
                "{n} names are borne by more than one zone of {name} ({names}): each zone keeps its own row, "
                "told apart by zone_id (the feature id). Give ZONE_ID (e.g. UBIGEO) to identify the zones by "
                "code.").format(n=len(repeated), name=name, names=shown))


def is_blank(value):
    """True for a NULL, missing or blank attribute value."""
    return value is None or value == NULL or str(value).strip() == ""


def envelope(polygons):
    """The QgsRectangle around OGR ``polygons`` (null when there is none)."""
    box = QgsRectangle()
    for poly in polygons:
        x0, x1, y0, y1 = poly.GetEnvelope()
        box.combineExtentWith(QgsRectangle(x0, y0, x1, y1))
    return box


def zone_regions(alg, parameters, context, feedback, reader, crs, extent, what):
    """[((zone id, name), OGR polygon)] of ZONES read by a ``_vector.PolygonReader``, or None without zones.

    Keyed by feature (or ZONE_ID), checked like ``zones_for_grid``: polygons only, an undefined CRS
    assumed to be ``crs`` with a warning, and a stop when no zone reaches ``extent`` (``what`` names it).
    """
    source = alg.parameterAsSource(parameters, alg.ZONES, context)
    if source is None:
        return None
    name = tr("Zones")
    keys = ZoneKeys(*alg.zone_fields(parameters, context, source))
    check_polygons(source, name)
    zones_crs(source, crs, feedback, name)
    fields = [f for f in (keys.name_field, keys.id_field) if f]
    out = []
    for _fid, polys, _values, feature in reader.features(source, name, fields, all_attributes=False):
        if polys:
            zid = keys.add(feature)
            out.extend(((keys.labels.zone_ids[zid], keys.labels[zid]), poly) for poly in polys)
    if not out:
        raise QgsProcessingException(tr("The layer {name} has no polygon to summarize by. Choose a layer "
                                        "with polygons or leave it empty.").format(name=name))
    check_overlap(envelope(p for _label, p in out), extent, source, crs, context, name, what)
    keys.warn_repeated(feedback, name)
    return out
