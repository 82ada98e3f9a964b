"""t2restore:export_ferm and t2restore:import_initiatives through processing.run and qgis_process."""

import json
import subprocess  # nosec B404
import sys
from pathlib import Path

import pytest
from feedback import Capture
from osgeo import ogr
from qgis.core import QgsProcessingException
from rasters import declare_undefined_geographic_srs

from t2restore.registry import samples
from t2restore.registry.store import create_registry, open_registry

VALIDATOR = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"


def square(x, y, size):
    return "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))" % (x, y, x + size, y, x + size, y + size, x, y + size, x, y)


def validate_gpkg(path):
    run = subprocess.run([sys.executable, VALIDATOR, str(path)], capture_output=True, text=True)  # nosec B603
    assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr


@pytest.fixture
def registry(tmp_path):
    """Four initiatives; the fourth has an area in Brazil (refused on export)."""
    path = tmp_path / "registro.gpkg"
    made = [samples.sample_initiative(n) for n in range(4)]
    made[1].restoration_status = 3
    made[3].areas[1].set_geometry(samples.square(-60.0, -3.0, 0.01))
    with create_registry(path) as store:
        for ini in made:
            store.save_initiative(ini)
    return path, made


@pytest.fixture
def areas_file(tmp_path, write_vector):
    """Three UTM 18S polygons of two initiatives, with Spanish labels instead of codes."""
    x, y = 476000.0, 8680000.0
    rows = [
        (square(x, y, 1000), {"PROYECTO": "Bofedales de Junín", "SITIO": "Sitio A", "ESTADO": "En ejecución",
                              "ECOS": "T1;F2", "ID": "6f1d2c3e-0000-4000-8000-000000000001"}),
        (square(x + 3000, y, 700), {"PROYECTO": "Bofedales de Junín", "SITIO": "Sitio B", "ESTADO": "En ejecución",
                                    "ECOS": "T1", "ID": "6f1d2c3e-0000-4000-8000-000000000002"}),
        (square(x, y + 5000, 900), {"PROYECTO": "Queñuales", "SITIO": "Sitio C", "ESTADO": "in preparation",
                                    "ECOS": "T2", "ID": "6f1d2c3e-0000-4000-8000-000000000003"}),
    ]
    return write_vector(tmp_path / "areas_utm.geojson", rows, epsg=32718)


MAPPING = {"initiative_title": "PROYECTO", "site_name": "SITIO", "restoration_status": "ESTADO",
           "ecosystems": "ECOS", "uuid": "ID"}
DEFAULTS = {"lead_organization": "Gobierno Regional de Junín", "initiative_start_year": 2023,
            "activities": "4; 6", "national_gap": "SERFOR"}


