"""Priority scoring: rescaling rules at their boundaries, weights, constraints, classes, stability, presets.

The block path is checked against whole-array references built from the rule functions, for block
sizes that do and do not divide the raster.
"""

import json
import os
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from rasters import read_raster, write_raster

from t2restore.algorithms import scoring
from t2restore.algorithms.errors import Cancelled, GridMismatchError, InputError
from t2restore.algorithms.priority import uncertainty as priority_uncertainty
from t2restore.algorithms.scoring import ClassSpec, Criterion, Layer, Uncertainty

ND = scoring.SCORE_NODATA
SHAPE = (61, 47)  # divisible by none of the block sizes below
BLOCKS = [16, 37, (47, 5), 1024]
PRESET = Path(scoring.__file__).resolve().parents[1] / "presets" / "roam_serfor_provisional.json"


# -- rules ------------------------------------------------------------------------------------

def test_linear_rescaling_at_and_beyond_its_bounds():
    values = np.array([-1.0, 0.0, 2.5, 5.0, 10.0, 11.0])
    assert scoring.rescale_linear(values, 0, 10).tolist() == [0.0, 0.0, 0.25, 0.5, 1.0, 1.0]
    assert scoring.rescale_linear(values, 10, 0).tolist() == [1.0, 1.0, 0.75, 0.5, 0.0, 0.0]
    assert scoring.rescale_inverted(values, 0, 10).tolist() == [1.0, 1.0, 0.75, 0.5, 0.0, 0.0]
    # bounds that are not exact in binary still map exactly to 0 and 1
    assert scoring.rescale_linear(np.array([0.1, 0.7]), 0.1, 0.7).tolist() == [0.0, 1.0]
    assert scoring.rescale_linear(np.array([3], np.uint8), 3, 200).dtype == np.float32


def test_value_on_a_break_stays_in_the_lower_class():
    breaks = [0.25, 0.5, 0.75]
    values = np.array([0.0, 0.25, 0.2500001, 0.5, 0.75, 0.75000001, 1.0])
    assert scoring.classify(values, breaks).tolist() == [1, 1, 2, 2, 3, 4, 4]


def test_quantile_class_scores():
    assert scoring.quantile_score([1, 2, 3, 4, 5], 5).tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert scoring.quantile_score([1, 2, 3, 4, 5], 5, inverted=True).tolist() == [1.0, 0.75, 0.5, 0.25, 0.0]


def test_quantile_ranks_are_exact_integer_shares():
    assert scoring.quantile_ranks(10, 10) == list(range(1, 10))
    assert scoring.quantile_ranks(10, 4) == [3, 5, 8]  # ceil(2.5), 5, ceil(7.5)
    rng = np.random.default_rng(3)
    for n in (7, 100, 1001):
        v = rng.permutation(n).astype(float)
        expected = [float(np.quantile(v, q, method="inverted_cdf")) for q in (0.25, 0.5, 0.75)]
        assert scoring.quantile_breaks_exact(v, 4) == expected


def test_lookup_parsing():
    table, default = scoring.parse_lookup("1: 1; 2:0.5 ;3=0; *: 0.1")
    assert table == {1: 1.0, 2: 0.5, 3: 0.0} and default == 0.1
    assert scoring.parse_lookup("7: 1") == ({7: 1.0}, None)
    with pytest.raises(InputError, match="is not 'value: score'"):
        scoring.parse_lookup("1 1")
    with pytest.raises(InputError, match="'x' is not a number"):
        scoring.parse_lookup("x: 1")


def test_categorical_rescaling_with_and_without_default():
    c = Criterion("cover", None, method="categorical", table={1: 1, 2: 0.5}, default=0).validate()
    assert c.rescale(np.array([1, 2, 9], np.uint8)).tolist() == [1.0, 0.5, 0.0]
    strict = Criterion("cover", None, method="categorical", table={"1": 1, "2.5": 0.5}).validate()
    out = strict.rescale(np.array([1.0, 2.5, 4.0], np.float32))
    assert out[:2].tolist() == [1.0, 0.5] and np.isnan(out[2]) and strict.missing == {4.0}
    with pytest.raises(InputError, match="holds the score 2"):
        Criterion("cover", None, method="categorical", table={1: 2}).validate()


@pytest.mark.parametrize("kwargs,fragment", [
    (dict(method="linear", low=3), "needs two numbers"),
    (dict(method="inverted", low=3, high=3), "same low and high value (3)"),
    (dict(method="quantile", classes=1), "asks for 1 quantile classes"),
    (dict(method="categorical"), "needs a lookup table"),
    (dict(method="logistic"), "unknown rescaling 'logistic'"),
])
def test_criterion_validation(kwargs, fragment):
    with pytest.raises(InputError) as err:
        Criterion("slope", None, **kwargs).validate()
    assert fragment in str(err.value) and "slope" in str(err.value)


