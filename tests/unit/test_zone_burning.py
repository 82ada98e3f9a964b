"""algorithms/zones.rasterize_zones: polygons burnt by their value, from memory or streamed through a GeoPackage."""

import numpy as np
import pytest
from osgeo import ogr
from rasters import GT_UTM, UTM18S, read_raster, srs_wkt

from t2restore.algorithms.blocks import Grid
from t2restore.algorithms.zones import rasterize_zones


def _box(col0, row0, col1, row1):
    """WKB of the rectangle over pixel columns col0..col1-1 and rows row0..row1-1 of GT_UTM."""
    x0, y0 = GT_UTM[0] + 30 * col0, GT_UTM[3] - 30 * row0
    x1, y1 = GT_UTM[0] + 30 * col1, GT_UTM[3] - 30 * row1
    ring = f"{x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}"
    return bytes(ogr.CreateGeometryFromWkt(f"POLYGON(({ring}))").ExportToWkb())


SHAPES = [(3, _box(0, 0, 4, 3)), (7, _box(2, 1, 4, 3)), (5, _box(3, 0, 4, 1))]
# 3 everywhere, then 7 over the south-east 2 x 2 pixels (later wins), then 5 on the north-east pixel
EXPECTED = [[3, 3, 3, 5], [3, 3, 7, 7], [3, 3, 7, 7]]


@pytest.mark.parametrize("streamed", [False, True])
def test_polygons_burnt_in_order_from_memory_or_disk(tmp_path, streamed):
    grid = Grid(4, 3, GT_UTM, srs_wkt(UTM18S))
    scratch = str(tmp_path / "shapes.gpkg") if streamed else None
    shapes = (shape for shape in SHAPES)  # a generator: read once, never held as a list by the caller
    path = rasterize_zones(shapes, grid, str(tmp_path / "z.tif"), scratch=scratch)
    assert read_raster(path).tolist() == EXPECTED
    assert (tmp_path / "shapes.gpkg").exists() == streamed


def test_streamed_in_several_transactions(tmp_path, monkeypatch):
    """More polygons than one transaction holds: every one of them is burnt, in order."""
    import t2restore.algorithms.zones as zones

    real = zones._write_shapes
    monkeypatch.setattr(zones, "_write_shapes", lambda layer, shapes, batch=None: real(layer, shapes, batch and 2))
    grid = Grid(4, 3, GT_UTM, srs_wkt(UTM18S))
    shapes = [(k + 1, _box(k % 4, k // 4, k % 4 + 1, k // 4 + 1)) for k in range(12)]
    path = rasterize_zones(iter(shapes), grid, str(tmp_path / "z.tif"), scratch=str(tmp_path / "s.gpkg"))
    assert read_raster(path).tolist() == np.arange(1, 13).reshape(3, 4).tolist()


def test_rasters_burnt_in_place_are_compressed_in_one_thread():
    """GDAL < 3.8 can deadlock reading back, in update mode, a GeoTIFF compressed in several threads (it hung on
    210,000 polygons): the rasters RasterizeLayer fills are tiled and compressed like outputs, in one thread."""
    from t2restore.algorithms.blocks import creation_options
    from t2restore.algorithms.zones import burn_target_options

    for dtype in ("uint8", "uint16", "int32"):
        options = burn_target_options(dtype)
        assert any(o.startswith("NUM_THREADS") for o in creation_options(dtype))
        assert not any(o.startswith(("NUM_THREADS", "PREDICTOR")) for o in options)
        assert {"TILED=YES", "BIGTIFF=IF_SAFER"} <= set(options) and any(o.startswith("COMPRESS=") for o in options)
