"""Per-unit histograms of mean NDVI and their reference percentile (performance, METHODS.md 1.2).

Why a module of its own: performance compares each pixel's mean NDVI with the 90th percentile of
the means of its ecological unit, a statistic over the whole raster. Pass 1 of
``productivity.productivity_dynamics`` adds every block's means to one histogram per unit
(0.0001 NDVI bins), so memory does not grow with the raster; the percentile is read from it by
nearest rank, and ``nearest_rank_percentile`` is the reference the tests compare it with. A unit
is a class of one integer raster, or a (land cover, unit) pair of two (``unit_keys``).
"""

import math

import numpy as np

from .blocks import RasterInput
from .errors import N_, InputError

REFERENCE_PERCENTILE = 90
HIST_BINS_PER_UNIT = 10000  # bins per NDVI unit (0.0001 NDVI)
HIST_SIZE = 2 * HIST_BINS_PER_UNIT + 1  # NDVI -1 .. 1
MAX_UNITS = 2000  # one histogram of HIST_SIZE counts per unit (80 kB each)



def _ndvi_bin(mean):
    return np.clip(np.rint(mean * HIST_BINS_PER_UNIT), -HIST_BINS_PER_UNIT, HIST_BINS_PER_UNIT).astype(np.int64) \
        + HIST_BINS_PER_UNIT


class UnitHistograms:
    """One histogram of mean NDVI (0.0001 bins) per ecological unit, accumulated block by block."""

    def __init__(self, count_dtype=np.uint32):
        self.dtype = count_dtype
        self.index = {}
        self.hists = []

    def _hist(self, key):
        pos = self.index.get(key)
        if pos is None:
            if len(self.index) >= MAX_UNITS:
                raise InputError(N_("There are more than {max} ecological units (land cover classes x ecological "
                                    "units); performance needs one reference per unit. Group the classes into "
                                    "fewer units."), max=MAX_UNITS)
            pos = self.index[key] = len(self.hists)
            self.hists.append(np.zeros(HIST_SIZE, self.dtype))
        return self.hists[pos]

    def add(self, keys, mean):
        """Add the pixels with unit ``keys`` (int64) and NDVI ``mean`` (finite values only)."""
        if mean.size == 0:
            return
        bins = _ndvi_bin(mean)
        if keys is None:
            self._hist(0)[:] += np.bincount(bins, minlength=HIST_SIZE).astype(self.dtype)
            return
        units, inverse = np.unique(keys, return_inverse=True)
        if len(units) <= 64:
            counts = np.bincount(inverse.ravel() * HIST_SIZE + bins, minlength=len(units) * HIST_SIZE)
            for i, key in enumerate(units.tolist()):
                self._hist(key)[:] += counts[i * HIST_SIZE:(i + 1) * HIST_SIZE].astype(self.dtype)
            return
        combined, counts = np.unique(inverse.ravel() * HIST_SIZE + bins, return_counts=True)
        which = combined // HIST_SIZE
        starts = np.flatnonzero(np.r_[True, which[1:] != which[:-1]])
        ends = np.r_[starts[1:], len(which)]
        for a, b in zip(starts.tolist(), ends.tolist()):
            hist = self._hist(int(units[which[a]]))
            hist[combined[a:b] % HIST_SIZE] += counts[a:b].astype(self.dtype)

    def references(self, percentile=REFERENCE_PERCENTILE):
        """{unit: percentile of mean NDVI} by nearest rank (the ceil(p n)-th smallest value)."""
        out = {}
        for key, pos in self.index.items():
            cum = np.cumsum(self.hists[pos], dtype=np.int64)
            total = int(cum[-1])
            if total == 0:
                continue
            rank = max(1, math.ceil(percentile * total / 100))
            out[key] = (int(np.searchsorted(cum, rank)) - HIST_BINS_PER_UNIT) / HIST_BINS_PER_UNIT
        return out


def nearest_rank_percentile(values, percentile=REFERENCE_PERCENTILE):
    """Reference for one unit: the same percentile from the values rounded to 0.0001 NDVI."""
    v = np.sort(np.rint(np.asarray(values, np.float64) * HIST_BINS_PER_UNIT)) / HIST_BINS_PER_UNIT
    return float(v[max(1, math.ceil(percentile * len(v) / 100)) - 1])


# -- ecological units: class rasters -> one key per pixel ----------------------------------------

def unit_input(source, name):
    """An ecological-unit class raster as a RasterInput; InputError when it holds decimal values."""
    inp = RasterInput(source, name=name)
    if inp.dtype().kind not in "iu":
        raise InputError(N_("The raster {name} holds decimal values; ecological units and land cover must be "
                            "integer class rasters."), name=name)
    return inp


def unit_keys(arrays, valids):
    """int64 unit key per pixel and its validity, from zero, one or two class rasters."""
    if not arrays:
        return None, None
    ok = valids[0].copy()
    key = arrays[0].astype(np.int64)
    if len(arrays) == 2:
        ok &= valids[1]
        key = (key << 32) | (arrays[1].astype(np.int64) & 0xFFFFFFFF)
    return key, ok


def unit_inputs(land_cover, ecological_units):
    """The class rasters that define the ecological units, land cover first."""
    inputs = []
    if land_cover is not None:
        inputs.append(unit_input(land_cover, "LAND_COVER"))
    if ecological_units is not None:
        inputs.append(unit_input(ecological_units, "ECOLOGICAL_UNITS"))
    return inputs
