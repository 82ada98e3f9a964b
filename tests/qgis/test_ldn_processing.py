"""t2restore:ldn_degradation and t2restore:area_summary through processing.run."""

import numpy as np
import pytest
from qgis.core import (
    QgsDistanceArea,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from rasters import read_raster, write_polygons, write_raster

from t2restore.algorithms import ldn

ND = -32768


@pytest.fixture
def rasters(tmp_path):
    rng = np.random.default_rng(7)
    shape = (120, 90)
    lcb = rng.integers(1, 8, shape).astype(np.uint8)
    lct = rng.integers(1, 8, shape).astype(np.uint8)
    lpd = rng.integers(1, 6, shape).astype(np.uint8)
    socb = rng.uniform(10, 80, shape).astype(np.float32)
    soct = (socb * rng.uniform(0.85, 1.15, shape)).astype(np.float32)
    arrays = dict(lcb=lcb, lct=lct, lpd=lpd, socb=socb, soct=soct)
    paths = {
        "LC_BASELINE": write_raster(tmp_path / "lcb.tif", lcb, nodata=0),
        "LC_TARGET": write_raster(tmp_path / "lct.tif", lct, nodata=0),
        "PRODUCTIVITY": write_raster(tmp_path / "lpd.tif", lpd, nodata=0),
        "SOC_BASELINE": write_raster(tmp_path / "socb.tif", socb, nodata=-9999),
        "SOC_TARGET": write_raster(tmp_path / "soct.tif", soct, nodata=-9999),
    }
    return paths, arrays


def _zones(tmp_path, epsg=32718):
    # two departments splitting the 2700 m x 3600 m raster at x = 401350 (UTM 18S)
    west = "POLYGON((400000 8956400,401350 8956400,401350 8960000,400000 8960000,400000 8956400))"
    east = "POLYGON((401350 8956400,402700 8956400,402700 8960000,401350 8960000,401350 8956400))"
    path = write_polygons(tmp_path / "zones.gpkg", [("Huánuco", west), ("Ucayali", east), ("Sin geometría", None)])
    if epsg == 32718:
        return path
    import processing

    return processing.run("native:reprojectlayer", {"INPUT": path, "TARGET_CRS": f"EPSG:{epsg}",
                                                    "OUTPUT": str(tmp_path / f"zones_{epsg}.gpkg")})["OUTPUT"]


def test_result_matches_rules_and_outputs(tmp_path, rasters, run_alg):
    paths, arrays = rasters
    params = dict(paths, OUTPUT=str(tmp_path / "deg.tif"), OUTPUT_SUBINDICATORS=str(tmp_path / "sub.tif"),
                  OUTPUT_TABLE=str(tmp_path / "table.csv"))
    result = run_alg("t2restore:ldn_degradation", params)
    lc = ldn.land_cover_subindicator(arrays["lcb"], arrays["lct"])
    prod = ldn.productivity_subindicator(arrays["lpd"])
    soc = ldn.soc_subindicator(arrays["socb"], arrays["soct"], water=arrays["lcb"] == 7)
    np.testing.assert_array_equal(read_raster(result["OUTPUT"]), ldn.one_out_all_out([lc, prod, soc]))
    np.testing.assert_array_equal(read_raster(result["OUTPUT_SUBINDICATORS"], 2), prod)
    assert result["SUBINDICATORS_USED"] == "land cover, productivity, soil organic carbon"
    table = QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr")
    rows = {f["class_name"]: f for f in table.getFeatures()}
    assert set(rows) == {"Degraded", "Stable", "Improved", "No data"}
    assert float(rows["Degraded"]["hectares"]) == pytest.approx(result["DEGRADED_HA"], abs=1e-3)
    assert rows["No data"]["input_crs"].startswith("EPSG:32718")
    assert rows["No data"]["area_method"] == "WGS 84 ellipsoid"
    total_px = sum(int(f["pixels"]) for f in table.getFeatures())
    assert total_px == 120 * 90


def test_output_is_styled_with_class_names(tmp_path, rasters, run_alg):
    paths, _ = rasters
    out = tmp_path / "deg.tif"
    run_alg("t2restore:ldn_degradation", dict(PRODUCTIVITY=paths["PRODUCTIVITY"], OUTPUT=str(out)))
    layer = QgsRasterLayer(str(out), "deg")
    assert layer.isValid()
    assert (tmp_path / "deg.qml").exists()
    layer.loadNamedStyle(str(tmp_path / "deg.qml"))
    renderer = layer.renderer()
    assert renderer.type() == "paletted"
    classes = {c.value: c.label for c in renderer.classes()}
    assert classes == {-1.0: "Degraded", 0.0: "Stable", 1.0: "Improved"}
    colors = {c.value: c.color.name() for c in renderer.classes()}
    assert colors[-1.0] == "#d7191c" and colors[1.0] == "#1a9641"


def test_style_applied_when_loaded_on_completion(tmp_path, rasters, run_and_load):
    paths, _ = rasters
    result, loaded, details = run_and_load("t2restore:ldn_degradation", {
        "PRODUCTIVITY": paths["PRODUCTIVITY"], "OUTPUT": str(tmp_path / "loaded.tif")})
    assert details["OUTPUT"].postProcessor() is not None  # the style is applied by our post-processor
    layer = loaded["OUTPUT"]
    assert layer.source() == result["OUTPUT"] and layer.name() == "Degradation (SDG 15.3.1)"
    assert layer.renderer().type() == "paletted"
    assert {c.value: c.label for c in layer.renderer().classes()} == {-1.0: "Degraded", 0.0: "Stable",
                                                                       1.0: "Improved"}


def test_zones_table_and_reprojected_zones(tmp_path, rasters, run_alg):
    paths, _ = rasters
    tables = {}
    for epsg in (32718, 4326):
        zones = _zones(tmp_path, epsg)
        res = run_alg("t2restore:ldn_degradation", dict(
            PRODUCTIVITY=paths["PRODUCTIVITY"], ZONES=zones, ZONE_FIELD="name",
            OUTPUT=str(tmp_path / f"d{epsg}.tif"), OUTPUT_TABLE="TEMPORARY_OUTPUT"))
        layer = res["OUTPUT_TABLE"]
        tables[epsg] = {(f["zone"], f["class_name"]): f["hectares"] for f in layer.getFeatures()}
    assert {z for z, _ in tables[32718]} == {"Huánuco", "Ucayali"}
    for key, ha in tables[32718].items():
        assert tables[4326][key] == pytest.approx(ha, rel=1e-3)
    west = sum(v for (z, _c), v in tables[32718].items() if z == "Huánuco")
    assert west == pytest.approx(45 * 120 * 0.09, rel=2e-3)


def test_empty_zones_layer_is_refused(tmp_path, rasters, run_alg):
    paths, _ = rasters
    zones = write_polygons(tmp_path / "empty.gpkg", [("nada", None)])
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:ldn_degradation", dict(PRODUCTIVITY=paths["PRODUCTIVITY"], ZONES=zones,
                                                  OUTPUT=str(tmp_path / "d.tif")))
    assert "no polygon" in str(err.value)
    assert not (tmp_path / "d.tif").exists()


