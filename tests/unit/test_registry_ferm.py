"""FERM-compatible GeoPackage export and import."""

import csv
import json
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest
from fixtures.hostile import TRICKY_TEXT
from osgeo import ogr

import t2restore
from t2restore.algorithms.errors import Cancelled
from t2restore.registry import ferm, samples, vocab
from t2restore.registry.ferm_layers import FLAT_FIELDS, GEF_FIELDS
from t2restore.registry.store import create_registry

VALIDATOR = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"
# Tables whose content legitimately changes between two exports (times, history).
VOLATILE = ("gpkg_contents", "gpkg_metadata", "gpkg_metadata_reference", "t2r_export_metadata", "t2r_schema_version")


def _dump(path):
    """Every row of every table as SQL text, except the volatile bookkeeping tables."""
    with closing(sqlite3.connect(str(path))) as conn:
        lines = list(conn.iterdump())
    return [line for line in lines if not any(('"%s"' % t) in line.split(" VALUES")[0] for t in VOLATILE)]


@pytest.fixture
def source(tmp_path):
    """A registry with 3 valid initiatives, one with a refused area and one refused entirely."""
    store = create_registry(tmp_path / "registro.gpkg")
    made = [samples.sample_initiative(n) for n in (1, 2, 3)]
    made[0].title = TRICKY_TEXT
    made[0].areas[0].site_name = TRICKY_TEXT
    partial = samples.sample_initiative(4)
    partial.areas[1].set_geometry(samples.square(-60.0, -3.0, 0.01))  # Manaus: refused
    untitled = samples.sample_initiative(5)
    untitled.title = ""  # missing required field: the whole initiative is refused
    for ini in made + [partial, untitled]:
        store.save_initiative(ini)
    yield store, made, partial, untitled
    store.close()