def test_method_keywords_in_spanish():
    assert scoring.normalize_method("Categórica") == "categorical"
    assert scoring.normalize_method("cuantil invertido") == "quantile_inverted"
    assert scoring.normalize_method(" Lineal ") == "linear"


# -- weights ----------------------------------------------------------------------------------

def test_weights_are_normalized():
    w, total = scoring.normalize_weights([2, 1, 1], ["a", "b", "c"])
    assert w.tolist() == [0.5, 0.25, 0.25] and total == 4
    w, total = scoring.normalize_weights([0.5, 0.5, 0], ["a", "b", "c"])
    assert total == 1.0 and w.tolist() == [0.5, 0.5, 0.0]


@pytest.mark.parametrize("weights,fragment", [
    ([0, 0, 0], "The weights sum to 0"),
    ([1, -1, 1], "The weight of criterion b is -1"),
    ([1, 1], "2 weights were given for 3 criteria (a, b, c)"),
    ([1, float("nan"), 1], "The weight of criterion b is nan"),
])
def test_bad_weights(weights, fragment):
    with pytest.raises(InputError) as err:
        scoring.normalize_weights(weights, ["a", "b", "c"])
    assert fragment in str(err.value)


def test_number_lists():
    assert scoring.parse_numbers("0.4, 0.3,0.3") == [0.4, 0.3, 0.3]
    assert scoring.parse_numbers("0,4; 0,6") == [0.4, 0.6]
    assert scoring.parse_numbers("  ") is None
    with pytest.raises(InputError, match="'abc' is not a number"):
        scoring.parse_numbers("0.5, abc")


def test_weights_from_an_ahp_table():
    rows = [("Pendiente", "0.25"), ("conflicto", 0.75)]
    assert scoring.weights_from_table(rows, ["conflicto", "pendiente"]) == [0.75, 0.25]
    with pytest.raises(InputError, match="no row for the criteria distancia"):
        scoring.weights_from_table(rows, ["conflicto", "pendiente", "distancia"])
    with pytest.raises(InputError, match="names Pendiente, which are not criteria"):
        scoring.weights_from_table(rows, ["conflicto"])


def test_perturbed_weights_are_seeded_normalized_and_bounded():
    w = np.array([0.5, 0.3, 0.2])
    a = scoring.perturbed_weights(w, 20, 200, seed=7)
    assert a.shape == (200, 3)
    np.testing.assert_array_equal(a, scoring.perturbed_weights(w, 20, 200, seed=7))
    assert not np.array_equal(a, scoring.perturbed_weights(w, 20, 200, seed=8))
    np.testing.assert_allclose(a.sum(axis=1), 1.0, atol=1e-12)
    ratio = (a / w) / (a / w).max(axis=1, keepdims=True)  # relative factors: within (1-p)/(1+p) of each other
    assert ratio.min() >= 0.8 / 1.2 - 1e-12
    assert np.abs(a - w).max() > 0.01  # it does perturb


def test_class_spec_validation():
    assert ClassSpec("fixed", [0.2, 0.8]).validate().count == 3
    assert ClassSpec("Quantiles", count=5).validate().method == "quantile"
    assert ClassSpec("equal interval", count=4).validate().high_from == 3
    for spec, fragment in ((ClassSpec("fixed", [0.5]), "give 2, 3 or 4 breaks"),
                           (ClassSpec("fixed", [0.5, 0.4, 0.9]), "increase strictly: 0.5, 0.4, 0.9"),
                           (ClassSpec("fixed", [0.5, 1.5]), "between 0 and 1"),
                           (ClassSpec("quantile", count=6), "3, 4 or 5 priority classes"),
                           (ClassSpec("natural"), "Unknown class method")):
        with pytest.raises(InputError) as err:
            spec.validate()
        assert fragment in str(err.value)


# -- rasters ----------------------------------------------------------------------------------

@pytest.fixture
def data(tmp_path):
    rng = np.random.default_rng(11)
    slope = rng.uniform(0, 60, SHAPE).astype(np.float32)
    slope[:2, :3] = -9999
    dist = rng.integers(0, 20000, SHAPE).astype(np.int32)
    cover = rng.integers(1, 5, SHAPE).astype(np.uint8)
    cover[5, 5] = 0
    loss = rng.gamma(2.0, 3.0, SHAPE).astype(np.float64)
    water = np.zeros(SHAPE, np.uint8)
    water[10:20, 10:30] = 1
    degraded = rng.choice(np.array([-1, 0, 1], np.int16), SHAPE, p=[0.6, 0.3, 0.1])
    arrays = dict(slope=slope, dist=dist, cover=cover, loss=loss, water=water, degraded=degraded)
    paths = dict(
        slope=write_raster(tmp_path / "slope.tif", slope, nodata=-9999),
        dist=write_raster(tmp_path / "dist.tif", dist, tiled=True),
        cover=write_raster(tmp_path / "cover.tif", cover, nodata=0),
        loss=write_raster(tmp_path / "loss.tif", loss),
        water=write_raster(tmp_path / "water.tif", water),
        degraded=write_raster(tmp_path / "degraded.tif", degraded, nodata=-32768),
    )
    return arrays, paths


