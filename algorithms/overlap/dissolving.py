"""Dissolve: the union of many polygons as disjoint parts, one GEOS union per group that can meet.

Pure OGR/GEOS + numpy: no qgis import.
"""

from ..errors import Cancelled
from ..geometry import multipolygon, overlay, polygons_of, quietly, split_large
from .spatial_index import clusters, envelopes


def union(polys):
    """The union of valid polygons, as polygons.

    GEOS's buffer by 0 merges the overlapping members of a multipolygon about twice as fast as its
    cascaded union; the result is checked (area between the largest member's and the sum of all,
    valid) and the cascaded union, then pairwise overlays, are the fallbacks.
    """
    multi = multipolygon(polys)
    areas = [p.GetArea() for p in polys]
    result = quietly(multi.Buffer, 0)
    if result is not None and not result.IsEmpty():
        area = result.GetArea()
        if max(areas) * (1 - 1e-9) <= area <= sum(areas) * (1 + 1e-9) and quietly(result.IsValid):
            return polygons_of(result)
    result = quietly(multi.UnionCascaded)
    if result is None:
        result = polys[0]
        for poly in polys[1:]:
            result = overlay("Union", result, poly)
    return polygons_of(result)


def dissolve(polys, is_cancelled=None, split=True):
    """Disjoint polygons covering the union of ``polys`` (one union per cluster), large ones split."""
    if not polys:
        return []
    parts = []
    for n, group in enumerate(clusters(envelopes(polys))):
        if is_cancelled is not None and n % 100 == 0 and is_cancelled():
            raise Cancelled()
        if len(group) == 1:
            parts.append(polys[group[0]].Clone())
        else:
            parts.extend(union([polys[i] for i in group]))
    return split_large(parts) if split else parts