@pytest.mark.parametrize("params,fragment", [
    ({"TRANSITION_MATRIX": [0] * 48}, "must be 7 x 7"),
    ({"TRANSITION_MATRIX": [2] + [0] * 48}, "row 1, column 1 holds 2"),
    ({"LC_RECODE": [1, 1, 2, 2]}, "no row for the classes"),
    ({"LC_RECODE": [1, 1, 2]}, "needs pairs"),
])
def test_bad_tables_give_clear_messages(tmp_path, rasters, run_alg, params, fragment):
    paths, _ = rasters
    base = {"LC_BASELINE": paths["LC_BASELINE"], "LC_TARGET": paths["LC_TARGET"], "OUTPUT": str(tmp_path / "d.tif")}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:ldn_degradation", dict(base, **params))
    assert fragment in str(err.value)
    assert not (tmp_path / "d.tif").exists()


def test_grid_mismatch_and_explicit_alignment(tmp_path, rasters, run_alg):
    paths, arrays = rasters
    coarse = write_raster(tmp_path / "coarse.tif", np.ones((60, 45), np.uint8) * 5, nodata=0,
                          geotransform=(400000.0, 60.0, 0.0, 8960000.0, 0.0, -60.0))
    params = {"LC_BASELINE": paths["LC_BASELINE"], "LC_TARGET": paths["LC_TARGET"], "PRODUCTIVITY": coarse,
              "OUTPUT": str(tmp_path / "d.tif")}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:ldn_degradation", params)
    assert "pixel size differs (30 x 30 vs 60 x 60)" in str(err.value)
    result = run_alg("t2restore:ldn_degradation", dict(params, ALIGN=True))
    expected = ldn.one_out_all_out([ldn.land_cover_subindicator(arrays["lcb"], arrays["lct"]),
                                    np.ones((120, 90), np.int16)])
    np.testing.assert_array_equal(read_raster(result["OUTPUT"]), expected)


