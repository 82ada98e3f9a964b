"""t2restore:target2_indicator through processing.run and qgis_process.

Degraded land [X0, X0 + 1800] x [Y0 - 3600, Y0] (polygons, or the left 60 columns of a 30 m raster);
two overlapping restoration areas cover [X0 + 1200, X0 + 2400] x 900 m, half of it on degraded land.
"""

import numpy as np
import pytest
from feedback import Capture
from qgis.core import (
    QgsProcessingException,
    QgsVectorLayer,
)
from rasters import write_polygons, write_raster

X0, Y0 = 400000.0, 8960000.0


def sq(x, y, w, h=None):
    h = w if h is None else h
    return f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"


DEGRADED = sq(X0, Y0 - 3600, 1800, 3600)
R1, R2 = sq(X0 + 1200, Y0 - 1800, 900), sq(X0 + 1500, Y0 - 1800, 900)   # overlap 600 m x 900 m
INSIDE = sq(X0 + 1200, Y0 - 1800, 600, 900)
OUTSIDE = sq(X0 + 1800, Y0 - 1800, 600, 900)


@pytest.fixture
def ha(ellipsoid_ha):
    """The independent area truth (conftest's ``ellipsoid_ha``) under a short name."""
    return ellipsoid_ha


@pytest.fixture
def layers(tmp_path):
    arr = np.zeros((120, 90), np.int16)
    arr[:, :60] = -1
    arr[0, 89] = -32768  # nodata outside degraded land
    return {
        "degraded": write_polygons(tmp_path / "deg.gpkg", [("degradado", DEGRADED), ("nulo", None)]),
        "raster": write_raster(tmp_path / "deg.tif", arr, nodata=-32768),
        "restoration": write_polygons(tmp_path / "r.gpkg", [("Reforestación Ñuñoa", R1), ("Agroforestería", R2),
                                                            ("sin geometría", None)]),
        "zones": write_polygons(tmp_path / "z.gpkg", [("Huánuco", sq(X0, Y0 - 3600, 1350, 3600)),
                                                      ("Ucayali", sq(X0 + 1350, Y0 - 3600, 1350, 3600))]),
        "ecosystems": write_polygons(tmp_path / "e.gpkg", [("Bosque montano", sq(X0, Y0 - 1800, 2700, 1800)),
                                                           ("Pajonal", sq(X0, Y0 - 3600, 2700, 1800))],
                                     field="ecosistema"),
        "gap": write_polygons(tmp_path / "g.gpkg", [("brecha", sq(X0 + 1500, Y0 - 3600, 300, 3600))]),
    }


def table(result):
    layer = result["OUTPUT_TABLE"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "t", "ogr")
    return {(f["level"], f["name"]): f for f in layer.getFeatures()}


