"""Hectares as FERM computes them: the EPSG:6933 area of the union of an area's polygons.

FERM reprojects an uploaded area to EPSG:6933 (WGS 84 / NSIDC EASE-Grid 2.0 Global, a cylindrical
equal-area projection), dissolves its polygons and reports the planar area in hectares, rounded to
2 decimals. Vertices are projected as they are, without densifying edges, so an edge drawn straight
in longitude/latitude becomes a straight line in EPSG:6933: for areas with long oblique edges this
figure differs slightly from the ellipsoidal hectares of ``area.ellipsoidal_area_ha`` (which
densifies). The caller rounds. Pure OGR/osr, traditional GIS axis order; no qgis import.
"""

import threading

from osgeo import ogr, osr

from .parts import iter_polygons
from .valid import quiet_gdal_errors

EQUAL_AREA_EPSG = 6933
FERM_AREA_METHOD = "EPSG:6933 planar area of the union of the area's polygons (as FERM computes it)"


def _srs(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


_LOCAL = threading.local()


def _transform():
    """One 4326 -> 6933 transformation per thread (creating one costs a PROJ look-up; sharing one
    between threads is not safe)."""
    transform = getattr(_LOCAL, "to_6933", None)
    if transform is None:
        transform = _LOCAL.to_6933 = osr.CoordinateTransformation(_srs(4326), _srs(EQUAL_AREA_EPSG))
    return transform


def _union(projected):
    """The union of the polygons, so overlaps between them count once (as FERM's dissolve)."""
    parts = list(iter_polygons(projected))
    if len(parts) < 2:
        return projected
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for part in parts:
        multi.AddGeometry(part)
    with quiet_gdal_errors():
        union = multi.UnionCascaded()
    return union if union is not None else multi


def equal_area_ha(ogr_geom_4326):
    """Area (ha, unrounded) in EPSG:6933 of the union of the polygons of a lon/lat geometry.

    ``ogr_geom_4326`` holds longitude/latitude coordinates (EPSG:4326, traditional GIS order);
    its own spatial reference, if any, is ignored. Returns 0.0 for None, empty or non-areal
    geometries and None when the geometry cannot be projected.
    """
    if ogr_geom_4326 is None or ogr_geom_4326.IsEmpty():
        return 0.0
    geom = ogr_geom_4326.Clone()
    geom.FlattenTo2D()
    geom.AssignSpatialReference(None)
    with quiet_gdal_errors():
        try:
            if geom.Transform(_transform()) != 0:
                return None
        except RuntimeError:
            return None
    union = _union(geom)
    return sum(poly.GetArea() for poly in iter_polygons(union)) / 10000.0
