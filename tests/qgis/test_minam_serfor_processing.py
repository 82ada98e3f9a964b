"""minam_degradation, serfor_criteria and definition_agreement through processing.run and qgis_process."""

import time

import numpy as np
import pytest
from feedback import Capture as Log
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException, QgsRasterLayer, QgsVectorLayer
from rasters import declare_undefined_geographic_srs, read_raster, write_polygons, write_raster

from t2restore.algorithms import agreement, minam, serfor

WEST = "POLYGON((400000 8958200,400600 8958200,400600 8960000,400000 8960000,400000 8958200))"
EAST = "POLYGON((400600 8958200,401200 8958200,401200 8960000,400600 8960000,400600 8958200))"
PARK = "POLYGON((400900 8959100,401100 8959100,401100 8959300,400900 8959300,400900 8959100))"


@pytest.fixture
def region(tmp_path):
    """A 60 x 40 region of 30 m pixels (UTM 18S) with every input of the three algorithms."""
    rng = np.random.default_rng(21)
    shape = (60, 40)
    rows, cols = np.mgrid[0:shape[0], 0:shape[1]]
    arrays = {
        "lcb": rng.integers(1, 8, shape).astype(np.uint8),
        "lct": rng.integers(1, 8, shape).astype(np.uint8),
        "lpd": rng.integers(1, 6, shape).astype(np.uint8),
        "forest": (rng.random(shape) < 0.7).astype(np.uint8),
        "cap": rng.integers(1, 6, shape).astype(np.uint8),
        "dem": (1500 + 2.0 * cols + 0.5 * rows).astype(np.float32),
        "loss": np.where(rng.random(shape) < 0.1, rng.integers(2010, 2024, shape), 0).astype(np.uint16),
        "eco": np.where(cols < 20, 11, 12).astype(np.int16),
    }
    nodata = {"dem": -9999, "loss": 65535, "forest": 255, "eco": 0}
    paths = {key: write_raster(tmp_path / f"{key}.tif", arr, nodata=nodata.get(key, 0))
             for key, arr in arrays.items()}
    paths["zones"] = write_polygons(tmp_path / "zones.gpkg", [("Huánuco", WEST), ("Ucayali", EAST)])
    paths["park"] = write_polygons(tmp_path / "park.gpkg", [("Parque", PARK)])
    return paths, arrays


# -- minam_degradation ---------------------------------------------------------------------------

def test_minam_matches_the_algorithm_layer_and_is_styled(tmp_path, region, run_alg):
    paths, _ = region
    log = Log()
    result = run_alg("t2restore:minam_degradation", {
        "LC_BASELINE": paths["lcb"], "LC_TARGET": paths["lct"], "PRODUCTIVITY": paths["lpd"],
        "FOREST_MASK": paths["forest"], "WINDOW": 5, "ZONES": paths["zones"], "ZONE_FIELD": "name",
        "OUTPUT": str(tmp_path / "m.tif"), "OUTPUT_INDICATORS": str(tmp_path / "i.tif"),
        "OUTPUT_TABLE": str(tmp_path / "t.csv")}, log)
    minam.minam_degradation(str(tmp_path / "direct.tif"), lc_baseline=paths["lcb"], lc_target=paths["lct"],
                            productivity=paths["lpd"], forest_mask=paths["forest"], window=5)
    np.testing.assert_array_equal(read_raster(result["OUTPUT"]), read_raster(tmp_path / "direct.tif"))
    ds = gdal.Open(result["OUTPUT_INDICATORS"])
    assert [ds.GetRasterBand(b).GetDescription() for b in (1, 2, 3)] == [
        "vegetation cover loss", "productivity decline", "fragmentation"]
    ds = None
    assert result["INDICATORS_USED"] == "vegetation cover loss, productivity decline, fragmentation"
    assert "Indicators used: vegetation cover loss, productivity decline, fragmentation." in log.lines
    layer = QgsRasterLayer(result["OUTPUT"], "m")
    layer.loadNamedStyle(str(tmp_path / "m.qml"))
    assert [c.label for c in layer.renderer().classes()] == [
        "No degradation", "Low degradation", "Moderate degradation", "High degradation", "Very high degradation"]
    table = QgsVectorLayer(result["OUTPUT_TABLE"], "t", "ogr")
    rows = list(table.getFeatures())
    assert {f["zone"] for f in rows} == {"Huánuco", "Ucayali"}
    total = sum(float(f["hectares"]) for f in rows)
    assert total == pytest.approx(60 * 40 * 0.09, rel=2e-3)
    assert result["DEGRADED_HA"] == pytest.approx(sum(float(f["hectares"]) for f in rows if f["class"] and
                                                      int(f["class"]) > 0), abs=1e-3)