@pytest.mark.parametrize("degraded", ["degraded", "raster"])
def test_indicator_by_zone_ecosystem_and_gap(tmp_path, layers, run_alg, degraded, ha):
    fb = Capture()
    res = run_alg("t2restore:target2_indicator", {
        "DEGRADED": layers[degraded], "RESTORATION_AREAS": layers["restoration"], "ZONES": layers["zones"],
        "ZONE_FIELD": "name", "ECOSYSTEMS": layers["ecosystems"], "ECOSYSTEM_FIELD": "ecosistema",
        "GAP_A": layers["gap"], "NAME_A": "MINAM", "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_OUTSIDE": "TEMPORARY_OUTPUT",
        "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, fb)
    assert res["DEGRADED_HA"] == pytest.approx(ha(DEGRADED), rel=1e-6)  # the raster's -1 pixels are DEGRADED
    assert res["RESTORATION_IN_DEGRADED_HA"] == pytest.approx(ha(INSIDE), rel=1e-6)   # overlap counted once
    assert res["RESTORATION_OUTSIDE_HA"] == pytest.approx(ha(OUTSIDE), rel=1e-6)      # reported, not dropped
    share = 100 * ha(INSIDE) / ha(DEGRADED)
    assert res["SHARE_PCT"] == pytest.approx(share, rel=1e-6)
    assert res["TO_SHARE_HA"] == pytest.approx(0.3 * ha(DEGRADED) - ha(INSIDE), rel=1e-6)
    assert res["TO_TARGET_HA"] == pytest.approx(330000 - ha(INSIDE), rel=1e-9)
    rows = table(res)
    national = rows[("national", "Total")]
    assert national["target_ha"] == 330000 and national["share_pct"] == pytest.approx(share, rel=1e-5)
    huanuco, ucayali = rows[("zone", "Huánuco")], rows[("zone", "Ucayali")]
    assert huanuco["restoration_in_degraded_ha"] == pytest.approx(ha(sq(X0 + 1200, Y0 - 1800, 150, 900)), rel=1e-5)
    assert ucayali["restoration_outside_degraded_ha"] == pytest.approx(ha(OUTSIDE), rel=1e-5)
    assert ucayali["degraded_ha"] == pytest.approx(ha(sq(X0 + 1350, Y0 - 3600, 450, 3600)), rel=1e-5)
    assert str(huanuco["to_target_ha"]) == "NULL" and huanuco["target_share_pct"] == 30
    assert rows[("ecosystem", "Bosque montano")]["restoration_in_degraded_ha"] == pytest.approx(ha(INSIDE), rel=1e-5)
    assert rows[("ecosystem", "Pajonal")]["restoration_in_degraded_ha"] == pytest.approx(0, abs=1e-9)
    gap = rows[("gap", "MINAM")]
    assert gap["degraded_ha"] == pytest.approx(ha(sq(X0 + 1500, Y0 - 3600, 300, 3600)), rel=1e-5)
    assert gap["restoration_in_degraded_ha"] == pytest.approx(ha(sq(X0 + 1500, Y0 - 1800, 300, 900)), rel=1e-5)
    assert ("gap", "(outside MINAM)") in rows
    inside = sum(f["hectares"] for f in res["OUTPUT"].getFeatures())
    assert inside == pytest.approx(ha(INSIDE), rel=1e-5)
    assert sum(f["hectares"] for f in res["OUTPUT_OUTSIDE"].getFeatures()) == pytest.approx(ha(OUTSIDE), rel=1e-5)
    assert "Areas under restoration: 1 features without geometry were skipped." in fb.warnings


def test_wgs84_raster_areas_against_qgsdistancearea(tmp_path, run_alg, ha):
    arr = np.full((100, 100), -1, np.int16)
    raster = write_raster(tmp_path / "d.tif", arr, epsg=4326, nodata=-32768,
                          geotransform=(-76.0, 0.001, 0.0, -9.0, 0.0, -0.001))
    rest = write_polygons(tmp_path / "r.gpkg", [("r", "POLYGON((-75.98 -9.08,-75.95 -9.08,-75.95 -9.05,"
                                                      "-75.98 -9.05,-75.98 -9.08))")], epsg=4326)
    res = run_alg("t2restore:target2_indicator", {"DEGRADED": raster, "RESTORATION_AREAS": rest,
                                                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    assert res["DEGRADED_HA"] == pytest.approx(ha("POLYGON((-76 -9.1,-75.9 -9.1,-75.9 -9,-76 -9,-76 -9.1))", 4326),
                                               rel=1e-5)
    assert res["RESTORATION_IN_DEGRADED_HA"] == pytest.approx(
        ha("POLYGON((-75.98 -9.08,-75.95 -9.08,-75.95 -9.05,-75.98 -9.05,-75.98 -9.08))", 4326), rel=1e-5)
    assert table(res)[("national", "Total")]["area_method"].startswith("WGS 84 ellipsoid (degraded land: pixel areas")


def test_restoration_in_psad56_is_reprojected(tmp_path, layers, run_alg, ha, reproject_wkt):
    psad56 = reproject_wkt(sq(X0 + 300, Y0 - 2700, 900), 32718, 24878)
    rest = write_polygons(tmp_path / "r56.gpkg", [("r", psad56)], epsg=24878)
    fb = Capture()
    res = run_alg("t2restore:target2_indicator", {"DEGRADED": layers["degraded"], "RESTORATION_AREAS": rest,
                                                  "OUTPUT": "TEMPORARY_OUTPUT"}, fb)
    assert any("reprojected from EPSG:24878 to EPSG:32718" in line for line in fb.lines)
    assert res["RESTORATION_IN_DEGRADED_HA"] == pytest.approx(ha(sq(X0 + 300, Y0 - 2700, 900)), rel=1e-4)
    assert res["RESTORATION_OUTSIDE_HA"] == pytest.approx(0, abs=1e-6)


def test_output_style_and_targets(tmp_path, layers, run_alg, ha):
    res = run_alg("t2restore:target2_indicator", {"DEGRADED": layers["degraded"],
                                                  "RESTORATION_AREAS": layers["restoration"], "TARGET_HA": 100,
                                                  "TARGET_SHARE": 1, "OUTPUT": str(tmp_path / "in.gpkg"),
                                                  "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    assert res["TO_SHARE_HA"] == 0.0 and res["TO_TARGET_HA"] == pytest.approx(100 - ha(INSIDE), rel=1e-9)
    layer = QgsVectorLayer(str(tmp_path / "in.gpkg"), "in", "ogr")
    layer.loadNamedStyle(str(tmp_path / "in.qml"))
    assert layer.renderer().type() == "categorizedSymbol"
    assert [c.label() for c in layer.renderer().categories()] == ["Restoration inside degraded land"]
    assert [f["class_name"] for f in layer.getFeatures()] == ["Restoration inside degraded land"]


def test_no_degraded_land_is_refused(tmp_path, layers, run_alg):
    empty = write_polygons(tmp_path / "e.gpkg", [("x", None)])
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:target2_indicator", {"DEGRADED": empty, "RESTORATION_AREAS": layers["restoration"],
                                                "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "The degraded land layer has no polygon" in str(err.value)
    assert not (tmp_path / "o.gpkg").exists()
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:target2_indicator", {"DEGRADED": layers["raster"], "DEGRADED_VALUE": 3,
                                                "RESTORATION_AREAS": layers["restoration"],
                                                "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "has no pixel with the degraded value 3" in str(err.value)


def test_empty_or_distant_restoration_warns_with_share_zero(tmp_path, layers, run_alg, ha):
    empty = write_polygons(tmp_path / "e.gpkg", [("x", None)])
    far = write_polygons(tmp_path / "f.gpkg", [("lejos", sq(X0 + 50000, Y0, 100))])
    for rest, fragment in ((empty, "There is no area under restoration"),
                           (far, "None of the areas under restoration lies on degraded land")):
        fb = Capture()
        res = run_alg("t2restore:target2_indicator", {"DEGRADED": layers["degraded"], "RESTORATION_AREAS": rest,
                                                      "OUTPUT": "TEMPORARY_OUTPUT"}, fb)
        assert res["SHARE_PCT"] == 0.0 and res["DEGRADED_HA"] == pytest.approx(ha(DEGRADED), rel=1e-6)
        assert any(fragment in w for w in fb.warnings)
    assert res["RESTORATION_OUTSIDE_HA"] == pytest.approx(ha(sq(X0 + 50000, Y0, 100)), rel=1e-6)


def test_self_intersecting_restoration_is_repaired(tmp_path, layers, run_alg, ha):
    bowtie = (f"POLYGON(({X0} {Y0 - 1000},{X0 + 1000} {Y0},{X0 + 1000} {Y0 - 1000},{X0} {Y0},{X0} {Y0 - 1000}))")
    rest = write_polygons(tmp_path / "b.gpkg", [("moño", bowtie)])
    fb = Capture()
    res = run_alg("t2restore:target2_indicator", {"DEGRADED": layers["degraded"], "RESTORATION_AREAS": rest,
                                                  "OUTPUT": "TEMPORARY_OUTPUT"}, fb)
    assert any("1 invalid geometries" in line for line in fb.lines)
    lobes = ha(f"POLYGON(({X0} {Y0 - 1000},{X0 + 500} {Y0 - 500},{X0} {Y0},{X0} {Y0 - 1000}))") + ha(
        f"POLYGON(({X0 + 1000} {Y0 - 1000},{X0 + 1000} {Y0},{X0 + 500} {Y0 - 500},{X0 + 1000} {Y0 - 1000}))")
    assert res["RESTORATION_IN_DEGRADED_HA"] == pytest.approx(lobes, rel=1e-6)


def test_qgis_process_run(qp, tmp_path, layers, ha):
    code, data, log = qp.run("t2restore:target2_indicator", DEGRADED=layers["raster"],
                             RESTORATION_AREAS=layers["restoration"], ZONES=layers["zones"], ZONE_FIELD="name",
                             OUTPUT=str(tmp_path / "o.gpkg"), OUTPUT_TABLE=str(tmp_path / "t.csv"))
    assert code == 0, log
    assert data["results"]["RESTORATION_IN_DEGRADED_HA"] == pytest.approx(ha(INSIDE), rel=1e-5)
    lines = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("level,level_name,name,degraded_ha") and any("Huánuco" in line for line in lines)
    assert (tmp_path / "o.qml").exists()


def test_qgis_process_spanish(qp_es, tmp_path, layers):
    assert "Indicador de la Meta 2 (área en restauración sobre área degradada)" in qp_es.call("list").stdout
    assert "ProREST" in qp_es.help("t2restore:target2_indicator")
    code, _data, log = qp_es.run("t2restore:target2_indicator", DEGRADED=layers["raster"], DEGRADED_VALUE=7,
                                 RESTORATION_AREAS=layers["restoration"], OUTPUT=str(tmp_path / "o.gpkg"))
    assert code != 0 and "El ráster DEGRADED no tiene ningún píxel con el valor degradado 7" in log
    assert "Traceback" not in log


# -- issue 18 item 3: sub-pixel areas, regional runs; item 5: zones keyed by feature --------------------------

SUB_PIXEL = [  # areas of 0.1 to ~40 ha in San Martín (lon/lat), none holding a 0.05 degree pixel centre
    "POLYGON((-76.99 -6.39,-76.989 -6.39,-76.989 -6.389,-76.99 -6.389,-76.99 -6.39))",
    "POLYGON((-76.93 -6.34,-76.927 -6.34,-76.927 -6.336,-76.93 -6.336,-76.93 -6.34))",
    "POLYGON((-76.89 -6.34,-76.8897 -6.34,-76.8897 -6.3397,-76.89 -6.3397,-76.89 -6.34))",
    "POLYGON((-76.87 -6.31,-76.864 -6.31,-76.864 -6.304,-76.87 -6.304,-76.87 -6.31))",
]


def test_sub_pixel_areas_keep_their_hectares_on_a_coarse_raster(tmp_path, run_alg, ha):
    arr = np.full((4, 4), -1, np.int16)
    arr[0, 2:] = 0  # the last two areas lie on a pixel that is not degraded
    raster = write_raster(tmp_path / "d.tif", arr, epsg=4326, nodata=-32768,
                          geotransform=(-77.0, 0.05, 0.0, -6.3, 0.0, -0.05))
    rest = write_polygons(tmp_path / "r.gpkg", [(str(i), w) for i, w in enumerate(SUB_PIXEL)], epsg=4326)
    fb = Capture()
    res = run_alg("t2restore:target2_indicator", {"DEGRADED": raster, "RESTORATION_AREAS": rest,
                                                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_OUTSIDE": "TEMPORARY_OUTPUT",
                                                  "AREA_NAME": "San Martín"}, fb)
    inside, outside = sum(ha(w, 4326) for w in SUB_PIXEL[:2]), sum(ha(w, 4326) for w in SUB_PIXEL[2:])
    assert res["RESTORATION_IN_DEGRADED_HA"] == pytest.approx(inside, rel=1e-5)
    assert res["RESTORATION_OUTSIDE_HA"] == pytest.approx(outside, rel=1e-5)
    assert any("counted exactly" in line for line in fb.lines)
    assert not any("None of the areas" in w for w in fb.warnings)


def test_regional_run_is_labelled_with_its_name_and_its_own_goal(tmp_path, layers, run_alg, ha):
    base = {"DEGRADED": layers["raster"], "RESTORATION_AREAS": layers["restoration"], "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}
    fb = Capture()
    res = run_alg("t2restore:target2_indicator", dict(base, AREA_NAME="San Martín"), fb)
    rows = table(res)
    assert ("national", "Total") not in rows
    total = rows[("region", "San Martín")]
    assert str(total["target_ha"]) == "NULL" and str(total["to_target_ha"]) == "NULL"
    assert res["TO_TARGET_HA"] in (None, 0.0)
    assert not any("330,000" in line or "National goal" in line for line in fb.lines)
    res = run_alg("t2restore:target2_indicator", dict(base, AREA_NAME="San Martín", REGIONAL_TARGET_HA=500))
    total = table(res)[("region", "San Martín")]
    assert total["target_ha"] == 500 and res["TO_TARGET_HA"] == pytest.approx(500 - ha(INSIDE), rel=1e-6)
    fb = Capture()
    run_alg("t2restore:target2_indicator", base, fb)  # national by default: a 3 km raster is not Peru
    assert any("covers only part of Peru" in w and "AREA_NAME" in w for w in fb.warnings)


def test_target2_zones_keyed_by_feature_and_zone_id(tmp_path, layers, run_alg, ha):
    zones = write_polygons(tmp_path / "z.gpkg", [("SANTA ROSA", sq(X0, Y0 - 3600, 1350, 3600)),
                                                 ("SANTA ROSA", sq(X0 + 1350, Y0 - 3600, 1350, 3600))])
    fb = Capture()
    res = run_alg("t2restore:target2_indicator", {"DEGRADED": layers["degraded"], "RESTORATION_AREAS":
                                                  layers["restoration"], "ZONES": zones, "ZONE_FIELD": "name",
                                                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, fb)
    layer = res["OUTPUT_TABLE"]
    rows = [f for f in layer.getFeatures() if f["level"] == "zone"]
    assert sorted(f["degraded_ha"] for f in rows) == pytest.approx(
        sorted([ha(sq(X0, Y0 - 3600, 1350, 3600)), ha(sq(X0 + 1350, Y0 - 3600, 450, 3600))]), rel=1e-6)
    assert len({f["zone_id"] for f in rows}) == 2 and {f["name"] for f in rows} == {"SANTA ROSA"}
    assert any("SANTA ROSA" in w and "ZONE_ID" in w for w in fb.warnings)


def test_qgis_process_sub_pixel_areas(qp, tmp_path, ha):
    raster = write_raster(tmp_path / "d.tif", np.full((4, 4), -1, np.int16), epsg=4326, nodata=-32768,
                          geotransform=(-77.0, 0.05, 0.0, -6.3, 0.0, -0.05))
    rest = write_polygons(tmp_path / "r.gpkg", [(str(i), w) for i, w in enumerate(SUB_PIXEL)], epsg=4326)
    code, data, log = qp.run("t2restore:target2_indicator", DEGRADED=raster, RESTORATION_AREAS=rest,
                             AREA_NAME="San Martín", OUTPUT=str(tmp_path / "o.gpkg"))
    assert code == 0, log
    assert data["results"]["RESTORATION_IN_DEGRADED_HA"] == pytest.approx(sum(ha(w, 4326) for w in SUB_PIXEL),
                                                                          rel=1e-5)