def _criteria(paths, quantile=True):
    return [
        Criterion("slope", paths["slope"], method="linear", low=5, high=45),
        Criterion("distance", paths["dist"], method="inverted", low=0, high=10000),
        Criterion("cover", paths["cover"], method="categorical", table={1: 1.0, 2: 0.6, 3: 0.3}, default=0.0),
        Criterion("loss", paths["loss"], method="quantile" if quantile else "linear", classes=5, low=0, high=20),
    ]


WEIGHTS = [0.4, 0.3, 0.2, 0.1]


def _reference(arrays, weights=WEIGHTS, constraint=True, mask_values=(-1,), quantile=True):
    """Whole-array status, rescaled stack and score from the rule functions."""
    a = arrays
    valid = (a["slope"] != -9999) & (a["cover"] != 0)
    inside = np.isin(a["degraded"], mask_values) if mask_values else np.ones(SHAPE, bool)
    excluded = (a["water"] != 0) if constraint else np.zeros(SHAPE, bool)
    region = inside & ~excluded
    loss32 = a["loss"].astype(np.float32)
    if quantile:
        breaks = scoring.quantile_breaks_exact(loss32[region], 5)
        loss_score = scoring.quantile_score(scoring.classify(loss32, breaks), 5)
    else:
        breaks = None
        loss_score = scoring.rescale_linear(a["loss"], 0, 20)
    stack = [scoring.rescale_linear(a["slope"], 5, 45), scoring.rescale_inverted(a["dist"], 0, 10000),
             Criterion("c", None, method="categorical", table={1: 1.0, 2: 0.6, 3: 0.3}, default=0.0).validate()
             .rescale(a["cover"]), loss_score]
    w = np.asarray(weights) / np.sum(weights)
    score = np.zeros(SHAPE, np.float32)
    for wi, x in zip(w, stack):
        score += np.float32(wi) * x
    np.clip(score, 0, 1, out=score)
    status = np.where(valid & inside, np.where(excluded, 2, 1), 0)
    return status, np.stack(stack), score, breaks


def _run(tmp_path, paths, tag, block_size=1024, classes=None, uncertainty=None, constraint=True, mask=True,
         quantile=True, weights=WEIGHTS, **kwargs):
    out = {k: str(tmp_path / f"{k}_{tag}.tif") for k in ("score", "classes", "stability")}
    result = scoring.priority_score(
        _criteria(paths, quantile), weights, out["score"], out["classes"],
        constraints=[Layer("water", paths["water"])] if constraint else (),
        mask=Layer("degraded", paths["degraded"], values=(-1,)) if mask else None,
        classes=classes, uncertainty=uncertainty, stability_output=out["stability"] if uncertainty else None,
        block_size=block_size, **kwargs)
    return result, out


@pytest.mark.parametrize("block_size", BLOCKS)
def test_score_and_classes_match_the_rules_whatever_the_block_size(tmp_path, data, block_size):
    arrays, paths = data
    result, out = _run(tmp_path, paths, "b", block_size)
    status, _stack, score, loss_breaks = _reference(arrays)
    got = read_raster(out["score"])
    np.testing.assert_array_equal(got[status == 1], score[status == 1])
    assert (got[status != 1] == ND).all()
    classes = read_raster(out["classes"])
    expected = np.where(status == 1, scoring.classify(score, [0.25, 0.5, 0.75]), np.where(status == 2, 0, 255))
    np.testing.assert_array_equal(classes, expected)
    assert result["criterion_breaks"]["loss"] == loss_breaks
    assert result["pixels"]["scored"] == int((status == 1).sum())
    assert result["pixels"]["excluded"] == int((status == 2).sum()) > 0


@pytest.mark.parametrize("method", ["fixed", "quantile", "equal_interval"])
def test_every_output_is_independent_of_the_block_size(tmp_path, data, method):
    _arrays, paths = data
    results = {}
    for bs in (16, (47, 5), 1024):
        results[str(bs)] = _run(tmp_path, paths, f"{method}{bs}".replace(" ", ""), bs, ClassSpec(method),
                                Uncertainty(25, 20, 5))
    (r0, o0), *others = results.values()
    for r, o in others:
        for key in ("score", "classes", "stability"):
            np.testing.assert_array_equal(read_raster(o[key]), read_raster(o0[key]))
        assert r["breaks"] == r0["breaks"]
        for key in r0["areas"].hectares:
            assert r["areas"].hectares[key] == pytest.approx(r0["areas"].hectares[key], rel=1e-12)
            assert r["areas"].pixels[key] == r0["areas"].pixels[key]


