"""The steps of the priority package tested apart, row by row against METHODS.md section 4.

(1) rescale each criterion to 0..1, (2) S = sum w_i x_i with sum w_i = 1, (3) constraint masks,
(4) classes by fixed breaks; plus the uncertainty helpers and the block kernel's steps. The whole
run (``priority_score``) is tested in test_scoring.py.
"""

import numpy as np
import pytest
from rasters import write_raster

from t2restore.algorithms.blocks import Block
from t2restore.algorithms.errors import InputError
from t2restore.algorithms.priority import classes, constraints, rescale, uncertainty, weights
from t2restore.algorithms.priority.constraints import STATUS_EXCLUDED, STATUS_NODATA, STATUS_OUTSIDE, STATUS_SCORED
from t2restore.algorithms.priority.criteria import Criterion
from t2restore.algorithms.priority.driver import PassProgress, check_settings, priority_score
from t2restore.algorithms.priority.kernel import BlockKernel, score_raster

# -- (1) rescaling: METHODS.md 4 "linear between thresholds, inverted where smaller is better" --------

LINEAR_ROWS = [  # (value, low, high, expected): 0 at low, 1 at high, straight line, clamped outside
    (-5.0, 0.0, 10.0, 0.0), (0.0, 0.0, 10.0, 0.0), (2.5, 0.0, 10.0, 0.25), (10.0, 0.0, 10.0, 1.0),
    (12.0, 0.0, 10.0, 1.0), (35.0, 0.0, 35.0, 1.0), (0.1, 0.1, 0.7, 0.0), (0.7, 0.1, 0.7, 1.0),
]


@pytest.mark.parametrize("value, low, high, expected", LINEAR_ROWS)
def test_linear_rescaling_rows(value, low, high, expected):
    assert rescale.rescale_linear(np.array([value]), low, high)[0] == np.float32(expected)
    assert rescale.rescale_inverted(np.array([value]), low, high)[0] == np.float32(1.0 - expected)


def test_quintile_classes_score_as_se_plan():
    """METHODS.md 6: quintile classes 1..5; class c of n scores (c - 1) / (n - 1); a value on a break stays below."""
    values = np.arange(1, 11, dtype=np.int16)  # 10 values: breaks at ranks 2, 4, 6, 8
    breaks = rescale.quantile_breaks_exact(values, 5)
    assert breaks == [2.0, 4.0, 6.0, 8.0]
    scores = rescale.quantile_score(rescale.classify(values, breaks), 5)
    assert scores.tolist() == [0.0, 0.0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 1.0, 1.0]


def test_categorical_criterion_scores_by_its_table():
    c = Criterion("cover", None, method="categórica", table={"1": 1, "2.0": 0.5}, default=0.2).validate()
    assert c.method == "categorical"
    assert c.rescale(np.array([1, 2, 7], np.uint8)).tolist() == [1.0, 0.5, np.float32(0.2)]


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(method="linear", low=3, high=3), "same low and high"),
    (dict(method="inverted", low=None, high=1), "needs two numbers"),
    (dict(method="quantile", classes=1), "use 2 to 20"),
    (dict(method="categorical", table={}), "needs a lookup table"),
    (dict(method="categorical", table={1: 1.5}), "between 0 and 1"),
])
def test_each_rescaling_family_checks_its_own_settings(kwargs, fragment):
    with pytest.raises(InputError) as err:
        Criterion("x", None, **kwargs).validate()
    assert fragment in str(err.value)


# -- (2) weights: S = sum w_i x_i with sum w_i = 1 -----------------------------------------------------

def test_weights_are_divided_by_their_sum():
    w, total = weights.normalize_weights([3, 1, 0, 4], ["a", "b", "c", "d"])
    assert total == 8
    assert w.tolist() == [0.375, 0.125, 0.0, 0.5]


def test_weights_from_a_table_match_names_without_case_or_accents():
    rows = [("Pendiente", "0,25"), ("CONFLICTO de uso", 0.75)]
    assert weights.weights_from_table(rows, ["conflicto de uso", "pendiente"]) == [0.75, 0.25]


