"""priority_score and restoration_outcomes compute their blocks in worker threads, with every sum in block order.

What a Processing run does not return is checked here at the algorithms layer: priority's pixel counts (scored,
excluded by each constraint), criteria quantile breaks, run breaks and the values missing from a lookup table;
the outcomes' land type of each area, per-year sums, forest hectares and pixel samples. The same results, bit for
bit, with 1 thread, with 3 threads and with every block computed on a pickled copy of the job (``copy_pool``, as a
Dask worker computes it: a sum made in the block function itself would land in the copy and be lost), at the same
block size. And the blocks really run in the engine's worker threads (before issue 16 they ran one at a time on
the calling thread).
"""

import threading

import numpy as np
import pytest
from copy_pool import CONFIGS, configure
from outcome_scene import area_wkt, polygon, scene
from rasters import write_raster

from t2restore.algorithms import block_threads
from t2restore.algorithms import outcomes as oc
from t2restore.algorithms.errors import InputError
from t2restore.algorithms.outcomes import gather
from t2restore.algorithms.priority import kernel as priority_kernel
from t2restore.algorithms.priority.classes import ClassSpec
from t2restore.algorithms.priority.constraints import Layer
from t2restore.algorithms.priority.criteria import Criterion
from t2restore.algorithms.priority.driver import priority_score
from t2restore.algorithms.priority.uncertainty import Uncertainty

SHAPE = (37, 29)
AREAS = [("gain", 6, 6, 2010, 0.15), ("loss", 30, 6, 2012, -0.15), ("none", 6, 30, 2013, 0.0)]


