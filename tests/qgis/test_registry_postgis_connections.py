"""PostGIS registries named by QGIS's saved PostgreSQL connections, credentials from the auth database."""

import pytest

from t2restore.processing.registry_init import RegistryInitAlgorithm


@pytest.fixture
def saved_connection(plugin, pg_cluster, pg_database):
    """A saved connection 'Registro nacional' whose user and password live only in QGIS's auth db."""
    from pg import save_qgis_connection

    pg_cluster.login_role("t2r_qgis_admin", "clave'secreta")
    pg_cluster.sql("ALTER ROLE t2r_qgis_admin CREATEROLE")
    pg_cluster.sql("GRANT CREATE ON DATABASE %s TO t2r_qgis_admin" % pg_database)
    remove = save_qgis_connection("Registro nacional", pg_cluster, pg_database, "t2r_qgis_admin", "clave'secreta")
    yield "Registro nacional"
    remove()


def test_registry_init_and_open_by_saved_connection_name(saved_connection, run_alg, plugin):
    from qgis.core import QgsSettings

    from t2restore.registry import samples
    from t2restore.registry.store import open_registry

    result = run_alg("t2restore:registry_init", {RegistryInitAlgorithm.CONNECTION: saved_connection})
    assert result[RegistryInitAlgorithm.CREATED] is True
    with open_registry(saved_connection) as store:
        assert store.capabilities().role == "t2r_qgis_admin" and store.capabilities().admin
        store.save_initiative(samples.sample_initiative(1))
        assert store.count_initiatives() == 1
        assert "clave" not in store.location and "password" not in store.layer_uri()
    settings = QgsSettings()
    stored = " ".join(str(settings.value(k)) for k in settings.allKeys() if "Registro nacional" in k)
    assert "clave" not in stored  # the password is only in the auth database


@pytest.fixture
def shared_registry(plugin):
    """A PostGIS registry of 3 sample initiatives (2 areas each); its connection string."""
    from pg import postgis_database

    return postgis_database(None, "shared", initiatives=3)


def test_export_ferm_from_a_postgis_registry_with_a_filter(shared_registry, run_alg, tmp_path):
    from osgeo import ogr

    from t2restore.processing.export_ferm import ExportFermAlgorithm as Alg

    result = run_alg("t2restore:export_ferm", {
        Alg.REGISTRY: shared_registry, Alg.FILTER: "\"title\" LIKE '%001%'", Alg.OUTPUT: str(tmp_path / "f.gpkg")})
    assert result[Alg.INITIATIVES] == 1 and result[Alg.AREAS_EXPORTED] == 2
    ds = ogr.Open(result[Alg.OUTPUT])
    assert [f.GetField("title") for f in ds.GetLayerByName("initiatives")] == ["Iniciativa 001 de restauración"]


def test_export_ferm_from_postgis_through_qgis_process(shared_registry, qp, tmp_path):
    from t2restore.processing.export_ferm import ExportFermAlgorithm as Alg

    code, data, log = qp.run("t2restore:export_ferm", **{Alg.REGISTRY: shared_registry,
                                                         Alg.OUTPUT: str(tmp_path / "f.gpkg")})
    assert code == 0, log
    assert data["results"][Alg.INITIATIVES] == 3 and data["results"][Alg.AREAS_EXPORTED] == 6


def test_import_initiatives_into_a_postgis_registry(shared_registry, run_alg, tmp_path):
    import json

    from rasters import write_polygons

    from t2restore.processing.import_initiatives import ImportInitiativesAlgorithm as Alg
    from t2restore.registry.store import open_registry

    squares = [("Bosque de Ñuñoa", "POLYGON((-75.0 -12.0,-74.99 -12.0,-74.99 -11.99,-75.0 -11.99,-75.0 -12.0))"),
               ("Bosque de Ñuñoa", "POLYGON((-75.1 -12.0,-75.09 -12.0,-75.09 -11.99,-75.1 -11.99,-75.1 -12.0))")]
    source = write_polygons(tmp_path / "parcelas.gpkg", squares, epsg=4326, field="PROYECTO", layer="parcelas")
    result = run_alg("t2restore:import_initiatives", {
        Alg.INPUT: source, Alg.REGISTRY: shared_registry,
        Alg.FIELD_MAPPING: json.dumps({"initiative_title": "PROYECTO"})})
    assert result[Alg.INITIATIVES_CREATED] == 1 and result[Alg.AREAS] == 2
    with open_registry(shared_registry) as store:
        assert store.count_initiatives() == 4  # the 3 samples and the new one
        titles = [s.title for s in store.list_initiatives()]
        assert "Bosque de Ñuñoa" in titles
