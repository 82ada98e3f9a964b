"""Land productivity dynamics (METHODS.md 1.2): rules row by row, metrics against per-pixel references,
two-pass performance, block-size independence, nodata years, bad input, cancel."""

import itertools
import math
import os

import numpy as np
import pytest
from osgeo import gdal
from rasters import read_raster, write_raster

from t2restore.algorithms import productivity as prod
from t2restore.algorithms.errors import Cancelled, GridMismatchError, InputError

ND = -32768

# METHODS.md 1.2 combination table, typed from the document: (trajectory, state, performance) -> LPD
# ("any" expanded to every value).
METHODS_ROWS = [
    ("-1", "any", "any", 1),
    ("0", "-1", "-1", 1),
    ("0", "-1", "0", 2),
    ("0", "0", "-1", 3),
    ("0", "0", "0", 4),
    ("0", "+1", "any", 4),
    ("+1", "-1", "-1", 2),
    ("+1", "-1", "0", 5),
    ("+1", "0 or +1", "any", 5),
]


def _expand(cell, values):
    return values if cell in ("any",) else [int(v) for v in cell.split(" or ")]


def _table_cases():
    cases = []
    for t, s, p, lpd in METHODS_ROWS:
        for tv, sv, pv in itertools.product(_expand(t, [-1, 0, 1]), _expand(s, [-1, 0, 1]), _expand(p, [-1, 0])):
            cases.append((tv, sv, pv, lpd))
    return cases


def test_table_covers_every_combination_once():
    keys = [(t, s, p) for t, s, p, _ in _table_cases()]
    assert sorted(keys) == sorted(itertools.product([-1, 0, 1], [-1, 0, 1], [-1, 0]))


@pytest.mark.parametrize("t,s,p,expected", _table_cases())
def test_combination_table_row_by_row(t, s, p, expected):
    assert prod.lpd_class(t, s, p) == expected
    assert prod.combine(np.array([t]), np.array([s]), np.array([p]))[0] == expected


def test_combine_nodata():
    out = prod.combine(np.array([0, 0, 1]), np.array([0, 0, 0]), np.array([0, 0, 0]), valid=np.array([1, 0, 1], bool))
    assert out.tolist() == [4, prod.NODATA, 5]


@pytest.mark.parametrize("slope,code,level,expected", [
    (-0.01, -2, 95, -1), (0.01, 2, 95, 1), (0.01, 3, 95, 1),
    (0.01, 1, 95, 0),        # 90 % only, 95 % asked
    (0.01, 1, 90, 1),
    (0.01, 2, 99, 0),        # 95 % only, 99 % asked
    (-0.01, -3, 99, -1),
    (0.001, 3, 95, 0),       # |slope| = 0.001 exactly counts as no trend
    (-0.001, -3, 95, 0),
    (0.0011, 3, 95, 1),
    (-0.0011, -2, 95, -1),
    (0.01, -3, 95, 0),       # S falling but least-squares slope rising: no trend
    (0.01, 0, 90, 0),
])
def test_trajectory_rows(slope, code, level, expected):
    assert prod.trajectory_class(np.array([slope]), np.array([code]), level)[0] == expected


@pytest.mark.parametrize("z,s,expected", [
    (1.64, 5, 0), (1.645, 5, 1), (1.959, 5, 1), (1.96, 5, 2), (2.575, 5, 2), (2.576, 5, 3), (-2.0, -5, -2),
    (0.0, 0, 0),
])
def test_significance_code(z, s, expected):
    assert prod.significance_code(np.array([s]), np.array([z]))[0] == expected


@pytest.mark.parametrize("change,expected", [(c, -1 if c <= -2 else 1 if c >= 2 else 0) for c in range(-9, 10)])
def test_state_rows(change, expected):
    assert prod.state_class(np.array([change]))[0] == expected


@pytest.mark.parametrize("mean,reference,expected", [
    (0.4, 0.8, -1),          # ratio 0.5 exactly -> low
    (0.4001, 0.8, 0),
    (0.1, 0.8, -1),
    (0.8, 0.8, 0),
    (0.9, 0.8, 0),           # above the 90th percentile
])
def test_performance_rows(mean, reference, expected):
    assert prod.performance_class(np.array([mean]), np.array([reference]))[0] == expected