def test_export_is_a_valid_ferm_compatible_geopackage(source, tmp_path):
    store, made, partial, untitled = source
    out = tmp_path / "exportación ferm.gpkg"
    fractions = []
    result = ferm.export_ferm(store, out, gef_table=True, progress=fractions.append)
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)
    run = subprocess.run([sys.executable, VALIDATOR, str(out)], capture_output=True, text=True)
    assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr
    info = subprocess.run(["ogrinfo", "-ro", "-so", str(out)], capture_output=True, text=True)
    assert info.returncode == 0
    for expected in (
        "restoration_areas (Multi Polygon)",
        "ferm_public_areas (Multi Polygon)",
        "gef_areas (Multi Polygon)",
        "initiatives (None)",
        "lk_activities (None)",
    ):
        assert expected in info.stdout
    assert sorted(result.areas_refused) == sorted([partial.areas[1].uuid] + [a.uuid for a in untitled.areas])
    assert len(result.areas_exported) == 7 and untitled.uuid not in result.initiatives_exported
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["registro.gpkg", out.name, "exportación ferm.validation.json", "exportación ferm.validation.csv"]
    )

    ds = ogr.Open(str(out))
    for name in ("restoration_areas", "ferm_public_areas", "gef_areas"):
        layer = ds.GetLayerByName(name)
        assert layer.GetGeomType() == ogr.wkbMultiPolygon and layer.GetFeatureCount() == 7
        assert layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
        for feat in layer:
            geom = feat.GetGeometryRef()
            assert geom.GetCoordinateDimension() == 2 and geom.IsValid()
    flat = ds.GetLayerByName("ferm_public_areas")
    defn = flat.GetLayerDefn()
    assert [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())] == [n for n, _ in FLAT_FIELDS]
    gef_defn = ds.GetLayerByName("gef_areas").GetLayerDefn()
    assert [gef_defn.GetFieldDefn(i).GetName() for i in range(gef_defn.GetFieldCount())] == [n for n, _ in GEF_FIELDS]
    flat.SetAttributeFilter(None)
    row = {f.GetField("uuid"): f for f in flat}[made[0].areas[0].uuid]
    assert row.GetField("projectTitle") == TRICKY_TEXT
    assert row.GetField("ecosystems") == "T1 - Tropical-subtropical forests biome"
    assert row.GetField("biophysicalActivities") == "Assisted natural regeneration;Tree planting"
    assert row.GetField("enablingActivities") == "On-site trainings"
    assert row.GetField("restorationStatus") == "In progress" and row.GetField("countries") == "Peru"
    metadata = ds.GetMetadata()
    assert metadata["schema_version"] == "1" and metadata["vocabulary_version"] == vocab.version()
    assert "EPSG:6933" in metadata["area_method"] and metadata["export_time"]
    ds = None

    with closing(sqlite3.connect(str(out))) as conn:
        eco, acts, rtypes = conn.execute(
            "SELECT ecosystems, activities, restoration_types FROM restoration_areas WHERE uuid = ?",
            (made[1].areas[0].uuid,),
        ).fetchone()
        assert (eco, acts, rtypes) == ('["T1"]', "[4,6,42]", "[1]")
        assert conn.execute(
            "SELECT typeof(restoration_status), restoration_status FROM initiatives WHERE uuid = ?", (made[1].uuid,)
        ).fetchone() == ("integer", 2)
        assert (
            conn.execute("SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'").fetchone()[0]
            == 3
        )
        assert conn.execute("SELECT count(*) FROM gpkg_metadata").fetchone()[0] >= 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_validation_report_beside_the_file(source, tmp_path):
    store, made, partial, untitled = source
    out = tmp_path / "ferm.gpkg"
    result = ferm.export_ferm(store, out, translate=lambda s: s.replace("Area", "Área"))
    report = json.loads(Path(result.report_json).read_text(encoding="utf-8"))
    assert report["summary"]["areas_exported"] == 7 and report["summary"]["areas_refused"] == 3
    assert report["summary"]["initiatives_refused"] == [untitled.uuid]
    refused = {r["area_uuid"]: r for r in report["refused_areas"]}
    assert [f["rule"] for f in refused[partial.areas[1].uuid]["reasons"]] == ["outside_peru"]
    assert refused[partial.areas[1].uuid]["reasons"][0]["message"].startswith("Área")
    assert [f["rule"] for f in refused[untitled.areas[0].uuid]["reasons"]] == ["missing_required"]
    with open(result.report_csv, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    outside = [r for r in rows if r["rule"] == "outside_peru"]
    assert len(outside) == 1 and outside[0]["area_exported"] == "no"
    assert outside[0]["initiative_title"] == partial.title


def test_export_import_export_is_identical_and_lossless(source, tmp_path):
    store, made, partial, untitled = source
    first = tmp_path / "primera.gpkg"
    ferm.export_ferm(store, first, gef_table=True)
    with create_registry(tmp_path / "otro registro.gpkg") as other:
        result = ferm.import_ferm(first, other)
        assert sorted(result.inserted) == sorted(i.uuid for i in made + [partial])
        assert result.conflicts == [] and result.replaced == []
        second = tmp_path / "segunda.gpkg"
        ferm.export_ferm(other, second, gef_table=True)
        for ini in made:
            copy_ = other.get_initiative(ini.uuid)
            original = store.get_initiative(ini.uuid)
            assert ferm.content(copy_) == ferm.content(original)
            assert (copy_.revision, copy_.created_at, copy_.updated_at) == (
                original.revision,
                original.created_at,
                original.updated_at,
            )
            assert [a.geometry_wkb for a in copy_.areas] == [a.geometry_wkb for a in original.areas]
        again = ferm.import_ferm(second, other)
        assert sorted(again.unchanged) == sorted(result.inserted) and not again.inserted
    assert _dump(first) == _dump(second)
    assert len(_dump(first)) > 200


def test_import_reports_conflicts_and_merges_by_uuid(source, tmp_path):
    store, made, partial, untitled = source
    out = tmp_path / "ferm.gpkg"
    ferm.export_ferm(store, out)
    # the registry still has the refused area of `partial`, so that initiative differs
    result = ferm.import_ferm(out, store)
    assert sorted(result.unchanged) == sorted(i.uuid for i in made)
    assert [(c.uuid, c.fields, c.resolution) for c in result.conflicts] == [(partial.uuid, ["areas"], "kept registry")]
    assert len(store.get_initiative(partial.uuid).areas) == 2
    replaced = ferm.import_ferm(out, store, on_conflict="replace")
    assert replaced.replaced == [partial.uuid]
    now = store.get_initiative(partial.uuid)
    assert [a.uuid for a in now.areas] == [partial.areas[0].uuid] and now.revision == partial.revision + 1
    # an incoming area that belongs to another initiative here skips its initiative
    with create_registry(tmp_path / "c.gpkg") as third:
        squatter = samples.sample_initiative(9, areas=0)
        squatter.areas.append(store.get_initiative(made[1].uuid).areas[0])
        third.save_initiative(squatter)
        merged = ferm.import_ferm(out, third)
        assert [(c.uuid, c.resolution) for c in merged.conflicts] == [(made[1].uuid, "skipped")]
        assert third.get_initiative(made[1].uuid) is None
        assert third.count_initiatives() == 4


def test_upload_limit_warning_above_fifty_features(tmp_path):
    with create_registry(tmp_path / "r.gpkg") as store:
        for n in range(26):
            store.save_initiative(samples.sample_initiative(n, areas=2, monitoring=0))
        uuids = [s.uuid for s in store.list_initiatives()]
        big = ferm.export_ferm(store, tmp_path / "todo.gpkg")
        assert [f.rule for f in big.file_findings] == ["ferm_upload_limit"]
        assert big.file_findings[0].params == {"count": 52, "limit": 50}
        with open(big.report_csv, encoding="utf-8", newline="") as handle:
            assert any(r["rule"] == "ferm_upload_limit" for r in csv.DictReader(handle))
        small = ferm.export_ferm(store, tmp_path / "parte.gpkg", uuids=uuids[:25])
        assert small.file_findings == [] and len(small.areas_exported) == 50


def test_cancelled_export_keeps_the_previous_file(source, tmp_path):
    store = source[0]
    out = tmp_path / "ferm.gpkg"
    out.write_bytes(b"previous export")
    calls = []

    def cancel_late():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        ferm.export_ferm(store, out, is_cancelled=cancel_late)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ferm.gpkg", "registro.gpkg"]


def test_works_with_gdal_exceptions_enabled(tmp_path):
    """QGIS 3.40 / GDAL 3.10 setups may run with GDAL exceptions on: the same code must work."""
    script = "import sys\nsys.path.insert(0, %r)\n" % str(Path(t2restore.__file__).parent.parent) + textwrap.dedent("""
        from osgeo import gdal, ogr, osr
        gdal.UseExceptions(); ogr.UseExceptions(); osr.UseExceptions()
        from t2restore.registry import ferm, samples
        from t2restore.registry.store import create_registry
        from t2restore.registry.validate import repair_geometry, validate_store
        store = create_registry(sys.argv[1] + "/r.gpkg")
        ini = samples.sample_initiative(1, areas=3)  # the third area exportable: nothing exportable fails
        ini.areas[0].set_geometry(ogr.CreateGeometryFromWkt(
            "POLYGON((-75.2 -11.8,-75.19 -11.79,-75.19 -11.8,-75.2 -11.79,-75.2 -11.8))"))
        ini.areas[1].set_geometry(samples.square(-60.0, -3.0, 0.01))
        store.save_initiative(ini)
        rules = sorted({f.rule for f in validate_store(store).findings})
        assert repair_geometry(ini.areas[0].geometry()).is_valid
        result = ferm.export_ferm(store, sys.argv[1] + "/out.gpkg")
        other = create_registry(sys.argv[1] + "/b.gpkg")
        print(rules, len(result.areas_refused), ferm.import_ferm(result.path, other).inserted == [ini.uuid])
    """)
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "['invalid_geometry', 'outside_peru'] 2 True"
