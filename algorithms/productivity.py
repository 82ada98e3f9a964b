"""Land productivity dynamics (LPD, 5 classes) from an annual NDVI series (METHODS.md 1.2).

Why it is built this way:
- The three metrics (trajectory, state, performance) follow the UNCCD Good Practice Guidance v2 as
  Trends.Earth implements it, so that results can be compared with the national SDG 15.3.1 report.
- Every rule is a small function on arrays, tested row by row against METHODS.md; the block path
  computes the same thing vectorized over the pixels of a block (a loop over years or pairs of
  years, never over pixels), and the tests check it against per-pixel reference functions.
- Performance needs a statistic over the whole raster (the 90th percentile of mean NDVI per
  ecological unit). Pass 1 reads the NDVI series once, computes the per-pixel metrics into a
  temporary raster and accumulates one histogram per unit; pass 2 reads only that temporary
  raster (a few bands instead of every year) and classifies. Memory stays bounded by the block.

Per-pixel rules (all documented in the algorithm help):
- Years with nodata at a pixel are left out of that pixel's statistics. A pixel needs at least
  ``MIN_TREND_YEARS`` valid years in the series, ``MIN_BASELINE_YEARS`` of them in the baseline
  period and at least one in the comparison period; otherwise it is nodata and counted apart.
- Trajectory: least-squares slope of NDVI on the year, and a two-sided Mann-Kendall test (S from
  the signs of all pairs of valid years; variance with the correction for tied values; z with the
  continuity correction; normal approximation). Significant at the chosen level with a slope of
  the same sign as S and a magnitude above 0.001 NDVI/year: -1 or +1; otherwise 0.
- State: deciles of the pixel's own baseline values plus two synthetic values (min - 5 % and
  max + 5 % of their range; linear interpolation between order statistics, numpy's default);
  the baseline mean and the comparison mean are classed 1..10 (class = 1 + number of deciles the
  mean exceeds); change = comparison class - baseline class, 0 where the two means differ by at
  most 0.01 NDVI; change <= -2 -> -1, >= 2 -> +1, else 0.
- Performance: mean NDVI of the pixel over the whole series divided by the 90th percentile of
  that mean among the pixels of its ecological unit; ratio <= 0.5 -> -1, else 0. The percentile
  is the nearest rank on a histogram of 0.0001 NDVI bins. A unit whose percentile is not above 0
  (water, bare rock) has no reference: its pixels are nodata.
"""

import math
import os
import tempfile

import numpy as np

from .blocks import RasterInput, RasterOutput, in_block_order, run_blocks
from .errors import N_, InputError
from .unit_histograms import (  # noqa: F401 - the percentile names stay importable from here
    MAX_UNITS,
    REFERENCE_PERCENTILE,
    UnitHistograms,
    nearest_rank_percentile,
    unit_inputs,
    unit_keys,
)

NODATA = 0  # LPD output (the JRC / FAO-WOCAT convention: 0 is nodata)
METRICS_NODATA = -9999.0
DECLINING, MODERATE_DECLINE, STRESSED, STABLE, INCREASING = 1, 2, 3, 4, 5
LPD_CODES = (DECLINING, MODERATE_DECLINE, STRESSED, STABLE, INCREASING)

SLOPE_THRESHOLD = 0.001  # NDVI per year; a smaller magnitude counts as no trend
STATE_MEAN_THRESHOLD = 0.01  # NDVI; means closer than this give no state change
PERFORMANCE_RATIO = 0.5
# Thresholds are compared with this much slack (NDVI units) so that a value exactly on a threshold
# written in decimal falls on the documented side: 0.01 is not exact in binary, float32 NDVI holds
# 0.51 as 0.50999999 (rounding up to 3e-8 for |NDVI| <= 1), and the mean NDVI is kept as float32
# between the two passes. 1e-7 NDVI covers those roundings and stays far below the 0.0001 NDVI
# resolution of the products and the step between two means of NDVI x 10000 series.
TOLERANCE = 1e-7

MIN_BASELINE_YEARS = 3  # deciles of fewer than 3 values (+2 synthetic) say little
MIN_COMPARISON_YEARS = 1
MIN_TREND_YEARS = 5  # below 5 values a Mann-Kendall test cannot reach 95 %
DEFAULT_COMPARISON_YEARS = 3
SCALES = (1, 10000)
SIGNIFICANCE_LEVELS = (90, 95, 99)
# two-sided standard normal quantiles: 1 - alpha / 2 for alpha = 10 %, 5 %, 1 %
Z_CRITICAL = {90: 1.6448536269514722, 95: 1.959963984540054, 99: 2.5758293035489004}


