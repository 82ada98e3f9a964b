"""The status of ldn_status as the degraded land of target2_indicator (issue 11, item 3): DEGRADED_CLASSES."""

import numpy as np
import pytest
from rasters import read_raster, write_polygons, write_raster
from test_ldn_status_processing import GT, ND, SHAPE, _box, _cell_ha

from t2restore.processing.ldn_status import LdnStatusAlgorithm as Status
from t2restore.processing.target2_indicator import Target2IndicatorAlgorithm as Target2


@pytest.fixture
def status(run_alg, tmp_path):
    rng = np.random.default_rng(3)
    b, r = (rng.choice(np.array([-1, 0, 1, ND], np.int16), SHAPE, p=[0.3, 0.35, 0.3, 0.05]) for _ in range(2))
    paths = [write_raster(tmp_path / f"{n}.tif", a, epsg=4326, geotransform=GT, nodata=ND) for n, a in (("b", b),
                                                                                                          ("r", r))]
    results = run_alg("t2restore:ldn_status", {Status.BASELINE: paths[0], Status.REPORTING_1: paths[1],
                                               Status.STATUS_1: str(tmp_path / "s1.tif")})
    return results[Status.STATUS_1], read_raster(results[Status.STATUS_1])


@pytest.mark.parametrize("classes", ["1,2,3", "1-2"])
def test_status_classes_as_degraded_land(run_alg, tmp_path, status, classes):
    path, values = status
    restoration = write_polygons(tmp_path / "r.gpkg", [("a", _box(5, 25, 5, 25))], epsg=4326)
    results = run_alg("t2restore:target2_indicator", {
        Target2.DEGRADED: path, Target2.DEGRADED_CLASSES: classes, Target2.RESTORATION_AREAS: restoration,
        Target2.OUTPUT_TABLE: str(tmp_path / f"t2_{classes}.csv"), Target2.OUTPUT: "TEMPORARY_OUTPUT",
        Target2.OUTPUT_OUTSIDE: "TEMPORARY_OUTPUT"})
    wanted = (1, 2, 3) if classes == "1,2,3" else (1, 2)
    assert results[Target2.DEGRADED_HA] == pytest.approx(_cell_ha()[np.isin(values, wanted)].sum(), rel=1e-6)


def test_without_classes_the_degraded_value_still_rules(run_alg, tmp_path, status):
    from qgis.core import QgsProcessingException

    path, _values = status
    restoration = write_polygons(tmp_path / "r.gpkg", [("a", _box(5, 25, 5, 25))], epsg=4326)
    with pytest.raises(QgsProcessingException, match="no pixel with the degraded value -1"):
        run_alg("t2restore:target2_indicator", {
            Target2.DEGRADED: path, Target2.RESTORATION_AREAS: restoration,
            Target2.OUTPUT_TABLE: str(tmp_path / "t.csv"),
            Target2.OUTPUT: "TEMPORARY_OUTPUT", Target2.OUTPUT_OUTSIDE: "TEMPORARY_OUTPUT"})
