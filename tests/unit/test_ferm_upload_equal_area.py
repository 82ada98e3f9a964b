"""FERM's hectares (EPSG:6933 area of the union) against independent references."""

import math
import os

import numpy as np
import pytest
from osgeo import ogr

from t2restore.algorithms.geometry.equal_area import equal_area_ha

A = 6378137.0
F = 1.0 / 298.257223563
E2 = F * (2.0 - F)
E = math.sqrt(E2)
# EPSG:6933: Lambert cylindrical equal-area on the WGS 84 ellipsoid, standard parallel 30 degrees.
K0 = math.cos(math.radians(30.0)) / math.sqrt(1.0 - E2 * math.sin(math.radians(30.0)) ** 2)


def _q(lat_deg):
    s = math.sin(math.radians(lat_deg))
    return (1.0 - E2) * (s / (1.0 - E2 * s * s) - (1.0 / (2.0 * E)) * math.log((1.0 - E * s) / (1.0 + E * s)))


def analytic_6933(lon, lat):
    """Closed-form EPSG:6933 coordinates (Snyder, Map Projections, eq. 10-15 and 10-16)."""
    return A * K0 * math.radians(lon), A * _q(lat) / (2.0 * K0)


def shoelace_ha(points):
    xy = np.array(points)
    x, y = xy[:, 0], xy[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))) / 2.0 / 10000.0


def polygon(*rings):
    poly = ogr.Geometry(ogr.wkbPolygon)
    for ring_points in rings:
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in list(ring_points) + [ring_points[0]]:
            ring.AddPoint_2D(x, y)
        poly.AddGeometry(ring)
    return poly


def multipolygon(*polys):
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for poly in polys:
        multi.AddGeometry(poly)
    return multi


def rectangle(lon0, lat0, lon1, lat1):
    return [(lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1)]


def test_rectangle_matches_the_closed_form():
    # A lon/lat rectangle is a rectangle in any cylindrical projection: width x height, exactly.
    lon0, lat0, lon1, lat1 = -75.3, -12.1, -75.0, -11.7
    (x0, y0), (x1, y1) = analytic_6933(lon0, lat0), analytic_6933(lon1, lat1)
    expected = (x1 - x0) * (y1 - y0) / 10000.0
    assert equal_area_ha(polygon(rectangle(lon0, lat0, lon1, lat1))) == pytest.approx(expected, rel=1e-9)


def test_oblique_polygon_with_a_hole_matches_projected_vertices():
    # Straight edges in EPSG:6933 between the projected vertices: the shoelace of the closed form.
    outer = [(-76.0, -10.0), (-74.5, -10.4), (-74.9, -9.1), (-75.8, -9.3)]
    hole = [(-75.4, -9.9), (-75.1, -9.9), (-75.2, -9.6)]
    expected = shoelace_ha([analytic_6933(*p) for p in outer]) - shoelace_ha([analytic_6933(*p) for p in hole])
    assert equal_area_ha(polygon(outer, hole)) == pytest.approx(expected, rel=1e-9)


def test_overlapping_parts_count_once_as_in_ferms_union():
    # Two 0.2 x 0.2 degree squares overlapping by half: the union is a 0.3 x 0.2 rectangle.
    a = polygon(rectangle(-75.2, -11.8, -75.0, -11.6))
    b = polygon(rectangle(-75.1, -11.8, -74.9, -11.6))
    (x0, y0), (x1, y1) = analytic_6933(-75.2, -11.8), analytic_6933(-74.9, -11.6)
    union = (x1 - x0) * (y1 - y0) / 10000.0
    assert equal_area_ha(multipolygon(a, b)) == pytest.approx(union, rel=1e-9)
    assert equal_area_ha(multipolygon(a, b)) < equal_area_ha(a) + equal_area_ha(b) - 1.0


def test_empty_and_none_are_zero():
    assert equal_area_ha(None) == 0.0
    assert equal_area_ha(ogr.Geometry(ogr.wkbMultiPolygon)) == 0.0


def test_against_proj_6933_through_pyproj():
    pyproj = pytest.importorskip("pyproj")
    if os.path.exists("/usr/share/proj/proj.db"):
        pyproj.datadir.set_data_dir("/usr/share/proj")
    to_6933 = pyproj.Transformer.from_crs(4326, 6933, always_xy=True)
    outer = [(-70.2, -15.9), (-69.1, -16.3), (-68.8, -15.0), (-69.9, -14.6), (-70.4, -15.2)]
    lon, lat = zip(*outer)
    x, y = to_6933.transform(lon, lat)
    expected = shoelace_ha(list(zip(x, y)))
    assert equal_area_ha(polygon(outer)) == pytest.approx(expected, rel=1e-9)
