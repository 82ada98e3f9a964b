"""LDN's byte look-up tables (ldn_bytes) against the general path, for every byte value and pair of values."""

import numpy as np
import pytest
from rasters import read_raster, write_raster

from t2restore.algorithms import codes, ldn, ldn_bytes
from t2restore.algorithms.blocks import valid_mask
from t2restore.algorithms.errors import InputError

PAIRS = np.arange(65536)
BASE, TARGET = (PAIRS >> 8).astype(np.uint8), (PAIRS & 255).astype(np.uint8)
RECODES = {"unccd classes": None,
           "a legend": {10: 1, 11: 1, 20: 2, 30: 3, 40: 4, 50: 5, 60: 6, 70: 7, 255: 2, 0: 4, 300: 3}}
MATRIX = np.array(ldn.UNCCD_MATRIX)
MATRIX[0, 1], MATRIX[4, 0], MATRIX[6, 2] = 1, -1, -1  # a custom matrix: a rule changed in three cells


def _general_land_cover(recode, matrix, nodata_b, nodata_t):
    """The general path's (codes, water, unknown baseline, unknown target) of every (baseline, target) pair."""
    unknown = codes.UnknownCodes("X", "{name} {values}", "nodata")
    base_table, target_table = ldn._ClassTable(recode, unknown), ldn._ClassTable(recode, unknown)
    valid_b, valid_t = valid_mask(BASE, nodata_b), valid_mask(TARGET, nodata_t)
    unknown_b, unknown_t = np.zeros(BASE.shape, bool), np.zeros(BASE.shape, bool)
    base = base_table(BASE, valid_b, unknown_b)
    idx = base * np.uint8(8)
    idx += target_table(TARGET, valid_t, unknown_t)
    return np.take(ldn._transition_codes(matrix), idx, mode="clip"), base == ldn.WATER, unknown_b, unknown_t


@pytest.mark.parametrize("recode", list(RECODES))
@pytest.mark.parametrize("nodata_b, nodata_t", [(None, None), (0, 0), (255, 0), (7, 3.0), (2.5, -1), (0, 255)])
@pytest.mark.parametrize("matrix", ["unccd", "custom"])
def test_land_cover_table_equals_the_general_path_for_every_pair(recode, nodata_b, nodata_t, matrix):
    mapping = RECODES[recode]
    transitions = ldn._transition_codes(ldn.UNCCD_MATRIX if matrix == "unccd" else MATRIX)
    packed = ldn._ClassTable(mapping, None).packed
    table = ldn_bytes.land_cover_table(packed, packed, nodata_b, nodata_t, transitions, ldn.WATER)
    unknown_b, unknown_t = np.zeros(BASE.shape, bool), np.zeros(BASE.shape, bool)
    got, water = ldn_bytes.land_cover_codes(table, BASE, TARGET, unknown_b, unknown_t)
    expected = _general_land_cover(mapping, ldn.UNCCD_MATRIX if matrix == "unccd" else MATRIX, nodata_b, nodata_t)
    np.testing.assert_array_equal(got, expected[0])
    np.testing.assert_array_equal(water, expected[1])
    np.testing.assert_array_equal(unknown_b, expected[2])
    np.testing.assert_array_equal(unknown_t, expected[3])
    assert expected[2].any() and expected[3].any()  # every flag was exercised; water unless 7 is nodata
    assert expected[1].any() == (mapping is not None or nodata_b != 7)  # 7 (water) is nodata here
    assert set(np.unique(got).tolist()) == {0, 1, 2, 3}


def test_land_cover_rows_without_unknown_values_leave_the_masks_alone_and_skip_water_when_asked():
    packed = ldn._ClassTable(None, None).packed
    table = ldn_bytes.land_cover_table(packed, packed, 0, 0, ldn._transition_codes(ldn.UNCCD_MATRIX), ldn.WATER)
    base = np.array([[1, 7, 0, 5]], np.uint8)
    target = np.array([[2, 1, 3, 5]], np.uint8)
    unknown_b, unknown_t = np.ones(base.shape, bool), np.ones(base.shape, bool)
    got, water = ldn_bytes.land_cover_codes(table, base, target, unknown_b, unknown_t, want_water=False)
    assert got.tolist() == [[ldn.CODE_DEGRADED, ldn.CODE_STABLE, ldn.CODE_NODATA, ldn.CODE_STABLE]]
    assert water is None and unknown_b.all() and unknown_t.all()  # untouched: none of the values is unknown


