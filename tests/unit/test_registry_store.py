"""GeoPackage registry store: round trips, transactions, locking, search and filters."""

import copy
import sqlite3
from contextlib import closing

import pytest
from fixtures.hostile import TRICKY_TEXT
from osgeo import ogr

from t2restore.algorithms.geometry import ellipsoidal_area_ha
from t2restore.registry import samples
from t2restore.registry.model import Initiative, InitiativeFilter, MonitoringValue, Organization
from t2restore.registry.store import (
    AreaOwnerConflictError,
    ConflictError,
    RegistryError,
    RegistryLockedError,
    UnsupportedBackendError,
    create_registry,
    open_registry,
)


@pytest.fixture
def gpkg_registry(tmp_path):
    store = create_registry(tmp_path / "registro ñ.gpkg", busy_timeout=0.5)
    yield store
    store.close()


@pytest.fixture(params=["gpkg", "postgis"])
def registry(request, tmp_path):
    """The same tests against both homes: a GeoPackage file and a real PostGIS database (tests/pg.py)."""
    if request.param == "gpkg":
        store = create_registry(tmp_path / "registro ñ.gpkg", busy_timeout=0.5)
    else:
        store = open_registry(request.getfixturevalue("pg_registry_dsn"), busy_timeout=5)
    yield store
    store.close()


def test_save_and_read_back_everything(registry):
    ini = samples.sample_initiative(1, areas=3, monitoring=2)
    original = copy.deepcopy(ini)
    registry.save_initiative(ini)
    assert ini.revision == 1 and ini.created_at and ini.updated_at
    got = registry.get_initiative(ini.uuid)
    assert got == ini
    # everything the caller gave is kept; only bookkeeping and computed hectares were added
    for name in ("title", "objectives", "keywords", "organizations", "contacts"):
        assert getattr(got, name) == getattr(original, name)
    assert [a.monitoring for a in got.areas] == [a.monitoring for a in original.areas]
    for area in got.areas:
        expected = ellipsoidal_area_ha(area.geometry())
        assert area.area_ha == pytest.approx(expected, abs=1e-4) and area.area_ha > 100
    assert registry.get_initiative("no-such-uuid") is None


def test_unicode_quotes_semicolons_and_injection_round_trip(registry):
    tricky = TRICKY_TEXT
    ini = samples.sample_initiative(2)
    ini.title = tricky
    ini.description = tricky + "\nsegunda línea\ttab"
    ini.keywords = [tricky, "queñua", "o'higgins"]
    ini.organizations.append(Organization(name=tricky, acronym="Ñ;'\"", org_type=0, role=2))
    ini.contacts[0].name = "José Ñahui O'Connor"
    ini.areas[0].site_name = tricky
    ini.areas[0].department = "Junín'; DELETE FROM restoration_areas; --"
    ini.areas[0].monitoring.append(MonitoringValue(indicator="x", unit="%", date="2024-01-01", value=1.0, note=tricky))
    registry.save_initiative(ini)
    other = samples.sample_initiative(3)
    registry.save_initiative(other)
    got = registry.get_initiative(ini.uuid)
    assert got == ini
    assert got.title == tricky and got.keywords[0] == tricky and got.areas[0].monitoring[-1].note == tricky
    assert registry.count_initiatives() == 2
    # search text is data, never SQL, and LIKE wildcards are literal
    assert registry.list_initiatives(InitiativeFilter(text="'; DROP TABLE initiatives; --")) == []
    assert [s.uuid for s in registry.list_initiatives(InitiativeFilter(text="100%"))] == [ini.uuid]
    assert [s.uuid for s in registry.list_initiatives(InitiativeFilter(text="_x_"))] == [ini.uuid]
    assert [s.uuid for s in registry.list_initiatives(InitiativeFilter(department=ini.areas[0].department))] == [
        ini.uuid
    ]
    assert registry.count_initiatives() == 2


