"""Damaged, read-only and unreadable registries give a message naming the file and what to do, and
two processes can migrate the same old registry at once (issue 17 item 14)."""

import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404
import sys
import tempfile
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

import t2restore
from t2restore.registry import samples, schema
from t2restore.registry.store import (
    RegistryCorruptError,
    create_registry,
    open_registry,
)

PACKAGE_PARENT = str(Path(t2restore.__file__).parent.parent)
SETPRIV = shutil.which("setpriv")
NOBODY = 65534


@pytest.fixture
def registry():
    """A registry in a folder of its own that any user may enter (pytest's base folder is private,
    and other pytest runs reset its permissions)."""
    folder = Path(tempfile.mkdtemp(prefix="t2r-registry-"))
    folder.chmod(0o755)
    path = folder / "registro.gpkg"
    with create_registry(path) as store:
        store.save_initiative(samples.sample_initiative(1))
    yield path
    folder.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("keep", [50, 4096, 0.4])
def test_a_truncated_registry_names_the_file_and_the_backup(registry, keep):
    data = registry.read_bytes()
    registry.write_bytes(data[: int(len(data) * keep) if keep < 1 else keep])
    with pytest.raises(RegistryCorruptError) as caught:
        store = open_registry(registry)
        store.get_initiatives()  # a file cut inside its data pages opens, then fails on read
    message = caught.value.message()
    assert str(registry) in message and "backup" in message and "registro.backup-" in message
    assert "malformed" not in message and "not a database" not in message


def test_a_registry_damaged_after_opening_gives_the_same_message(registry):
    store = open_registry(registry)
    with open(registry, "r+b") as handle:  # overwrite every page but the header page
        handle.seek(4096)
        handle.write(b"\xff" * (registry.stat().st_size - 4096))
    with pytest.raises(RegistryCorruptError):
        store.get_initiatives()
    store.close()


# --- as an unprivileged user (root reads and writes everything) ------------------------------------------
AS_USER = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, sys.argv[1])
    from t2restore.registry import samples
    from t2restore.registry.store import open_registry
    step = "open"
    try:
        store = open_registry(sys.argv[2])
        step = "read"
        count = store.count_initiatives()
        step = "write"
        store.save_initiative(samples.sample_initiative(7))
        print(json.dumps({"step": "done", "count": count}))
    except Exception as exc:
        message = exc.message() if hasattr(exc, "message") else str(exc)
        print(json.dumps({"step": step, "error": type(exc).__name__, "message": message}))
