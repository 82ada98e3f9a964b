"""Restoration outcomes (issue 14): rules row by row, planted effects, block-size independence."""

import math

import numpy as np
import pytest
from outcome_scene import AREAS, FIRST_YEAR, N_YEARS, area_wkt, polygon, write_scene
from rasters import write_raster

from t2restore.algorithms.errors import InputError
from t2restore.algorithms.outcomes import (
    AreaSpec,
    SeriesInputs,
    check_preset,
    classify,
    load_preset,
    restoration_outcomes,
    series_years,
)
from t2restore.algorithms.outcomes.rules import finite_number, insufficiency
from t2restore.algorithms.outcomes.stats import match, nan_slopes

RULES = load_preset()
YEARS = list(range(FIRST_YEAR, FIRST_YEAR + N_YEARS))


def specs(areas=AREAS):
    return [AreaSpec(key, start, [polygon(area_wkt(col, row))]) for key, col, row, start, _e in areas]


def run(tmp_path, series, areas=AREAS, block_size=64, rules=RULES, radius=900.0, **inputs):
    work = tmp_path / f"work{block_size}"
    work.mkdir(exist_ok=True)
    return restoration_outcomes(specs(areas), SeriesInputs(series, YEARS, **inputs), [], radius, rules,
                                str(work), block_size=block_size)


@pytest.mark.parametrize("effect, low, high, expected", [
    (0.10, 0.05, 0.15, ("recovering", "significant_gain")),
    (0.01, 0.005, 0.02, ("no_change", "below_min_effect")),   # significant but under min_effect 0.02
    (0.02, 0.001, 0.03, ("recovering", "significant_gain")),  # min_effect reached exactly
    (-0.10, -0.15, -0.05, ("declining", "significant_loss")),
    (-0.019, -0.03, -0.001, ("no_change", "below_min_effect")),
    (0.10, -0.01, 0.2, ("no_change", "interval_spans_zero")),
    (0.0, 0.0, 0.1, ("no_change", "interval_spans_zero")),     # a bound at 0 is not above 0
])
def test_classify_rows(effect, low, high, expected):
    assert classify(effect, low, high, 0.02) == expected


@pytest.mark.parametrize("pixels, before, after, controls, code", [
    (3, 5, 5, 50, "few_pixels"), (4, 2, 5, 50, "few_before"), (4, 3, 2, 50, "few_after"),
    (4, 3, 3, 9, "few_controls"), (4, 3, 3, 10, None),
])
def test_insufficiency_rows(pixels, before, after, controls, code):
    found = insufficiency(pixels, before, after, controls, RULES)
    assert (found[0] if found else None) == code


def test_preset_values_checked():
    bad = dict(RULES, alpha=2.0)
    with pytest.raises(InputError, match="alpha"):
        check_preset(bad)
    with pytest.raises(InputError, match="min_controls"):
        check_preset({k: v for k, v in RULES.items() if k != "min_controls"})


def test_slopes_ignore_missing_years():
    series = np.array([[1.0, 3.0, np.nan, 7.0], [np.nan, np.nan, np.nan, 2.0]])
    slopes = nan_slopes(series, [0, 1, 2, 3])
    assert slopes[0] == pytest.approx(2.0)
    assert math.isnan(slopes[1])


def test_match_takes_nearest_within_caliper():
    controls = np.array([[0.0, 0.0], [1.0, 1.0], [10.0, 10.0]])
    inside = np.array([[0.9, 1.2], [50.0, 50.0]])
    assert match(inside, controls, 1.0).tolist() == [1, -1]


def test_planted_effects_found_with_regional_trend(tmp_path):
    series, planted = write_scene(tmp_path, trend=0.01)
    rows = {r.key: r for r in run(tmp_path, series)}
    for key, effect in planted.items():
        row = rows[key]
        assert row.ci_low <= effect <= row.ci_high, (key, row)
        assert abs(row.effect - effect) < 0.03, (key, row.effect)
        expected = "recovering" if effect > 0 else "declining" if effect < 0 else "no_change"
        assert row.outcome == expected, (key, row.outcome, row.reason)
        assert row.controls >= RULES["min_controls"]
        assert row.pixels == 100
        assert row.years_before == row.start - FIRST_YEAR
        assert row.years_after == FIRST_YEAR + N_YEARS - 1 - row.start