# -- Mann-Kendall, slope and state: references and the block path ---------------------------------------


def test_mann_kendall_textbook_values():
    s, var, z = prod.mann_kendall(list(range(10)))
    assert (s, var) == (45, 125.0) and z == pytest.approx(44 / math.sqrt(125))
    s, var, z = prod.mann_kendall([1, 2, 2, 3])  # one tie group of 2: var = (4*3*13 - 2*1*9) / 18
    assert s == 5 and var == pytest.approx((156 - 18) / 18)
    s, var, z = prod.mann_kendall([3, float("nan"), 2, 1])
    assert (s, var) == (-3, 3 * 2 * 11 / 18) and z == pytest.approx(-2 / math.sqrt(var))
    assert prod.mann_kendall([5, 5, 5, 5, 5])[2] == 0.0


def _random_series(rng, years, pixels, scale=10000, gaps=0.1, step=50):
    trend = rng.normal(0, 0.004, pixels) * scale
    y = 0.5 * scale + rng.normal(0, 0.03 * scale, (years, pixels)) + np.arange(years)[:, None] * trend
    y = (np.round(y / step) * step).astype(np.float32)  # coarse steps: many ties
    y[rng.random(y.shape) < gaps] = np.nan
    return y


@pytest.mark.parametrize("years,baseline,comparison", [(20, 17, 3), (12, 6, 4), (6, 3, 3)])
def test_block_metrics_equal_per_pixel_references(years, baseline, comparison):
    rng = np.random.default_rng(years)
    y = _random_series(rng, years, 600)
    m = prod.series_metrics(y, baseline, comparison, 10000)
    checked = 0
    for p in range(y.shape[1]):
        series = y[:, p].astype(np.float64)
        s, var, z = prod.mann_kendall(series)
        assert m["s"][p] == s and m["var"][p] == pytest.approx(var, abs=1e-9) and m["z"][p] == pytest.approx(z)
        if not m["ok"][p]:
            continue
        checked += 1
        years_axis = np.arange(years) + 2001
        assert m["slope"][p] == pytest.approx(prod.ols_slope(years_axis, series / 10000), rel=1e-12, abs=1e-15)
        assert m["change"][p] == prod.state_change(series[:baseline], series[years - comparison:], 10000)[0]
        assert m["mean"][p] == pytest.approx(np.nanmean(series) / 10000, rel=1e-12)
    assert checked > 300
    assert np.count_nonzero(m["change"]) > 10  # the state rule is exercised, not always 0


def test_state_deciles_by_hand():
    # baseline 4000, 5000, 6000 (NDVI x 10000): range 2000, synthetic 3900 and 6100; the 5 values give the
    # deciles (linear) 3940, 3980, 4200, 4600, 5000, 5400, 5800, 6020, 6060. Baseline mean 5000 exceeds 4 of
    # them -> class 5; a comparison mean of 6030 exceeds 8 -> class 9: change +4; 3970 -> class 2: change -3.
    assert prod.state_change([4000, 5000, 6000], [6030], 10000)[0] == 4
    assert prod.state_change([4000, 5000, 6000], [3970], 10000)[0] == -3
    assert prod.state_change([4000, 5000, 6000], [6020], 10000)[0] == 3  # equal to a decile: not above it
    y = np.array([[4000], [5000], [6000], [6030]], np.float32)
    assert prod.series_metrics(y, 3, 1, 10000, min_trend=4)["change"][0] == 4


@pytest.mark.parametrize("comparison,expected", [(5100, 0), (5101, 3), (4900, 0), (4899, -2)])
def test_state_means_within_0_01_give_no_change(comparison, expected):
    # baseline 4900, 5000, 5100 (deciles 4894 4898 4920 4960 5000 5040 5080 5102 5106, mean in class 5):
    # a comparison mean exactly 0.01 NDVI away is no change, one step further is
    y = np.array([[4900], [5000], [5100], [comparison]], np.float32)
    m = prod.series_metrics(y, 3, 1, 10000, min_trend=4)
    assert m["change"][0] == expected
    assert prod.state_change([4900, 5000, 5100], [comparison], 10000)[0] == expected