def test_base_score_is_the_weighted_sum_clipped_to_one():
    x = np.array([[0.0, 0.5, 1.0, 1.0], [1.0, 0.5, 1.0, 0.0]], np.float32)
    kernel = BlockKernel([Criterion("a", "a.tif"), Criterion("b", "b.tif")], [0.25, 0.75], None, (), None, None)
    expected = np.minimum(0.25 * x[0].astype(np.float64) + 0.75 * x[1], 1.0)
    np.testing.assert_allclose(kernel.base_score(x), expected, rtol=0, atol=1e-7)


def test_settings_are_checked_before_any_raster_is_opened():
    crit = [Criterion("a", "/nonexistent/a.tif", method="linear", low=0, high=1)]
    with pytest.raises(InputError, match="needs an output for the stability raster"):
        check_settings(crit, [1], uncertainty=uncertainty.Uncertainty(20, 10, 1), stability_output=None)
    settings = check_settings(crit, [2], classes=classes.ClassSpec("quantile", count=5))
    assert settings.weights.tolist() == [1.0] and settings.weight_sum == 2 and settings.runs is None
    assert settings.spec.count == 5


# -- (3) constraints and the mask --------------------------------------------------------------------

# (criteria valid, inside the mask, constraint 1, constraint 2) -> status
STATUS_ROWS = [
    ((False, True, False, False), STATUS_NODATA),
    ((False, True, True, True), STATUS_NODATA),  # no data: not counted as excluded either
    ((True, True, False, False), STATUS_SCORED),
    ((True, True, True, False), STATUS_EXCLUDED),
    ((True, True, False, True), STATUS_EXCLUDED),
    ((True, True, True, True), STATUS_EXCLUDED),
    ((True, False, False, False), STATUS_OUTSIDE),
    ((True, False, True, True), STATUS_OUTSIDE),  # outside the mask: not counted as excluded
]


def test_pixel_status_rows():
    flags = np.array([row for row, _s in STATUS_ROWS], bool).T[:, None, :]  # 4 x (1 x rows)
    status, excluded_by = constraints.pixel_status(flags[0], flags[1], [flags[2], flags[3]])
    assert status.ravel().tolist() == [s for _row, s in STATUS_ROWS]
    assert excluded_by == [2, 2]  # rows 4 and 6 for the first constraint, rows 5 and 6 for the second


def test_mask_keeps_listed_values_or_any_non_zero_value_with_data():
    values = np.array([-1, 0, 1, 2, -1], np.int16)
    valid = np.array([True, True, True, True, False])
    assert constraints.inside_mask(values, valid, (-1,)).tolist() == [True, False, False, False, False]
    assert constraints.inside_mask(values, valid, (1, 2)).tolist() == [False, False, True, True, False]
    assert constraints.inside_mask(values, valid).tolist() == [True, False, True, True, False]
    assert constraints.constrained(values, valid).tolist() == [True, False, True, True, False]


def test_kernel_classifies_a_block_and_counts_its_pixels():
    """Criteria slots first, then mask, then constraint; -1 is the criteria's nodata."""
    crit_a = np.array([[1, 2, -1, 4, 5, 6]], np.int16)
    crit_b = np.array([[1, 1, 1, -1, 1, 1]], np.int16)
    mask = np.array([[1, 1, 1, 1, 0, 1]], np.uint8)
    water = np.array([[0, 1, 1, 1, 1, 0]], np.uint8)
    block = Block(0, 0, 6, 1, 0, [crit_a, crit_b, mask, water], np.ones((1, 6), bool), [-1, -1, None, None])
    crit = [Criterion("a", "a.tif"), Criterion("b", "b.tif")]
    kernel = BlockKernel(crit, [1, 1], constraints.Layer("mask", "m.tif"), [constraints.Layer("agua", "w.tif")],
                         None, None)
    status = kernel.status(block)
    assert status.tolist() == [[STATUS_SCORED, STATUS_EXCLUDED, STATUS_NODATA, STATUS_NODATA, STATUS_OUTSIDE,
                                STATUS_SCORED]]
    assert kernel.counts == {"all_valid": 4, "candidates": 3, "scored": 2}
    assert kernel.excluded_by == [1] and kernel.seen == [True, True]