def test_minam_ecosystem_raster_rules_table_and_rules_file(tmp_path, region, run_alg):
    paths, arrays = region
    result = run_alg("t2restore:minam_degradation", {
        "PRODUCTIVITY": paths["lpd"], "ECOSYSTEMS": paths["eco"],
        "RULES": ["*", "2;3", "*", 4, "*", "*", "*", 0], "OUTPUT": str(tmp_path / "m.tif"),
        "OUTPUT_INDICATORS": None, "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    # LPD 1, 2 -> states 3, 2 -> level 4; everything else 0
    np.testing.assert_array_equal(read_raster(result["OUTPUT"]), np.where(arrays["lpd"] <= 2, 4, 0))
    pixels = {(f["zone"], f["class"]): f["pixels"] for f in result["OUTPUT_TABLE"].getFeatures()}
    assert pixels[("11", 4)] == int(np.count_nonzero(arrays["lpd"][:, :20] <= 2))
    rules = tmp_path / "rules.csv"
    rules.write_text("cover_loss,productivity,fragmentation,level\n*,*,*,1\n", encoding="utf-8")
    result = run_alg("t2restore:minam_degradation", {"PRODUCTIVITY": paths["lpd"], "RULES_FILE": str(rules),
                                                     "OUTPUT": str(tmp_path / "m2.tif")})
    assert (read_raster(result["OUTPUT"]) == 1).all() and result["LOW_HA"] == pytest.approx(216, rel=2e-3)


@pytest.mark.parametrize("params,fragment", [
    ({"FOREST_MASK": "zeros"}, "The forest mask FOREST_MASK has no forest pixel"),
    ({"PRODUCTIVITY": "lpd", "ECOSYSTEMS": "eco", "ZONES": "zones"}, "not both"),
    ({"PRODUCTIVITY": "lpd", "RULES": [0, "*", "*", 1]}, "No rule gives a level to cover loss 1"),
    ({}, "Give at least one indicator"),
])
def test_minam_bad_input(tmp_path, region, run_alg, params, fragment):
    paths, _ = region
    paths["zeros"] = write_raster(tmp_path / "zeros.tif", np.zeros((60, 40), np.uint8), nodata=255)
    params = {k: (paths[v] if isinstance(v, str) and v in paths else v) for k, v in params.items()}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:minam_degradation", dict(params, OUTPUT=str(tmp_path / "m.tif")))
    assert fragment in str(err.value)
    assert not (tmp_path / "m.tif").exists()


# -- serfor_criteria -----------------------------------------------------------------------------

def test_serfor_runs_styled_with_named_bands_and_reprojected_areas(tmp_path, region, run_alg):
    paths, arrays = region
    import processing

    park_4326 = processing.run("native:reprojectlayer", {"INPUT": paths["park"], "TARGET_CRS": "EPSG:4326",
                                                         "OUTPUT": str(tmp_path / "park4326.gpkg")})["OUTPUT"]
    log = Log()
    result = run_alg("t2restore:serfor_criteria", {
        "CAPABILITY": paths["cap"], "LAND_COVER": paths["lct"], "DEM": paths["dem"],
        "CONSERVATION_AREAS": park_4326, "LOSS_YEAR": paths["loss"], "RADIUS": 90, "ZONES": paths["zones"],
        "ZONE_FIELD": "name", "OUTPUT": str(tmp_path / "s.tif"), "OUTPUT_CRITERIA": str(tmp_path / "c.tif"),
        "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, log)
    ds = gdal.Open(result["OUTPUT_CRITERIA"])
    assert [ds.GetRasterBand(b).GetDescription() for b in range(1, 6)] == list(serfor.CRITERIA_BANDS)
    ds = None
    assert result["CRITERIA_USED"] == ("land-use conflict, slope, distance to conservation areas, "
                                       "density of recent deforestation")
    assert "Recent deforestation: loss from 2019 to 2023." in log.lines
    assert any("reprojected from EPSG:4326" in line for line in log.lines)
    dist = read_raster(result["OUTPUT_CRITERIA"], 4)
    assert dist[25, 33] == 0 and dist[25, 20] == pytest.approx(300, abs=30)  # 10 columns west of the park
    assert read_raster(result["OUTPUT_CRITERIA"], 3)[30, 20] == pytest.approx(100 * np.hypot(2 / 30, 0.5 / 30),
                                                                              rel=1e-4)
    serfor.serfor_criteria(str(tmp_path / "direct.tif"), paths["cap"], land_cover=paths["lct"],
                           loss_year=paths["loss"])
    np.testing.assert_array_equal(read_raster(result["OUTPUT"]), read_raster(tmp_path / "direct.tif"))
    layer = QgsRasterLayer(result["OUTPUT"], "s")
    layer.loadNamedStyle(str(tmp_path / "s.qml"))
    assert [c.label for c in layer.renderer().classes()] == ["Not degraded", "Overuse", "Forest loss",
                                                             "Overuse and forest loss"]
    rows = list(result["OUTPUT_TABLE"].getFeatures())
    assert {f["zone"] for f in rows} == {"Huánuco", "Ucayali"}
    assert result["DEGRADED_HA"] == pytest.approx(sum(f["hectares"] for f in rows if f["class"]), abs=1e-3)


def _points(path, points):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    layer = ds.CreateLayer("loss", srs=srs, geom_type=ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("year", ogr.OFTInteger))
    for x, y, year in points:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("year", year)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({x} {y})"))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def test_serfor_loss_points_and_empty_conservation_layer(tmp_path, region, run_alg):
    paths, _ = region
    pts = _points(tmp_path / "pts.gpkg", [(400315, 8959685, 2022), (400615, 8959385, 2015)])
    empty = write_polygons(tmp_path / "empty.gpkg", [])
    log = Log()
    result = run_alg("t2restore:serfor_criteria", {
        "CAPABILITY": paths["cap"], "LOSS_POINTS": pts, "LOSS_POINTS_YEAR_FIELD": "year", "RADIUS": 60,
        "CONSERVATION_AREAS": empty, "OUTPUT": str(tmp_path / "s.tif"), "OUTPUT_CRITERIA": str(tmp_path / "c.tif")},
        log)
    assert "The conservation areas layer has no polygon: the distance band is left as nodata." in log.lines
    assert (read_raster(result["OUTPUT_CRITERIA"], 4) == serfor.CRITERIA_NODATA).all()
    dens = read_raster(result["OUTPUT_CRITERIA"], 5)
    assert dens[10, 10] == pytest.approx(100 / 13, rel=1e-4)  # the 2022 point; 13 pixels within 2 pixels
    assert dens[20, 20] == 0  # the 2015 point is not recent (2018-2022)
    reason = read_raster(result["OUTPUT"])
    cap = read_raster(paths["cap"])
    assert reason[20, 20] == (2 if cap[20, 20] in (4, 5) else 0)  # loss of any year degrades forest land


# one 1 km2 polygon 3,000 km east and north of the region (a stray feature): issue 17 item 11
STRAY = "POLYGON((3400000 11960000,3401000 11960000,3401000 11961000,3400000 11961000,3400000 11960000))"
STRAY_WARNING = ("1 conservation areas lie farther than 20000 m (the largest distance computed) from the raster and "
                 "were left out")


def test_serfor_stray_conservation_area_is_left_out_with_a_warning(tmp_path, region, run_alg):
    paths, _ = region
    areas = write_polygons(tmp_path / "areas.gpkg", [("Parque", PARK), ("Stray", STRAY)])
    log = Log()
    result = run_alg("t2restore:serfor_criteria", {
        "CAPABILITY": paths["cap"], "LAND_COVER": paths["lct"], "CONSERVATION_AREAS": areas,
        "OUTPUT": str(tmp_path / "s.tif"), "OUTPUT_CRITERIA": str(tmp_path / "c.tif")}, log)
    assert any(line.startswith(STRAY_WARNING) for line in log.lines), log.lines
    dist = read_raster(result["OUTPUT_CRITERIA"], 4)
    assert dist[25, 33] == 0 and dist[25, 20] == pytest.approx(300, abs=30)  # as with the park alone
    assert dist.max() < 2000
    alone = write_polygons(tmp_path / "stray.gpkg", [("Stray", STRAY)])
    result = run_alg("t2restore:serfor_criteria", {
        "CAPABILITY": paths["cap"], "LAND_COVER": paths["lct"], "CONSERVATION_AREAS": alone, "MAX_DISTANCE": 5000,
        "OUTPUT": str(tmp_path / "s2.tif"), "OUTPUT_CRITERIA": str(tmp_path / "c2.tif")}, log)
    assert (read_raster(result["OUTPUT_CRITERIA"], 4) == 5000).all()  # farther than 5 km everywhere
    np.testing.assert_array_equal(read_raster(result["OUTPUT"]), read_raster(tmp_path / "s.tif"))


def test_serfor_conservation_areas_with_an_undefined_crs_are_read_in_the_grid_crs(tmp_path, region, run_alg):
    """Issue 17 item 7: a GeoPackage declaring "Undefined geographic SRS" was read as degrees (float infinity)."""
    paths, _ = region
    areas = write_polygons(tmp_path / "areas.gpkg", [("Parque", PARK)])
    declare_undefined_geographic_srs(areas)
    log = Log()
    result = run_alg("t2restore:serfor_criteria", {
        "CAPABILITY": paths["cap"], "LAND_COVER": paths["lct"], "CONSERVATION_AREAS": areas,
        "OUTPUT": str(tmp_path / "s.tif"), "OUTPUT_CRITERIA": str(tmp_path / "c.tif")}, log)
    assert any("Undefined geographic SRS" in line and "EPSG:32718" in line for line in log.warnings), log.lines
    dist = read_raster(result["OUTPUT_CRITERIA"], 4)
    assert dist[25, 33] == 0 and dist[25, 20] == pytest.approx(300, abs=30)  # as with the park in EPSG:32718


@pytest.mark.parametrize("case,fragment", [
    ("capability", "holds classes 6, 9 that are not in the capability table (known: 1 A, 2 C, 3 P, 4 F, 5 X)"),
    ("dem_crs", "has a geographic CRS (EPSG:4326 WGS 84) but its coordinates"),
    ("grid", "pixel size differs"),
    ("matrix", "needs 6 cells per row"),
])
def test_serfor_bad_input(tmp_path, region, run_alg, case, fragment):
    paths, _ = region
    params = {"CAPABILITY": paths["cap"], "LAND_COVER": paths["lct"], "OUTPUT": str(tmp_path / "s.tif")}
    if case == "capability":
        cap = read_raster(paths["cap"])
        cap[0, :2] = (6, 9)
        params["CAPABILITY"] = write_raster(tmp_path / "cap2.tif", cap, nodata=0)
    elif case == "dem_crs":
        params["DEM"] = write_raster(tmp_path / "dem4326.tif", np.ones((60, 40), np.float32), epsg=4326)
    elif case == "grid":
        params["DEM"] = write_raster(tmp_path / "dem60.tif", np.ones((30, 20), np.float32),
                                     geotransform=(400000.0, 60.0, 0.0, 8960000.0, 0.0, -60.0))
    else:
        params["CONFLICT_MATRIX"] = [1, 3, 3, 3, 2]
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:serfor_criteria", params)
    assert fragment in str(err.value)
    assert not (tmp_path / "s.tif").exists()


# -- definition_agreement ------------------------------------------------------------------------

def test_agreement_raster_against_polygons_with_zones(tmp_path, region, run_alg):
    paths, _ = region
    minam_out = run_alg("t2restore:minam_degradation", {"PRODUCTIVITY": paths["lpd"],
                                                        "OUTPUT": str(tmp_path / "m.tif")})["OUTPUT"]
    result = run_alg("t2restore:definition_agreement", {
        "INPUT_A": minam_out, "INPUT_B": paths["park"], "NAME_B": "ANP", "ZONES": paths["zones"],
        "ZONE_FIELD": "name", "OUTPUT": str(tmp_path / "a.tif"), "OUTPUT_TABLE": "TEMPORARY_OUTPUT"})
    code = read_raster(result["OUTPUT"])
    level = read_raster(minam_out)
    park = np.zeros((60, 40), bool)
    park[23:30, 30:37] = True  # pixel centres inside 400900-401100 x 8959100-8959300
    expected = agreement.agreement_code(level >= 1, park)
    np.testing.assert_array_equal(code, expected)
    table = {f["zone"]: f for f in result["OUTPUT_TABLE"].getFeatures()}
    assert set(table) == {"Huánuco", "Ucayali", "(all)"}
    whole = table["(all)"]
    assert whole["name_b"] == "ANP" and whole["both_ha"] == pytest.approx(result["BOTH_HA"], abs=1e-3)
    po, kappa = agreement.agreement_stats(result["BOTH_HA"], result["ONLY_A_HA"], result["ONLY_B_HA"],
                                          result["NEITHER_HA"])
    assert result["OVERALL_AGREEMENT"] == pytest.approx(po) and result["KAPPA"] == pytest.approx(kappa)
    assert whole["kappa"] == pytest.approx(kappa, abs=1e-6)
    layer = QgsRasterLayer(result["OUTPUT"], "a")
    layer.loadNamedStyle(str(tmp_path / "a.qml"))
    assert [c.label for c in layer.renderer().classes()] == [
        "Degraded in both", "Degraded only in MINAM", "Degraded only in ANP", "Degraded in neither"]


def test_agreement_two_polygon_layers_need_a_pixel_size(tmp_path, region, run_alg):
    paths, _ = region
    params = {"INPUT_A": paths["zones"], "INPUT_B": paths["park"], "OUTPUT": str(tmp_path / "a.tif")}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:definition_agreement", params)
    assert "give a pixel size (PIXEL_SIZE" in str(err.value)
    result = run_alg("t2restore:definition_agreement", dict(params, PIXEL_SIZE=30))
    # the park's 7 x 7 pixel centres (200 m x 200 m, burnt by pixel centre on the 30 m grid)
    assert result["ONLY_B_HA"] == 0 and result["BOTH_HA"] == pytest.approx(49 * 0.09, rel=2e-3)


# -- qgis_process ----------------------------------------------------------------------------------


def test_qgis_process_all_three(qp, tmp_path, region):
    paths, _ = region
    out = qp.call("list").stdout
    for alg in ("minam_degradation", "serfor_criteria", "definition_agreement"):
        assert f"t2restore:{alg}" in out
    code, data, log = qp.run("t2restore:minam_degradation", PRODUCTIVITY=paths["lpd"], FOREST_MASK=paths["forest"],
                             OUTPUT=str(tmp_path / "m.tif"), OUTPUT_INDICATORS=str(tmp_path / "i.tif"))
    assert code == 0, log
    assert data["results"]["INDICATORS_USED"] == "productivity decline, fragmentation"
    code, data, log = qp.run("t2restore:serfor_criteria", CAPABILITY=paths["cap"], LAND_COVER=paths["lct"],
                             DEM=paths["dem"], CONSERVATION_AREAS=paths["park"], LOSS_YEAR=paths["loss"],
                             OUTPUT=str(tmp_path / "s.tif"), OUTPUT_CRITERIA=str(tmp_path / "c.tif"))
    assert code == 0, log
    assert data["results"]["DEGRADED_HA"] > 0 and (tmp_path / "s.qml").exists()
    code, data, log = qp.run("t2restore:definition_agreement", INPUT_A=str(tmp_path / "m.tif"),
                             INPUT_B=str(tmp_path / "s.tif"), OUTPUT=str(tmp_path / "a.tif"),
                             OUTPUT_TABLE=str(tmp_path / "a.csv"))
    assert code == 0, log
    assert -1 <= data["results"]["KAPPA"] <= 1
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()[0].startswith("zone,name_a,name_b,both_ha")


def test_qgis_process_in_spanish(qp_es, tmp_path, region):
    paths, _ = region
    listing = qp_es.call("list").stdout
    assert "Degradación, indicadores del MINAM (niveles)" in listing
    assert "Concordancia entre dos definiciones de degradación" in listing
    assert "Preajuste por defecto 'SERFOR (provisional)'" in qp_es.help("t2restore:serfor_criteria")
    dem = write_raster(tmp_path / "dem4326.tif", np.ones((60, 40), np.float32), epsg=4326)
    code, _data, log = qp_es.run("t2restore:serfor_criteria", CAPABILITY=paths["cap"], LAND_COVER=paths["lct"],
                                 DEM=dem, OUTPUT=str(tmp_path / "s.tif"))
    assert code != 0 and "tiene un SRC geográfico (EPSG:4326 WGS 84), pero sus coordenadas" in log


def test_qgis_process_stray_conservation_area_finishes_fast(qp, tmp_path, region):
    paths, _ = region
    areas = write_polygons(tmp_path / "areas.gpkg", [("Parque", PARK), ("Stray", STRAY)])
    start = time.perf_counter()
    code, data, log = qp.run("t2restore:serfor_criteria", CAPABILITY=paths["cap"], LAND_COVER=paths["lct"],
                             CONSERVATION_AREAS=areas, OUTPUT=str(tmp_path / "s.tif"),
                             OUTPUT_CRITERIA=str(tmp_path / "c.tif"))
    assert code == 0, log
    assert time.perf_counter() - start < 60  # the old code was still writing a 13,067 x 298,667 grid after 4 min
    assert STRAY_WARNING in log
    dist = read_raster(tmp_path / "c.tif", 4)
    assert dist[25, 33] == 0 and dist.max() < 2000


def test_qgis_process_bad_input_is_a_message(qp, tmp_path, region):
    paths, _ = region
    code, _data, log = qp.run("t2restore:serfor_criteria", CAPABILITY=paths["cap"], DEM=paths["dem"],
                              OUTPUT=str(tmp_path / "s.tif"))
    assert code != 0 and "need the land cover" in log and "Traceback" not in log
    assert not (tmp_path / "s.tif").exists()