def test_stability_share_is_exact_on_a_small_case(tmp_path):
    a = np.array([[1, 1, 0, 0, 1]], np.uint8)
    b = np.array([[1, 0, 1, 0, 1]], np.uint8)
    c = np.array([[1, 0, 0, 0, 0]], np.uint8)
    paths = [write_raster(tmp_path / f"{n}.tif", v) for n, v in (("a", a), ("b", b), ("c", c))]
    crit = [Criterion(n, p, method="linear", low=0, high=1) for n, p in zip("abc", paths)]
    runs = 40
    result = scoring.priority_score(crit, [0.45, 0.35, 0.2], str(tmp_path / "s.tif"), str(tmp_path / "c.tif"),
                                    uncertainty=Uncertainty(60, runs, 3), stability_output=str(tmp_path / "st.tif"))
    w = result["run_weights"]
    x = np.stack([a, b, c]).reshape(3, -1).astype(float)
    scores = w @ x
    assert np.abs(scores - 0.5).min() > 1e-6  # no score near the break: float32 cannot flip a comparison
    counts = (scores > 0.5).sum(axis=0)
    assert counts[0] == runs and counts[3] == 0 and 0 < counts[1] < runs and 0 < counts[2] < runs
    np.testing.assert_array_equal(read_raster(tmp_path / "st.tif")[0], (counts / np.float32(runs)).astype(np.float32))


def test_same_seed_same_result_other_seed_differs(tmp_path, data):
    _arrays, paths = data
    _r1, o1 = _run(tmp_path, paths, "s1", uncertainty=Uncertainty(30, 25, 42), quantile=False)
    _r2, o2 = _run(tmp_path, paths, "s2", uncertainty=Uncertainty(30, 25, 42), quantile=False)
    _r3, o3 = _run(tmp_path, paths, "s3", uncertainty=Uncertainty(30, 25, 43), quantile=False)
    s1, s2, s3 = (read_raster(o["stability"]) for o in (o1, o2, o3))
    np.testing.assert_array_equal(s1, s2)
    assert not np.array_equal(s1, s3)
    shares = s1[s1 != ND]
    assert shares.min() >= 0 and shares.max() <= 1 and ((shares > 0) & (shares < 1)).any()


def test_stability_follows_the_classes_with_tiny_perturbation(tmp_path, data):
    """With a 0.001 % perturbation every run classes almost every pixel as the base run does."""
    _arrays, paths = data
    _r, o = _run(tmp_path, paths, "tiny", uncertainty=Uncertainty(0.001, 10, 1), quantile=False)
    classes, stab = read_raster(o["classes"]), read_raster(o["stability"])
    scored = (classes >= 1) & (classes != 255)
    high = classes >= 3
    agree = (stab[scored] == 1.0) == high[scored]
    assert agree.mean() > 0.995
    assert set(np.unique(stab[scored])) <= {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0} | \
        set(np.float32(np.arange(11) / 10).tolist())


def test_quantile_classes_have_equal_shares_and_per_run_breaks(tmp_path, data):
    arrays, paths = data
    result, out = _run(tmp_path, paths, "q", classes=ClassSpec("quantile", count=4),
                       uncertainty=Uncertainty(20, 8, 1), quantile=False)
    status, _s, score, _b = _reference(arrays, quantile=False)
    classes = read_raster(out["classes"])
    counts = np.bincount(classes[status == 1], minlength=5)[1:]
    n = int((status == 1).sum())
    assert np.abs(counts - n / 4).max() <= 2  # distinct scores: equal shares up to histogram bins
    expected = scoring.classify(score[status == 1], result["breaks"])
    np.testing.assert_array_equal(classes[status == 1], expected)
    assert all(b * 65535 == round(b * 65535) for b in result["breaks"])
    assert result["run_breaks"].shape == (8, 3)
    assert not np.allclose(result["run_breaks"], result["breaks"])  # each run has its own breaks
    stab = read_raster(out["stability"])[status == 1]
    assert abs(float(stab.mean()) - 0.5) < 0.01  # each run keeps half of the area high or very high


def test_equal_interval_breaks_span_the_score_range(tmp_path, data):
    arrays, paths = data
    result, out = _run(tmp_path, paths, "e", classes=ClassSpec("equal_interval", count=5), quantile=False)
    status, _s, score, _b = _reference(arrays, quantile=False)
    lo, hi = float(score[status == 1].min()), float(score[status == 1].max())
    assert result["breaks"] == pytest.approx([lo + (hi - lo) * j / 5 for j in range(1, 5)], rel=1e-12)
    assert read_raster(out["classes"])[status == 1].max() == 5
    assert result["high_from"] == 4


