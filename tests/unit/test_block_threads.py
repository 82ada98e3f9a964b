"""The block engine in worker threads: same bytes whatever the thread count, accumulations in block order,
thread count from T2RESTORE_THREADS / use_threads, inputs read with a handle per thread, cancel leaves nothing."""

import hashlib
import os
import random
import threading
import time

import numpy as np
import pytest
from osgeo import gdal
from rasters import read_raster, write_raster

from t2restore.algorithms import block_threads, blocks, ldn
from t2restore.algorithms.errors import Cancelled

SHAPE = (700, 530)  # several 512-pixel tiles, not a multiple of the block sizes below


@pytest.fixture
def raster(tmp_path):
    rng = np.random.default_rng(7)
    return write_raster(tmp_path / "in.tif", rng.uniform(0, 1000, SHAPE).astype(np.float32), nodata=-1, tiled=True)


def _digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def _jitter():
    """A random pause so that blocks in several threads finish out of order."""
    time.sleep(random.random() * 0.004)  # noqa: S311 - timing jitter, not security


def _scaled(block):
    _jitter()
    a = block.arrays[0]
    return np.where(block.valid(0), np.sqrt(a) * 3.5, -1).astype(np.float32)


@pytest.mark.parametrize("block_size", [128, 200, (530, 37)])
def test_same_bytes_whatever_the_thread_count(tmp_path, raster, block_size):
    digests = set()
    for threads in (1, 2, 5):
        out = tmp_path / f"out_{threads}.tif"
        blocks.run_blocks([blocks.RasterInput(raster)], _scaled, [blocks.RasterOutput(str(out), np.float32, -1)],
                          block_size=block_size, parallel=True, threads=threads)
        digests.add(_digest(out))
    assert len(digests) == 1
    a = read_raster(raster)
    np.testing.assert_array_equal(read_raster(out), np.sqrt(a).astype(np.float32) * np.float32(3.5))


def test_accumulations_in_block_order_whatever_the_thread_count(raster):
    """Float sums depend on their order: made through in_block_order they are the serial sums, bit for bit."""
    expected_order = [(x, y) for x, y, _w, _h in blocks.windows(blocks.Grid.of(gdal.Open(raster)), 64)]

    def run(threads):
        seen, total = [], [0.0]

        def add(xoff, yoff, value):
            seen.append((xoff, yoff))
            total[0] += value

        def func(block):
            _jitter()
            value = float(np.sum(block.arrays[0], dtype=np.float64)) * 1e-3 + 1e12 * (block.xoff % 3)
            blocks.in_block_order(add, block.xoff, block.yoff, value)

        blocks.run_blocks([blocks.RasterInput(raster)], func, block_size=64, parallel=True, threads=threads)
        return seen, total[0]

    serial = run(1)
    assert serial[0] == expected_order
    for threads in (2, 4):
        assert run(threads) == serial


def test_blocks_computed_in_several_threads(raster):
    names = set()

    def func(block):
        names.add(threading.current_thread().name)
        _jitter()

    blocks.run_blocks([blocks.RasterInput(raster)], func, block_size=64, parallel=True, threads=3)
    assert len(names) >= 2 and threading.current_thread().name not in names


def test_without_parallel_the_function_runs_on_the_calling_thread_in_order(raster):
    seen = []
    blocks.run_blocks([blocks.RasterInput(raster)], lambda b: seen.append((threading.current_thread(), b.xoff, b.yoff)),
                      block_size=100, threads=4)
    assert {t for t, _x, _y in seen} == {threading.current_thread()}
    assert [(x, y) for _t, x, y in seen] == [(x, y) for x, y, _w, _h in
                                            blocks.windows(blocks.Grid.of(gdal.Open(raster)), 100)]