def test_state_boundary_with_unscaled_floats():
    y = np.array([[0.5], [0.5], [0.5], [0.51]], np.float32)  # 0.51 - 0.5 is 0.01 in decimal
    assert prod.series_metrics(y, 3, 1, 1, min_trend=4)["change"][0] == 0


def test_slope_boundary_exact_with_scaled_integers():
    # 10 per year at scale 10000 is 0.001 NDVI/year exactly: no trend, although Mann-Kendall is significant
    y = (5000 + 10 * np.arange(10)).astype(np.float32)[:, None]
    m = prod.series_metrics(y, 7, 3, 10000)
    assert m["slope"][0] == pytest.approx(0.001, abs=1e-15) and m["sig"][0] == 3
    assert prod.trajectory_class(m["slope"], m["sig"])[0] == 0
    y = (5000 + 11 * np.arange(10)).astype(np.float32)[:, None]
    m = prod.series_metrics(y, 7, 3, 10000)
    assert prod.trajectory_class(m["slope"], m["sig"])[0] == 1


def test_too_few_valid_years_per_pixel():
    y = np.full((8, 5), 5000, np.float32)
    y[:, 1][[0, 1, 2, 3]] = np.nan          # 4 valid years: < 5
    y[:, 2][[0, 1, 2]] = np.nan             # 5 valid, but only 2 in the baseline (the first 5 years)
    y[:, 3][[5, 6, 7]] = np.nan             # nothing in the comparison period
    y[:, 4][[0, 1, 7]] = np.nan             # 5 valid, 3 in the baseline, 2 in the comparison: enough
    m = prod.series_metrics(y, 5, 3, 10000)
    assert m["ok"].tolist() == [True, False, False, False, True]


def test_unit_histograms_percentile_and_many_units():
    rng = np.random.default_rng(3)
    means = rng.uniform(-0.2, 0.9, 5000)
    keys = rng.integers(0, 100, 5000).astype(np.int64)  # > 64 units in one block: the sparse path
    hist = prod.UnitHistograms()
    hist.add(keys[:2500], means[:2500])
    hist.add(keys[2500:], means[2500:])
    refs = hist.references()
    for key in (0, 17, 99):
        assert refs[key] == pytest.approx(prod.nearest_rank_percentile(means[keys == key]), abs=1e-12)
    few = prod.UnitHistograms()
    few.add(keys % 3, means)  # dense path
    for key in range(3):
        assert few.references()[key] == pytest.approx(prod.nearest_rank_percentile(means[keys % 3 == key]))


def test_too_many_units():
    hist = prod.UnitHistograms()
    with pytest.raises(InputError) as err:
        hist.add(np.arange(prod.MAX_UNITS + 1, dtype=np.int64), np.zeros(prod.MAX_UNITS + 1))
    assert "more than 2000 ecological units" in str(err.value)


# -- years -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n,baseline,comparison,expected", [
    (20, None, 3, (17, 3)), (20, 10, 3, (10, 3)), (6, None, 3, (3, 3)), (5, None, 1, (4, 1)),
])
def test_years_plan(n, baseline, comparison, expected):
    assert prod.years_plan(n, baseline, comparison) == expected


@pytest.mark.parametrize("n,baseline,comparison,fragment", [
    (5, None, 3, "The NDVI series has 5 years; at least 6 are needed"),
    (4, None, 1, "The NDVI series has 4 years; at least 5 are needed"),
    (20, 2, 3, "BASELINE_YEARS must be at least 3; it is 2"),
    (20, 18, 3, "BASELINE_YEARS (18) plus COMPARISON_YEARS (3) exceed the 20 years"),
    (20, None, 0, "COMPARISON_YEARS must be at least 1"),
])
def test_years_plan_refusals(n, baseline, comparison, fragment):
    with pytest.raises(InputError) as err:
        prod.years_plan(n, baseline, comparison)
    assert fragment in str(err.value)


