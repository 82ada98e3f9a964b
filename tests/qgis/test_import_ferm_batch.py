"""t2restore:import_initiatives merging FERM-compatible GeoPackages (issue 10, items 1 to 3), through
processing.run and qgis_process. Files are compared with sqlite3 (tests/ferm_samples.py), never with the
code under test."""

import copy
import csv
import sqlite3
from contextlib import closing

import ferm_samples as fs
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from t2restore.registry import samples
from t2restore.registry.store import open_registry

IMPORT, EXPORT = "t2restore:import_initiatives", "t2restore:export_ferm"


def export(run_alg, registry, out):
    result = run_alg(EXPORT, {"REGISTRY": str(registry), "GEF_TABLE": True, "OUTPUT": str(out)})
    assert result["AREAS_REFUSED"] == 0  # the fixture is valid: nothing may be left out of the comparison
    return out


def registry_export(run_alg, tmp_path, name, initiatives):
    registry = fs.build_registry(tmp_path / (name + "_registro.gpkg"), initiatives)
    return export(run_alg, registry, tmp_path / (name + ".gpkg"))


def dump(path):
    """Every row of every table of the registry at ``path`` (no volatile column), read with sqlite3."""
    return {t: fs.table_rows(path, t) for t in fs.tables(path) if not fs.rtree_shadow(t)}


@pytest.mark.parametrize("layer", ["", "|layername=ferm_public_areas", "|layername=restoration_areas"])
def test_export_import_export_is_identical_in_every_table(run_alg, tmp_path, layer):
    made = fs.rich_initiatives()
    first = registry_export(run_alg, tmp_path, "primera", made)
    target = tmp_path / "vacío.gpkg"
    result = run_alg(IMPORT, {"INPUT": str(first) + layer, "REGISTRY": str(target)})
    assert result["INITIATIVES_INSERTED"] == len(made) and result["AREAS"] == 16
    assert result["CONFLICTS"] == 0 and result["INITIATIVES_SKIPPED"] == 0
    second = export(run_alg, target, tmp_path / "segunda.gpkg")
    before, after = dump(first), dump(second)
    assert sorted(before) == sorted(after) and len(before) > 40
    for table in before:
        assert before[table] == after[table], table
    with closing(sqlite3.connect(str(second))) as conn:
        crss = {r[0] for r in conn.execute("SELECT original_crs FROM restoration_areas")}
        organizations = {r[0] for r in conn.execute("SELECT uuid FROM organizations")}
        geoms = sorted(r[0] for r in conn.execute("SELECT geom FROM restoration_areas"))
    assert crss == set(fs.SOURCE_CRSS)
    assert organizations == {o.uuid for ini in made for o in ini.organizations}
    with closing(sqlite3.connect(str(first))) as conn:
        assert geoms == sorted(r[0] for r in conn.execute("SELECT geom FROM restoration_areas"))


def test_a_loaded_layer_of_an_export_is_merged_whole(run_alg, tmp_path):
    made = [samples.sample_initiative(n) for n in range(2)]
    first = registry_export(run_alg, tmp_path, "capa", made)
    layer = QgsVectorLayer(str(first) + "|layername=ferm_public_areas", "ferm_public_areas", "ogr")
    assert layer.isValid()
    result = run_alg(IMPORT, {"INPUT": layer, "REGISTRY": str(tmp_path / "r.gpkg")})
    assert result["INITIATIVES_INSERTED"] == 2 and result["AREAS"] == 4
    with open_registry(tmp_path / "r.gpkg") as store:
        merged = store.get_initiative(made[0].uuid)
    assert [c.uuid for c in merged.contacts] == [c.uuid for c in made[0].contacts]
    del layer


def _three_files(run_alg, tmp_path):
    """a: initiatives 0 and 1; b: 1 retitled and 2; c: 3, holding an area of initiative 0."""
    made = [samples.sample_initiative(n) for n in range(4)]
    changed = copy.deepcopy(made[1])
    changed.title = "Otro título, ñandú"
    squatter = copy.deepcopy(made[3])
    squatter.areas.append(copy.deepcopy(made[0].areas[1]))
    return (made, registry_export(run_alg, tmp_path, "a", made[:2]),
            registry_export(run_alg, tmp_path, "b", [changed, made[2]]),
            registry_export(run_alg, tmp_path, "c", [squatter]))


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["uuid"]: row for row in csv.DictReader(handle)}


