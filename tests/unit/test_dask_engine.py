"""The optional Dask engine: a LocalCluster of 2 worker processes gives the local engine's outputs and tables,
byte for byte; without Dask, or without a reachable scheduler, a clear refusal; the command line."""

import hashlib
import subprocess  # nosec B404 - the plugin's own command line, fixed arguments
import sys
from pathlib import Path

import numpy as np
import pytest
from rasters import write_raster

from t2restore.algorithms import blocks, ldn, summary
from t2restore.algorithms.block_threads import use_dask
from t2restore.algorithms.errors import InputError

distributed = pytest.importorskip("distributed", reason="make setup installs python3-distributed (tools/setup.sh)")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as local:
        yield local.scheduler_address


@pytest.fixture
def ldn_inputs(tmp_path):
    rng = np.random.default_rng(5)
    shape = (530, 470)
    lcb = rng.integers(0, 9, shape).astype(np.uint8)  # 8 is outside the UNCCD legend: counted, sent to nodata
    src = {"lc_baseline": lcb, "lc_target": rng.integers(1, 8, shape).astype(np.uint8),
           "productivity": rng.integers(0, 6, shape).astype(np.uint8)}
    paths = {k: write_raster(tmp_path / f"{k}.tif", v, nodata=0) for k, v in src.items()}
    paths["zones"] = write_raster(tmp_path / "zones.tif", (np.arange(shape[0])[:, None] // 50
                                                           + 3 * (np.arange(shape[1]) // 90)).astype(np.int32))
    return paths


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _ldn(paths, folder, name):
    out, sub = folder / f"{name}.tif", folder / f"{name}_sub.tif"
    result = ldn.ldn_degradation(str(out), subindicators_output=str(sub), block_size=128, unknown_codes="nodata",
                                 **paths)
    return _digest(out), _digest(sub), result["areas"].rows(), result["unknown"], result["valid_pixels"]


def test_ldn_on_a_local_cluster_is_the_local_engine_byte_for_byte(cluster, ldn_inputs, tmp_path):
    local = _ldn(ldn_inputs, tmp_path, "local")
    with use_dask(cluster):
        remote = _ldn(ldn_inputs, tmp_path, "dask")
    assert local[2] and local[3], "the case must have a table and unknown codes to compare"
    assert remote == local


def test_workers_compute_with_the_local_engines_allocator_thresholds(cluster, ldn_inputs, tmp_path):
    """Without block_memory's thresholds every block's arrays were mapped and zeroed afresh on the workers
    (bench_dask.py, 100 Mpx: 32 s of system time; LDN 2.2x the local engine, 1.4x with them)."""
    from t2restore.algorithms import block_memory

    if not block_memory._glibc():
        pytest.skip("glibc only (Linux)")
    with use_dask(cluster), distributed.Client(cluster) as client:
        _ldn(ldn_inputs, tmp_path, "dask")
        tuned = client.run(lambda: __import__("t2restore.algorithms.block_memory", fromlist=["x"])._state["tuned"])
    assert any(tuned.values()), tuned


def test_area_summary_on_a_local_cluster_is_the_local_table(cluster, ldn_inputs):
    local = summary.class_areas(ldn_inputs["lc_baseline"], zones=ldn_inputs["zones"], block_size=96).rows()
    with use_dask(cluster):
        remote = summary.class_areas(ldn_inputs["lc_baseline"], zones=ldn_inputs["zones"], block_size=96).rows()
    assert len(local) > 20 and remote == local


def test_a_function_keeping_state_the_cluster_cannot_return_is_refused(cluster, ldn_inputs, tmp_path):
    seen = []

    def func(block):
        blocks.in_block_order(seen.append, block.xoff)  # a list: its copy on the worker cannot be sent back
        return block.arrays[0]

    out = tmp_path / "out.tif"
    with use_dask(cluster), pytest.raises(InputError, match="cannot run on a Dask cluster"):
        blocks.run_blocks([blocks.RasterInput(ldn_inputs["lc_baseline"])], func,
                          [blocks.RasterOutput(str(out), np.uint8, 0)], block_size=128, parallel=True)
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_unreachable_scheduler_is_refused_with_what_to_do(ldn_inputs, tmp_path):
    with use_dask("tcp://127.0.0.1:9"), pytest.raises(InputError, match="Cannot reach the Dask scheduler"):
        _ldn(ldn_inputs, tmp_path, "x")
    assert not (tmp_path / "x.tif").exists()


def test_without_dask_the_option_says_how_to_install_it(monkeypatch, ldn_inputs, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with use_dask("tcp://127.0.0.1:8786"), pytest.raises(InputError, match="apt install python3-dask"):
        _ldn(ldn_inputs, tmp_path, "x")
    assert _ldn(ldn_inputs, tmp_path, "without")[4] > 0  # and everything else works


def test_command_line_with_a_scheduler_gives_the_same_table(cluster, ldn_inputs, tmp_path):
    import t2restore

    parent = str(Path(t2restore.__path__[0]).parent)  # the folder holding the package link (tests/conftest.py)
    tables = []
    for extra in ([], ["--scheduler", cluster]):
        table, out = tmp_path / f"t{len(tables)}.csv", tmp_path / f"o{len(tables)}.tif"
        cmd = [sys.executable, "-m", "t2restore"] + extra + [
            "ldn", "--lc-baseline", ldn_inputs["lc_baseline"], "--lc-target", ldn_inputs["lc_target"],
            "--productivity", ldn_inputs["productivity"], "--zones", ldn_inputs["zones"], "--unknown-codes", "nodata",
            "--table", str(table), str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=parent, check=False)  # nosec B603
        assert proc.returncode == 0, proc.stderr
        tables.append((table.read_bytes(), _digest(out)))
    assert tables[0] == tables[1] and tables[0][0].count(b"\n") > 10


@pytest.mark.parametrize("address", ["localhost:9", "tcp://", "tcp://127.0.0.1:9", "scheduler-without-port"])
def test_a_wrong_or_unreachable_address_is_refused_at_once_with_what_to_do(address, ldn_inputs, tmp_path):
    import time

    start = time.monotonic()
    with use_dask(address), pytest.raises(InputError, match="Cannot reach the Dask scheduler .*dask-scheduler"):
        _ldn(ldn_inputs, tmp_path, "x")
    assert time.monotonic() - start < 10  # not after the client's 20 s of retries
    assert not (tmp_path / "x.tif").exists()