def test_thread_count_env_wins_over_the_processing_setting(monkeypatch):
    monkeypatch.delenv(block_threads.ENV_THREADS, raising=False)
    assert blocks.thread_count() == (os.cpu_count() or 1)
    with blocks.use_threads(3):
        assert blocks.thread_count() == 3
        monkeypatch.setenv(block_threads.ENV_THREADS, "2")
        assert blocks.thread_count() == 2
        monkeypatch.setenv(block_threads.ENV_THREADS, "zero")  # not a whole number: ignored
        assert blocks.thread_count() == 3
    monkeypatch.delenv(block_threads.ENV_THREADS)
    assert blocks.thread_count() == (os.cpu_count() or 1)


def test_env_threads_used_when_run_blocks_is_not_told(monkeypatch, raster):
    monkeypatch.setenv(block_threads.ENV_THREADS, "1")
    names = set()
    blocks.run_blocks([blocks.RasterInput(raster)], lambda b: names.add(threading.current_thread().name),
                      block_size=64, parallel=True)
    assert len(names) == 1


def test_in_memory_inputs_read_from_several_threads(tmp_path, raster):
    """An in-memory VRT (reopened from its XML) and a MEM raster (shared under a lock) read right in threads."""
    src = gdal.Open(raster)
    vrt = blocks.warp_to_grid(src, blocks.Grid.of(src))
    mem = gdal.GetDriverByName("MEM").CreateCopy("", src)
    out = tmp_path / "sum.tif"

    def func(block):
        _jitter()
        return block.arrays[0] + block.arrays[1]

    blocks.run_blocks([blocks.RasterInput(vrt, name="A"), blocks.RasterInput(mem, name="B")], func,
                      [blocks.RasterOutput(str(out), np.float32, None)], block_size=96, parallel=True, threads=4)
    a = read_raster(raster)
    np.testing.assert_array_equal(read_raster(out), a + a)


@pytest.mark.parametrize("parallel", [True, False])
def test_cancel_during_a_parallel_run_leaves_no_output(tmp_path, raster, parallel):
    out = tmp_path / "out.tif"
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(Cancelled):
        blocks.run_blocks([blocks.RasterInput(raster)], _scaled, [blocks.RasterOutput(str(out), np.float32, -1)],
                          block_size=64, parallel=parallel, threads=3, is_cancelled=cancelled)
    assert sorted(os.listdir(tmp_path)) == ["in.tif"]


def test_error_in_a_worker_leaves_no_output(tmp_path, raster):
    out = tmp_path / "out.tif"

    def func(block):
        if block.yoff >= 256:
            raise ValueError("boom")
        return block.arrays[0]

    with pytest.raises(ValueError, match="boom"):
        blocks.run_blocks([blocks.RasterInput(raster)], func, [blocks.RasterOutput(str(out), np.float32, -1)],
                          block_size=64, parallel=True, threads=3)
    assert sorted(os.listdir(tmp_path)) == ["in.tif"]


def test_ldn_outputs_and_table_identical_for_1_2_n_threads(tmp_path, monkeypatch):
    monkeypatch.delenv(block_threads.ENV_THREADS, raising=False)
    rng = np.random.default_rng(3)
    shape = (611, 577)
    src = {"lc_baseline": rng.integers(0, 8, shape).astype(np.uint8),
           "lc_target": rng.integers(1, 8, shape).astype(np.uint8),
           "productivity": rng.integers(0, 6, shape).astype(np.uint8)}
    paths = {k: write_raster(tmp_path / f"{k}.tif", v, nodata=0) for k, v in src.items()}
    zones = write_raster(tmp_path / "zones.tif", (np.arange(shape[0])[:, None] // 40 + np.arange(shape[1]) // 60)
                         .astype(np.int32), nodata=None)
    runs = []
    for threads in (1, 2, 4):
        out, sub = tmp_path / f"ldn{threads}.tif", tmp_path / f"sub{threads}.tif"
        with blocks.use_threads(threads):
            result = ldn.ldn_degradation(str(out), subindicators_output=str(sub), zones=zones, block_size=100,
                                         unknown_codes="nodata", **paths)
        runs.append((_digest(out), _digest(sub), result["areas"].rows(), result["unknown"]))
    assert runs[0][2] and runs[1] == runs[0] and runs[2] == runs[0]
