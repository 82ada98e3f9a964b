"""The block kernel of a priority run: the named steps every pass computes from a block.

read (``data``: a slot's core values and validity), classify the pixels (``status``: scored,
excluded, outside the mask, no data), rescale the criteria of the scored pixels (``rescaled``),
combine them with the weights (``base_score``, and ``run_scores`` for the perturbed weights).
Accumulating areas and histograms, and writing, is the passes' job (``passes``).

Blocks run in worker threads: what a block counts (pixels, criteria seen) is handed to
``in_block_order`` and added to the kernel on the engine's thread, in block order.
"""

import numpy as np

from ..block_threads import in_block_order, shared
from ..blocks import RasterInput
from .classes import SCORE_NODATA
from .constraints import STATUS_EXCLUDED, STATUS_SCORED, Layer, constrained, inside_mask, pixel_status
from .uncertainty import RUN_CHUNK_VALUES


class BlockKernel:
    """Slots of the inputs of one run (criteria first, then mask, constraints, zones), and the steps."""

    def __init__(self, criteria, weights, mask, constraints, zones, runs):
        self.criteria = criteria
        self.weights = [float(w) for w in weights]
        self.runs = None if runs is None else np.ascontiguousarray(runs, dtype=np.float32)
        self.inputs = [RasterInput(c.source, name=c.name, band=c.band) for c in criteria]
        self.mask = mask
        self.mask_slot = self._add(mask)
        self.constraints = list(constraints)
        self.constraint_slots = [self._add(c) for c in self.constraints]
        self.zones_slot = self._add(Layer("ZONES", zones)) if zones is not None else None
        self.excluded_by = [0] * len(self.constraints)
        self.seen = [False] * len(criteria)
        self.counts = {"all_valid": 0, "candidates": 0, "scored": 0}
        shared(self)  # counts recorded on a Dask worker (or a thread) are added here

    def _add(self, layer):
        if layer is None:
            return None
        self.inputs.append(RasterInput(layer.source, name=layer.name, band=layer.band))
        return len(self.inputs) - 1

    @property
    def region_slots(self):
        """Slots of the mask and the constraints."""
        return [s for s in [self.mask_slot] + self.constraint_slots if s is not None]

    @staticmethod
    def data(block, slot):
        """(values, valid) of a slot without the halo; valid: not nodata, NaN or inf."""
        return block.core(block.arrays[slot]), block.core(block.valid(slot))

    def zones(self, block):
        """The zone raster of the block, or None without zones."""
        return block.core(block.arrays[self.zones_slot]) if self.zones_slot is not None else None

    def region(self, block):
        """(inside the mask, [cut out by each constraint]) boolean arrays; counts are taken by ``status``."""
        inside = np.ones((block.ysize, block.xsize), bool)
        if self.mask_slot is not None:
            inside = inside_mask(*self.data(block, self.mask_slot), self.mask.values)
        return inside, [constrained(*self.data(block, slot)) for slot in self.constraint_slots]

    def all_valid(self, block):
        """Pixels where every criterion has data; notes (in block order) which criteria have data at all."""
        valid, seen = None, []
        for i in range(len(self.criteria)):
            _arr, ok = self.data(block, i)
            if not self.seen[i] and ok.any():  # a stale False only costs the check: marking is idempotent
                seen.append(i)
            valid = ok if valid is None else valid & ok
        if seen:
            in_block_order(self._mark_seen, seen)
        return valid

    def _mark_seen(self, indices):
        for i in indices:
            self.seen[i] = True

    def status(self, block):
        """uint8 per pixel (``constraints.pixel_status``); counts valid, candidate and scored pixels."""
        valid = self.all_valid(block)
        inside, cut_out = self.region(block)
        status, excluded_by = pixel_status(valid, inside, cut_out)
        scored = int(np.count_nonzero(status == STATUS_SCORED))
        candidates = scored + int(np.count_nonzero(status == STATUS_EXCLUDED))
        in_block_order(self._count, int(np.count_nonzero(valid)), candidates, scored, list(excluded_by))
        return status

    def _count(self, all_valid, candidates, scored, excluded_by):
        """Add one block's pixel counts (``in_block_order``: on the engine's thread)."""
        self.counts["all_valid"] += all_valid
        self.counts["candidates"] += candidates
        self.counts["scored"] += scored
        for n, count in enumerate(excluded_by):
            self.excluded_by[n] += count

    def score(self, block):
        """(status, scored pixels, rescaled criteria, base score) of a block: classify, rescale, combine."""
        status = self.status(block)
        scored = status == STATUS_SCORED
        x = self.rescaled(block, scored)
        return status, scored, x, self.base_score(x)

    def rescaled(self, block, scored):
        """(k, pixels) float32 rescaled criteria of the scored pixels, C-contiguous."""
        everywhere = bool(scored.all())
        x = np.empty((len(self.criteria), int(np.count_nonzero(scored))), np.float32)
        for i, criterion in enumerate(self.criteria):
            arr = block.core(block.arrays[i])
            x[i] = criterion.rescale(arr.ravel() if everywhere else arr[scored])
        return x

    def base_score(self, x):
        """sum_i w_i x_i in float32, in criteria order (exactly reproducible whatever the block size)."""
        s = np.zeros(x.shape[1], np.float32)
        for w, row in zip(self.weights, x):
            if w:
                s += np.float32(w) * row
        return np.clip(s, 0.0, 1.0, out=s)

    def run_scores(self, x):
        """Yield (start, N x chunk run scores): one matrix product per chunk of pixels.

        Not clipped to 0..1: see ``uncertainty.thresholds32``.
        """
        n = self.runs.shape[0]
        chunk = max(4096, RUN_CHUNK_VALUES // n)
        for start in range(0, x.shape[1], chunk):
            yield start, self.runs @ x[:, start:start + chunk]


def score_raster(scored, values):
    """float32 raster of a block: ``values`` at the ``scored`` pixels (row order), SCORE_NODATA elsewhere."""
    out = np.full(scored.shape, SCORE_NODATA, np.float32)
    out[scored] = values
    return out


class Shifted:
    """A view of a block whose slots are renumbered: slot ``i`` of the view is ``slots[i]`` of the block.

    Lets the engine address criteria, mask and constraints by their own slot numbers in a pass
    that reads only some of them, or other rasters first.
    """

    def __init__(self, block, slots):
        self._block = block
        self._slots = dict(slots)
        self.arrays = _Remap(block.arrays, self._slots)
        self.xsize, self.ysize, self.xoff, self.yoff = block.xsize, block.ysize, block.xoff, block.yoff

    def valid(self, i):
        return self._block.valid(self._slots[i])

    def core(self, array):
        return self._block.core(array)


class _Remap:
    def __init__(self, arrays, slots):
        self._arrays, self._slots = arrays, slots

    def __getitem__(self, i):
        return self._arrays[self._slots[i]]