# -- rasters ---------------------------------------------------------------------------------------------


SHAPE = (37, 29)  # not a multiple of any block size used below
YEARS = 12


@pytest.fixture
def series(tmp_path):
    rng = np.random.default_rng(5)
    h, w = SHAPE
    y = _random_series(rng, YEARS, h * w, gaps=0.08).reshape(YEARS, h, w)
    y[:, :3, :3] = np.nan  # no valid year at all
    y[:8, 5, 5] = np.nan   # too few valid years
    raw = np.where(np.isnan(y), ND, y).astype(np.int16)
    lc = rng.integers(1, 4, SHAPE).astype(np.uint8)
    lc[0, 10] = 0  # outside every unit
    units = rng.integers(1, 3, SHAPE).astype(np.int16)
    return {
        "raw": raw, "lc": lc, "units": units,
        "ndvi": write_raster(tmp_path / "ndvi.tif", raw, nodata=ND),
        "lc_path": write_raster(tmp_path / "lc.tif", lc, nodata=0),
        "units_path": write_raster(tmp_path / "units.tif", units, nodata=-1),
        "years": [write_raster(tmp_path / f"ndvi_{i}.tif", raw[i], nodata=ND) for i in range(YEARS)],
    }


def _reference_lpd(raw, keys=None, significance=95, baseline=None, comparison=3):
    """LPD from the per-pixel reference functions (no blocks, no histograms)."""
    years, h, w = raw.shape
    baseline = baseline or years - comparison
    raw_f = np.where(raw == ND, np.nan, raw.astype(np.float64)).reshape(years, -1)
    flat = raw_f / 10000
    n = (~np.isnan(flat)).sum(0)
    ok = ((n >= prod.MIN_TREND_YEARS) & ((~np.isnan(flat[:baseline])).sum(0) >= 3)
          & ((~np.isnan(flat[years - comparison:])).sum(0) >= 1))
    keys = np.zeros(h * w, np.int64) if keys is None else keys.ravel()
    means = np.array([np.nanmean(flat[:, p]) if ok[p] else np.nan for p in range(h * w)])
    unit_ok = keys >= 0
    refs = {k: prod.nearest_rank_percentile(means[(keys == k) & ok]) for k in np.unique(keys[ok & unit_ok])}
    out = np.zeros(h * w, np.uint8)
    for p in range(h * w):
        if not ok[p] or not unit_ok[p] or refs.get(keys[p], 0) <= 0:
            continue
        s, _var, z = prod.mann_kendall(flat[:, p])
        slope = prod.ols_slope(np.arange(years), flat[:, p])
        traj = prod.trajectory_class([slope], prod.significance_code([s], [z]), significance)[0]
        # state in raw units, as the data are: values tied in the data stay tied
        change = prod.state_change(raw_f[:baseline, p], raw_f[years - comparison:, p], 10000)[0]
        perf = prod.performance_class([means[p]], [refs[keys[p]]])[0]
        out[p] = prod.lpd_class(int(traj), int(prod.state_class([change])[0]), int(perf))
    return out.reshape(h, w)


@pytest.mark.parametrize("block_size", [8, 16, (29, 5)])
def test_identical_whatever_block_size_and_equal_to_reference(tmp_path, series, block_size):
    out = tmp_path / "lpd.tif"
    metrics = tmp_path / "metrics.tif"
    result = prod.productivity_dynamics(series["ndvi"], str(out), metrics_output=str(metrics), block_size=block_size)
    lpd = read_raster(out)
    np.testing.assert_array_equal(lpd, _reference_lpd(series["raw"]))
    assert set(np.unique(lpd).tolist()) >= {0, 1, 4, 5}
    assert result["no_data"] == 9 and result["too_few_years"] == 1
    assert result["nodata_pixels"] == int((lpd == 0).sum()) == 10
    for code in prod.LPD_CODES:
        assert result["pixels"][code] == int((lpd == code).sum())
    assert result["years"] == (2001, 2012) and result["baseline"] == (2001, 2009)
    assert result["comparison"] == (2010, 2012)
    slope = read_raster(metrics, 1)
    assert slope[0, 0] == prod.METRICS_NODATA and slope[10, 10] != prod.METRICS_NODATA
    sig = read_raster(metrics, 2)
    assert set(np.unique(sig[lpd > 0]).tolist()) <= set(range(-3, 4))
    ratio = read_raster(metrics, 4)
    assert (ratio[lpd > 0] > 0).all()


