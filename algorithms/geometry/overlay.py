"""GEOS overlays that fail with a message, and large polygons cut into pieces of bounded size.

Pure OGR/GEOS: no qgis import.
"""

from osgeo import gdal

from ..errors import N_, InputError
from .parts import polygons_of, rectangle, vertex_count
from .valid import make_valid, quietly

# A polygon with more vertices is cut into quadrants (recursively) before it meets other layers:
# the cost of one GEOS overlay grows with the vertices of both operands, and a dissolved national
# gap can hold components with millions of vertices.
MAX_VERTICES = 4000


def overlay(op, left, right):
    """GEOS overlay ``left.op(right)`` (op: "Intersection", "Difference", "Union"...).

    A robustness failure is retried once on re-validated operands; a second failure becomes an
    InputError naming where it happened and how to fix it.
    """
    result = quietly(getattr(left, op), right)
    if result is None:
        fixed_left, fixed_right = make_valid(left), make_valid(right)
        if fixed_left is not None and fixed_right is not None:
            result = quietly(getattr(fixed_left, op), fixed_right)
    if result is None:
        minx, maxx, miny, maxy = left.GetEnvelope()
        raise InputError(N_("The polygon overlay failed near ({x:.6f}, {y:.6f}): {error} Repair the geometries "
                            "there (Vector > Geometry tools > Fix geometries) and run again."),
                         x=(minx + maxx) / 2, y=(miny + maxy) / 2, error=gdal.GetLastErrorMsg())
    return result


def split_large(polys, max_vertices=None, max_depth=12):
    """Polygons with more than ``max_vertices`` (default ``MAX_VERTICES``) vertices cut into quadrants,
    recursively.

    The pieces of one polygon are disjoint and their union is the polygon, so areas and any
    partition are unchanged; each later overlay then stays small.
    """
    max_vertices = MAX_VERTICES if max_vertices is None else max_vertices
    out = []
    stack = [(p, 0) for p in reversed(polys)]
    while stack:
        geom, depth = stack.pop()
        if depth >= max_depth or vertex_count(geom) <= max_vertices:
            out.append(geom)
            continue
        minx, maxx, miny, maxy = geom.GetEnvelope()
        mx, my = (minx + maxx) / 2, (miny + maxy) / 2
        quads = ((minx, mx, miny, my), (mx, maxx, miny, my), (minx, mx, my, maxy), (mx, maxx, my, maxy))
        pieces = []
        for quad in quads:
            pieces.extend(polygons_of(overlay("Intersection", geom, rectangle(*quad))))
        stack.extend((p, depth + 1) for p in reversed(pieces))
    return out