def test_fixed_breaks_boundary_through_rasters(tmp_path):
    x = np.array([[0.25, 0.5, 0.75, 1.0, 0.0]], np.float32)
    path = write_raster(tmp_path / "x.tif", x)
    scoring.priority_score([Criterion("x", path, method="linear", low=0, high=1)], [3], str(tmp_path / "s.tif"),
                           str(tmp_path / "c.tif"))
    assert read_raster(tmp_path / "c.tif").tolist() == [[1, 2, 3, 4, 1]]
    assert read_raster(tmp_path / "s.tif").tolist() == [[0.25, 0.5, 0.75, 1.0, 0.0]]


def test_area_table_has_classes_excluded_and_nodata(tmp_path, data):
    arrays, paths = data
    zones = np.zeros(SHAPE, np.int32)
    zones[:, :20] = 1
    zones[:, 20:] = 2
    zpath = write_raster(tmp_path / "zones.tif", zones, nodata=0)
    result, _out = _run(tmp_path, paths, "z", zones=zpath)
    status, _s, score, _b = _reference(arrays)
    acc = result["areas"]
    assert sum(acc.pixels.values()) == SHAPE[0] * SHAPE[1]
    assert sum(px for (z, c), px in acc.pixels.items() if c == 0) == int((status == 2).sum())
    cls = scoring.classify(score, [0.25, 0.5, 0.75])
    for zone, cols in ((1, slice(0, 20)), (2, slice(20, None))):
        for c in (1, 2, 3, 4):
            assert acc.pixels.get((zone, c), 0) == int(((status == 1) & (cls == c))[:, cols].sum())
    assert acc.total() == pytest.approx(SHAPE[0] * SHAPE[1] * 0.09, rel=2e-3)  # 30 m UTM pixels


def test_mask_values_and_polygon_like_mask(tmp_path, data):
    arrays, paths = data
    _r, out = _run(tmp_path, paths, "m")
    classes = read_raster(out["classes"])
    assert (classes[arrays["degraded"] != -1] == 255).all()
    result, out = _run(tmp_path, paths, "nomask", mask=False, constraint=False)
    assert result["pixels"]["scored"] == int(((arrays["slope"] != -9999) & (arrays["cover"] != 0)).sum())


# -- bad input --------------------------------------------------------------------------------

def _no_outputs(tmp_path):
    return [p for p in os.listdir(tmp_path) if p.startswith(".") or p.startswith(("score_", "classes_", "stab"))]


def test_weights_summing_to_zero_stop_before_any_output(tmp_path, data):
    _arrays, paths = data
    with pytest.raises(InputError, match="The weights sum to 0"):
        _run(tmp_path, paths, "w0", weights=[0, 0, 0, 0])
    assert _no_outputs(tmp_path) == []


def test_constraint_that_masks_everything_is_named(tmp_path, data):
    _arrays, paths = data
    everything = write_raster(tmp_path / "all.tif", np.ones(SHAPE, np.uint8))
    for method in ("fixed", "quantile"):
        with pytest.raises(InputError) as err:
            scoring.priority_score(_criteria(paths, quantile=False), WEIGHTS, str(tmp_path / "score_x.tif"),
                                   str(tmp_path / "classes_x.tif"),
                                   constraints=[Layer("water", paths["water"]), Layer("urban areas", everything)],
                                   classes=ClassSpec(method))
        assert "The constraint urban areas excludes every pixel" in str(err.value)
    assert _no_outputs(tmp_path) == []


def test_constraints_that_together_mask_everything(tmp_path):
    a = np.array([[1, 1, 0, 0]], np.uint8)
    crit = write_raster(tmp_path / "crit.tif", np.ones((1, 4), np.float32))
    c1 = write_raster(tmp_path / "c1.tif", a)
    c2 = write_raster(tmp_path / "c2.tif", 1 - a)
    with pytest.raises(InputError) as err:
        scoring.priority_score([Criterion("x", crit, low=0, high=1)], [1], str(tmp_path / "score_.tif"),
                               constraints=[Layer("water", c1), Layer("towns", c2)])
    assert "The constraints water, towns together exclude every pixel" in str(err.value)


def test_mask_that_keeps_nothing(tmp_path, data):
    _arrays, paths = data
    with pytest.raises(InputError, match="The mask degraded leaves no pixel to score"):
        scoring.priority_score(_criteria(paths), WEIGHTS, str(tmp_path / "score_m.tif"),
                               mask=Layer("degraded", paths["degraded"], values=(5,)))


def test_criterion_on_another_grid_is_named(tmp_path, data):
    _arrays, paths = data
    other = write_raster(tmp_path / "coarse.tif", np.ones((31, 24), np.float32),
                         geotransform=(400000.0, 60.0, 0.0, 8960000.0, 0.0, -60.0))
    crit = _criteria(paths) + [Criterion("rainfall", other, low=0, high=1)]
    with pytest.raises(GridMismatchError) as err:
        scoring.priority_score(crit, WEIGHTS + [1], str(tmp_path / "score_g.tif"))
    msg = str(err.value)
    assert "slope and rainfall" in msg and "pixel size differs (30 x 30 vs 60 x 60)" in msg
    assert _no_outputs(tmp_path) == []