# --- processing.run -------------------------------------------------------------------------------
def test_export_all(run_alg, registry, tmp_path):
    path, made = registry
    out = tmp_path / "ferm.gpkg"
    result = run_alg("t2restore:export_ferm", {"REGISTRY": str(path), "GEF_TABLE": True, "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out) and out.exists()
    validate_gpkg(out)
    assert result["INITIATIVES"] == 4 and result["AREAS_EXPORTED"] == 7 and result["AREAS_REFUSED"] == 1
    report = json.loads(Path(result["REPORT_JSON"]).read_text(encoding="utf-8"))
    assert report["refused_areas"][0]["area_uuid"] == made[3].areas[1].uuid
    ds = ogr.Open(str(out))
    assert ds.GetLayerByName("gef_areas").GetFeatureCount() == 7
    assert ds.GetLayerByName("restoration_areas").GetFeatureCount() == 7


def test_export_with_filter_expression(run_alg, registry, tmp_path):
    path, made = registry
    out = tmp_path / "filtrado.gpkg"
    result = run_alg("t2restore:export_ferm", {"REGISTRY": str(path), "FILTER": '"restoration_status" = 3',
                                                "OUTPUT": str(out)})
    assert result["INITIATIVES"] == 1 and result["AREAS_EXPORTED"] == 2
    with open_registry(out) as exported:
        assert [s.uuid for s in exported.list_initiatives()] == [made[1].uuid]
    assert ogr.Open(str(out)).GetLayerByName("gef_areas") is None  # GEF_TABLE defaults to no


def test_export_bad_filter_is_a_clear_error(run_alg, registry, tmp_path):
    path, _made = registry
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:export_ferm", {"REGISTRY": str(path), "FILTER": '"title" = = 3',
                                          "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "filter expression is not valid" in str(err.value)
    assert not (tmp_path / "x.gpkg").exists()


def test_import_groups_rows_maps_labels_and_reprojects(run_alg, areas_file, tmp_path):
    target = tmp_path / "nuevo.gpkg"
    result = run_alg("t2restore:import_initiatives", {
        "INPUT": areas_file, "REGISTRY": str(target), "FIELD_MAPPING": json.dumps(MAPPING),
        "DEFAULTS": json.dumps(DEFAULTS)})
    assert result["INITIATIVES"] == 2 and result["INITIATIVES_CREATED"] == 2 and result["AREAS"] == 3
    with open_registry(target) as store:
        by_title = {s.title: store.get_initiative(s.uuid) for s in store.list_initiatives()}
        bofedales = by_title["Bofedales de Junín"]
        assert bofedales.restoration_status == 2 and bofedales.start_year == 2023
        assert [(o.name, o.role) for o in bofedales.organizations] == [("Gobierno Regional de Junín", 1)]
        assert [a.site_name for a in bofedales.areas] == ["Sitio A", "Sitio B"]
        area = bofedales.areas[0]
        assert area.ecosystems == ["T1", "F2"] and area.activities == [4, 6] and area.national_gap == "SERFOR"
        assert area.original_crs == "EPSG:32718" and area.capture_method == "imported"
        assert area.area_ha == pytest.approx(100.0, rel=2e-3)  # 1 km2 in UTM, ellipsoidal within UTM scale
        assert by_title["Queñuales"].restoration_status == 1
        lon, lat = area.geometry().Centroid().GetX(), area.geometry().Centroid().GetY()
        assert -75.3 < lon < -75.1 and -12.0 < lat < -11.8
    # importing again (a table-form mapping) updates the same initiatives and areas, no duplicates
    table = "\n".join("%s=%s" % kv for kv in MAPPING.items())
    again = run_alg("t2restore:import_initiatives", {
        "INPUT": areas_file, "REGISTRY": str(target), "FIELD_MAPPING": table, "DEFAULTS": json.dumps(DEFAULTS)})
    assert again["INITIATIVES_CREATED"] == 0
    with open_registry(target) as store:
        assert store.count_initiatives() == 2 and len(store.list_areas()) == 3


def test_import_csv_with_wkt_needs_and_uses_source_crs(run_alg, tmp_path):
    csv_path = tmp_path / "areas.csv"
    csv_path.write_text("WKT,sitio,iniciativa\n\"%s\",Bofedal,Piloto\n" % square(476000, 8680000, 500),
                        encoding="utf-8")
    target = tmp_path / "r.gpkg"
    result = run_alg("t2restore:import_initiatives", {
        "INPUT": str(csv_path), "REGISTRY": str(target), "SOURCE_CRS": "EPSG:24878",
        "FIELD_MAPPING": "site_name=sitio; initiative_title=iniciativa"})
    assert result["AREAS"] == 1
    with open_registry(target) as store:
        [area] = store.list_areas()
        assert area.original_crs == "EPSG:24878" and area.site_name == "Bofedal"
        assert area.area_ha == pytest.approx(25.0, rel=3e-3)


def test_import_refuses_an_unknown_target_and_rows_without_initiative(run_alg, areas_file, tmp_path):
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:import_initiatives", {"INPUT": areas_file, "REGISTRY": str(tmp_path / "r.gpkg"),
                                                 "FIELD_MAPPING": '{"sitio_nombre": "SITIO"}'})
    assert "is not a registry field" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:import_initiatives", {"INPUT": areas_file, "REGISTRY": str(tmp_path / "r.gpkg"),
                                                 "FIELD_MAPPING": '{"site_name": "SITIO"}'})
    assert "Each row needs an initiative" in str(err.value)


def lonlat_box(w, s, e, n):
    return "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))" % (w, s, e, s, e, n, w, n, w, s)