def test_failed_save_rolls_back_everything(registry):
    ini = samples.sample_initiative(4, areas=2)
    registry.save_initiative(ini)
    before = registry.get_initiative(ini.uuid)
    edited = copy.deepcopy(before)
    edited.title = "cambiado"
    edited.areas = edited.areas[:1] + [samples.sample_area(-75.5, -11.5, site="nuevo")]

    def explode(fraction):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        registry.save_initiative(edited, progress=explode)
    assert registry.get_initiative(ini.uuid) == before
    assert edited.revision == before.revision  # the caller's object is not marked saved
    registry.save_initiative(edited)  # and the same object can then be saved
    assert registry.get_initiative(ini.uuid).title == "cambiado"
    assert len(registry.list_areas([ini.uuid])) == 2


def test_stale_revision_is_a_conflict_not_a_lost_update(registry):
    ini = samples.sample_initiative(5)
    registry.save_initiative(ini)
    first, second = registry.get_initiative(ini.uuid), registry.get_initiative(ini.uuid)
    first.title = "editado por A"
    registry.save_initiative(first)
    second.title = "editado por B"
    with pytest.raises(ConflictError) as err:
        registry.save_initiative(second)
    assert "editado por B" in err.value.message()
    assert registry.get_initiative(ini.uuid).title == "editado por A"
    with pytest.raises(ConflictError):
        registry.delete_initiative(ini.uuid, expected_revision=1)


def test_area_cannot_belong_to_two_initiatives(registry):
    a = samples.sample_initiative(6)
    registry.save_initiative(a)
    b = samples.sample_initiative(7)
    b.areas.append(copy.deepcopy(a.areas[0]))
    with pytest.raises(AreaOwnerConflictError):
        registry.save_initiative(b)
    assert registry.get_initiative(b.uuid) is None


def test_delete_removes_children(gpkg_registry):
    registry = gpkg_registry
    ini = samples.sample_initiative(8)
    registry.save_initiative(ini)
    keep = samples.sample_initiative(9)
    registry.save_initiative(keep)
    assert registry.delete_initiative(ini.uuid, expected_revision=1)
    assert not registry.delete_initiative(ini.uuid)
    with closing(sqlite3.connect(registry.location)) as conn:
        counts = [
            conn.execute(q).fetchone()[0]
            for q in (
                "SELECT count(*) FROM organizations",
                "SELECT count(*) FROM contacts",
                "SELECT count(*) FROM restoration_areas",
                "SELECT count(*) FROM monitoring_values",
                "SELECT count(*) FROM rtree_restoration_areas_geom",
            )
        ]
    assert counts == [2, 1, 2, 2, 2]
    assert registry.get_initiative(keep.uuid) == keep


