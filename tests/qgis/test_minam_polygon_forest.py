"""minam_degradation's FOREST_MASK given as polygons (issue 19, item 6): rasterized onto the grid of the first
raster input with the method stated, invalid geometries repaired and counted, other CRSs reprojected.

Grid: 16 rows x 20 columns of 30 m from (400000, 8960000), UTM 18S. Forest rectangles are written in metres from
the grid's top-left corner (x right, y down), with no edge on a pixel edge or through a pixel centre, so the
truth masks below are exact: a pixel is forest by "pixel centre" when its centre lies inside a rectangle, by
"all touched" when its square overlaps one. The polygon run must give the same outputs, pixel for pixel, as the
run given that truth mask as a raster (0 non-forest, 1 forest).
"""

import numpy as np
import pytest
from feedback import Capture
from osgeo import gdal, osr
from qgis.core import QgsProcessingException
from rasters import GT_UTM, read_raster, write_polygons, write_raster

from t2restore.processing.minam_degradation import MinamDegradationAlgorithm as Alg

X0, Y0 = GT_UTM[0], GT_UTM[3]
ROWS, COLS, PIXEL = 16, 20, 30.0
RECTS = [(20, 10, 250, 200), (400, 250, 560, 460)]  # (x min, y min, x max, y max), y downwards from the top
BOW_TIE = (300, 120, 240, 180)  # (x, y of its corner, width, height): vertices (0,0), (W,H), (W,0), (0,H)


def rect_wkt(x1, y1, x2, y2, to=None):
    corners = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
    points = [(X0 + x, Y0 - y) for x, y in corners]
    if to is not None:
        points = [to.TransformPoint(x, y)[:2] for x, y in points]
    return "POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in points) + "))"


def truth(rects, touched=False):
    """The forest mask of ``rects`` by pixel centre (or every pixel overlapped), computed from the pixel edges."""
    left = np.arange(COLS) * PIXEL
    top = np.arange(ROWS) * PIXEL
    mask = np.zeros((ROWS, COLS), np.uint8)
    for x1, y1, x2, y2 in rects:
        if touched:
            cols = (left < x2) & (left + PIXEL > x1)
            rows = (top < y2) & (top + PIXEL > y1)
        else:
            cols = (left + PIXEL / 2 > x1) & (left + PIXEL / 2 < x2)
            rows = (top + PIXEL / 2 > y1) & (top + PIXEL / 2 < y2)
        mask[np.ix_(rows, cols)] = 1
    return mask


def bow_tie_truth():
    """Pixel centres inside the two triangles of the bow tie (what its repair keeps): between its diagonals."""
    ox, oy, w, h = BOW_TIE
    cx = np.arange(COLS) * PIXEL + PIXEL / 2 - ox
    cy = np.arange(ROWS) * PIXEL + PIXEL / 2 - oy
    x, y = np.meshgrid(cx, cy)
    a, b = x * h / w, h - x * h / w
    inside = (x > 0) & (x < w) & (y >= np.minimum(a, b)) & (y <= np.maximum(a, b))
    return inside.astype(np.uint8)


@pytest.fixture
def lpd(tmp_path):
    rng = np.random.default_rng(19)
    return write_raster(tmp_path / "lpd.tif", rng.integers(1, 6, (ROWS, COLS)).astype(np.uint8), nodata=0)


def run_minam(run_alg, tmp_path, lpd, forest, name, feedback=None, **extra):
    params = {Alg.PRODUCTIVITY: lpd, Alg.FOREST_MASK: forest, Alg.OUTPUT: str(tmp_path / f"{name}.tif"),
              Alg.OUTPUT_INDICATORS: str(tmp_path / f"{name}_states.tif")}
    result = run_alg("t2restore:minam_degradation", dict(params, **extra), feedback)
    return read_raster(result[Alg.OUTPUT]), gdal.Open(result[Alg.OUTPUT_INDICATORS]).ReadAsArray()


def assert_same(got, expected):
    np.testing.assert_array_equal(got[0], expected[0])
    np.testing.assert_array_equal(got[1], expected[1])


@pytest.mark.parametrize("method", [0, 1])
def test_polygon_forest_mask_equals_the_rasterized_mask(run_alg, tmp_path, lpd, method):
    mask = truth(RECTS, touched=method == 1)
    as_raster = run_minam(run_alg, tmp_path, lpd, write_raster(tmp_path / "forest.tif", mask), "raster")
    polygons = write_polygons(tmp_path / "bosque.gpkg", [("bosque", rect_wkt(*r)) for r in RECTS])
    fb = Capture()
    got = run_minam(run_alg, tmp_path, lpd, polygons, "polygons", fb, **{Alg.POLYGON_METHOD: method})
    assert_same(got, as_raster)
    # the mask's non-forest pixels are data (fragmentation state), never no data
    assert (got[1][2] != 255).all()
    stated = "pixels whose centre is inside a polygon" if method == 0 else "every pixel a polygon touches"
    assert any(stated in line and "PRODUCTIVITY" in line for line in fb.infos), fb.infos


