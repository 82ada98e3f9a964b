"""Schema creation and migrations (with backup) of registry GeoPackages."""

import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
from osgeo import ogr

from t2restore.algorithms.geometry import ellipsoidal_area_ha, wgs84
from t2restore.registry import samples, schema
from t2restore.registry.store import open_registry

VALIDATOR = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"


def _v0_registry(path):
    """The pre-versioning draft layout: no version table, "status", comma-separated ecosystems."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    ini = ds.CreateLayer("initiatives", None, ogr.wkbNone, ["FID=fid"])
    for name, kind in (
        ("uuid", ogr.OFTString),
        ("title", ogr.OFTString),
        ("description", ogr.OFTString),
        ("status", ogr.OFTInteger),
        ("start_year", ogr.OFTInteger),
        ("end_year", ogr.OFTInteger),
    ):
        ini.CreateField(ogr.FieldDefn(name, kind))
    org = ds.CreateLayer("organizations", None, ogr.wkbNone, ["FID=fid"])
    for name, kind in (
        ("uuid", ogr.OFTString),
        ("initiative_uuid", ogr.OFTString),
        ("name", ogr.OFTString),
        ("role", ogr.OFTInteger),
    ):
        org.CreateField(ogr.FieldDefn(name, kind))
    areas = ds.CreateLayer("restoration_areas", wgs84(), ogr.wkbMultiPolygon, ["FID=fid", "GEOMETRY_NAME=geom"])
    for name in ("uuid", "initiative_uuid", "site_name", "ecosystems"):
        areas.CreateField(ogr.FieldDefn(name, ogr.OFTString))

    def add(layer, geometry=None, **values):
        feat = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            feat.SetField(key, value)
        if geometry is not None:
            feat.SetGeometry(geometry)
        layer.CreateFeature(feat)

    add(ini, uuid="i-1", title="Bofedales de Ñuñoa", description="v0", status=2, start_year=2019, end_year=2024)
    add(org, uuid="o-1", initiative_uuid="i-1", name="SERNANP", role=1)
    multi = ogr.ForceToMultiPolygon(samples.square(-70.6, -14.4, 0.01))
    add(areas, multi, uuid="a-1", initiative_uuid="i-1", site_name="Sector 1", ecosystems="TF1, T4")
    ds = None
    return multi


def test_new_registry_is_a_valid_geopackage(tmp_path):
    path = tmp_path / "nuevo.gpkg"
    schema.create(path)
    run = subprocess.run([sys.executable, VALIDATOR, str(path)], capture_output=True, text=True)
    assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower()
    assert schema.file_version(path) == schema.SCHEMA_VERSION
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_v0_file_is_migrated_after_a_backup(tmp_path):
    path = tmp_path / "antiguo.gpkg"
    geom = _v0_registry(path)
    original_bytes = path.read_bytes()
    assert schema.file_version(path) == 0
    with open_registry(path) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        ini = store.get_initiative("i-1")
    assert ini.title == "Bofedales de Ñuñoa" and ini.restoration_status == 2
    assert ini.revision == 1 and ini.countries == ["PE"] and ini.objectives == []
    assert [o.name for o in ini.organizations] == ["SERNANP"]
    area = ini.areas[0]
    assert area.ecosystems == ["TF1", "T4"]
    assert area.area_ha == pytest.approx(ellipsoidal_area_ha(geom), abs=1e-3)
    backups = [p for p in tmp_path.iterdir() if ".backup-v0-" in p.name]
    assert len(backups) == 1 and backups[0].read_bytes() == original_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, backups[0].name])
    run = subprocess.run([sys.executable, VALIDATOR, str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    with closing(sqlite3.connect(str(path))) as conn:
        history = conn.execute("SELECT version, note FROM t2r_schema_version ORDER BY fid").fetchall()
        assert history == [(1, "migrated from the v0 draft layout")]
        assert conn.execute("SELECT count(*) FROM lk_iucn_ecosystems").fetchone()[0] == 25
    # a current file is not migrated (no second backup)
    assert schema.migrate(path).backup is None


def test_failed_migration_leaves_the_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "antiguo.gpkg"
    _v0_registry(path)
    original = path.read_bytes()

    def broken(conn):
        raise RuntimeError("simulated failure")

    step = schema.MIGRATIONS[0]
    monkeypatch.setitem(schema.MIGRATIONS, 0, (step[0], broken, step[2]))
    with pytest.raises(schema.MigrationError) as err:
        open_registry(path)
    assert "simulated failure" in err.value.message()
    assert path.read_bytes() == original
    assert not [p for p in tmp_path.iterdir() if "migrating" in p.name]


def test_newer_schema_and_foreign_files_are_refused(tmp_path):
    path = tmp_path / "futuro.gpkg"
    schema.create(path)
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("INSERT INTO t2r_schema_version (version, note) VALUES (?, ?)", (99, "future"))
        conn.commit()
    with pytest.raises(schema.SchemaTooNewError):
        open_registry(path)
    other = tmp_path / "otro.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(other))
    ds.CreateLayer("rios", wgs84(), ogr.wkbLineString)
    ds = None
    with pytest.raises(schema.SchemaError):
        open_registry(other)
