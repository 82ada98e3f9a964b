"""t2restore:export_ferm FORMAT=1 (FERM upload package) and the GEF profile, through processing.run and
qgis_process, with the bad inputs of the new parameters."""

import json
import zipfile
from pathlib import Path

import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingException

from t2restore.processing.export_ferm import ExportFermAlgorithm as Alg
from t2restore.registry import samples
from t2restore.registry.store import create_registry

ALG = "t2restore:export_ferm"
TITLE = "Bofedales de Ñuñoa: «champa» y 'queñua'"


def many_squares(lon, lat, count, size=0.002, step=0.004):
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for k in range(count):
        multi.AddGeometry(samples.square(lon + k * step, lat, size))
    return multi


@pytest.fixture
def registry(tmp_path):
    """A GEF initiative (accents, an area of 3 polygons), one of 60 areas and one area of 51 polygons."""
    path = tmp_path / "registro.gpkg"
    gef_ini = samples.sample_initiative(1)
    gef_ini.title, gef_ini.reporting_line = TITLE, "GEF"
    gef_ini.areas[1].set_geometry(many_squares(-75.84, -11.78, 3))
    gef_ini.areas[1].ecosystems = ["TF1"]
    big = samples.sample_initiative(4, areas=60, lat=-10.5, size_deg=0.005)
    many = samples.sample_initiative(8, areas=1, lat=-12.6)
    many.areas[0].site_name = "Sitio de 51 polígonos"
    many.areas[0].set_geometry(many_squares(-75.5, -12.6, 51))
    with create_registry(path) as store:
        for ini in (gef_ini, big, many):
            store.save_initiative(ini)
    return path, gef_ini, big, many


def _area_files(zip_path):
    """[(member, vsi path)] of every GeoJSON and zipped shapefile in the package."""
    out = []
    with zipfile.ZipFile(zip_path) as package:
        for name in package.namelist():
            if name.endswith(".geojson"):
                out.append((name, "/vsizip/%s/%s" % (zip_path, name)))
            elif name.endswith("_shp.zip"):
                stem = name.rsplit("/", 1)[1][: -len("_shp.zip")]
                out.append((name, "/vsizip//vsizip/%s/%s/%s.shp" % (zip_path, name, stem)))
    return out


def _check_package(zip_path):
    """Every area file: <= 50 features, EPSG:4326, 2D, shapefile names <= 10; returns {area uuid: features}."""
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    per_area = {}
    for member, vsi in _area_files(zip_path):
        ds = ogr.Open(vsi)
        layer = ds.GetLayer(0)
        assert 0 < layer.GetFeatureCount() <= 50, member
        assert layer.GetSpatialRef().IsSameGeogCS(wgs84)
        defn = layer.GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        if member.endswith("_shp.zip"):
            assert all(len(n) <= 10 for n in names), names
        else:
            for feat in layer:
                assert feat.GetGeometryRef().GetCoordinateDimension() == 2
                per_area[feat.GetField("area_uuid")] = per_area.get(feat.GetField("area_uuid"), 0) + 1
    return per_area


def test_upload_package_through_processing_run(run_alg, registry, tmp_path):
    path, gef_ini, big, _many = registry
    out = tmp_path / "paquete"  # no extension: the format's is added
    result = run_alg(ALG, {Alg.REGISTRY: str(path), Alg.FORMAT: Alg.FORMAT_UPLOAD, Alg.UPLOAD_SPLIT: 0,
                           Alg.GEF_TABLE: True, Alg.FILTER: "\"reporting_line\" = 'GEF' OR \"uuid\" = '%s'" % big.uuid,
                           Alg.OUTPUT: str(out)})
    assert result[Alg.OUTPUT] == str(out) + ".zip" and Path(result[Alg.OUTPUT]).exists()
    assert result[Alg.AREA_FILES] == 3 and result[Alg.AREAS_EXPORTED] == 62
    per_area = _check_package(result[Alg.OUTPUT])
    assert per_area[gef_ini.areas[1].uuid] == 3 and len(per_area) == 62
    with zipfile.ZipFile(result[Alg.OUTPUT]) as package:
        assert TITLE in package.read("initiatives.csv").decode("utf-8")
        assert "gef_totals.csv" in package.namelist()
    report = json.loads(Path(result[Alg.REPORT_JSON]).read_text(encoding="utf-8"))
    totals = {row["Layer"]: row["areas"] for row in report["gef_totals"]}
    assert totals == {"GEF3.2": 61, "GEF3.4": 1}  # sample areas are T1 (forest); the bofedal TF1 (wetland)