def test_import_fills_administrative_units_from_admin_layer(run_alg, areas_file, tmp_path, write_vector):
    # Sitio A and B lie near 11.94 S, Sitio C near 11.89 S: two "districts" split at 11.91 S
    inei = write_vector(tmp_path / "distritos.geojson", [
        (lonlat_box(-75.5, -12.0, -75.0, -11.91), {"NOMBDEP": "JUNIN", "NOMBPROV": "HUANCAYO",
                                                   "NOMBDIST": "HUANCAYO", "UBIGEO": "120101"}),
        (lonlat_box(-75.5, -11.91, -75.0, -11.8), {"NOMBDEP": "JUNIN", "NOMBPROV": "HUANCAYO",
                                                   "NOMBDIST": "EL TAMBO", "UBIGEO": "120114"}),
    ])
    target = tmp_path / "adm.gpkg"
    params = {"INPUT": areas_file, "REGISTRY": str(target), "FIELD_MAPPING": json.dumps(MAPPING),
              "DEFAULTS": json.dumps(DEFAULTS)}
    result = run_alg("t2restore:import_initiatives", {**params, "ADMIN_LAYER": inei})  # INEI names guessed
    assert result["ADMIN_FILLED"] == 3
    with open_registry(target) as store:
        units = {a.site_name: (a.department, a.province, a.district, a.ubigeo, a.ubigeo_source)
                 for a in store.list_areas()}
    assert units == {"Sitio A": ("JUNIN", "HUANCAYO", "HUANCAYO", "120101", "INEI"),
                     "Sitio B": ("JUNIN", "HUANCAYO", "HUANCAYO", "120101", "INEI"),
                     "Sitio C": ("JUNIN", "HUANCAYO", "EL TAMBO", "120114", "INEI")}
    # other field names, given explicitly, and RENIEC codes; the layer's own CRS (UTM) is reprojected
    other = write_vector(tmp_path / "otros.gpkg", [
        (square(400000, 8600000, 200000), {"DEP": "Junín", "DIST": "Distrito Ñ", "COD": "120199"}),
    ], epsg=32718, driver="GPKG", layer="u")
    target2 = tmp_path / "adm2.gpkg"
    result = run_alg("t2restore:import_initiatives", {
        **params, "REGISTRY": str(target2), "ADMIN_LAYER": other, "DEPARTMENT_FIELD": "DEP",
        "DISTRICT_FIELD": "DIST", "UBIGEO_FIELD": "COD", "UBIGEO_SOURCE": "RENIEC"})
    assert result["ADMIN_FILLED"] == 3
    with open_registry(target2) as store:
        assert {(a.department, a.province, a.district, a.ubigeo, a.ubigeo_source) for a in store.list_areas()} == {
            ("Junín", "", "Distrito Ñ", "120199", "RENIEC")}
    # without ADMIN_LAYER nothing is filled
    target3 = tmp_path / "adm3.gpkg"
    assert run_alg("t2restore:import_initiatives", {**params, "REGISTRY": str(target3)})["ADMIN_FILLED"] == 0
    with open_registry(target3) as store:
        assert {(a.department, a.ubigeo) for a in store.list_areas()} == {("", "")}


def test_import_admin_layer_errors_are_clear(run_alg, areas_file, tmp_path, write_vector):
    plain = write_vector(tmp_path / "sin_campos.geojson", [(lonlat_box(-76, -13, -75, -11), {"X": "a"})])
    params = {"INPUT": areas_file, "REGISTRY": str(tmp_path / "r.gpkg"), "FIELD_MAPPING": json.dumps(MAPPING),
              "DEFAULTS": json.dumps(DEFAULTS), "ADMIN_LAYER": plain}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:import_initiatives", params)
    assert "No department, province, district or UBIGEO field" in str(err.value)
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:import_initiatives", {**params, "DEPARTMENT_FIELD": "X", "UBIGEO_SOURCE": "SUNAT"})
    assert "UBIGEO_SOURCE must be one of: INEI, RENIEC" in str(err.value)
    assert not (tmp_path / "r.gpkg").exists()


# --- qgis_process ---------------------------------------------------------------------------------
def test_qgis_process_import_then_export(qp, areas_file, tmp_path):
    listed = qp.call("list").stdout
    assert "t2restore:export_ferm" in listed and "t2restore:import_initiatives" in listed
    target = tmp_path / "headless.gpkg"
    code, data, log = qp.run("t2restore:import_initiatives", INPUT=areas_file, REGISTRY=str(target),
                             FIELD_MAPPING=json.dumps(MAPPING), DEFAULTS=json.dumps(DEFAULTS))
    assert code == 0, log
    assert data["results"]["AREAS"] == 3
    out = tmp_path / "headless_ferm.gpkg"
    code, data, log = qp.run("t2restore:export_ferm", REGISTRY=str(target), OUTPUT=str(out), GEF_TABLE="true",
                             FILTER="\"title\" = 'Queñuales'")
    assert code == 0, log
    assert data["results"]["INITIATIVES"] == 1 and data["results"]["AREAS_EXPORTED"] == 1
    validate_gpkg(out)


