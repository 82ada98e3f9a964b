"""PostGIS home of the registry against a real server (tests/pg.py): roles and row-level security,
audit and history, faults (credentials, unreachable server, lost connection, missing PostGIS, newer
schema, missing driver). The store contract itself runs against both homes in test_registry_store.py.
"""

import copy
import threading
import time

import psycopg2
import pytest

from t2restore.registry import pg_connect, pg_history, pg_schema, samples
from t2restore.registry.errors import ConflictError, RegistryError
from t2restore.registry.postgis_store import PostgisRegistryStore
from t2restore.registry.schema import SchemaTooNewError
from t2restore.registry.store import create_registry, initialize_postgis, open_registry


@pytest.fixture
def roles(pg_cluster, pg_database, pg_registry_dsn):
    """Login roles over TCP with passwords: an administrator, editors of two institutions, a reader."""
    return {
        "admin": pg_cluster.login_role("t2r_test_admin", "adm'pw", ["t2r_admin"], dbname=pg_database),
        "serfor": pg_cluster.login_role("t2r_test_serfor", "s;pw", ["t2r_editor"], "SERFOR", pg_database),
        "minam": pg_cluster.login_role("t2r_test_minam", "m pw", ["t2r_editor"], "MINAM", pg_database),
        "reader": pg_cluster.login_role("t2r_test_reader", "rpw", ["t2r_reader"], dbname=pg_database),
    }


def _raw(dsn, statement, params=None):
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute(statement, params)
            count = cur.rowcount
        conn.commit()
        return count
    finally:
        conn.close()


def test_every_role_tries_every_operation(roles):
    with open_registry(roles["serfor"]) as serfor, open_registry(roles["minam"]) as minam, open_registry(
        roles["reader"]
    ) as reader, open_registry(roles["admin"]) as admin:
        assert serfor.capabilities().may_change("SERFOR") and not serfor.capabilities().may_change("MINAM")
        assert not reader.capabilities().may_edit and admin.capabilities().admin
        own = serfor.save_initiative(samples.sample_initiative(1))
        assert serfor.owners([own.uuid]) == {own.uuid: "SERFOR"}
        theirs = minam.save_initiative(samples.sample_initiative(2))
        # everyone reads everything
        assert {s.uuid for s in reader.list_initiatives()} == {own.uuid, theirs.uuid}
        assert serfor.get_initiative(theirs.uuid) == theirs
        # an editor changes its own initiative, not another institution's
        own.title = "cambiado por SERFOR"
        serfor.save_initiative(own)
        stolen = serfor.get_initiative(theirs.uuid)
        stolen.title = "robado"
        with pytest.raises(pg_connect.NotAllowedError):
            serfor.save_initiative(stolen)
        with pytest.raises(pg_connect.NotAllowedError):
            serfor.delete_initiative(theirs.uuid)
        with pytest.raises(pg_connect.NotAllowedError):
            serfor.set_owner([own.uuid], "MINAM")  # cannot give its rows away either
        # validation and gap results of an editor reach only its own rows (the server skips the others)
        serfor.set_validation_results({own.uuid: "warnings", theirs.uuid: "errors"}, {})
        serfor.set_area_gaps({own.areas[0].uuid: ("SERFOR", "x"), theirs.areas[0].uuid: ("SERFOR", "x")})
        states = {s.uuid: s.validation_state for s in reader.list_initiatives()}
        assert states == {own.uuid: "warnings", theirs.uuid: "unchecked"}
        assert reader.get_initiative(theirs.uuid).areas[0].national_gap == theirs.areas[0].national_gap
        assert reader.get_initiative(own.uuid).areas[0].national_gap == "SERFOR"
        # a reader changes nothing
        for action in (
            lambda: reader.save_initiative(samples.sample_initiative(3)),
            lambda: reader.save_initiative(reader.get_initiative(own.uuid)),
            lambda: reader.delete_initiative(own.uuid),
            lambda: reader.set_validation_results({own.uuid: "errors"}, {}),
            lambda: reader.set_area_gaps({own.areas[0].uuid: ("MINAM", "")}),
            lambda: reader.set_owner([own.uuid], "SERFOR"),
        ):
            with pytest.raises(pg_connect.NotAllowedError) as err:
                action()
            assert "t2r_test_reader" in err.value.message()
        # the administrator changes anything, and can hand initiatives over
        theirs_admin = admin.get_initiative(theirs.uuid)
        theirs_admin.title = "corregido por el administrador"
        admin.save_initiative(theirs_admin)
        assert admin.set_owner([theirs.uuid], "SERFOR") == 1
        assert minam.get_initiative(theirs.uuid).title == "corregido por el administrador"
        assert admin.delete_initiative(own.uuid)
        assert reader.count_initiatives() == 1


