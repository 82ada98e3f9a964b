"""algorithms/nodata.valid_mask, row by row: the same pixels as a comparison in float64, whatever the types."""

import numpy as np
import pytest

from t2restore.algorithms.nodata import valid_mask

INTEGER_ARRAYS = {
    "uint8": np.array([0, 1, 254, 255], np.uint8),
    "int16": np.array([-32768, -1, 0, 32767], np.int16),
    "uint16": np.array([0, 1, 65534, 65535], np.uint16),
    "int32": np.array([-2147483648, -9999, 0, 2147483647], np.int32),
    "uint32": np.array([0, 4294967295, 7, 8], np.uint32),
}
# nodata values as GDAL gives them (floats), and as users type them (ints): in range, at the type's limits,
# fractional, out of range, NaN, none
NODATA = [0.0, 255.0, -32768.0, 65535.0, -2147483648.0, 4294967295.0, -9999.0, -1, 7, 2.5, 1e12, -1e12,
          float("nan"), None]


@pytest.mark.parametrize("dtype", sorted(INTEGER_ARRAYS))
@pytest.mark.parametrize("nodata", NODATA)
def test_integer_rasters_as_a_float64_comparison_would_say(dtype, nodata):
    array = INTEGER_ARRAYS[dtype]
    if nodata is None or nodata != nodata:  # none, or NaN: every integer pixel holds data
        expected = np.ones(array.shape, bool)
    else:
        expected = array.astype(np.float64) != float(nodata)
    assert valid_mask(array, nodata).tolist() == expected.tolist()


def test_decimal_rasters_nan_inf_and_nodata():
    array = np.array([np.nan, 2.0, -np.inf, np.inf, -9999.0], np.float32)
    assert valid_mask(array, -9999.0).tolist() == [False, True, False, False, False]
    assert valid_mask(array, None).tolist() == [False, True, False, False, True]
    assert valid_mask(np.array([True, False]), 0).tolist() == [True, False]
