"""The FERM upload package (zip) opened with OGR through /vsizip/, checked against independent truths."""

import csv
import io
import json
import os
import zipfile

import numpy as np
import pytest
from fixtures.hostile import TRICKY_TEXT
from osgeo import ogr, osr

from t2restore.registry import ferm_upload, samples
from t2restore.registry.ferm_upload import DISSOLVE, SPLIT, UploadLimitError, export_upload
from t2restore.registry.store import create_registry

pyproj = pytest.importorskip("pyproj")
if os.path.exists("/usr/share/proj/proj.db"):
    pyproj.datadir.set_data_dir("/usr/share/proj")
GEOD = pyproj.Geod(ellps="WGS84")
TO_6933 = pyproj.Transformer.from_crs(4326, 6933, always_xy=True)


def many_squares(lon, lat, count, size=0.002, step=0.004):
    """A MultiPolygon of ``count`` disjoint squares in a row."""
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for k in range(count):
        multi.AddGeometry(samples.square(lon + k * step, lat, size))
    return multi


def geodesic_ha(geom):
    """pyproj's geodesic area (ha) of the polygons of an OGR lon/lat geometry."""
    total = 0.0
    for i in range(geom.GetGeometryCount()):
        poly = geom.GetGeometryRef(i) if geom.GetGeometryType() != ogr.wkbPolygon else geom
        for r in range(poly.GetGeometryCount()):
            lon, lat = zip(*[p[:2] for p in poly.GetGeometryRef(r).GetPoints()])
            area = abs(GEOD.polygon_area_perimeter(lon, lat)[0])
            total += area if r == 0 else -area
        if geom.GetGeometryType() == ogr.wkbPolygon:
            break
    return total / 10000.0


def proj_6933_ha(geom):
    """Shoelace area (ha) in EPSG:6933 of the (disjoint) polygons, vertices projected by PROJ."""
    total = 0.0
    geom = ogr.ForceToMultiPolygon(geom.Clone())
    for i in range(geom.GetGeometryCount()):
        ring = geom.GetGeometryRef(i).GetGeometryRef(0)
        lon, lat = zip(*[p[:2] for p in ring.GetPoints()])
        x, y = (np.array(v) for v in TO_6933.transform(lon, lat))
        total += abs(float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))) / 2.0
    return total / 10000.0


@pytest.fixture
def registry(tmp_path):
    store = create_registry(tmp_path / "registro.gpkg")
    tricky = samples.sample_initiative(1)
    tricky.title = "Bofedales de Ñuñoa y Junín: «champa» 'ü'"
    tricky.areas[0].site_name = TRICKY_TEXT
    tricky.areas[1].set_geometry(many_squares(-75.84, -11.78, 3))
    big = samples.sample_initiative(4, areas=60, lat=-10.5, size_deg=0.005)
    many = samples.sample_initiative(8, areas=1, lat=-12.6)
    many.areas[0].set_geometry(many_squares(-75.5, -12.6, 51))
    for ini in (tricky, big, many):
        store.save_initiative(ini)
    yield store, tricky, big, many
    store.close()


def _layers(zip_path):
    """{member name: (vsi path of the GeoJSON or the zipped shapefile's .shp)} for every area file."""
    with zipfile.ZipFile(zip_path) as package:
        names = package.namelist()
    out = {}
    for name in names:
        if name.endswith(".geojson"):
            out[name] = "/vsizip/%s/%s" % (zip_path, name)
        elif name.endswith("_shp.zip"):
            stem = name.rsplit("/", 1)[1][: -len("_shp.zip")]
            out[name] = "/vsizip//vsizip/%s/%s/%s.shp" % (zip_path, name, stem)
    return out


def _features(vsi_path):
    ds = ogr.Open(vsi_path)
    assert ds is not None, vsi_path
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    srs = layer.GetSpatialRef()
    feats = [(dict(zip(names, (f.GetField(n) for n in names))), f.GetGeometryRef().Clone()) for f in layer]
    return names, srs, feats