def test_editor_cannot_bypass_the_plugin_with_sql(roles, pg_cluster, pg_database):
    with open_registry(roles["minam"]) as minam:
        theirs = minam.save_initiative(samples.sample_initiative(4))
    editor = roles["serfor"]
    for statement in (
        "UPDATE t2restore.initiatives SET title = 'x'",
        "DELETE FROM t2restore.restoration_areas",
        "UPDATE t2restore.monitoring_values SET note = 'x'",
    ):
        assert _raw(editor, statement) == 0  # rows of another institution are not theirs to change
    for statement, params in (
        ("INSERT INTO t2restore.initiatives (uuid, title, owner_institution) VALUES (gen_random_uuid(), 'x', %s)",
         ("MINAM",)),
        ("INSERT INTO t2restore.audit (table_name, action) VALUES ('x', 'x')", None),
        ("DELETE FROM t2restore.audit", None),
        ("INSERT INTO t2restore.role_institutions VALUES ('t2r_test_serfor', 'MINAM')", None),
    ):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            _raw(editor, statement, params)
    with open_registry(pg_cluster.dsn(pg_database)) as admin:
        assert admin.get_initiative(theirs.uuid) == theirs


def test_audit_records_who_what_and_history_restores_a_version(roles):
    with open_registry(roles["serfor"]) as serfor:
        ini = serfor.save_initiative(samples.sample_initiative(5, areas=2, monitoring=1))
        first = copy.deepcopy(ini)
        ini.title = "segunda versión"
        ini.areas = ini.areas[:1]
        ini.areas[0].site_name = "sitio cambiado"
        serfor.save_initiative(ini)
        changes = pg_history.history(serfor, ini.uuid)
        assert [(c.action, c.revision, c.who) for c in changes] == [
            ("INSERT", 1, "t2r_test_serfor"),
            ("UPDATE", 2, "t2r_test_serfor"),
        ]
        assert changes[1].title == "segunda versión"
        old = pg_history.version_at(serfor, ini.uuid, changes[0].audit_id)
        assert old.title == first.title and [a.uuid for a in old.areas] == [a.uuid for a in first.areas]
        assert [a.site_name for a in old.areas] == [a.site_name for a in first.areas]
        assert old.areas[0].geometry().Equals(first.areas[0].geometry())
        assert [len(a.monitoring) for a in old.areas] == [1, 1]
        restored = pg_history.restore(serfor, ini.uuid, changes[0].audit_id)
        assert restored.revision == 3
        got = serfor.get_initiative(ini.uuid)
        assert got.title == first.title and len(got.areas) == 2
        assert [c.revision for c in pg_history.history(serfor, ini.uuid)] == [1, 2, 3]
        with serfor._read_cursor() as cur:
            cur.execute("SELECT count(*), count(DISTINCT who) FROM t2restore.audit WHERE initiative_uuid = %s",
                        (ini.uuid,))
            rows, who = cur.fetchone()
        assert rows > 10 and who == 1


def test_wrong_password_and_unreachable_server(pg_cluster, pg_registry_dsn, roles):
    bad = roles["reader"].replace("password='rpw'", "password='wrong'")
    with pytest.raises(pg_connect.AuthenticationError) as err:
        open_registry(bad)
    assert "wrong" not in err.value.message() and "password=" not in err.value.message()
    with pytest.raises(pg_connect.ServerUnreachableError) as err:
        open_registry("host=127.0.0.1 port=1 dbname=x user=y password=secreto", busy_timeout=2)
    assert "secreto" not in err.value.message() and "port=1" in err.value.message()


