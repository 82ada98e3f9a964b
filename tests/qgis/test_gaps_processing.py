"""t2restore:gap_overlap through processing.run and qgis_process: areas, partition, styles, bad input."""

from pathlib import Path

import numpy as np
import pytest
from feedback import Capture
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from rasters import write_polygons, write_raster

X0, Y0 = 400000.0, 8960000.0
INEI = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "peru" / "limites_inei_2007.gpkg"
BOWTIE = (f"POLYGON(({X0 + 3000} {Y0},{X0 + 4000} {Y0 + 1000},{X0 + 4000} {Y0},{X0 + 3000} {Y0 + 1000},"
          f"{X0 + 3000} {Y0}))")


def sq(x, y, w, h=None):
    h = w if h is None else h
    return f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"


def multi(*wkts):
    return "MULTIPOLYGON(" + ",".join(w[len("POLYGON"):] for w in wkts) + ")"


@pytest.fixture
def gaps(tmp_path, ellipsoid_ha):
    """A: two overlapping squares, a bowtie, a null geometry and a two-part feature; B: two squares."""
    a = write_polygons(tmp_path / "a.gpkg", [
        ("a1", sq(X0, Y0, 1000)), ("a2", sq(X0 + 500, Y0, 1000)), ("nula", None), ("moño", BOWTIE),
        ("dos partes", multi(sq(X0, Y0 + 2000, 200), sq(X0 + 600, Y0 + 2000, 200)))])
    b = write_polygons(tmp_path / "b.gpkg", [("b1", sq(X0 + 1000, Y0, 1000)), ("b2", sq(X0 + 500, Y0 + 2000, 200))])
    # expected, independently: A = [X0, X0+1500] x 1000 + bowtie lobes + 2 squares of 200; B as drawn
    truth = {
        "only_a": ellipsoid_ha(sq(X0, Y0, 1000)) + _bowtie_ha(ellipsoid_ha) + ellipsoid_ha(sq(X0, Y0 + 2000, 200))
        + ellipsoid_ha(sq(X0 + 700, Y0 + 2000, 100, 200)),
        "both": ellipsoid_ha(sq(X0 + 1000, Y0, 500, 1000)) + ellipsoid_ha(sq(X0 + 600, Y0 + 2000, 100, 200)),
        "only_b": ellipsoid_ha(sq(X0 + 1500, Y0, 500, 1000)) + ellipsoid_ha(sq(X0 + 500, Y0 + 2000, 100, 200)),
    }
    return a, b, truth


def _bowtie_ha(ellipsoid_ha):
    left = f"POLYGON(({X0 + 3000} {Y0},{X0 + 3500} {Y0 + 500},{X0 + 3000} {Y0 + 1000},{X0 + 3000} {Y0}))"
    right = f"POLYGON(({X0 + 4000} {Y0},{X0 + 4000} {Y0 + 1000},{X0 + 3500} {Y0 + 500},{X0 + 4000} {Y0}))"
    return ellipsoid_ha(left) + ellipsoid_ha(right)


def features(result_value):
    layer = result_value if isinstance(result_value, QgsVectorLayer) else QgsVectorLayer(result_value, "o", "ogr")
    assert layer.isValid()
    return list(layer.getFeatures())


def test_partition_areas_validity_and_log(tmp_path, gaps, run_alg, ellipsoid_ha):
    a, b, truth = gaps
    fb = Capture()
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "OUTPUT": str(tmp_path / "o.gpkg")}, fb)
    assert res["ONLY_A_HA"] == pytest.approx(truth["only_a"], rel=1e-5)
    assert res["BOTH_HA"] == pytest.approx(truth["both"], rel=1e-5)
    assert res["ONLY_B_HA"] == pytest.approx(truth["only_b"], rel=1e-5)
    feats = features(res["OUTPUT"])
    geoms = [f.geometry() for f in feats]
    assert all(g.isGeosValid() for g in geoms)
    for i, g in enumerate(geoms):  # a partition: no two pieces share any area
        for other in geoms[i + 1:]:
            assert g.intersection(other).area() < 1e-6
    names = {f["class"]: f["class_name"] for f in feats}
    assert names == {1: "Only MINAM", 2: "Only SERFOR", 3: "MINAM and SERFOR"}
    for f in feats:  # each polygon's hectares, against QgsDistanceArea
        assert f["hectares"] == pytest.approx(ellipsoid_ha(f.geometry().asWkt()), rel=1e-5)
    log = fb.text()
    assert "MINAM: 1 features without geometry were skipped." in log
    assert "MINAM: 1 invalid geometries (e.g. self-intersecting rings) were repaired; first feature ids: 4." in log
    assert "Working CRS: EPSG:32718" in log


