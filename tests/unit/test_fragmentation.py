"""Forest fragmentation (METHODS.md section 2): rules, exact boundaries, window counts, blocks, bad input."""

import itertools
import os
from fractions import Fraction

import numpy as np
import pytest
from osgeo import gdal
from rasters import read_raster, write_raster

from t2restore.algorithms import fragmentation as frag
from t2restore.algorithms.errors import Cancelled, InputError

ND = 255  # input nodata used below (also the output's)


def reference_class(window):
    """The class of the centre of a window given as a 2-D list of 1 forest, 0 non-forest, None nodata.

    Written from METHODS.md section 2 with exact fractions, independently of the module.
    """
    w = len(window)
    cells = [v for row in window for v in row if v is not None]
    centre = window[w // 2][w // 2]
    if centre is None:
        return ND
    if centre == 0:
        return 0
    pf = Fraction(sum(cells), len(cells))
    ff = anyf = 0
    for i, j in itertools.product(range(w), repeat=2):
        for di, dj in ((0, 1), (1, 0)):
            if i + di < w and j + dj < w:
                a, b = window[i][j], window[i + di][j + dj]
                if a is None or b is None:
                    continue
                ff += a == 1 and b == 1
                anyf += a == 1 or b == 1
    if pf == 1:
        return 5
    if pf < Fraction(2, 5):
        return 1
    if pf < Fraction(3, 5):
        return 2
    if anyf == 0:
        return 6
    pff = Fraction(ff, anyf)
    return 3 if pf < pff else 4 if pf > pff else 6


def _run(tmp_path, array, window=3, name="o", **kwargs):
    src = write_raster(tmp_path / f"{name}_in.tif", np.asarray(array, np.uint8), nodata=ND)
    out = tmp_path / f"{name}.tif"
    result = frag.forest_fragmentation(src, str(out), window=window, **kwargs)
    return read_raster(out), result


# -- the rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize("forest,v,f,ff,a,expected", [
    (False, 9, 9, 12, 12, 0),    # non-forest whatever the window
    (True, 9, 9, 12, 12, 5),     # Pf = 1 -> interior
    (True, 25, 9, 5, 20, 1),     # Pf = 0.36 < 0.4 -> patch
    (True, 25, 10, 5, 20, 2),    # Pf = 0.4 exactly -> transitional
    (True, 25, 14, 5, 20, 2),    # Pf = 0.56 -> transitional
    (True, 25, 15, 19, 30, 3),   # Pf = 0.6 exactly, Pff = 19/30 > Pf -> edge
    (True, 25, 15, 13, 37, 4),   # Pf = 0.6 exactly, Pff = 13/37 < Pf -> perforated
    (True, 25, 15, 18, 30, 6),   # Pf = 0.6 = Pff = 18/30 -> undetermined
    (True, 25, 20, 28, 35, 6),   # Pf = 0.8 = Pff = 28/35 -> undetermined
    (True, 25, 20, 30, 36, 3),   # Pf = 0.8 < 30/36 -> edge
    (True, 25, 20, 23, 39, 4),   # Pf = 0.8 > 23/39 -> perforated
    (True, 5, 3, 0, 0, 6),       # Pf = 0.6 and no pair holds forest: Pff undefined -> undetermined
])
def test_classify_rows(forest, v, f, ff, a, expected):
    assert frag.classify(np.array([forest]), [v], [f], [ff], [a])[0] == expected


def test_fractions_that_floats_get_wrong_are_exact():
    # 0.6 is not a binary fraction: with 3 x 0.2 style arithmetic a float test can miss the boundary.
    # 3/5 vs 6/10: cross-multiplication says equal; both are Pf = 0.6, so not transitional.
    assert frag.classify(np.array([True]), [10], [6], [0], [0])[0] == 6
    assert frag.classify(np.array([True]), [10], [6], [3], [5])[0] == 6  # Pff = 3/5 = Pf
    assert frag.classify(np.array([True]), [10], [6], [4], [5])[0] == 3  # Pff 0.8 > 0.6