def test_region_error_names_the_constraint_that_cuts_everything():
    layers = [constraints.Layer("agua", "w.tif"), constraints.Layer("urbano", "u.tif")]
    with pytest.raises(InputError, match="constraint agua excludes every pixel"):
        constraints.region_error(None, layers, 10, [10, 3])
    with pytest.raises(InputError, match="constraints agua, urbano together exclude"):
        constraints.region_error(None, layers, 10, [6, 4])


# -- (4) classes and the area table ------------------------------------------------------------------

def test_class_raster_and_area_codes():
    status = np.array([[STATUS_NODATA, STATUS_SCORED, STATUS_SCORED], [STATUS_EXCLUDED, STATUS_OUTSIDE,
                                                                      STATUS_SCORED]], np.uint8)
    cls = classes.class_raster(status, np.array([0.25, 0.26, 0.9]), [0.25, 0.5, 0.75])
    assert cls.tolist() == [[classes.CLASS_NODATA, 1, 2], [classes.EXCLUDED, classes.CLASS_NODATA, 4]]
    codes = classes.area_codes(cls, status, 4)
    assert codes.tolist() == [[0, 1, 2], [5, 6, 4]]
    table = classes.code_classes(4)
    assert [table[c] for c in codes.ravel()] == [None, 1, 2, classes.EXCLUDED, classes.MASKED, 4]


def test_score_raster_puts_values_at_scored_pixels_only():
    scored = np.array([[True, False], [False, True]])
    out = score_raster(scored, np.array([0.5, 0.25], np.float32))
    assert out.dtype == np.float32
    assert out.tolist() == [[0.5, classes.SCORE_NODATA], [classes.SCORE_NODATA, 0.25]]


# -- uncertainty ---------------------------------------------------------------------------------------

def test_stability_counts_are_the_runs_above_their_threshold():
    scores = np.array([[0.125, 0.625, 0.875], [0.75, 0.625, 0.25], [0.8125, 0.375, 0.9375]], np.float32)  # runs x px
    thresholds = uncertainty.thresholds32([0.5, 0.625, 0.875])[:, None]  # one per run (exact in binary)
    chunks = [(0, scores[:, :2]), (2, scores[:, 2:])]
    counts = uncertainty.stability_counts(chunks, 3, thresholds)
    assert counts.dtype == np.uint16
    assert counts.tolist() == [1, 1, 2]  # pixel 1: above 0.5 in run 1 only (0.625 is not above 0.625)


def test_sample_step_reads_the_module_setting(monkeypatch):
    assert uncertainty.sample_step(2867) == 1
    monkeypatch.setattr(uncertainty, "RUN_SAMPLE", 400)
    assert uncertainty.sample_step(2867) == 8  # ceil(2867 / 400)


def test_the_run_uses_the_sample_of_the_uncertainty_module(tmp_path, monkeypatch):
    """Run breaks come from the 1-in-step sample set in ``uncertainty``: a coarser sample moves them."""
    rng = np.random.default_rng(5)
    a = write_raster(tmp_path / "a.tif", rng.uniform(0, 1, (60, 50)).astype(np.float32))
    b = write_raster(tmp_path / "b.tif", rng.uniform(0, 1, (60, 50)).astype(np.float32))

    def run_breaks(tag):
        crit = [Criterion("a", a, low=0, high=1), Criterion("b", b, low=0, high=1)]
        result = priority_score(crit, [1, 1], str(tmp_path / f"s{tag}.tif"), classes=classes.ClassSpec("quantile"),
                                uncertainty=uncertainty.Uncertainty(20, 4, 3),
                                stability_output=str(tmp_path / f"st{tag}.tif"))
        return result["run_breaks"]

    whole = run_breaks("whole")
    monkeypatch.setattr(uncertainty, "RUN_SAMPLE", 100)  # 3000 pixels -> 1 in 30
    assert not np.array_equal(run_breaks("sampled"), whole)


def test_pass_progress_splits_the_run_evenly():
    seen = []
    passes = PassProgress(seen.append, 4)
    first, second = passes.next(), passes.next()
    first(1.0)
    second(0.5)
    assert seen == [0.25, 0.375]
    assert PassProgress(None, 2).next() is None
