"""algorithms/overlap.py: repair, index, dissolve, partition, ellipsoidal areas, gap and Target 2 sums.

Hand-made squares in UTM 18S have known planar areas (exact) and known ellipsoidal areas (checked
against vector_areas and an independent equal-area projection through PROJ).
"""

import math

import numpy as np
import pytest
from osgeo import ogr, osr
from rasters import write_raster

from t2restore.algorithms import overlap as ov
from t2restore.algorithms import target2 as t2
from t2restore.algorithms.errors import Cancelled, InputError
from t2restore.algorithms.geometry import cell_area_ha, ellipsoidal_area_ha

X0, Y0 = 400000.0, 8960000.0


def sq(x, y, size, size_y=None):
    s2 = size if size_y is None else size_y
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + s2},{x} {y + s2},{x} {y}))"


def geoms(*wkts):
    return [ov.clean_geometry(w)[0][0] for w in wkts]


def utm(epsg=32718):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def planar(pieces, cls=None):
    return sum(g.GetArea() for c, g in pieces if cls is None or c == cls)


def laea_area_ha(geom, srs):
    """Independent truth: densify, project with PROJ onto a local Lambert azimuthal equal-area, measure."""
    g = geom.Clone()
    g.Segmentize(10.0)
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    g.Transform(osr.CoordinateTransformation(srs, wgs))
    c = g.Centroid()
    laea = osr.SpatialReference()
    laea.ImportFromProj4(f"+proj=laea +lat_0={c.GetY()} +lon_0={c.GetX()} +ellps=WGS84 +units=m")
    laea.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    g.Transform(osr.CoordinateTransformation(wgs, laea))
    return g.GetArea() / 10000.0


def assert_partition(pieces, a_polys, b_polys):
    """Every piece valid, no two pieces overlapping, their union the union of A and B, classes right."""
    polys = [g for _c, g in pieces]
    for g in polys:
        assert g.IsValid() and g.GetArea() > 0
    index = ov.GridIndex(ov.envelopes(polys))
    for i, g in enumerate(polys):
        for j in index.query(g.GetEnvelope()):
            if j > i:
                # the area of the polygons only: a shared ring comes back as a closed LineString,
                # whose GetArea() is the area it encloses (GEOS >= 3.12 merges boundary lines)
                overlap = ov.polygonal_area(g.Intersection(polys[j]))
                assert overlap < 1e-6, (i, j, overlap)
    union_a = ov.multipolygon(a_polys).UnionCascaded()
    union_b = ov.multipolygon(b_polys).UnionCascaded()
    both = ov.polygonal_area(union_a.Intersection(union_b))
    assert planar(pieces) == pytest.approx(union_a.Union(union_b).GetArea(), rel=1e-9)
    assert planar(pieces, ov.BOTH) == pytest.approx(both, rel=1e-9, abs=1e-6)
    assert planar(pieces, ov.ONLY_A) == pytest.approx(union_a.GetArea() - both, rel=1e-9, abs=1e-6)
    assert planar(pieces, ov.ONLY_B) == pytest.approx(union_b.GetArea() - both, rel=1e-9, abs=1e-6)


# -- cleaning ----------------------------------------------------------------------------------------

def test_clean_null_empty_and_non_areal():
    assert ov.clean_geometry(None) == ([], ov.NULL)
    assert ov.clean_geometry(b"") == ([], ov.NULL)
    assert ov.clean_geometry("POLYGON EMPTY") == ([], ov.NULL)
    assert ov.clean_geometry("LINESTRING(0 0,1 1)")[1] == ov.DROPPED
    # a polygon collapsed to a line has no area left after repair
    assert ov.clean_geometry("POLYGON((0 0,1 1,2 2,0 0))")[1] == ov.DROPPED


def test_self_intersecting_bowtie_is_repaired_keeping_both_lobes():
    polys, status = ov.clean_geometry("POLYGON((0 0,2 2,2 0,0 2,0 0))")
    assert status == ov.REPAIRED
    assert len(polys) == 2 and all(p.IsValid() for p in polys)
    assert sum(p.GetArea() for p in polys) == pytest.approx(2.0)


def test_multipart_with_overlapping_parts_is_merged_and_split_into_parts():
    wkt = "MULTIPOLYGON(((0 0,2 0,2 2,0 2,0 0)),((1 0,3 0,3 2,1 2,1 0)),((10 10,11 10,11 11,10 11,10 10)))"
    polys, status = ov.clean_geometry(wkt)
    assert status == ov.REPAIRED
    assert sorted(round(p.GetArea(), 9) for p in polys) == [1.0, 6.0]
    polys, status = ov.clean_geometry("MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,6 5,6 6,5 6,5 5)))")
    assert status == ov.OK and len(polys) == 2