def test_list_of_single_band_rasters_equals_multiband(tmp_path, series):
    prod.productivity_dynamics(series["ndvi"], str(tmp_path / "a.tif"))
    prod.productivity_dynamics(series["years"], str(tmp_path / "b.tif"))
    # and a mix: a 4-band raster followed by 8 single-band ones
    mixed = [write_raster(tmp_path / "first4.tif", series["raw"][:4], nodata=ND)] + series["years"][4:]
    prod.productivity_dynamics(mixed, str(tmp_path / "c.tif"))
    a = read_raster(tmp_path / "a.tif")
    np.testing.assert_array_equal(a, read_raster(tmp_path / "b.tif"))
    np.testing.assert_array_equal(a, read_raster(tmp_path / "c.tif"))


def test_performance_per_land_cover_and_units(tmp_path, series):
    out = tmp_path / "lpd.tif"
    result = prod.productivity_dynamics(series["ndvi"], str(out), land_cover=series["lc_path"],
                                        ecological_units=series["units_path"], block_size=16)
    keys = (series["lc"].astype(np.int64) << 32) | series["units"].astype(np.int64)
    keys[series["lc"] == 0] = -1
    np.testing.assert_array_equal(read_raster(out), _reference_lpd(series["raw"], keys))
    assert result["units"] == 6 and len(result["references"]) == 6
    assert result["no_unit"] == 1
    only_lc = prod.productivity_dynamics(series["ndvi"], str(tmp_path / "lc.tif"), land_cover=series["lc_path"])
    assert sorted(only_lc["references"]) == [1, 2, 3]


def test_unit_without_positive_reference_is_nodata(tmp_path):
    rng = np.random.default_rng(2)
    raw = (rng.normal(0, 300, (6, 4, 4))).astype(np.int16)
    raw[:, :2] = np.abs(raw[:, :2]) + 4000
    raw[:, 2:] = -np.abs(raw[:, 2:]) - 100  # water: NDVI below 0
    units = np.zeros((4, 4), np.uint8)
    units[2:] = 1
    res = prod.productivity_dynamics(write_raster(tmp_path / "n.tif", raw, nodata=ND), str(tmp_path / "o.tif"),
                                     ecological_units=write_raster(tmp_path / "u.tif", units))
    lpd = read_raster(tmp_path / "o.tif")
    assert (lpd[2:] == 0).all() and (lpd[:2] > 0).all() and res["no_reference"] == 8


def test_float_ndvi_with_nan_nodata_and_scale_1(tmp_path, series):
    y = np.where(series["raw"] == ND, np.nan, series["raw"] / 10000).astype(np.float32)
    path = write_raster(tmp_path / "f.tif", y, nodata=float("nan"))
    prod.productivity_dynamics(path, str(tmp_path / "f_lpd.tif"), scale=1)
    prod.productivity_dynamics(series["ndvi"], str(tmp_path / "i_lpd.tif"))
    a, b = read_raster(tmp_path / "f_lpd.tif"), read_raster(tmp_path / "i_lpd.tif")
    assert (a == b).mean() > 0.99  # float32 rounding of /10000 may move a pixel across a threshold


# -- bad input -------------------------------------------------------------------------------------------


def test_values_above_1_with_scale_1(tmp_path, series):
    with pytest.raises(InputError) as err:
        prod.productivity_dynamics(series["ndvi"], str(tmp_path / "o.tif"), scale=1)
    msg = str(err.value)
    assert "outside -1..1 for NDVI_SCALE = 1" in msg and "set NDVI_SCALE to 10000" in msg
    assert not (tmp_path / "o.tif").exists()