def _priority_inputs(tmp_path):
    rng = np.random.default_rng(16)
    a = rng.gamma(2.0, 10.0, SHAPE).astype(np.float32)  # decimals: quantiles need the refining pass
    a[rng.random(SHAPE) < 0.05] = np.nan
    b = rng.integers(-50, 400, SHAPE).astype(np.int16)  # 16-bit: exact quantiles in one pass
    c = rng.integers(1, 5, SHAPE).astype(np.uint8)
    mask, water = (rng.random(SHAPE) > 0.1).astype(np.uint8), np.zeros(SHAPE, np.uint8)
    water[10:14, :] = 1
    zones = (np.arange(SHAPE[1])[None, :] // 10 + 1).repeat(SHAPE[0], 0).astype(np.int32)
    return {name: write_raster(tmp_path / f"{name}.tif", arr, nodata=nd) for name, arr, nd in
            (("a", a, -9999.0), ("b", b, -1), ("c", c, 255), ("mask", mask, 255), ("water", water, 255),
             ("zones", zones, 0))}


def _run_priority(tmp_path, paths, method, tag, table=None):
    criteria = [Criterion("a", paths["a"], method="quantile", classes=5),
                Criterion("b", paths["b"], method="quantile_inverted", classes=4),
                Criterion("c", paths["c"], method="categorical", table=table or {1: 1, 2: 0.5, 3: 0.2, 4: 0})]
    out = {n: str(tmp_path / f"{n}_{tag}.tif") for n in ("score", "classes", "stability")}
    result = priority_score(criteria, [0.5, 0.3, 0.2], out["score"], out["classes"],
                            constraints=[Layer("water", paths["water"])], mask=Layer("mask", paths["mask"]),
                            classes=ClassSpec(method=method, count=4), zones=paths["zones"],
                            uncertainty=Uncertainty(25, 12, 4), stability_output=out["stability"], block_size=8)
    rasters = {n: open(p, "rb").read() for n, p in out.items()}
    return (result["pixels"], result["criterion_breaks"], result["breaks"], np.asarray(result["run_breaks"]).tolist(),
            result["areas"].rows(), rasters)


@pytest.mark.parametrize("method", ["quantile", "equal_interval", "fixed"])
def test_priority_same_results_with_threads_and_on_copies(tmp_path, monkeypatch, method):
    paths = _priority_inputs(tmp_path)
    runs = {}
    for config in CONFIGS:
        configure(monkeypatch, config)
        runs[config] = _run_priority(tmp_path, paths, method, config.replace(" ", "_"))
    pixels, criterion_breaks, _breaks, _run_breaks, rows, _rasters = runs["1 thread"]
    assert pixels["scored"] > 500 and pixels["excluded_by"]["water"] > 50  # the case exercises every count
    assert sorted(criterion_breaks) == ["a", "b"] and len(rows) > 12
    for config in CONFIGS[1:]:
        assert runs[config] == runs["1 thread"], config


def test_priority_names_the_same_missing_values_with_threads_and_on_copies(tmp_path, monkeypatch):
    """Values of a categorical criterion missing from its table are gathered over every block, in any run."""
    paths = _priority_inputs(tmp_path)
    messages = {}
    for config in CONFIGS:
        configure(monkeypatch, config)
        with pytest.raises(InputError) as caught:
            _run_priority(tmp_path, paths, "fixed", config.replace(" ", "_"), table={1: 1, 2: 0.5})
        messages[config] = str(caught.value)
    assert "no row for the values 3, 4" in messages["1 thread"]
    assert messages["3 threads"] == messages["copies"] == messages["1 thread"]


def _outcome_inputs(tmp_path):
    values, _planted = scene(size=45, areas=AREAS)
    rng = np.random.default_rng(2)
    land = np.where(np.arange(45)[None, :] < 22, 1, 2).repeat(45, 0).astype(np.uint8)
    forest = ((rng.random((1, 45, 45)) + 0.03 * np.arange(16)[:, None, None]) > 0.6).astype(np.uint8)
    inputs = oc.SeriesInputs(write_raster(tmp_path / "series.tif", values, nodata=-9999.0), list(range(2005, 2021)),
                             land_type=write_raster(tmp_path / "land.tif", land, nodata=0),
                             covariates=[write_raster(tmp_path / "cov.tif", rng.random((45, 45)).astype(np.float32))],
                             forest=write_raster(tmp_path / "forest.tif", forest, nodata=255))
    specs = [oc.AreaSpec(key, start, [polygon(area_wkt(col, row))]) for key, col, row, start, _e in AREAS]
    return inputs, specs


def _run_outcomes(tmp_path, inputs, specs, tag):
    workdir = tmp_path / tag
    workdir.mkdir()
    rules = oc.load_preset()
    rows = oc.restoration_outcomes(specs, inputs, [polygon(area_wkt(36, 36, 6))], 450, rules, str(workdir),
                                   block_size=8)
    return [(r.key, r.pixels, r.controls, r.years_before, r.years_after, r.effect, r.ci_low, r.ci_high, r.p_value,
             r.trend_diff, r.forest_change_ha, r.outcome, r.reason, r.inside_series.tobytes(),
             None if r.control_series is None else np.asarray(r.control_series).tobytes()) for r in rows]


def test_outcomes_same_results_with_threads_and_on_copies(tmp_path, monkeypatch):
    inputs, specs = _outcome_inputs(tmp_path)
    runs = {}
    for config in CONFIGS:
        configure(monkeypatch, config)
        runs[config] = _run_outcomes(tmp_path, inputs, specs, config.replace(" ", "_"))
    rows = runs["1 thread"]
    assert [r[1] for r in rows] == [100, 100, 100] and all(r[2] > 10 for r in rows)  # pixels inside, controls
    assert all(np.isfinite(r[10]) for r in rows)  # forest hectares summed
    for config in CONFIGS[1:]:
        assert runs[config] == runs["1 thread"], config


def _spy(monkeypatch, cls, name):
    """Record the name of the thread each call of ``cls.name`` runs in."""
    seen, original = set(), getattr(cls, name)

    def spied(self, *args, **kwargs):
        seen.add(threading.current_thread().name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, spied)
    return seen


def test_priority_and_outcome_blocks_run_in_the_engines_worker_threads(tmp_path, monkeypatch):
    monkeypatch.setenv(block_threads.ENV_THREADS, "3")
    scored = _spy(monkeypatch, priority_kernel.BlockKernel, "score")
    _run_priority(tmp_path, _priority_inputs(tmp_path), "quantile", "spy")
    gathered = _spy(monkeypatch, gather.SeriesGatherer, "__call__")
    inputs, specs = _outcome_inputs(tmp_path)
    _run_outcomes(tmp_path, inputs, specs, "spy")
    for seen in (scored, gathered):
        assert seen and all(name.startswith("t2restore-block") for name in seen), seen
