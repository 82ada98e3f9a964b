"""The geometry core (algorithms/geometry): one area engine, checked against independent truths, and
the same hectares to the last digit through every public path that measures a polygon."""

import math

import numpy as np
import pytest
from osgeo import ogr, osr

from t2restore.algorithms import geometry, overlap, target2
from t2restore.registry import geometry as registry_geometry
from t2restore.registry import samples
from t2restore.registry.store import create_registry


def _srs(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


UTM18S, WGS84 = _srs(32718), _srs(4326)


def _star(cx, cy, size, seed):
    """A non-convex 9-vertex polygon of radius ``size`` around (cx, cy), with a hole for size >= 1000."""
    rng = np.random.default_rng(seed)
    angles, radii = np.sort(rng.uniform(0, 2 * np.pi, 9)), size * rng.uniform(0.5, 1.0, 9)
    poly = ogr.Geometry(ogr.wkbPolygon)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for a, r in zip(angles, radii):
        ring.AddPoint_2D(cx + r * math.cos(a), cy + r * math.sin(a))
    ring.CloseRings()
    poly.AddGeometry(ring)
    if size >= 1000:
        hole = ogr.Geometry(ogr.wkbLinearRing)
        for dx, dy in ((-0.1, -0.1), (-0.1, 0.1), (0.1, 0.1), (0.1, -0.1), (-0.1, -0.1)):
            hole.AddPoint_2D(cx + dx * size, cy + dy * size)
        poly.AddGeometry(hole)
    return poly


def _lonlat(geom):
    out = geom.Clone()
    out.Transform(osr.CoordinateTransformation(UTM18S, WGS84))
    return out


def _laea_truth_ha(geom, srs):
    """Independent truth: edges densified to 1 m (1e-5 degree), PROJ's ellipsoidal Lambert azimuthal
    equal-area projection centred on the polygon, planar area."""
    dense = geom.Clone()
    dense.Segmentize(1.0 if srs.IsProjected() else 1e-5)
    centre = geom.Centroid()
    if srs.IsProjected():
        centre.Transform(osr.CoordinateTransformation(srs, WGS84))
    laea = osr.SpatialReference()
    laea.ImportFromProj4(f"+proj=laea +lat_0={centre.GetY():.9f} +lon_0={centre.GetX():.9f} +ellps=WGS84 "
                         "+units=m +no_defs")
    laea.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dense.Transform(osr.CoordinateTransformation(srs, laea))
    return dense.GetArea() / 10000.0


SIZES = (50, 100, 1000, 20000, 100000)  # radius in metres: 0.5 ha to about 2,500 km2


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("in_lonlat", [False, True], ids=["utm", "lonlat"])
def test_area_engine_against_equal_area_projection_truth(size, in_lonlat):
    """Relative error below 2e-6 from half a hectare up, edges straight in the polygon's CRS (the
    former registry engine, measuring in absolute coordinates, was off by up to 3e-4 on
    half-hectare UTM plots and 1e-5 on lon/lat ones)."""
    for seed in range(4):
        poly = _star(350000.0 + 90000 * seed, 8600000.0 + 150000 * seed, size, seed)
        geom, srs = (_lonlat(poly), WGS84) if in_lonlat else (poly, UTM18S)
        truth = _laea_truth_ha(geom, srs)
        assert geometry.ellipsoidal_area_ha(geom, srs) == pytest.approx(truth, rel=2e-6)


@pytest.mark.parametrize("box", [(-75.0, -10.5, -74.0, -9.5), (-75.2, -11.8, -75.199, -11.799),
                                 (-70.0001, -17.5, -69.9999, -17.4999), (-81.0, -18.0, -68.0, 0.0)])
def test_area_engine_on_lonlat_rectangles_is_the_closed_form(box):
    lon0, lat0, lon1, lat1 = box
    rect = geometry.rectangle(lon0, lon1, lat0, lat1)
    assert geometry.ellipsoidal_area_ha(rect) == pytest.approx(geometry.cell_area_ha(*box), rel=1e-11)


def test_geodesic_truth_when_pyproj_is_installed():
    pyproj = pytest.importorskip("pyproj")
    geod = pyproj.Geod(ellps="WGS84")
    for size, seed in ((100, 1), (20000, 2)):
        poly = _star(420000.0, 8800000.0, size, seed)
        dense = _lonlat(poly)
        dense.Segmentize(1e-4)  # geodesic and straight lon/lat edges agree at 10 m
        outer = np.array(dense.GetGeometryRef(0).GetPoints())
        truth = abs(geod.polygon_area_perimeter(outer[:, 0], outer[:, 1])[0])
        for k in range(1, dense.GetGeometryCount()):
            hole = np.array(dense.GetGeometryRef(k).GetPoints())
            truth -= abs(geod.polygon_area_perimeter(hole[:, 0], hole[:, 1])[0])
        assert geometry.ellipsoidal_area_ha(_lonlat(poly)) == pytest.approx(truth / 10000.0, rel=1e-6)


def _plots():
    """Disjoint lon/lat polygons (the registry's storage CRS), far enough apart not to share a box."""
    polys = [_lonlat(_star(300000.0 + 20000 * k, 8700000.0 + 15000 * k, size, k))
             for k, size in enumerate((40, 120, 900, 2500, 6000))]
    polys.append(geometry.rectangle(-74.0, -73.99, -12.0, -11.99))
    return polys


def _far_away():
    return [geometry.rectangle(-70.0, -69.9, -15.0, -14.9)]


def _registry_hectares(tmp_path, polys):
    """The hectares the GeoPackage registry stores for areas with these geometries (rounded to 4)."""
    ini = samples.sample_initiative(1, areas=len(polys))
    for area, poly in zip(ini.areas, polys):
        area.geometry_wkb = geometry.multipolygon([poly]).ExportToIsoWkb()
    store = create_registry(tmp_path / "registry.gpkg")
    try:
        store.save_initiative(ini)
        return [a.area_ha for a in store.get_initiative(ini.uuid).areas]
    finally:
        store.close()


def test_every_public_path_gives_the_same_hectares_to_the_last_digit(tmp_path):
    polys = _plots()
    engine = [float(h) for h in geometry.AreaCalculator(WGS84)(polys)]
    assert engine == [geometry.ellipsoidal_area_ha(p) for p in polys]  # registry, validation, dock form
    assert engine == [geometry.ellipsoidal_area_ha(geometry.multipolygon([p])) for p in polys]  # storage form
    assert engine == [registry_geometry.union_area_ha([p]) for p in polys]  # summary panel
    assert engine == [registry_geometry.repair_geometry(p).area_before_ha for p in polys]  # repair preview
    assert _registry_hectares(tmp_path, polys) == [round(h, 4) for h in engine]  # stored area_ha
    gaps = overlap.gap_overlap(polys, _far_away(), WGS84, initiatives=[[p] for p in polys])
    pieces = {round(g.GetEnvelope()[0], 9): float(ha) for (cls, g), ha in zip(gaps.pieces, gaps.areas)
              if cls == overlap.ONLY_A}
    assert [pieces[round(p.GetEnvelope()[0], 9)] for p in polys] == engine  # gap_overlap pieces
    assert [float(row["ha"]) for row in gaps.initiatives] == engine  # gap_overlap initiatives
    for poly, ha in zip(polys, engine):  # Target 2: restoration outside degraded land
        rows = target2.target2_vector(_far_away(), [poly], WGS84).rows
        assert rows[0][4] == ha and rows[0][3] == 0.0


def test_one_walker_reads_curves_collections_and_lists():
    curve = ogr.CreateGeometryFromWkt("CURVEPOLYGON(CIRCULARSTRING(0 0,2 0,2 2,0 2,0 0))")
    mixed = ogr.CreateGeometryFromWkt("GEOMETRYCOLLECTION(POLYGON((5 5,7 5,7 7,5 7,5 5)),LINESTRING(0 0,1 1),"
                                      "MULTIPOLYGON(((10 10,11 10,11 11,10 10))),POLYGON EMPTY)")
    assert len(list(geometry.iter_polygons([curve, mixed, None]))) == 3
    assert [p.GetArea() for p in geometry.polygons_of(mixed)] == [4.0, 0.5]
    assert geometry.as_multipolygon(mixed).GetGeometryCount() == 2
    assert geometry.vertex_count(mixed) == 5 + 4
    rings = geometry.rings(ogr.CreateGeometryFromWkt("POLYGON((0 0,4 0,4 4,0 0),(1 1,2 1,2 2,1 1))"))
    assert [r.tolist() for r in rings] == [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]]


def test_one_repair_routine_for_overlay_and_registry():
    bow_tie = ogr.CreateGeometryFromWkt("POLYGON((0 0,2 2,2 0,0 2,0 0))")
    fixed = geometry.make_valid(bow_tie)
    assert geometry.is_valid(fixed) and sum(p.GetArea() for p in geometry.polygons_of(fixed)) == pytest.approx(2.0)
    preview = registry_geometry.repair_geometry(bow_tie)
    assert preview.is_valid and preview.changed and preview.parts_after == 2
    assert overlap.clean_geometry(bow_tie)[1] == overlap.REPAIRED