def test_values_within_1_with_scale_10000(tmp_path, series):
    y = np.where(series["raw"] == ND, np.nan, series["raw"] / 10000).astype(np.float32)
    path = write_raster(tmp_path / "f.tif", y, nodata=float("nan"))
    with pytest.raises(InputError) as err:
        prod.productivity_dynamics(path, str(tmp_path / "o.tif"))
    assert "set NDVI_SCALE to 1" in str(err.value)
    assert not (tmp_path / "o.tif").exists()


def test_fill_values_outside_scale(tmp_path, series):
    raw = series["raw"].copy()
    raw[2, 4, 4] = -32000  # a fill value not declared as nodata
    with pytest.raises(InputError) as err:
        prod.productivity_dynamics(write_raster(tmp_path / "n.tif", raw, nodata=ND), str(tmp_path / "o.tif"))
    assert "NDVI values reach -32000" in str(err.value) and "nodata" in str(err.value)


def test_too_few_years_says_how_many(tmp_path, series):
    path = write_raster(tmp_path / "n.tif", series["raw"][:5], nodata=ND)
    with pytest.raises(InputError) as err:
        prod.productivity_dynamics(path, str(tmp_path / "o.tif"))
    assert "has 5 years; at least 6 are needed" in str(err.value)


@pytest.mark.parametrize("kwargs,fragment", [
    (dict(scale=100), "NDVI_SCALE must be 1 (NDVI from -1 to 1) or 10000"),
    (dict(significance=80), "SIGNIFICANCE must be 90, 95 or 99"),
])
def test_bad_options(tmp_path, series, kwargs, fragment):
    with pytest.raises(InputError) as err:
        prod.productivity_dynamics(series["ndvi"], str(tmp_path / "o.tif"), **kwargs)
    assert fragment in str(err.value)


def test_grids_that_differ(tmp_path, series):
    other = write_raster(tmp_path / "shifted.tif", series["raw"][5], nodata=ND,
                         geotransform=(400030.0, 30.0, 0.0, 8960000.0, 0.0, -30.0))
    with pytest.raises(GridMismatchError) as err:
        prod.productivity_dynamics(series["years"][:5] + [other] + series["years"][6:], str(tmp_path / "o.tif"))
    assert "NDVI [1] and NDVI [6]" in str(err.value) and "origin differs" in str(err.value)
    small = write_raster(tmp_path / "u.tif", np.ones((5, 5), np.uint8))
    with pytest.raises(GridMismatchError) as err:
        prod.productivity_dynamics(series["ndvi"], str(tmp_path / "o.tif"), ecological_units=small)
    assert "ECOLOGICAL_UNITS" in str(err.value) and "size differs" in str(err.value)


def test_decimal_unit_raster_refused(tmp_path, series):
    units = write_raster(tmp_path / "u.tif", np.ones(SHAPE, np.float32))
    with pytest.raises(InputError) as err:
        prod.productivity_dynamics(series["ndvi"], str(tmp_path / "o.tif"), ecological_units=units)
    assert "must be integer class rasters" in str(err.value)


def test_all_nodata(tmp_path):
    path = write_raster(tmp_path / "n.tif", np.full((6, 3, 3), ND, np.int16), nodata=ND)
    with pytest.raises(InputError) as err:
        prod.productivity_dynamics(path, str(tmp_path / "o.tif"))
    assert "no valid pixel" in str(err.value)


@pytest.mark.parametrize("stop_after", [2, 40])  # during pass 1, during pass 2
def test_cancel_leaves_no_output(tmp_path, series, stop_after):
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > stop_after

    out = tmp_path / "o.tif"
    before = set(os.listdir(tmp_path))
    with pytest.raises(Cancelled):
        prod.productivity_dynamics(series["ndvi"], str(out), metrics_output=str(tmp_path / "m.tif"), block_size=8,
                                   is_cancelled=cancelled)
    assert not out.exists() and not (tmp_path / "m.tif").exists()
    assert set(os.listdir(tmp_path)) == before  # no partial file, no temporary folder