def test_criterion_without_data_and_missing_lookup_values(tmp_path, data):
    _arrays, paths = data
    empty = write_raster(tmp_path / "empty.tif", np.zeros(SHAPE, np.uint8), nodata=0)
    with pytest.raises(InputError, match="The raster empty has no valid pixel"):
        scoring.priority_score([Criterion("empty", empty, low=0, high=1)], [1], str(tmp_path / "score_e.tif"))
    strict = Criterion("cover", paths["cover"], method="categorical", table={1: 1.0, 2: 0.5})
    with pytest.raises(InputError, match="no row for the values 3, 4 found"):
        scoring.priority_score([strict], [1], str(tmp_path / "score_l.tif"))
    assert _no_outputs(tmp_path) == []


def test_cancel_in_the_second_pass_leaves_nothing(tmp_path, data):
    _arrays, paths = data
    out = tmp_path / "score_c.tif"
    out.write_bytes(b"previous")
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 40

    with pytest.raises(Cancelled):
        scoring.priority_score(_criteria(paths), WEIGHTS, str(out), str(tmp_path / "classes_c.tif"),
                               classes=ClassSpec("quantile"), block_size=16, is_cancelled=cancelled)
    assert out.read_bytes() == b"previous"
    assert [p for p in os.listdir(tmp_path) if p.startswith(".")] == []
    assert not (tmp_path / "classes_c.tif").exists()


def test_output_format(tmp_path, data):
    _arrays, paths = data
    _r, out = _run(tmp_path, paths, "f", uncertainty=Uncertainty(), quantile=False)
    for key, dtype, nodata in (("score", gdal.GDT_Float32, ND), ("classes", gdal.GDT_Byte, 255),
                               ("stability", gdal.GDT_Float32, ND)):
        ds = gdal.Open(out[key])  # keep the dataset alive while its band is used
        band = ds.GetRasterBand(1)
        assert band.DataType == dtype and band.GetNoDataValue() == nodata
        assert band.GetBlockSize() == [512, 512]


# -- exact block-wise quantiles ------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["uint8", "int16", "uint16", "int32", "float32", "float64"])
def test_blockwise_quantiles_are_exact(tmp_path, dtype):
    rng = np.random.default_rng(5)
    if np.dtype(dtype).kind == "f":
        values = rng.normal(0, 1000, SHAPE).astype(dtype)
        values[0, :5] = [-0.0, 0.0, -0.0, 1e-30, -1e-30]
    else:
        info = np.iinfo(dtype)
        values = rng.integers(max(info.min, -30000), min(info.max, 40000), SHAPE).astype(dtype)
        values[0, :3] = [info.min, max(info.min, -30000), min(info.max, 40000) - 1]
    path = write_raster(tmp_path / "v.tif", values)
    expected = scoring.quantile_breaks_exact(values if values.dtype.itemsize <= 2 and dtype != "int32"
                                             else values.astype(np.float32), 7)
    for bs in (16, (47, 5)):
        crit = Criterion("v", path, method="quantile", classes=7)
        scoring.priority_score([crit], [1], str(tmp_path / f"s{bs}.tif".replace(" ", "")), block_size=bs)
        assert crit.breaks == expected
        compared = values.astype(np.float32) if dtype in ("int32", "float64") else values
        shares = np.bincount(scoring.classify(compared, crit.breaks).ravel())[1:]
        assert np.abs(shares - values.size / 7).max() < values.size * 0.01


def test_quantiles_use_the_mask_and_constraints(tmp_path, data):
    arrays, paths = data
    result, _out = _run(tmp_path, paths, "qm")
    region = (arrays["degraded"] == -1) & (arrays["water"] == 0)
    assert result["criterion_breaks"]["loss"] == scoring.quantile_breaks_exact(
        arrays["loss"].astype(np.float32)[region], 5)
    other, _out = _run(tmp_path, paths, "qn", mask=False, constraint=False)
    assert other["criterion_breaks"]["loss"] != result["criterion_breaks"]["loss"]


# -- presets ----------------------------------------------------------------------------------

SERFOR_BANDS = ("land_use_conflict", "slope_degrees", "slope_percent", "distance_to_conservation_m",
                "deforestation_density_ha_per_km2")


