"""Codes outside the legend are refused with their pixel counts, or left out when asked (issue 17, item 6)."""

import numpy as np
import pytest
from rasters import read_raster, write_raster

from t2restore.algorithms import codes, ldn, minam
from t2restore.algorithms.errors import InputError


def _lc_with_foreign_codes():
    """7-class land cover with codes 8, 9, 50 and 254 (not in the legend) on 5 of 40 pixels; 0 is nodata."""
    rng = np.random.default_rng(11)
    base = rng.integers(1, 8, (5, 8)).astype(np.uint8)
    base[base == 3] = 1  # at least some natural baseline pixels everywhere
    foreign = {(0, 0): 8, (1, 1): 9, (2, 2): 50, (3, 3): 254, (4, 4): 50}
    for (r, c), v in foreign.items():
        base[r, c] = v
    return base, foreign


def test_minam_refuses_land_cover_codes_outside_the_legend_with_counts(tmp_path):
    base, _ = _lc_with_foreign_codes()
    target = np.full(base.shape, 3, np.uint8)  # cropland: every natural baseline pixel lost its cover
    b = write_raster(tmp_path / "b.tif", base, nodata=0)
    t = write_raster(tmp_path / "t.tif", target, nodata=0)
    with pytest.raises(InputError) as err:
        minam.minam_degradation(str(tmp_path / "o.tif"), lc_baseline=b, lc_target=t)
    text = str(err.value)
    assert "codes (pixels): 50 (2), 8 (1), 9 (1), 254 (1)." in text
    assert "LC_CLASSES (1, 2, 3, 4, 5, 6, 7)" in text and "UNKNOWN_CODES" in text
    assert not (tmp_path / "o.tif").exists()


def test_minam_unknown_land_cover_codes_as_nodata_when_asked(tmp_path):
    base, foreign = _lc_with_foreign_codes()
    target = np.full(base.shape, 3, np.uint8)
    b = write_raster(tmp_path / "b.tif", base, nodata=0)
    t = write_raster(tmp_path / "t.tif", target, nodata=0)
    cleaned = base.copy()
    for (r, c) in foreign:
        cleaned[r, c] = 0
    c = write_raster(tmp_path / "c.tif", cleaned, nodata=0)
    result = minam.minam_degradation(str(tmp_path / "o.tif"), lc_baseline=b, lc_target=t, unknown_codes="nodata")
    minam.minam_degradation(str(tmp_path / "ref.tif"), lc_baseline=c, lc_target=t)
    out = read_raster(tmp_path / "o.tif")
    assert all(out[r, c] == minam.NODATA for (r, c) in foreign)  # not level 3 ("high")
    np.testing.assert_array_equal(out, read_raster(tmp_path / "ref.tif"))
    assert result["unknown"] == [("LC_BASELINE / LC_TARGET", 5, "50 (2), 8 (1), 9 (1), 254 (1)")]


def test_minam_national_legend_through_lc_classes(tmp_path):
    base = np.array([[11, 12, 31, 40]], np.uint16)
    target = np.array([[31, 12, 11, 11]], np.uint16)
    b = write_raster(tmp_path / "b.tif", base, nodata=0)
    t = write_raster(tmp_path / "t.tif", target, nodata=0)
    with pytest.raises(InputError) as err:
        minam.minam_degradation(str(tmp_path / "o.tif"), lc_baseline=b, lc_target=t, natural_classes="11-15")
    assert "natural vegetation classes 11, 12, 13, 14, 15 are not in the land cover legend" in str(err.value)
    with pytest.raises(InputError) as err:
        minam.minam_degradation(str(tmp_path / "o.tif"), lc_baseline=b, lc_target=t, natural_classes="11-15",
                                land_cover_classes="11-15,31")
    assert "codes (pixels): 40 (1)." in str(err.value)
    minam.minam_degradation(str(tmp_path / "o.tif"), lc_baseline=b, lc_target=t, natural_classes="11-15",
                            land_cover_classes="11-15,31,40")
    assert read_raster(tmp_path / "o.tif").tolist() == [[3, 0, 0, 0]]


def test_minam_lpd_outside_1_to_5_as_nodata_when_asked(tmp_path):
    lpd = np.array([[1, 5, 7, 0, 15, 200, 7]], np.uint8)
    path = write_raster(tmp_path / "lpd.tif", lpd, nodata=255)
    result = minam.minam_degradation(str(tmp_path / "o.tif"), productivity=path, unknown_codes="nodata")
    out = read_raster(tmp_path / "o.tif")
    assert out[0, 2] == out[0, 5] == out[0, 6] == minam.NODATA and out[0, 0] != minam.NODATA
    assert result["unknown"] == [("PRODUCTIVITY", 3, "7 (2), 200 (1)")]


def test_ldn_refuses_lpd_outside_1_to_5_with_counts(tmp_path):
    lpd = np.array([[1, 2, 3, 4, 5, 0, 15, 6, 6, 99]], np.uint8)
    path = write_raster(tmp_path / "lpd.tif", lpd, nodata=255)
    with pytest.raises(InputError) as err:
        ldn.ldn_degradation(str(tmp_path / "o.tif"), productivity=path)
    assert "(1 to 5; 0 and 15 are no data); codes (pixels): 6 (2), 99 (1)." in str(err.value)
    assert not (tmp_path / "o.tif").exists()
    result = ldn.ldn_degradation(str(tmp_path / "o.tif"), productivity=path, unknown_codes="nodata")
    assert read_raster(tmp_path / "o.tif").tolist() == [[-1, -1, 0, 0, 1] + [ldn.NODATA] * 5]
    assert result["unknown"] == [("PRODUCTIVITY", 3, "6 (2), 99 (1)")]


def test_ldn_refuses_land_cover_outside_the_unccd_classes_without_recode(tmp_path):
    base = np.array([[1, 2, 8, 50]], np.uint8)
    b = write_raster(tmp_path / "b.tif", base, nodata=0)
    t = write_raster(tmp_path / "t.tif", np.ones((1, 4), np.uint8), nodata=0)
    with pytest.raises(InputError) as err:
        ldn.ldn_degradation(str(tmp_path / "o.tif"), lc_baseline=b, lc_target=t)
    assert "LC_BASELINE holds codes that are not UNCCD classes (1 to 7); codes (pixels): 8 (1), 50 (1)." \
        in str(err.value)
    ldn.ldn_degradation(str(tmp_path / "o.tif"), lc_baseline=b, lc_target=t, unknown_codes="nodata")
    assert read_raster(tmp_path / "o.tif").tolist() == [[0, 1, ldn.NODATA, ldn.NODATA]]


def test_unknown_codes_policy_and_format():
    with pytest.raises(InputError) as err:
        codes.check_policy("ignore")
    assert "UNKNOWN_CODES must be 'refuse' or 'nodata'" in str(err.value)
    item = codes.UnknownCodes("X", "{name}: {values}")
    item.collect(np.array([3.5, 2.0, 2.0, 7.0]), np.array([True, True, True, False]))
    assert item.pixels == 3 and item.report() == ("X", 3, "2 (2), 3.5 (1)")
    with pytest.raises(InputError, match="X: 2 \\(2\\), 3.5 \\(1\\)"):
        item.check()
