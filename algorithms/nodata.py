"""Which pixels of a block hold data: the one place where nodata values, NaN and +/-inf are recognized."""

import math

import numpy as np


def valid_mask(array, nodata):
    """Pixels that hold data: not the nodata value and, for decimal rasters, finite.

    The one place where NaN and +/-inf become no data (whatever the declared nodata value), so that
    no algorithm can read them as a class, a stock or "not degraded". An integer raster is compared in
    its own type: GDAL gives every nodata value as a float, and an integer array compared with a float
    is converted to float64 first (30 times slower: 1.45 ms instead of 0.05 ms per Mpx of Int16). A nodata
    value the type cannot hold (a fraction, out of range) is no pixel's value.
    """
    array = np.asarray(array)
    has_nodata = nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata))
    if array.dtype.kind in "iu" and has_nodata:
        info = np.iinfo(array.dtype)
        held = float(nodata).is_integer() and info.min <= nodata <= info.max
        return array != array.dtype.type(nodata) if held else np.ones(array.shape, bool)
    if array.dtype.kind not in "fc":
        return array != nodata if has_nodata else np.ones(array.shape, bool)
    ok = np.isfinite(array)
    if has_nodata:
        ok &= array != nodata
    return ok