def test_curves_z_and_wkb_are_accepted():
    curve = "CURVEPOLYGON(CIRCULARSTRING(0 0,2 0,2 2,0 2,0 0))"
    polys, status = ov.clean_geometry(curve)
    assert status == ov.OK and polys[0].GetArea() == pytest.approx(2 * math.pi, rel=1e-2)  # circle r = sqrt 2
    g = ogr.CreateGeometryFromWkt("POLYGON Z((0 0 5,1 0 5,1 1 5,0 1 5,0 0 5))")
    polys, status = ov.clean_geometry(g.ExportToWkb())
    assert status == ov.OK and polys[0].GetCoordinateDimension() == 2


def test_clean_all_counts_and_first_repaired_ids():
    items = [(1, sq(0, 0, 1)), (2, None), (3, "POLYGON((0 0,2 2,2 0,0 2,0 0))"), (4, "POINT(1 1)")]
    polys, stats = ov.clean_all(items)
    assert (stats.features, stats.null, stats.repaired, stats.dropped, stats.parts) == (4, 1, 1, 1, 3)
    assert stats.repaired_ids == [3] and len(polys) == 3


# -- index -------------------------------------------------------------------------------------------

def test_grid_index_matches_brute_force():
    rng = np.random.default_rng(3)
    n = 2000
    x, y = rng.uniform(0, 1000, n), rng.uniform(0, 1000, n)
    w, h = rng.lognormal(1, 1, n), rng.lognormal(1, 1, n)
    boxes = np.column_stack([x, x + w, y, y + h])
    boxes[:5] = [[0, 900, 0, 900]] * 5  # large boxes, kept aside by the index
    index = ov.GridIndex(boxes)
    assert len(index.big) >= 5
    for _ in range(300):
        qx, qy = rng.uniform(-50, 1050, 2)
        q = (qx, qx + rng.uniform(0, 80), qy, qy + rng.uniform(0, 80))
        truth = np.flatnonzero((boxes[:, 0] <= q[1]) & (boxes[:, 1] >= q[0]) & (boxes[:, 2] <= q[3])
                               & (boxes[:, 3] >= q[2]))
        np.testing.assert_array_equal(index.query(q), truth)
    assert len(ov.GridIndex(np.zeros((0, 4))).query((0, 1, 0, 1))) == 0


def test_grid_index_wide_queries_in_one_row_return_each_box_once():
    boxes = np.array([[k, k + 1.0, 0, 1.0] for k in range(0, 40, 2)] + [[0, 40.0, 0, 1.0]])  # one wide box
    index = ov.GridIndex(boxes)
    assert index.nx > 3 and index.ny >= 1
    found = index.query((0.5, 39.5, 0.2, 0.4))
    np.testing.assert_array_equal(found, np.arange(len(boxes)))


def brute_pairs(boxes):
    n = len(boxes)
    return {(p, q) for p in range(n) for q in range(p + 1, n)
            if boxes[p, 0] <= boxes[q, 1] and boxes[p, 1] >= boxes[q, 0]
            and boxes[p, 2] <= boxes[q, 3] and boxes[p, 3] >= boxes[q, 2]}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_index_pairs_and_clusters_match_brute_force(seed):
    rng = np.random.default_rng(seed)
    n = 400
    x, y = rng.uniform(0, 100, n), rng.uniform(0, 100, n)
    w, h = rng.uniform(0, 6, n), rng.uniform(0, 6, n)
    boxes = np.column_stack([x, x + w, y, y + h])
    boxes[:3] = [[0, 80, 40, 41], [50, 51, 0, 100], [10, 90, 10, 90]]  # large boxes, kept aside
    truth = brute_pairs(boxes)
    i, j = ov.GridIndex(boxes).pairs()
    assert set(zip(i.tolist(), j.tolist())) == truth and len(i) == len(truth)
    parent = list(range(n))

    def root(k):
        while parent[k] != k:
            k = parent[k]
        return k

    for p, q in truth:
        parent[root(p)] = root(q)
    groups = {}
    for k in range(n):
        groups.setdefault(root(k), []).append(k)
    assert sorted(map(sorted, groups.values())) == sorted(map(sorted, ov.clusters(boxes)))