def test_output_is_styled_by_class(tmp_path, gaps, run_alg, run_and_load):
    a, b, _ = gaps
    run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "NAME_A": "Recuperación", "NAME_B": "Restauración",
                                      "OUTPUT": str(tmp_path / "o.gpkg")})
    layer = QgsVectorLayer(str(tmp_path / "o.gpkg"), "o", "ogr")
    layer.loadNamedStyle(str(tmp_path / "o.qml"))
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "class"
    labels = {int(c.value()): c.label() for c in renderer.categories()}
    assert labels == {1: "Only Recuperación", 2: "Only Restauración", 3: "Recuperación and Restauración"}
    assert renderer.categories()[2].symbol().color().name() == "#e31a1c"
    _result, loaded, details = run_and_load("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b,
                                                                      "OUTPUT": "TEMPORARY_OUTPUT"})
    assert details["OUTPUT"].postProcessor() is not None
    assert loaded["OUTPUT"].name() == "Gap overlap"
    assert loaded["OUTPUT"].renderer().type() == "categorizedSymbol"
    assert {c.label() for c in loaded["OUTPUT"].renderer().categories()} == {"Only MINAM", "Only SERFOR",
                                                                            "MINAM and SERFOR"}


def test_zone_table_inside_and_outside_protected_areas(tmp_path, gaps, run_alg, ellipsoid_ha):
    a, b, truth = gaps
    zones = write_polygons(tmp_path / "z.gpkg", [("Huánuco", sq(X0 - 1000, Y0 - 1000, 2000, 5000)),
                                                 ("Ucayali", sq(X0 + 1000, Y0 - 1000, 2000, 5000)),
                                                 ("Sin geometría", None)])
    protected = write_polygons(tmp_path / "p.gpkg", [("ANP", sq(X0 + 1200, Y0 + 100, 200))])
    fb = Capture()
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "ZONES": zones, "ZONE_FIELD": "name",
                                            "PROTECTED_AREAS": protected, "OUTPUT": "TEMPORARY_OUTPUT",
                                            "OUTPUT_TABLE": str(tmp_path / "t.csv")}, fb)
    rows = {(f["zone"], int(f["class"])): f for f in features(res["OUTPUT_TABLE"])}
    assert {z for z, _c in rows} == {"(all)", "Huánuco", "Ucayali", "(outside every zone)"}
    anp = ellipsoid_ha(sq(X0 + 1200, Y0 + 100, 200))
    both = rows[("Ucayali", 3)]
    assert float(both["protected_ha"]) == pytest.approx(anp, rel=1e-5)
    assert float(both["unprotected_ha"]) == pytest.approx(float(both["hectares"]) - anp, rel=1e-5)
    assert float(rows[("(all)", 1)]["hectares"]) == pytest.approx(truth["only_a"], rel=1e-5)
    assert float(rows[("(outside every zone)", 1)]["hectares"]) == pytest.approx(_bowtie_ha(ellipsoid_ha), rel=1e-5)
    zone_sum = sum(float(f["hectares"]) for (z, c), f in rows.items() if z != "(all)" and c == 1)
    assert zone_sum == pytest.approx(truth["only_a"], rel=1e-6)
    assert rows[("Huánuco", 1)]["area_method"].startswith("WGS 84 ellipsoid")
    assert "Zones: 1 features without geometry were skipped." in fb.text()


