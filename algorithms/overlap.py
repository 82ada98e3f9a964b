"""Polygon overlay for the gap and Target 2 algorithms: repair, dissolve, partition, areas by region.

Why this module exists: the MINAM recovery gap and the SERFOR restoration gap are national layers of
tens of thousands of polygons that overlap among themselves as well as with each other. QGIS's
native chain (intersection, difference twice, union, field calculator) compares every feature of one
layer with every feature of the other it touches, counts the overlaps inside one layer twice, and
grows with the number of feature pairs. Here each layer is first repaired and dissolved (GEOS
cascaded union, so an overlap inside one gap counts once), its disjoint parts are indexed on a numpy
grid of bounding boxes, and each part meets only the parts of the other layer whose boxes touch its
own, with at most three GEOS overlays per part. Parts with very many vertices are first cut along a
quadtree so that no single overlay handles more than ``MAX_VERTICES`` vertices (the cut lines show in
the output polygons; they change no area).

Areas are hectares on the WGS 84 ellipsoid whatever the working CRS (METHODS.md section 7): the
vertices of every piece, densified, are projected in one vectorised call onto the Lambert cylindrical
equal-area projection of the WGS 84 ellipsoid (the projection family of EPSG:6933, as
``vector_areas``) and measured by the shoelace formula, thousands of polygons per millisecond.

Pure numpy + OGR/GEOS: no qgis import. Geometries are OGR geometries in one working CRS (the caller
reprojects); the functions never modify their inputs.
"""

import math
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal, ogr, osr

from .blocks import Grid, RasterInput, RasterOutput, open_raster, run_blocks
from .errors import N_, Cancelled, InputError
from .vector_areas import WGS84_A, authalic_q, quiet_gdal_errors, wgs84

ONLY_A, ONLY_B, BOTH = 1, 2, 3
# An overlay part with more vertices is cut into quadrants (recursively) before it meets other
# layers: the cost of one GEOS overlay grows with the vertices of both operands, and a dissolved
# national gap can hold components with millions of vertices.
MAX_VERTICES = 4000
# Edges longer than this are densified before areas are measured, so that an edge straight in the
# working CRS and its image in the equal-area projection enclose the same area (error << 0.001 %).
MAX_SEGMENT_M = 1000.0
MAX_SEGMENT_DEG = 0.01
# Two initiatives "overlap" when they share at least this area (1 m2): shared boundaries and
# floating-point slivers are not double counting.
OVERLAP_MIN_HA = 1e-4
# Relative difference allowed between a part's area and the sum of its pieces (floating point and
# GEOS snap-rounding move edges by far less; an overlap or a lost piece shows as much more).
AREA_TOLERANCE = 1e-7
AREA_METHOD = N_("WGS 84 ellipsoid (polygons in the Lambert cylindrical equal-area projection, as EPSG:6933)")

OK, NULL, REPAIRED, DROPPED = "ok", "null", "repaired", "dropped"


