"""Ellipsoidal area (algorithms/geometry, formerly vector_areas.py) against independent truths."""

import math

import numpy as np
import pytest
from osgeo import ogr, osr

from t2restore.algorithms import geometry as va


def _square(x0, y0, size, srs=None):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    if srs is not None:
        poly.AssignSpatialReference(srs)
    return poly


def _numeric_cell_area_ha(lon0, lat0, lon1, lat1, n=200001):
    """Area of a lat/lon cell by integrating M(phi) N(phi) cos(phi) (independent of q(phi))."""
    a, e2 = va.WGS84_A, va.WGS84_E2
    phi = np.radians(np.linspace(lat0, lat1, n))
    w = 1.0 - e2 * np.sin(phi) ** 2
    integrand = a * (1 - e2) / w**1.5 * a / np.sqrt(w) * np.cos(phi)
    integral = float(np.sum((integrand[1:] + integrand[:-1]) / 2.0 * np.diff(phi)))
    return integral * math.radians(lon1 - lon0) / 10000.0


def _srs(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def test_one_degree_cell_near_minus_ten_matches_authalic_truth():
    truth = _numeric_cell_area_ha(-75.0, -10.5, -74.0, -9.5)
    closed_form = va.cell_area_ha(-75.0, -10.5, -74.0, -9.5)
    assert closed_form == pytest.approx(truth, rel=1e-9)
    assert 1.2e6 < truth < 1.23e6  # about 12,100 km2
    computed = va.ellipsoidal_area_ha(_square(-75.0, -10.5, 1.0))
    assert abs(computed - truth) / truth < 1e-4  # < 0.01 %


def test_projected_input_matches_proj_equal_area():
    """A 1 km UTM 18S square: compare with PROJ's own Lambert azimuthal equal-area projection."""
    utm = _srs(32718)
    geom = _square(480000.0, 8700000.0, 1000.0, utm)
    ours = va.ellipsoidal_area_ha(geom)
    laea = osr.SpatialReference()
    laea.ImportFromProj4("+proj=laea +lat_0=-11.77 +lon_0=-75.18 +ellps=WGS84 +units=m +no_defs")
    laea.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dense = geom.Clone()
    dense.Segmentize(1.0)
    dense.Transform(osr.CoordinateTransformation(utm, laea))
    reference = dense.GetArea() / 10000.0
    assert abs(ours - reference) / reference < 1e-4
    # UTM's scale factor makes the grid area differ from the ellipsoidal one by more than 0.01 %
    assert abs(ours - 100.0) / 100.0 > 1e-4


def test_geographic_srs_with_authority_axis_order_is_read_as_lon_lat():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)  # authority order lat/lon: we still read x as longitude
    geom = _square(-75.0, -10.5, 1.0, srs)
    assert va.ellipsoidal_area_ha(geom) == pytest.approx(va.cell_area_ha(-75.0, -10.5, -74.0, -9.5), rel=1e-4)


def test_hole_is_subtracted_and_overlapping_parts_counted_once():
    outer = _square(-75.0, -11.0, 0.1)
    donut = ogr.CreateGeometryFromWkt(
        "POLYGON((-75 -11,-74.9 -11,-74.9 -10.9,-75 -10.9,-75 -11),"
        "(-74.97 -10.97,-74.93 -10.97,-74.93 -10.93,-74.97 -10.93,-74.97 -10.97))"
    )
    hole = va.cell_area_ha(-74.97, -10.97, -74.93, -10.93)
    assert va.ellipsoidal_area_ha(donut) == pytest.approx(va.ellipsoidal_area_ha(outer) - hole, rel=1e-6)
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    multi.AddGeometry(_square(-75.0, -11.0, 0.1))
    multi.AddGeometry(_square(-74.95, -11.0, 0.1))  # overlaps the first by half
    union_truth = va.cell_area_ha(-75.0, -11.0, -74.85, -10.9)
    assert va.ellipsoidal_area_ha(multi) == pytest.approx(union_truth, rel=1e-4)


def test_empty_and_psad56_inputs():
    assert va.ellipsoidal_area_ha(ogr.Geometry(ogr.wkbMultiPolygon)) == 0.0
    psad56_utm18s = _srs(24878)
    geom = _square(480000.0, 8700000.0, 1000.0, psad56_utm18s)
    hectares = va.ellipsoidal_area_ha(geom)
    assert 99.0 < hectares < 101.0


def test_union_area_counts_overlaps_once_and_survives_invalid_geometry():
    from t2restore.registry.geometry import union_area_ha

    wgs = va.wgs84()
    one = va.ellipsoidal_area_ha(_square(-75.5, -11.8, 0.01, wgs))
    assert union_area_ha([]) == 0.0 and union_area_ha([None]) == 0.0
    assert union_area_ha([_square(-75.5, -11.8, 0.01, wgs)]) == pytest.approx(one)
    overlapping = [_square(-75.5, -11.8, 0.01, wgs), _square(-75.495, -11.8, 0.01, wgs)]
    assert union_area_ha(overlapping) == pytest.approx(1.5 * one, rel=1e-4)
    disjoint = [_square(-75.5, -11.8, 0.01, wgs), _square(-75.4, -11.8, 0.01, wgs)]
    assert union_area_ha(disjoint) == pytest.approx(2 * one, rel=1e-6)
    bow_tie = ogr.CreateGeometryFromWkt("POLYGON((-75.5 -11.8,-75.49 -11.79,-75.49 -11.8,-75.5 -11.79,-75.5 -11.8))")
    result = union_area_ha(overlapping + [bow_tie])
    assert result == pytest.approx(1.5 * one, rel=1e-3)  # the bow-tie lies inside the first square
