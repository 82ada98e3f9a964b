"""Zones for the per-zone tables (issue 18 items 4 and 5, issue 17 items 7 and 10), through area_summary.

A 30 m class raster in UTM 18S (90 x 120 px) and zones shaped like the real cases: a UTM shapefile
without .prj, a GeoPackage whose CRS is "Undefined geographic SRS" (srs_id 0), zones in the wrong
place, a point layer, and districts that share a name (SANTA ROSA) in different departments.
"""


import numpy as np
import pytest
from feedback import Capture
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsVectorLayer
from rasters import declare_undefined_geographic_srs, write_polygons, write_raster

X0, Y0 = 400000.0, 8960000.0
PIXEL_HA = 0.09


def sq(x, y, w, h):
    return f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"


WEST, EAST = sq(X0, Y0 - 3600, 1350, 3600), sq(X0 + 1350, Y0 - 3600, 1350, 3600)  # 45 | 45 columns


@pytest.fixture
def raster(tmp_path):
    return write_raster(tmp_path / "c.tif", np.ones((120, 90), np.uint8), nodata=255)


def shapefile(path, rows, geom_type=ogr.wkbPolygon, fields=("name", "ubigeo")):
    """A shapefile without .prj (no CRS); rows are (WKT, values)."""
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    layer = ds.CreateLayer(path.stem, None, geom_type)
    for name in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(fields, values):
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    assert not path.with_suffix(".prj").exists()
    return str(path)