def test_database_without_postgis_or_registry_and_newer_schema(pg_cluster, pg_registry_dsn):
    plain = pg_cluster.new_database(postgis=False)
    try:
        with pytest.raises(pg_connect.NoPostgisError):
            initialize_postgis(pg_cluster.dsn(plain))
        with pytest.raises(pg_connect.NoPostgisError):
            open_registry(pg_cluster.dsn(plain))
    finally:
        pg_cluster.drop_database(plain)
    empty = pg_cluster.new_database()
    try:
        with pytest.raises(pg_connect.NotARegistryError):
            open_registry(pg_cluster.dsn(empty))
        assert initialize_postgis(pg_cluster.dsn(empty)) is None
        assert initialize_postgis(pg_cluster.dsn(empty)) == pg_schema.SCHEMA_VERSION  # a second time changes nothing
    finally:
        pg_cluster.drop_database(empty)
    _raw(pg_registry_dsn, "INSERT INTO t2restore.schema_version (version, note) VALUES (99, 'future')")
    with pytest.raises(SchemaTooNewError) as err:
        open_registry(pg_registry_dsn)
    assert "99" in err.value.message()


def test_server_gone_mid_save_leaves_nothing_half_written(pg_cluster, pg_registry_dsn):
    with open_registry(pg_registry_dsn) as store:
        ini = store.save_initiative(samples.sample_initiative(6, areas=3))
        before = store.get_initiative(ini.uuid)
        edited = copy.deepcopy(before)
        edited.title = "a medio guardar"
        pid = store._conn.get_backend_pid()

        def kill(_fraction):
            pg_cluster.sql("SELECT pg_terminate_backend(%s)", (pid,))
            time.sleep(0.2)

        with pytest.raises(pg_connect.ConnectionLostError) as err:
            store.save_initiative(edited, progress=kill)
        assert "nothing was half-written" in err.value.message()
        assert edited.revision == before.revision
        # the same store connects again at its next call, and the save can be repeated
        assert store.get_initiative(ini.uuid) == before
        store.save_initiative(edited)
    with open_registry(pg_registry_dsn) as again:
        assert again.get_initiative(ini.uuid).title == "a medio guardar"


def test_missing_driver_disables_postgis_but_not_geopackage(monkeypatch, tmp_path):
    monkeypatch.setattr(pg_connect, "psycopg2", None)
    assert not pg_connect.available()
    with pytest.raises(pg_connect.DriverMissingError) as err:
        open_registry("service=registro_nacional")
    assert "psycopg2" in err.value.message()
    with create_registry(tmp_path / "r.gpkg") as store:
        store.save_initiative(samples.sample_initiative(7))
        assert store.count_initiatives() == 1


def test_non_uuid_keys_are_refused_by_name(pg_registry_dsn):
    with open_registry(pg_registry_dsn) as store:
        ini = samples.sample_initiative(8)
        ini.uuid = "proyecto-7'; --"
        with pytest.raises(pg_connect.BadUuidError) as err:
            store.save_initiative(ini)
        assert "proyecto-7" in err.value.message()
        assert store.get_initiative("proyecto-7'; --") is None and store.count_initiatives() == 0