def test_qgis_process_error_is_a_message_not_a_traceback(qp, tmp_path):
    code, _data, log = qp.run("t2restore:export_ferm", REGISTRY=str(tmp_path / "missing.gpkg"),
                              OUTPUT=str(tmp_path / "x.gpkg"))
    assert code != 0 and "does not exist" in log and "Traceback" not in log


# --- the import path: encodings, re-runs, repairs, undefined CRSs, validation (issues 17 and 18) -------------
TITLE = "Reforestación con especies nativas"


def latin1_shapefile(folder, rows):
    """A shapefile written as ISO-8859-1 by OGR, then stripped of its .cpg as old ArcGIS/GPS files are."""
    from osgeo import gdal, osr

    path = folder / "campo.shp"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    previous = gdal.GetConfigOption("SHAPE_ENCODING")  # QGIS's OGR provider sets it to "" (no recoding)
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
        layer = ds.CreateLayer("campo", srs, ogr.wkbPolygon, options=["ENCODING=ISO-8859-1"])
        for name in ("PROYECTO", "SITIO"):
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        for wkt, project, site in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("PROYECTO", project)
            feature.SetField("SITIO", site)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            layer.CreateFeature(feature)
        ds = None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)
    (folder / "campo.cpg").unlink()
    assert "ó".encode("latin-1") in (folder / "campo.dbf").read_bytes()  # really Latin-1 bytes on disk
    return str(path)


LATIN1_ROWS = [(square(476000, 8680000, 1000), TITLE, "Quebrada Ñuñunga"),
               (square(479000, 8680000, 700), TITLE, "Sitio dos")]
LATIN1_MAPPING = {"initiative_title": "PROYECTO", "site_name": "SITIO"}


def test_latin1_shapefile_without_cpg_is_refused_then_read_with_encoding(run_alg, tmp_path):
    path = latin1_shapefile(tmp_path, LATIN1_ROWS)
    target = tmp_path / "r.gpkg"
    params = {"INPUT": path, "REGISTRY": str(target), "FIELD_MAPPING": json.dumps(LATIN1_MAPPING),
              "DEFAULTS": json.dumps(DEFAULTS)}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:import_initiatives", params)
    text = str(err.value)
    assert "ISO-8859-1" in text and "ENCODING" in text and "Feature 0" in text
    assert '"PROYECTO"' in text or '"SITIO"' in text
    assert not target.exists()  # nothing stored with replacement characters
    result = run_alg("t2restore:import_initiatives", {**params, "ENCODING": "ISO-8859-1"})
    assert result["AREAS"] == 2 and result["INITIATIVES_CREATED"] == 1
    with open_registry(target) as store:
        assert [s.title for s in store.list_initiatives()] == [TITLE]
        assert sorted(a.site_name for a in store.list_areas()) == ["Quebrada Ñuñunga", "Sitio dos"]
    # windows-1252 reads these letters alike; a name Python does not know is refused before any work
    assert run_alg("t2restore:import_initiatives", {**params, "ENCODING": "windows-1252"})["AREAS_UNCHANGED"] == 2
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:import_initiatives", {**params, "ENCODING": "latin-99"})
    assert "not a known text encoding" in str(err.value)


def test_qgis_process_latin1_shapefile_refused_with_the_fix(qp, tmp_path):
    path = latin1_shapefile(tmp_path, LATIN1_ROWS)
    target = tmp_path / "r.gpkg"
    args = {"INPUT": path, "REGISTRY": str(target), "FIELD_MAPPING": json.dumps(LATIN1_MAPPING),
            "DEFAULTS": json.dumps(DEFAULTS)}
    code, _data, log = qp.run("t2restore:import_initiatives", **args)
    assert code != 0 and "ENCODING" in log and "ISO-8859-1" in log and "Traceback" not in log
    assert not target.exists()
    code, data, log = qp.run("t2restore:import_initiatives", **args, ENCODING="ISO-8859-1", MODE="skip-existing")
    assert code == 0, log
    assert data["results"]["AREAS_INSERTED"] == 2
    with open_registry(target) as store:
        assert [s.title for s in store.list_initiatives()] == [TITLE]