# -- areas -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("epsg,x,y,size", [
    (32718, X0, Y0, 1000.0),           # 100 ha near Huánuco
    (32719, 250000.0, 8450000.0, 20000.0),  # Puno, far from the central meridian
    (24877, 500000.0, 9500000.0, 5000.0),   # PSAD56 / UTM 17S
])
def test_area_of_projected_squares_against_two_independent_truths(epsg, x, y, size):
    srs = utm(epsg)
    g = ov.clean_geometry(sq(x, y, size))[0][0]
    ha = ov.AreaCalculator(srs)([g])[0]
    g.AssignSpatialReference(srs)
    assert ha == pytest.approx(laea_area_ha(g, srs), rel=1e-7)
    # vector_areas agrees to 2e-7 on GDAL 3.6 but is 4e-6 off on GDAL 3.10 (its own densification)
    assert ha == pytest.approx(ellipsoidal_area_ha(g), rel=1e-5)
    # the UTM scale factor makes the ellipsoidal area differ from the planar one: not simply planar
    assert abs(ha - size * size / 1e4) > 1e-4 * size * size / 1e4


def test_area_of_lonlat_rectangle_is_the_closed_form():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    g = ov.clean_geometry("POLYGON((-76 -10,-75 -10,-75 -9,-76 -9,-76 -10))")[0][0]
    hole = ov.clean_geometry("POLYGON((-76 -10,-75 -10,-75 -9,-76 -9,-76 -10),"
                             "(-75.6 -9.6,-75.4 -9.6,-75.4 -9.4,-75.6 -9.4,-75.6 -9.6))")[0][0]
    ha = ov.AreaCalculator(srs)([g, hole, ov.multipolygon([g])])
    truth = cell_area_ha(-76, -10, -75, -9)
    assert ha[0] == pytest.approx(truth, rel=1e-10)
    assert ha[1] == pytest.approx(truth - cell_area_ha(-75.6, -9.6, -75.4, -9.4), rel=1e-9)
    assert ha[2] == pytest.approx(truth, rel=1e-10)


def test_area_calculator_handles_lists_and_empty_input():
    calc = ov.AreaCalculator(utm())
    a, b = geoms(sq(X0, Y0, 100), sq(X0 + 500, Y0, 200))
    ha = calc([[a, b], a, ov.multipolygon([])])
    assert ha[0] == pytest.approx(calc([a])[0] + calc([b])[0], rel=1e-12) and ha[2] == 0.0
    assert ha[1] == pytest.approx(calc([a])[0], rel=1e-12)
    assert len(calc([])) == 0
    with pytest.raises(InputError):
        ov.AreaCalculator(None)


# -- dissolve and partition ----------------------------------------------------------------------------

def test_dissolve_counts_overlaps_once_and_returns_disjoint_parts():
    polys = geoms(sq(0, 0, 10), sq(5, 0, 10), sq(100, 100, 1), sq(100.5, 100, 1), sq(300, 0, 2))
    parts = ov.dissolve(polys)
    assert len(parts) == 3
    assert sum(p.GetArea() for p in parts) == pytest.approx(150 + 1.5 + 4)
    assert ov.multipolygon(parts).IsValid()


def test_union_matches_cascaded_union_and_falls_back(monkeypatch):
    polys = random_blobs(60, 9, extent=2000)
    truth = ov.multipolygon(polys).UnionCascaded().GetArea()
    merged = ov.union(polys)
    assert ov.multipolygon(merged).IsValid()
    assert sum(p.GetArea() for p in merged) == pytest.approx(truth, rel=1e-9)
    monkeypatch.setattr(ogr.Geometry, "Buffer", lambda self, distance: self.Clone())  # a wrong "union"
    assert sum(p.GetArea() for p in ov.union(polys)) == pytest.approx(truth, rel=1e-9)


def test_split_large_keeps_the_area_and_bounds_vertices():
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for k in range(12001):
        t = 2 * math.pi * k / 12000
        r = 1000 * (1 + 0.1 * math.sin(40 * t))  # star-shaped: a simple ring
        ring.AddPoint_2D(r * math.cos(t), r * math.sin(t))
    ring.CloseRings()
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    pieces = ov.split_large([poly], max_vertices=2000)
    assert len(pieces) > 4
    assert all(ov.vertex_count(p) <= 2000 and p.IsValid() for p in pieces)
    assert sum(p.GetArea() for p in pieces) == pytest.approx(poly.GetArea(), rel=1e-12)
    for i, p in enumerate(pieces):  # disjoint interiors (they share cut edges)
        assert all(ov.polygonal_area(p.Intersection(q)) < 1e-6 for q in pieces[i + 1:])