def test_locked_registry_gives_a_clear_error_and_changes_nothing(gpkg_registry):
    registry = gpkg_registry
    ini = samples.sample_initiative(10)
    registry.save_initiative(ini)
    blocker = sqlite3.connect(registry.location, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        ini.title = "no debe guardarse"
        with pytest.raises(RegistryLockedError) as err:
            registry.save_initiative(ini)
        assert registry.location in err.value.message()
        with pytest.raises(RegistryLockedError):
            registry.list_initiatives()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert registry.get_initiative(ini.uuid).title != "no debe guardarse"
    assert ini.revision == 1


def test_filters_order_and_paging(registry):
    made = []
    for n in range(6):
        ini = samples.sample_initiative(n)
        ini.title = ["Ñandú", "alfa", "Beta", "ábaco", "gamma", "delta"][n]
        ini.restoration_status = 1 if n % 2 else 2
        for area in ini.areas:
            area.department = "Cusco" if n < 2 else "Junín"
            area.ubigeo = "080101" if n < 2 else "120101"
            area.national_gap = ["MINAM", "SERFOR", "BOTH", "NONE", "MINAM", "SERFOR"][n]
            area.ecosystems = ["TF1"] if n == 5 else ["T1"]
        registry.save_initiative(ini)
        made.append(ini)
    titles = [s.title for s in registry.list_initiatives()]
    assert titles == ["ábaco", "alfa", "Beta", "delta", "gamma", "Ñandú"]
    assert [s.title for s in registry.list_initiatives(limit=2, offset=1)] == ["alfa", "Beta"]
    assert registry.count_initiatives(InitiativeFilter(department="cusco")) == 2
    assert registry.count_initiatives(InitiativeFilter(department="08")) == 2
    assert registry.count_initiatives(InitiativeFilter(restoration_status=1)) == 3
    # an area in "both" gaps counts for MINAM and for SERFOR
    assert registry.count_initiatives(InitiativeFilter(national_gap="MINAM")) == 3
    assert registry.count_initiatives(InitiativeFilter(national_gap="NONE")) == 1
    assert [s.uuid for s in registry.list_initiatives(InitiativeFilter(ecosystem="TF1"))] == [made[5].uuid]
    assert registry.count_initiatives(InitiativeFilter(text="NANDU")) == 1
    assert registry.count_initiatives(InitiativeFilter(uuids=[made[0].uuid, made[1].uuid], restoration_status=2)) == 1
    registry.set_validation_results({made[2].uuid: "errors"}, {made[2].areas[0].uuid: ["outside_peru"]})
    assert [s.uuid for s in registry.list_initiatives(InitiativeFilter(validation_state="errors"))] == [made[2].uuid]
    assert registry.get_initiative(made[2].uuid).areas[0].validation_flags == ["outside_peru"]
    assert registry.get_initiative(made[2].uuid).revision == 1  # validation does not bump revisions
    summary = registry.list_initiatives(InitiativeFilter(text="ábaco"))[0]
    assert summary.area_count == 2 and summary.area_ha > 200 and summary.departments == ["Junín"]
    assert registry.distinct_values("department") == ["Cusco", "Junín"]


def test_file_stays_a_normal_geopackage_for_ogr(gpkg_registry):
    registry = gpkg_registry
    ini = samples.sample_initiative(11, areas=3)
    registry.save_initiative(ini)
    moved = registry.get_initiative(ini.uuid)
    moved.areas[2].set_geometry(samples.square(-74.0, -12.5, 0.01))
    registry.save_initiative(moved)
    ds = ogr.Open(registry.location)
    layer = ds.GetLayerByName("restoration_areas")
    assert layer.GetFeatureCount() == 3
    assert layer.GetGeomType() == ogr.wkbMultiPolygon
    layer.SetSpatialFilterRect(-74.01, -12.51, -73.98, -12.48)  # uses the R-tree
    assert [f.GetField("uuid") for f in layer] == [moved.areas[2].uuid]
    minx, _, miny, _ = moved.areas[0].geometry().GetEnvelope()
    _, maxx, _, maxy = moved.areas[1].geometry().GetEnvelope()
    layer.SetSpatialFilterRect(minx, miny, maxx, maxy)
    assert sorted(f.GetField("uuid") for f in layer) == sorted(a.uuid for a in moved.areas[:2])
    ds = None
    assert registry.layer_uri().endswith("|layername=restoration_areas")


def test_open_errors(tmp_path):
    with pytest.raises(RegistryError):
        open_registry(tmp_path / "missing.gpkg")
    create_registry(tmp_path / "r.gpkg").close()
    with pytest.raises(RegistryError):
        create_registry(tmp_path / "r.gpkg")
    with pytest.raises(UnsupportedBackendError):  # a PostGIS registry is initialized, not created by opening
        open_registry("PG:dbname=registro", create=True)
    store = open_registry(tmp_path / "r.gpkg")
    assert store.schema_version() == 1
    store.save_initiative(Initiative(title="mínima"))
    assert store.count_initiatives() == 1
    store.close()
