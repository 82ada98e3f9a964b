"""t2restore:ahp_weights and t2restore:priority_score through processing.run and the real qgis_process."""

import json
from pathlib import Path

import numpy as np
import pytest
from feedback import Capture
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsRasterLayer, QgsVectorLayer
from rasters import read_raster, write_polygons, write_raster

from t2restore.algorithms import scoring
from t2restore.algorithms.scoring import Criterion, Layer

SHAPE = (40, 30)  # 1200 m x 900 m of 30 m UTM 18S pixels from (400000, 8960000)
ND = scoring.SCORE_NODATA
# the west half of the raster (x < 400450)
WEST = "POLYGON((400000 8958800,400450 8958800,400450 8960000,400000 8960000,400000 8958800))"


@pytest.fixture
def rasters(tmp_path):
    rng = np.random.default_rng(4)
    slope = rng.uniform(0, 50, SHAPE).astype(np.float32)
    dist = rng.uniform(0, 15000, SHAPE).astype(np.float32)
    cover = rng.integers(1, 4, SHAPE).astype(np.uint8)
    water = np.zeros(SHAPE, np.uint8)
    water[30:, :] = 1
    degraded = np.where(rng.uniform(size=SHAPE) < 0.7, -1, 0).astype(np.int16)
    arrays = dict(slope=slope, dist=dist, cover=cover, water=water, degraded=degraded)
    paths = {k: write_raster(tmp_path / f"{k}.tif", v) for k, v in arrays.items()}
    return paths, arrays


RESCALING = ["1", "1", "slope", "linear", "0", "40", "",
             "2", "1", "distance", "inverted", "0", "10000", "",
             "3", "1", "cover", "categorical", "", "", "1: 1; 2: 0.5; 3: 0"]


def _criteria(paths):
    return [Criterion("slope", paths["slope"], low=0, high=40),
            Criterion("distance", paths["dist"], method="inverted", low=0, high=10000),
            Criterion("cover", paths["cover"], method="categorical", table={1: 1, 2: 0.5, 3: 0})]


def _serfor(tmp_path):
    """A raster shaped like the OUTPUT_CRITERIA of t2restore:serfor_criteria (5 named bands)."""
    rng = np.random.default_rng(8)
    slope = rng.uniform(0, 50, SHAPE)
    bands = np.stack([rng.integers(0, 4, SHAPE), slope, 100 * np.tan(np.radians(slope)),
                      rng.uniform(0, 20000, SHAPE), rng.uniform(0, 30, SHAPE)]).astype(np.float32)
    path = write_raster(tmp_path / "serfor_criteria.tif", bands, nodata=-9999)
    ds = gdal.Open(path, gdal.GA_Update)
    for i, name in enumerate(("land_use_conflict", "slope_degrees", "slope_percent", "distance_to_conservation_m",
                              "deforestation_density_ha_per_km2")):
        ds.GetRasterBand(i + 1).SetDescription(name)
    ds = None
    return path


# -- ahp_weights --------------------------------------------------------------------------------