def test_split_package_with_ogr(registry, tmp_path):
    store, tricky, big, many = registry
    store_uuids = [tricky.uuid, big.uuid]
    out = tmp_path / "subida ferm.zip"
    result, files = export_upload(store, out, uuids=store_uuids, mode=SPLIT)
    assert out.exists() and len(result.areas_exported) == 62
    layers = _layers(out)
    assert files == 3 and len(layers) == 6  # tricky: 1 file; big: 50 + 10 features in 2 files
    with zipfile.ZipFile(out) as package:
        name_table = list(csv.reader(io.StringIO(package.read("field_names.csv").decode("utf-8"))))
        initiatives = list(csv.DictReader(io.StringIO(package.read("initiatives.csv").decode("utf-8"))))
    assert name_table[0] == ["short_name", "full_name"]
    short_to_full = dict(name_table[1:])
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    stored = {a.uuid: a for ini in (tricky, big) for a in store.get_initiative(ini.uuid).areas}
    seen = {}
    for member, vsi in layers.items():
        names, srs, feats = _features(vsi)
        assert 0 < len(feats) <= 50
        assert srs.IsSameGeogCS(wgs84) and srs.GetAttrValue("DATUM") in ("WGS_1984", "World Geodetic System 1984")
        shapefile = member.endswith("_shp.zip")
        if shapefile:
            assert all(len(n) <= 10 for n in names) and sorted(names) == sorted(short_to_full)
            cpg = zipfile.ZipFile(io.BytesIO(zipfile.ZipFile(out).read(member)))
            stem = member.rsplit("/", 1)[1][: -len("_shp.zip")]
            assert cpg.read(stem + ".cpg").decode("ascii").strip().upper() in ("UTF-8", "UTF8")
            feats = [({short_to_full[k]: v for k, v in values.items()}, g) for values, g in feats]
        else:
            assert sorted(names) == sorted(short_to_full.values())
        for values, geom in feats:
            assert geom.GetCoordinateDimension() == 2
            seen.setdefault(values["area_uuid"], set()).add(member.rsplit("/", 1)[0] + ("S" if shapefile else "G"))
            area = stored[values["area_uuid"]]
            truth = area.geometry()
            assert values["area_ha"] == pytest.approx(geodesic_ha(truth), abs=0.006)
            assert values["ferm_ha"] == pytest.approx(proj_6933_ha(truth), abs=0.006)
            assert values["initiative_title"] == store.get_initiative(values["initiative_uuid"]).title
            assert values["site_name"] == area.site_name
    # every area in exactly one GeoJSON and one shapefile, never split between files
    assert sorted(seen) == sorted(stored) and all(len(v) == 2 for v in seen.values())
    polygons = {}
    for _m, vsi in layers.items():
        if vsi.endswith(".geojson"):
            for values, _g in _features(vsi)[2]:
                polygons[values["area_uuid"]] = polygons.get(values["area_uuid"], 0) + 1
    assert polygons[tricky.areas[1].uuid] == 3 and polygons[tricky.areas[0].uuid] == 1
    rows = {r["uuid"]: r for r in initiatives}
    assert rows[tricky.uuid]["title"] == tricky.title and json.loads(rows[tricky.uuid]["restoration_types"]) == [1, 2]
    assert int(rows[big.uuid]["areas"]) == 60


def test_dissolve_one_feature_per_area_and_split_refusal(registry, tmp_path):
    store, _tricky, _big, many = registry
    out = tmp_path / "subida.zip"
    with pytest.raises(UploadLimitError) as err:
        export_upload(store, out, uuids=[many.uuid], mode=SPLIT)
    message = err.value.message()
    assert many.areas[0].site_name in message and "51 polygons" in message and "dissolve each area" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["registro.gpkg"]  # nothing written
    _result, files = export_upload(store, out, uuids=[many.uuid], mode=DISSOLVE)
    assert files == 1
    for vsi in _layers(out).values():
        _names, _srs, feats = _features(vsi)
        assert len(feats) == 1
        values, geom = feats[0]
        assert values.get("ferm_ha") == pytest.approx(proj_6933_ha(geom), abs=0.006)


