"""Gap and protected-area results of registered areas, written back into the registry (issue 18 item 8).

``t2restore:gap_overlap`` (and the dock's action) computes for each restoration area its hectares
in the MINAM gap (gap A), in the SERFOR gap (gap B) and which protected areas it lies in; this
module turns them into the registry's codes (vocabulary ``nationalGaps``: MINAM, SERFOR, BOTH,
NONE) and the protected area's name, and the store writes them in one transaction. Pure OGR: no
QGIS here.
"""

from ..algorithms.geometry import iter_polygons, multipolygon

GAP_MINAM, GAP_SERFOR, GAP_BOTH, GAP_NONE = "MINAM", "SERFOR", "BOTH", "NONE"
MIN_HA = 0.0001  # 1 m2: less than this inside a gap is a shared edge, not land in the gap


def gap_code(ha_in_a, ha_in_b, min_ha=MIN_HA):
    """The ``nationalGaps`` code of an area from its hectares in gap A (MINAM) and gap B (SERFOR).

    ``ha_in_a`` and ``ha_in_b`` include the land in both gaps. Land in both gaps, or land in each
    gap, gives BOTH; only one gap gives MINAM or SERFOR; neither (less than 1 m2) gives NONE.
    """
    in_a = (ha_in_a or 0.0) >= min_ha
    in_b = (ha_in_b or 0.0) >= min_ha
    if in_a and in_b:
        return GAP_BOTH
    if in_a:
        return GAP_MINAM
    if in_b:
        return GAP_SERFOR
    return GAP_NONE


def _multi(polygons):
    """One multipolygon of the polygons of a list of polygons and multipolygons."""
    return multipolygon(iter_polygons(list(polygons)))


class ProtectedAreaIndex:
    """Named protected areas (polygons in one CRS) and which of them an area lies in."""

    def __init__(self, named_polygons):
        """``named_polygons``: [(name, [OGR polygons])], the areas' polygons in the same CRS."""
        self._items = []
        for name, polygons in named_polygons:
            if not polygons or not name:
                continue
            geom = _multi(polygons)
            self._items.append((str(name).strip(), geom, geom.GetEnvelope()))

    def names(self, polygons):
        """Sorted names of the protected areas sharing more than an edge with ``polygons``."""
        if not polygons:
            return []
        area = _multi(polygons)
        minx, maxx, miny, maxy = area.GetEnvelope()
        found = set()
        for name, geom, (pminx, pmaxx, pminy, pmaxy) in self._items:
            if pmaxx < minx or pminx > maxx or pmaxy < miny or pminy > maxy or name in found:
                continue
            if area.Intersects(geom):
                shared = area.Intersection(geom)
                if shared is not None and shared.GetArea() > 0.0:
                    found.add(name)
        return sorted(found)


def protected_text(names):
    """The registry's ``protected_area`` text of an area: the names joined by "; " ("" for none)."""
    return "; ".join(names)