def test_regional_trend_alone_gives_no_effect(tmp_path):
    none = [(key, col, row, start, 0.0) for key, col, row, start, _e in AREAS]
    series, _ = write_scene(tmp_path, trend=0.03, shocks=0.08, areas=none)
    for row in run(tmp_path, series, areas=none):
        assert row.outcome == "no_change", (row.key, row.effect, row.ci_low, row.ci_high)
        assert row.ci_low <= 0.0 <= row.ci_high
        assert abs(row.effect) < 0.02


def test_noise_hides_no_planted_effect_and_rarely_invents_one(tmp_path):
    """Strong pixel noise everywhere, plus yearly shocks of their own in two areas without effect, over 20
    scenes: every planted effect is found each time; areas without effect are called recovering or
    declining in few scenes (a 95 % interval misses 0 about 5 % of the time) and never for the areas
    without shocks of their own."""
    false_calls, noisy = 0, 0
    for seed in range(20):
        series, planted = write_scene(tmp_path, name=f"s{seed}.tif", seed=seed, noise=0.05,
                                      area_noise={"none_2011": 0.04, "none_2009": 0.04})
        rows = {r.key: r for r in run(tmp_path, series)}
        for key, effect in planted.items():
            row = rows[key]
            if effect:
                assert row.outcome == ("recovering" if effect > 0 else "declining"), (seed, key, row)
            elif key == "none_2014":
                assert row.outcome == "no_change", (seed, key, row)
            else:
                noisy += 1
                false_calls += row.outcome in ("recovering", "declining")
    assert false_calls <= 0.15 * noisy, (false_calls, noisy)


def test_block_size_does_not_change_results(tmp_path):
    series, _ = write_scene(tmp_path)
    results = [run(tmp_path, series, block_size=size) for size in (16, 37, 256)]
    for other in results[1:]:
        for a, b in zip(results[0], other):
            assert (a.key, a.outcome, a.controls, a.pixels) == (b.key, b.outcome, b.controls, b.pixels)
            for name in ("effect", "ci_low", "ci_high", "p_value", "trend_diff"):
                assert getattr(a, name) == pytest.approx(getattr(b, name), abs=1e-9), name


def test_tiny_and_outside_areas_are_insufficient(tmp_path):
    series, _ = write_scene(tmp_path)
    areas = [("tiny", 30, 30, 2010, 0.0), ("outside", 500, 500, 2010, 0.0)]
    specs_ = [AreaSpec("tiny", 2010, [polygon(area_wkt(30.6, 30.6, size=0.3))]),
              AreaSpec("outside", 2010, [polygon(area_wkt(500, 500))])] + specs()
    rows = restoration_outcomes(specs_, SeriesInputs(series, YEARS), [], 900.0, RULES, str(tmp_path))
    assert len(rows) == len(areas) + len(AREAS)
    for row in rows[:2]:
        assert (row.outcome, row.reason, row.pixels) == ("insufficient", "few_pixels", 0)


def test_start_years_outside_and_missing(tmp_path):
    series, _ = write_scene(tmp_path)
    areas = [("late", 15, 15, 2030, 0.0), ("none", 55, 15, None, 0.0), ("early", 95, 15, 2006, 0.0)]
    rows = run(tmp_path, series, areas=areas)
    assert [r.reason for r in rows] == ["start_outside", "no_start_year", "few_before"]
    assert all(r.outcome == "insufficient" for r in rows)
    with pytest.raises(InputError, match="No area starts inside the series"):
        run(tmp_path, series, areas=[("late", 15, 15, 2030, 0.0)])


def test_short_series_refused(tmp_path):
    values = np.ones((5, 20, 20), np.float32)
    path = write_raster(tmp_path / "short.tif", values)
    with pytest.raises(InputError, match="needs at least 7"):
        restoration_outcomes(specs(), SeriesInputs(path, list(range(2010, 2015))), [], 900.0, RULES, str(tmp_path))


def test_nodata_years_inside_an_area(tmp_path):
    from osgeo import gdal

    series, planted = write_scene(tmp_path)
    ds = gdal.Open(series, gdal.GA_Update)
    for band in (2, 14):  # 2006 (before 2010) and 2018 (after) lost inside gain_2010
        arr = ds.GetRasterBand(band).ReadAsArray()
        arr[15:25, 15:25] = -9999.0
        ds.GetRasterBand(band).WriteArray(arr)
    ds = None
    row = run(tmp_path, series)[0]
    assert row.key == "gain_2010"
    assert (row.years_before, row.years_after) == (4, 9)
    assert row.ci_low <= planted["gain_2010"] <= row.ci_high
    assert row.outcome == "recovering"