def test_output_format(tmp_path, series):
    out = tmp_path / "o.tif"
    progress = []
    prod.productivity_dynamics(series["ndvi"], str(out), metrics_output=str(tmp_path / "m.tif"),
                               progress=progress.append)
    ds = gdal.Open(str(out))
    band = ds.GetRasterBand(1)
    assert band.DataType == gdal.GDT_Byte and band.GetNoDataValue() == prod.NODATA
    m = gdal.Open(str(tmp_path / "m.tif"))
    assert m.RasterCount == 4 and m.GetRasterBand(1).DataType == gdal.GDT_Float32
    assert m.GetRasterBand(3).GetDescription() == "state change (decile classes)"
    assert progress == sorted(progress) and progress[-1] == pytest.approx(1.0)


@pytest.mark.parametrize("scale,dtype", [(10000, np.int16), (1, np.float32)])
def test_performance_ratio_exactly_half_is_low_through_the_raster_path(tmp_path, scale, dtype):
    # Constant series (no trajectory, no state change): LPD 3 stressed when performance is low, else 4 stable.
    # 17 pixels at 0.6 NDVI make the 90th percentile 0.6 (nearest rank 18 of 20); 0.3 is exactly half of it.
    means = np.array([0.6] * 17 + [0.2999, 0.3, 0.3001]).reshape(4, 5)
    y = np.repeat(means[None], 8, axis=0) * scale
    path = write_raster(tmp_path / "ndvi.tif", (np.rint(y) if scale > 1 else y).astype(dtype), nodata=-9999)
    result = prod.productivity_dynamics(path, str(tmp_path / "lpd.tif"), scale=scale)
    assert result["references"] == {0: 0.6}
    lpd = read_raster(tmp_path / "lpd.tif").ravel()
    assert lpd[-3:].tolist() == [prod.STRESSED, prod.STRESSED, prod.STABLE]  # ratio 0.49983, 0.5 (tie), 0.50017
    assert set(lpd[:17].tolist()) == {prod.STABLE}


def test_performance_tolerance_is_only_the_float32_rounding():
    mean32 = np.float32(0.3)  # 0.30000001192..., the stored form of a mean of exactly 0.3
    assert prod.performance_class([float(mean32)], [0.6])[0] == 0  # exact rule: stored value is above half
    assert prod.performance_class([float(mean32)], [0.6], prod.TOLERANCE)[0] == -1
    assert prod.performance_class([0.3000002], [0.6], prod.TOLERANCE)[0] == 0


STARTS = [round(0.1 + 0.01 * k, 2) for k in range(80)]


@pytest.mark.parametrize("years", [5, 8, 12, 20])
@pytest.mark.parametrize("step", [0.001, -0.001])
def test_slope_of_exactly_0_001_with_float32_ndvi_is_no_trend(years, step):
    # NDVI typed as 0.5, 0.501, 0.502 ... is stored as float32 (0.50099999...): still a slope of 0.001, no trend
    y = np.array([[round(s + step * i, 3) for s in STARTS] for i in range(years)], np.float32)
    m = prod.series_metrics(y, years - 2, 2, 1)
    assert (np.abs(m["sig"]) >= 2).all()  # every series is a significant (95 %) monotone trend ...
    assert not prod.trajectory_class(m["slope"].astype(np.float32), m["sig"]).any()  # ... of exactly 0.001: none
    y = np.array([[round(s + 1.1 * step * i, 4) for s in STARTS] for i in range(years)], np.float32)
    m = prod.series_metrics(y, years - 2, 2, 1)
    assert (prod.trajectory_class(m["slope"].astype(np.float32), m["sig"]) == np.sign(step)).all()


def test_state_means_exactly_0_01_apart_with_float32_ndvi_give_no_change():
    y = np.array([STARTS, STARTS, STARTS, [round(s + 0.01, 2) for s in STARTS]], np.float32)
    assert not prod.series_metrics(y, 3, 1, 1, min_trend=4)["change"].any()
    y[3] = [round(s + 0.0101, 4) for s in STARTS]  # just beyond 0.01: the decile change counts again
    assert prod.series_metrics(y, 3, 1, 1, min_trend=4)["change"].all()