def test_reimport_recognizes_areas_and_modes(run_alg, areas_file, tmp_path, write_vector):
    no_uuid = {k: v for k, v in MAPPING.items() if k != "uuid"}  # as a field office's file: no identifier column
    target = tmp_path / "r.gpkg"
    params = {"INPUT": areas_file, "REGISTRY": str(target), "FIELD_MAPPING": json.dumps(no_uuid),
              "DEFAULTS": json.dumps(DEFAULTS)}
    first = run_alg("t2restore:import_initiatives", params)
    assert (first["AREAS_INSERTED"], first["AREAS_UNCHANGED"]) == (3, 0)
    log = Capture()
    again = run_alg("t2restore:import_initiatives", params, feedback=log)
    assert (again["AREAS_INSERTED"], again["AREAS_UPDATED"], again["AREAS_UNCHANGED"]) == (0, 0, 3)
    assert "0 added, 0 updated, 3 unchanged" in log.text()
    with open_registry(target) as store:
        assert store.count_initiatives() == 2 and len(store.list_areas()) == 3
        uuids = sorted(a.uuid for a in store.list_areas())
    # the office sends the file again with one area's ecosystems corrected and one site dropped
    x, y = 476000.0, 8680000.0
    edited = write_vector(tmp_path / "editado.geojson", [
        (square(x, y, 1000), {"PROYECTO": "Bofedales de Junín", "SITIO": "Sitio A", "ESTADO": "En ejecución",
                              "ECOS": "T1"}),
        (square(x, y + 5000, 900), {"PROYECTO": "Queñuales", "SITIO": "Sitio C", "ESTADO": "in preparation",
                                    "ECOS": "T2"}),
    ], epsg=32718)
    edited_params = {**params, "INPUT": edited}
    skip = run_alg("t2restore:import_initiatives", {**edited_params, "MODE": "skip-existing"})
    assert (skip["AREAS_INSERTED"], skip["AREAS_SKIPPED"], skip["AREAS_UPDATED"]) == (0, 2, 0)
    with open_registry(target) as store:
        assert {a.site_name: a.ecosystems for a in store.list_areas()}["Sitio A"] == ["T1", "F2"]
    update = run_alg("t2restore:import_initiatives", edited_params)
    assert (update["AREAS_INSERTED"], update["AREAS_UPDATED"], update["AREAS_UNCHANGED"]) == (0, 1, 1)
    with open_registry(target) as store:
        assert {a.site_name: a.ecosystems for a in store.list_areas()}["Sitio A"] == ["T1"]
        assert sorted(a.uuid for a in store.list_areas()) == uuids
    replace = run_alg("t2restore:import_initiatives", {**edited_params, "MODE": "replace"})
    assert (replace["AREAS_REMOVED"], replace["AREAS_UNCHANGED"]) == (1, 2)
    with open_registry(target) as store:
        assert sorted(a.site_name for a in store.list_areas()) == ["Sitio A", "Sitio C"]
        assert store.count_initiatives() == 2


def test_bow_tie_is_repaired_before_its_hectares_are_computed(run_alg, tmp_path, write_vector, ellipsoid_ha):
    x, y, side = 470000.0, 8670000.0, 12000.0  # two triangles of 3,600 ha each in UTM 18S
    bow_tie = "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))" % (
        x, y, x + side, y + side, x + side, y, x, y + side, x, y)
    lobes = ["POLYGON((%f %f,%f %f,%f %f,%f %f))" % (x, y, x + side / 2, y + side / 2, x, y + side, x, y),
             "POLYGON((%f %f,%f %f,%f %f,%f %f))" % (x + side, y, x + side, y + side, x + side / 2, y + side / 2,
                                                     x + side, y)]
    truth = sum(ellipsoid_ha(wkt, 32718) for wkt in lobes)  # QgsDistanceArea of the two lobes, measured apart
    assert 7150 < truth < 7250
    path = write_vector(tmp_path / "lazo.geojson", [(bow_tie, {"SITIO": "Lazo", "PROYECTO": "Pajonal"})],
                        epsg=32718)
    log = Capture()
    result = run_alg("t2restore:import_initiatives", {
        "INPUT": path, "REGISTRY": str(tmp_path / "r.gpkg"), "FIELD_MAPPING": json.dumps(LATIN1_MAPPING),
        "DEFAULTS": json.dumps(DEFAULTS)}, feedback=log)
    with open_registry(tmp_path / "r.gpkg") as store:
        [area] = store.list_areas()
        assert area.area_ha == pytest.approx(truth, rel=1e-3)
        assert area.geometry().IsValid() and area.geometry().GetGeometryCount() == 2
    assert result["AREAS_REPAIRED"] == 1
    assert "Lazo" in log.text() and "repaired before measuring" in log.text()


