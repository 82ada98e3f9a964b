"""Migration of a PostGIS registry from schema version 1 (one ``t2restore.lookups`` table) to version 2
(one lookup table per vocabulary, as the GeoPackage), against a real server (tests/pg.py). Version 1 is
built from its frozen DDL (tests/fixtures/pg_registry_v1.sql), exactly as version 1 created it.
"""

import psycopg2
import pytest
from pg import build_v1_registry

from t2restore.registry import pg_migrations, pg_schema, samples, vocab
from t2restore.registry.store import initialize_postgis, open_registry

_LOOKUP_ROWS = "SELECT vocabulary, code, label_en, label_es, parent_code, selectable FROM t2restore.lookups"
_SCHEMA_COLUMNS = (
    "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') "
    "FROM information_schema.columns WHERE table_schema = 't2restore' ORDER BY 1, 2"
)
_GRANTS = (
    "SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants "
    "WHERE table_schema = 't2restore' AND grantee LIKE 't2r\\_%' ORDER BY 1, 2, 3"
)
_KEYS = (
    "SELECT tc.table_name, tc.constraint_type, kcu.column_name FROM information_schema.table_constraints tc "
    "JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
    "AND kcu.table_schema = tc.table_schema WHERE tc.table_schema = 't2restore' ORDER BY 1, 2, 3"
)


def _rows(dsn, statement, params=None):
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute(statement, params)
            return cur.fetchall() if cur.description else cur.rowcount
    finally:
        conn.commit()
        conn.close()


@pytest.fixture
def v1_dsn(pg_cluster, pg_database):
    return build_v1_registry(pg_cluster.dsn(pg_database))


def _fill(dsn):
    """Initiatives, areas and audit rows written through the store into the version-1 registry,
    plus lookup rows an administrator added or changed by hand."""
    with open_registry(dsn, migrate=False) as store:
        assert store.schema_version() == 1
        made = [store.save_initiative(samples.sample_initiative(n, areas=2)) for n in range(3)]
        made[0].title = "cambiada 'dos' veces; DROP TABLE x"
        store.save_initiative(made[0])
        store.delete_initiative(made[2].uuid)
    _rows(dsn, "INSERT INTO t2restore.lookups VALUES ('restorationStatuses', '99', 'Paused', 'En pausa', NULL, true)")
    _rows(dsn, "INSERT INTO t2restore.lookups VALUES ('departments', 'Mar de Grau', 'Sea', 'Mar', NULL, false)")
    _rows(dsn, "UPDATE t2restore.lookups SET label_es = 'Etiqueta propia' WHERE vocabulary = 'units' AND code = %s",
          (str(vocab.get("units").entries[0].code),))


def test_a_version_1_registry_migrates_with_every_row_and_revision(v1_dsn, pg_cluster):
    _fill(v1_dsn)
    with open_registry(v1_dsn, migrate=False) as store:
        before = store.get_initiatives()
    audit_before = _rows(v1_dsn, "SELECT id, table_name, action, row_uuid FROM t2restore.audit ORDER BY id")
    lookups_before = sorted(_rows(v1_dsn, _LOOKUP_ROWS))
    assert len(before) == 2 and len(audit_before) > 10

    with open_registry(v1_dsn) as store:
        assert store.schema_version() == 2
        after = store.get_initiatives()
    assert after == before and [i.revision for i in after] == [i.revision for i in before]
    assert _rows(v1_dsn, "SELECT id, table_name, action, row_uuid FROM t2restore.audit ORDER BY id") == audit_before
    versions = _rows(v1_dsn, "SELECT version, note FROM t2restore.schema_version ORDER BY version")
    assert versions == [(1, "created"), (2, "migrated from version 1")]
    # every old row is in its vocabulary's table (read back through the compatibility view too)
    assert sorted(_rows(v1_dsn, _LOOKUP_ROWS)) == lookups_before
    assert _rows(v1_dsn, "SELECT label_en, selectable FROM t2restore.lk_restoration_statuses WHERE code = 99") == [
        ("Paused", True)]
    assert _rows(v1_dsn, "SELECT label_es FROM t2restore.lk_departments WHERE code = 'Mar de Grau'") == [("Mar",)]
    units = _rows(v1_dsn, "SELECT label_es FROM t2restore.lk_units WHERE code = %s",
                  (vocab.get("units").entries[0].code,))
    assert units == [("Etiqueta propia",)]
    for name, table in vocab.LOOKUP_TABLES.items():
        count = _rows(v1_dsn, "SELECT count(*) FROM t2restore.%s" % table)[0][0]  # nosec B608
        assert count == sum(1 for row in lookups_before if row[0] == name), name
    assert _rows(v1_dsn, "SELECT relkind FROM pg_class WHERE oid = 't2restore.lookups'::regclass") == [("v",)]