def test_several_files_merge_with_conflicts_and_skips(run_alg, tmp_path):
    made, a, b, c = _three_files(run_alg, tmp_path)
    registry, table = tmp_path / "nacional.gpkg", tmp_path / "conflictos.csv"
    result = run_alg(IMPORT, {"INPUTS": [str(a), str(b), str(c)], "REGISTRY": str(registry),
                              "CONFLICTS_TABLE": str(table)})
    assert (result["FILES_MERGED"], result["INITIATIVES_INSERTED"], result["INITIATIVES_UNCHANGED"],
            result["INITIATIVES_REPLACED"], result["CONFLICTS"], result["INITIATIVES_SKIPPED"]) == (3, 3, 0, 0, 2, 1)
    rows = _rows(table)
    assert rows[made[1].uuid]["action"] == "kept-registry" and rows[made[1].uuid]["fields"] == "title"
    assert rows[made[1].uuid]["file"] == str(b)
    assert rows[made[3].uuid]["action"] == "skipped" and rows[made[3].uuid]["file"] == str(c)
    assert rows[made[3].uuid]["areas"] == made[0].areas[1].uuid and rows[made[3].uuid]["owners"] == made[0].uuid
    with open_registry(registry) as store:
        assert store.get_initiative(made[1].uuid).title == made[1].title
        assert store.get_initiative(made[3].uuid) is None and store.count_initiatives() == 3
    again = run_alg(IMPORT, {"INPUTS": [str(b)], "REGISTRY": str(registry), "ON_CONFLICT": "take-file"})
    assert (again["INITIATIVES_REPLACED"], again["INITIATIVES_UNCHANGED"], again["CONFLICTS"]) == (1, 1, 1)
    with open_registry(registry) as store:
        assert store.get_initiative(made[1].uuid).title == "Otro título, ñandú"


def _bad_files(tmp_path, good):
    truncated = tmp_path / "truncado.gpkg"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    text = tmp_path / "texto.gpkg"
    text.write_text("no soy un GeoPackage\n", encoding="utf-8")
    newer = tmp_path / "nuevo.gpkg"
    newer.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(str(newer))) as conn, conn:
        conn.execute("INSERT INTO t2r_schema_version (version, note) VALUES (7, 'future')")
        conn.execute("UPDATE t2r_export_metadata SET value = '7' WHERE key = 'schema_version'")
    return {truncated: ("is damaged", "truncated", "Copy the file again"),
            text: ("is not a GeoPackage", "Nothing was merged"),
            newer: ("made by a newer T2 Restore (schema 7", "Update the T2 Restore plugin")}


def test_bad_files_are_refused_by_name_and_nothing_is_merged(run_alg, tmp_path, write_vector):
    made, a, b, _c = _three_files(run_alg, tmp_path)
    registry = fs.build_registry(tmp_path / "nacional.gpkg", [made[2]])
    before = dump(registry)
    plain = write_vector(tmp_path / "plano.gpkg", [(samples.square(-75.2, -11.8, 0.01).ExportToWkt(), {"X": "1"})],
                         driver="GPKG")
    cases = _bad_files(tmp_path, a)
    cases[plain] = ("is not a FERM-compatible GeoPackage made by T2 Restore", "FIELD_MAPPING")
    for bad, fragments in cases.items():
        with pytest.raises(QgsProcessingException) as err:
            run_alg(IMPORT, {"INPUTS": [str(a), str(bad)], "REGISTRY": str(registry)})
        message = str(err.value)
        assert str(bad) in message and all(f in message for f in fragments), message
        assert "Traceback" not in message and "Unexpected" not in message
        assert dump(registry) == before  # the good file before it was not merged either
    missing = tmp_path / "nuevo_registro.gpkg"
    with pytest.raises(QgsProcessingException):
        run_alg(IMPORT, {"INPUT": str(next(iter(cases))), "REGISTRY": str(missing)})
    assert not missing.exists()


def test_registry_given_as_input_is_refused(run_alg, tmp_path):
    registry = fs.build_registry(tmp_path / "r.gpkg", [samples.sample_initiative(1)])
    with pytest.raises(QgsProcessingException, match="is the registry itself"):
        run_alg(IMPORT, {"INPUT": str(registry) + "|layername=restoration_areas", "REGISTRY": str(registry)})
    with pytest.raises(QgsProcessingException, match="Give INPUT"):
        run_alg(IMPORT, {"REGISTRY": str(registry)})


