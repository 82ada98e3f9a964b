"""FOREST_VALUES takes ranges as NATURAL_CLASSES does, through processing.run (issue 18, smaller items)."""

import numpy as np
from rasters import read_raster, write_raster


def test_forest_values_range_equals_the_list(tmp_path, run_alg):
    grid = np.full((20, 20), 3, np.uint8)
    grid[:, 12:] = 1  # pasture
    grid[15:, :4] = 5  # secondary forest
    grid[8, 8] = 9     # a clearing
    path = write_raster(tmp_path / "lc.tif", grid, nodata=255)
    ranged = run_alg("t2restore:forest_fragmentation", {"INPUT": path, "FOREST_VALUES": "3-5", "WINDOW": 3,
                                                         "OUTPUT": str(tmp_path / "a.tif")})
    listed = run_alg("t2restore:forest_fragmentation", {"INPUT": path, "FOREST_VALUES": "3,4,5", "WINDOW": 3,
                                                         "OUTPUT": str(tmp_path / "b.tif")})
    np.testing.assert_array_equal(read_raster(ranged["OUTPUT"]), read_raster(listed["OUTPUT"]))
    assert ranged["FOREST_PIXELS"] == int(np.isin(grid, (3, 4, 5)).sum())
