"""The engine's speed paths (issue 16): one thread uses one core, the C allocator is tuned and memory given
back, LDN computed in strips of rows, cell areas interpolated in strips, pixel counts by comparison.

The strip paths give the values of the whole-block code they replace; these tests compare them with the
reference rules (or the previous formula) on blocks taller than a strip and not a multiple of it."""

import os
import threading

import numpy as np
import pytest
from rasters import disk_full_on_write, read_raster, write_raster

from t2restore.algorithms import areas, block_memory, block_threads, blocks, ldn, tables
from t2restore.algorithms.errors import Cancelled

SHAPE = (300, 230)


@pytest.fixture
def raster(tmp_path):
    rng = np.random.default_rng(11)
    return write_raster(tmp_path / "in.tif", rng.uniform(0, 100, SHAPE).astype(np.float32), nodata=-1, tiled=True)


def _out(tmp_path, name="out.tif"):
    return blocks.RasterOutput(str(tmp_path / name), np.float32, -1)


@pytest.mark.parametrize("parallel", [True, False])
def test_one_thread_reads_computes_and_writes_on_the_calling_thread_only(tmp_path, raster, monkeypatch, parallel):
    """T2RESTORE_THREADS=1 / max threads 1: no read-ahead thread, no writer thread (before: three threads busy)."""
    seen = {"read": set(), "func": set(), "write": set()}
    read, write = blocks._read, blocks.RasterOutput.write

    def spy_read(*args):
        seen["read"].add(threading.current_thread())
        return read(*args)

    def spy_write(self, *args):
        seen["write"].add(threading.current_thread())
        return write(self, *args)

    monkeypatch.setattr(blocks, "_read", spy_read)
    monkeypatch.setattr(blocks.RasterOutput, "write", spy_write)

    def func(block):
        seen["func"].add(threading.current_thread())
        return block.arrays[0] * 2

    started, start = [], threading.Thread.start

    def spy_start(thread):
        started.append(thread.name)
        return start(thread)

    monkeypatch.setattr(threading.Thread, "start", spy_start)
    blocks.run_blocks([blocks.RasterInput(raster)], func, [_out(tmp_path)], block_size=64, parallel=parallel,
                      threads=1)
    assert seen == {key: {threading.current_thread()} for key in seen}
    assert started == []  # no reader, worker or writer thread
    np.testing.assert_array_equal(read_raster(tmp_path / "out.tif"), read_raster(raster) * 2)


def test_one_thread_and_several_give_the_same_bytes(tmp_path, raster):
    digests = set()
    for threads in (1, 2, 3):
        out = _out(tmp_path, f"out{threads}.tif")
        blocks.run_blocks([blocks.RasterInput(raster)], lambda b: np.sqrt(b.arrays[0]), [out], block_size=100,
                          parallel=True, threads=threads)
        digests.add((tmp_path / f"out{threads}.tif").read_bytes())
    assert len(digests) == 1


def test_one_thread_failing_write_leaves_no_output(tmp_path, raster, monkeypatch):
    calls = disk_full_on_write(monkeypatch)
    with pytest.raises(OSError, match="No space left"):
        blocks.run_blocks([blocks.RasterInput(raster)], lambda b: b.arrays[0], [_out(tmp_path)], block_size=64,
                          threads=1)
    assert len(calls) == 3  # written in turn: nothing after the failure
    assert sorted(os.listdir(tmp_path)) == ["in.tif"]


def test_one_thread_cancel_leaves_no_output(tmp_path, raster):
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 4

    with pytest.raises(Cancelled):
        blocks.run_blocks([blocks.RasterInput(raster)], lambda b: b.arrays[0], [_out(tmp_path)], block_size=64,
                          parallel=True, threads=1, is_cancelled=cancelled)
    assert sorted(os.listdir(tmp_path)) == ["in.tif"]


