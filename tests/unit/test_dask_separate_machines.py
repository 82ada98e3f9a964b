"""A Dask cluster set up as the user guide says for several machines: a scheduler and two workers started on their
own from the command line, each with its own copy of the plugin on its PYTHONPATH and its own home, the workers run
(when the tests run as root) as another user who can read only the shared folder, not the client's files; the
command line on this side with ``--scheduler`` and ``--shared-folder``. One machine cannot be several: what this
adds to the LocalCluster tests is that nothing reaches the workers but what a separate machine would have."""

import json
import os
import shutil
import subprocess  # nosec B404 - Dask's own command line and the plugin's, fixed arguments
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr
from rasters import write_raster

distributed = pytest.importorskip("distributed", reason="make setup installs python3-distributed (tools/setup.sh)")

ROOT = Path(__file__).resolve().parents[2]
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable  # python3-distributed's
RUNUSER = shutil.which("runuser", path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"]))
AS_OTHER_USER = os.geteuid() == 0 and RUNUSER is not None
_NOT_PLUGIN = shutil.ignore_patterns(".git", ".venv", "tests", "bench", "docs", "dist", "build", ".*_cache",
                                     "__pycache__")


def _environment(machine):
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(machine), "HOME": str(machine),
            "TMPDIR": str(machine / "tmp"), "LANG": "C.UTF-8"}


def _wait_for(path, process, seconds=60):
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the Dask scheduler did not start: {process.communicate()[1]}")
        time.sleep(0.2)
    return json.loads(path.read_text(encoding="utf-8"))["address"]


def _machine(root, name):
    """A 'machine' of the cluster: its own copy of the plugin (as installed there), home and temporary folder."""
    machine = root / name
    shutil.copytree(ROOT, machine / "t2restore", ignore=_NOT_PLUGIN)
    (machine / "tmp").mkdir()
    for folder in [machine, *machine.rglob("*")]:
        folder.chmod(0o777 if folder.is_dir() else 0o644)
    return machine


@pytest.fixture(scope="module")
def separate_cluster():
    root = Path(tempfile.mkdtemp(prefix="t2restore-cluster-"))
    root.chmod(0o755)
    shared = root / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    processes = []
    try:
        # the scheduler needs the plugin too: newer Dask unpickles the task graph there
        machine = _machine(root, "scheduler")
        scheduler = subprocess.Popen(  # nosec B603
            [PYTHON, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(root / "scheduler.json")], env=_environment(machine), stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True, cwd=machine)
        processes.append(scheduler)
        address = _wait_for(root / "scheduler.json", scheduler)
        for name in ("machine1", "machine2"):
            machine = _machine(root, name)
            # --no-nanny: a nanny's process lock needs a /dev/shm the worker's account may write, which the test
            # chroots of other Debian lines lack (there /dev/shm is root's only); a real machine has its own
            cmd = [PYTHON, "-m", "distributed.cli.dask_worker", address, "--no-nanny", "--nthreads", "1",
                   "--no-dashboard", "--local-directory", str(machine / "tmp")]
            if AS_OTHER_USER:
                cmd = [RUNUSER, "-u", "nobody", "--"] + cmd
            processes.append(subprocess.Popen(cmd, env=_environment(machine), cwd=machine, stdout=subprocess.DEVNULL,  # nosec B603
                                              stderr=subprocess.DEVNULL))
        with distributed.Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=90)
        yield address, shared
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(root, ignore_errors=True)


def _zones(path, raster):
    """Two districts splitting the raster's extent at a third of its width."""
    ds = gdal.Open(raster)
    x0, dx, _r, y0, _r2, dy = ds.GetGeoTransform()
    x1, y1 = x0 + dx * ds.RasterXSize, y0 + dy * ds.RasterYSize
    srs = ds.GetSpatialRef()
    ds = None
    cut = x0 + (x1 - x0) / 3
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = out.CreateLayer("districts", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("UBIGEO", ogr.OFTInteger))
    for ubigeo, (left, right) in ((150101, (x0, cut)), (150102, (cut, x1))):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("UBIGEO", ubigeo)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({left} {y0},{right} {y0},{right} {y1},{left} {y1},{left} {y0}))"))
        layer.CreateFeature(feature)
    out = None
    return str(path)


def _inputs(folder):
    rng = np.random.default_rng(17)
    shape = (330, 470)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"lc-baseline": rng.integers(0, 9, shape), "lc-target": rng.integers(1, 8, shape),
             "productivity": rng.integers(0, 6, shape)}
    paths = {key: write_raster(folder / f"{key}.tif", value.astype(np.uint8), nodata=0) for key, value in paths.items()}
    paths["zones"] = _zones(folder / "districts.gpkg", paths["lc-baseline"])
    for path in folder.iterdir():
        path.chmod(0o644)
    return paths


def _run(args, cwd):
    return subprocess.run([sys.executable, "-m", "t2restore"] + args, capture_output=True, text=True,  # nosec B603
                          cwd=cwd, check=False)


def _ldn_args(paths, table, out):
    return ["ldn", "--lc-baseline", paths["lc-baseline"], "--lc-target", paths["lc-target"], "--productivity",
            paths["productivity"], "--zones", paths["zones"], "--zone-field", "UBIGEO", "--unknown-codes", "nodata",
            "--table", str(table), str(out)]


def test_separately_started_workers_give_the_local_bytes(separate_cluster, tmp_path):
    import t2restore

    address, shared = separate_cluster
    parent = str(Path(t2restore.__path__[0]).parent)
    paths = _inputs(shared / "inputs")
    out = shared / "out"
    out.mkdir()
    out.chmod(0o777)
    local = _run(_ldn_args(paths, tmp_path / "local.csv", tmp_path / "local.tif"), parent)
    assert local.returncode == 0, local.stderr
    remote = _run(["--scheduler", address, "--shared-folder", str(shared)]
                  + _ldn_args(paths, out / "remote.csv", out / "remote.tif"), parent)
    assert remote.returncode == 0, remote.stderr
    assert (out / "remote.tif").read_bytes() == (tmp_path / "local.tif").read_bytes()
    table = (out / "remote.csv").read_text(encoding="utf-8")
    assert table == (tmp_path / "local.csv").read_text(encoding="utf-8")
    assert {row.split(",")[0] for row in table.splitlines()[1:]} == {"150101", "150102"}
    assert sorted(p.name for p in shared.iterdir()) == ["inputs", "out"]  # the burnt zones were removed
    assert gdal.Open(str(out / "remote.tif")).RasterXSize == 470  # a finished, readable GeoTIFF


@pytest.mark.skipif(not AS_OTHER_USER, reason="the workers run as another user only when the tests run as root")
def test_an_input_only_this_machine_can_read_is_refused_with_what_to_do(separate_cluster, tmp_path):
    import t2restore

    address, shared = separate_cluster
    private = tmp_path / "private"  # pytest's temporary folders are readable by their owner only
    paths = _inputs(private)
    private.chmod(0o700)
    out = shared / "refused"
    out.mkdir()
    out.chmod(0o777)
    proc = _run(["--scheduler", address, "--shared-folder", str(shared)]
                + _ldn_args(paths, out / "t.csv", out / "o.tif"), str(Path(t2restore.__path__[0]).parent))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "A Dask worker" in proc.stderr and "every worker reaches at the same path" in proc.stderr, proc.stderr
    assert str(private) in proc.stderr  # names the file
    assert not (out / "o.tif").exists() and not (out / "t.csv").exists()