def undefined_gpkg(path, rows):
    """A GeoPackage layer with srs_id 0 ("Undefined geographic SRS"), as older GDAL writes one without a CRS."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("zonas", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for wkt, name in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    declare_undefined_geographic_srs(path)
    return f"{path}|layername=zonas"


def rows_of(result):
    layer = result["OUTPUT_TABLE"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "t", "ogr")
    return list(layer.getFeatures())


def summary(run_alg, raster, zones, feedback=None, **extra):
    return run_alg("t2restore:area_summary", dict({"INPUT": raster, "ZONES": zones, "ZONE_FIELD": "name",
                                                   "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, **extra), feedback)


def test_zones_without_prj_are_assumed_in_the_raster_crs_with_a_warning(tmp_path, raster, run_alg):
    zones = shapefile(tmp_path / "zonas.shp", [(WEST, ("Huanuco", "10")), (EAST, ("Ucayali", "25"))])
    fb = Capture()
    rows = {f["zone"]: f for f in rows_of(summary(run_alg, raster, zones, fb))}
    assert set(rows) == {"Huanuco", "Ucayali"}  # nothing "outside every zone"
    assert rows["Huanuco"]["pixels"] == 45 * 120 and rows["Ucayali"]["pixels"] == 45 * 120
    assert any("has no defined coordinate reference system" in w and "EPSG:32718" in w for w in fb.warnings)


def test_undefined_geographic_srs_is_treated_as_missing(tmp_path, raster, run_alg):
    zones = undefined_gpkg(tmp_path / "z.gpkg", [(WEST, "Huánuco"), (EAST, "Ucayali")])
    fb = Capture()
    rows = {f["zone"]: f for f in rows_of(summary(run_alg, raster, zones, fb))}
    assert rows["Huánuco"]["pixels"] == 45 * 120 and "(outside every zone)" not in rows
    assert any("Undefined geographic SRS" in w and "assumed" in w for w in fb.warnings)
    assert not any("reprojected" in line for line in fb.lines)


def test_zones_outside_the_raster_stop_and_name_the_likely_crs(tmp_path, run_alg):
    # The raster is in WGS 84 degrees; the zones are UTM 18S metres without .prj: they cannot overlap.
    raster = write_raster(tmp_path / "g.tif", np.ones((100, 100), np.uint8), epsg=4326, nodata=255,
                          geotransform=(-75.95, 0.001, 0.0, -9.35, 0.0, -0.001))
    zones = shapefile(tmp_path / "utm.shp", [(WEST, ("Huanuco", "10"))])
    with pytest.raises(QgsProcessingException) as err:
        summary(run_alg, raster, zones)
    message = str(err.value)
    assert "No zone of Zones overlaps the raster" in message
    assert "WGS 84 / UTM 18S (EPSG:32718)" in message and "EPSG:4326" in message


def test_zones_with_a_crs_far_from_the_raster_are_refused(tmp_path, raster, run_alg):
    far = write_polygons(tmp_path / "far.gpkg", [("Lejos", sq(X0 + 500000, Y0, 1000, 1000))])
    with pytest.raises(QgsProcessingException) as err:
        summary(run_alg, raster, far)
    assert "No zone of Zones overlaps the raster" in str(err.value)


def test_point_layer_as_zones_is_refused(tmp_path, raster, run_alg):
    points = shapefile(tmp_path / "pts.shp", [(f"POINT({X0 + 100} {Y0 - 100})", ("a", "1"))], ogr.wkbPoint)
    with pytest.raises(QgsProcessingException) as err:
        summary(run_alg, raster, points)
    assert "not polygons" in str(err.value) and "Point" in str(err.value)


DISTRICTS = [  # two districts called SANTA ROSA in different departments, one BELLAVISTA
    (sq(X0, Y0 - 1200, 900, 1200), ("SANTA ROSA", "220901")),
    (sq(X0, Y0 - 3600, 900, 2400), ("SANTA ROSA", "150606")),
    (sq(X0 + 900, Y0 - 3600, 1800, 3600), ("BELLAVISTA", "220301")),
]


def test_homonymous_zones_stay_separate_rows_with_a_warning(tmp_path, raster, run_alg):
    zones = shapefile(tmp_path / "d.shp", DISTRICTS)
    fb = Capture()
    rows = rows_of(summary(run_alg, raster, zones, fb))
    santa_rosa = sorted(f["pixels"] for f in rows if f["zone"] == "SANTA ROSA")
    assert santa_rosa == [30 * 40, 30 * 80]           # two rows, not one of 3,600 pixels
    assert len({f["zone_id"] for f in rows}) == 3
    assert any("SANTA ROSA" in w and "ZONE_ID" in w for w in fb.warnings)


def test_zone_id_field_keys_the_zones(tmp_path, raster, run_alg):
    zones = shapefile(tmp_path / "d.shp", DISTRICTS)
    fb = Capture()
    rows = rows_of(summary(run_alg, raster, zones, fb, ZONE_ID="ubigeo"))
    by_id = {f["zone_id"]: (f["zone"], f["pixels"]) for f in rows}
    assert by_id == {"220901": ("SANTA ROSA", 1200), "150606": ("SANTA ROSA", 2400), "220301": ("BELLAVISTA", 7200)}
    assert not any("ZONE_ID" in w for w in fb.warnings)


def test_qgis_process_zones_without_prj(qp, tmp_path, raster):
    zones = shapefile(tmp_path / "zonas.shp", [(WEST, ("Huanuco", "10")), (EAST, ("Ucayali", "25"))])
    code, _data, log = qp.run("t2restore:area_summary", INPUT=raster, ZONES=zones, ZONE_FIELD="name",
                              OUTPUT_TABLE=str(tmp_path / "t.csv"))
    assert code == 0, log
    assert "has no defined coordinate reference system" in log
    text = (tmp_path / "t.csv").read_text(encoding="utf-8")
    assert "Huanuco" in text and "outside every zone" not in text
    far = shapefile(tmp_path / "lejos.shp", [(sq(X0 + 900000, Y0, 1000, 1000), ("Lejos", "1"))])
    code, _data, log = qp.run("t2restore:area_summary", INPUT=raster, ZONES=far, OUTPUT_TABLE=str(tmp_path / "u.csv"))
    assert code != 0 and "No zone of Zones overlaps the raster" in log and "Traceback" not in log


def test_target2_zones_with_undefined_crs_are_assumed_and_far_zones_refused(tmp_path, run_alg):
    degraded = write_polygons(tmp_path / "deg.gpkg", [("d", sq(X0, Y0 - 3600, 2700, 3600))])
    rest = write_polygons(tmp_path / "r.gpkg", [("r", sq(X0 + 300, Y0 - 900, 600, 600))])
    zones = undefined_gpkg(tmp_path / "z.gpkg", [(WEST, "Huánuco"), (EAST, "Ucayali")])
    fb = Capture()
    res = run_alg("t2restore:target2_indicator", {"DEGRADED": degraded, "RESTORATION_AREAS": rest, "ZONES": zones,
                                                  "ZONE_FIELD": "name", "OUTPUT": "TEMPORARY_OUTPUT",
                                                  "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, fb)
    rows = {(f["level"], f["name"]): f["restoration_in_degraded_ha"] for f in res["OUTPUT_TABLE"].getFeatures()}
    del res  # no output layer kept alive by the frame the refusal below keeps
    assert rows[("zone", "Huánuco")] > 0
    assert ("zone", "(outside every zone)") not in rows
    assert any("Undefined geographic SRS" in w for w in fb.warnings)
    far = write_polygons(tmp_path / "far.gpkg", [("Lejos", sq(X0 + 500000, Y0, 1000, 1000))])
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:target2_indicator", {"DEGRADED": degraded, "RESTORATION_AREAS": rest, "ZONES": far,
                                                "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "No zone of Zones overlaps the degraded land" in str(err.value)


def test_qgis_process_spanish_zones_outside(qp_es, tmp_path, raster):
    far = shapefile(tmp_path / "lejos.shp", [(sq(X0 + 900000, Y0, 1000, 1000), ("Lejos", "1"))])
    code, _data, log = qp_es.run("t2restore:area_summary", INPUT=raster, ZONES=far,
                                 OUTPUT_TABLE=str(tmp_path / "u.csv"))
    assert code != 0 and "Ninguna zona de Zonas se superpone con el ráster" in log and "Traceback" not in log


def test_gap_overlap_zones_keyed_by_zone_id(tmp_path, run_alg):
    gap_a = write_polygons(tmp_path / "a.gpkg", [("a", sq(X0, Y0 - 3600, 2700, 3600))])
    gap_b = write_polygons(tmp_path / "b.gpkg", [("b", sq(X0, Y0 - 3600, 900, 3600))])
    zones = shapefile(tmp_path / "d.shp", DISTRICTS)
    fb = Capture()
    res = run_alg("t2restore:gap_overlap", {"GAP_A": gap_a, "GAP_B": gap_b, "ZONES": zones, "ZONE_FIELD": "name",
                                            "ZONE_ID": "ubigeo", "OUTPUT": "TEMPORARY_OUTPUT",
                                            "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, fb)
    rows = [f for f in res["OUTPUT_TABLE"].getFeatures() if f["zone_id"]]
    both = {f["zone_id"]: (f["zone"], f["hectares"]) for f in rows if f["class"] == 3}
    assert set(both) == {"220901", "150606", "220301"}
    assert both["220901"][0] == both["150606"][0] == "SANTA ROSA"
    assert both["150606"][1] == pytest.approx(2 * both["220901"][1], rel=1e-3)  # 900 x 2400 m vs 900 x 1200 m
    assert any("has no defined coordinate reference system" in w for w in fb.warnings)


def test_agreement_table_keeps_homonymous_zones_apart(tmp_path, run_alg):
    a = write_raster(tmp_path / "a.tif", np.ones((120, 90), np.uint8), nodata=255)
    b = write_raster(tmp_path / "b.tif", np.ones((120, 90), np.uint8), nodata=255)
    zones = shapefile(tmp_path / "d.shp", DISTRICTS)
    res = run_alg("t2restore:definition_agreement", {"INPUT_A": a, "INPUT_B": b, "DEGRADED_A": "1", "DEGRADED_B": "1",
                                                     "ZONES": zones, "ZONE_FIELD": "name", "ZONE_ID": "ubigeo",
                                                     "OUTPUT": str(tmp_path / "ag.tif"),
                                                     "OUTPUT_TABLE": str(tmp_path / "ag.csv")})
    rows = list(QgsVectorLayer(res["OUTPUT_TABLE"], "t", "ogr").getFeatures())
    both = {f["zone_id"]: (f["zone"], float(f["both_ha"])) for f in rows if f["zone_id"]}
    assert set(both) == {"220901", "150606", "220301"} and both["220901"][0] == "SANTA ROSA"
    assert both["150606"][1] == pytest.approx(2 * both["220901"][1], rel=1e-3)