class _FakeLibc:
    def __init__(self):
        self.calls = []

    def mallopt(self, param, value):
        self.calls.append(("mallopt", param.value, value.value))
        return 1

    def malloc_trim(self, pad):
        self.calls.append(("malloc_trim", pad.value))
        return 1


def test_allocator_thresholds_set_once_and_memory_given_back(monkeypatch):
    fake = _FakeLibc()
    monkeypatch.setitem(block_memory._state, "tuned", False)
    monkeypatch.setitem(block_memory._state, "libc", None)
    for name in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"):
        monkeypatch.delenv(name, raising=False)
    assert block_memory.tune(fake) and block_memory.tune(fake)
    assert fake.calls == [("mallopt", block_memory.M_MMAP_THRESHOLD, 32 * 1024 * 1024),
                          ("mallopt", block_memory.M_TRIM_THRESHOLD, 64 * 1024 * 1024)]
    assert block_memory.release() and fake.calls[-1] == ("malloc_trim", 0)


def test_allocator_threshold_set_by_the_user_is_left_alone(monkeypatch):
    fake = _FakeLibc()
    monkeypatch.setitem(block_memory._state, "tuned", False)
    monkeypatch.setitem(block_memory._state, "libc", None)
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "1048576")
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    block_memory.tune(fake)
    assert [call[1] for call in fake.calls] == [block_memory.M_TRIM_THRESHOLD]


def test_run_blocks_tunes_the_allocator_and_gives_memory_back_even_on_error(tmp_path, raster, monkeypatch):
    events = []
    monkeypatch.setattr(block_memory, "tune", lambda: events.append("tune"))
    monkeypatch.setattr(block_memory, "release", lambda: events.append("release"))

    def func(block):
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        blocks.run_blocks([blocks.RasterInput(raster)], func, [_out(tmp_path)], block_size=64, threads=1)
    assert events == ["tune", "release"]


@pytest.mark.skipif(not block_memory._glibc(), reason="glibc only (Linux)")
def test_allocator_tuning_works_on_this_glibc():
    assert block_memory.tune() and block_memory.release()


def _ldn_inputs(tmp_path):
    rng = np.random.default_rng(23)
    src = {"lc_baseline": rng.integers(0, 9, SHAPE).astype(np.uint8),  # 0 nodata, 8 unknown, 7 water
           "lc_target": rng.integers(1, 8, SHAPE).astype(np.uint8),
           "productivity": rng.choice([0, 1, 2, 3, 4, 5, 9, 15], SHAPE).astype(np.uint8)}
    soc_b = rng.uniform(-5, 100, SHAPE).astype(np.float32)
    soc_b[rng.random(SHAPE) < 0.05] = np.nan
    soc_t = (soc_b * rng.choice([0.85, 0.9, 1.0, 1.1, 1.2], SHAPE)).astype(np.float32)
    soc_t[rng.random(SHAPE) < 0.05] = -9999
    paths = {k: write_raster(tmp_path / f"{k}.tif", v, nodata=0) for k, v in src.items()}
    paths["soc_baseline"] = write_raster(tmp_path / "socb.tif", soc_b, nodata=-9999)
    paths["soc_target"] = write_raster(tmp_path / "soct.tif", soc_t, nodata=-9999)
    return src, soc_b, soc_t, paths


