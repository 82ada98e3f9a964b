"""NaN and +/-inf are no data in every raster algorithm (issue 17, item 5).

Each algorithm runs twice on a decimal raster: once with NaN / +inf / -inf at a few pixels, once with
the declared nodata value (-9999) at the same pixels. The results must be identical (the pixels are
no data in both; every other pixel and count is unchanged), and the pixels must be no data.
"""

import numpy as np
import pytest
from rasters import NONFINITE_AT as BAD
from rasters import NONFINITE_ND as ND
from rasters import nonfinite_pair as _pair
from rasters import read_raster, write_raster

from t2restore.algorithms import agreement, blocks, fragmentation, ldn, minam, overlap, productivity, scoring


def _bad_mask(shape):
    mask = np.zeros(shape, bool)
    for r, c, _v in BAD:
        mask[r, c] = True
    return mask


# -- the one place: the block reader's validity mask -------------------------------------------------------


@pytest.mark.parametrize("nodata", [None, ND, float("nan")])
def test_block_valid_treats_nan_and_inf_as_nodata(tmp_path, nodata):
    arr = np.array([[1.5, np.nan, np.inf], [-np.inf, ND, 0.0]], np.float32)
    path = write_raster(tmp_path / "f.tif", arr, nodata=nodata)
    masks = []
    blocks.run_blocks([blocks.RasterInput(path)], lambda b: masks.append(b.valid(0)), halo=1)
    expected = [[True, False, False], [False, nodata != ND, True]]  # -9999 is data unless it is the nodata
    assert masks[0][1:-1, 1:-1].tolist() == expected
    assert not masks[0][0].any()  # the halo outside the raster stays invalid


def test_valid_mask_leaves_integer_rasters_alone():
    assert blocks.valid_mask(np.array([0, 1, 255], np.uint8), 255).tolist() == [True, True, False]
    assert blocks.valid_mask(np.array([np.nan, 2.0, -np.inf, np.inf]), None).tolist() == [False, True, False, False]


# -- each algorithm --------------------------------------------------------------------------------------


def test_ldn_soc_infinite_baseline_is_nodata_not_degraded(tmp_path):
    rng = np.random.default_rng(3)
    socb = rng.uniform(20, 80, (5, 4))
    soct = socb * rng.uniform(0.7, 1.3, (5, 4))
    dirty, clean = _pair(tmp_path, "socb", socb)
    target = write_raster(tmp_path / "soct.tif", soct.astype(np.float32), nodata=ND)
    a = ldn.ldn_degradation(str(tmp_path / "a.tif"), soc_baseline=dirty, soc_target=target)
    b = ldn.ldn_degradation(str(tmp_path / "b.tif"), soc_baseline=clean, soc_target=target)
    out = read_raster(tmp_path / "a.tif")
    assert (out[_bad_mask(out.shape)] == ldn.NODATA).all()
    np.testing.assert_array_equal(out, read_raster(tmp_path / "b.tif"))
    assert dict(a["areas"].pixels) == dict(b["areas"].pixels)


def test_ldn_nan_land_cover_and_productivity_are_nodata(tmp_path):
    rng = np.random.default_rng(4)
    lcb, lct = rng.integers(1, 8, (5, 4)), rng.integers(1, 8, (5, 4))
    lpd = rng.integers(1, 6, (5, 4))
    paths = {key: _pair(tmp_path, key, arr) for key, arr in (("lcb", lcb), ("lct", lct), ("lpd", lpd))}
    for n, pick in enumerate((0, 1)):
        ldn.ldn_degradation(str(tmp_path / f"o{n}.tif"), lc_baseline=paths["lcb"][pick],
                            lc_target=paths["lct"][pick], productivity=paths["lpd"][pick])
    out = read_raster(tmp_path / "o0.tif")
    assert (out[_bad_mask(out.shape)] == ldn.NODATA).all()
    np.testing.assert_array_equal(out, read_raster(tmp_path / "o1.tif"))


def test_minam_nan_land_cover_is_nodata_not_high(tmp_path):
    lcb = np.ones((5, 4))  # natural everywhere: a non-natural or unreadable target would be "loss"
    lct = np.full((5, 4), 2.0)
    dirty, clean = _pair(tmp_path, "lct", lct)
    base = write_raster(tmp_path / "lcb.tif", lcb.astype(np.float32), nodata=ND)
    a = minam.minam_degradation(str(tmp_path / "a.tif"), lc_baseline=base, lc_target=dirty)
    b = minam.minam_degradation(str(tmp_path / "b.tif"), lc_baseline=base, lc_target=clean)
    out = read_raster(tmp_path / "a.tif")
    assert (out[_bad_mask(out.shape)] == minam.NODATA).all()
    np.testing.assert_array_equal(out, read_raster(tmp_path / "b.tif"))
    assert dict(a["areas"].pixels) == dict(b["areas"].pixels)
    assert 3 not in {cls for (_z, cls) in a["areas"].pixels}


