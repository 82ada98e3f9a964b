"""Merging FERM-compatible GeoPackages by uuid (registry.ferm.merge_files / import_ferm) and the checks
that refuse a file before anything is merged (registry.ferm_source)."""

import copy
import sqlite3
from contextlib import closing

import pytest
from osgeo import ogr
from test_registry_schema import _v0_registry

from t2restore.registry import ferm, ferm_source, samples, schema
from t2restore.registry.store import create_registry, open_registry


def _export(tmp_path, name, initiatives):
    with create_registry(tmp_path / (name + "_registro.gpkg")) as store:
        store.put_initiatives(initiatives)
        ferm.export_ferm(store, tmp_path / (name + ".gpkg"))
    return tmp_path / (name + ".gpkg")


def _rows(path):
    with closing(sqlite3.connect(str(path))) as conn:
        return [conn.execute("SELECT uuid, title, revision FROM initiatives ORDER BY uuid").fetchall(),
                conn.execute("SELECT uuid, initiative_uuid FROM restoration_areas ORDER BY uuid").fetchall()]


@pytest.fixture
def good(tmp_path):
    return _export(tmp_path, "bueno", [samples.sample_initiative(1)])


def test_package_path_and_recognition(good, tmp_path):
    assert ferm_source.package_path(str(good) + "|layername=ferm_public_areas") == good
    assert ferm_source.is_ferm_package(str(good) + "|layername=restoration_areas")
    plain = tmp_path / "plano.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(plain))
    ds.CreateLayer("x", None, ogr.wkbPolygon)
    ds = None
    assert not ferm_source.is_ferm_package(str(plain)) and not ferm_source.is_ferm_package(str(tmp_path / "no.gpkg"))
    with pytest.raises(ferm_source.NotFermPackageError) as err:
        ferm_source.check_package(plain)
    assert str(plain) in err.value.message() and "FIELD_MAPPING" in err.value.message()


def test_damaged_foreign_and_newer_files_are_refused_naming_the_file(good, tmp_path):
    truncated = tmp_path / "truncado.gpkg"
    truncated.write_bytes(good.read_bytes()[:4096 * 3])
    text = tmp_path / "texto.gpkg"
    text.write_text("SQLite? no\n", encoding="utf-8")
    newer = tmp_path / "nuevo.gpkg"
    newer.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(str(newer))) as conn, conn:
        conn.execute("UPDATE t2r_export_metadata SET value = '3' WHERE key = 'schema_version'")
    listing = sorted(p.name for p in tmp_path.iterdir())
    expected = {truncated: ferm_source.DamagedPackageError, text: ferm_source.NotGeoPackageError,
                newer: ferm_source.NewerSchemaError}
    with create_registry(tmp_path / "destino.gpkg") as store:
        for bad, error in expected.items():
            assert ferm_source.is_ferm_package(str(bad))  # refused by the merge, not read as a plain layer
            with pytest.raises(error) as err:
                ferm.merge_files([good, bad], store)
            assert str(bad) in err.value.message() and "Nothing" in err.value.message()
            assert store.count_initiatives() == 0  # the good file before it was not merged either
    assert "schema 3" in ferm_source.NewerSchemaError(path="x", version=3, supported=1).message()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "destino.gpkg") == listing  # no copy left


def test_an_older_file_is_migrated_in_a_copy_outside_its_folder(tmp_path):
    folder = tmp_path / "entrada"
    folder.mkdir()
    old = folder / "antiguo.gpkg"
    _v0_registry(old)
    original = old.read_bytes()
    with create_registry(tmp_path / "destino.gpkg") as store:
        result = ferm.import_ferm(old, store)
        assert result.inserted == ["i-1"] and store.get_initiative("i-1").title == "Bofedales de Ñuñoa"
    assert [p.name for p in folder.iterdir()] == ["antiguo.gpkg"] and old.read_bytes() == original
    assert schema.file_version(old) == 0


def test_two_files_with_the_same_initiative_give_a_conflict_naming_the_file(tmp_path):
    made = [samples.sample_initiative(n) for n in range(3)]
    other = copy.deepcopy(made[1])
    other.description = "Otra descripción\ncon 'comillas'"
    other.areas[0].site_name = "Sitio renombrado"
    first = _export(tmp_path, "norte", made[:2])
    second = _export(tmp_path, "sur", [other, made[2]])
    seen = []
    with create_registry(tmp_path / "nacional.gpkg") as store:
        total = ferm.merge_files([first, second], store, on_file=lambda p, r: seen.append((p, len(r.inserted))))
        assert seen == [(first, 2), (second, 1)]
        assert sorted(total.inserted) == sorted(i.uuid for i in made) and total.areas == 8  # areas read
        [conflict] = total.conflicts
        assert (conflict.uuid, conflict.fields, conflict.resolution, conflict.file) == (
            made[1].uuid, ["areas", "description"], "kept registry", str(second))
        assert store.get_initiative(made[1].uuid).description == made[1].description
        replaced = ferm.merge_files([second], store, on_conflict="replace")
        assert replaced.replaced == [made[1].uuid] and replaced.unchanged == [made[2].uuid]
        assert store.get_initiative(made[1].uuid).areas[0].site_name == "Sitio renombrado"


def test_an_initiative_holding_another_ones_area_is_skipped_naming_the_areas(tmp_path):
    made = [samples.sample_initiative(n) for n in range(2)]
    squatter = samples.sample_initiative(5)
    squatter.areas.append(copy.deepcopy(made[0].areas[0]))
    path = _export(tmp_path, "c", [squatter, made[1]])
    registry = tmp_path / "nacional.gpkg"
    with create_registry(registry) as store:
        store.put_initiatives([made[0]])
    before = _rows(registry)
    with open_registry(registry) as store:
        result = ferm.import_ferm(str(path) + "|layername=ferm_public_areas", store)
    assert result.skipped == [squatter.uuid] and result.inserted == [made[1].uuid]
    [conflict] = result.conflicts
    assert (conflict.areas, conflict.owners) == ([made[0].areas[0].uuid], [made[0].uuid])
    assert conflict.resolution == "skipped"
    after = _rows(registry)
    assert after[0] == sorted(before[0] + [(made[1].uuid, made[1].title, made[1].revision)])
    assert (made[0].areas[0].uuid, made[0].uuid) in after[1]