def test_partition_of_hand_made_squares():
    a = geoms(sq(0, 0, 1000), sq(500, 0, 1000))      # A = [0, 1500] x [0, 1000], overlapping inside A
    b = geoms(sq(1000, 0, 1000), sq(5000, 0, 100))   # B = [1000, 2000] x [0, 1000] + a distant square
    pieces = ov.partition(ov.dissolve(a), ov.dissolve(b))
    assert planar(pieces, ov.ONLY_A) == pytest.approx(1000 * 1000)
    assert planar(pieces, ov.BOTH) == pytest.approx(500 * 1000)
    assert planar(pieces, ov.ONLY_B) == pytest.approx(500 * 1000 + 100 * 100)
    assert_partition(pieces, a, b)


def test_partition_without_overlap_has_no_both_class():
    a, b = geoms(sq(0, 0, 10)), geoms(sq(10, 0, 10))  # touching along an edge only
    pieces = ov.partition(ov.dissolve(a), ov.dissolve(b))
    assert sorted(c for c, _g in pieces) == [ov.ONLY_A, ov.ONLY_B]


def random_blobs(n, seed, extent=20000.0, radius=300.0):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        cx, cy = rng.uniform(0, extent, 2)
        m = int(rng.integers(6, 20))
        t = np.sort(rng.uniform(0, 2 * np.pi, m))
        r = radius * rng.uniform(0.3, 1.5) * rng.uniform(0.6, 1.3, m)
        pts = ",".join(f"{x:.3f} {y:.3f}" for x, y in zip(cx + r * np.cos(t), cy + r * np.sin(t)))
        first = f"{cx + r[0] * np.cos(t[0]):.3f} {cy + r[0] * np.sin(t[0]):.3f}"
        out.extend(ov.clean_geometry(f"POLYGON(({pts},{first}))")[0])
    return out


def test_partition_of_random_overlapping_blobs_is_valid_and_conserves_area():
    a, b = random_blobs(400, 1), random_blobs(400, 2)
    pieces = ov.partition(ov.dissolve(a), ov.dissolve(b))
    assert {c for c, _g in pieces} == {ov.ONLY_A, ov.ONLY_B, ov.BOTH}
    assert_partition(pieces, a, b)


def test_partition_with_huge_parts_split_stays_a_partition(monkeypatch):
    monkeypatch.setattr(ov, "MAX_VERTICES", 60)
    a, b = random_blobs(150, 5, extent=3000), random_blobs(150, 6, extent=3000)
    parts_a = ov.split_large(ov.dissolve(a, split=False), 60)
    assert max(ov.vertex_count(p) for p in parts_a) <= 60
    pieces = ov.partition(parts_a, ov.split_large(ov.dissolve(b, split=False), 60))
    assert_partition(pieces, a, b)


def test_polygonal_area_ignores_lines_even_closed_ones():
    closed = ogr.CreateGeometryFromWkt("LINESTRING(0 0,1 0,1 1,0 1,0 0)")
    assert closed.GetArea() == pytest.approx(1.0)  # GDAL's trap: the area a closed line encloses
    assert ov.polygonal_area(closed) == 0.0
    mixed = ogr.CreateGeometryFromWkt("GEOMETRYCOLLECTION(POLYGON((5 5,7 5,7 7,5 7,5 5)),LINESTRING(0 0,1 0,1 1,0 0))")
    assert ov.polygonal_area(mixed) == pytest.approx(4.0)
    # a piece filling another's hole: GEOS 3.15 returns the shared ring as one closed LineString
    holed = ogr.CreateGeometryFromWkt("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2))")
    filler = ogr.CreateGeometryFromWkt(sq(2, 2, 2))
    assert ov.polygonal_area(holed.Intersection(filler)) == 0.0
    assert ov.polygonal_area(None) == 0.0