def test_years_from_band_descriptions(tmp_path):
    series, _ = write_scene(tmp_path, descriptions=True)
    assert series_years(series) == YEARS
    assert series_years(series, 1990)[:2] == [1990, 1991]
    plain = write_raster(tmp_path / "plain.tif", np.ones((8, 4, 4), np.float32))
    with pytest.raises(InputError, match="FIRST_YEAR"):
        series_years(plain)


def test_land_type_keeps_controls_of_the_same_type(tmp_path):
    """Controls of another land type follow another trend after 2010: without LAND_TYPE they bias the effect."""
    values, _ = __import__("outcome_scene").scene(trend=0.0, areas=[("a", 15, 15, 2010, 0.0)])
    land = np.ones(values.shape[1:], np.int16)
    land[:, 40:] = 2
    land[:, :40][::2] = 2  # half of the nearby pixels are of the other type
    land[15:25, 15:25] = 1  # the area is of type 1 and unchanged: true effect 0
    later = (np.arange(N_YEARS) + FIRST_YEAR) >= 2011
    values[:, land == 2] += np.where(later, -0.2, 0.0)[:, None]
    series = write_raster(tmp_path / "s.tif", values, nodata=-9999.0)
    land_path = write_raster(tmp_path / "land.tif", land)
    with_type = run(tmp_path, series, areas=[("a", 15, 15, 2010, 0.0)], land_type=land_path)[0]
    without = run(tmp_path, series, areas=[("a", 15, 15, 2010, 0.0)])[0]
    assert with_type.ci_low <= 0.0 <= with_type.ci_high
    assert with_type.outcome == "no_change"
    assert without.effect > 0.05  # the other type's loss shows as a false gain


@pytest.mark.parametrize("df, t_975", [(3, 3.182), (5, 2.571), (10, 2.228), (30, 2.042)])
def test_small_sample_factor_matches_t_tables(df, t_975):
    from t2restore.algorithms.outcomes.stats import small_sample_factor

    assert small_sample_factor(df, 0.05) * 1.959964 == pytest.approx(t_975, rel=0.01)


def test_forest_change_in_hectares(tmp_path):
    """Forest appears in 2012 on 40 of gain_2010's 100 pixels (30 m UTM cells: 0.09 ha of map area each, about
    0.05 % more on the ellipsoid at 100 km from the central meridian)."""
    series, _ = write_scene(tmp_path)
    forest = np.zeros((N_YEARS, 120, 120), np.uint8)
    forest[FIRST_YEAR + np.arange(N_YEARS) >= 2012, 15:19, 15:25] = 1
    forest[:, 60:70, 60:70] = 1  # forest all along elsewhere: no change
    path = write_raster(tmp_path / "forest.tif", forest)
    rows = {r.key: r for r in run(tmp_path, series, forest=path)}
    assert rows["gain_2010"].forest_change_ha == pytest.approx(40 * 0.09, rel=1e-3)
    assert rows["loss_2012"].forest_change_ha == 0.0
    short = write_raster(tmp_path / "short_forest.tif", forest[:5])
    with pytest.raises(InputError, match="one band per year"):
        run(tmp_path, series, forest=short)


def test_covariates_take_part_in_matching(tmp_path):
    """A covariate on which no control resembles the area (0 inside, 100 outside) leaves no match within the
    caliper; a covariate alike everywhere changes nothing."""
    series, planted = write_scene(tmp_path)
    far = np.full((120, 120), 100.0, np.float32)
    for _key, col, row, _start, _effect in AREAS:
        far[row:row + 10, col:col + 10] = 0.0
    flat = np.full((120, 120), 5.0, np.float32)
    far_path = write_raster(tmp_path / "far.tif", far)
    flat_path = write_raster(tmp_path / "flat.tif", flat)
    for row in run(tmp_path, series, covariates=[far_path]):
        assert (row.outcome, row.reason, row.controls) == ("insufficient", "few_controls", 0)
    plain = run(tmp_path, series)
    with_flat = run(tmp_path, series, covariates=[flat_path])
    assert [r.effect for r in with_flat] == pytest.approx([r.effect for r in plain], abs=1e-12)


@pytest.mark.parametrize("value, expected", [(1, 1.0), ("2.5", 2.5), (-0.0, -0.0), (None, None), ("", None),
                                             ("n/a", None), (float("nan"), None), (float("inf"), None),
                                             ("-inf", None)])
def test_finite_number_reads_registry_and_field_values(value, expected):
    assert finite_number(value) == expected
