"""Bringing area geometries into the registry's single storage form, and repairing them.

Storage is always EPSG:4326, 2D MultiPolygon (FERM's interchange form), so every consumer (the
map layer, validation, export) sees one CRS and one geometry type. Repair is offered as a preview:
the caller shows the result (and how much area it changed) before accepting it, because a "fix"
that silently drops half a polygon would be worse than the error.
"""

from dataclasses import dataclass

from osgeo import ogr

from ..algorithms.geometry import (
    as_multipolygon,
    ellipsoidal_area_ha,
    is_valid,
    iter_polygons,
    quiet_gdal_errors,
    repairs,
    to_lonlat,
)

__all__ = ["RepairPreview", "as_multipolygon", "repair_geometry", "to_storage", "union_area_ha", "wkt_of"]


def to_storage(geometry, srs=None):
    """The storage form (EPSG:4326 2D MultiPolygon) of a geometry in any CRS; None if impossible."""
    if geometry is None:
        return None
    lonlat = to_lonlat(geometry, srs)
    if lonlat is None:
        return None
    multi = as_multipolygon(lonlat)
    multi.AssignSpatialReference(lonlat.GetSpatialReference())
    return multi


def wkt_of(srs):
    """A short CRS description kept as the area's original CRS ("EPSG:32718" when known)."""
    if srs is None:
        return ""
    name, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    return "%s:%s" % (name, code) if name and code else srs.ExportToWkt()


@dataclass
class RepairPreview:
    """What a repair would do; nothing is saved until the caller accepts ``geometry``."""

    geometry: object  # ogr.Geometry (MultiPolygon, EPSG:4326) or None when no repair exists
    was_valid: bool
    is_valid: bool
    changed: bool
    area_before_ha: float
    area_after_ha: float
    parts_before: int
    parts_after: int

    @property
    def area_change_pct(self):
        """Relative change of the area in per cent (0 when there was no area before)."""
        if not self.area_before_ha:
            return 0.0
        return 100.0 * (self.area_after_ha - self.area_before_ha) / self.area_before_ha


def repair_geometry(geometry):
    """Preview of a valid version of a storage geometry (make-valid, then buffer(0) as fallback).

    The polygonal parts of the result are kept, so a bow-tie becomes two triangles and a spike
    disappears; the preview reports the area before and after so a large change can be refused.
    """
    before = as_multipolygon(geometry)
    valid_before = is_valid(before) and not before.IsEmpty()
    area_before = ellipsoidal_area_ha(before) or 0.0
    candidate = before if valid_before else _valid_multipolygon(before)
    if candidate is not None:
        candidate.AssignSpatialReference(geometry.GetSpatialReference())
    return RepairPreview(
        geometry=candidate,
        was_valid=valid_before,
        is_valid=candidate is not None,
        changed=candidate is not None and not valid_before,
        area_before_ha=area_before,
        area_after_ha=(ellipsoidal_area_ha(candidate) or 0.0) if candidate is not None else 0.0,
        parts_before=before.GetGeometryCount(),
        parts_after=candidate.GetGeometryCount() if candidate is not None else 0,
    )


def _valid_multipolygon(geom):
    """The first repair of ``geom`` (plain MakeValid, then buffer(0)) whose polygons form a valid
    multipolygon, or None. The STRUCTURE method is not tried: the preview keeps MakeValid's lines."""
    for fixed in repairs(geom, structure=False):
        multi = as_multipolygon(fixed)
        if not multi.IsEmpty() and is_valid(multi):
            return multi
    return None


def union_area_ha(geometries):
    """Hectares on the WGS84 ellipsoid of the union of storage geometries (EPSG:4326, OGR).

    Overlapping areas count once (OGR ``UnaryUnion``, or ``UnionCascaded`` before GDAL 3.7, of all
    their polygons). Invalid geometries are
    made valid first; if the union still fails, the plain sum of the areas is returned so a summary
    never breaks on one bad polygon (the validation panel reports it).
    """
    geometries = [g for g in geometries if g is not None and not g.IsEmpty()]
    if not geometries:
        return 0.0
    if len(geometries) == 1:
        return ellipsoidal_area_ha(geometries[0]) or 0.0
    with quiet_gdal_errors():
        union = _unary_union(geometries)
        if union is None:
            union = _unary_union([g if is_valid(g) else _first_repair(g) for g in geometries])
    if union is None:
        return sum(ellipsoidal_area_ha(g) or 0.0 for g in geometries)
    return ellipsoidal_area_ha(union) or 0.0


def _unary_union(geometries):
    collection = ogr.Geometry(ogr.wkbMultiPolygon)
    for geometry in geometries:
        if geometry is None:
            return None
        for part in iter_polygons(geometry):
            collection.AddGeometry(part)
    try:
        # UnaryUnion needs GDAL >= 3.7; UnionCascaded is the same GEOS union of a MultiPolygon's parts.
        union = collection.UnaryUnion() if hasattr(collection, "UnaryUnion") else collection.UnionCascaded()
    except RuntimeError:
        return None
    if union is None:
        return None
    union = as_multipolygon(union)
    return union if not union.IsEmpty() else None


def _first_repair(geom):
    """The polygons of the first non-empty repair of ``geom`` (plain MakeValid, then buffer(0)), or None."""
    return next((multi for multi in map(as_multipolygon, repairs(geom, structure=False)) if not multi.IsEmpty()),
                None)
