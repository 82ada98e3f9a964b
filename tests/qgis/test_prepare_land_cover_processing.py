"""t2restore:prepare_land_cover and the LEGEND of t2restore:area_summary, through processing.run."""

import csv
import json

import numpy as np
import pytest
from feedback import Capture
from osgeo import gdal
from qgis.core import QgsProcessingException
from rasters import read_raster, write_polygons, write_raster

from t2restore.algorithms import legends
from t2restore.processing.area_summary import AreaSummaryAlgorithm as S
from t2restore.processing.prepare_land_cover import PrepareLandCoverAlgorithm as P

ALG = "t2restore:prepare_land_cover"
GT10 = (400000.0, 10.0, 0.0, 8960000.0, 0.0, -10.0)
GT20 = (400000.0, 20.0, 0.0, 8960000.0, 0.0, -20.0)


@pytest.fixture
def worldcover(tmp_path):
    # ESA WorldCover codes (PUM v2 Table 1): 10 tree -> 1, 30 grassland -> 2, 40 cropland -> 3, 95 mangroves -> 4,
    # 50 built-up -> 5, 60 bare -> 6, 80 water -> 7; 0 no data.
    array = np.array([[10, 10, 30, 30], [10, 40, 30, 30], [80, 80, 50, 60], [80, 95, 50, 50]], np.uint8)
    return write_raster(tmp_path / "worldcover.tif", array, geotransform=GT10, nodata=0)


def test_preset_reference_and_zones(tmp_path, worldcover, run_alg):
    reference = write_raster(tmp_path / "ref.tif", np.zeros((2, 2), np.uint8), geotransform=GT20)
    # a zone covering the western column of 20 m cells only (centres at x = 400010)
    zones = write_polygons(tmp_path / "zones.gpkg", [("W", "POLYGON((400000 8959960, 400020 8959960, 400020 8960000, "
                                                           "400000 8960000, 400000 8959960))")])
    result = run_alg(ALG, {P.INPUT: worldcover, P.PRESET: "esa_worldcover", P.REFERENCE: reference, P.ZONES: zones,
                           P.OUTPUT: str(tmp_path / "lc.tif"), P.OUTPUT_NESTING: str(tmp_path / "nesting.json")})
    # 2 x 2 modes: NW 10,10,10,40 -> 1; NE 30 x 4 -> 2; SW 80,80,80,95 -> 7; SE 50,60,50,50 -> 5; east clipped
    assert read_raster(result[P.OUTPUT]).tolist() == [[1, 0], [7, 0]]
    nesting = json.loads(open(result[P.OUTPUT_NESTING], encoding="utf-8").read())
    assert nesting["nesting"]["4"] == [90, 95]
    ds = gdal.Open(result[P.OUTPUT])
    assert ds.GetRasterBand(1).GetNoDataValue() == 0
    assert (tmp_path / "lc.qml").exists()


def test_nesting_file_and_unknown_codes(tmp_path, run_alg):
    nesting = {
        "parent": {"name": "UNCCD", "key": [{"code": c, "name_long": str(c)} for c in range(1, 8)]},
        "child": {"name": "Nacional", "key": [{"code": 11, "name_long": "Bosque"}, {"code": 71, "name_long": "Río"}]},
        "nesting": {"1": [11], "7": [71], "-32768": [-32768]},
    }
    path = tmp_path / "nesting.json"
    path.write_text(json.dumps(nesting), encoding="utf-8")
    lc = write_raster(tmp_path / "national.tif", np.array([[11, 71, 52], [52, 11, 99]], np.int16),
                      geotransform=GT10, nodata=-1)
    params = {P.INPUT: lc, P.NESTING_FILE: str(path), P.OUTPUT: str(tmp_path / "lc.tif")}
    with pytest.raises(QgsProcessingException) as info:
        run_alg(ALG, params)
    assert "52 (2), 99 (1)" in str(info.value)
    assert not (tmp_path / "lc.tif").exists()
    result = run_alg(ALG, dict(params, **{P.UNKNOWN_CODES: 1}))
    assert read_raster(result[P.OUTPUT]).tolist() == [[1, 7, 0], [0, 1, 0]]


def test_preset_and_nesting_file_exclusive(tmp_path, worldcover, run_alg):
    with pytest.raises(QgsProcessingException) as info:
        run_alg(ALG, {P.INPUT: worldcover, P.OUTPUT: str(tmp_path / "lc.tif")})
    assert "either PRESET" in str(info.value)
    with pytest.raises(QgsProcessingException) as info:
        run_alg(ALG, {P.INPUT: worldcover, P.PRESET: "corine", P.OUTPUT: str(tmp_path / "lc.tif")})
    assert "no land-cover preset 'corine'" in str(info.value) and "esa_worldcover" in str(info.value)


def _table(path):
    with open(path, encoding="utf-8") as fh:
        return {row["class"]: row["class_name"] for row in csv.DictReader(fh)}