ADVERSARIAL = {
    # B fills A's hole exactly and covers part of A's outside: shared whole rings
    "hole filled": ([f"POLYGON(({X0} {Y0},{X0 + 900} {Y0},{X0 + 900} {Y0 + 900},{X0} {Y0 + 900},{X0} {Y0}),"
                     f"({X0 + 300} {Y0 + 300},{X0 + 300} {Y0 + 600},{X0 + 600} {Y0 + 600},{X0 + 600} {Y0 + 300},"
                     f"{X0 + 300} {Y0 + 300}))"],
                    [sq(X0 + 300, Y0 + 300, 300), sq(X0 + 800, Y0 + 800, 400)],
                    (900 * 900 - 300 * 300 - 100 * 100, 100 * 100, 400 * 400 - 100 * 100 + 300 * 300)),
    # edge-sharing squares on both sides, B's edges on A's edges
    "shared edges": ([sq(X0, Y0, 100), sq(X0 + 100, Y0, 100), sq(X0 + 200, Y0, 100)],
                     [sq(X0 + 100, Y0, 100), sq(X0 + 200, Y0 + 100, 100), sq(X0 + 300, Y0, 100)],
                     (20000, 10000, 20000)),
    # the same squares with their vertices moved by a nanometre: near-coincident edges
    "nearly coincident vertices": ([sq(X0, Y0, 500), sq(X0 + 2000, Y0, 500)],
                                   [sq(X0 + 1e-9, Y0 - 1e-9, 500), sq(X0 + 2000, Y0 + 250 + 1e-9, 500)],
                                   (500 * 250, 500 * 500 + 500 * 250, 500 * 250)),
    "identical layers": ([sq(X0, Y0, 700), sq(X0 + 700, Y0 + 700, 300)],
                         [sq(X0, Y0, 700), sq(X0 + 700, Y0 + 700, 300)],
                         (0, 700 * 700 + 300 * 300, 0)),
}


@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_partition_of_adversarial_inputs_is_a_partition(case):
    a_wkt, b_wkt, (only_a, both, only_b) = ADVERSARIAL[case]
    a = [p for w in a_wkt for p in ov.clean_geometry(w)[0]]
    b = [p for w in b_wkt for p in ov.clean_geometry(w)[0]]
    pieces = ov.partition(ov.dissolve(a), ov.dissolve(b))
    assert planar(pieces, ov.ONLY_A) == pytest.approx(only_a, abs=1e-3)
    assert planar(pieces, ov.BOTH) == pytest.approx(both, abs=1e-3)
    assert planar(pieces, ov.ONLY_B) == pytest.approx(only_b, abs=1e-3)
    assert_partition(pieces, a, b)


@pytest.mark.parametrize("side", ["A", "B"])
def test_partition_refuses_pieces_that_count_land_twice(monkeypatch, side):
    a, b = geoms(sq(X0, Y0, 1000)), geoms(sq(X0 + 500, Y0, 1000))
    parts_a, parts_b = ov.dissolve(a), ov.dissolve(b)
    broken = parts_a[0] if side == "A" else parts_b[0]
    overlay = ov._overlay

    def wrong_difference(op, left, right):  # an overlay that leaves the overlap in the difference too
        return left.Clone() if op == "Difference" and left is broken else overlay(op, left, right)

    monkeypatch.setattr(ov.pieces, "overlay", wrong_difference)  # the overlay the partition calls
    with pytest.raises(InputError) as err:
        ov.partition(parts_a, parts_b)
    assert "did not conserve area near" in str(err.value) and "counted twice" in str(err.value)
    assert "Fix geometries" in str(err.value)


def test_cancel_stops_the_overlay():
    a, b = random_blobs(50, 1), random_blobs(50, 2)
    with pytest.raises(Cancelled):
        ov.partition(ov.dissolve(a), ov.dissolve(b), is_cancelled=lambda: True)
    with pytest.raises(Cancelled):
        ov.gap_overlap(a, b, utm(), is_cancelled=lambda: True)


# -- gap overlap ---------------------------------------------------------------------------------------

def test_gap_overlap_areas_by_zone_and_protection():
    srs = utm()
    a = geoms(sq(X0, Y0, 1000), sq(X0 + 500, Y0, 1000))
    b = geoms(sq(X0 + 1000, Y0, 1000))
    protected = geoms(sq(X0 + 1200, Y0, 300))                # inside "both"
    zones = [("Huánuco", g) for g in geoms(sq(X0 - 1000, Y0 - 1000, 2000, 3000))] + \
            [("Ucayali", g) for g in geoms(sq(X0 + 1000, Y0 - 1000, 2000, 3000))]
    result = ov.gap_overlap(a, b, srs, protected=protected, zones=zones)
    calc = ov.AreaCalculator(srs)
    truth = {ov.ONLY_A: calc(geoms(sq(X0, Y0, 1000)))[0], ov.BOTH: calc(geoms(sq(X0 + 1000, Y0, 500, 1000)))[0],
             ov.ONLY_B: calc(geoms(sq(X0 + 1500, Y0, 500, 1000)))[0]}
    for cls, ha in truth.items():
        assert result.totals[cls] == pytest.approx(ha, rel=1e-7)
    table = {(label, cls): (ha, pha) for label, cls, ha, pha in result.table}
    assert table[("Huánuco", ov.ONLY_A)][0] == pytest.approx(truth[ov.ONLY_A], rel=1e-7)
    assert table[("Ucayali", ov.BOTH)][0] == pytest.approx(truth[ov.BOTH], rel=1e-7)
    assert table[(None, ov.BOTH)][1] == pytest.approx(calc(protected)[0], rel=1e-7)
    assert table[(None, ov.ONLY_A)][1] == 0.0
    assert not any(label == "" for label, _c, _h, _p in result.table)  # zones cover everything
    assert sum(result.areas) == pytest.approx(sum(truth.values()), rel=1e-9)


