"""Target 2 with a degraded raster: restoration hectares are conserved at any pixel size (issue 18 item 3).

Thirteen restoration areas shaped like a region's registry (0.1 ha to ~700 ha, two overlapping) in
San Martín, against degraded rasters of 0.05 degree, 250 m and 30 m. The truth is independent of the
code under test: the dissolved polygons measured on a local Lambert azimuthal equal-area projection
of the WGS 84 ellipsoid (PROJ), and, for the part on degraded land, their exact intersection with the
degraded pixels polygonized by GDAL.
"""

import math

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from rasters import write_raster

from t2restore.algorithms import overlap as ov
from t2restore.algorithms import target2 as t2
from t2restore.algorithms.errors import Cancelled

# (dx m, dy m, radius m) from (300000, 9260000) in UTM 18S: 13 areas, the last two overlap.
AREAS = [(1000, 1000, 18), (4000, 2500, 60), (7000, 9000, 150), (12000, 4000, 300), (15000, 15000, 500),
         (3000, 17000, 40), (22000, 8000, 1500), (26000, 21000, 250), (9000, 24000, 800), (18000, 27000, 25),
         (29000, 3000, 120), (11000, 13000, 400), (11500, 13300, 350)]


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def restoration(epsg):
    polys = []
    for dx, dy, r in AREAS:
        ring = ", ".join(f"{300000 + dx + r * math.cos(a)} {9260000 + dy + r * math.sin(a)}"
                         for a in np.linspace(0, 2 * math.pi, 41)[:-1])
        g = ogr.CreateGeometryFromWkt(f"POLYGON(({ring}, {300000 + dx + r} {9260000 + dy}))")
        if epsg != 32718:
            g.Segmentize(20.0)
            g.Transform(osr.CoordinateTransformation(srs(32718), srs(epsg)))
        polys.append(g)
    return polys


def laea_ha(geom, epsg):
    """Hectares on a local Lambert azimuthal equal-area projection of the WGS 84 ellipsoid (PROJ)."""
    g = geom.Clone()
    g.Segmentize(1e-4 if epsg == 4326 else 10.0)
    g.Transform(osr.CoordinateTransformation(srs(epsg), srs(4326)))
    c = g.Centroid()
    laea = osr.SpatialReference()
    laea.ImportFromProj4(f"+proj=laea +lat_0={c.GetY()} +lon_0={c.GetX()} +ellps=WGS84 +units=m")
    laea.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    g.Transform(osr.CoordinateTransformation(srs(4326), laea))
    return g.GetArea() / 10000.0


def union(polys):
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for p in polys:
        out.AddGeometry(p)
    return out.UnionCascaded()