# --- item 2: plain layers keep what they can ----------------------------------------------------------------
def test_plain_layer_keeps_original_crs_and_organization_contact_uuids(run_alg, tmp_path, write_vector):
    org, contact = "0b7a4c52-1111-4aaa-8bbb-000000000001", "0b7a4c52-2222-4aaa-8bbb-000000000002"
    fields = {"PROY": "Bofedal", "SITIO": "S1", "CRS": "EPSG:24878", "ORG": "GRJ", "ORG_ID": org, "CONT": "Ana",
              "CONT_ID": contact}
    path = write_vector(tmp_path / "unido.geojson", [(samples.square(-75.2, -11.8, 0.01).ExportToWkt(), fields)])
    mapping = ("initiative_title=PROY;site_name=SITIO;original_crs=CRS;lead_organization=ORG;"
               "lead_organization_uuid=ORG_ID;contact_name=CONT;contact_uuid=CONT_ID")
    run_alg(IMPORT, {"INPUT": path, "REGISTRY": str(tmp_path / "r.gpkg"), "FIELD_MAPPING": mapping})
    with open_registry(tmp_path / "r.gpkg") as store:
        ini = store.get_initiatives()[0]
    assert ini.areas[0].original_crs == "EPSG:24878"
    assert [o.uuid for o in ini.organizations] == [org] and [c.uuid for c in ini.contacts] == [contact]
    fields["CRS"] = "EPSG:999999"
    path = write_vector(tmp_path / "malo.geojson", [(samples.square(-75.2, -11.8, 0.01).ExportToWkt(), fields)])
    with pytest.raises(QgsProcessingException, match="not a coordinate reference system QGIS knows"):
        run_alg(IMPORT, {"INPUT": path, "REGISTRY": str(tmp_path / "r2.gpkg"), "FIELD_MAPPING": mapping})


@pytest.mark.parametrize("epsg", [32718, 24878, 31978])
def test_plain_layer_records_its_own_crs_before_reprojection(run_alg, tmp_path, write_vector, epsg):
    x, y = fs.SOURCE_CRSS["EPSG:%d" % epsg]
    wkt = "POLYGON((%f %f,%f %f,%f %f,%f %f))" % (x, y, x + 500, y, x + 500, y + 500, x, y)
    path = write_vector(tmp_path / "a.geojson", [(wkt, {"PROY": "P", "SITIO": "S"})], epsg=epsg)
    run_alg(IMPORT, {"INPUT": path, "REGISTRY": str(tmp_path / "r.gpkg"),
                     "FIELD_MAPPING": "initiative_title=PROY;site_name=SITIO"})
    with closing(sqlite3.connect(str(tmp_path / "r.gpkg"))) as conn:
        assert conn.execute("SELECT original_crs FROM restoration_areas").fetchall() == [("EPSG:%d" % epsg,)]


# --- qgis_process -------------------------------------------------------------------------------------------
def test_qgis_process_merges_several_files_and_refuses_a_bad_one(qp, run_alg, tmp_path):
    made, a, b, c = _three_files(run_alg, tmp_path)
    registry, table = tmp_path / "nacional.gpkg", tmp_path / "conflictos.csv"
    code, data, log = qp.run(IMPORT, INPUTS=[str(a), str(b), str(c)], REGISTRY=str(registry),
                             ON_CONFLICT="take-file", CONFLICTS_TABLE=str(table))
    assert code == 0, log
    results = data["results"]
    assert (results["INITIATIVES_INSERTED"], results["INITIATIVES_REPLACED"], results["CONFLICTS"],
            results["INITIATIVES_SKIPPED"]) == (3, 1, 2, 1)
    assert _rows(table)[made[1].uuid]["action"] == "took-file"
    before = dump(registry)
    truncated = next(iter(_bad_files(tmp_path, a)))
    code, _data, log = qp.run(IMPORT, INPUTS=[str(b), str(truncated)], REGISTRY=str(registry))
    assert code != 0 and str(truncated) in log and "is damaged" in log and "Traceback" not in log
    assert dump(registry) == before