def test_initiatives_hectares_and_double_counting(tmp_path, gaps, run_alg, ellipsoid_ha):
    a, b, _ = gaps
    inits = write_polygons(tmp_path / "i.gpkg", [
        ("Reforestación Ñuñoa", sq(X0 + 900, Y0, 200)),   # half only A, half both
        ("Agroforestería", sq(X0 + 950, Y0, 100)),        # inside the first
        ("Sin mapa", None),
        ("Lejos", sq(X0 + 9000, Y0, 100))], layer="iniciativas")
    protected = write_polygons(tmp_path / "p.gpkg", [("ANP", sq(X0 + 1000, Y0, 100))])
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "INITIATIVES": inits, "PROTECTED_AREAS": protected,
                                            "OUTPUT": "TEMPORARY_OUTPUT",
                                            "OUTPUT_INITIATIVES": str(tmp_path / "io.gpkg")})
    rows = {f["name"]: f for f in features(res["OUTPUT_INITIATIVES"])}
    assert set(rows) == {"Reforestación Ñuñoa", "Agroforestería", "Sin mapa", "Lejos"}
    r = rows["Reforestación Ñuñoa"]
    assert r["ha_total"] == pytest.approx(ellipsoid_ha(sq(X0 + 900, Y0, 200)), rel=1e-5)
    assert r["ha_both"] == pytest.approx(ellipsoid_ha(sq(X0 + 1000, Y0, 100, 200)), rel=1e-5)
    assert r["ha_in_a"] == pytest.approx(r["ha_total"], rel=1e-6)
    assert r["ha_protected"] == pytest.approx(ellipsoid_ha(sq(X0 + 1000, Y0, 100)), rel=1e-5)
    assert r["overlaps_other"] == 1 and r["counts_both"] == 1 and r["double_count"] == 3
    assert r["overlaps_with"] == str(rows["Agroforestería"].id())
    assert rows["Lejos"]["ha_neither"] == pytest.approx(rows["Lejos"]["ha_total"])
    assert rows["Lejos"]["double_count"] == 0
    assert rows["Sin mapa"]["ha_total"] is None or str(rows["Sin mapa"]["ha_total"]) == "NULL"
    assert (tmp_path / "io.qml").exists()


@pytest.mark.parametrize("epsg", [24878, 4326])
def test_layers_in_other_crs_are_reprojected(tmp_path, run_alg, epsg, ellipsoid_ha, reproject_wkt):
    """GAP_B in PSAD56 / UTM 18S or WGS 84: B contains A with a 1 km margin, so the datum shift
    (a few hundred metres for PSAD56) changes no class; areas stay on the WGS 84 ellipsoid."""
    a_wkt, b_wkt = sq(X0 + 1000, Y0 + 1000, 1000), sq(X0, Y0, 3000)
    a = write_polygons(tmp_path / "a.gpkg", [("a", a_wkt)])
    b = write_polygons(tmp_path / f"b{epsg}.gpkg", [("b", reproject_wkt(b_wkt, 32718, epsg))], epsg=epsg)
    fb = Capture()
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "OUTPUT": "TEMPORARY_OUTPUT"}, fb)
    assert f"SERFOR reprojected from EPSG:{epsg} to EPSG:32718." in fb.text()
    assert res["ONLY_A_HA"] == 0.0
    assert res["BOTH_HA"] == pytest.approx(ellipsoid_ha(a_wkt), rel=1e-6)
    assert res["ONLY_B_HA"] + res["BOTH_HA"] == pytest.approx(ellipsoid_ha(b_wkt), rel=1e-4)


def test_raster_mask_gap_is_polygonized(tmp_path, run_alg, ellipsoid_ha):
    arr = np.zeros((50, 50), np.uint8)
    arr[10:20, 10:40] = 1       # x 400300..401200, y 8959400..8959700
    arr[30:35, 0:5] = 255       # nodata: not in the gap
    mask = write_raster(tmp_path / "mask.tif", arr, nodata=255)
    a = write_polygons(tmp_path / "a.gpkg", [("a", sq(X0, Y0 - 1500, 750, 1500))])
    fb = Capture()
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": mask, "OUTPUT": "TEMPORARY_OUTPUT"}, fb)
    assert "SERFOR: turning the raster mask into polygons." in fb.text()
    assert res["BOTH_HA"] == pytest.approx(ellipsoid_ha(sq(X0 + 300, Y0 - 600, 450, 300)), rel=1e-6)
    assert res["ONLY_B_HA"] == pytest.approx(ellipsoid_ha(sq(X0 + 750, Y0 - 600, 450, 300)), rel=1e-6)