def test_two_connections_conflict_instead_of_losing_an_update(pg_registry_dsn):
    with open_registry(pg_registry_dsn) as a, open_registry(pg_registry_dsn) as b:
        ini = a.save_initiative(samples.sample_initiative(9))
        first, second = a.get_initiative(ini.uuid), b.get_initiative(ini.uuid)
        first.title, second.title = "A", "B"
        # B's save waits on A's row lock, then finds the revision changed
        barrier = threading.Barrier(2)
        errors = []

        def save(store, obj):
            barrier.wait()
            try:
                store.save_initiative(obj)
            except ConflictError as exc:
                errors.append(exc)

        threads = [threading.Thread(target=save, args=p) for p in ((a, first), (b, second))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(errors) == 1
        assert a.get_initiative(ini.uuid).revision == 2


def test_open_registry_refuses_creating_postgis_and_names_no_password():
    with pytest.raises(RegistryError) as err:
        open_registry("host=127.0.0.1 port=1 dbname=x user=y password=zz", create=True)
    assert "zz" not in err.value.message()
    assert isinstance(PostgisRegistryStore, type)


_WRITER = """
import json, sys
sys.path.insert(0, sys.argv[1])
from t2restore.registry.errors import ConflictError
from t2restore.registry.store import open_registry
ok = refused = 0
with open_registry(sys.argv[2]) as store:
    for _ in range(int(sys.argv[4])):
        ini = store.get_initiative(sys.argv[3])
        ini.target_area = (ini.target_area or 0) + 1
        ini.keywords = ini.keywords + [sys.argv[5]]
        try:
            store.save_initiative(ini)
            ok += 1
        except ConflictError:
            refused += 1
print(json.dumps({"ok": ok, "refused": refused}))
"""


def test_eight_writer_processes_lose_no_update(pg_registry_dsn):
    import json
    import subprocess  # nosec B404
    import sys
    from pathlib import Path

    import t2restore

    parent = str(Path(t2restore.__file__).parent.parent)
    with open_registry(pg_registry_dsn) as store:
        ini = samples.sample_initiative(10, areas=1, monitoring=0)
        ini.target_area, ini.keywords = 0, []
        store.save_initiative(ini)
    procs = [
        subprocess.Popen(  # nosec B603
            [sys.executable, "-c", _WRITER, parent, pg_registry_dsn, ini.uuid, "200", "w%d" % n],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(8)
    ]
    results = [json.loads(p.communicate(timeout=600)[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert all(r["ok"] + r["refused"] == 200 for r in results)
    saved = sum(r["ok"] for r in results)
    with open_registry(pg_registry_dsn) as store:
        final = store.get_initiative(ini.uuid)
        with store._read_cursor() as cur:
            cur.execute(
                "SELECT count(*) FROM t2restore.audit WHERE table_name = 'initiatives' AND action = 'UPDATE' "
                "AND row_uuid = %s",
                (ini.uuid,),
            )
            audited = cur.fetchone()[0]
    # every successful save is in the counter, the keywords and the audit; nothing was lost
    assert final.target_area == saved and len(final.keywords) == saved and final.revision == 1 + saved
    assert audited == saved
    assert sorted(final.keywords) == sorted("w%d" % n for n, r in enumerate(results) for _ in range(r["ok"]))
    assert sum(r["refused"] for r in results) > 0  # writers really raced


_NO_DRIVER = """
import sys
sys.modules["psycopg2"] = None  # any "import psycopg2" now raises ImportError, as without the package
sys.path.insert(0, sys.argv[1])
from t2restore.registry import samples
from t2restore.registry.pg_connect import DriverMissingError, available
from t2restore.registry.store import create_registry, open_registry
assert not available()
with create_registry(sys.argv[2]) as store:
    store.save_initiative(samples.sample_initiative(1))
    assert store.count_initiatives() == 1
try:
    open_registry("host=127.0.0.1 dbname=registro")
except DriverMissingError as exc:
    print(exc.message())
"""


def test_without_psycopg2_installed_geopackages_work_and_postgis_says_why(tmp_path):
    import subprocess  # nosec B404
    import sys
    from pathlib import Path

    import t2restore

    parent = str(Path(t2restore.__file__).parent.parent)
    run = subprocess.run([sys.executable, "-c", _NO_DRIVER, parent, str(tmp_path / "r.gpkg")],  # nosec B603
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "python3-psycopg2" in run.stdout and "GeoPackage registries work without it" in run.stdout


def test_computed_monitoring_values_replace_their_own_run_only(pg_registry_dsn):
    from t2restore.registry.model import MonitoringValue

    with open_registry(pg_registry_dsn) as store:
        ini = store.save_initiative(samples.sample_initiative(11, areas=2, monitoring=1))
        area = ini.areas[0].uuid
        run = [MonitoringValue(indicator="T2R-OUT-class", value=1.0, note="run A"),
               MonitoringValue(indicator="T2R-OUT-effect", value=0.2, note="run A")]
        assert store.set_area_monitoring({area: run, "no-such-area": run}, "run A", "T2R-OUT-") == (1, ["no-such-area"])
        again = [MonitoringValue(indicator="T2R-OUT-class", value=2.0, note="run A")]
        assert store.set_area_monitoring({area: again}, "run A", "T2R-OUT-") == (1, [])
        got = store.get_initiative(ini.uuid)
        values = [(v.indicator, v.value) for v in got.areas[0].monitoring]
        # the person's value stays, the earlier run is replaced, the initiative gets new revisions
        assert values == [(ini.areas[0].monitoring[0].indicator, ini.areas[0].monitoring[0].value),
                          ("T2R-OUT-class", 2.0)]
        assert got.revision == 3
