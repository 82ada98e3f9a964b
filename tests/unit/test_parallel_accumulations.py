"""Block functions converted to parallel=True keep their sums where the engine adds them in block order.

For ldn_status (correction tally, counterbalancing, status areas), forest_change (forest hectares, loss table),
prepare_land_cover (hectares per class, unknown codes) and prepare_vegetation_series (valid pixels per year):
the same results, bit for bit, with 1 thread, with 3 threads and with every block computed on a pickled copy of
the job (``copy_pool``: how a Dask worker computes it; a sum made in the block function itself would land in the
copy and be lost), at the same block size.
"""

import numpy as np
import pytest
from case_inputs import quadrangle_hectares
from copy_pool import CONFIGS, configure
from rasters import write_raster

from t2restore.algorithms import codes, land_cover_prep
from t2restore.algorithms import forest_change as fc
from t2restore.algorithms import ldn_status as ls
from t2restore.algorithms import vegetation_series as vs
from t2restore.algorithms.ldn_status.corrections import Correction
from t2restore.algorithms.legends import load_preset

GT_GEO = (-75.0, 0.001, 0.0, -9.0, 0.0, -0.001)
GT10 = (400000.0, 10.0, 0.0, 8960000.0, 0.0, -10.0)
ND = -32768


def _status_inputs(tmp_path):
    rng = np.random.default_rng(5)
    shape = (61, 47)
    paths = {name: write_raster(tmp_path / f"{name}.tif", rng.choice(np.array([-1, 0, 1, ND], np.int16), shape),
                                epsg=4326, geotransform=GT_GEO, nodata=ND) for name in ("b", "r1", "r2")}
    land = write_raster(tmp_path / "land.tif", rng.integers(0, 9, shape).astype(np.uint8), epsg=4326,
                        geotransform=GT_GEO, nodata=0)
    zones = write_raster(tmp_path / "zones.tif", rng.integers(0, 4, shape).astype(np.int32), epsg=4326,
                         geotransform=GT_GEO)
    index = np.zeros(shape, np.int32)
    index[5:40, 3:30], index[20:60, 20:45] = 1, 2
    index_path = write_raster(tmp_path / "index.tif", index, epsg=4326, geotransform=GT_GEO)
    corrections = [Correction(11, 0, None, None, frozenset({"baseline", "report_1"})),
                   Correction(12, None, -1, 1, frozenset({"report_2"}))]
    return ls.StatusInputs(paths["b"], [paths["r1"], paths["r2"]], land_type=land, zones=zones,
                           correction_index=index_path, corrections=corrections)


def _run_status(tmp_path, inputs, tag):
    outputs = {key: str(tmp_path / f"{key[0]}_{key[1]}_{tag}.tif") for key in ls.output_keys(ls.REPORTS, True, True)}
    result = ls.ldn_status(inputs, outputs, block_size=16)
    balance = {key: values.tolist() for key, values in result["balance"].hectares.items()}
    areas = {period: (dict(acc.hectares), dict(acc.pixels)) for period, acc in result["areas"].items()}
    rasters = {key: open(path, "rb").read() for key, path in outputs.items()}
    return result["corrections"], balance, areas, rasters


def test_ldn_status_same_sums_with_threads_and_on_copies(tmp_path, monkeypatch):
    inputs = _status_inputs(tmp_path)
    runs = {}
    for config in CONFIGS:
        configure(monkeypatch, config)
        runs[config] = _run_status(tmp_path, inputs, config.replace(" ", "_"))
    corrections, balance, areas, _rasters = runs["1 thread"]
    assert corrections and len(balance) > 20 and areas["report_2"][0]  # the case exercises every tally
    for config in CONFIGS[1:]:
        assert runs[config] == runs["1 thread"], config


