"""priority_score: pixels outside the mask are their own row, not "No data" (issue 18, smaller items)."""

import numpy as np
import pytest
from qgis.core import QgsVectorLayer
from rasters import write_raster

RESCALING = ["1", "1", "slope", "linear", "0", "40", ""]


@pytest.mark.parametrize("classes", [0, 1])  # fixed breaks (one pass) and quantiles (two passes)
def test_masked_pixels_have_their_own_class_in_the_table(tmp_path, run_alg, classes):
    slope = np.linspace(0, 40, 100, dtype=np.float32).reshape(10, 10)
    slope[0, 0] = -9999  # one nodata pixel: the only "No data"
    mask = np.zeros((10, 10), np.uint8)
    mask[:, :6] = 1  # 60 pixels inside the mask (one of them nodata), 40 with data outside
    params = {"CRITERIA": [write_raster(tmp_path / "s.tif", slope, nodata=-9999)], "RESCALING": RESCALING,
              "WEIGHTS": "1", "MASK": write_raster(tmp_path / "m.tif", mask), "CLASSES": classes,
              "OUTPUT_SCORE": str(tmp_path / "score.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif"),
              "OUTPUT_TABLE": str(tmp_path / "t.csv")}
    result = run_alg("t2restore:priority_score", params)
    rows = list(QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr").getFeatures())
    pixels = {r["class_name"]: int(r["pixels"]) for r in rows}
    assert pixels["Excluded / masked (outside the mask)"] == 40
    assert pixels["No data"] == 1
    assert sum(pixels.values()) == 100