@pytest.mark.parametrize("which", ["GAP_A", "GAP_B"])
def test_empty_gap_layer_is_refused(tmp_path, gaps, run_alg, which):
    a, b, _ = gaps
    empty = write_polygons(tmp_path / "e.gpkg", [("nada", None)])
    params = {"GAP_A": a, "GAP_B": b, "OUTPUT": str(tmp_path / "o.gpkg"), which: empty}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:gap_overlap", params)
    assert f"The gap layer {which} has no polygon" in str(err.value)
    assert not (tmp_path / "o.gpkg").exists()


def test_empty_raster_mask_is_refused(tmp_path, gaps, run_alg):
    a, _b, _ = gaps
    mask = write_raster(tmp_path / "m.tif", np.zeros((5, 5), np.uint8), nodata=255)
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": mask, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "The gap layer GAP_B has no polygon" in str(err.value)


def test_gaps_without_overlap_warn_and_succeed(tmp_path, run_alg):
    a = write_polygons(tmp_path / "a.gpkg", [("a", sq(X0, Y0, 1000))])
    b = write_polygons(tmp_path / "b.gpkg", [("b", sq(X0 + 1000, Y0, 1000))])  # touching only
    fb = Capture()
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "OUTPUT": "TEMPORARY_OUTPUT"}, fb)
    assert res["BOTH_HA"] == 0.0 and res["ONLY_A_HA"] > 0 and res["ONLY_B_HA"] > 0
    assert any("do not overlap at all" in w for w in fb.warnings)
    assert {f["class"] for f in features(res["OUTPUT"])} == {1, 2}


def test_synthetic_zones_with_null_geometries_in_wgs84(tmp_path, run_alg, ellipsoid_ha, reproject_wkt):
    """The INEI case without ../shared: zones in EPSG:4326 with null geometries and accents."""
    a = write_polygons(tmp_path / "a.gpkg", [("a", sq(X0, Y0, 2000))])
    b = write_polygons(tmp_path / "b.gpkg", [("b", sq(X0 + 1000, Y0, 2000))])
    zone_rows = [("Amarilis", reproject_wkt(sq(X0 - 500, Y0 - 500, 2000, 3000), 32718, 4326))]
    zone_rows += [(f"Distrito sin geometría {i}", None) for i in range(8)]
    zones = write_polygons(tmp_path / "d.gpkg", zone_rows, epsg=4326, field="NOMBDIST")
    fb = Capture()
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "ZONES": zones, "ZONE_FIELD": "NOMBDIST",
                                            "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, fb)
    assert "Zones: 8 features without geometry were skipped." in fb.warnings
    rows = {(f["zone"], f["class"]): f["hectares"] for f in features(res["OUTPUT_TABLE"])}
    assert rows[("Amarilis", 1)] == pytest.approx(ellipsoid_ha(sq(X0, Y0, 1000, 2000)), rel=1e-6)
    assert rows[("Amarilis", 3)] == pytest.approx(ellipsoid_ha(sq(X0 + 1000, Y0, 500, 2000)), rel=1e-4)