def _quietly(method, *args):
    """``method(*args)`` with GDAL/GEOS console messages silenced (results are checked instead);
    None when it raises. A plain push/pop: this runs once per geometry, tens of thousands of times."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return method(*args)
    except RuntimeError:
        return None
    finally:
        gdal.PopErrorHandler()


# -- cleaning --------------------------------------------------------------------------------------

def polygons_of(geom):
    """The non-empty polygons inside ``geom`` (polygon, multipolygon or collection), as clones.

    Lines and points that GEOS returns where shapes only touch are dropped: they have no area.
    """
    out = []
    if geom is None or geom.IsEmpty():
        return out
    gtype = ogr.GT_Flatten(geom.GetGeometryType())
    if gtype == ogr.wkbPolygon:
        out.append(geom.Clone())
    elif gtype in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geom.GetGeometryCount()):
            out.extend(polygons_of(geom.GetGeometryRef(i)))
    elif gtype in (ogr.wkbCurvePolygon, ogr.wkbMultiSurface, ogr.wkbCompoundCurve):
        out.extend(polygons_of(geom.GetLinearGeometry()))
    return out


def multipolygon(polys):
    """One OGR multipolygon holding ``polys`` (copied)."""
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for poly in polys:
        multi.AddGeometry(poly)
    return multi


def make_valid(geom):
    """GEOS MakeValid, keeping every polygon (STRUCTURE method where GDAL and GEOS offer it)."""
    with quiet_gdal_errors():
        for options in (["METHOD=STRUCTURE"], None):
            try:
                fixed = geom.MakeValid(options) if options else geom.MakeValid()
            except (RuntimeError, TypeError):
                fixed = None
            if fixed is not None and not fixed.IsEmpty():
                return fixed
        try:
            return geom.Buffer(0)
        except RuntimeError:
            return None


def clean_geometry(geometry):
    """(list of valid polygons, status) of one feature's geometry (WKB, WKT or OGR geometry).

    Status is ``NULL`` (no geometry or empty), ``DROPPED`` (no area: lines, points, a polygon
    collapsed to a line), ``REPAIRED`` (invalid, e.g. self-intersecting, fixed by GEOS MakeValid) or
    ``OK``. Curves are linearised and Z/M dropped; overlapping parts of one multipolygon are merged.
    """
    if geometry is None:
        return [], NULL
    if isinstance(geometry, (bytes, bytearray, memoryview)):
        geom = _quietly(ogr.CreateGeometryFromWkb, bytes(geometry)) if len(geometry) else None
    elif isinstance(geometry, str):
        geom = _quietly(ogr.CreateGeometryFromWkt, geometry)
    else:
        geom = geometry.Clone()
    if geom is None or geom.IsEmpty():
        return [], NULL
    if geom.HasCurveGeometry():
        geom = geom.GetLinearGeometry()
    geom.FlattenTo2D()
    polys = polygons_of(geom)
    if not polys:
        return [], DROPPED
    whole = polys[0] if len(polys) == 1 else multipolygon(polys)
    if _quietly(whole.IsValid):
        return polys, OK
    fixed = make_valid(whole)
    polys = [p for p in polygons_of(fixed) if p.GetArea() > 0]
    return polys, (REPAIRED if polys else DROPPED)


@dataclass
class CleanStats:
    """What cleaning did to one layer, for the log."""

    features: int = 0
    null: int = 0
    repaired: int = 0
    dropped: int = 0
    parts: int = 0
    repaired_ids: list = field(default_factory=list)

    def add(self, status, polys, fid=None):
        self.features += 1
        self.parts += len(polys)
        if status == NULL:
            self.null += 1
        elif status == DROPPED:
            self.dropped += 1
        elif status == REPAIRED:
            self.repaired += 1
            if len(self.repaired_ids) < 5 and fid is not None:
                self.repaired_ids.append(fid)


def clean_all(geometries, stats=None, is_cancelled=None):
    """Valid polygons of an iterable of geometries (or (fid, geometry) pairs), and their CleanStats."""
    stats = stats or CleanStats()
    out = []
    for n, item in enumerate(geometries):
        fid, geometry = item if isinstance(item, tuple) else (None, item)
        if is_cancelled is not None and n % 1000 == 0 and is_cancelled():
            raise Cancelled()
        polys, status = clean_geometry(geometry)
        stats.add(status, polys, fid)
        out.extend(polys)
    return out, stats


# -- spatial index ---------------------------------------------------------------------------------

def envelopes(geoms):
    """(n, 4) array of OGR envelopes (minx, maxx, miny, maxy)."""
    if not geoms:
        return np.zeros((0, 4))
    return np.array([g.GetEnvelope() for g in geoms], dtype=np.float64)


class GridIndex:
    """Bounding boxes bucketed on a regular grid (numpy), for "which boxes meet this box" queries.

    Why not an R-tree: OGR's Python API has none for in-memory geometries, and a grid sized from the
    boxes themselves (about two boxes per cell, at least the median box size) answers a query with a
    few array slices. Boxes spanning more than 64 cells are kept aside and tested on every query.
    """

    MAX_CELLS_PER_BOX = 64

    def __init__(self, boxes):
        boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
        self.boxes = boxes
        self.n = len(boxes)
        self.big = self.items = self.keys = np.zeros(0, dtype=np.int64)
        if self.n == 0:
            return
        self.x0, self.y0 = boxes[:, 0].min(), boxes[:, 2].min()
        span_x = max(boxes[:, 1].max() - self.x0, 1e-12)
        span_y = max(boxes[:, 3].max() - self.y0, 1e-12)
        median = max(np.median(boxes[:, 1] - boxes[:, 0]), np.median(boxes[:, 3] - boxes[:, 2]))
        cell = max(median, math.sqrt(span_x * span_y / (2.0 * self.n)), span_x / 4096, span_y / 4096)
        self.cell = cell
        self.nx = int(span_x // cell) + 1
        self.ny = int(span_y // cell) + 1
        ix0, ix1, iy0, iy1 = self._cells(boxes)
        counts = (ix1 - ix0 + 1) * (iy1 - iy0 + 1)
        big = counts > self.MAX_CELLS_PER_BOX
        self.big = np.flatnonzero(big)
        small = np.flatnonzero(~big)
        reps = counts[small]
        item = np.repeat(small, reps)
        k = np.arange(len(item)) - np.repeat(np.cumsum(reps) - reps, reps)
        width = np.repeat((ix1 - ix0 + 1)[small], reps)
        cx = np.repeat(ix0[small], reps) + k % width
        cy = np.repeat(iy0[small], reps) + k // width
        key = cy * self.nx + cx
        order = np.argsort(key, kind="stable")
        self.items = item[order]
        self.keys = key[order]
        self.starts = np.searchsorted(self.keys, np.arange(self.nx * self.ny + 1))

    def _cells(self, boxes):
        ix0 = np.clip(((boxes[:, 0] - self.x0) // self.cell).astype(np.int64), 0, self.nx - 1)
        ix1 = np.clip(((boxes[:, 1] - self.x0) // self.cell).astype(np.int64), 0, self.nx - 1)
        iy0 = np.clip(((boxes[:, 2] - self.y0) // self.cell).astype(np.int64), 0, self.ny - 1)
        iy1 = np.clip(((boxes[:, 3] - self.y0) // self.cell).astype(np.int64), 0, self.ny - 1)
        return ix0, ix1, iy0, iy1

    def query(self, env):
        """Indices (sorted) of the boxes meeting the envelope (minx, maxx, miny, maxy)."""
        if self.n == 0:
            return np.zeros(0, dtype=np.int64)
        minx, maxx, miny, maxy = (float(v) for v in env)
        last_x, last_y = self.nx - 1, self.ny - 1
        ix0 = min(max(int((minx - self.x0) // self.cell), 0), last_x)
        ix1 = min(max(int((maxx - self.x0) // self.cell), 0), last_x)
        iy0 = min(max(int((miny - self.y0) // self.cell), 0), last_y)
        iy1 = min(max(int((maxy - self.y0) // self.cell), 0), last_y)
        starts, items, nx = self.starts, self.items, self.nx
        parts = [items[starts[cy * nx + ix0]:starts[cy * nx + ix1 + 1]] for cy in range(iy0, iy1 + 1)]
        if len(self.big):
            parts.append(self.big)
        # the ids of one cell are sorted and distinct; several cells may repeat an id
        single = len(parts) == 1 and ix0 == ix1
        found = parts[0] if single else np.unique(np.concatenate(parts))
        b = self.boxes[found]
        hit = (b[:, 0] <= maxx) & (b[:, 1] >= minx) & (b[:, 2] <= maxy) & (b[:, 3] >= miny)
        return found[hit]


    def pairs(self):
        """(i, j) arrays, i < j, of every two boxes that meet: all at once, without a query per box."""
        if self.n == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        first = np.flatnonzero(np.r_[True, self.keys[1:] != self.keys[:-1]]) if len(self.keys) else \
            np.zeros(0, dtype=np.int64)
        count = np.diff(np.r_[first, len(self.keys)])
        # element at position p of a cell pairs with the later elements of the same cell
        cell_of = np.repeat(np.arange(len(first)), count)
        after = (first + count)[cell_of] - np.arange(len(self.keys)) - 1
        left = np.repeat(np.arange(len(self.keys)), after)
        step = np.arange(len(left)) - np.repeat(np.cumsum(after) - after, after)
        i, j = self.items[left], self.items[left + 1 + step]
        extra = [(np.full(len(hit), b), hit) for b in self.big for hit in [self.query(self.boxes[b])]]
        if extra:
            i = np.concatenate([i] + [e[0] for e in extra])
            j = np.concatenate([j] + [e[1] for e in extra])
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        keep = lo != hi
        lo, hi = lo[keep], hi[keep]
        a, b = self.boxes[lo], self.boxes[hi]
        meet = (a[:, 0] <= b[:, 1]) & (a[:, 1] >= b[:, 0]) & (a[:, 2] <= b[:, 3]) & (a[:, 3] >= b[:, 2])
        code = np.unique(lo[meet] * self.n + hi[meet])
        return code // self.n, code % self.n


# -- overlay ---------------------------------------------------------------------------------------

def _overlay(op, left, right):
    """GEOS overlay ``left.op(right)``; a failure becomes an InputError naming where it happened."""
    result = _quietly(getattr(left, op), right)
    if result is None:  # a robustness failure: retry on re-validated operands (rare)
        fixed_left, fixed_right = make_valid(left), make_valid(right)
        if fixed_left is not None and fixed_right is not None:
            result = _quietly(getattr(fixed_left, op), fixed_right)
    if result is None:
        minx, maxx, miny, maxy = left.GetEnvelope()
        raise InputError(N_("The polygon overlay failed near ({x:.6f}, {y:.6f}): {error} Repair the geometries "
                            "there (Vector > Geometry tools > Fix geometries) and run again."),
                         x=(minx + maxx) / 2, y=(miny + maxy) / 2, error=gdal.GetLastErrorMsg())
    return result


def vertex_count(geom):
    """Number of vertices of a polygon or multipolygon."""
    total = 0
    for poly in (geom,) if ogr.GT_Flatten(geom.GetGeometryType()) == ogr.wkbPolygon else \
            (geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())):
        for k in range(poly.GetGeometryCount()):
            total += poly.GetGeometryRef(k).GetPointCount()
    return total


def _rectangle(minx, maxx, miny, maxy):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((minx, miny), (maxx, miny), (maxx, maxy), (minx, maxy), (minx, miny)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def split_large(polys, max_vertices=MAX_VERTICES, max_depth=12):
    """Polygons with more than ``max_vertices`` vertices cut into quadrants, recursively.

    The pieces of one polygon are disjoint and their union is the polygon, so areas and the
    partition are unchanged; each later overlay then stays small.
    """
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
            pieces.extend(polygons_of(_overlay("Intersection", geom, _rectangle(*quad))))
        stack.extend((p, depth + 1) for p in reversed(pieces))
    return out


def clusters(boxes):
    """Groups (lists of indices) of boxes connected through overlaps (connected components).

    Polygons in different groups cannot overlap, so each group can be dissolved on its own: many
    small unions instead of one whose last steps merge huge multipolygons. Components come from
    the index's box pairs by label propagation with pointer jumping, in numpy.
    """
    n = len(boxes)
    i, j = GridIndex(boxes).pairs()
    label = np.arange(n)
    while len(i):
        low = np.minimum(label[i], label[j])
        new = label.copy()
        np.minimum.at(new, i, low)
        np.minimum.at(new, j, low)
        np.minimum.at(new, label, new)  # a root takes the lowest label reaching any of its members
        new = new[new]
        while True:  # pointer jumping: follow labels to their roots
            nxt = new[new]
            if np.array_equal(nxt, new):
                break
            new = nxt
        if np.array_equal(new, label):
            break
        label = new
    order = np.argsort(label, kind="stable")
    cuts = np.flatnonzero(np.diff(label[order])) + 1
    return [group.tolist() for group in np.split(order, cuts)]


def union(polys):
    """The union of valid polygons, as polygons.

    GEOS's buffer by 0 merges the overlapping members of a multipolygon about twice as fast as its
    cascaded union; the result is checked (area between the largest member's and the sum of all,
    valid) and the cascaded union, then pairwise overlays, are the fallbacks.
    """
    multi = multipolygon(polys)
    areas = [p.GetArea() for p in polys]
    result = _quietly(multi.Buffer, 0)
    if result is not None and not result.IsEmpty():
        area = result.GetArea()
        if max(areas) * (1 - 1e-9) <= area <= sum(areas) * (1 + 1e-9) and _quietly(result.IsValid):
            return polygons_of(result)
    result = _quietly(multi.UnionCascaded)
    if result is None:
        result = polys[0]
        for poly in polys[1:]:
            result = _overlay("Union", result, poly)
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


def polygonal_area(geom):
    """Planar area of the polygons inside ``geom``, ignoring its lines and points.

    ``ogr.Geometry.GetArea()`` alone is no overlap measure: on a closed LineString it returns the
    area the line encloses. Where two disjoint pieces share a whole ring (a piece filling another's
    hole), GEOS >= 3.12 merges their common boundary into one closed LineString, whose GetArea()
    is the hole's area, while older GEOS returned its segments (area 0).
    """
    return sum(p.GetArea() for p in _iter_polygons(geom))


def _cut(part, cutter, inside, with_both):
    """[(class, polygon)] of one part: its intersection with ``cutter`` (BOTH, when asked) and the rest."""
    out = []
    if with_both:
        out.extend((BOTH, p) for p in polygons_of(_overlay("Intersection", part, cutter)))
    out.extend((inside, p) for p in polygons_of(_overlay("Difference", part, cutter)))
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
            polys = polygons_of(_overlay("Intersection", geom, regions[j]))
            if polys:
                out.append((i, int(j), polys))
    return out


# -- areas -----------------------------------------------------------------------------------------

def _iter_polygons(geom):
    """The polygons of a polygon, multipolygon, collection or list of those, without copying."""
    if isinstance(geom, list):
        for item in geom:
            yield from _iter_polygons(item)
        return
    if geom is None or geom.IsEmpty():
        return
    gtype = ogr.GT_Flatten(geom.GetGeometryType())
    if gtype == ogr.wkbPolygon:
        yield geom
    elif gtype in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geom.GetGeometryCount()):
            yield from _iter_polygons(geom.GetGeometryRef(i))


def _rings(poly):
    """The rings of one polygon as (n, 2) arrays, read from its WKB without a Python object per vertex."""
    wkb = poly.ExportToWkb(ogr.wkbNDR)
    gtype = int.from_bytes(wkb[1:5], "little")
    if gtype != ogr.wkbPolygon:  # Z or M polygons (not produced here): the slow, general path
        return [np.asarray(poly.GetGeometryRef(k).GetPoints(), dtype=np.float64)[:, :2]
                for k in range(poly.GetGeometryCount())]
    count = int.from_bytes(wkb[5:9], "little")
    offset, rings = 9, []
    for _ in range(count):
        n = int.from_bytes(wkb[offset:offset + 4], "little")
        rings.append(np.frombuffer(wkb, dtype="<f8", count=2 * n, offset=offset + 4).reshape(n, 2))
        offset += 4 + 16 * n
    return rings


class AreaCalculator:
    """Hectares on the WGS 84 ellipsoid of many polygons of one CRS, in one vectorised pass."""

    def __init__(self, srs):
        if srs is None:
            raise InputError(N_("The layers have no coordinate reference system, so their areas cannot be "
                                "computed. Assign their CRS (Layer properties > Source) and run again."))
        if isinstance(srs, str):
            wkt, srs = srs, osr.SpatialReference()
            srs.ImportFromWkt(wkt)
        srs = srs.Clone()
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self.srs = srs
        self.lonlat = bool(srs.IsGeographic()) and srs.IsSame(wgs84())
        if srs.IsGeographic():
            self.max_segment = MAX_SEGMENT_DEG / (srs.GetAngularUnits() * 180 / math.pi)
        else:
            self.max_segment = MAX_SEGMENT_M / (srs.GetLinearUnits() or 1.0)
        self.transform = None if self.lonlat else osr.CoordinateTransformation(srs, wgs84())

    def __call__(self, geoms):
        """numpy array of hectares, one per geometry (polygon, multipolygon or list of polygons)."""
        arrays, ring_geom, ring_sign = [], [], []
        for gi, geom in enumerate(geoms):
            for poly in _iter_polygons(geom):
                for k, ring in enumerate(_rings(poly)):
                    if len(ring) >= 4:
                        arrays.append(ring)
                        ring_geom.append(gi)
                        ring_sign.append(1.0 if k == 0 else -1.0)
        if not arrays:
            return np.zeros(len(geoms))
        lengths = np.array([len(a) for a in arrays])
        xy = np.concatenate(arrays)
        xy, starts = _densify(xy, lengths, self.max_segment)
        if self.transform is not None:
            with quiet_gdal_errors():
                xy = np.asarray(self.transform.TransformPoints(xy), dtype=np.float64)[:, :2]
            if not np.isfinite(xy).all():
                raise InputError(N_("Some coordinates cannot be converted to longitude and latitude to compute "
                                    "areas; check the layers' coordinate reference system."))
        ring_area = _ring_areas_m2(xy, starts)
        ha = np.bincount(np.asarray(ring_geom), weights=ring_area * np.asarray(ring_sign),
                         minlength=len(geoms)) / 10000.0
        return np.maximum(ha, 0.0)


def _densify(xy, lengths, max_segment):
    """Insert points so that no segment inside a ring is longer than ``max_segment``."""
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    n = len(xy)
    count = np.ones(n, dtype=np.int64)
    inner = np.ones(n - 1, dtype=bool)
    inner[(starts[1:] - 1)] = False  # last point of a ring does not connect to the next ring
    seg = np.hypot(*(xy[1:] - xy[:-1]).T)
    count[:-1] = np.where(inner, np.maximum(1, np.ceil(seg / max_segment)), 1).astype(np.int64)
    if (count == 1).all():
        return xy, starts
    offsets = np.concatenate([[0], np.cumsum(count)[:-1]])
    src = np.repeat(np.arange(n), count)
    t = (np.arange(count.sum()) - offsets[src]) / count[src]
    nxt = np.minimum(src + 1, n - 1)
    out = xy[src] + t[:, None] * (xy[nxt] - xy[src])
    return out, offsets[starts]


def _ring_areas_m2(lonlat, starts):
    """Area (m2) of each closed lon/lat ring in the cylindrical equal-area projection of WGS 84."""
    x = WGS84_A * np.radians(lonlat[:, 0])
    y = WGS84_A * authalic_q(np.radians(lonlat[:, 1])) / 2.0
    lengths = np.diff(np.concatenate([starts, [len(x)]]))
    ring = np.repeat(np.arange(len(starts)), lengths)
    x = x - x[starts][ring]  # relative to each ring's first vertex: keeps the products small
    y = y - y[starts][ring]
    cross = np.zeros(len(x))
    cross[:-1] = x[:-1] * y[1:] - x[1:] * y[:-1]
    cross[starts[1:] - 1] = 0.0
    return np.abs(np.add.reduceat(cross, starts)) / 2.0


# -- raster masks ----------------------------------------------------------------------------------

def polygonize_mask(path, workdir, values=None, name="", progress=None, is_cancelled=None):
    """(polygons, CRS WKT) of the pixels of a raster that hold ``values`` (default: any non-zero value).

    The mask is computed block by block into a temporary byte raster and polygonized by GDAL, which
    works scanline by scanline: memory stays bounded by the block size and the number of polygons.
    Polygons follow pixel edges (4-connected); they are disjoint, so no dissolve is needed.
    """
    import os
    import uuid

    inp = RasterInput(path, name=name)
    grid = Grid.of(inp.open())
    mask_path = os.path.join(workdir, f"mask_{uuid.uuid4().hex[:12]}.tif")
    wanted = None if values is None else np.asarray(list(values), dtype=np.float64)

    def block_func(block):
        arr = block.arrays[0]
        hit = (arr != 0) if wanted is None else np.isin(arr, wanted)
        return (hit & block.valid(0)).astype(np.uint8)

    run_blocks([inp], block_func, [RasterOutput(mask_path, "uint8", 0)],
               progress=(lambda f: progress(0.5 * f)) if progress else None, is_cancelled=is_cancelled)
    ds = open_raster(mask_path)
    band = ds.GetRasterBand(1)
    mem = ogr.GetDriverByName("Memory").CreateDataSource("mask")
    layer = mem.CreateLayer("mask", srs=grid.srs(), geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))

    def callback(fraction, _msg, _data):
        if progress is not None:
            progress(0.5 + 0.5 * fraction)
        return 0 if (is_cancelled is not None and is_cancelled()) else 1

    err = gdal.Polygonize(band, band, layer, 0, [], callback=callback)
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()
    if err != 0:
        raise InputError(N_("Turning the raster {name} into polygons failed: {error}"), name=name,
                         error=gdal.GetLastErrorMsg())
    polys = []
    for feature in layer:
        polys.extend(polygons_of(feature.GetGeometryRef()))
    ds = None
    os.remove(mask_path)
    return polys, grid.crs_wkt


# -- gap overlap -----------------------------------------------------------------------------------

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


def class_areas_by_region(pieces, piece_ha, regions, area, protected=None, is_cancelled=None):
    """{(region label or None, class): [ha, protected ha]} of classed pieces, per region and in total.

    ``regions`` is None or (labels, parts, owner) from ``labelled_regions``; ``protected`` None or
    disjoint polygons. The area outside every region is reported under the key label ``""`` when it
    is not zero. Regions are expected not to overlap each other (departments, provinces).
    """
    classes = [c for c, _ in pieces]
    geoms = [g for _, g in pieces]
    out = {}
    prot_index = GridIndex(envelopes(protected)) if protected else None

    def protected_ha(geom_list):
        if not protected:
            return np.zeros(len(geom_list))
        found = intersections(geom_list, protected, prot_index, is_cancelled)
        ha = area([polys for _i, _j, polys in found])
        result = np.zeros(len(geom_list))
        np.add.at(result, np.array([i for i, _j, _p in found], dtype=np.int64), ha)
        return result

    total_prot = protected_ha(geoms)
    for cls, ha, pha in zip(classes, piece_ha, total_prot):
        cell = out.setdefault((None, cls), [0.0, 0.0])
        cell[0] += float(ha)
        cell[1] += float(pha)
    if regions is None:
        return out
    labels, parts, owner = regions
    found = intersections(geoms, parts, None, is_cancelled)
    inter_geoms = [multipolygon(polys) for _i, _j, polys in found]
    inter_ha = area(inter_geoms)
    inter_prot = protected_ha(inter_geoms)
    inside = {}
    for (i, j, _polys), ha, pha in zip(found, inter_ha, inter_prot):
        key = (labels[owner[j]], classes[i])
        cell = out.setdefault(key, [0.0, 0.0])
        cell[0] += float(ha)
        cell[1] += float(pha)
        acc = inside.setdefault(classes[i], [0.0, 0.0])
        acc[0] += float(ha)
        acc[1] += float(pha)
    for (label, cls), (ha, pha) in list(out.items()):
        if label is None:
            got = inside.get(cls, [0.0, 0.0])
            rest, rest_p = ha - got[0], pha - got[1]
            if rest > 1e-6 * max(1.0, ha):
                out[("", cls)] = [rest, max(0.0, rest_p)]
    return out


def initiative_areas(initiatives, pieces, piece_index, protected, area, is_cancelled=None):
    """One dict per initiative geometry (list of polygons or None): ha in A, B, both, neither, protected,
    and double-counting flags (overlaps another initiative; counts toward both gaps)."""
    geoms = []
    for polys in initiatives:
        if not polys:
            geoms.append(None)
            continue
        # clean_geometry already merged overlapping parts of one feature: the multipolygon is valid
        geoms.append(polys[0] if len(polys) == 1 else multipolygon(polys))
    present = [i for i, g in enumerate(geoms) if g is not None]
    real = [geoms[i] for i in present]
    total = area(real)
    by_class = {ONLY_A: np.zeros(len(real)), ONLY_B: np.zeros(len(real)), BOTH: np.zeros(len(real))}
    found = intersections(real, [g for _c, g in pieces], piece_index, is_cancelled)
    ha = area([polys for _i, _j, polys in found])
    for (i, j, _p), value in zip(found, ha):
        by_class[pieces[j][0]][i] += value
    prot = np.zeros(len(real))
    if protected:
        found = intersections(real, protected, None, is_cancelled)
        np.add.at(prot, np.array([i for i, _j, _p in found], dtype=np.int64), area([p for _i, _j, p in found]))
    # overlaps between initiatives: the area each shares with the union of the others
    self_index = GridIndex(envelopes(real))
    overlap_ha = np.zeros(len(real))
    overlaps_with = [[] for _ in real]
    for i, geom in enumerate(real):
        others = [int(j) for j in self_index.query(geom.GetEnvelope()) if j != i]
        shared = []
        for j in others:
            polys = polygons_of(_overlay("Intersection", geom, real[j]))
            if polys and area([polys])[0] >= OVERLAP_MIN_HA:
                shared.extend(polys)
                overlaps_with[i].append(present[j])
        if shared:
            overlap_ha[i] = area([dissolve(shared, split=False)])[0]
    rows = []
    k = 0
    for geom in geoms:
        if geom is None:
            rows.append(None)
            continue
        a, b, both = by_class[ONLY_A][k], by_class[ONLY_B][k], by_class[BOTH][k]
        rows.append({"geometry": geom, "ha": total[k], "ha_a": a + both, "ha_b": b + both, "ha_both": both,
                     "ha_neither": max(0.0, total[k] - a - b - both), "ha_protected": prot[k],
                     "overlap_ha": overlap_ha[k], "overlaps_with": overlaps_with[k],
                     "overlaps_other": bool(overlaps_with[k]), "counts_both": both >= OVERLAP_MIN_HA})
        k += 1
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