@pytest.mark.parametrize("nodata", [None, 0, 15, 3, 200, 2.5, -1, 255])
def test_productivity_table_equals_the_general_path_for_every_byte(nodata):
    values = np.arange(256, dtype=np.uint8)
    valid = valid_mask(values, nodata)
    expected_unknown = np.zeros(256, bool)
    expected = ldn._lpd_codes(values, valid, None, expected_unknown)
    table = ldn_bytes.productivity_table(ldn._LPD_PACKED, nodata, ldn.LPD_NODATA_CODES)
    unknown = np.zeros(256, bool)
    got = ldn_bytes.productivity_codes(table, values, unknown)
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(unknown, expected_unknown)
    assert got[1:6].tolist() == [ldn.CODE_DEGRADED, ldn.CODE_DEGRADED, ldn.CODE_STABLE, ldn.CODE_STABLE,
                                 ldn.CODE_IMPROVED] or nodata in (3,)


def _inputs(tmp_path, dtype, rng):
    shape = (260, 310)
    lcb = rng.choice([0, 10, 11, 20, 30, 40, 50, 60, 70, 99], shape).astype(dtype)  # 99: not in the legend
    lct = rng.choice([0, 10, 20, 30, 40, 50, 60, 70], shape).astype(dtype)
    lpd = rng.choice([0, 1, 2, 3, 4, 5, 9, 15], shape).astype(dtype)  # 9: not an LPD class
    soc_b = rng.uniform(-5, 100, shape).astype(np.float32)
    soc_t = (soc_b * rng.choice([0.85, 0.9, 1.0, 1.1, 1.2], shape)).astype(np.float32)
    folder = tmp_path / np.dtype(dtype).name
    folder.mkdir()
    return {"lc_baseline": write_raster(folder / "lcb.tif", lcb, nodata=0),
            "lc_target": write_raster(folder / "lct.tif", lct, nodata=0),
            "productivity": write_raster(folder / "lpd.tif", lpd, nodata=0),
            "soc_baseline": write_raster(folder / "socb.tif", soc_b, nodata=-9999),
            "soc_target": write_raster(folder / "soct.tif", soc_t, nodata=-9999)}


def test_ldn_of_byte_rasters_equals_ldn_of_the_same_classes_in_uint16(tmp_path):
    """The byte tables and the general path (UInt16 inputs) give the same rasters, areas and unknown codes."""
    recode = {10: 1, 11: 1, 20: 2, 30: 3, 40: 4, 50: 5, 60: 6, 70: 7}
    runs = []
    for dtype in (np.uint8, np.uint16):
        paths = _inputs(tmp_path, dtype, np.random.default_rng(8))
        out, sub = tmp_path / f"ldn_{np.dtype(dtype).name}.tif", tmp_path / f"sub_{np.dtype(dtype).name}.tif"
        result = ldn.ldn_degradation(str(out), subindicators_output=str(sub), lc_recode=recode, block_size=(128, 96),
                                     unknown_codes="nodata", **paths)
        runs.append((read_raster(out), [read_raster(sub, band) for band in (1, 2, 3)], result["areas"].rows(),
                     result["unknown"]))
        with pytest.raises(InputError) as refused:
            ldn.ldn_degradation(str(tmp_path / "refused.tif"), lc_recode=recode, **paths)
        runs[-1] += (str(refused.value),)
    byte, wide = runs
    np.testing.assert_array_equal(byte[0], wide[0])
    for band_byte, band_wide in zip(byte[1], wide[1]):
        np.testing.assert_array_equal(band_byte, band_wide)
    assert byte[2] == wide[2] and byte[3] == wide[3] and byte[4] == wide[4]
    assert {name for name, _pixels, _codes in byte[3]} == {"LC_BASELINE", "PRODUCTIVITY"}
    assert "99" in byte[4] and set(np.unique(byte[0]).tolist()) == {-32768, -1, 0, 1}