def test_minam_nan_productivity_and_forest_mask(tmp_path):
    rng = np.random.default_rng(5)
    lpd, forest = rng.integers(1, 6, (6, 5)), (rng.random((6, 5)) < 0.6).astype(float)
    lpd_p, forest_p = _pair(tmp_path, "lpd", lpd), _pair(tmp_path, "forest", forest)
    for pick in (0, 1):
        minam.minam_degradation(str(tmp_path / f"o{pick}.tif"), productivity=lpd_p[pick], forest_mask=forest_p[pick])
    out = read_raster(tmp_path / "o0.tif")
    assert (out[_bad_mask(out.shape)] == minam.NODATA).all()
    np.testing.assert_array_equal(out, read_raster(tmp_path / "o1.tif"))


def test_agreement_nan_is_nodata_not_not_degraded(tmp_path):
    rng = np.random.default_rng(6)
    a_dirty, a_clean = _pair(tmp_path, "a", rng.integers(0, 3, (5, 4)))
    b = write_raster(tmp_path / "b.tif", rng.integers(0, 3, (5, 4)).astype(np.float32), nodata=ND)
    ra = agreement.definition_agreement(str(tmp_path / "x.tif"), a_dirty, b, "1", "1")
    rb = agreement.definition_agreement(str(tmp_path / "y.tif"), a_clean, b, "1", "1")
    out = read_raster(tmp_path / "x.tif")
    assert (out[_bad_mask(out.shape)] == agreement.NODATA).all()
    np.testing.assert_array_equal(out, read_raster(tmp_path / "y.tif"))
    assert ra["zones"][None] == pytest.approx(rb["zones"][None])


def test_fragmentation_nan_is_nodata_not_non_forest(tmp_path):
    forest = np.ones((6, 5))
    dirty, clean = _pair(tmp_path, "f", forest)
    ra = fragmentation.forest_fragmentation(dirty, str(tmp_path / "a.tif"), pf_output=str(tmp_path / "pa.tif"))
    rb = fragmentation.forest_fragmentation(clean, str(tmp_path / "b.tif"), pf_output=str(tmp_path / "pb.tif"))
    out = read_raster(tmp_path / "a.tif")
    assert (out[_bad_mask(out.shape)] == fragmentation.NODATA).all()
    np.testing.assert_array_equal(out, read_raster(tmp_path / "b.tif"))
    np.testing.assert_array_equal(read_raster(tmp_path / "pa.tif"), read_raster(tmp_path / "pb.tif"))
    assert ra["pixels"] == rb["pixels"] and ra["pixels"][fragmentation.NON_FOREST] == 0


def test_gap_raster_nan_patch_is_not_in_the_gap(tmp_path):
    gap = np.zeros((5, 4))
    gap[4, 3] = 1.0
    dirty, _clean = _pair(tmp_path, "gap", gap)
    polys, _wkt = overlap.polygonize_mask(dirty, str(tmp_path))
    assert len(polys) == 1 and polys[0].GetArea() == pytest.approx(30.0 * 30.0)  # only the pixel holding 1


def test_productivity_infinite_ndvi_years_are_missing_years(tmp_path):
    rng = np.random.default_rng(7)
    years = 8
    y = (rng.uniform(0.3, 0.8, (years, 5, 4))).astype(np.float32)
    dirty, clean = y.copy(), y.copy()
    for r, c, v in BAD:  # one bad year per pixel: still enough years
        dirty[2, r, c] = v
        clean[2, r, c] = ND
    pa = write_raster(tmp_path / "nd.tif", dirty, nodata=ND)
    pb = write_raster(tmp_path / "nc.tif", clean, nodata=ND)
    ra = productivity.productivity_dynamics(pa, str(tmp_path / "a.tif"), scale=1, comparison_years=3)
    rb = productivity.productivity_dynamics(pb, str(tmp_path / "b.tif"), scale=1, comparison_years=3)
    np.testing.assert_array_equal(read_raster(tmp_path / "a.tif"), read_raster(tmp_path / "b.tif"))
    assert ra["pixels"] == rb["pixels"] and ra["references"] == rb["references"]


def test_priority_score_nan_criterion_is_nodata(tmp_path):
    rng = np.random.default_rng(8)
    dirty, clean = _pair(tmp_path, "c1", rng.uniform(0, 10, (5, 4)))
    other = write_raster(tmp_path / "c2.tif", rng.uniform(0, 10, (5, 4)).astype(np.float32), nodata=ND)
    outs = []
    for n, first in enumerate((dirty, clean)):
        crit = [scoring.Criterion("C1", first, method="linear", low=0, high=10),
                scoring.Criterion("C2", other, method="linear", low=0, high=10)]
        out = tmp_path / f"s{n}.tif"
        scoring.priority_score(crit, [0.5, 0.5], str(out))
        outs.append(read_raster(out))
    assert (outs[0][_bad_mask(outs[0].shape)] == scoring.SCORE_NODATA).all()
    np.testing.assert_array_equal(outs[0], outs[1])
