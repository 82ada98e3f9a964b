"""One area engine: the hectares Processing writes for a polygon (gap_overlap pieces and initiatives,
Target 2 restoration outside degraded land) are the geometry core's, to the last written digit."""

import pytest
from osgeo import ogr
from qgis.core import QgsVectorLayer
from rasters import write_polygons

from t2restore.algorithms import geometry

# lon/lat plots of 0.2 ha to 400 ha, far apart; their hectares are written rounded to 6 decimals
PLOTS = [
    "POLYGON((-75.2 -11.8,-75.1995 -11.8,-75.1993 -11.7996,-75.2 -11.7995,-75.2 -11.8))",
    "POLYGON((-75.1 -11.7,-75.098 -11.7,-75.097 -11.698,-75.1 -11.697,-75.1 -11.7))",
    "POLYGON((-74.9 -11.5,-74.88 -11.5,-74.875 -11.48,-74.9 -11.485,-74.9 -11.5),"
    "(-74.895 -11.495,-74.89 -11.495,-74.89 -11.49,-74.895 -11.495))",
    "POLYGON((-74.5 -11.2,-74.48 -11.2,-74.48 -11.18,-74.5 -11.18,-74.5 -11.2))",
]
FAR = "POLYGON((-70 -15,-69.9 -15,-69.9 -14.9,-70 -14.9,-70 -15))"


def _hectares(wkt):
    return round(geometry.ellipsoidal_area_ha(ogr.CreateGeometryFromWkt(wkt)), 6)


def _by_west_edge(result_value, field):
    layer = result_value if isinstance(result_value, QgsVectorLayer) else QgsVectorLayer(result_value, "o", "ogr")
    assert layer.isValid()
    return {round(f.geometry().boundingBox().xMinimum(), 6): f[field] for f in layer.getFeatures()}


@pytest.fixture
def plots(tmp_path):
    return (write_polygons(tmp_path / "plots.gpkg", [(f"p{k}", w) for k, w in enumerate(PLOTS)], epsg=4326),
            write_polygons(tmp_path / "far.gpkg", [("far", FAR)], epsg=4326))


def test_gap_overlap_and_target2_write_the_core_hectares(tmp_path, plots, run_alg, ellipsoid_ha):
    plot_layer, far_layer = plots
    expected = {round(ogr.CreateGeometryFromWkt(w).GetEnvelope()[0], 6): _hectares(w) for w in PLOTS}
    gaps = run_alg("t2restore:gap_overlap", {"GAP_A": plot_layer, "GAP_B": far_layer, "INITIATIVES": plot_layer,
                                             "OUTPUT": str(tmp_path / "gaps.gpkg"),
                                             "OUTPUT_INITIATIVES": str(tmp_path / "ini.gpkg")})
    pieces = _by_west_edge(gaps["OUTPUT"], "hectares")
    assert {x: ha for x, ha in pieces.items() if x in expected} == expected
    assert _by_west_edge(gaps["OUTPUT_INITIATIVES"], "ha_total") == expected
    t2 = run_alg("t2restore:target2_indicator", {"DEGRADED": far_layer, "RESTORATION_AREAS": plot_layer,
                                                 "OUTPUT": str(tmp_path / "in.gpkg"),
                                                 "OUTPUT_OUTSIDE": str(tmp_path / "out.gpkg"),
                                                 "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    assert _by_west_edge(t2["OUTPUT_OUTSIDE"], "hectares") == expected
    # the truths: the closed form of the lon/lat rectangle; QGIS's geodesic measure (its edges are
    # geodesics, ours straight in lon/lat: they part by a few millionths on 2 km edges)
    assert _hectares(PLOTS[3]) == pytest.approx(geometry.cell_area_ha(-74.5, -11.2, -74.48, -11.18), abs=1e-6)
    for wkt in PLOTS:
        ours = geometry.ellipsoidal_area_ha(ogr.CreateGeometryFromWkt(wkt))
        assert ours == pytest.approx(ellipsoid_ha(wkt, 4326), rel=1e-5)