def test_no_subindicator_is_refused(tmp_path, run_alg):
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:ldn_degradation", {"OUTPUT": str(tmp_path / "d.tif")})
    assert "at least one sub-indicator" in str(err.value)


def test_cancel_leaves_no_output(tmp_path, rasters, run_cancelled):
    paths, _ = rasters
    out = tmp_path / "d.tif"
    error = run_cancelled("t2restore:ldn_degradation", dict(paths, OUTPUT=str(out)))
    assert "Cancelled" in str(error)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".d.tif")] == []


def _footprint_area_ha(layer):
    da = QgsDistanceArea()
    da.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    da.setEllipsoid("WGS84")
    extent = layer.extent()
    geom = QgsGeometry.fromRect(QgsRectangle(extent))
    geom = geom.densifyByCount(200)
    return da.measureArea(geom) / 10000


@pytest.mark.parametrize("epsg,gt,shape", [
    (4326, (-76.0, 0.005, 0.0, -9.0, 0.0, -0.005), (400, 300)),     # Peruvian latitudes, 2 x 1.5 degrees
    (32719, (250000.0, 250.0, 0.0, 8450000.0, 0.0, -250.0), (480, 400)),  # Puno-like, far from the meridian
])
def test_area_summary_total_matches_qgsdistancearea(tmp_path, run_alg, epsg, gt, shape):
    path = write_raster(tmp_path / "c.tif", np.ones(shape, np.uint8), epsg=epsg, geotransform=gt)
    result = run_alg("t2restore:area_summary", {"INPUT": path, "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    truth = _footprint_area_ha(QgsRasterLayer(path, "c"))
    assert result["TOTAL_HA"] == pytest.approx(truth, rel=1e-4)


def test_area_summary_per_zone(tmp_path, rasters, run_alg):
    paths, arrays = rasters
    zones = _zones(tmp_path)
    res = run_alg("t2restore:area_summary", {"INPUT": paths["PRODUCTIVITY"], "ZONES": zones, "ZONE_FIELD": "name",
                                             "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    pixels = {(f["zone"], f["class"]): f["pixels"] for f in res["OUTPUT_TABLE"].getFeatures()}
    for cls in range(1, 6):
        assert pixels[("Huánuco", cls)] == int(np.count_nonzero(arrays["lpd"][:, :45] == cls))
        assert pixels[("Ucayali", cls)] == int(np.count_nonzero(arrays["lpd"][:, 45:] == cls))


def test_area_summary_refuses_float_raster(tmp_path, rasters, run_alg):
    paths, _ = rasters
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:area_summary", {"INPUT": paths["SOC_BASELINE"], "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    assert "integer" in str(err.value)