def test_ldn_in_strips_equals_the_reference_rules(tmp_path, monkeypatch):
    """Blocks of 150 rows in strips of 7 (the last strip short) give the rule functions' values pixel by pixel."""
    monkeypatch.setattr(ldn, "STRIP_ROWS", 7)
    src, soc_b, soc_t, paths = _ldn_inputs(tmp_path)
    out, sub = tmp_path / "ldn.tif", tmp_path / "sub.tif"
    result = ldn.ldn_degradation(str(out), subindicators_output=str(sub), block_size=(230, 150),
                                 unknown_codes="nodata", **paths)
    lcb = np.where(src["lc_baseline"] == 8, 0, src["lc_baseline"])
    lc = ldn.land_cover_subindicator(lcb, src["lc_target"])
    prod = ldn.productivity_subindicator(src["productivity"])
    soc_valid = np.isfinite(soc_b) & (soc_t != -9999)
    soc = ldn.soc_subindicator(soc_b, soc_t, valid=soc_valid, water=lcb == ldn.WATER)
    np.testing.assert_array_equal(read_raster(out), ldn.one_out_all_out([lc, prod, soc]))
    for band, expected in enumerate((lc, prod, soc), start=1):
        np.testing.assert_array_equal(read_raster(sub, band), expected)
    unknown = {name: pixels for name, pixels, _codes in result["unknown"]}
    assert unknown == {"LC_BASELINE": int((src["lc_baseline"] == 8).sum()),
                       "PRODUCTIVITY": int((src["productivity"] == 9).sum())}


def test_ldn_table_and_pixels_do_not_depend_on_the_strip_height(tmp_path, monkeypatch):
    *_inputs, paths = _ldn_inputs(tmp_path)
    runs = []
    for rows in (1, 7, 64, 1000):
        monkeypatch.setattr(ldn, "STRIP_ROWS", rows)
        out = tmp_path / f"ldn{rows}.tif"
        result = ldn.ldn_degradation(str(out), block_size=128, unknown_codes="nodata", **paths)
        runs.append((out.read_bytes(), result["areas"].rows(), result["unknown"]))
    assert runs[0][1] and all(run == runs[0] for run in runs)


def test_cell_areas_in_strips_equal_the_whole_block_formula():
    rng = np.random.default_rng(5)
    rows, nx = rng.uniform(8, 9, (150, 17)), np.repeat(np.arange(16), 64)[:1000]
    tx = (np.arange(1000) % 64) / 64
    expected = np.take(rows, nx, axis=1) * (1 - tx) + np.take(rows, nx + 1, axis=1) * tx
    for strip in (1, 64, 149, 500):
        assert np.array_equal(areas._along_rows(rows, nx, tx, strip), expected)


def test_pixel_counts_by_comparison_equal_bincount_and_odd_codes_fall_back():
    rng = np.random.default_rng(9)
    codes = rng.choice([0, 1, 2, 3], (90, 70), p=[0.1, 0.2, 0.6, 0.1]).astype(np.uint8)
    cell = rng.uniform(0.08, 0.09, codes.shape)
    acc = tables.AreaAccumulator()
    acc.add_codes(codes, 4, cell, None, (None, -1, 0, 1))
    counts = np.bincount(codes.ravel(), minlength=4)
    sums = np.bincount(codes.ravel(), weights=cell.ravel(), minlength=4)
    assert dict(acc.pixels) == {(0, c): int(n) for c, n in zip((None, -1, 0, 1), counts)}
    assert dict(acc.hectares) == {(0, c): float(h) for c, h in zip((None, -1, 0, 1), sums)}
    odd = tables.AreaAccumulator()
    codes[0, 0] = 6  # outside 0..3: counted by bincount as before, not lost
    odd.add_codes(codes, 4, cell, None, (None, -1, 0, 1))
    assert sum(odd.pixels.values()) == codes.size


def test_serial_pool_takes_results_in_order():
    pool = block_threads.SerialPool()
    tasks = iter([(lambda x: x * 2, i) for i in range(5)])
    out = []
    with pool:
        for _ in range(5):
            pool.fill(tasks)
            out.append(pool.next_result())
    assert out == [0, 2, 4, 6, 8]


def test_compression_threads_follow_the_max_threads_setting(monkeypatch):
    """QGIS's max threads 1 (use_threads) compresses in one thread too; T2RESTORE_THREADS still wins."""
    monkeypatch.delenv(block_threads.ENV_THREADS, raising=False)
    assert "NUM_THREADS=ALL_CPUS" in blocks.creation_options("int16")
    with blocks.use_threads(1):
        assert "NUM_THREADS=1" in blocks.creation_options("int16")
        monkeypatch.setenv(block_threads.ENV_THREADS, "3")
        assert "NUM_THREADS=3" in blocks.creation_options("int16")