METRIC_BANDS = ("trajectory slope (NDVI/year)", "Mann-Kendall significance code",
                "state change (decile classes)", "performance ratio")

# -- rules (small pure functions, tested row by row) ----------------------------------------------


def lpd_class(trajectory, state, performance):
    """LPD code from the three metrics (METHODS.md 1.2 combination table, row by row)."""
    if trajectory == -1:
        return DECLINING
    if trajectory == 0:
        if state == -1:
            return DECLINING if performance == -1 else MODERATE_DECLINE
        if state == 0:
            return STRESSED if performance == -1 else STABLE
        return STABLE
    # trajectory +1
    if state == -1:
        return MODERATE_DECLINE if performance == -1 else INCREASING
    return INCREASING


def _lpd_table():
    """27-entry look-up: (trajectory + 1) * 9 + (state + 1) * 3 + (performance + 1) -> LPD."""
    table = np.zeros(27, np.uint8)
    for t in (-1, 0, 1):
        for s in (-1, 0, 1):
            for p in (-1, 0):
                table[(t + 1) * 9 + (s + 1) * 3 + (p + 1)] = lpd_class(t, s, p)
    return table


LPD_TABLE = _lpd_table()


def combine(trajectory, state, performance, valid=None):
    """LPD codes from arrays of -1/0/+1 metrics; ``valid`` False (any nodata input) -> NODATA."""
    t = np.asarray(trajectory, np.int16)
    idx = (t + 1) * 9 + (np.asarray(state, np.int16) + 1) * 3 + (np.asarray(performance, np.int16) + 1)
    out = LPD_TABLE[np.clip(idx, 0, 26)]
    bad = (idx < 0) | (idx > 26) | (np.asarray(performance) > 0)
    if valid is not None:
        bad |= ~np.asarray(valid, bool)
    out[bad] = NODATA
    return out


def trajectory_class(slope, sig_code, significance=95):
    """-1/0/+1 from the slope (NDVI/year) and the signed Mann-Kendall significance code.

    The code is sign(S) x level reached (1: 90 %, 2: 95 %, 3: 99 %). A trend counts when the test
    reaches the chosen level, the slope has the same sign as S, and |slope| > 0.001 NDVI/year.
    """
    level = SIGNIFICANCE_LEVELS.index(significance) + 1
    slope = np.asarray(slope, np.float64)
    code = np.asarray(sig_code)
    strong = np.abs(slope) > SLOPE_THRESHOLD + TOLERANCE
    down = strong & (slope < 0) & (code <= -level)
    up = strong & (slope > 0) & (code >= level)
    return up.astype(np.int8) - down.astype(np.int8)


def significance_code(s, z):
    """sign(S) x (1 at 90 %, 2 at 95 %, 3 at 99 %, 0 below 90 %), two-sided."""
    az = np.abs(np.asarray(z, np.float64))
    level = sum((az >= Z_CRITICAL[p]).astype(np.int8) for p in SIGNIFICANCE_LEVELS)
    return (np.sign(np.asarray(s)).astype(np.int8) * level).astype(np.int8)


def state_class(change):
    """change (decile classes) <= -2 -> -1, >= 2 -> +1, else 0."""
    change = np.asarray(change)
    return (change >= 2).astype(np.int8) - (change <= -2).astype(np.int8)


def performance_class(mean, reference, tolerance=0.0):
    """ratio mean / reference <= 0.5 -> -1 else 0, compared without dividing.

    The block path passes ``TOLERANCE`` (NDVI) to absorb float32 rounding of the data and of the
    stored mean, so that a ratio of exactly 0.5 is low there too.
    """
    limit = PERFORMANCE_RATIO * np.asarray(reference, np.float64) + tolerance
    return -(np.asarray(mean, np.float64) <= limit).astype(np.int8)


# -- per-pixel reference implementations (the tests compare the block path with these) -----------


def mann_kendall(values):
    """(S, variance, z) of one series (NaN = missing), the textbook way: O(n^2) over pairs."""
    v = [float(x) for x in values if not math.isnan(float(x))]
    n = len(v)
    s = sum((v[j] > v[i]) - (v[j] < v[i]) for i in range(n) for j in range(i + 1, n))
    counts = {}
    for x in v:
        counts[x] = counts.get(x, 0) + 1
    ties = sum(t * (t - 1) * (2 * t + 5) for t in counts.values())
    var = (n * (n - 1) * (2 * n + 5) - ties) / 18.0
    if s == 0 or var <= 0:
        return s, var, 0.0
    return s, var, (s - math.copysign(1, s)) / math.sqrt(var)