def test_gef_totals_csv_in_the_package(registry, tmp_path):
    store, tricky, _big, _many = registry
    out = tmp_path / "gef.zip"
    export_upload(store, out, uuids=[tricky.uuid], mode=DISSOLVE, gef_profile=True)
    with zipfile.ZipFile(out) as package:
        rows = list(csv.DictReader(io.StringIO(package.read("gef_totals.csv").decode("utf-8"))))
    hectares = sum(a.area_ha for a in store.get_initiative(tricky.uuid).areas)
    assert [(r["Layer"], int(r["areas"])) for r in rows] == [("GEF3.2", 2)]  # T1 with ecological restoration
    assert float(rows[0]["area_ha"]) == pytest.approx(hectares, abs=0.006)


def test_folder_names_are_ascii_and_unique():
    a, b = samples.sample_initiative(1), samples.sample_initiative(2)
    a.title = b.title = "Ñuñoa / Junín"
    names = {ferm_upload.folder_name(a), ferm_upload.folder_name(b)}
    assert len(names) == 2 and all(n.isascii() and n.startswith("Nunoa_Junin_") for n in names)


def test_report_lists_areas_whose_ferm_hectares_differ_over_half_a_percent(tmp_path):
    store = create_registry(tmp_path / "registro.gpkg")
    wide = samples.sample_initiative(1, areas=1)
    # A 17-degree oblique edge: straight in EPSG:6933 (FERM) and densified on the ellipsoid, ~0.7 % apart.
    wide.areas[0].set_geometry(ogr.CreateGeometryFromWkt("POLYGON((-76 -17,-70 -1,-70 -17,-76 -17))"))
    plain = samples.sample_initiative(2, areas=1, lat=-12.5)
    for ini in (wide, plain):
        store.save_initiative(ini)
    result, _files = export_upload(store, tmp_path / "subida.zip", mode=DISSOLVE)
    store.close()
    report = json.loads(open(result.report_json, encoding="utf-8").read())
    flagged = [f for f in report["findings"] if f["rule"] == "ferm_area_mismatch"]
    assert [f["area_uuid"] for f in flagged] == [wide.areas[0].uuid]
    assert "EPSG:6933" in flagged[0]["message"] and wide.areas[0].uuid in result.areas_exported
    values = {}
    for vsi in _layers(tmp_path / "subida.zip").values():
        for row, geom in _features(vsi)[2]:
            values[row["area_uuid"]] = (row["area_ha"], row["ferm_ha"], geom)
    area_ha, ferm_ha, geom = values[wide.areas[0].uuid]
    assert ferm_ha == pytest.approx(proj_6933_ha(geom), abs=0.006)
    # The registry's edges run straight in longitude/latitude: pyproj's geodesic area of the stored
    # geometry with its edges cut to 0.01 degree (geodesic edges that short follow them).
    dense = wide.areas[0].geometry()
    dense.Segmentize(0.01)
    assert area_ha == pytest.approx(geodesic_ha(dense), rel=1e-6)
    assert 0.5 < 100 * (ferm_ha - area_ha) / area_ha < 1.0


def test_cancelled_or_failed_package_leaves_nothing(registry, tmp_path, monkeypatch):
    store, tricky, big, _many = registry
    out = tmp_path / "subida.zip"
    calls = []

    def cancel_while_writing():
        calls.append(1)
        return len(calls) > 3  # after validation, inside the package's loop

    with pytest.raises(ferm_upload.Cancelled):
        export_upload(store, out, uuids=[tricky.uuid, big.uuid], is_cancelled=cancel_while_writing)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ferm_upload, "_shapefile_zip", broken)
    with pytest.raises(ferm_upload.ExportError) as err:
        export_upload(store, out, uuids=[tricky.uuid])
    assert "disk full" in err.value.message() and "No file was written" in err.value.message()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["registro.gpkg"]