def test_land_outside_every_zone_has_its_own_row():
    a, b = geoms(sq(X0, Y0, 1000)), geoms(sq(X0 + 500, Y0, 1000))
    zones = [("Pasco", g) for g in geoms(sq(X0, Y0, 250, 1000))]
    result = ov.gap_overlap(a, b, utm(), zones=zones)
    table = {(label, cls): ha for label, cls, ha, _p in result.table}
    assert table[("", ov.ONLY_A)] == pytest.approx(table[(None, ov.ONLY_A)] / 2, rel=1e-6)
    assert table[("", ov.ONLY_B)] == pytest.approx(table[(None, ov.ONLY_B)], rel=1e-9)


def test_initiatives_areas_and_double_counting_flags():
    a, b = geoms(sq(X0, Y0, 1000)), geoms(sq(X0 + 500, Y0, 1000))
    protected = geoms(sq(X0, Y0, 100))
    initiatives = [
        geoms(sq(X0 + 400, Y0, 200)),           # 100 x 200 in A only, 100 x 200 in both
        geoms(sq(X0 + 450, Y0, 100)),           # inside the first: overlaps it
        geoms(sq(X0 - 200, Y0, 300)),           # 200 x 300 in neither, 100 x 300 in A (100 x 100 protected)
        None,                                   # no geometry
        geoms(sq(X0 + 3000, Y0, 100)),          # far from everything
    ]
    result = ov.gap_overlap(a, b, utm(), protected=protected, initiatives=initiatives)
    rows = result.initiatives
    calc = ov.AreaCalculator(utm())
    ha = lambda *w: calc(geoms(*w))[0]  # noqa: E731
    r0 = rows[0]
    assert r0["ha"] == pytest.approx(ha(sq(X0 + 400, Y0, 200)), rel=1e-7)
    assert r0["ha_a"] == pytest.approx(r0["ha"], rel=1e-7)
    assert r0["ha_both"] == pytest.approx(ha(sq(X0 + 500, Y0, 100, 200)), rel=1e-6)
    assert r0["ha_b"] == pytest.approx(r0["ha_both"], rel=1e-9)
    assert r0["overlaps_other"] and r0["counts_both"] and r0["overlaps_with"] == [1]
    assert r0["overlap_ha"] == pytest.approx(ha(sq(X0 + 450, Y0, 100)), rel=1e-7)
    assert rows[1]["overlaps_with"] == [0]
    r2 = rows[2]
    assert r2["ha_neither"] == pytest.approx(ha(sq(X0 - 200, Y0, 200, 300)), rel=1e-6)
    assert r2["ha_protected"] == pytest.approx(ha(sq(X0, Y0, 100)), rel=1e-7)
    assert not r2["overlaps_other"] and not r2["counts_both"]
    assert rows[3] is None
    assert rows[4]["ha_neither"] == pytest.approx(rows[4]["ha"]) and rows[4]["ha_a"] == 0.0


def test_touching_initiatives_and_slivers_do_not_overlap():
    a = geoms(sq(X0, Y0, 1000))
    result = ov.gap_overlap(a, a, utm(), initiatives=[
        geoms(sq(X0, Y0, 100)), geoms(sq(X0 + 100, Y0, 100)),          # touching along an edge
        geoms(sq(X0 + 300, Y0, 100)), geoms(sq(X0 + 399.995, Y0, 100)),  # sliver of 0.5 m2 (< 1 m2)
        geoms(sq(X0 + 600, Y0, 100)), geoms(sq(X0 + 699.9, Y0, 100))])   # 10 m2: a real overlap
    flags = [r["overlaps_other"] for r in result.initiatives]
    assert flags == [False, False, False, False, True, True]
    assert all(r["counts_both"] for r in result.initiatives)  # identical gaps: everything is in both