def ols_slope(years, values):
    """Least-squares slope of the valid values on the years (NaN = missing)."""
    x = np.asarray(years, np.float64)
    y = np.asarray(values, np.float64)
    ok = ~np.isnan(y)
    x, y = x[ok], y[ok]
    return float(((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum())


def state_change(baseline, comparison, scale=1):
    """(change in decile classes, |difference of means|) for one pixel, NaN = missing.

    Values in raw units of ``scale`` (1 for NDVI, 10000 for NDVI x 10000).
    """
    b = np.asarray(baseline, np.float64)
    b = b[~np.isnan(b)]
    c = np.asarray(comparison, np.float64)
    c = c[~np.isnan(c)]
    spread = b.max() - b.min()
    values = np.concatenate([b, [b.min() - 0.05 * spread, b.max() + 0.05 * spread]])
    deciles = np.percentile(values, np.arange(10, 100, 10))
    b_mean, c_mean = b.mean(), c.mean()
    b_class = 1 + int((b_mean > deciles).sum())
    c_class = 1 + int((c_mean > deciles).sum())
    diff = abs(c_mean - b_mean)
    change = 0 if diff <= (STATE_MEAN_THRESHOLD + TOLERANCE) * scale else c_class - b_class
    return change, diff


# -- vectorized block path ------------------------------------------------------------------------


def _lerp(a, b, t):
    """numpy's interpolation (np.percentile 'linear', scalar weight t), to match it to the bit."""
    diff = b - a
    return b - diff * (1 - t) if t >= 0.5 else a + diff * t


def series_metrics(y, baseline_years, comparison_years, scale, min_trend=MIN_TREND_YEARS):
    """Per-pixel metrics of a block of series.

    ``y`` is (years, pixels) float32 in raw units with NaN for missing years. Returns a dict of
    (pixels,) arrays: ``n`` valid years, ``ok`` (enough valid years), ``slope`` (NDVI/year),
    ``s``, ``var``, ``z``, ``sig`` (significance code), ``change`` (state change in classes,
    0 where the means are within 0.01 NDVI), ``mean`` (NDVI over all years).
    """
    n_years = y.shape[0]
    valid = ~np.isnan(y)
    n = valid.sum(axis=0, dtype=np.int16)
    nb_valid = valid[:baseline_years].sum(axis=0, dtype=np.int16)
    nc_valid = valid[n_years - comparison_years:].sum(axis=0, dtype=np.int16)
    ok = (n >= min_trend) & (nb_valid >= MIN_BASELINE_YEARS) & (nc_valid >= MIN_COMPARISON_YEARS)
    sums = _series_sums(y, valid, baseline_years, comparison_years)
    nf = n.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        slope = (nf * sums["xy"] - sums["x"] * sums["y"]) / (nf * sums["xx"] - sums["x"] * sums["x"]) / scale
        mean = sums["y"] / nf / scale
        b_mean = sums["baseline"] / nb_valid
        c_mean = sums["comparison"] / nc_valid
    s, var, z = _mann_kendall_block(y, n)
    sig = significance_code(s, z)
    change = _state_change_block(y, valid, baseline_years, b_mean, c_mean, scale)
    return {"n": n, "ok": ok, "slope": slope, "s": s, "var": var, "z": z, "sig": sig, "change": change,
            "mean": mean}


def _series_sums(y, valid, baseline_years, comparison_years):
    """Sums of the valid years per pixel for least squares on centred years (x, xx, y, xy), and of
    the baseline and comparison periods.

    Accumulated year by year in float64, so sums of integer-valued data stay exact.
    """
    n_years, npix = y.shape
    x = np.arange(n_years, dtype=np.float64) - (n_years - 1) / 2.0
    sy, sxy = np.zeros(npix), np.zeros(npix)
    sx, sxx = np.zeros(npix), np.zeros(npix)
    b_sum = c_sum = None
    row = np.empty(npix)
    for i in range(n_years):
        np.copyto(row, y[i])
        row[~valid[i]] = 0.0
        sy += row
        row *= x[i]
        sxy += row
        sx += valid[i] * x[i]
        sxx += valid[i] * (x[i] * x[i])
        if i == baseline_years - 1:
            b_sum = sy.copy()
        if i == n_years - comparison_years - 1:
            c_sum = -sy
    c_sum = sy.copy() if c_sum is None else c_sum + sy
    return {"x": sx, "xx": sxx, "y": sy, "xy": sxy, "baseline": b_sum, "comparison": c_sum}


def _mann_kendall_block(y, n):
    """(S, variance, z) per pixel of a block of series (see ``mann_kendall`` for one series).

    S over all pairs of years; comparisons with NaN are False, so missing years drop out. ``eq``
    counts for year i the later years with the same value: a tie group of size t gives t-1, t-2,
    ..., 0, and sum 6 c (c + 2) over the group is t (t - 1) (2 t + 5).
    """
    n_years, npix = y.shape
    s = np.zeros(npix, np.int32)
    ties = np.zeros(npix, np.int64)
    eq = np.zeros(npix, np.int32)
    for i in range(n_years - 1):
        eq[:] = 0
        yi = y[i]
        for j in range(i + 1, n_years):
            yj = y[j]
            s += yj > yi
            s -= yj < yi
            eq += yj == yi
        ties += 6 * eq * (eq + 2)
    nn = n.astype(np.int64)
    var = (nn * (nn - 1) * (2 * nn + 5) - ties) / 18.0
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where((s != 0) & (var > 0), (s - np.sign(s)) / np.sqrt(np.where(var > 0, var, 1)), 0.0)
    return s, var, z


def _state_change_block(y, valid, baseline_years, b_mean, c_mean, scale):
    """State change in decile classes for every pixel (see ``state_change`` for one pixel).

    Pixels are grouped by their number of valid baseline years (usually one group), so that the
    decile positions are the same within a group and the values are read as whole columns.
    """
    npix = y.shape[1]
    base = np.ascontiguousarray(y[:baseline_years].T)
    base.sort(axis=1)  # NaN last
    nb = valid[:baseline_years].sum(axis=0)
    b_class = np.ones(npix, np.int16)
    c_class = np.ones(npix, np.int16)
    for count in np.unique(nb).tolist():
        if count == 0:
            continue
        whole = count == nb.size or np.all(nb == count)
        sel = slice(None) if whole else np.flatnonzero(nb == count)
        vals = base[sel, :count].astype(np.float64)
        low, high = vals[:, 0], vals[:, count - 1]
        spread = high - low
        synthetic_low, synthetic_high = low - 0.05 * spread, high + 0.05 * spread

        def value(q, vals=vals, count=count, lo=synthetic_low, hi=synthetic_high):
            # q-th smallest of the values with the two synthetic ones (index 0 and count + 1)
            return lo if q == 0 else hi if q == count + 1 else vals[:, q - 1]

        bm, cm = b_mean[sel], c_mean[sel]
        bc, cc = b_class[sel], c_class[sel]
        for k in range(1, 10):
            num = (count + 1) * k
            lo, t = num // 10, (num % 10) / 10.0
            decile = value(lo) if t == 0 else _lerp(value(lo), value(lo + 1), t)
            bc += bm > decile
            cc += cm > decile
        b_class[sel], c_class[sel] = bc, cc
    change = (c_class - b_class).astype(np.int16)
    with np.errstate(invalid="ignore"):
        change[np.abs(c_mean - b_mean) <= (STATE_MEAN_THRESHOLD + TOLERANCE) * scale] = 0
    return change


# -- the algorithm ----------------------------------------------------------------------------------


def years_plan(n_years, baseline_years=None, comparison_years=DEFAULT_COMPARISON_YEARS):
    """(baseline, comparison) year counts, or InputError saying how many years are needed."""
    comparison = int(comparison_years)
    if comparison < MIN_COMPARISON_YEARS:
        raise InputError(N_("COMPARISON_YEARS must be at least {min}; it is {value}."),
                         min=MIN_COMPARISON_YEARS, value=comparison)
    baseline = int(baseline_years) if baseline_years else n_years - comparison
    needed = max(MIN_TREND_YEARS, MIN_BASELINE_YEARS + comparison)
    if n_years < needed:
        raise InputError(N_("The NDVI series has {n} years; at least {needed} are needed ({baseline} baseline "
                            "years and {comparison} comparison years, and {trend} for the trend test). Add years "
                            "or reduce COMPARISON_YEARS."),
                         n=n_years, needed=needed, baseline=MIN_BASELINE_YEARS, comparison=comparison,
                         trend=MIN_TREND_YEARS)
    if baseline < MIN_BASELINE_YEARS:
        raise InputError(N_("BASELINE_YEARS must be at least {min}; it is {value}."),
                         min=MIN_BASELINE_YEARS, value=baseline)
    if baseline + comparison > n_years:
        raise InputError(N_("BASELINE_YEARS ({baseline}) plus COMPARISON_YEARS ({comparison}) exceed the {n} "
                            "years of the NDVI series; the two periods must not overlap."),
                         baseline=baseline, comparison=comparison, n=n_years)
    return baseline, comparison


def _check_options(scale, significance):
    if scale not in SCALES:
        raise InputError(N_("NDVI_SCALE must be 1 (NDVI from -1 to 1) or 10000 (NDVI x 10000); it is {value}."),
                         value=f"{scale:g}")
    if significance not in SIGNIFICANCE_LEVELS:
        raise InputError(N_("SIGNIFICANCE must be 90, 95 or 99 (percent); it is {value}."), value=f"{significance:g}")


def _temp_options():
    return ("TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=LZW", "BIGTIFF=IF_SAFER")


def _default_block(n_years):
    return 512 if n_years <= 32 else 256


def productivity_dynamics(ndvi, output, first_year=2001, baseline_years=None,
                          comparison_years=DEFAULT_COMPARISON_YEARS, scale=10000, ecological_units=None,
                          land_cover=None, significance=95, metrics_output=None, block_size=None, progress=None,
                          is_cancelled=None, workdir=None):
    """Compute the 5-class LPD raster; return a summary dict.

    ``ndvi`` is one raster (every band a year) or a list of rasters whose bands, taken in order,
    are the years from ``first_year``. ``ecological_units`` and ``land_cover`` are optional
    integer rasters on the same grid; with both, a unit is a (land cover, unit) pair. The summary
    holds the years used, the pixel counts and hectares per class, the nodata breakdown
    (``no_data`` without any valid year, ``too_few_years``, ``no_unit``, ``no_reference``) and the
    reference NDVI per unit.
    """
    from .productivity_classify import _pass2  # pass 2 lives beside (the module would pass 600 lines)

    _check_options(scale, significance)
    ndvi_inputs = _ndvi_inputs(ndvi)
    n_years = sum(inp.open().RasterCount for inp in ndvi_inputs)
    nb, nc = years_plan(n_years, baseline_years, comparison_years)
    units = unit_inputs(land_cover, ecological_units)
    block_size = block_size or _default_block(n_years)
    first_year = int(first_year)
    ds0 = ndvi_inputs[0].ds
    metrics = _MetricsPass(len(ndvi_inputs), len(units), nb, nc, scale, ds0.RasterXSize * ds0.RasterYSize)
    tmp_parent = workdir or os.path.dirname(os.path.abspath(str(output)))
    with tempfile.TemporaryDirectory(prefix=".t2restore-lpd-", dir=tmp_parent) as tmp:
        tmp_float = os.path.join(tmp, "metrics_float.tif")
        tmp_codes = os.path.join(tmp, "metrics_codes.tif")
        p1 = (lambda f: progress(0.85 * f)) if progress else None
        run_blocks(ndvi_inputs + units, metrics,
                   [RasterOutput(tmp_float, np.float32, None, bands=2, options=_temp_options()),
                    RasterOutput(tmp_codes, np.int16, None, bands=2, options=_temp_options())],
                   block_size=block_size, progress=p1, is_cancelled=is_cancelled, before_commit=metrics.check_scale,
                   parallel=True)
        references = metrics.hists.references()
        result = _pass2(tmp_float, tmp_codes, units, references, output, metrics_output, significance,
                        block_size, (lambda f: progress(0.85 + 0.15 * f)) if progress else None, is_cancelled)
    result.update({
        "years": (first_year, first_year + n_years - 1),
        "baseline": (first_year, first_year + nb - 1),
        "comparison": (first_year + n_years - nc, first_year + n_years - 1),
        "no_data": metrics.stats["no_data"], "too_few_years": metrics.stats["too_few_years"],
        "references": references, "units": len(metrics.hists.index),
    })
    return result


def _ndvi_inputs(ndvi):
    """Opened RasterInputs (all bands) of the NDVI series: one raster, or a list in year order."""
    sources = list(ndvi) if isinstance(ndvi, (list, tuple)) else [ndvi]
    if not sources:
        raise InputError(N_("Give the NDVI series: one raster with a band per year, or one raster per year."))
    inputs = []
    for i, src in enumerate(sources):
        name = "NDVI" if len(sources) == 1 else f"NDVI [{i + 1}]"
        inputs.append(RasterInput(src, name=name, band=None))
        inputs[-1].open()
    return inputs


def read_series(block, n_ndvi):
    """(years, pixels) float32 NDVI of a block with NaN where a year has no data (nodata, NaN, +/-inf)."""
    parts = []
    for i in range(n_ndvi):
        arr = block.arrays[i].astype(np.float32)
        arr[~block.valid(i)] = np.nan
        parts.append(arr.reshape(arr.shape[0], -1))
    return parts[0] if n_ndvi == 1 else np.concatenate(parts, axis=0)


class _MetricsPass:
    """Pass 1, one block at a time: read the series, check its range, compute the per-pixel metrics
    (``series_metrics``), accumulate the counts and the per-unit histograms of mean NDVI, and return
    the metrics as two temporary rasters (mean and slope; significance code and state change)."""

    def __init__(self, n_ndvi, n_units, baseline, comparison, scale, grid_pixels):
        self.n_ndvi, self.n_units = n_ndvi, n_units
        self.baseline, self.comparison, self.scale = baseline, comparison, scale
        self.limit = scale * (1 + TOLERANCE)
        self.hists = UnitHistograms(np.uint32 if grid_pixels < 2 ** 32 else np.int64)
        self.stats = {"no_data": 0, "too_few_years": 0, "max_abs": 0.0, "seen": False}

    def __call__(self, block):
        y = read_series(block, self.n_ndvi)
        self.check_range(y)
        m = series_metrics(y, self.baseline, self.comparison, self.scale)
        self.accumulate(block, m)
        shape = (block.ysize, block.xsize)
        ok = m["ok"]
        floats = np.stack([np.where(ok, m["mean"], np.nan), np.where(ok, m["slope"], np.nan)]).astype(np.float32)
        codes = np.stack([m["sig"], m["change"]]).astype(np.int16)
        return [floats.reshape((2,) + shape), codes.reshape((2,) + shape)]

    def check_range(self, y):
        """InputError when values leave the range of NDVI_SCALE, naming the likely cause."""
        high, low = float(np.fmax.reduce(y, axis=None)), float(np.fmin.reduce(y, axis=None))  # NaN-blind
        if math.isnan(high):
            return
        top = max(high, -low)
        in_block_order(self._note_range, top)
        if top > self.limit:
            worst = high if high >= -low else low
            if self.scale == 1 and abs(worst) <= 10000:
                raise InputError(N_("NDVI values reach {value}, outside -1..1 for NDVI_SCALE = 1; the series "
                                    "is probably scaled by 10000: set NDVI_SCALE to 10000."), value=f"{worst:g}")
            raise InputError(N_("NDVI values reach {value}, outside the range -{scale}..{scale} of NDVI_SCALE "
                                "= {scale}. Check the nodata value of the NDVI rasters (fill values must be "
                                "set as nodata) and the scale."), value=f"{worst:g}", scale=self.scale)

    def _note_range(self, top):
        self.stats["seen"] = True
        self.stats["max_abs"] = max(self.stats["max_abs"], top)

    def accumulate(self, block, m):
        """Count pixels without data or with too few years; add the mean NDVI to its unit's histogram."""
        ok = m["ok"]
        no_data = int(np.count_nonzero(m["n"] == 0))
        too_few = int(np.count_nonzero(~ok & (m["n"] > 0)))
        arrays = [block.arrays[self.n_ndvi + k].ravel() for k in range(self.n_units)]
        valids = [block.valid(self.n_ndvi + k).ravel() for k in range(self.n_units)]
        keys, unit_ok = unit_keys(arrays, valids)
        use = ok if unit_ok is None else ok & unit_ok
        in_block_order(self._add, no_data, too_few, None if keys is None else keys[use], m["mean"][use])

    def _add(self, no_data, too_few, keys, mean):
        """One block's counts and histogram, in block order (shared state: never from two threads at once)."""
        self.stats["no_data"] += no_data
        self.stats["too_few_years"] += too_few
        self.hists.add(keys, mean)

    def check_scale(self):
        """After every block: InputError when the series has no data, or looks unscaled for NDVI_SCALE 10000."""
        if not self.stats["seen"]:
            raise InputError(N_("The NDVI series has no valid pixel (all nodata)."))
        if self.scale == 10000 and self.stats["max_abs"] <= 1:
            raise InputError(N_("Every NDVI value lies between -1 and 1 although NDVI_SCALE = 10000; the series "
                                "is probably not scaled: set NDVI_SCALE to 1."))
