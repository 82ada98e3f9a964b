"""Polygons where a mask or constraint raster is expected (issue 19, item 6): priority_score's MASK and
CONSTRAINTS given as polygons, burnt with the method stated (pixel centre or all touched), invalid geometries
repaired and counted.

Grid: 10 x 10 pixels of 30 m from (400000, 8960000). The mask polygon spans every row and x from 0 to 100 m:
the centres of columns 0-2 (15, 45, 75 m) are inside, column 3 (centre 105 m) is touched but its centre is out.
So pixel centre scores 10 x 3 = 30 pixels, all touched 10 x 4 = 40.
"""

import numpy as np
import pytest
from feedback import Capture
from qgis.core import QgsVectorLayer
from rasters import write_polygons, write_raster

from t2restore.processing.priority_score import PriorityScoreAlgorithm as Alg

X0, Y0 = 400000.0, 8960000.0
MASK = f"POLYGON(({X0} {Y0 - 300},{X0 + 100} {Y0 - 300},{X0 + 100} {Y0},{X0} {Y0},{X0} {Y0 - 300}))"
# a self-intersecting "bow tie" far right of the mask (columns 8-9, rows 0-1): repaired, then excludes nothing
# inside the mask
BOW_TIE = (f"POLYGON(({X0 + 240} {Y0 - 60},{X0 + 300} {Y0},{X0 + 300} {Y0 - 60},{X0 + 240} {Y0},"
           f"{X0 + 240} {Y0 - 60}))")


def pixels_by_class(path):
    return {f["class_name"]: int(f["pixels"]) for f in QgsVectorLayer(path, "t", "ogr").getFeatures()}


@pytest.fixture
def params(tmp_path):
    slope = np.linspace(0, 40, 100, dtype=np.float32).reshape(10, 10)
    return {Alg.CRITERIA: [write_raster(tmp_path / "s.tif", slope, nodata=-9999)],
            Alg.RESCALING: ["1", "1", "slope", "linear", "0", "40", ""], Alg.WEIGHTS: "1",
            Alg.MASK: write_polygons(tmp_path / "gap.gpkg", [("brecha", MASK)]),
            Alg.CONSTRAINTS: [write_polygons(tmp_path / "c.gpkg", [("lazo", BOW_TIE), ("sin geometría", None)])],
            Alg.OUTPUT_SCORE: str(tmp_path / "score.tif"), Alg.OUTPUT_CLASSES: str(tmp_path / "classes.tif"),
            Alg.OUTPUT_TABLE: str(tmp_path / "t.csv")}


@pytest.mark.parametrize("method, inside", [(0, 30), (1, 40)])
def test_polygon_mask_method_is_applied_and_stated(run_alg, params, method, inside):
    fb = Capture()
    res = run_alg("t2restore:priority_score", dict(params, **{Alg.POLYGON_METHOD: method}), fb)
    pixels = pixels_by_class(res[Alg.OUTPUT_TABLE])
    assert pixels.pop("Excluded / masked (outside the mask)") == 100 - inside
    assert sum(pixels.values()) == inside  # the bow tie lies outside the mask: nothing else is excluded
    stated = "pixels whose centre is inside a polygon" if method == 0 else "every pixel a polygon touches"
    assert any(stated in line and "gap" in line for line in fb.infos)


def test_invalid_constraint_geometry_is_repaired_and_counted(run_alg, params, tmp_path):
    # the same bow tie over columns 0-1, rows 0-1, plus a feature without geometry: the repair and the skip
    # are counted in the log (before issue 19 they were counted but never reported)
    inner = (f"POLYGON(({X0} {Y0 - 60},{X0 + 60} {Y0},{X0 + 60} {Y0 - 60},{X0} {Y0},{X0} {Y0 - 60}))")
    params[Alg.CONSTRAINTS] = [write_polygons(tmp_path / "c2.gpkg", [("lazo", inner), ("vacío", None)])]
    fb = Capture()
    run_alg("t2restore:priority_score", params, fb)
    assert any("1 invalid geometries" in line and "repaired" in line for line in fb.infos)
    assert any("1 features without geometry were skipped" in w for w in fb.warnings)


@pytest.mark.qgis_process
def test_polygon_mask_all_touched_through_qgis_process(qp, params):
    code, data, log = qp.run("t2restore:priority_score", CRITERIA=params[Alg.CRITERIA][0],
                             RESCALING=params[Alg.RESCALING], WEIGHTS="1", MASK=params[Alg.MASK],
                             POLYGON_METHOD=1, OUTPUT_SCORE=params[Alg.OUTPUT_SCORE],
                             OUTPUT_CLASSES=params[Alg.OUTPUT_CLASSES], OUTPUT_TABLE=params[Alg.OUTPUT_TABLE])
    assert code == 0, log
    pixels = pixels_by_class(data["results"][Alg.OUTPUT_TABLE])
    assert pixels.pop("Excluded / masked (outside the mask)") == 60