def test_ahp_weights_table_and_consistency(run_alg):
    result = run_alg("t2restore:ahp_weights", {"CRITERIA": "slope, distance, cover", "MATRIX": [3, 5, 2],
                                                "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = {f["criterion"]: f for f in result["OUTPUT"].getFeatures()}
    assert list(rows) == ["slope", "distance", "cover"]
    assert sum(f["weight"] for f in rows.values()) == pytest.approx(1.0, abs=1e-9)
    assert rows["slope"]["rank"] == 1 and rows["cover"]["rank"] == 3
    assert result["CONSISTENT"] and result["INCONSISTENT_PAIR"] == ""
    assert result["CR"] == pytest.approx(rows["slope"]["cr"], abs=1e-6) and result["CR"] < 0.1
    assert result["WEIGHTS"].startswith("slope=0.6")


def test_ahp_inconsistent_judgments_are_flagged(run_alg):
    feedback = Capture()
    # a > b (9), b > c (9), but c > a (9): circular judgments
    result = run_alg("t2restore:ahp_weights", {"CRITERIA": "a,b,c", "MATRIX": [9, "1/9", 9],
                                                "OUTPUT": "TEMPORARY_OUTPUT"}, feedback)
    assert not result["CONSISTENT"] and result["CR"] > 0.1
    assert result["INCONSISTENT_PAIR"] in ("a / b", "a / c", "b / c")
    assert any("Inconsistent judgments: CR = " in w and "Review first the comparison of" in w
               for w in feedback.warnings)
    assert all(f["consistent"] == 0 for f in result["OUTPUT"].getFeatures())


def test_ahp_matrix_file(run_alg, tmp_path):
    csv_path = tmp_path / "m.csv"
    csv_path.write_text(";slope;distance;cover\nslope;1;3;5\ndistance;;1;2\ncover;;;1\n", encoding="utf-8")
    result = run_alg("t2restore:ahp_weights", {"MATRIX_FILE": str(csv_path), "OUTPUT": "TEMPORARY_OUTPUT"})
    direct = run_alg("t2restore:ahp_weights", {"CRITERIA": "slope, distance, cover", "MATRIX": [3, 5, 2],
                                                "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["WEIGHTS"] == direct["WEIGHTS"]


@pytest.mark.parametrize("params,fragment", [
    ({"CRITERIA": "a,b,c", "MATRIX": [1, 3, 5, 0.25, 1, 2, 0.2, 0.5, 1]}, "not reciprocal"),
    ({"CRITERIA": "a,b,c", "MATRIX": [3, -5, 2]}, "comparisons must be positive"),
    ({"CRITERIA": "a,b,c", "MATRIX": [3, 5]}, "must be square"),
    ({"CRITERIA": "a,b,c"}, "Give the pairwise comparisons"),
])
def test_ahp_bad_input(run_alg, params, fragment):
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:ahp_weights", dict(params, OUTPUT="TEMPORARY_OUTPUT"))
    assert fragment in str(err.value)


# -- priority_score -------------------------------------------------------------------------------

def test_priority_score_equals_the_engine_and_feeds_on_ahp_weights(tmp_path, rasters, run_alg):
    paths, arrays = rasters
    weights_csv = str(tmp_path / "weights.csv")
    run_alg("t2restore:ahp_weights", {"CRITERIA": "slope, distance, cover", "MATRIX": [3, 5, 2],
                                      "OUTPUT": weights_csv})
    zones = write_polygons(tmp_path / "zones.gpkg", [("Oeste", WEST)])
    out = {k: str(tmp_path / f"{k}.tif") for k in ("score", "classes")}
    result = run_alg("t2restore:priority_score", {
        "CRITERIA": [paths["slope"], paths["dist"], paths["cover"]], "RESCALING": RESCALING,
        "WEIGHTS_TABLE": weights_csv, "CONSTRAINTS": [paths["water"]], "MASK": paths["degraded"],
        "MASK_VALUES": "-1", "ZONES": zones, "ZONE_FIELD": "name", "OUTPUT_SCORE": out["score"],
        "OUTPUT_CLASSES": out["classes"], "OUTPUT_TABLE": str(tmp_path / "table.csv")})
    ahp_rows = [line.split(",") for line in Path(weights_csv).read_text().splitlines()[1:]]
    weights = [float(r[1]) for r in ahp_rows]
    engine = scoring.priority_score(_criteria(paths), weights, str(tmp_path / "e_score.tif"),
                                    str(tmp_path / "e_classes.tif"), constraints=[Layer("water", paths["water"])],
                                    mask=Layer("degraded", paths["degraded"], values=(-1,)))
    np.testing.assert_array_equal(read_raster(out["score"]), read_raster(tmp_path / "e_score.tif"))
    classes = read_raster(out["classes"])
    np.testing.assert_array_equal(classes, read_raster(tmp_path / "e_classes.tif"))
    assert (classes[30:] == 0)[arrays["degraded"][30:] == -1].all()
    table = QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr")
    rows = list(table.getFeatures())
    assert {r["zone"] for r in rows} == {"Oeste", "(outside every zone)"}
    assert "Excluded by a constraint" in {r["class_name"] for r in rows}
    assert sum(int(r["pixels"]) for r in rows) == SHAPE[0] * SHAPE[1]
    assert result["EXCLUDED_HA"] == pytest.approx(engine["pixels"]["excluded"] * 0.09, rel=2e-3)
    high = sum(float(r["hectares"]) for r in rows if str(r["class"]) in ("3", "4"))  # CSV: text columns
    assert result["HIGH_PRIORITY_HA"] == pytest.approx(high, rel=1e-5)  # the table rounds to 4 decimals
    layer = QgsRasterLayer(out["classes"], "c")
    layer.loadNamedStyle(str(tmp_path / "classes.qml"))
    assert {c.label for c in layer.renderer().classes()} == {"Low", "Medium", "High", "Very high",
                                                             "Excluded by a constraint"}


def test_polygon_constraint_in_another_crs_equals_its_raster(tmp_path, rasters, run_alg):
    import processing

    paths, _ = rasters
    south = "POLYGON((400000 8958800,400900 8958800,400900 8959100,400000 8959100,400000 8958800))"  # rows 30..39
    polygons = write_polygons(tmp_path / "water.gpkg", [("agua", south)])
    geographic = processing.run("native:reprojectlayer", {"INPUT": polygons, "TARGET_CRS": "EPSG:4326",
                                                          "OUTPUT": str(tmp_path / "water_4326.gpkg")})["OUTPUT"]
    base = {"CRITERIA": [paths["slope"], paths["dist"], paths["cover"]], "RESCALING": RESCALING,
            "WEIGHTS": "1, 1, 1"}
    a = run_alg("t2restore:priority_score", dict(base, CONSTRAINTS=[paths["water"]],
                                                 OUTPUT_SCORE=str(tmp_path / "a.tif"),
                                                 OUTPUT_CLASSES=str(tmp_path / "ac.tif")))
    b = run_alg("t2restore:priority_score", dict(base, CONSTRAINTS=[geographic], OUTPUT_SCORE=str(tmp_path / "b.tif"),
                                                 OUTPUT_CLASSES=str(tmp_path / "bc.tif")))
    np.testing.assert_array_equal(read_raster(a["OUTPUT_CLASSES"]), read_raster(b["OUTPUT_CLASSES"]))
    assert a["EXCLUDED_HA"] == pytest.approx(b["EXCLUDED_HA"], rel=1e-12) and a["EXCLUDED_HA"] > 0


def test_shipped_preset_with_uncertainty_and_saved_preset(tmp_path, run_alg):
    serfor = _serfor(tmp_path)
    feedback = Capture()
    result = run_alg("t2restore:priority_score", {
        "SHIPPED_PRESET": 1, "CRITERIA": [serfor], "UNCERTAINTY": True, "RUNS": 20,
        "OUTPUT_SCORE": str(tmp_path / "s.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif"),
        "OUTPUT_STABILITY": str(tmp_path / "st.tif"), "OUTPUT_PRESET": str(tmp_path / "saved.json")}, feedback)
    assert any("provisional" in w for w in feedback.warnings)
    assert result["WEIGHTS_USED"] == ("land_use_conflict=0.3500, slope=0.2000, distance_conservation_areas=0.2000, "
                                      "deforestation_density=0.2500")
    stability = read_raster(result["OUTPUT_STABILITY"])
    assert stability.min() >= 0 and stability.max() <= 1 and ((stability > 0) & (stability < 1)).any()
    assert (tmp_path / "st.qml").exists() and (tmp_path / "s.qml").exists()
    saved = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert saved["format"] == "t2restore.priority_score" and saved["uncertainty"]["runs"] == 20
    assert saved["uncertainty"]["seed"] == 2030  # from the preset: SEED was left at its default
    again = run_alg("t2restore:priority_score", {
        "PRESET": str(tmp_path / "saved.json"), "OUTPUT_SCORE": str(tmp_path / "s2.tif"),
        "OUTPUT_CLASSES": str(tmp_path / "c2.tif"), "OUTPUT_STABILITY": str(tmp_path / "st2.tif")})
    np.testing.assert_array_equal(read_raster(tmp_path / "s2.tif"), read_raster(tmp_path / "s.tif"))
    np.testing.assert_array_equal(read_raster(again["OUTPUT_STABILITY"]), stability)


def test_weights_are_normalized_with_a_warning(tmp_path, rasters, run_alg):
    paths, _ = rasters
    feedback = Capture()
    result = run_alg("t2restore:priority_score", {
        "CRITERIA": [paths["slope"], paths["dist"], paths["cover"]], "RESCALING": RESCALING, "WEIGHTS": "2, 1, 1",
        "CLASSES": 1, "OUTPUT_SCORE": str(tmp_path / "s.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif")}, feedback)
    assert any("summed to 4, not 1; they were normalized" in w for w in feedback.warnings)
    assert result["WEIGHTS_USED"] == "slope=0.5000, distance=0.2500, cover=0.2500"
    counts = np.bincount(read_raster(result["OUTPUT_CLASSES"]).ravel())
    assert np.abs(counts[1:5] - SHAPE[0] * SHAPE[1] / 4).max() <= 1  # quantile classes


@pytest.mark.parametrize("change,fragment", [
    ({"WEIGHTS": "0, 0, 0"}, "The weights sum to 0"),
    ({"CONSTRAINTS": ["ALL"]}, "The constraint all excludes every pixel"),
    ({"CRITERIA": ["COARSE"]}, "pixel size differs (30 x 30 vs 60 x 60)"),
    ({"RESCALING": RESCALING + ["4", "1", "rain", "linear", "0", "1", ""]}, "refers to raster 4 of CRITERIA, but "
                                                                            "CRITERIA holds 3"),
    ({"RESCALING": [], "SHIPPED_PRESET": 1, "WEIGHTS": ""}, "needs a band named slope_degrees in slope.tif"),
])
def test_bad_input_gives_a_clear_message_and_no_output(tmp_path, rasters, run_alg, change, fragment):
    paths, _ = rasters
    everything = write_raster(tmp_path / "all.tif", np.ones(SHAPE, np.uint8))
    coarse = write_raster(tmp_path / "coarse.tif", np.ones((20, 15), np.float32),
                          geotransform=(400000.0, 60.0, 0.0, 8960000.0, 0.0, -60.0))
    params = {"CRITERIA": [paths["slope"], paths["dist"], paths["cover"]], "RESCALING": RESCALING,
              "WEIGHTS": "1, 1, 1", "OUTPUT_SCORE": str(tmp_path / "s.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif")}
    for key, value in change.items():
        if value == ["ALL"]:
            value = [everything]
        elif value == ["COARSE"]:
            value = params["CRITERIA"] + [coarse]
            params["RESCALING"] = RESCALING + ["4", "1", "rain", "linear", "0", "1", ""]
            params["WEIGHTS"] = "1, 1, 1, 1"
        params[key] = value
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:priority_score", params)
    assert fragment in str(err.value)
    assert not (tmp_path / "s.tif").exists() and not (tmp_path / "c.tif").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_align_and_polygon_mask(tmp_path, rasters, run_alg):
    paths, _ = rasters
    coarse = write_raster(tmp_path / "rain.tif", np.full((20, 15), 1500, np.float32),
                          geotransform=(400000.0, 60.0, 0.0, 8960000.0, 0.0, -60.0))
    mask = write_polygons(tmp_path / "west.gpkg", [("oeste", WEST)])
    params = {"CRITERIA": [paths["slope"], coarse], "RESCALING": ["1", "1", "slope", "linear", "0", "40", "",
                                                                 "2", "1", "rain", "linear", "1000", "2000", ""],
              "WEIGHTS": "1, 1", "MASK": mask, "OUTPUT_SCORE": str(tmp_path / "s.tif"),
              "OUTPUT_CLASSES": str(tmp_path / "c.tif"), "OUTPUT_STABILITY": str(tmp_path / "st.tif")}
    with pytest.raises(QgsProcessingException, match="pixel size differs"):
        run_alg("t2restore:priority_score", params)
    feedback = Capture()
    result = run_alg("t2restore:priority_score", dict(params, ALIGN=True), feedback)
    score = read_raster(result["OUTPUT_SCORE"])
    expected = 0.5 * scoring.rescale_linear(read_raster(paths["slope"]), 0, 40) + np.float32(0.5 * 0.5)
    np.testing.assert_allclose(score[:, :15], expected[:, :15], atol=1e-6)  # the west half, inside the mask
    assert (score[:, 15:] == ND).all() and (read_raster(result["OUTPUT_CLASSES"])[:, 15:] == 255).all()
    assert result["OUTPUT_STABILITY"] is None and not (tmp_path / "st.tif").exists()
    assert any("OUTPUT_STABILITY is written only when UNCERTAINTY is checked" in w for w in feedback.warnings)


def test_preset_without_its_criteria_raster(tmp_path, run_alg):
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:priority_score", {"SHIPPED_PRESET": 1, "OUTPUT_SCORE": str(tmp_path / "s.tif"),
                                             "OUTPUT_CLASSES": str(tmp_path / "c.tif")})
    assert "land_use_conflict (roam_serfor_provisional.json) refers to raster 1 of CRITERIA, but CRITERIA holds 0" \
        in str(err.value)


def test_outputs_load_styled(tmp_path, rasters, run_and_load):
    paths, _ = rasters
    _result, loaded, _details = run_and_load("t2restore:priority_score", {
        "CRITERIA": [paths["slope"], paths["dist"], paths["cover"]], "RESCALING": RESCALING, "UNCERTAINTY": True,
        "RUNS": 5, "OUTPUT_SCORE": str(tmp_path / "s.tif"), "OUTPUT_CLASSES": str(tmp_path / "c.tif")})
    classes = loaded["OUTPUT_CLASSES"].renderer()
    assert classes.type() == "paletted"
    assert {c.value: c.label for c in classes.classes()} == {
        0.0: "Excluded by a constraint", 1.0: "Low", 2.0: "Medium", 3.0: "High", 4.0: "Very high"}
    assert loaded["OUTPUT_SCORE"].renderer().type() == "singlebandpseudocolor"
    assert loaded["OUTPUT_STABILITY"].name() == "Priority stability"


# -- qgis_process -------------------------------------------------------------------------------


def test_qgis_process_ahp_then_priority(qp, tmp_path, rasters):
    paths, _ = rasters
    weights = str(tmp_path / "w.csv")
    code, data, log = qp.run("t2restore:ahp_weights", CRITERIA="slope,distance,cover", MATRIX="3,5,2",
                             OUTPUT=weights)
    assert code == 0, log
    assert data["results"]["CONSISTENT"] is True
    code, data, log = qp.run("t2restore:priority_score", CRITERIA=[paths["slope"], paths["dist"], paths["cover"]],
                             RESCALING=",".join(RESCALING), WEIGHTS_TABLE=weights, CONSTRAINTS=paths["water"],
                             UNCERTAINTY="true", RUNS=10, OUTPUT_SCORE=str(tmp_path / "s.tif"),
                             OUTPUT_CLASSES=str(tmp_path / "c.tif"), OUTPUT_STABILITY=str(tmp_path / "st.tif"),
                             OUTPUT_TABLE=str(tmp_path / "t.csv"))
    assert code == 0, log
    assert data["results"]["EXCLUDED_HA"] == pytest.approx(10 * 30 * 0.09, rel=2e-3)
    assert read_raster(tmp_path / "c.tif")[30:].max() == 0
    assert (tmp_path / "st.tif").exists() and (tmp_path / "c.qml").exists()
    lines = (tmp_path / "t.csv").read_text().splitlines()
    assert lines[0].startswith("zone,class,class_name,hectares")


def test_qgis_process_bad_input_is_a_message_not_a_traceback(qp, tmp_path, rasters):
    paths, _ = rasters
    code, _data, log = qp.run("t2restore:priority_score", CRITERIA=[paths["slope"], paths["dist"], paths["cover"]],
                              RESCALING=",".join(RESCALING), WEIGHTS="0,0,0", OUTPUT_SCORE=str(tmp_path / "s.tif"),
                              OUTPUT_CLASSES=str(tmp_path / "c.tif"))
    assert code != 0 and "The weights sum to 0" in log and "Traceback" not in log
    assert not (tmp_path / "s.tif").exists()


def test_qgis_process_in_spanish(qp_es, tmp_path, rasters):
    listing = qp_es.call("list").stdout
    assert "Pesos AHP (comparación por pares)" in listing
    assert "Puntaje de prioridad de restauración (multicriterio, ROAM)" in listing
    code, _data, log = qp_es.run("t2restore:ahp_weights", CRITERIA="a,b,c", MATRIX="1,3,5,0.25,1,2,0.2,0.5,1",
                                 OUTPUT=str(tmp_path / "w.csv"))
    assert code != 0 and "La matriz de comparación por pares no es recíproca" in log
    paths, _ = rasters
    code, _data, log = qp_es.run("t2restore:priority_score", CRITERIA=paths["slope"],
                                 RESCALING="1,1,slope,linear,0,40,", WEIGHTS="0", OUTPUT_SCORE=str(tmp_path / "s.tif"),
                                 OUTPUT_CLASSES=str(tmp_path / "c.tif"))
    assert code != 0 and "Los pesos suman 0" in log