def undefined_crs_gpkg(path):
    """A GeoPackage whose layer is in UTM metres but declares srs_id 0, "Undefined geographic SRS"."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("parcelas", None, ogr.wkbPolygon)
    for name in ("PROYECTO", "SITIO"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("PROYECTO", "Pajonal")
    feature.SetField("SITIO", "Sin CRS")
    feature.SetGeometry(ogr.CreateGeometryFromWkt(square(476000, 8680000, 1000)))
    layer.CreateFeature(feature)
    ds = None
    declare_undefined_geographic_srs(path)
    return str(path)


def test_undefined_crs_is_refused_like_a_missing_one(run_alg, tmp_path):
    path = undefined_crs_gpkg(tmp_path / "sin_crs.gpkg")
    target = tmp_path / "r.gpkg"
    params = {"INPUT": path, "REGISTRY": str(target), "FIELD_MAPPING": json.dumps(LATIN1_MAPPING),
              "DEFAULTS": json.dumps(DEFAULTS)}
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:import_initiatives", params)
    text = str(err.value)
    assert "undefined" in text and "sin_crs.gpkg" in text and "SOURCE_CRS" in text
    assert not target.exists()
    with pytest.raises(QgsProcessingException) as err:  # DEFAULTS of the wrong type: refused, not stored NULL
        run_alg("t2restore:import_initiatives", {**params, "SOURCE_CRS": "EPSG:32718",
                                                 "DEFAULTS": json.dumps({**DEFAULTS, "start_year": "abc"})})
    assert '"start_year" is "abc", which is not a whole number' in str(err.value)
    assert not target.exists()
    run_alg("t2restore:import_initiatives", {**params, "SOURCE_CRS": "EPSG:32718"})
    with open_registry(target) as store:
        [area] = store.list_areas()
        assert area.area_ha == pytest.approx(100.0, rel=2e-3) and area.original_crs == "EPSG:32718"


def test_qgis_process_undefined_crs_and_text_defaults_are_refused(qp, tmp_path):
    path = undefined_crs_gpkg(tmp_path / "sin_crs.gpkg")
    code, _data, log = qp.run("t2restore:import_initiatives", INPUT=path, REGISTRY=str(tmp_path / "r.gpkg"),
                              FIELD_MAPPING=json.dumps(LATIN1_MAPPING), DEFAULTS=json.dumps(DEFAULTS))
    assert code != 0 and "undefined" in log and "SOURCE_CRS" in log and "Traceback" not in log
    code, _data, log = qp.run("t2restore:import_initiatives", INPUT=path, REGISTRY=str(tmp_path / "r.gpkg"),
                              SOURCE_CRS="EPSG:32718", FIELD_MAPPING=json.dumps(LATIN1_MAPPING),
                              DEFAULTS=json.dumps({**DEFAULTS, "start_year": "abc"}))
    assert code != 0 and '"start_year"' in log and "whole number" in log and "Traceback" not in log
    assert not (tmp_path / "r.gpkg").exists()


def test_import_validates_with_the_export_rules_and_labels_match_loosely(run_alg, tmp_path, write_vector):
    x, y = 476000.0, 8680000.0
    path = write_vector(tmp_path / "practicas.geojson", [
        (square(x, y, 1000), {"PROYECTO": "Bofedales", "SITIO": "Bueno", "ECOS": "T1",
                              "PRACT": "Restauración pasiva", "ESTADO": "en ejecucion"}),
        (square(x + 3000, y, 1000), {"PROYECTO": "Bofedales", "SITIO": "Sin ecosistema", "ECOS": "",
                                     "PRACT": "restauracion PASIVA", "ESTADO": "en ejecucion"}),
        (square(x + 6000, y, 1000), {"PROYECTO": "Bofedales", "SITIO": "Código raro", "ECOS": "T99",
                                     "PRACT": "", "ESTADO": "en ejecucion"}),
    ], epsg=32718)
    target = tmp_path / "r.gpkg"
    log = Capture()
    result = run_alg("t2restore:import_initiatives", {
        "INPUT": path, "REGISTRY": str(target), "DEFAULTS": json.dumps(DEFAULTS),
        "FIELD_MAPPING": json.dumps({"initiative_title": "PROYECTO", "site_name": "SITIO", "ecosystems": "ECOS",
                                     "practices": "PRACT", "restoration_status": "ESTADO"})}, feedback=log)
    assert result["AREAS"] == 3 and result["AREAS_REFUSED"] == 2
    assert "1 of the 3 areas of these initiatives can be exported, 2 would be refused" in log.text()
    assert '"Ecosystems (IUCN)" is empty' in log.text() and "Sin ecosistema" in log.text()
    assert "T99" in log.text() and "Código raro" in log.text()
    assert '"ecosystems"' not in log.text() and "iucnEcosystems" not in log.text()
    with open_registry(target) as store:
        by_site = {a.site_name: a for a in store.list_areas()}
        assert by_site["Bueno"].practices == by_site["Sin ecosistema"].practices == ["restauracion_pasiva"]
        [summary] = store.list_initiatives()
        assert summary.restoration_status == 2 and summary.validation_state == "errors"
    # the export, with the same rules, refuses the same two areas and lists none else
    export = run_alg("t2restore:export_ferm", {"REGISTRY": str(target), "OUTPUT": str(tmp_path / "f.gpkg")})
    assert export["AREAS_EXPORTED"] == 1 and export["AREAS_REFUSED"] == 2


def test_export_of_nothing_exportable_fails_without_a_file(run_alg, qp, tmp_path):
    path = tmp_path / "registro.gpkg"
    ini = samples.sample_initiative(0)
    for area in ini.areas:
        area.ecosystems = []  # refused: required by FERM
    with create_registry(path) as store:
        store.save_initiative(ini)
    out = tmp_path / "vacio.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        run_alg("t2restore:export_ferm", {"REGISTRY": str(path), "OUTPUT": str(out)})
    assert "Nothing to export" in str(err.value) and "all 2 areas" in str(err.value)
    assert not out.exists() and not list(tmp_path.glob("vacio*"))
    code, _data, log = qp.run("t2restore:export_ferm", REGISTRY=str(path), OUTPUT=str(out))
    assert code != 0 and "Nothing to export" in log and "Traceback" not in log
    assert not out.exists() and not list(tmp_path.glob("vacio*"))


def test_qgis_process_in_spanish_names_the_form_labels(qp_es, tmp_path, write_vector):
    path = write_vector(tmp_path / "sin_eco.geojson", [
        (square(476000, 8680000, 1000), {"PROYECTO": "Bofedales", "SITIO": "Sin ecosistema", "ANIO": "1800"}),
    ], epsg=32718)
    code, data, log = qp_es.run("t2restore:import_initiatives", INPUT=path, REGISTRY=str(tmp_path / "r.gpkg"),
                                FIELD_MAPPING=json.dumps({**LATIN1_MAPPING, "start_year": "ANIO"}),
                                DEFAULTS=json.dumps(DEFAULTS))
    assert code == 0, log
    assert data["results"]["AREAS_REFUSED"] == 1
    findings = [line for line in log.splitlines() if "Sin ecosistema" in line]
    assert any("Ecosistemas (UICN)" in line for line in findings), log
    assert any("Año de inicio" in line and "1800" in line for line in findings), log
    assert not any("start_year" in line or "ecosystems" in line for line in findings), findings


def test_export_leaves_out_and_names_initiatives_whose_areas_were_all_refused(run_alg, tmp_path):
    path = tmp_path / "registro.gpkg"
    good, bad = samples.sample_initiative(0), samples.sample_initiative(1, lat=-12.5)
    for area in bad.areas:
        area.ecosystems = []
    with create_registry(path) as store:
        for ini in (good, bad):
            store.save_initiative(ini)
    log = Capture()
    result = run_alg("t2restore:export_ferm", {"REGISTRY": str(path), "OUTPUT": str(tmp_path / "f.gpkg")},
                     feedback=log)
    assert result["INITIATIVES"] == 1 and result["AREAS_REFUSED"] == 2
    assert "Left out, every area refused: %s." % bad.title in log.text()
    with open_registry(tmp_path / "f.gpkg") as exported:
        assert [s.title for s in exported.list_initiatives()] == [good.title]