def degraded_polygons(path):
    """The raster's -1 pixels as polygons, by GDAL directly (independent of polygonize_mask)."""
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    mask_ds = gdal.GetDriverByName("MEM").Create("", ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Byte)
    mask_ds.SetGeoTransform(ds.GetGeoTransform())
    mask_ds.GetRasterBand(1).WriteArray((band.ReadAsArray() == -1).astype(np.uint8))
    source = ogr.GetDriverByName("Memory").CreateDataSource("m")
    layer = source.CreateLayer("m", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
    gdal.Polygonize(mask_ds.GetRasterBand(1), mask_ds.GetRasterBand(1), layer, 0)
    return union([f.GetGeometryRef().Clone() for f in layer])


GRIDS = {  # name: (epsg, geotransform, size, pattern cell in pixels)
    "0.05 degree": (4326, (-77.0, 0.05, 0.0, -6.3, 0.0, -0.05), 10, 1),
    "250 m": (32718, (295000.0, 250.0, 0.0, 9295000.0, 0.0, -250.0), 160, 3),
    "30 m": (32718, (295000.0, 30.0, 0.0, 9295000.0, 0.0, -30.0), 1300, 17),
}


@pytest.mark.parametrize("name", list(GRIDS))
def test_restoration_hectares_are_conserved_at_any_resolution(tmp_path, name):
    epsg, gt, size, cell = GRIDS[name]
    rows, cols = np.indices((size, size))
    arr = np.where((rows // cell + cols // cell) % 2 == 0, -1, 0).astype(np.int16)
    arr[0, 1] = -32768  # a nodata pixel: not degraded
    path = write_raster(tmp_path / "d.tif", arr, epsg=epsg, geotransform=gt, nodata=-32768)
    polys = restoration(epsg)
    dissolved = union(polys)
    truth = laea_ha(dissolved, epsg)
    truth_inside = laea_ha(dissolved.Intersection(degraded_polygons(path)), epsg)
    result, _grid = t2.target2_raster(path, [-1], polys, str(tmp_path), block_size=97)
    _level, _label, _degraded, inside, outside = result.rows[0]
    assert inside + outside == pytest.approx(truth, rel=1e-5)   # nothing dropped, overlap counted once
    assert inside == pytest.approx(truth_inside, rel=1e-5, abs=1e-4)
    assert 0 < inside < truth  # the pattern puts areas on both sides
    calc = ov.AreaCalculator(srs(epsg))
    assert calc(result.inside).sum() + calc(result.outside).sum() == pytest.approx(truth, rel=1e-5)


def test_area_smaller_than_a_pixel_inside_degraded_land(tmp_path):
    path = write_raster(tmp_path / "d.tif", np.full((4, 4), -1, np.int16), epsg=4326,
                        geotransform=(-77.0, 0.05, 0.0, -6.3, 0.0, -0.05), nodata=-32768)
    tiny = ogr.CreateGeometryFromWkt("POLYGON((-76.99 -6.39,-76.989 -6.39,-76.989 -6.389,-76.99 -6.389,"
                                     "-76.99 -6.39))")  # ~1.2 ha, far from every pixel centre
    result, _grid = t2.target2_raster(path, [-1], [tiny], str(tmp_path))
    assert result.rows[0][3] == pytest.approx(laea_ha(tiny, 4326), rel=1e-5)
    assert result.rows[0][4] == pytest.approx(0.0, abs=1e-9)


def test_same_figures_whatever_the_tile_and_block_size_and_zones_add_up(tmp_path):
    epsg, gt, size, cell = GRIDS["250 m"]
    rows, cols = np.indices((size, size))
    arr = np.where((rows // cell + cols // cell) % 2 == 0, -1, 0).astype(np.int16)
    path = write_raster(tmp_path / "d.tif", arr, epsg=epsg, geotransform=gt, nodata=-32768)
    polys = restoration(epsg)
    west = ogr.CreateGeometryFromWkt("POLYGON((295000 9255000,312000 9255000,312000 9295000,295000 9295000,"
                                     "295000 9255000))")
    results = [t2.target2_raster(path, [-1], polys, str(tmp_path), [[("oeste", west)]], block_size=b, tile=t)[0]
               for b, t in ((1024, 1024), (37, 7), (100, 64))]
    for result in results[1:]:
        # tile edges turn whole pixels into measured pieces: cell areas and polygon areas agree to ~1e-7
        assert [v for r in result.rows for v in r[2:]] == pytest.approx([v for r in results[0].rows for v in r[2:]],
                                                                        rel=1e-6)
    by = {(r[0], r[1]): r[2:] for r in results[0].rows}
    national = by[(None, None)]
    for k in range(3):
        assert by[(0, "oeste")][k] + by[(0, "")][k] == pytest.approx(national[k], rel=1e-9)


def test_restoration_beyond_the_raster_counts_outside(tmp_path):
    path = write_raster(tmp_path / "d.tif", np.full((10, 10), -1, np.int16), geotransform=GRIDS["250 m"][1],
                        nodata=-32768)
    half = ogr.CreateGeometryFromWkt("POLYGON((296000 9293000,297000 9293000,297000 9296000,296000 9296000,"
                                     "296000 9293000))")  # the northern third lies beyond the raster
    result, _grid = t2.target2_raster(path, [-1], [half], str(tmp_path))
    inside, outside = result.rows[0][3:]
    assert inside + outside == pytest.approx(laea_ha(half, 32718), rel=1e-5)
    assert outside == pytest.approx(laea_ha(half, 32718) / 3, rel=1e-4)
    calc = ov.AreaCalculator(srs(32718))
    assert calc(result.outside).sum() == pytest.approx(outside, rel=1e-6)


def test_cancel_stops_the_count(tmp_path):
    path = write_raster(tmp_path / "d.tif", np.full((10, 10), -1, np.int16), geotransform=GRIDS["250 m"][1],
                        nodata=-32768)
    with pytest.raises(Cancelled):
        t2.target2_raster(path, [-1], restoration(32718), str(tmp_path), is_cancelled=lambda: True)
