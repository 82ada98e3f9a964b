"""Walking the polygons, rings and vertices of OGR geometries: the one place that does it.

Every caller (overlay, areas, the registry's storage form, pixel coverage) reads polygons through
these functions, so curves, collections, Z/M and empty members are handled the same way everywhere.
Pure OGR + numpy: no qgis import.
"""

import numpy as np
from osgeo import ogr

_COLLECTIONS = (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection)
_CURVED = (ogr.wkbCurvePolygon, ogr.wkbMultiSurface, ogr.wkbCompoundCurve)


def iter_polygons(geom):
    """The non-empty polygons of a polygon, multipolygon, collection or list of those, without copying.

    Curved geometries are linearised (those polygons are new objects); lines and points, which GEOS
    returns where shapes only touch, are skipped: they have no area.
    """
    if isinstance(geom, (list, tuple)):
        for item in geom:
            yield from iter_polygons(item)
        return
    if geom is None or geom.IsEmpty():
        return
    gtype = ogr.GT_Flatten(geom.GetGeometryType())
    if gtype == ogr.wkbPolygon:
        yield geom
    elif gtype in _COLLECTIONS:
        for i in range(geom.GetGeometryCount()):
            yield from iter_polygons(geom.GetGeometryRef(i))
    elif gtype in _CURVED:
        yield from iter_polygons(geom.GetLinearGeometry())


def polygons_of(geom):
    """The non-empty polygons inside ``geom`` (polygon, multipolygon, collection or list), as clones."""
    return [poly.Clone() for poly in iter_polygons(geom)]


def multipolygon(polys):
    """One OGR multipolygon holding ``polys`` (copied)."""
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for poly in polys:
        multi.AddGeometry(poly)
    return multi


def as_multipolygon(geom):
    """A 2D MultiPolygon holding the polygonal parts of ``geom`` (lines and points dropped)."""
    if geom is None:
        return ogr.Geometry(ogr.wkbMultiPolygon)
    geom = geom.Clone()
    geom.FlattenTo2D()
    return multipolygon(iter_polygons(geom))


def rings(poly):
    """The rings of one polygon as (n, 2) arrays, read from its WKB without a Python object per vertex."""
    wkb = poly.ExportToWkb(ogr.wkbNDR)
    gtype = int.from_bytes(wkb[1:5], "little")
    if gtype != ogr.wkbPolygon:  # Z or M polygons: the slow, general path
        return [np.asarray(poly.GetGeometryRef(k).GetPoints() or np.zeros((0, 2)), dtype=np.float64)[:, :2]
                for k in range(poly.GetGeometryCount())]
    count = int.from_bytes(wkb[5:9], "little")
    offset, out = 9, []
    for _ in range(count):
        n = int.from_bytes(wkb[offset:offset + 4], "little")
        out.append(np.frombuffer(wkb, dtype="<f8", count=2 * n, offset=offset + 4).reshape(n, 2))
        offset += 4 + 16 * n
    return out


def vertex_count(geom):
    """Number of vertices of a polygon or multipolygon (rings closed, so the first counts twice)."""
    return sum(poly.GetGeometryRef(k).GetPointCount()
               for poly in iter_polygons(geom) for k in range(poly.GetGeometryCount()))


def rectangle(minx, maxx, miny, maxy):
    """An OGR polygon of the box (minx, maxx, miny, maxy), in OGR envelope order."""
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((minx, miny), (maxx, miny), (maxx, maxy), (minx, maxy), (minx, miny)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly
