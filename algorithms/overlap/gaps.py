"""The two national gaps overlaid: only A / only B / both, by zone, with protection and initiatives.

Pure OGR/GEOS + numpy: no qgis import.
"""

from dataclasses import dataclass

import numpy as np

from ..errors import N_, InputError
from ..geometry import AreaCalculator, multipolygon, overlay, polygons_of, split_large
from .dissolving import dissolve
from .pieces import BOTH, ONLY_A, ONLY_B, intersections, partition
from .spatial_index import GridIndex, envelopes

# Two initiatives "overlap" when they share at least this area (1 m2): shared boundaries and
# floating-point slivers are not double counting.
OVERLAP_MIN_HA = 1e-4


@dataclass
class GapResult:
    pieces: list            # [(class, polygon)]
    areas: np.ndarray       # hectares of each piece
    table: list             # [(zone label or None for all, class, ha, protected ha)]
    initiatives: list       # [dict] one per initiative (None geometry -> values None)
    totals: dict            # class -> ha


def labelled_regions(regions, is_cancelled=None):
    """[(label, polygon)] -> (labels, parts, part labels): polygons dissolved per label, large ones split.

    Dissolving per label makes a region counted once where its own polygons overlap (two features of
    one department, an ecosystem map with duplicated polygons).
    """
    groups = {}
    for label, poly in regions:
        groups.setdefault(label, []).append(poly)
    labels, parts, owner = list(groups), [], []
    for k, label in enumerate(labels):
        pieces = dissolve(groups[label], is_cancelled)
        parts.extend(pieces)
        owner.extend([k] * len(pieces))
    return labels, parts, owner


def _add(table, key, ha, protected_ha):
    """Add hectares and protected hectares to the [ha, protected ha] cell ``key`` of ``table``."""
    cell = table.setdefault(key, [0.0, 0.0])
    cell[0] += float(ha)
    cell[1] += float(protected_ha)


def _by_region(out, classes, geoms, regions, area, protected_ha, is_cancelled):
    """Add the (region label, class) cells, and ("", class) for the land outside every region."""
    labels, parts, owner = regions
    found = intersections(geoms, parts, None, is_cancelled)
    inter_geoms = [multipolygon(polys) for _i, _j, polys in found]
    inside = {}
    for (i, j, _polys), ha, pha in zip(found, area(inter_geoms), protected_ha(inter_geoms)):
        _add(out, (labels[owner[j]], classes[i]), ha, pha)
        _add(inside, classes[i], ha, pha)
    for (label, cls), (ha, pha) in list(out.items()):
        if label is None:
            got = inside.get(cls, [0.0, 0.0])
            rest, rest_p = ha - got[0], pha - got[1]
            if rest > 1e-6 * max(1.0, ha):
                out[("", cls)] = [rest, max(0.0, rest_p)]


def class_areas_by_region(pieces, piece_ha, regions, area, protected=None, is_cancelled=None):
    """{(region label or None, class): [ha, protected ha]} of classed pieces, per region and in total.

    ``regions`` is None or (labels, parts, owner) from ``labelled_regions``; ``protected`` None or
    disjoint polygons. The area outside every region is reported under the key label ``""`` when it
    is not zero. Regions are expected not to overlap each other (departments, provinces).
    """
    classes = [c for c, _ in pieces]
    geoms = [g for _, g in pieces]
    prot_index = GridIndex(envelopes(protected)) if protected else None

    def protected_ha(geom_list):
        return _protected_hectares(geom_list, protected, area, is_cancelled, prot_index)

    out = {}
    for cls, ha, pha in zip(classes, piece_ha, protected_ha(geoms)):
        _add(out, (None, cls), ha, pha)
    if regions is not None:
        _by_region(out, classes, geoms, regions, area, protected_ha, is_cancelled)
    return out


def _initiative_geometries(initiatives):
    """One geometry (or None) per initiative given as a list of polygons (or None/empty)."""
    # clean_geometry already merged overlapping parts of one feature: the multipolygon is valid
    return [None if not polys else (polys[0] if len(polys) == 1 else multipolygon(polys)) for polys in initiatives]


def _hectares_by_class(real, pieces, piece_index, area, is_cancelled):
    """{class: array of the hectares of each geometry inside the pieces of that class}."""
    by_class = {ONLY_A: np.zeros(len(real)), ONLY_B: np.zeros(len(real)), BOTH: np.zeros(len(real))}
    found = intersections(real, [g for _c, g in pieces], piece_index, is_cancelled)
    ha = area([polys for _i, _j, polys in found])
    for (i, j, _p), value in zip(found, ha):
        by_class[pieces[j][0]][i] += value
    return by_class


def _protected_hectares(real, protected, area, is_cancelled, index=None):
    """Array of the hectares of each geometry inside the (disjoint) protected polygons (``index``: theirs)."""
    prot = np.zeros(len(real))
    if protected:
        found = intersections(real, protected, index, is_cancelled)
        np.add.at(prot, np.array([i for i, _j, _p in found], dtype=np.int64), area([p for _i, _j, p in found]))
    return prot


def _shared_with_others(real, present, area):
    """(hectares each geometry shares with the union of the others, [indices in ``present`` it overlaps])."""
    self_index = GridIndex(envelopes(real))
    overlap_ha = np.zeros(len(real))
    overlaps_with = [[] for _ in real]
    for i, geom in enumerate(real):
        shared = []
        for j in (int(j) for j in self_index.query(geom.GetEnvelope()) if j != i):
            polys = polygons_of(overlay("Intersection", geom, real[j]))
            if polys and area([polys])[0] >= OVERLAP_MIN_HA:
                shared.extend(polys)
                overlaps_with[i].append(present[j])
        if shared:
            overlap_ha[i] = area([dissolve(shared, split=False)])[0]
    return overlap_ha, overlaps_with


def initiative_areas(initiatives, pieces, piece_index, protected, area, is_cancelled=None):
    """One dict per initiative geometry (list of polygons or None): ha in A, B, both, neither, protected,
    and double-counting flags (overlaps another initiative; counts toward both gaps)."""
    geoms = _initiative_geometries(initiatives)
    present = [i for i, g in enumerate(geoms) if g is not None]
    real = [geoms[i] for i in present]
    total = area(real)
    by_class = _hectares_by_class(real, pieces, piece_index, area, is_cancelled)
    prot = _protected_hectares(real, protected, area, is_cancelled)
    overlap_ha, overlaps_with = _shared_with_others(real, present, area)
    rows = [None] * len(geoms)
    for k, i in enumerate(present):
        a, b, both = by_class[ONLY_A][k], by_class[ONLY_B][k], by_class[BOTH][k]
        rows[i] = {"geometry": geoms[i], "ha": total[k], "ha_a": a + both, "ha_b": b + both, "ha_both": both,
                   "ha_neither": max(0.0, total[k] - a - b - both), "ha_protected": prot[k],
                   "overlap_ha": overlap_ha[k], "overlaps_with": overlaps_with[k],
                   "overlaps_other": bool(overlaps_with[k]), "counts_both": both >= OVERLAP_MIN_HA}
    return rows


def gap_overlap(gap_a, gap_b, srs, protected=None, zones=None, initiatives=None, progress=None,
                is_cancelled=None, a_disjoint=False, b_disjoint=False):
    """Partition of two gaps into only A / only B / both, with hectares by zone and protection.

    ``gap_a``/``gap_b``: valid polygons (``clean_all``) in the CRS ``srs``; ``*_disjoint`` skips the
    dissolve for polygonized rasters. ``protected``: polygons; ``zones``: [(label, polygon)];
    ``initiatives``: [list of polygons or None] one per feature. Raises InputError when a gap is empty.
    """
    def step(start, end):
        return (lambda f: progress(start + (end - start) * f)) if progress else None

    area = AreaCalculator(srs)
    for polys, key in ((gap_a, "GAP_A"), (gap_b, "GAP_B")):
        if not polys:
            raise InputError(N_("The gap layer {key} has no polygon: it is empty, or every geometry is null or "
                                "has no area. Choose a layer with the gap's polygons (or a raster mask with "
                                "non-zero gap pixels)."), key=key)
    a_parts = split_large(gap_a) if a_disjoint else dissolve(gap_a, is_cancelled)
    if progress:
        progress(0.15)
    b_parts = split_large(gap_b) if b_disjoint else dissolve(gap_b, is_cancelled)
    if progress:
        progress(0.3)
    pieces = partition(a_parts, b_parts, step(0.3, 0.6), is_cancelled)
    piece_ha = area([g for _c, g in pieces])
    prot_parts = dissolve(protected, is_cancelled) if protected else None
    regions = labelled_regions(zones, is_cancelled) if zones else None
    table = class_areas_by_region(pieces, piece_ha, regions, area, prot_parts, is_cancelled)
    if progress:
        progress(0.85)
    rows = None
    if initiatives is not None:
        index = GridIndex(envelopes([g for _c, g in pieces]))
        rows = initiative_areas(initiatives, pieces, index, prot_parts, area, is_cancelled)
    totals = dict.fromkeys((ONLY_A, ONLY_B, BOTH), 0.0)
    for (cls, _g), ha in zip(pieces, piece_ha):
        totals[cls] += float(ha)
    flat = [(label, cls, ha, pha) for (label, cls), (ha, pha) in table.items()]
    return GapResult(pieces, piece_ha, flat, rows, totals)