@pytest.mark.parametrize("empty", ["a", "b"])
def test_empty_gap_is_refused_naming_it(empty):
    a, b = geoms(sq(0, 0, 10)), geoms(sq(5, 0, 10))
    with pytest.raises(InputError) as err:
        ov.gap_overlap([] if empty == "a" else a, [] if empty == "b" else b, utm())
    assert f"GAP_{empty.upper()} has no polygon" in str(err.value)


# -- rasters -------------------------------------------------------------------------------------------

def test_polygonize_mask_follows_pixels(tmp_path):
    arr = np.zeros((40, 30), np.int16)
    arr[5:15, 3:9] = 1
    arr[20:30, 10:25] = -1
    arr[0, 0] = -32768  # nodata: not in the mask
    path = write_raster(tmp_path / "m.tif", arr, nodata=-32768)
    polys, wkt = ov.polygonize_mask(path, str(tmp_path))
    assert "UTM zone 18S" in wkt
    assert sum(p.GetArea() for p in polys) == pytest.approx((60 + 150) * 900)
    only, _ = ov.polygonize_mask(path, str(tmp_path), values=[-1])
    assert sum(p.GetArea() for p in only) == pytest.approx(150 * 900)
    assert [p.name for p in tmp_path.iterdir()] == ["m.tif"]  # temporary mask removed


def test_polygonize_mask_in_strips_gives_the_same_polygons_whatever_the_threads(tmp_path, monkeypatch):
    """Strips of 7 rows polygonized in 1 and 3 threads: the same polygons in the same order, each inside one
    strip (a shape crossing a strip's edge is cut there), the pixels' area in all, the temporary mask removed."""
    from osgeo import gdal

    from t2restore.algorithms.block_threads import use_threads
    from t2restore.algorithms.overlap import masks

    monkeypatch.setattr(masks, "STRIP_ROWS", 7)
    rng = np.random.default_rng(3)
    arr = (rng.random((40, 30)) < 0.35).astype(np.uint8)
    arr[2:30, 4:9] = 1  # one tall shape across four strips
    path = write_raster(tmp_path / "m.tif", arr)
    runs = []
    for threads in (1, 3):
        with use_threads(threads):
            polys, _wkt = ov.polygonize_mask(path, str(tmp_path))
        runs.append([p.ExportToWkb() for p in polys])
    assert runs[0] == runs[1]
    assert sum(p.GetArea() for p in polys) == pytest.approx(int(arr.sum()) * 900)
    top = gdal.Open(path).GetGeoTransform()[3]
    for poly in polys:
        _x0, _x1, y0, y1 = poly.GetEnvelope()
        first, last = int(round((top - y1) / 30)), int(round((top - y0) / 30)) - 1
        assert first // 7 == last // 7, (first, last)
    assert [p.name for p in tmp_path.iterdir()] == ["m.tif"]


def test_polygonize_mask_gives_the_strips_buffers_back_before_the_overlay(tmp_path, monkeypatch):
    """Freed scanline buffers stayed in the heap (block_memory's thresholds): national gap overlap 1.19 GB, 0.99
    GB with malloc_trim after the strips."""
    from t2restore.algorithms.overlap import masks

    calls = []
    monkeypatch.setattr(masks, "release", lambda: calls.append("release"))
    polys, _wkt = ov.polygonize_mask(write_raster(tmp_path / "m.tif", np.ones((9, 8), np.uint8)), str(tmp_path))
    assert polys and calls == ["release"]


def test_polygonize_mask_cancelled_while_polygonizing_leaves_nothing(tmp_path, monkeypatch):
    from t2restore.algorithms.overlap import masks

    monkeypatch.setattr(masks, "STRIP_ROWS", 5)
    arr = np.ones((40, 30), np.uint8)
    path = write_raster(tmp_path / "m.tif", arr)
    seen = []

    def progress(fraction):
        seen.append(fraction)

    with pytest.raises(Cancelled):
        ov.polygonize_mask(path, str(tmp_path), progress=progress, is_cancelled=lambda: any(f > 0.5 for f in seen))
    assert any(f > 0.5 for f in seen) and max(seen) < 1.0  # stopped during the strips, not before or after
    assert [p.name for p in tmp_path.iterdir()] == ["m.tif"]


