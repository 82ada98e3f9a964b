"""t2restore:export_ferm and t2restore:import_initiatives through processing.run and qgis_process."""

import json
import subprocess  # nosec B404
import sys
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

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