# Windows built by hand (5 x 5, all valid, centre forest); counts written next to each.
HAND_WINDOWS = {
    # F = 10 of 25: Pf = 0.4 exactly -> transitional
    "pf_0.4": ([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], 2),
    # F = 9: Pf = 0.36 -> patch (centre forest)
    "pf_0.36": ([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], 1),
    # F = 15: Pf = 0.6; FF = 19, pairs with forest = 30: Pff = 19/30 > 0.6 -> edge
    "pf_0.6_edge": ([[1, 1, 0, 0, 0], [1, 1, 1, 1, 1], [1, 0, 1, 1, 1], [0, 0, 0, 1, 1], [0, 0, 0, 1, 1]], 3),
    # F = 15: Pf = 0.6; FF = 18 of 30: Pff = 0.6 = Pf -> undetermined
    "pf_eq_pff": ([[0, 0, 0, 1, 1], [0, 0, 1, 1, 1], [0, 1, 1, 1, 1], [1, 0, 0, 1, 1], [1, 0, 0, 1, 1]], 6),
    # F = 15: Pf = 0.6; FF = 13 of 37: Pff < Pf -> perforated (GRASS: Pf > 0.6 needed, gives 0)
    "pf_0.6_perforated": ([[0, 0, 1, 0, 1], [0, 1, 1, 1, 1], [1, 1, 1, 1, 0], [0, 1, 0, 1, 0], [1, 0, 1, 0, 1]], 4),
    # F = 20: Pf = 0.8; FF = 28 of 35: Pff = 0.8 -> undetermined
    "pf_0.8_eq": ([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 1, 1, 0, 0], [1, 1, 1, 1, 0], [1, 1, 1, 1, 1]], 6),
    # all forest: interior
    "interior": ([[1] * 5] * 5, 5),
}


@pytest.mark.parametrize("name", sorted(HAND_WINDOWS))
def test_hand_built_windows(tmp_path, name):
    window, expected = HAND_WINDOWS[name]
    assert reference_class(window) == expected  # the hand counts agree with the exact reference
    # embed the window in a larger raster: the centre's 5 x 5 window is exactly the hand-built one
    grid = np.zeros((9, 9), np.uint8)
    grid[2:7, 2:7] = window
    out, _ = _run(tmp_path, grid, window=5, pf_output=str(tmp_path / "pf.tif"), pff_output=str(tmp_path / "pff.tif"))
    assert out[4, 4] == expected
    pf = read_raster(tmp_path / "pf.tif")[4, 4]
    assert pf == pytest.approx(float(Fraction(int(np.sum(window)), 25)), abs=1e-7)