def test_whole_raster_gdal_passes_run_under_the_engines_cache_cap(tmp_path, monkeypatch):
    """GDAL's Polygonize (raster gaps) and RasterizeLayer (outcome areas) read or write the whole grid through
    GDAL's block cache, 5 % of RAM by default: a national mask took 1.4 GB. Both run under the engine's cap,
    and the user's cache size is back afterwards."""
    from osgeo import gdal

    from t2restore.algorithms import blocks
    from t2restore.algorithms.outcomes import gather

    seen = []

    def spy(name):
        real = getattr(gdal, name)

        def call(*args, **kwargs):
            seen.append((name, gdal.GetCacheMax()))
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(gdal, "Polygonize", spy("Polygonize"))
    monkeypatch.setattr(gdal, "RasterizeLayer", spy("RasterizeLayer"))
    before = gdal.GetCacheMax()
    assert before > blocks.RUN_CACHE_BYTES  # else this test shows nothing
    arr = np.zeros((40, 30), np.uint8)
    arr[5:15, 3:9] = 1
    path = write_raster(tmp_path / "m.tif", arr)
    polys, _wkt = ov.polygonize_mask(path, str(tmp_path))
    grid = blocks.Grid.of(gdal.Open(path))
    gather.burn([polys], grid, str(tmp_path / "burnt.tif"), False)
    assert [name for name, _ in seen] == ["Polygonize", "RasterizeLayer"]
    assert all(cache <= blocks.RUN_CACHE_BYTES for _, cache in seen), seen
    assert gdal.GetCacheMax() == before
    burnt = gdal.Open(str(tmp_path / "burnt.tif")).ReadAsArray()
    assert int(burnt.sum()) == int(arr.sum())  # the same 60 pixels, burnt as polygon set 1


def test_target2_raster_and_vector_agree_on_pixel_aligned_squares(tmp_path):
    srs = utm()
    arr = np.zeros((100, 100), np.int16)
    arr[:, :50] = -1                                  # degraded: x in [X0, X0 + 1500]
    path = write_raster(tmp_path / "d.tif", arr, nodata=-32768, geotransform=(X0, 30.0, 0.0, Y0, 0.0, -30.0))
    degraded = geoms(sq(X0, Y0 - 3000, 1500, 3000))
    restoration = geoms(sq(X0 + 900, Y0 - 900, 1200, 600), sq(X0 + 1200, Y0 - 900, 1200, 600))  # overlapping
    zones = [("Junín", g) for g in geoms(sq(X0, Y0 - 3000, 1200, 3000))]
    raster, _grid = t2.target2_raster(path, [-1], restoration, str(tmp_path), [zones], block_size=37)
    vector = t2.target2_vector(degraded, restoration, srs, [zones])
    calc = ov.AreaCalculator(srs)
    inside = calc(geoms(sq(X0 + 900, Y0 - 900, 600, 600)))[0]
    outside = calc(geoms(sq(X0 + 1500, Y0 - 900, 900, 600)))[0]  # union counted once
    for result in (raster, vector):
        rows = {(r[0], r[1]): r[2:] for r in result.rows}
        assert rows[(None, None)][0] == pytest.approx(calc(degraded)[0], rel=1e-6)
        assert rows[(None, None)][1] == pytest.approx(inside, rel=1e-6)
        assert rows[(None, None)][2] == pytest.approx(outside, rel=1e-6)
        assert rows[(0, "Junín")][1] == pytest.approx(inside / 2, rel=1e-6)
        assert rows[(0, "")][0] == pytest.approx(calc(degraded)[0] / 5, rel=1e-5)
        # the same land cut into other pieces: AreaCalculator agrees with itself to ~2e-6 (edges < 1 km
        # are not densified), so the output geometry is compared at 1e-5
        assert calc(result.inside).sum() == pytest.approx(inside, rel=1e-5)
        assert calc(result.outside).sum() == pytest.approx(outside, rel=1e-5)


def test_indicator_figures():
    f = t2.indicator(1000.0, 100.0, 30.0, 330000.0)
    assert f["share_pct"] == pytest.approx(10.0)
    assert f["to_share_ha"] == pytest.approx(200.0)
    assert f["to_target_ha"] == pytest.approx(329900.0)
    assert f["target_contribution_pct"] == pytest.approx(100 / 3300)
    done = t2.indicator(1000.0, 400.0, 30.0)
    assert done["to_share_ha"] == 0.0 and done["to_target_ha"] is None
    assert t2.indicator(0.0, 0.0, 30.0)["share_pct"] is None