def test_area_summary_legend_preset_csv_qml(tmp_path, run_alg):
    modis = write_raster(tmp_path / "modis.tif", np.array([[2, 8], [12, 255]], np.uint8), epsg=4326,
                         geotransform=(-77.0, 0.05, 0.0, -6.0, 0.0, -0.05), nodata=255)
    out = str(tmp_path / "t.csv")
    run_alg("t2restore:area_summary", {S.INPUT: modis, S.LEGEND: "modis_igbp", S.OUTPUT_TABLE: out})
    # MCD12 user guide Table 3: 2 Evergreen Broadleaf Forests, 8 Woody Savannas, 12 Croplands
    assert _table(out) == {"2": "Evergreen Broadleaf Forests", "8": "Woody Savannas", "12": "Croplands",
                           "": "No data"}
    legend = tmp_path / "legend.csv"
    legend.write_text("code,name\n2,Bosque siempreverde\n8,Sabana arbolada\n", encoding="utf-8")
    out2 = str(tmp_path / "t2.csv")
    run_alg("t2restore:area_summary", {S.INPUT: modis, S.LEGEND: str(legend), S.OUTPUT_TABLE: out2})
    assert _table(out2)["8"] == "Sabana arbolada" and _table(out2)["12"] == "12"
    qml = tmp_path / "style.qml"
    qml.write_text('<qgis><pipe><rasterrenderer type="paletted" band="1"><colorPalette>'
                   '<paletteEntry value="2" label="Forest" color="#00ff00" alpha="255"/>'
                   '<paletteEntry value="12" label="Crops" color="#ffff00" alpha="255"/>'
                   '</colorPalette></rasterrenderer></pipe></qgis>', encoding="utf-8")
    out3 = str(tmp_path / "t3.csv")
    run_alg("t2restore:area_summary", {S.INPUT: modis, S.LEGEND: str(qml), S.OUTPUT_TABLE: out3})
    assert _table(out3)["2"] == "Forest" and _table(out3)["12"] == "Crops"


def test_area_summary_unknown_legend_refused(tmp_path, worldcover, run_alg):
    with pytest.raises(QgsProcessingException) as info:
        run_alg("t2restore:area_summary", {S.INPUT: worldcover, S.LEGEND: "corine",
                                           S.OUTPUT_TABLE: str(tmp_path / "t.csv")})
    assert "modis_igbp" in str(info.value)
    assert not (tmp_path / "t.csv").exists()


def test_mapbiomas_band_of_a_collection(tmp_path, run_alg):
    # a two-year MapBiomas Perú collection (one band per year); the legend's codes: 3 forest formation -> 1,
    # 15 pasture -> 2, 18 agriculture -> 3, 24 urban infrastructure -> 5, 33 river/lake -> 7, 27 not observed -> 0
    stack = np.array([[[3, 15, 3], [27, 33, 3]], [[3, 18, 24], [27, 33, 15]]], np.uint8)
    path = write_raster(tmp_path / "mapbiomas.tif", stack, geotransform=GT10, nodata=0)
    result = run_alg(ALG, {P.INPUT: path, P.BAND: 2, P.PRESET: "mapbiomas_peru", P.OUTPUT: str(tmp_path / "lc.tif")})
    assert read_raster(result[P.OUTPUT]).tolist() == [[1, 3, 5], [0, 7, 2]]


def _cover_polygons(tmp_path, names, field="CobVeg2013"):
    """One 30 m column of a 2 x len(names) grid per name (x from 400000), in EPSG:32718."""
    boxes = [(name, f"POLYGON(({400000 + 30 * j} 8959940, {400030 + 30 * j} 8959940, {400030 + 30 * j} 8960000, "
                    f"{400000 + 30 * j} 8960000, {400000 + 30 * j} 8959940))") for j, name in enumerate(names)]
    return write_polygons(tmp_path / "cobveg.gpkg", boxes, field=field, layer="cobveg")


def _reference(tmp_path, columns):
    return write_raster(tmp_path / "ref.tif", np.zeros((2, columns), np.uint8),
                        geotransform=(400000.0, 30.0, 0.0, 8960000.0, 0.0, -30.0))


def test_polygon_classes_left_out_when_asked_and_codes_accepted(tmp_path, run_alg):
    # 'Varillal' is no unit of MINAM's map: with UNKNOWN_CODES = nodata its column is no data; '46' is the code of
    # Manglar (wetland) in the preset's numbering, given as a code; 'matorral  ARBUSTIVO' is Matorral arbustivo.
    nesting = legends.load_preset("minam_cobertura")
    manglar = next(code for code, (name, _c) in nesting.classes.items() if name == "Manglar")
    polygons = _cover_polygons(tmp_path, ["Varillal", str(manglar), "matorral  ARBUSTIVO"])
    log = Capture()
    result = run_alg(ALG, {P.POLYGONS: polygons, P.CLASS_FIELD: "CobVeg2013", P.PRESET: "minam_cobertura",
                           P.REFERENCE: _reference(tmp_path, 3), P.UNKNOWN_CODES: 1,
                           P.OUTPUT: str(tmp_path / "lc.tif")}, feedback=log)
    assert read_raster(result[P.OUTPUT]).tolist() == [[0, 4, 2], [0, 4, 2]]
    assert any("'Varillal' (1)" in text for text in log.warnings)


@pytest.mark.parametrize("change, fragment", [
    ({P.CLASS_FIELD: ""}, "needs CLASS_FIELD"),
    ({P.CLASS_FIELD: "Simbolo"}, "has no field 'Simbolo'; its fields: fid, CobVeg2013"),
    ({P.INPUT: "@raster"}, "either as a raster (INPUT) or as polygons (POLYGONS"),
])
def test_polygon_input_mistakes_are_named(tmp_path, run_alg, worldcover, change, fragment):
    params = {P.POLYGONS: _cover_polygons(tmp_path, ["Pacal"]), P.CLASS_FIELD: "CobVeg2013",
              P.PRESET: "minam_cobertura", P.REFERENCE: _reference(tmp_path, 1), P.OUTPUT: str(tmp_path / "lc.tif")}
    params.update({k: worldcover if v == "@raster" else v for k, v in change.items()})
    with pytest.raises(QgsProcessingException) as info:
        run_alg(ALG, params)
    assert fragment in str(info.value)
    assert not (tmp_path / "lc.tif").exists()