@pytest.mark.skipif(not INEI.exists(), reason="the INEI 2007 layer is in ../shared/data/peru, absent here")
def test_inei_districts_with_eight_null_geometries(tmp_path, run_alg):
    wgs = "EPSG:4326"
    a = write_polygons(tmp_path / "a.gpkg", [("a", "POLYGON((-77.2 -12.2,-76.8 -12.2,-76.8 -11.8,-77.2 -11.8,"
                                                   "-77.2 -12.2))")], epsg=4326)
    b = write_polygons(tmp_path / "b.gpkg", [("b", "POLYGON((-77.0 -12.3,-76.6 -12.3,-76.6 -11.9,-77.0 -11.9,"
                                                   "-77.0 -12.3))")], epsg=4326)
    fb = Capture()
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "ZONES": f"{INEI}|layername=distritos",
                                            "ZONE_FIELD": "NOMBDIST", "OUTPUT": "TEMPORARY_OUTPUT",
                                            "OUTPUT_TABLE": "TEMPORARY_OUTPUT"}, fb)
    assert "Zones: 8 features without geometry were skipped." in fb.warnings
    rows = features(res["OUTPUT_TABLE"])
    zones = {f["zone"] for f in rows}
    assert len(zones) > 10 and "(all)" in zones
    per_class = {}
    for f in rows:
        if f["zone"] != "(all)":
            per_class[f["class"]] = per_class.get(f["class"], 0.0) + f["hectares"]
    totals = {f["class"]: f["hectares"] for f in rows if f["zone"] == "(all)"}
    for cls, ha in totals.items():  # district areas (plus the sea outside them) add up to the total
        assert per_class[cls] == pytest.approx(ha, rel=1e-6)
    assert wgs in [lyr.crs().authid() for lyr in [res["OUTPUT"]]]


def test_many_overlapping_polygons_match_qgis_dissolve(tmp_path, run_alg):
    """2,000 overlapping blobs per gap: only A + both equals the area of native:dissolve(A)."""
    import processing

    rng = np.random.default_rng(11)

    def blobs(n, seed_shift):
        rows = []
        for k in range(n):
            cx, cy = X0 + rng.uniform(0, 30000), Y0 + rng.uniform(0, 30000)
            t = np.sort(rng.uniform(0, 2 * np.pi, 12))
            r = rng.uniform(100, 600) * rng.uniform(0.7, 1.3, 12)
            pts = [(cx + rr * np.cos(tt), cy + rr * np.sin(tt)) for rr, tt in zip(r, t)]
            rows.append((f"p{seed_shift}{k}", "POLYGON((" + ",".join(f"{x} {y}" for x, y in pts + pts[:1]) + "))"))
        return rows

    a = write_polygons(tmp_path / "a.gpkg", blobs(2000, "a"))
    b = write_polygons(tmp_path / "b.gpkg", blobs(2000, "b"))
    res = run_alg("t2restore:gap_overlap", {"GAP_A": a, "GAP_B": b, "OUTPUT": "TEMPORARY_OUTPUT"})
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:32718"), QgsProject.instance().transformContext())
    da.setEllipsoid("WGS84")
    for key, own in (("GAP_A", a), ("GAP_B", b)):
        fixed = processing.run("native:fixgeometries", {"INPUT": own, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        dissolved = processing.run("native:dissolve", {"INPUT": fixed, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        truth = sum(da.measureArea(f.geometry()) for f in dissolved.getFeatures()) / 1e4
        got = res["BOTH_HA"] + (res["ONLY_A_HA"] if key == "GAP_A" else res["ONLY_B_HA"])
        assert got == pytest.approx(truth, rel=1e-6)


# -- qgis_process ------------------------------------------------------------------------------------


def test_qgis_process_run(qp, tmp_path, gaps):
    a, b, truth = gaps
    code, data, log = qp.run("t2restore:gap_overlap", GAP_A=a, GAP_B=b, OUTPUT=str(tmp_path / "o.gpkg"),
                             OUTPUT_TABLE=str(tmp_path / "t.csv"))
    assert code == 0, log
    assert data["results"]["BOTH_HA"] == pytest.approx(truth["both"], rel=1e-5)
    assert (tmp_path / "o.qml").exists()
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").startswith("zone,class,class_name,hectares")


def test_qgis_process_spanish(qp_es, tmp_path, gaps):
    a, _b, _ = gaps
    assert "Superposición de las dos brechas nacionales de restauración" in qp_es.call("list").stdout
    assert "MINAM" in qp_es.help("t2restore:gap_overlap") and "brecha" in qp_es.help("t2restore:gap_overlap")
    empty = write_polygons(tmp_path / "e.gpkg", [("nada", None)])
    code, _data, log = qp_es.run("t2restore:gap_overlap", GAP_A=a, GAP_B=empty, OUTPUT=str(tmp_path / "o.gpkg"))
    assert code != 0 and "La capa de brecha GAP_B no tiene polígonos" in log
    assert "Traceback" not in log
