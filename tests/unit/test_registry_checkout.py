"""Offline check-out of a PostGIS registry into a GeoPackage registry and check-in by uuid and revision."""

import copy

import pytest

from t2restore.registry import checkout, samples
from t2restore.registry.errors import RegistryExistsError
from t2restore.registry.store import create_registry, open_registry


def _initiative(n, department, ubigeo):
    ini = samples.sample_initiative(n, areas=2, monitoring=1)
    for area in ini.areas:
        area.department, area.ubigeo = department, ubigeo
    return ini


@pytest.fixture
def shared(pg_registry_dsn):
    with open_registry(pg_registry_dsn) as store:
        made = [_initiative(n, *(("Cusco", "080101") if n < 3 else ("Junín", "120101"))) for n in range(5)]
        for ini in made:
            store.save_initiative(ini)
        yield store, made


def test_check_out_a_department_edit_offline_and_check_in(shared, tmp_path):
    store, made = shared
    copy_path = tmp_path / "campo.gpkg"
    assert checkout.check_out(store, copy_path, department="cusco") == 3
    with pytest.raises(RegistryExistsError):
        checkout.check_out(store, copy_path, department="cusco")
    with open_registry(copy_path) as local:
        assert sorted(s.uuid for s in local.list_initiatives()) == sorted(i.uuid for i in made[:3])
        assert local.get_initiative(made[0].uuid) == store.get_initiative(made[0].uuid)
        # in the field: edit 0 and 1, create a new one
        field0 = local.get_initiative(made[0].uuid)
        field0.title = "editado en campo"
        local.save_initiative(field0)
        field1 = local.get_initiative(made[1].uuid)
        field1.description = "campo: nueva descripción"
        local.save_initiative(field1)
        created = _initiative(9, "Cusco", "080101")
        local.save_initiative(created)
    # meanwhile in the office: initiative 1 changes on the server too, 2 is untouched
    office = store.get_initiative(made[1].uuid)
    office.description = "oficina: otra descripción"
    store.save_initiative(office)
    before2 = store.get_initiative(made[2].uuid)
    result = checkout.check_in(copy_path, store)
    assert sorted(result.replaced) == [made[0].uuid] and result.inserted == [created.uuid]
    assert [(c.uuid, c.fields, c.resolution) for c in result.conflicts] == [
        (made[1].uuid, ["description"], "kept registry")
    ]
    assert store.get_initiative(made[0].uuid).title == "editado en campo"
    assert store.get_initiative(made[1].uuid).description == "oficina: otra descripción"  # nothing overwritten
    assert store.get_initiative(made[2].uuid) == before2
    assert store.get_initiative(created.uuid).title == created.title
    # a second check-in changes nothing more
    again = checkout.check_in(copy_path, store)
    assert again.inserted == [] and again.replaced == [] and len(again.conflicts) == 1


def test_check_out_an_institution_and_refuse_a_plain_registry(shared, tmp_path):
    store, made = shared
    store.set_owner([made[3].uuid], "SERNANP")
    assert checkout.check_out(store, tmp_path / "sernanp.gpkg", institution="SERNANP") == 1
    with pytest.raises(checkout.NothingToCheckOutError):
        checkout.check_out(store, tmp_path / "nadie.gpkg", institution="NADIE")
    assert not (tmp_path / "nadie.gpkg").exists()
    create_registry(tmp_path / "plain.gpkg").close()
    with pytest.raises(checkout.NotACheckoutError):
        checkout.check_in(tmp_path / "plain.gpkg", store)


def test_check_in_replace_and_server_deletion(shared, tmp_path):
    store, made = shared
    copy_path = tmp_path / "c.gpkg"
    checkout.check_out(store, copy_path, department="Junín")
    with open_registry(copy_path) as local:
        for uuid in (made[3].uuid, made[4].uuid):
            ini = local.get_initiative(uuid)
            ini.title = "campo " + ini.title
            local.save_initiative(ini)
    server = copy.deepcopy(store.get_initiative(made[3].uuid))
    server.title = "oficina"
    store.save_initiative(server)
    store.delete_initiative(made[4].uuid)
    result = checkout.check_in(copy_path, store, on_conflict="replace")
    assert {(c.uuid, c.resolution) for c in result.conflicts} == {
        (made[3].uuid, "replaced"),
        (made[4].uuid, "skipped"),
    }
    assert store.get_initiative(made[3].uuid).title.startswith("campo ")
    assert store.get_initiative(made[4].uuid) is None


def _layers(path):
    """Every layer of a GeoPackage as sorted rows (attributes and geometry WKB), times of writing left out."""
    from osgeo import ogr

    ds = ogr.Open(str(path))
    out = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        rows = []
        for feature in layer:
            items = {k: v for k, v in feature.items().items() if k != "applied_at"}
            if "export_time" in items.values():
                continue
            geom = feature.GetGeometryRef()
            rows.append((sorted((k, repr(v)) for k, v in items.items()), geom.ExportToIsoWkb() if geom else None))
        out[layer.GetName()] = sorted(rows, key=repr)
    return out


def test_ferm_export_from_postgis_equals_the_export_of_its_checked_out_copy(shared, tmp_path):
    from t2restore.registry.ferm import export_ferm

    store, made = shared
    copy_path = tmp_path / "copia.gpkg"
    checkout.check_out(store, copy_path)  # no department: everything
    export_ferm(store, tmp_path / "desde_postgis.gpkg", gef_table=True)
    with open_registry(copy_path) as local:
        export_ferm(local, tmp_path / "desde_copia.gpkg", gef_table=True)
    a, b = _layers(tmp_path / "desde_postgis.gpkg"), _layers(tmp_path / "desde_copia.gpkg")
    assert sorted(a) == sorted(b) and len(a["restoration_areas"]) == 10
    for name in a:
        assert a[name] == b[name], name
