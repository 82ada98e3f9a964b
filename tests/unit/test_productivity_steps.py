"""The named steps of the LPD block passes tested apart (read, check, units); the whole run in test_productivity.py."""

import numpy as np
import pytest

from t2restore.algorithms import productivity as prod
from t2restore.algorithms.blocks import Block
from t2restore.algorithms.errors import InputError
from t2restore.algorithms.unit_histograms import unit_keys


def _block(arrays, nodata):
    ysize, xsize = arrays[0].shape[-2:]
    return Block(0, 0, xsize, ysize, 0, arrays, np.ones((ysize, xsize), bool), nodata)


def test_read_series_stacks_years_and_turns_every_kind_of_no_data_into_nan():
    first = np.array([[[1.0, -9999.0], [np.nan, 4.0]], [[5.0, 6.0], [np.inf, -np.inf]]], np.float32)  # 2 years
    second = np.array([[[9, 0], [11, 12]]], np.int16)  # 1 year, nodata 0
    y = prod.read_series(_block([first, second, np.zeros((2, 2), np.uint8)], [-9999.0, 0, None]), 2)
    assert y.shape == (3, 4) and y.dtype == np.float32
    expected = [[1, np.nan, np.nan, 4], [5, 6, np.nan, np.nan], [9, np.nan, 11, 12]]
    np.testing.assert_array_equal(y, np.array(expected, np.float32))


def test_unit_keys_pair_land_cover_and_unit():
    cover = np.array([1, 2, 2, 3], np.uint8)
    units = np.array([7, 7, -1, 7], np.int32)
    keys, ok = unit_keys([cover, units], [np.array([True, True, True, False]), np.array([True, True, False, True])])
    assert keys.tolist() == [(1 << 32) | 7, (2 << 32) | 7, (2 << 32) | 0xFFFFFFFF, (3 << 32) | 7]
    assert ok.tolist() == [True, True, False, False]
    assert unit_keys([], []) == (None, None)


@pytest.mark.parametrize("scale, values, fragment", [
    (1, [0.2, 5000.0], "probably scaled by 10000: set NDVI_SCALE to 10000"),
    (10000, [0.2, -20000.0], "outside the range -10000..10000"),
    (1, [0.2, 20000.0], "Check the nodata value"),
])
def test_metrics_pass_refuses_values_outside_the_scale(scale, values, fragment):
    check = prod._MetricsPass(1, 0, 3, 1, scale, 100)
    with pytest.raises(InputError) as err:
        check.check_range(np.array([values], np.float32))
    assert fragment in str(err.value)


def test_metrics_pass_accepts_the_edge_of_the_scale_and_spots_an_unscaled_series():
    check = prod._MetricsPass(1, 0, 3, 1, 10000, 100)
    check.check_range(np.array([[np.nan, np.nan]], np.float32))
    with pytest.raises(InputError, match="no valid pixel"):
        check.check_scale()
    check.check_range(np.array([[0.5, -1.0, np.nan]], np.float32))
    with pytest.raises(InputError, match="probably not scaled: set NDVI_SCALE to 1"):
        check.check_scale()
    check.check_range(np.array([[10000.0, -10000.0]], np.float32))
    check.check_scale()  # -10000..10000 is the whole range, not beyond it
