"""Crash safety and concurrent writers, with real processes."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

from osgeo import ogr

import t2restore
from t2restore.registry import samples
from t2restore.registry.store import create_registry, open_registry

PACKAGE_PARENT = str(Path(t2restore.__file__).parent.parent)


def _script(body):
    return "import sys\nsys.path.insert(0, %r)\n" % PACKAGE_PARENT + textwrap.dedent(body)


def test_process_killed_mid_save_leaves_previous_state(tmp_path):
    path = tmp_path / "registro.gpkg"
    with create_registry(path) as store:
        ini = samples.sample_initiative(1, areas=2)
        store.save_initiative(ini)
        before = store.get_initiative(ini.uuid)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _script("""
            import time
            from t2restore.registry import samples
            from t2restore.registry.store import open_registry
            store = open_registry(sys.argv[1])
            ini = store.get_initiative(sys.argv[2])
            ini.title = "A MEDIO GUARDAR"
            ini.areas = [samples.sample_area(-75.9 + 0.03 * k, -12.5, site="nuevo %d" % k, monitoring=300)
                         for k in range(20)]
            def progress(fraction):
                print("writing", flush=True)
                time.sleep(0.05)
            store.save_initiative(ini, progress=progress)
            print("done", flush=True)
        """),
            str(path),
            ini.uuid,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "writing"
        assert Path(str(path) + "-journal").exists()  # the transaction is open on disk
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    with open_registry(path) as store:
        after = store.get_initiative(ini.uuid)
        assert after == before
        assert len(store.list_areas()) == 2
        after.title = "guardado después"
        store.save_initiative(after)
    with closing(sqlite3.connect(str(path))) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM monitoring_values").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM rtree_restoration_areas_geom").fetchone()[0] == 2
    ds = ogr.Open(str(path))
    assert ds.GetLayerByName("restoration_areas").GetFeatureCount() == 2
    ds = None


WRITER = """
    import os
    import time
    from t2restore.registry import samples
    from t2restore.registry.model import Organization
    from t2restore.registry.store import ConflictError, open_registry
    path, shared, tag, rounds, go = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    store = open_registry(path, busy_timeout=60)
    print("ready", flush=True)
    while not os.path.exists(go):  # start both writers together
        time.sleep(0.005)
    retries = 0
    for k in range(rounds):
        while True:  # read-modify-write of one shared initiative
            ini = store.get_initiative(shared)
            ini.organizations.append(Organization(name="%s-%d" % (tag, k), org_type=2, role=2))
            time.sleep(0.01)  # widen the window in which the other writer commits
            try:
                store.save_initiative(ini)
                break
            except ConflictError:
                retries += 1
        own = samples.sample_initiative(k, areas=1)
        own.title = "%s propia %d" % (tag, k)
        store.save_initiative(own)
    print(retries, flush=True)
"""


def test_two_writer_processes_lose_no_update(tmp_path):
    path = tmp_path / "compartido.gpkg"
    rounds = 12
    with create_registry(path) as store:
        shared = samples.sample_initiative(0, areas=1)
        store.save_initiative(shared)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _script(WRITER), str(path), shared.uuid, tag, str(rounds), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("qgis", "qgis_process")
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    go.touch()
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    retries = sum(int(out.split()[-1]) for out, _err in outputs)
    assert retries > 0  # the writers really raced on the shared initiative
    with open_registry(path) as store:
        final = store.get_initiative(shared.uuid)
        names = {org.name for org in final.organizations}
        expected = {"%s-%d" % (tag, k) for tag in ("qgis", "qgis_process") for k in range(rounds)}
        assert expected <= names
        assert len(final.organizations) == 2 + 2 * rounds
        assert final.revision == 1 + 2 * rounds
        assert store.count_initiatives() == 1 + 2 * rounds