def test_a_migrated_registry_has_the_schema_of_a_new_one(v1_dsn, pg_cluster):
    fresh = pg_cluster.dsn(pg_cluster.new_database())
    try:
        assert initialize_postgis(fresh) is None
        assert _rows(fresh, "SELECT version, note FROM t2restore.schema_version") == [(2, "created")]
        open_registry(v1_dsn).close()
        for query in (_SCHEMA_COLUMNS, _GRANTS, _KEYS):
            assert _rows(v1_dsn, query) == _rows(fresh, query)
        assert len(_rows(fresh, "SELECT 1 FROM pg_tables WHERE schemaname = 't2restore' AND tablename LIKE 'lk\\_%'")) \
            == len(vocab.LOOKUP_TABLES)
    finally:
        pg_cluster.drop_database(fresh.split("dbname=")[1].split()[0])


def test_a_failing_migration_rolls_back_completely(v1_dsn):
    _fill(v1_dsn)
    # an object with the name of a version-2 table, created beforehand, makes the migration fail half-way
    _rows(v1_dsn, "CREATE TABLE t2restore.lk_units (anything integer)")
    lookups_before = sorted(_rows(v1_dsn, _LOOKUP_ROWS))
    with pytest.raises(pg_migrations.PgMigrationError) as err:
        open_registry(v1_dsn)
    text = str(err.value)
    assert "lk_units" in text and "version 1 to 2" in text and "still at version 1" in text
    assert "password" not in text
    assert _rows(v1_dsn, "SELECT max(version) FROM t2restore.schema_version") == [(1,)]
    assert _rows(v1_dsn, "SELECT relkind FROM pg_class WHERE oid = 't2restore.lookups'::regclass") == [("r",)]
    assert sorted(_rows(v1_dsn, _LOOKUP_ROWS)) == lookups_before
    assert _rows(v1_dsn, "SELECT to_regclass('t2restore.lk_restoration_statuses')") == [(None,)]
    with open_registry(v1_dsn, migrate=False) as store:  # still usable as version 1
        assert store.count_initiatives() == 2


def test_an_editor_cannot_migrate_and_is_told_the_owner_must(v1_dsn, pg_cluster, pg_database):
    editor = pg_cluster.login_role("t2r_mig_editor2", "pw9q", ["t2r_editor"], "SERFOR", pg_database)
    with pytest.raises(pg_migrations.PgMigrationError) as err:
        open_registry(editor)
    text = str(err.value)
    assert "permission denied for schema t2restore" in text and "registry's owner" in text
    assert "still at version 1" in text and "pw9q" not in text
    assert _rows(v1_dsn, "SELECT max(version) FROM t2restore.schema_version") == [(1,)]
    with open_registry(v1_dsn) as owner:  # the owner opens it once: migrated for everyone
        assert owner.schema_version() == 2
    with open_registry(editor) as store:
        assert store.schema_version() == 2 and store.capabilities().institution == "SERFOR"


def test_rows_no_vocabulary_table_can_hold_are_named_and_nothing_changes(v1_dsn):
    _rows(v1_dsn, "INSERT INTO t2restore.lookups VALUES ('myVocabulary', 'x1', 'X', 'X', NULL, true)")
    _rows(v1_dsn, "INSERT INTO t2restore.lookups VALUES ('restorationStatuses', 'abc', 'Bad', 'Malo', NULL, true)")
    with pytest.raises(pg_migrations.UnmovableLookupsError) as err:
        open_registry(v1_dsn)
    text = str(err.value)
    assert "myVocabulary/x1" in text and "restorationStatuses/abc" in text and "correct or delete" in text
    assert _rows(v1_dsn, "SELECT max(version) FROM t2restore.schema_version") == [(1,)]
    assert _rows(v1_dsn, "SELECT to_regclass('t2restore.lk_units')") == [(None,)]


def test_lookup_tables_are_read_by_every_role_and_changed_by_administrators_only(v1_dsn, pg_cluster, pg_database):
    open_registry(v1_dsn).close()  # migrated: the grants cover the new tables
    reader = pg_cluster.login_role("t2r_mig_reader", "r", ["t2r_reader"], dbname=pg_database)
    editor = pg_cluster.login_role("t2r_mig_editor", "e", ["t2r_editor"], "SERFOR", pg_database)
    admin = pg_cluster.login_role("t2r_mig_admin", "a", ["t2r_admin"], dbname=pg_database)
    expected = len(vocab.get("units").entries)
    for dsn in (reader, editor, admin):
        assert _rows(dsn, "SELECT count(*) FROM t2restore.lk_units")[0][0] == expected
        assert _rows(dsn, "SELECT count(*) FROM t2restore.lookups WHERE vocabulary = 'units'")[0][0] == expected
    for dsn in (reader, editor):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            _rows(dsn, "INSERT INTO t2restore.lk_units (code, label_en) VALUES ('zz', 'Z')")
    assert _rows(admin, "INSERT INTO t2restore.lk_units (code, label_en) VALUES ('zz', 'Z')") == 1


def test_a_newer_schema_is_still_refused_by_name(v1_dsn):
    _rows(v1_dsn, "INSERT INTO t2restore.schema_version (version, note) VALUES (%s, 'future')",
          (pg_schema.SCHEMA_VERSION + 1,))
    with pytest.raises(Exception) as err:
        open_registry(v1_dsn)
    assert "newer than this plugin supports" in str(err.value)
    assert _rows(v1_dsn, "SELECT to_regclass('t2restore.lk_units')") == [(None,)]
