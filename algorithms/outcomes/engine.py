"""The outcome of every area: series years, gathering, matching, effect and class (the driver)."""

import re
from dataclasses import dataclass, field

import numpy as np

from ..blocks import open_raster
from ..errors import N_, InputError
from . import rules as outcome_rules
from .gather import SeriesInputs, gather
from .stats import area_seed, estimate, features, match

# A block holds every year of the series: 512 x 512 x 20 years keeps a block's arrays near 100 MB.
OUTCOME_BLOCK = 512
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


@dataclass
class AreaSpec:
    """One area: its identifier, start year (None when unknown) and polygons in the series' CRS."""

    key: object
    start: object
    polygons: list = field(default_factory=list)


def series_years(path, first_year=None, name="SERIES"):
    """The year of each band: ``first_year`` + band index, or the year in each band's description."""
    ds = open_raster(path, name)
    count = ds.RasterCount
    if first_year:
        return [int(first_year) + i for i in range(count)]
    years = []
    for b in range(1, count + 1):
        found = YEAR.findall(ds.GetRasterBand(b).GetDescription() or "")
        if len(found) != 1:
            raise InputError(N_("Band {band} of {name} has no year in its description, so the years of the series "
                                "are unknown. Give FIRST_YEAR (the year of band 1), or use a series written by "
                                "'Prepare an annual vegetation series'."), band=b, name=name)
        years.append(int(found[0]))
    if any(b <= a for a, b in zip(years, years[1:])):
        raise InputError(N_("The years in the band descriptions of {name} do not increase band by band ({years}). "
                            "Give FIRST_YEAR, or order the bands by year."), name=name,
                         years=", ".join(map(str, years)))
    return years


def check_series(years, rules, name="SERIES"):
    """Refuse a series shorter than the method needs."""
    needed = outcome_rules.min_series_years(rules)
    if years[-1] - years[0] + 1 < needed or len(years) < rules["min_years_before"] + rules["min_years_after"]:
        raise InputError(N_("{name} has {count} years ({first}-{last}); the outcome method needs at least {needed} "
                            "({before} before the start, {after} after it). Use a longer series, or lower "
                            "min_years_before / min_years_after in a copy of the preset."),
                         name=name, count=len(years), first=years[0], last=years[-1], needed=needed,
                         before=rules["min_years_before"], after=rules["min_years_after"])


def check_same_bands(path, count, name):
    """Refuse a per-year raster whose band count differs from the series'."""
    ds = open_raster(path, name)
    if ds.RasterCount != count:
        raise InputError(N_("{name} has {found} bands but the series has {count} years: give one band per year of "
                            "the series, in the same order."), name=name, found=ds.RasterCount, count=count)


@dataclass
class Outcome:
    """One row of the outcome table (numbers NaN when not computed)."""

    key: object
    start: object
    pixels: int = 0
    controls: int = 0
    years_before: int = 0
    years_after: int = 0
    effect: float = float("nan")
    ci_low: float = float("nan")
    ci_high: float = float("nan")
    p_value: float = float("nan")
    trend_diff: float = float("nan")
    forest_change_ha: float = float("nan")
    outcome: str = outcome_rules.INSUFFICIENT
    reason: str = ""
    reason_params: dict = field(default_factory=dict)
    inside_series: object = None
    control_series: object = None


def _periods(years, start, rules):
    years = np.asarray(years)
    return years < start, years >= start + rules["after_offset"]


def _matched_controls(data, num, years, before, n_years, rules):
    """(matched control series with repetition, distinct controls used)."""
    inside, cands = data.inside.get(num), data.controls.get(num)
    if not len(inside) or not len(cands):
        return np.empty((0, n_years)), 0
    yrs = np.asarray(years, float)
    f_in = features(inside[:, :n_years], inside[:, n_years:], yrs, before)
    f_c = features(cands[:, :n_years], cands[:, n_years:], yrs, before)
    idx = match(f_in, f_c, rules["caliper_sd"])
    idx = idx[idx >= 0]
    return cands[idx, :n_years].astype(float), len(np.unique(idx))


def _forest_change(data, num, years, start):
    if data.forest_ha is None:
        return float("nan")
    before = [i for i, y in enumerate(years) if y < start]
    if not before:
        return float("nan")
    return float(data.forest_ha[num, -1] - data.forest_ha[num, before[-1]])


def assess(spec, num, data, years, rules):
    """The Outcome of area number ``num`` (1-based) from what was gathered."""
    row = Outcome(spec.key, spec.start, pixels=int(data.pixels[num]))
    row.inside_series = data.inside_mean(num)
    if spec.start is None:
        row.reason = "no_start_year"
        return row
    if not years[0] <= spec.start <= years[-1]:
        row.reason, row.reason_params = "start_outside", {"start": spec.start, "first": years[0], "last": years[-1]}
        return row
    before, after = _periods(years, spec.start, rules)
    has_data = np.isfinite(row.inside_series)
    row.years_before, row.years_after = int((before & has_data).sum()), int((after & has_data).sum())
    controls, row.controls = _matched_controls(data, num, years, before, len(years), rules)
    row.forest_change_ha = _forest_change(data, num, years, spec.start)
    if row.pixels and len(controls):
        est = estimate(row.inside_series, controls, years, before, after, rules["bootstrap"], rules["alpha"],
                       area_seed(rules["seed"], spec.key))
        row.years_before, row.years_after = est.years_before, est.years_after
        row.control_series = est.control_series
    missing = outcome_rules.insufficiency(row.pixels, row.years_before, row.years_after, row.controls, rules)
    if missing is not None:
        row.reason, row.reason_params = missing
        return row
    row.effect, row.ci_low, row.ci_high = est.effect, est.ci_low, est.ci_high
    row.p_value, row.trend_diff = est.p_value, est.trend_diff
    row.outcome, row.reason = outcome_rules.classify(est.effect, est.ci_low, est.ci_high, rules["min_effect"])
    if row.reason == "below_min_effect":
        row.reason_params = {"min_effect": rules["min_effect"]}
    return row


def restoration_outcomes(specs, inputs, exclude, radius_m, rules, workdir, block_size=OUTCOME_BLOCK,
                         progress=None, is_cancelled=None):
    """[Outcome] of every area of ``specs`` (same order), from a ``SeriesInputs`` on one grid."""
    check_series(inputs.years, rules)
    if inputs.forest:
        check_same_bands(inputs.forest, len(inputs.years), "FOREST")
    starts = [s.start for s in specs if s.start is not None]
    if specs and starts and not any(inputs.years[0] <= s <= inputs.years[-1] for s in starts):
        raise InputError(N_("No area starts inside the series ({first}-{last}): start years run from {low} to "
                            "{high}. Check FIRST_YEAR (the year of band 1) and START_FIELD."),
                         first=inputs.years[0], last=inputs.years[-1], low=min(starts), high=max(starts))
    first = (lambda f: progress(0.9 * f)) if progress else None
    data, _grid = gather(inputs, [s.polygons for s in specs], exclude, radius_m, rules, workdir, block_size,
                         first, is_cancelled)
    out = []
    for num, spec in enumerate(specs, start=1):
        out.append(assess(spec, num, data, inputs.years, rules))
        if progress and num % 200 == 0:
            progress(0.9 + 0.1 * num / len(specs))
    return out


__all__ = ["AreaSpec", "Outcome", "SeriesInputs", "assess", "check_series", "restoration_outcomes", "series_years"]