def test_upload_split_refuses_an_area_of_51_polygons_then_dissolve_takes_it(run_alg, registry, tmp_path):
    path, _gef, _big, many = registry
    out = tmp_path / "subida.zip"
    params = {Alg.REGISTRY: str(path), Alg.FORMAT: Alg.FORMAT_UPLOAD, Alg.FILTER: "\"uuid\" = '%s'" % many.uuid,
              Alg.OUTPUT: str(out)}
    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, {**params, Alg.UPLOAD_SPLIT: 0})
    assert many.areas[0].site_name in str(err.value) and "51 polygons" in str(err.value)
    assert "dissolve each area into one feature" in str(err.value) and "UPLOAD_SPLIT = 1" in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["registro.gpkg"]
    result = run_alg(ALG, {**params, Alg.UPLOAD_SPLIT: 1})
    assert _check_package(result[Alg.OUTPUT]) == {many.areas[0].uuid: 1}


@pytest.mark.parametrize(("fmt", "name", "fragment"), [
    (1, "paquete.gpkg", "is a GeoPackage name, but FORMAT asks for the FERM upload package"),
    (0, "ferm.zip", "is a zip name, but FORMAT asks for the FERM-compatible GeoPackage"),
])
def test_output_name_not_matching_the_format_is_refused(run_alg, registry, tmp_path, fmt, name, fragment):
    path = registry[0]
    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, {Alg.REGISTRY: str(path), Alg.FORMAT: fmt, Alg.OUTPUT: str(tmp_path / name)})
    assert fragment in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["registro.gpkg"]


@pytest.mark.parametrize(("key", "value"), [(Alg.FORMAT, 2), (Alg.UPLOAD_SPLIT, 5)])
def test_enum_out_of_range_is_refused(run_alg, registry, tmp_path, key, value):
    path = registry[0]
    with pytest.raises(QgsProcessingException) as err:
        run_alg(ALG, {Alg.REGISTRY: str(path), Alg.FORMAT: 1, key: value, Alg.OUTPUT: str(tmp_path / "p.zip")})
    assert key in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["registro.gpkg"]


def test_upload_package_and_refusal_through_qgis_process(qp, qp_es, registry, tmp_path):
    path, _gef, _big, many = registry
    out = tmp_path / "headless.zip"
    code, data, log = qp.run(ALG, REGISTRY=str(path), FORMAT="1", UPLOAD_SPLIT="1", GEF_TABLE="true",
                             OUTPUT=str(out))
    assert code == 0, log
    assert data["results"][Alg.AREA_FILES] == 4 and data["results"][Alg.AREAS_EXPORTED] == 63
    assert "GEF 3.2 Area of forest and forest land under restoration: 62 areas" in log, log
    per_area = _check_package(out)
    assert per_area[many.areas[0].uuid] == 1 and len(per_area) == 63
    refused = tmp_path / "rechazado.zip"
    code, _data, log = qp_es.run(ALG, REGISTRY=str(path), FORMAT="1", UPLOAD_SPLIT="0", OUTPUT=str(refused))
    assert code != 0 and "Traceback" not in log
    assert many.areas[0].site_name in log and "UPLOAD_SPLIT = 1" in log and "No se escribió ningún archivo" in log, log
    assert not refused.exists() and not list(tmp_path.glob("rechazado*"))


def test_geopackage_gef_table_has_layer_and_totals(run_alg, registry, tmp_path):
    path, gef_ini, _big, _many = registry
    out = tmp_path / "gef.gpkg"
    result = run_alg(ALG, {Alg.REGISTRY: str(path), Alg.GEF_TABLE: True, Alg.FILTER: "\"reporting_line\" = 'GEF'",
                           Alg.OUTPUT: str(out)})
    assert result[Alg.AREA_FILES] == 0
    ds = ogr.Open(str(out))
    layers = {f.GetField("ID_CODE"): f.GetField("Layer") for f in ds.GetLayerByName("gef_areas")}
    assert layers == {gef_ini.areas[0].uuid: "GEF3.2", gef_ini.areas[1].uuid: "GEF3.4"}
    totals = {f.GetField("Layer"): f.GetField("areas") for f in ds.GetLayerByName("gef_totals")}
    assert totals == {"GEF3.2": 1, "GEF3.4": 1}