def _serfor_raster(tmp_path, names=SERFOR_BANDS, order=(0, 1, 2, 3, 4)):
    """The OUTPUT_CRITERIA of serfor_criteria (conflict codes, slope in degrees and percent, distance,
    loss density) as bands in ``order``, named ``names``."""
    rng = np.random.default_rng(2)
    slope = rng.uniform(0, 50, SHAPE)
    bands = np.stack([rng.integers(0, 4, SHAPE), slope, 100 * np.tan(np.radians(slope)),
                      rng.uniform(0, 20000, SHAPE), rng.uniform(0, 30, SHAPE)]).astype(np.float32)[list(order)]
    path = write_raster(tmp_path / "serfor.tif", bands, nodata=-9999)
    ds = gdal.Open(path, gdal.GA_Update)
    for i, name in enumerate(names):
        ds.GetRasterBand(i + 1).SetDescription(name)
    ds = None
    return path, bands


def test_shipped_preset_matches_what_serfor_criteria_writes(tmp_path):
    """The band names, nodata and conflict codes of t2restore:serfor_criteria's OUTPUT_CRITERIA."""
    from t2restore.algorithms import serfor

    assert serfor.CRITERIA_BANDS == SERFOR_BANDS
    preset = scoring.load_preset(PRESET)
    codes = {int(k) for k in preset["criteria"][0]["table"]}
    assert codes == set(serfor.CONFLICT_CODES)
    assert preset["criteria"][0]["table"][str(serfor.OVERUSE)] == 1.0
    path, _bands = _serfor_raster(tmp_path)
    criteria, _w, notes = scoring.criteria_from_entries(preset["criteria"], [path], "roam.json")
    assert [c.band for c in criteria] == [1, 2, 4, 5] and notes == []
    ds = gdal.Open(path)
    assert ds.GetRasterBand(1).GetNoDataValue() == serfor.CRITERIA_NODATA


def test_shipped_preset_reads_the_serfor_bands_by_name(tmp_path):
    preset = scoring.load_preset(PRESET)
    assert preset["name"] == "ROAM SERFOR (provisional)" and preset["provisional"]
    # bands in another order and spelled differently: found by name, not position
    names = ("Deforestation density ha per km2", "Slope (degrees)", "slope percent", "Land-use conflict",
             "Distance to conservation (m)")
    path, bands = _serfor_raster(tmp_path, names, order=(4, 1, 2, 0, 3))
    criteria, weights, notes = scoring.criteria_from_entries(preset["criteria"], [path], preset["file_name"],
                                                             preset["base_dir"])
    assert [c.band for c in criteria] == [4, 2, 5, 1] and notes == []
    assert weights == [0.35, 0.20, 0.20, 0.25]
    result = scoring.priority_score(criteria, weights, str(tmp_path / "s.tif"), str(tmp_path / "c.tif"),
                                    classes=ClassSpec(**preset["classes"]))
    assert result["pixels"]["scored"] == SHAPE[0] * SHAPE[1]


def test_preset_band_position_is_the_documented_fallback(tmp_path):
    preset = scoring.load_preset(PRESET)
    path, _bands = _serfor_raster(tmp_path, ("b1", "b2", "b3", "b4", "b5"))
    criteria, _w, notes = scoring.criteria_from_entries(preset["criteria"], [path], "roam.json")
    assert [c.band for c in criteria] == [1, 2, 4, 5]
    template, params = notes[0]
    assert "band 1 is used, the position documented" in template.format(**params)


def test_preset_referencing_a_missing_criterion(tmp_path):
    preset = scoring.load_preset(PRESET)
    with pytest.raises(InputError) as err:
        scoring.criteria_from_entries(preset["criteria"], [], "roam_serfor_provisional.json")
    assert "land_use_conflict (roam_serfor_provisional.json) refers to raster 1 of CRITERIA, but CRITERIA holds 0" \
        in str(err.value)
    two_bands = write_raster(tmp_path / "two.tif", np.ones((2,) + SHAPE, np.float32))
    with pytest.raises(InputError) as err:
        scoring.criteria_from_entries(preset["criteria"], [two_bands], "roam.json")
    assert "needs a band named distance_to_conservation_m in two.tif, but its bands are: #1, #2" in str(err.value)
    entries = [{"name": "rain", "path": "rain.tif", "method": "linear", "low": 0, "high": 1}]
    with pytest.raises(InputError, match=r"rain \(mine.json\) refers to the file .*rain.tif, which does not exist"):
        scoring.criteria_from_entries(entries, [], "mine.json", str(tmp_path))


def test_preset_file_checks(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="is not valid JSON"):
        scoring.load_preset(bad)
    bad.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(InputError, match="is not a priority preset"):
        scoring.load_preset(bad)
    doc = json.loads(PRESET.read_text(encoding="utf-8"))
    doc["weights"] = {"rainfall": 1}
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError, match="gives a weight to rainfall, which is not one of its criteria"):
        scoring.load_preset(bad)
    for entry in doc["criteria"]:
        entry.pop("weight")
    doc["weights"] = {"slope": 1, "land_use_conflict": 3, "distance_conservation_areas": 1,
                      "deforestation_density": 1}
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert [e["weight"] for e in scoring.load_preset(bad)["criteria"]] == [3, 1, 1, 1]
    doc["criteria"][0]["weight"] = None
    doc.pop("weights")
    doc["criteria"][1]["weight"] = 2
    bad.write_text(json.dumps(doc), encoding="utf-8")
    path, _b = _serfor_raster(tmp_path)
    with pytest.raises(InputError, match="gives weights to some criteria but not to land_use_conflict"):
        scoring.criteria_from_entries(scoring.load_preset(bad)["criteria"], [path], "bad.json")