def _hansen(tmp_path):
    rng = np.random.default_rng(3)
    shape = (53, 41)
    treecover = rng.integers(0, 101, shape).astype(np.uint8)
    lossyear = rng.choice(np.array([0, 0, 0, 3, 8, 12, 19], np.uint8), shape)
    paths = [write_raster(tmp_path / f"{n}.tif", a, epsg=4326, geotransform=GT_GEO)
             for n, a in (("tc", treecover), ("ly", lossyear))]
    zones = write_raster(tmp_path / "zones.tif", rng.integers(1, 4, shape).astype(np.int32), epsg=4326,
                         geotransform=GT_GEO)
    return fc.Hansen(*paths, threshold=30), zones, fc.hansen_forest(treecover, lossyear, 2010, 30)


def test_forest_change_same_sums_with_threads_and_on_copies(tmp_path, monkeypatch):
    source, zones, forest = _hansen(tmp_path)
    rows = np.nonzero(forest)[0]
    truth = sum(quadrangle_hectares(GT_GEO[0], GT_GEO[3] + (r + 1) * GT_GEO[5], GT_GEO[0] + GT_GEO[1],
                                    GT_GEO[3] + r * GT_GEO[5]) for r in rows)
    runs = {}
    for config in CONFIGS:
        configure(monkeypatch, config)
        result = fc.forest_change(source, 2010, mask=str(tmp_path / f"m_{config[0]}.tif"), zones=zones, block_size=16)
        runs[config] = (result["forest_ha"], result["table"].rows(), result["loss_ha"])
    assert runs["1 thread"][0] == pytest.approx(truth, rel=1e-9)
    assert len(runs["1 thread"][1]) == 12  # 3 zones x 4 loss years (2003, 2008, 2012, 2019)
    for config in CONFIGS[1:]:
        assert runs[config] == runs["1 thread"], config


def test_prepare_land_cover_same_sums_with_threads_and_on_copies(tmp_path, monkeypatch):
    cci = load_preset("esa_cci")
    rng = np.random.default_rng(9)
    known = np.array(sorted(cci.parent_of), np.int16)
    src = known[rng.integers(0, len(known), size=(57, 43))]
    src[rng.random(src.shape) < 0.05] = 7  # not an ESA CCI code: left out, counted
    path = write_raster(tmp_path / "cci.tif", src, geotransform=GT10, nodata=-1)
    runs = {}
    for config in CONFIGS:
        configure(monkeypatch, config)
        result = land_cover_prep.prepare_land_cover(path, cci, str(tmp_path / f"lc_{config[0]}.tif"), str(tmp_path),
                                                    policy=codes.NODATA, block_size=16)
        runs[config] = (result["hectares"], result["unknown"])
    hectares, unknown = runs["1 thread"]
    assert unknown[1] == int((src == 7).sum())
    assert sum(hectares.values()) == pytest.approx(src.size * 0.01, rel=1e-3)  # 10 m pixels, UTM scale ~0.9996
    for config in CONFIGS[1:]:
        assert runs[config] == runs["1 thread"], config


def test_vegetation_series_same_counts_and_bytes_with_threads_and_on_copies(tmp_path, monkeypatch):
    rng = np.random.default_rng(4)
    paths, any_valid = [], {}
    for year in (2019, 2020):
        stack = []
        for doy in (1, 81):
            value = rng.integers(-2000, 10000, (37, 29)).astype(np.int16)
            value[rng.random(value.shape) < 0.4] = -3000  # MODIS fill: no value
            stack.append(value != -3000)
            paths.append(write_raster(tmp_path / f"MOD13Q1.A{year}{doy:03d}.h10v09.061.NDVI.tif", value, nodata=-3000))
        any_valid[year] = int(np.logical_or(*stack).sum())
    options = vs.SeriesOptions(scale=vs.MODIS_SCALE, fill=vs.MODIS_FILL, how="mean")
    runs = {}
    for config in CONFIGS:
        configure(monkeypatch, config)
        work = tmp_path / f"work_{config[0]}"
        work.mkdir()
        out = tmp_path / f"series_{config[0]}.tif"
        result = vs.prepare_series(vs.observations_of(paths), str(out), options, str(work), block_size=16)
        runs[config] = (result["valid_pixels"], out.read_bytes())
    assert runs["1 thread"][0] == any_valid
    for config in CONFIGS[1:]:
        assert runs[config] == runs["1 thread"], config