def test_every_3x3_pattern_with_nodata_matches_the_exact_reference(tmp_path):
    """All 3^9 windows of forest / non-forest / nodata, each a 3 x 3 tile whose centre sees only it."""
    patterns = list(itertools.product((1, 0, None), repeat=9))
    cols = 141
    rows = -(-len(patterns) // cols)
    grid = np.full((rows * 3, cols * 3), ND, np.uint8)
    for k, pat in enumerate(patterns):
        r, c = divmod(k, cols)
        grid[r * 3:r * 3 + 3, c * 3:c * 3 + 3] = np.array([ND if v is None else v for v in pat]).reshape(3, 3)
    out, _ = _run(tmp_path, grid, window=3)
    got = out[1::3, 1::3].ravel()[:len(patterns)]
    expected = np.array([reference_class([list(p[0:3]), list(p[3:6]), list(p[6:9])]) for p in patterns])
    np.testing.assert_array_equal(got, expected)
    assert set(expected.tolist()) == {0, 1, 2, 3, 4, 5, 6, ND}  # every class is exercised


# -- window counts ----------------------------------------------------------------------------------


def _brute_counts(forest, valid, w):
    h = (w - 1) // 2
    rows, cols = forest.shape[0] - 2 * h, forest.shape[1] - 2 * h
    out = np.zeros((4, rows, cols), np.int64)
    for r, c in itertools.product(range(rows), range(cols)):
        fw, vw = forest[r:r + w, c:c + w], valid[r:r + w, c:c + w]
        ff = anyf = 0
        for i, j in itertools.product(range(w), repeat=2):
            for di, dj in ((0, 1), (1, 0)):
                i2, j2 = i + di, j + dj
                if i2 < w and j2 < w and vw[i, j] and vw[i2, j2]:
                    ff += fw[i, j] and fw[i2, j2]
                    anyf += fw[i, j] or fw[i2, j2]
        out[:, r, c] = vw.sum(), fw.sum(), ff, anyf
    return out


@pytest.mark.parametrize("w", [3, 5, 9])
def test_window_counts_match_brute_force(w):
    rng = np.random.default_rng(w)
    h = (w - 1) // 2
    valid = rng.random((14 + 2 * h, 17 + 2 * h)) > 0.15
    forest = valid & (rng.random(valid.shape) < 0.6)
    got = np.stack(frag.window_counts(forest, valid, w))
    np.testing.assert_array_equal(got, _brute_counts(forest, valid, w))


def test_cells_outside_the_raster_are_not_counted(tmp_path):
    grid = np.ones((4, 5), np.uint8)
    grid[0, 1] = 0
    out, _ = _run(tmp_path, grid, window=3, pf_output=str(tmp_path / "pf.tif"))
    pf = read_raster(tmp_path / "pf.tif")
    assert pf[0, 0] == pytest.approx(3 / 4)  # corner: 4 cells inside, one non-forest
    assert pf[3, 4] == 1.0 and out[3, 4] == 5  # far corner: all 4 cells forest -> interior
    assert pf[1, 1] == pytest.approx(8 / 9)


# -- rasters: block size, nodata, outputs -----------------------------------------------------------


@pytest.fixture
def clustered(tmp_path):
    rng = np.random.default_rng(11)
    coarse = rng.random((12, 10))
    field = np.kron(coarse, np.ones((18, 17)))[:203, :157] + rng.normal(0, 0.15, (203, 157))
    mask = (field > 0.45).astype(np.uint8)
    mask[rng.random(mask.shape) < 0.03] = ND
    mask[50:60, 0:20] = 3  # another non-forest value
    return write_raster(tmp_path / "mask.tif", mask, nodata=ND, tiled=True), mask


@pytest.mark.parametrize("w", [3, 7])
def test_identical_whatever_block_size(tmp_path, clustered, w):
    path, mask = clustered
    results = []
    for bs in (16, 50, (157, 7), 1024):
        tag = str(bs).replace(" ", "")
        outs = [tmp_path / f"{n}_{tag}.tif" for n in ("c", "pf", "pff")]
        frag.forest_fragmentation(path, str(outs[0]), window=w, pf_output=str(outs[1]), pff_output=str(outs[2]),
                                  block_size=bs)
        results.append([read_raster(o) for o in outs])
    for other in results[1:]:
        for a, b in zip(results[0], other):
            np.testing.assert_array_equal(a, b)
    # and equal to the exact reference on a sample of pixels
    h = (w - 1) // 2
    padded = np.pad(mask, h, constant_values=ND)
    for r, c in [(0, 0), (100, 80), (55, 19), (202, 156), (10, 150)] + [(i * 7 % 203, i * 13 % 157) for i in range(40)]:
        win = padded[r:r + w, c:c + w]
        window = [[None if v == ND else int(v == 1) for v in row] for row in win]
        assert results[0][0][r, c] == reference_class(window), (r, c)


def test_nodata_cells_are_nodata_and_excluded(tmp_path):
    grid = np.array([[1, 1, 1], [ND, 1, 0], [1, 1, 1]], np.uint8)
    out, _ = _run(tmp_path, grid, window=3, pf_output=str(tmp_path / "pf.tif"), pff_output=str(tmp_path / "pff.tif"))
    assert out[1, 0] == ND
    pf, pff = read_raster(tmp_path / "pf.tif"), read_raster(tmp_path / "pff.tif")
    assert pf[1, 1] == pytest.approx(7 / 8)  # 8 valid cells, 7 forest
    # 12 pairs minus the 3 touching the nodata cell = 9, all with forest; 3 of them touch the 0 cell
    assert pff[1, 1] == pytest.approx(6 / 9)
    assert pf[1, 0] == frag.RATIO_NODATA and pff[1, 0] == frag.RATIO_NODATA
    assert out[1, 1] == 4  # Pf 0.875 > Pff 0.667 -> perforated


def test_several_forest_values(tmp_path):
    grid = np.array([[2, 5, 2], [5, 2, 5], [2, 5, 2]], np.uint8)
    out, result = _run(tmp_path, grid, window=3, forest_values="2, 5")
    assert (out == 5).all() and result["forest_values"] == [2, 5]
    out, _ = _run(tmp_path, grid, window=3, forest_values="2", name="o2")
    assert out[1, 1] == 2 and out[0, 1] == 0  # Pf = 5/9 at the centre -> transitional


def test_output_format_and_areas(tmp_path, clustered):
    path, mask = clustered
    out = tmp_path / "c.tif"
    result = frag.forest_fragmentation(path, str(out), window=5, pf_output=str(tmp_path / "pf.tif"))
    ds = gdal.Open(str(out))
    band = ds.GetRasterBand(1)
    assert band.DataType == gdal.GDT_Byte and band.GetNoDataValue() == frag.NODATA
    pf_ds = gdal.Open(str(tmp_path / "pf.tif"))
    assert pf_ds.GetRasterBand(1).DataType == gdal.GDT_Float32
    classes = read_raster(out)
    for code in frag.CLASS_CODES:
        assert result["pixels"][code] == int((classes == code).sum())
    assert result["pixels"][None] == int((mask == ND).sum())
    assert sum(result["hectares"].values()) == pytest.approx(203 * 157 * 0.09, rel=1e-3)
    assert result["forest_pixels"] == int((mask == 1).sum())


# -- bad input -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("window", [1, 2, 4, 33, 0, -3, 4.5, "siete"])
def test_bad_window(tmp_path, window):
    with pytest.raises(InputError) as err:
        _run(tmp_path, np.ones((5, 5)), window=window)
    assert "WINDOW must be an odd whole number from 3 to 31" in str(err.value) and str(window) in str(err.value)
    assert not (tmp_path / "o.tif").exists()


@pytest.mark.parametrize("window", [3, 5, 31, 7.0, "9"])
def test_good_window(window):
    assert frag.validate_window(window) == int(float(window))


@pytest.mark.parametrize("text,expected", [("1", [1]), ("1, 2;5", [1, 2, 5]), (" 3 4 ", [3, 4]), ([2, 1], [1, 2])])
def test_forest_values_parsed(text, expected):
    assert frag.parse_forest_values(text) == expected


@pytest.mark.parametrize("text,fragment", [("", "FOREST_VALUES is empty"),
                                           ("bosque", "FOREST_VALUES has an item that is neither a whole number"),
                                           ("1.5", "range such as 11-15: '1.5'")])
def test_bad_forest_values(text, fragment):
    with pytest.raises(InputError) as err:
        frag.parse_forest_values(text)
    assert fragment in str(err.value)


def test_mask_without_forest_is_refused_with_the_values_found(tmp_path):
    grid = np.array([[0, 2], [3, ND]], np.uint8)
    with pytest.raises(InputError) as err:
        _run(tmp_path, grid, window=3)
    msg = str(err.value)
    assert "has no forest pixel" in msg and "Values found: 0, 2, 3" in msg and "FOREST_VALUES" in msg
    assert not (tmp_path / "o.tif").exists()
    assert not [p for p in os.listdir(tmp_path) if ".part" in p]


def test_cancel_leaves_no_output(tmp_path, clustered):
    path, _ = clustered
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 2

    out = tmp_path / "c.tif"
    with pytest.raises(Cancelled):
        frag.forest_fragmentation(path, str(out), pf_output=str(tmp_path / "pf.tif"), block_size=32,
                                  is_cancelled=cancelled)
    assert not out.exists() and not (tmp_path / "pf.tif").exists()
    assert not [p for p in os.listdir(tmp_path) if ".part" in p]


@pytest.mark.parametrize("window", [3, 5, 7])
def test_block_classifier_equals_rule_on_random_counts(window):
    """The table look-up used for small windows gives exactly the rule's classes."""
    rng = np.random.default_rng(window)
    cells, pairs = window * window, 2 * window * (window - 1)
    v = rng.integers(1, cells + 1, 5000)
    f = rng.integers(0, v + 1)
    a = rng.integers(0, pairs + 1, 5000)
    ff = rng.integers(0, a + 1)
    forest = rng.random(5000) < 0.8
    counts = tuple(c.astype(np.uint16) for c in (v, f, ff, a))
    np.testing.assert_array_equal(frag.classify_counts(forest, counts, window),
                                  frag.classify(forest, v, f, ff, a))
