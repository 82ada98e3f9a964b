"""Parallel blocks through Processing: QGIS's "max threads" reaches the engine (T2RESTORE_THREADS wins), a cancel
in the middle of a parallel run leaves no output, and ldn_degradation's DASK_SCHEDULER option (a LocalCluster of
2 worker processes) gives the local engine's outputs, or a clear refusal."""

import hashlib
from pathlib import Path

import numpy as np
import pytest
from rasters import write_polygons, write_raster

from t2restore.algorithms import block_threads
from t2restore.processing.ldn_degradation import LdnDegradationAlgorithm as Alg

ALG = "t2restore:ldn_degradation"


@pytest.fixture
def params(tmp_path):
    rng = np.random.default_rng(9)
    shape = (150, 130)
    west = "POLYGON((400000 8955500,401950 8955500,401950 8960000,400000 8960000,400000 8955500))"
    east = "POLYGON((401950 8955500,403900 8955500,403900 8960000,401950 8960000,401950 8955500))"
    return {
        Alg.LC_BASELINE: write_raster(tmp_path / "lcb.tif", rng.integers(1, 8, shape).astype(np.uint8), nodata=0),
        Alg.LC_TARGET: write_raster(tmp_path / "lct.tif", rng.integers(1, 8, shape).astype(np.uint8), nodata=0),
        Alg.PRODUCTIVITY: write_raster(tmp_path / "lpd.tif", rng.integers(1, 6, shape).astype(np.uint8), nodata=0),
        Alg.ZONES: write_polygons(tmp_path / "zones.gpkg", [("Huánuco", west), ("Ucayali", east)]),
        Alg.ZONE_FIELD: "name",
    }


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_processing_max_threads_reaches_the_engine_and_the_env_wins(params, run_alg, tmp_path, monkeypatch):
    from processing.core.ProcessingConfig import ProcessingConfig

    seen = []
    real = block_threads.thread_count
    monkeypatch.setattr(block_threads, "thread_count", lambda: seen.append(real()) or seen[-1])
    monkeypatch.delenv(block_threads.ENV_THREADS, raising=False)
    before = ProcessingConfig.getSetting(ProcessingConfig.MAX_THREADS)
    try:
        ProcessingConfig.setSettingValue(ProcessingConfig.MAX_THREADS, 3)
        run_alg(ALG, {**params, Alg.OUTPUT: str(tmp_path / "a.tif")})
        assert seen and set(seen) == {3}
        monkeypatch.setenv(block_threads.ENV_THREADS, "1")
        seen.clear()
        run_alg(ALG, {**params, Alg.OUTPUT: str(tmp_path / "b.tif")})
        assert seen and set(seen) == {1}
    finally:
        ProcessingConfig.setSettingValue(ProcessingConfig.MAX_THREADS, before)
    assert _digest(tmp_path / "a.tif") == _digest(tmp_path / "b.tif")


def test_cancel_in_the_middle_of_a_parallel_run_leaves_no_output(params, tmp_path, monkeypatch, plugin):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    import processing

    monkeypatch.setenv(block_threads.ENV_THREADS, "2")
    monkeypatch.setenv(block_threads.ENV_BLOCK, "16")  # 90 blocks: the cancel falls in the middle
    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(lambda value: (progress.append(value), value > 30 and feedback.cancel()))
    out = tmp_path / "cancelled.tif"
    with pytest.raises(QgsProcessingException):
        processing.run(ALG, {**params, Alg.OUTPUT: str(out), Alg.OUTPUT_TABLE: str(tmp_path / "t.csv")},
                       feedback=feedback)
    assert progress and 30 < max(progress) < 95  # cancelled during the blocks, not before or after
    assert not out.exists() and not (tmp_path / "t.csv").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_dask_scheduler_gives_the_local_outputs(params, run_alg, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed", reason="make setup installs python3-distributed")
    monkeypatch.setenv(block_threads.ENV_BLOCK, "40")
    runs = []
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster:
        for scheduler in ("", cluster.scheduler_address):
            n = len(runs)
            out, table = tmp_path / f"ldn{n}.tif", tmp_path / f"ldn{n}.csv"
            result = run_alg(ALG, {**params, Alg.OUTPUT: str(out), Alg.OUTPUT_TABLE: str(table),
                                   Alg.DASK_SCHEDULER: scheduler})
            runs.append((_digest(out), table.read_bytes(), result[Alg.DEGRADED_HA], result[Alg.IMPROVED_HA]))
    assert runs[0][1].count(b"\n") >= 6 and runs[1] == runs[0]


def test_unreachable_dask_scheduler_is_refused_with_what_to_do(params, run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    out = tmp_path / "x.tif"
    with pytest.raises(QgsProcessingException, match="Cannot reach the Dask scheduler tcp://127.0.0.1:9"):
        run_alg(ALG, {**params, Alg.OUTPUT: str(out), Alg.DASK_SCHEDULER: "tcp://127.0.0.1:9"})
    assert not out.exists()


@pytest.mark.qgis_process
def test_qgis_process_runs_follow_t2restore_threads_with_the_same_bytes(params, qp, tmp_path):
    saved = dict(qp.env)
    digests = []
    try:
        for threads in ("1", "2"):
            qp.env.update({block_threads.ENV_THREADS: threads, block_threads.ENV_BLOCK: "32"})
            out, table = tmp_path / f"qp{threads}.tif", tmp_path / f"qp{threads}.csv"
            code, _data, log = qp.run(ALG, **{**params, Alg.OUTPUT: str(out), Alg.OUTPUT_TABLE: str(table)})
            assert code == 0, log
            digests.append((_digest(out), table.read_bytes()))
    finally:
        qp.env.clear()
        qp.env.update(saved)
    assert digests[0] == digests[1] and digests[0][1].count(b"\n") >= 6