def test_combined_codes_by_comparison_equal_the_combine_table_for_all_64():
    a, b, c = (g.ravel().astype(np.uint8) for g in np.meshgrid(range(4), range(4), range(4), indexing="ij"))
    out = np.empty(64, np.uint8)
    ldn._combine_codes((a, b, c), out)
    np.testing.assert_array_equal(out, ldn.COMBINE[(a << 4) | (b << 2) | c])
    values = np.empty(4, np.int16)
    ldn._values_of_codes(np.arange(4, dtype=np.uint8), values)
    np.testing.assert_array_equal(values, ldn.VALUE_OF_CODE)


def test_packed_byte_lookup_equals_lookup_for_every_byte():
    mapping = {1: 3, 2: 1, 7: 7, 200: 5, 255: 2}
    array = np.repeat(np.arange(256, dtype=np.uint8), 3)
    valid = np.tile([True, False, True], 256)
    expected, known = tables.lookup(array, mapping, 0, np.uint8)
    expected[~valid] = 0
    unknown = np.empty(array.shape, bool)
    out = ldn._byte_lookup(array, ldn._packed_table(mapping, 0), valid, unknown, 0)
    np.testing.assert_array_equal(out, expected)
    np.testing.assert_array_equal(unknown, valid & ~known)


@pytest.mark.parametrize("dtype, nodata", [(np.int16, -32768), (np.uint16, 65535)])
def test_ldn_with_integer_soc_stocks_equals_the_reference_rules(tmp_path, dtype, nodata):
    """SOC stored as whole t C/ha (SoilGrids, Trends.Earth) is compared in int32: the same classes as the rule,
    at the +-10 % boundaries (100 -> 90, 110; 89, 111), for zero and negative stocks, the type's extremes, nodata."""
    rng = np.random.default_rng(41)
    info = np.iinfo(dtype)
    pairs = [(100, 90), (100, 110), (100, 89), (100, 111), (100, 91), (100, 109), (0, 5), (10, 0),
             (info.max - 1, info.max - 1), (info.max - 1, 1), (3000, 3300), (3000, 2700)]
    if info.min < 0:
        pairs += [(-5, 10), (20, -3)]
    soc_b = rng.integers(max(info.min + 1, -50), 400, SHAPE).astype(dtype)
    soc_t = (soc_b * rng.choice([0.85, 0.9, 1.0, 1.1, 1.2], SHAPE)).round()
    soc_t = soc_t.clip(info.min + 1, info.max - 1).astype(dtype)
    flat_b, flat_t = soc_b.reshape(-1), soc_t.reshape(-1)
    for i, (b, t) in enumerate(pairs):
        flat_b[i], flat_t[i] = b, t
    flat_b[rng.random(flat_b.size) < 0.03] = nodata
    flat_t[rng.random(flat_t.size) < 0.03] = nodata
    paths = {"soc_baseline": write_raster(tmp_path / "socb.tif", soc_b, nodata=nodata),
             "soc_target": write_raster(tmp_path / "soct.tif", soc_t, nodata=nodata)}
    out = tmp_path / "ldn.tif"
    ldn.ldn_degradation(str(out), block_size=(230, 150), **paths)
    valid = (soc_b != nodata) & (soc_t != nodata)
    expected = ldn.soc_subindicator(soc_b, soc_t, valid=valid)
    got = read_raster(out)
    np.testing.assert_array_equal(got, expected)
    assert got.reshape(-1)[:6].tolist() == [-1, 1, -1, 1, 0, 0]  # the boundaries of METHODS.md 1.3
    assert ldn._soc_work_type(soc_b, soc_t) is np.int32
    assert ldn._soc_work_type(soc_b.astype(np.int32), soc_t) is np.float64
