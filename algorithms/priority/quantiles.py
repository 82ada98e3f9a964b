"""Exact quantile breaks of a criterion, block by block (quantile rescaling, as in FAO's se.plan).

A criterion's quantile classes need its distribution inside the mask and outside the constraints
first: exact block-wise histograms of order-preserving 16-bit keys (one pass for 8/16-bit rasters;
a second, refining pass on the few bins holding a break for other types). ``quantile_pass`` runs
those passes before scoring and sets each quantile criterion's ``breaks``.
"""

import numpy as np

from ..block_threads import in_block_order, shared
from ..blocks import run_blocks
from ..errors import N_, InputError
from .constraints import region_error
from .kernel import Shifted
from .rescale import QUANTILE_METHODS, quantile_ranks

_KEY_BINS = 65536


def _float_keys(values):
    """Order-preserving uint32 keys of float32 values (-0 counted as +0)."""
    f = np.asarray(values, dtype=np.float32) + np.float32(0.0)
    bits = f.view(np.uint32)
    return np.where(bits & np.uint32(0x80000000), ~bits, bits | np.uint32(0x80000000))


def _key_value(key):
    """The float32 value of an order-preserving key (inverse of ``_float_keys``)."""
    key = int(key)
    bits = key ^ 0x80000000 if key & 0x80000000 else (~key) & 0xFFFFFFFF
    return float(np.array([bits], dtype=np.uint32).view(np.float32)[0])


def exact_in_one_pass(dtype):
    """True for 8 and 16-bit integers: one histogram over every possible value gives exact quantiles."""
    return dtype.kind in "iu" and dtype.itemsize <= 2


class QuantileCollector:
    """Exact quantile breaks of one criterion from block-wise histograms.

    8 and 16-bit integers: one histogram over every possible value (one pass, exact). Other types:
    values as float32 (7 significant digits; decimal rasters are compared in float32 too), mapped to
    order-preserving 32-bit keys; a first pass counts the top 16 bits, a second pass counts the low
    16 bits inside the (at most classes - 1) top bins that hold a break. Memory: 512 KB per bin set.
    """

    def __init__(self, criterion, dtype):
        self.criterion = criterion
        self.small = exact_in_one_pass(dtype)
        self.offset = -int(np.iinfo(dtype).min) if self.small else 0
        self.hist = np.zeros(_KEY_BINS, np.int64)
        self.targets = []  # (top bin, rank inside it) per break, for the second pass
        self.fine = {}
        shared(self)  # counts recorded on a Dask worker are added here

    def add(self, values):
        """First pass: count the values (8/16-bit) or the top 16 bits of their keys (added in block order)."""
        if self.small:
            keys = values.astype(np.intp) + self.offset
        else:
            keys = (_float_keys(values) >> np.uint32(16)).astype(np.intp)
        counts = np.bincount(keys, minlength=_KEY_BINS)
        found = np.flatnonzero(counts)
        in_block_order(self._merge_top, found, counts[found])

    def plan(self):
        """Locate the breaks after the first pass; True when a refining pass is needed."""
        n = int(self.hist.sum())
        if n == 0:
            raise InputError(N_("The criterion {name} has no valid pixel inside the mask and outside the "
                                "constraints, so its quantiles cannot be computed."), name=self.criterion.name)
        cum = np.cumsum(self.hist)
        ranks = quantile_ranks(n, self.criterion.classes)
        bins = np.searchsorted(cum, ranks, side="left")
        if self.small:
            self.criterion.breaks = [float(b - self.offset) for b in bins]
            return False
        self.targets = [(int(b), r - (int(cum[b - 1]) if b else 0)) for b, r in zip(bins, ranks)]
        self.fine = {b: np.zeros(_KEY_BINS, np.int64) for b, _r in self.targets}
        return True

    def refine(self, values):
        """Refining pass: count the low 16 bits of the keys inside the top bins that hold a break."""
        keys = _float_keys(values)
        top = keys >> np.uint32(16)
        for b in self.fine:
            low = keys[top == b] & np.uint32(0xFFFF)
            if low.size:
                counts = np.bincount(low.astype(np.intp), minlength=_KEY_BINS)
                found = np.flatnonzero(counts)
                in_block_order(self._merge_fine, b, found, counts[found])

    # merges: methods of this (shared) object, never of an array passed along, which a worker holds a copy of
    def _merge_top(self, bins, counts):
        self.hist[bins] += counts

    def _merge_fine(self, top_bin, bins, counts):
        self.fine[top_bin][bins] += counts

    def finish(self):
        """Set the criterion's breaks from the refining pass."""
        breaks = []
        for b, rank in self.targets:
            low = int(np.searchsorted(np.cumsum(self.fine[b]), rank, side="left"))
            breaks.append(_key_value((b << 16) | low))
        self.criterion.breaks = breaks


