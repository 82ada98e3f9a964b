"""Every raster algorithm gives the same outputs whatever the number of block threads and the block size.

Each success case of tests/qgis/cases/*.json with a raster input runs through ``processing.run`` with
T2RESTORE_THREADS=1 and 3 and T2RESTORE_BLOCK unset (one block) and 2 or 3 pixels (many blocks, some cut
at the raster's edge). Same block size: every output raster and CSV table is the same bytes, every other
table the same rows. Another block size: the same pixels, and the same table rows up to 1e-9 relative
(hectares are summed block by block, so their last bits follow the block size, not the thread count).
The numbers a run returns (hectares, shares) are compared the same way. Algorithms of ON_COPIES also run
with every block computed on a pickled copy of the job (tests/copy_pool.py, as on a Dask worker): a sum a
block function makes itself, not through ``in_block_order``, is then lost and the outputs differ.
"""

import math
from pathlib import Path

import pytest
from copy_pool import on_copies
from osgeo import gdal
from test_algorithm_cases import CASES, prepare, read_table

from t2restore.algorithms import block_threads

RASTER_CASES = [c for c in CASES if "results" in c and any("raster" in spec for spec in c.get("inputs", {}).values())]
CONFIGS = {"1 thread": (1, None), "3 threads": (3, None), "1 thread, block 2": (1, 2), "3 threads, block 2": (3, 2),
           "3 threads, block 3": (3, 3)}


def _outputs(results, folder):
    """{file name: path} of the files the run wrote in ``folder`` and returned."""
    out = {}
    for value in results.values():
        path = Path(str(value).split("|")[0]) if isinstance(value, str) else None
        if path is not None and path.is_file() and folder in path.parents:
            out[path.name] = path
    return out


def _pixels(path):
    ds = gdal.Open(str(path))
    return [ds.GetRasterBand(b + 1).ReadAsArray().tobytes() for b in range(ds.RasterCount)]


def _rows_close(a, b):
    if len(a) != len(b):
        return False
    for ra, rb in zip(a, b):
        if ra.keys() != rb.keys():
            return False
        for k in ra:
            x, y = ra[k], rb[k]
            if isinstance(x, float) and isinstance(y, float):
                if not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9):
                    return False
            elif x != y:
                return False
    return True


def _numbers(results):
    """{output name: value} of the numbers the run returned (hectares, shares, counts)."""
    return {k: v for k, v in results.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}


def _run(case, run_alg, folder, monkeypatch, threads, block):
    return _run_all(case, run_alg, folder, monkeypatch, threads, block)[0]


def _run_all(case, run_alg, folder, monkeypatch, threads, block):
    """({file name: path} of the files written, {output: number} returned) of one run."""
    monkeypatch.setenv(block_threads.ENV_THREADS, str(threads))
    if block:
        monkeypatch.setenv(block_threads.ENV_BLOCK, str(block))
    else:
        monkeypatch.delenv(block_threads.ENV_BLOCK, raising=False)
    folder.mkdir()
    params, _paths = prepare(case, folder)
    results = run_alg(case["algorithm"], params)
    return _outputs(results, folder), _numbers(results)


IDS = [f"{c['algorithm'].split(':')[-1]}-{c['name']}" for c in RASTER_CASES]


@pytest.mark.parametrize("case", RASTER_CASES, ids=IDS)
def test_same_outputs_whatever_threads_and_block_size(case, run_alg, tmp_path, monkeypatch):
    both = {name: _run_all(case, run_alg, tmp_path / f"run{n}", monkeypatch, *config)
            for n, (name, config) in enumerate(CONFIGS.items())}
    runs = {name: files for name, (files, _numbers) in both.items()}
    reference = runs["1 thread"]
    assert reference, f"{case['name']}: no output file to compare"
    for name, files in runs.items():
        assert sorted(files) == sorted(reference), name
        same_block = CONFIGS[name][1] == CONFIGS["1 thread"][1] or name == "3 threads, block 2"
        base = runs["1 thread, block 2"] if name == "3 threads, block 2" else reference
        numbers = both[name][1]
        expected = both["1 thread, block 2" if name == "3 threads, block 2" else "1 thread"][1]
        assert (numbers == expected) if same_block else _rows_close([numbers], [expected]), \
            f"{case['name']}: returned numbers differ ({name})"
        for file_name, path in files.items():
            other = base[file_name]
            what = f"{case['name']} {file_name} ({name})"
            if path.suffix.lower() in (".tif", ".tiff"):
                assert _pixels(path) == _pixels(other), f"{what}: pixels differ"
                if same_block:
                    assert path.read_bytes() == other.read_bytes(), f"{what}: not the same bytes"
            elif path.suffix.lower() == ".csv" and same_block:
                assert path.read_bytes() == other.read_bytes(), f"{what}: not the same bytes"
            elif path.suffix.lower() in (".csv", ".gpkg", ".xlsx", ".ods", ".dbf"):
                rows, expected = read_table(path), read_table(other)
                assert (rows == expected) if same_block else _rows_close(rows, expected), f"{what}: rows differ"