def test_saved_preset_reproduces_the_run(tmp_path, data):
    _arrays, paths = data
    crit = _criteria(paths, quantile=False)
    spec = ClassSpec("quantile", count=5).validate()
    first = scoring.priority_score(crit, WEIGHTS, str(tmp_path / "a.tif"), classes=spec)
    doc = scoring.preset_document("mine", crit, first["weights"], spec)
    (tmp_path / "mine.json").write_text(json.dumps(doc), encoding="utf-8")
    preset = scoring.load_preset(tmp_path / "mine.json")
    again, weights, _notes = scoring.criteria_from_entries(preset["criteria"], [], "mine.json", preset["base_dir"])
    scoring.priority_score(again, weights, str(tmp_path / "b.tif"), classes=ClassSpec(**preset["classes"]))
    np.testing.assert_array_equal(read_raster(tmp_path / "a.tif"), read_raster(tmp_path / "b.tif"))


def test_rescaling_rows():
    rows = ["1", "2", "slope", "linear", "0", "45", "",
            "1", "conflict", "", "categorical", "", "", "1:1; 2:0; *:0.5",
            "2", "", "loss", "quantile", "", "", "",
            "", "", "", "", "", "", ""]
    entries = scoring.entries_from_rows(rows)
    assert entries[0] == {"input": 1, "band": 2, "name": "slope", "method": "linear", "low": 0, "high": 45}
    assert entries[1]["band"] == "conflict" and entries[1]["table"] == {1: 1.0, 2: 0.0} and entries[1]["default"] == 0.5
    assert entries[2]["classes"] == 5 and entries[2]["band"] == 1 and entries[2]["name"] == "loss"
    assert len(entries) == 3
    with pytest.raises(InputError, match="Row 1 of the rescaling table has no rescaling method"):
        scoring.entries_from_rows(["1", "1", "x", "", "", "", ""])
    with pytest.raises(InputError, match="'a' is not a raster number"):
        scoring.entries_from_rows(["a", "1", "x", "linear", "0", "1", ""])


def test_run_sample_is_a_property_of_the_pixel():
    whole = scoring.sample_mask(0, 0, 300, 200, 300, 16)
    parts = np.vstack([np.hstack([scoring.sample_mask(x, y, min(64, 300 - x), min(64, 200 - y), 300, 16)
                                  for x in range(0, 300, 64)]) for y in range(0, 200, 64)])
    np.testing.assert_array_equal(parts, whole)
    assert abs(whole.mean() - 1 / 16) < 0.002
    assert abs(whole[:, :150].mean() - whole[:, 150:].mean()) < 0.01  # evenly spread
    assert scoring.sample_mask(5, 5, 3, 2, 300, 1).all()


def test_sampled_run_breaks_are_block_independent_and_keep_half_high(tmp_path, data, monkeypatch):
    """Large rasters histogram run scores on a sample; force it on this small one."""
    _arrays, paths = data
    monkeypatch.setattr(priority_uncertainty, "RUN_SAMPLE", 400)  # 2867 pixels -> 1 in 8
    stabilities = []
    for bs in (16, 1024):
        result, out = _run(tmp_path, paths, f"smp{bs}", bs, ClassSpec("quantile"), Uncertainty(20, 12, 9),
                           mask=False, constraint=False, quantile=False)
        stabilities.append(read_raster(out["stability"]))
    np.testing.assert_array_equal(stabilities[0], stabilities[1])
    valid = stabilities[0] != ND
    assert abs(float(stabilities[0][valid].mean()) - 0.5) < 0.05
    assert result["run_breaks"].shape == (12, 3)
    assert all(b * 4095 == pytest.approx(round(b * 4095)) for b in result["run_breaks"].ravel())


def test_run_thresholds_treat_unclipped_scores_like_clipped_ones():
    t = scoring._thresholds32([0.5, 1.0, 1.5, 0.1])
    assert t[1] == t[2] == np.inf
    around = np.float32(0.1) + np.arange(-3, 4, dtype=np.float32) * np.spacing(np.float32(0.1))
    for x in around:  # float32 comparison against the float32 threshold == exact comparison with 0.1
        assert (x > t[3]) == (float(x) > 0.1)
    assert (around > t[3]).any() and not (around > t[3]).all()