def test_the_method_changes_the_fragmentation(run_alg, tmp_path, lpd):
    # guards the test above: the two truths differ, so each run really follows its method
    assert (truth(RECTS) != truth(RECTS, touched=True)).any()
    polygons = write_polygons(tmp_path / "bosque.gpkg", [("bosque", rect_wkt(*r)) for r in RECTS])
    centre = run_minam(run_alg, tmp_path, lpd, polygons, "c", **{Alg.POLYGON_METHOD: 0})
    touched = run_minam(run_alg, tmp_path, lpd, polygons, "t", **{Alg.POLYGON_METHOD: 1})
    assert (centre[1][2] != touched[1][2]).any()


def test_invalid_polygon_is_repaired_and_counted(run_alg, tmp_path, lpd):
    ox, oy, w, h = BOW_TIE
    tie = (f"POLYGON(({X0 + ox} {Y0 - oy},{X0 + ox + w} {Y0 - oy - h},{X0 + ox + w} {Y0 - oy},"
           f"{X0 + ox} {Y0 - oy - h},{X0 + ox} {Y0 - oy}))")
    polygons = write_polygons(tmp_path / "lazo.gpkg", [("lazo", tie), ("sin geometría", None)])
    as_raster = run_minam(run_alg, tmp_path, lpd, write_raster(tmp_path / "forest.tif", bow_tie_truth()), "raster")
    fb = Capture()
    got = run_minam(run_alg, tmp_path, lpd, polygons, "polygons", fb)
    assert_same(got, as_raster)
    assert any("1 invalid geometries" in line and "repaired" in line for line in fb.infos), fb.infos
    assert any("1 features without geometry were skipped" in line for line in fb.warnings), fb.warnings


def test_polygons_in_another_crs_are_reprojected(run_alg, tmp_path, lpd):
    utm, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32718)
    wgs84.ImportFromEPSG(4326)
    for srs in (utm, wgs84):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to = osr.CoordinateTransformation(utm, wgs84)
    polygons = write_polygons(tmp_path / "bosque4326.gpkg", [("bosque", rect_wkt(*r, to=to)) for r in RECTS],
                              epsg=4326)
    as_raster = run_minam(run_alg, tmp_path, lpd, write_raster(tmp_path / "forest.tif", truth(RECTS)), "raster")
    assert_same(run_minam(run_alg, tmp_path, lpd, polygons, "polygons"), as_raster)


def test_forest_values_are_not_used_with_polygons(run_alg, tmp_path, lpd):
    polygons = write_polygons(tmp_path / "bosque.gpkg", [("bosque", rect_wkt(*r)) for r in RECTS])
    as_raster = run_minam(run_alg, tmp_path, lpd, write_raster(tmp_path / "forest.tif", truth(RECTS)), "raster")
    fb = Capture()
    got = run_minam(run_alg, tmp_path, lpd, polygons, "polygons", fb, **{Alg.FOREST_VALUES: "3"})
    assert_same(got, as_raster)
    assert any("FOREST_VALUES is not used" in line for line in fb.infos)


def test_polygon_forest_mask_alone_is_refused(run_alg, tmp_path):
    polygons = write_polygons(tmp_path / "bosque.gpkg", [("bosque", rect_wkt(*RECTS[0]))])
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:minam_degradation", {Alg.FOREST_MASK: polygons, Alg.OUTPUT: str(tmp_path / "m.tif")})
    assert "needs a raster that sets the grid" in str(err.value)
    assert not (tmp_path / "m.tif").exists()


@pytest.mark.qgis_process
def test_polygon_forest_mask_all_touched_through_qgis_process(qp, run_alg, tmp_path, lpd):
    as_raster = run_minam(run_alg, tmp_path, lpd, write_raster(tmp_path / "forest.tif", truth(RECTS, True)), "raster")
    polygons = write_polygons(tmp_path / "bosque.gpkg", [("bosque", rect_wkt(*r)) for r in RECTS])
    code, data, log = qp.run("t2restore:minam_degradation", PRODUCTIVITY=lpd, FOREST_MASK=polygons,
                             POLYGON_METHOD=1, OUTPUT=str(tmp_path / "qp.tif"),
                             OUTPUT_INDICATORS=str(tmp_path / "qp_states.tif"))
    assert code == 0, log
    assert "every pixel a polygon touches" in log
    got = read_raster(data["results"]["OUTPUT"]), gdal.Open(data["results"]["OUTPUT_INDICATORS"]).ReadAsArray()
    assert_same(got, as_raster)
