"""Matching, effect and bootstrap of one area (pure numpy).

Series are (pixels, years) float arrays with NaN for years without data.
"""

import zlib
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np


def nan_slopes(series, years):
    """Least-squares slope per row of ``series`` over ``years`` ignoring NaN (NaN below 2 years)."""
    series = np.atleast_2d(np.asarray(series, float))
    ok = np.isfinite(series)
    n = ok.sum(axis=1)
    x = np.where(ok, np.asarray(years, float)[None, :], 0.0)
    y = np.where(ok, series, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mx = x.sum(axis=1) / n
        my = y.sum(axis=1) / n
        dx = np.where(ok, x - mx[:, None], 0.0)
        sxx = (dx * dx).sum(axis=1)
        slope = (dx * (y - my[:, None])).sum(axis=1) / sxx
    slope[(n < 2) | ~(sxx > 0)] = np.nan
    return slope


def nan_means(series):
    """Mean per row ignoring NaN (NaN for a row without data), without warnings."""
    series = np.atleast_2d(np.asarray(series, float))
    ok = np.isfinite(series)
    n = ok.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(ok, series, 0.0).sum(axis=1) / np.where(n > 0, n, np.nan)


def features(series, covariates, years, before):
    """Matching variables per pixel: pre-start mean, pre-start trend, then the covariates."""
    pre = series[:, before]
    cols = [nan_means(pre), nan_slopes(pre, years[before])]
    if covariates is not None and covariates.shape[1]:
        cols.extend(covariates.T.astype(float))
    return np.column_stack(cols)


def match(inside_features, control_features, caliper_sd):
    """Index of the nearest unused control of each inside pixel (-1 when none within the caliper).

    Nearest-neighbour matching without replacement, inside pixels taken in their (random sample)
    order: variables are standardized by the controls' standard deviation (1 where it is 0), the
    distance is Euclidean in those units, matches farther than ``caliper_sd`` times
    sqrt(variables) are dropped. Ties go to the lowest control index.
    """
    inside = np.asarray(inside_features, float)
    controls = np.asarray(control_features, float)
    usable = np.isfinite(controls).all(axis=1)
    out = np.full(len(inside), -1, np.int64)
    if not usable.any() or not len(inside):
        return out
    index = np.flatnonzero(usable)
    ctrl = controls[usable]
    scale = ctrl.std(axis=0)
    scale[~(scale > 0)] = 1.0
    limit = caliper_sd * np.sqrt(ctrl.shape[1])
    rows = np.isfinite(inside).all(axis=1)
    dist = np.full((len(inside), len(ctrl)), np.inf)
    if rows.any():
        diff = (inside[rows][:, None, :] - ctrl[None, :, :]) / scale
        dist[rows] = np.sqrt((diff * diff).sum(axis=2))
    used = np.zeros(len(ctrl), bool)
    for i in np.flatnonzero(rows):
        row = np.where(used, np.inf, dist[i])
        best = int(np.argmin(row))
        if row[best] <= limit:
            out[i] = index[best]
            used[best] = True
    return out


@dataclass
class Estimate:
    effect: float = float("nan")
    ci_low: float = float("nan")
    ci_high: float = float("nan")
    p_value: float = float("nan")
    trend_diff: float = float("nan")
    years_before: int = 0
    years_after: int = 0
    control_series: object = None


def area_seed(seed, key):
    """A per-area seed: the same area gets the same bootstrap whatever the order of the areas."""
    return (int(seed) * 1_000_003 + zlib.crc32(str(key).encode("utf-8"))) % (2**32)


def _period_means(diff, index, weights):
    """Weighted means over the chosen years of each replicate (B, years) -> (B,)."""
    return (diff[:, index] * weights).sum(axis=1) / weights.sum(axis=1)


def small_sample_factor(df, alpha):
    """t(1 - alpha/2, df) / z(1 - alpha/2): the widening of a normal-theory interval with few years.

    The t quantile from the Cornish-Fisher expansion (within 1 % of the tables from df = 3).
    """
    z = NormalDist().inv_cdf(1 - alpha / 2)
    if df < 1:
        return 1.0
    t = z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
    t += (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    return t / z


def _inflated(replicates, observed, n):
    """Bootstrap means of ``n`` years with their spread widened by sqrt(n / (n - 1)).

    The bootstrap variance of a mean of n values is (n - 1) / n of the unbiased one, which matters
    with the few years before a start; the widening removes that shrinkage.
    """
    if n < 2:
        return replicates
    return observed + (replicates - observed) * np.sqrt(n / (n - 1.0))


def resample_counts(rng, n, replicates):
    """(replicates, n) how often each of n items is drawn in n draws with replacement, per replicate."""
    draws = rng.integers(0, n, (replicates, n)) + (np.arange(replicates) * n)[:, None]
    return np.bincount(draws.ravel(), minlength=replicates * n).reshape(replicates, n).astype(float)


def _replicate_controls(controls, rng, replicates):
    """(B, years) control means with the matched controls resampled with replacement."""
    weights = resample_counts(rng, len(controls), replicates)
    ok = np.isfinite(controls)
    values = np.where(ok, controls, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (weights @ values) / (weights @ ok.astype(float))


def estimate(inside_mean, controls, years, before, after, replicates, alpha, seed):
    """Effect, bootstrap interval, p-value and trend difference of one area.

    ``inside_mean``: the series averaged over the area's pixels; ``controls``: (matched, years)
    series of the matched controls (with repetition); ``before`` / ``after``: boolean year masks.
    Effect = (mean after - mean before) inside minus the same in the controls. The bootstrap
    resamples the years of each period and the matched controls; the interval is its central
    (1 - alpha) range; the p-value is that of the centred bootstrap test of effect = 0.
    """
    years = np.asarray(years, float)
    control_mean = nan_means(controls.T)
    diff = inside_mean - control_mean
    ok = np.isfinite(diff)
    b_idx, a_idx = np.flatnonzero(before & ok), np.flatnonzero(after & ok)
    est = Estimate(years_before=len(b_idx), years_after=len(a_idx), control_series=control_mean)
    if not len(b_idx) or not len(a_idx):
        return est
    est.effect = float(diff[a_idx].mean() - diff[b_idx].mean())
    est.trend_diff = float(nan_slopes(diff[a_idx][None, :], years[a_idx])[0])
    rng = np.random.default_rng(seed)
    rep = _replicate_controls(controls, rng, replicates)
    rep = np.where(np.isfinite(rep), rep, control_mean[None, :])
    rep_diff = inside_mean[None, :] - rep
    wb = resample_counts(rng, len(b_idx), replicates)
    wa = resample_counts(rng, len(a_idx), replicates)
    after_means = _inflated(_period_means(rep_diff, a_idx, wa), diff[a_idx].mean(), len(a_idx))
    before_means = _inflated(_period_means(rep_diff, b_idx, wb), diff[b_idx].mean(), len(b_idx))
    effects = after_means - before_means
    effects = est.effect + (effects - est.effect) * small_sample_factor(len(a_idx) + len(b_idx) - 2, alpha)
    est.ci_low, est.ci_high = (float(v) for v in np.quantile(effects, [alpha / 2, 1 - alpha / 2]))
    extreme = np.count_nonzero(np.abs(effects - est.effect) >= abs(est.effect))
    est.p_value = float((1 + extreme) / (replicates + 1))
    return est
