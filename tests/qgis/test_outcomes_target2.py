"""target2_indicator counts, beside all areas, only the areas restoration_outcomes found recovering (issue 14)."""

import pytest
from case_inputs import box_hectares, box_wkt, write_features
from osgeo import ogr
from qgis.core import QgsProcessingException

from t2restore.processing.target2_indicator import Target2IndicatorAlgorithm as Alg

DEGRADED = [-76.00, -9.02, -75.98, -9.00]
AREA_A = [-75.99, -9.01, -75.97, -9.00]    # half inside the degraded land
AREA_B = [-75.995, -9.02, -75.99, -9.015]  # wholly inside


@pytest.fixture
def inputs(tmp_path):
    degraded = write_features(tmp_path / "degraded.gpkg", [(box_wkt(*DEGRADED), {"name": "D"})], 4326,
                              ogr.wkbMultiPolygon)
    areas = write_features(tmp_path / "areas.gpkg", [(box_wkt(*AREA_A), {"code": "A"}),
                                                     (box_wkt(*AREA_B), {"code": "B"})], 4326, ogr.wkbMultiPolygon)
    table = tmp_path / "outcomes.csv"
    table.write_text("area_id,outcome\nA,recovering\nB,no_change\n", encoding="utf-8")
    return str(degraded), str(areas), str(table)


def test_recovering_areas_counted_beside_all(inputs, run_alg, tmp_path):
    degraded, areas, table = inputs
    result = run_alg("t2restore:target2_indicator", {
        Alg.DEGRADED: degraded, Alg.RESTORATION_AREAS: areas, Alg.OUTCOMES: table, Alg.OUTCOME_ID_FIELD: "code",
        Alg.OUTPUT: str(tmp_path / "inside.gpkg")})
    a_inside = box_hectares([[-75.99, -9.01, -75.98, -9.00]])
    b_inside = box_hectares([AREA_B])
    whole = box_hectares([DEGRADED])
    assert result[Alg.RESTORATION_IN_DEGRADED_HA] == pytest.approx(a_inside + b_inside, rel=5e-5)
    assert result[Alg.RECOVERING_IN_DEGRADED_HA] == pytest.approx(a_inside, rel=5e-5)
    assert result[Alg.RECOVERING_SHARE_PCT] == pytest.approx(100 * a_inside / whole, rel=1e-4)


def test_outcomes_table_without_the_fields_refused(inputs, run_alg, tmp_path):
    degraded, areas, _table = inputs
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("id,class\nA,1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="area_id and outcome"):
        run_alg("t2restore:target2_indicator", {Alg.DEGRADED: degraded, Alg.RESTORATION_AREAS: areas,
                                                Alg.OUTCOMES: str(wrong), Alg.OUTPUT: str(tmp_path / "inside.gpkg")})