def quantile_criteria(criteria):
    """Positions of the criteria rescaled by quantiles."""
    return [i for i, c in enumerate(criteria) if c.method in QUANTILE_METHODS]


def quantile_pass_count(kernel):
    """How many passes ``quantile_pass`` makes: 0 without quantile criteria, 2 when one needs refining."""
    indices = quantile_criteria(kernel.criteria)
    if not indices:
        return 0
    return 1 + any(not exact_in_one_pass(kernel.inputs[i].dtype()) for i in indices)


def quantile_pass(kernel, block_size, next_progress, is_cancelled):
    """Set the ``breaks`` of every quantile criterion of ``kernel`` (opened inputs).

    Reads only the quantile criteria, the mask and the constraints. ``next_progress()`` gives the
    progress callback of each pass. InputError when the mask and constraints leave no pixel.
    """
    indices = quantile_criteria(kernel.criteria)
    collectors = {i: QuantileCollector(kernel.criteria[i], kernel.inputs[i].dtype()) for i in indices}
    slots = kernel.region_slots
    inputs = [kernel.inputs[i] for i in indices] + [kernel.inputs[s] for s in slots]
    view = {slot: n for n, slot in enumerate(indices + slots)}
    counts = RegionCounts(len(kernel.constraints))
    run_blocks(inputs, lambda b: _histogram_block(kernel, collectors, view, b, counts), (), block_size=block_size,
               progress=next_progress(), is_cancelled=is_cancelled, parallel=True)
    if counts.free == 0:
        region_error(kernel.mask, kernel.constraints, counts.inside, counts.excluded_by)
    refine = [col for col in collectors.values() if col.plan()]
    if refine:
        run_blocks(inputs, lambda b: _histogram_block(kernel, collectors, view, b), (), block_size=block_size,
                   progress=next_progress(), is_cancelled=is_cancelled, parallel=True)
        for col in refine:
            col.finish()


class RegionCounts:
    """Pixels inside the mask, cut out by each constraint, and left free: why a region may be empty."""

    def __init__(self, constraints):
        self.inside, self.free, self.excluded_by = 0, 0, [0] * constraints
        shared(self)  # counts recorded on a Dask worker are added here

    def add(self, inside, excluded_by, free):
        """One block's counts (``in_block_order``: on the engine's thread, in block order)."""
        self.inside += inside
        self.free += free
        for n, count in enumerate(excluded_by):
            self.excluded_by[n] += count


def _histogram_block(kernel, collectors, view, block, counts=None):
    """Add a block's values inside the mask and outside the constraints to every collector.

    First pass (``counts``, a RegionCounts, given): ``add``, and the region counts that explain an
    empty region; refining pass (``counts`` None): ``refine``. Sums are made in block order.
    """
    shifted = Shifted(block, view)
    inside, cut_out = kernel.region(shifted)
    if counts is not None:
        n_inside = int(np.count_nonzero(inside))
        excluded_by = [int(np.count_nonzero(inside & c)) for c in cut_out]
    for c in cut_out:
        inside &= ~c
    if counts is not None:
        in_block_order(counts.add, n_inside, excluded_by, int(np.count_nonzero(inside)))
    for i, collector in collectors.items():
        arr, ok = kernel.data(shifted, i)
        values = arr[ok & inside]
        (collector.add if counts is not None else collector.refine)(values)