# Algorithms whose block functions keep every accumulation where the engine adds it (in_block_order on shared
# objects, "this input had data" flags included): the same outputs on copies (priority_score and
# restoration_outcomes: also LATE_CASES below). productivity_dynamics and target2_indicator refuse a Dask scheduler.
ON_COPIES = {"area_summary", "definition_agreement", "forest_change", "forest_fragmentation", "gap_overlap",
             "ldn_degradation", "ldn_status", "minam_degradation", "prepare_land_cover", "prepare_vegetation_series",
             "priority_score", "serfor_criteria"}
COPY_CASES = [c for c in RASTER_CASES if c["algorithm"].split(":")[-1] in ON_COPIES]


@pytest.mark.parametrize("case", COPY_CASES, ids=[f"{c['algorithm'].split(':')[-1]}-{c['name']}" for c in COPY_CASES])
def test_blocks_computed_on_copies_give_the_same_outputs(case, run_alg, tmp_path, monkeypatch):
    reference, numbers = _run_all(case, run_alg, tmp_path / "local", monkeypatch, 1, 2)
    on_copies(monkeypatch)  # tests/copy_pool.py: each block computed on a pickled copy, as on a Dask worker
    copies, copy_numbers = _run_all(case, run_alg, tmp_path / "copies", monkeypatch, 1, 2)
    assert copy_numbers == numbers, f"{case['name']}: returned numbers differ"
    assert sorted(copies) == sorted(reference)
    for file_name, path in copies.items():
        other = reference[file_name]
        if path.suffix.lower() in (".tif", ".tiff", ".csv"):
            assert path.read_bytes() == other.read_bytes(), f"{case['name']} {file_name}: not the same bytes"
        elif path.suffix.lower() in (".gpkg", ".xlsx", ".ods", ".dbf"):
            assert read_table(path) == read_table(other), f"{case['name']} {file_name}: rows differ"


# -- priority_score and restoration_outcomes compute their blocks in worker threads (issue 16) --------------------
# Their data-described success cases (restoration_outcomes' series is generated, so RASTER_CASES above misses it),
# and cases written here for what those do not reach: quantile rescaling (one histogram pass for 16-bit integers, a
# refining pass for decimals), quantile and equal-interval classes (a score histogram or range, per uncertainty run
# too), the stability raster, a mask, a constraint and zones; outcomes with a land type (its own pass), forest
# hectares per year, a covariate and excluded land (control samples). Identity only: expected values are the
# data-described cases' job, so these cases compare runs with each other.
LATE_PARALLEL = {"priority_score", "restoration_outcomes"}


