"""Partition of two layers of disjoint parts into only A / only B / both, and overlays by region.

Pure OGR/GEOS + numpy: no qgis import.
"""

from ..errors import N_, Cancelled, InputError
from ..geometry import iter_polygons, multipolygon, overlay, polygons_of
from .spatial_index import GridIndex, envelopes

ONLY_A, ONLY_B, BOTH = 1, 2, 3
# Relative difference allowed between a part's area and the sum of its pieces (floating point and
# GEOS snap-rounding move edges by far less; an overlap or a lost piece shows as much more).
AREA_TOLERANCE = 1e-7


def polygonal_area(geom):
    """Planar area of the polygons inside ``geom``, ignoring its lines and points.

    ``ogr.Geometry.GetArea()`` alone is no overlap measure: on a closed LineString it returns the
    area the line encloses. Where two disjoint pieces share a whole ring (a piece filling another's
    hole), GEOS >= 3.12 merges their common boundary into one closed LineString, whose GetArea()
    is the hole's area, while older GEOS returned its segments (area 0).
    """
    return sum(p.GetArea() for p in iter_polygons(geom))


def _cut(part, cutter, inside, with_both):
    """[(class, polygon)] of one part: its intersection with ``cutter`` (BOTH, when asked) and the rest."""
    out = []
    if with_both:
        out.extend((BOTH, p) for p in polygons_of(overlay("Intersection", part, cutter)))
    out.extend((inside, p) for p in polygons_of(overlay("Difference", part, cutter)))
    return out


def _check_conserved(expected, pieces, where):
    """Refuse a partition whose pieces do not add up to the area they were cut from."""
    got = sum(p.GetArea() for _c, p in pieces)
    if abs(got - expected) > AREA_TOLERANCE * max(expected, got) + 1e-9:
        minx, maxx, miny, maxy = where.GetEnvelope()
        raise InputError(N_("The polygon overlay did not conserve area near ({x:.6f}, {y:.6f}): the pieces add up "
                            "to {got:.3f} instead of {expected:.3f} square units, so land would be counted twice "
                            "or lost. Repair the geometries there (Vector > Geometry tools > Fix geometries) and "
                            "run again."), x=(minx + maxx) / 2, y=(miny + maxy) / 2, got=got, expected=expected)


def partition(a_parts, b_parts, progress=None, is_cancelled=None):
    """[(class, polygon)] with class ONLY_A, ONLY_B or BOTH: a partition of the union of A and B.

    Disjoint by construction: ``a_parts`` and ``b_parts`` are each disjoint (``dissolve``); each part
    of A is split into A ∩ B and A − B against one cutter (the parts of B whose boxes meet its own),
    each part of B into B − A against the parts of A near it. Pieces of different parts are disjoint
    because the parts are. Nothing depends on the order, the noding or the line merging of GEOS's
    output (only its polygons are kept), and areas are checked: each part of A equals its two
    kinds of pieces, and B equals BOTH plus ONLY_B, within ``AREA_TOLERANCE``; otherwise an
    InputError names where. (Cutting by the computed "both" pieces instead was tried: slower, and
    coincident edges left zero-area slivers.) The cutter may hold parts sharing an edge (quadrants
    of a split part); GEOS's OverlayNG (GEOS >= 3.9) treats them as one area.
    """
    index_a, index_b = GridIndex(envelopes(a_parts)), GridIndex(envelopes(b_parts))
    total = max(1, len(a_parts) + len(b_parts))
    out = []
    done = 0
    for own, other, index, inside in ((a_parts, b_parts, index_b, ONLY_A), (b_parts, a_parts, index_a, ONLY_B)):
        for part in own:
            if is_cancelled is not None and done % 200 == 0 and is_cancelled():
                raise Cancelled()
            near = index.query(part.GetEnvelope())
            if len(near) == 0:
                out.append((inside, part))
            else:
                pieces = _cut(part, multipolygon([other[j] for j in near]), inside, inside == ONLY_A)
                if inside == ONLY_A:
                    _check_conserved(part.GetArea(), pieces, part)
                out.extend(pieces)
            done += 1
            if progress is not None and done % 200 == 0:
                progress(done / total)
    if b_parts:
        _check_conserved(sum(p.GetArea() for p in b_parts), [x for x in out if x[0] != ONLY_A], b_parts[0])
    if progress is not None:
        progress(1.0)
    return out


def intersections(geoms, regions, index=None, is_cancelled=None):
    """[(i, j, polygons)] for every geometry i meeting region j with a positive area."""
    index = index or GridIndex(envelopes(regions))
    out = []
    for i, geom in enumerate(geoms):
        if is_cancelled is not None and i % 500 == 0 and is_cancelled():
            raise Cancelled()
        for j in index.query(geom.GetEnvelope()):
            polys = polygons_of(overlay("Intersection", geom, regions[j]))
            if polys:
                out.append((i, int(j), polys))
    return out