""")


def _as_unprivileged(path):
    """Run AS_USER on ``path`` as user nobody (root) or as the current user (not root)."""
    command = [sys.executable, "-c", AS_USER, PACKAGE_PARENT, str(path)]
    if os.geteuid() == 0:
        if SETPRIV is None:
            pytest.skip("setpriv is needed to run as an unprivileged user")
        command = [SETPRIV, "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups"] + command
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/")  # nosec B603
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_a_read_only_registry_file_can_be_read_and_refuses_writes_with_advice(registry):
    registry.chmod(0o444)
    outcome = _as_unprivileged(registry)
    assert outcome["step"] == "write" and outcome["error"] == "RegistryReadOnlyError", outcome
    assert str(registry) in outcome["message"] and "Copy the registry to a folder where you can write" in (
        outcome["message"])
    assert "readonly database" not in outcome["message"]


def test_a_registry_in_a_read_only_folder_refuses_writes_with_advice(registry):
    registry.chmod(0o666)  # the file is writable, its folder is not (no journal can be made)
    registry.parent.chmod(0o555)
    try:
        outcome = _as_unprivileged(registry)
    finally:
        registry.parent.chmod(0o755)
    assert outcome["error"] == "RegistryReadOnlyError", outcome
    assert str(registry) in outcome["message"]


def test_an_unreadable_registry_says_permission(registry):
    registry.chmod(0o000)
    outcome = _as_unprivileged(registry)
    assert outcome["step"] == "open" and outcome["error"] == "RegistryPermissionError", outcome
    assert str(registry) in outcome["message"] and "permission to read" in outcome["message"]


# --- migration: one at a time, each with its own working copy ---------------------------------------------
def _v0_registry(path, count=40):
    """The pre-versioning draft layout (see schema.py, 'v0')."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    ini = ds.CreateLayer("initiatives", None, ogr.wkbNone)
    for name in ("uuid", "title", "description", "status"):
        ini.CreateField(ogr.FieldDefn(name, ogr.OFTString if name != "status" else ogr.OFTInteger))
    areas = ds.CreateLayer("restoration_areas", srs, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom"])
    for name in ("uuid", "initiative_uuid", "site_name", "ecosystems"):
        areas.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for n in range(count):
        feat = ogr.Feature(ini.GetLayerDefn())
        feat.SetField("uuid", "ini-%03d" % n)
        feat.SetField("title", "Iniciativa %d" % n)
        feat.SetField("status", 1)
        ini.CreateFeature(feat)
        feat = ogr.Feature(areas.GetLayerDefn())
        feat.SetField("uuid", "area-%03d" % n)
        feat.SetField("initiative_uuid", "ini-%03d" % n)
        feat.SetField("ecosystems", "T1.1,T7.2")
        feat.SetGeometry(ogr.ForceToMultiPolygon(samples.square(-75.0 + 0.01 * n, -12.0, 0.005)))
        areas.CreateFeature(feat)
    ds = None


MIGRATE = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from t2restore.registry import schema
    copies = []
    real_copy = schema._copy_database
    def copy(source, target):
        copies.append(str(target))
        return real_copy(source, target)
    schema._copy_database = copy
    from t2restore.registry.store import open_registry
    with open_registry(sys.argv[2], busy_timeout=60) as store:
        print(store.count_initiatives(), "|".join(c for c in copies if ".migrating" in c))
""")


def test_two_processes_migrating_one_old_registry(tmp_path):
    path = tmp_path / "antiguo.gpkg"
    _v0_registry(path)
    runs = [subprocess.Popen([sys.executable, "-c", MIGRATE, PACKAGE_PARENT, str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(3)]  # nosec B603
    outputs = [run.communicate(timeout=180) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _out, err in outputs]
    results = [out.split() for out, _err in outputs]
    assert all(r[0] == "40" for r in results)
    work_names = [r[1] for r in results if len(r) > 1]
    assert len(work_names) >= 1 and len(set(work_names)) == len(work_names)
    assert schema.file_version(path) == schema.SCHEMA_VERSION
    assert len(list(tmp_path.glob("antiguo.backup-v0-*.gpkg"))) == len(work_names) == 1
    assert not list(tmp_path.glob(".antiguo*"))
    with closing(sqlite3.connect(str(path))) as conn:
        assert conn.execute("SELECT count(*) FROM restoration_areas").fetchone()[0] == 40
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with open_registry(path) as store:
        assert store.get_initiative("ini-005").areas[0].ecosystems == ["T1.1", "T7.2"]


EXPORT_AS_USER = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, sys.argv[1])
    from t2restore.registry import ferm
    from t2restore.registry.store import open_registry
    try:
        with open_registry(sys.argv[2]) as store:
            ferm.export_ferm(store, sys.argv[3])
        print(json.dumps({"error": None}))
    except Exception as exc:
        message = exc.message() if hasattr(exc, "message") else str(exc)
        print(json.dumps({"error": type(exc).__name__, "message": message}))
""")


def test_an_export_into_a_read_only_folder_says_choose_another_folder(registry):
    if os.geteuid() == 0 and SETPRIV is None:
        pytest.skip("setpriv is needed to run as an unprivileged user")
    readable = registry.parent / "lectura.gpkg"
    shutil.copy(registry, readable)
    readable.chmod(0o666)
    registry.parent.chmod(0o777)  # the registry's own folder: writable (for its journal)
    target = Path(tempfile.mkdtemp(prefix="t2r-ro-"))
    target.chmod(0o555)
    try:
        command = [sys.executable, "-c", EXPORT_AS_USER, PACKAGE_PARENT, str(readable), str(target / "ferm.gpkg")]
        if os.geteuid() == 0:
            command = [SETPRIV, "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups"] + command
        run = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/")  # nosec B603
        outcome = json.loads(run.stdout.strip().splitlines()[-1])
    finally:
        target.chmod(0o755)
        shutil.rmtree(target, ignore_errors=True)
    assert outcome["error"] == "ExportFolderError", outcome
    assert str(target) in outcome["message"] and "Choose a folder where you can write" in outcome["message"]
    assert "Errno" not in outcome["message"]