def _late_inputs():
    """(priority inputs, outcome inputs) of the cases below: small rasters with nodata, NaN and edge blocks."""
    import numpy as np
    from outcome_scene import AREA_PX, area_wkt

    rng = np.random.default_rng(16)
    a = np.round(rng.uniform(0, 100, (5, 7)), 1).astype("float32")
    a[0, 3], a[4, 6] = -9999, np.nan
    b = rng.integers(-50, 300, (5, 7)).astype("int16")
    b[2, 1] = -1
    c = rng.integers(1, 4, (5, 7)).astype("uint8")
    mask = np.ones((5, 7), "uint8")
    mask[:, 0] = 0
    water = np.zeros((5, 7), "uint8")
    water[3, 2:5] = 1
    zones = [[f"POLYGON(({x0} 8960000,{x1} 8960000,{x1} 8959850,{x0} 8959850,{x0} 8960000))", {"name": n}]
             for x0, x1, n in ((400000, 400090, "W"), (400090, 400210, "E"))]
    priority = {"a": {"raster": a, "dtype": "float32", "nodata": -9999},
                "b": {"raster": b, "dtype": "int16", "nodata": -1},
                "c": {"raster": c, "dtype": "uint8", "nodata": 255},
                "mask": {"raster": mask, "dtype": "uint8", "nodata": 255},
                "water": {"raster": water, "dtype": "uint8", "nodata": 255},
                "zones": {"polygons": zones, "epsg": 32718}}
    areas = [["gain", 8, 8, 2010, 0.15], ["loss", 36, 8, 2012, -0.15], ["none", 8, 38, 2013, 0.0]]
    land = np.where(np.arange(60)[None, :] < 30, 1, 2).repeat(60, axis=0).astype("uint8")
    land[50:, 50:] = 0
    years = np.arange(16)[:, None, None]
    forest = ((rng.uniform(0, 1, (1, 60, 60)) + 0.04 * years) > 0.7).astype("uint8")
    cov = np.round(rng.uniform(2000, 3000, (60, 60)), 0).astype("float32")
    outcome = {"series": {"generator": "outcome_series", "args": {"size": 60, "areas": areas}},
               "areas": {"polygons": [[area_wkt(col, row, AREA_PX), {"area_id": key, "start": start}]
                                      for key, col, row, start, _effect in areas], "epsg": 32718},
               "land": {"raster": land, "dtype": "uint8", "nodata": 0},
               "forest": {"raster": forest, "dtype": "uint8", "nodata": 255},
               "cov": {"raster": cov, "dtype": "float32", "nodata": -9999},
               "exclude": {"polygons": [[area_wkt(45, 40, 8), {"id": 1}]], "epsg": 32718}}
    return priority, outcome


def _late_cases():
    priority, outcome = _late_inputs()
    rows = [1, 1, "a", "quantile", 4, "", "", 2, 1, "b", "quantile_inverted", 3, "", "",
            3, 1, "c", "categorical", "", "", "1: 1; 2: 0.5; 3: 0"]
    out = {"OUTPUT_SCORE": "{tmp}/score.tif", "OUTPUT_CLASSES": "{tmp}/classes.tif",
           "OUTPUT_STABILITY": "{tmp}/stability.tif", "OUTPUT_TABLE": "{tmp}/areas.csv"}
    base = {"CRITERIA": ["@a", "@b", "@c"], "RESCALING": rows, "WEIGHTS": "0.5, 0.3, 0.2", "MASK": "@mask",
            "CONSTRAINTS": ["@water"], "ZONES": "@zones", "ZONE_FIELD": "name", "UNCERTAINTY": True, "RUNS": 12,
            "PERCENT": 30.0, "SEED": 3, **out}
    cases = [{"name": name, "algorithm": "t2restore:priority_score", "inputs": priority, "results": {},
              "params": {**base, **params}}
             for name, params in (("quantile_classes_uncertainty_mask_zones", {"CLASSES": 1, "NUM_CLASSES": 4}),
                                  ("equal_interval_uncertainty", {"CLASSES": 2, "NUM_CLASSES": 5}),
                                  ("fixed_breaks_uncertainty", {"CLASSES": 0}))]
    cases.append({"name": "land_type_forest_covariate_exclude", "algorithm": "t2restore:restoration_outcomes",
                  "inputs": outcome, "results": {},
                  "params": {"AREAS": "@areas", "ID_FIELD": "area_id", "START_FIELD": "start", "SERIES": "@series",
                             "FIRST_YEAR": 2005, "LAND_TYPE": "@land", "FOREST": "@forest", "COVARIATES": ["@cov"],
                             "EXCLUDE": "@exclude", "SEARCH_RADIUS": 600, "OUTPUT_TABLE": "{tmp}/outcomes.csv",
                             "OUTPUT_LAYER": "{tmp}/outcomes.gpkg"}})
    return cases


LATE_CASES = [c for c in CASES if "results" in c and c not in RASTER_CASES
              and c["algorithm"].split(":")[-1] in LATE_PARALLEL] + _late_cases()
LATE_IDS = [f"{c['algorithm'].split(':')[-1]}-{c['name']}" for c in LATE_CASES]


@pytest.mark.parametrize("case", LATE_CASES, ids=LATE_IDS)
def test_priority_and_outcomes_same_outputs_whatever_threads_and_block_size(case, run_alg, tmp_path, monkeypatch):
    test_same_outputs_whatever_threads_and_block_size(case, run_alg, tmp_path, monkeypatch)


@pytest.mark.parametrize("case", LATE_CASES, ids=LATE_IDS)
def test_priority_and_outcomes_blocks_on_copies_give_the_same_outputs(case, run_alg, tmp_path, monkeypatch):
    test_blocks_computed_on_copies_give_the_same_outputs(case, run_alg, tmp_path, monkeypatch)
