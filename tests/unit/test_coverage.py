"""algorithms/coverage.py: the share of each pixel that polygons cover, against GEOS cut pixel by pixel."""

import numpy as np
import pytest
from osgeo import ogr, osr

from t2restore.algorithms import coverage
from t2restore.algorithms import overlap as ov
from t2restore.algorithms.areas import CellAreas
from t2restore.algorithms.blocks import Grid


def blobs(seed, x0, y0, spread, size, count=5):
    """Dissolved star-shaped polygons, every other one with a hole."""
    rng = np.random.default_rng(seed)
    polys = []
    for i in range(count):
        cx, cy, r = x0 + rng.uniform(0, spread), y0 - rng.uniform(0, spread), rng.uniform(size / 10, size)
        ang = np.sort(rng.uniform(0, 2 * np.pi, 30))
        rad = r * rng.uniform(0.5, 1.0, 30)
        pts = [(cx + a * np.cos(t), cy + a * np.sin(t)) for a, t in zip(rad, ang)]
        wkt = "((" + ", ".join(f"{x} {y}" for x, y in pts + pts[:1]) + "))"
        if i % 2 == 0:
            hole = ", ".join(f"{cx + 0.2 * r * np.cos(t)} {cy + 0.2 * r * np.sin(t)}" for t in np.linspace(0, 6.3, 9))
            wkt = wkt[:-1] + f",({hole}, {cx + 0.2 * r} {cy}))"
        polys.extend(ov.clean_geometry(f"POLYGON{wkt}")[0])
    return ov.dissolve(polys, split=False)


def geos_truth(polys, gt, cols, rows, measure):
    union = ov.multipolygon(polys)
    out = np.zeros(len(cols))
    for i, (c, r) in enumerate(zip(cols, rows)):
        x, y = gt[0] + c * gt[1], gt[3] + r * gt[5]
        out[i] = measure(ov.polygons_of(union.Intersection(ov._rectangle(x, x + gt[1], y + gt[5], y))))
    return out


def test_shares_equal_geos_in_a_projected_grid():
    polys = blobs(5, 1000, 9000000, 2000, 600)
    gt = (900.0, 30.0, 0.0, 9000100.0, 0.0, -30.0)
    rows, cols = (a.ravel() for a in np.indices((80, 80)))
    shares = coverage.pixel_shares(polys, gt, cols, rows)
    truth = geos_truth(polys, gt, cols, rows, lambda ps: sum(p.GetArea() for p in ps) / 900.0)
    np.testing.assert_allclose(shares, truth, atol=1e-9)
    assert 0 < shares.mean() < 1


def test_shares_times_cell_areas_equal_the_ellipsoidal_pieces_in_degrees():
    polys = blobs(7, -76.99, -6.31, 0.08, 0.02)
    gt = (-77.0, 0.01, 0.0, -6.3, 0.0, -0.01)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    grid = Grid(10, 10, gt, srs.ExportToWkt())
    rows, cols = (a.ravel() for a in np.indices((10, 10)))
    cells = CellAreas(grid)
    ha = coverage.pixel_shares(polys, gt, cols, rows, deg=cells.deg) * cells.block(0, 0, 10, 10)[rows, cols]
    calc = ov.AreaCalculator(srs)
    truth = geos_truth(polys, gt, cols, rows, lambda ps: float(calc(ps).sum()) if ps else 0.0)
    np.testing.assert_allclose(ha, truth, rtol=1e-6, atol=1e-6)


def test_ring_orientation_and_holes_do_not_matter():
    outer = "(0 0, 90 0, 90 90, 0 90, 0 0)"
    hole_cw = "(30 30, 30 60, 60 60, 60 30, 30 30)"
    a = ogr.CreateGeometryFromWkt(f"POLYGON({outer},{hole_cw})")
    b = ogr.CreateGeometryFromWkt("POLYGON((0 0, 0 90, 90 90, 90 0, 0 0),(30 30, 60 30, 60 60, 30 60, 30 30))")
    gt = (0.0, 30.0, 0.0, 90.0, 0.0, -30.0)
    rows, cols = (x.ravel() for x in np.indices((3, 3)))
    for poly in (a, b):
        shares = coverage.pixel_shares([poly], gt, cols, rows)
        assert shares.tolist() == pytest.approx([1, 1, 1, 1, 0, 1, 1, 1, 1])
