"""Priority classes (METHODS.md 4, step 4): fixed breaks, quantiles or equal interval; output values.

A score equal to a break stays in the lower class. Quantile and equal-interval breaks depend on the
score's distribution, so they come from ``ScoreStats`` accumulated over a first pass.
"""

from dataclasses import dataclass

import numpy as np

from ..block_threads import in_block_order, shared
from ..errors import N_, InputError
from .constraints import STATUS_EXCLUDED, STATUS_OUTSIDE, STATUS_SCORED
from .parsing import plain
from .rescale import classify

SCORE_NODATA = -9999.0
CLASS_NODATA = 255
EXCLUDED = 0  # class value of pixels cut out by a constraint
MASKED = 254  # area-table class of pixels with data outside the mask (not scored, not "no data")

CLASS_METHODS = ("fixed", "quantile", "equal_interval")
DEFAULT_BREAKS = (0.25, 0.5, 0.75)
CLASS_NAMES = {
    3: (N_("Low"), N_("Medium"), N_("High")),
    4: (N_("Low"), N_("Medium"), N_("High"), N_("Very high")),
    5: (N_("Very low"), N_("Low"), N_("Medium"), N_("High"), N_("Very high")),
}
CLASS_COLORS = {
    3: ("#fee8c8", "#fdbb84", "#e34a33"),
    4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
    5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
}
EXCLUDED_LABEL, EXCLUDED_COLOR = N_("Excluded by a constraint"), "#bdbdbd"
MASKED_LABEL = N_("Excluded / masked (outside the mask)")
# First class that counts as "high priority" for the stability share (high or very high).
HIGH_FROM = {3: 3, 4: 3, 5: 4}

SCORE_BINS = 65536  # base-score histogram bins of width 1 / 65,535 on [0, 1] (quantile classes)


@dataclass
class ClassSpec:
    """How the score becomes classes: 'fixed' breaks, 'quantile' or 'equal_interval' with ``count`` classes."""

    method: str = "fixed"
    breaks: tuple = DEFAULT_BREAKS
    count: int = 4

    def validate(self):
        """Check the method, breaks and count (named errors), normalize them, and return self."""
        method = plain(self.method).replace(" ", "_")
        method = {"quantiles": "quantile", "equal": "equal_interval", "fixed_breaks": "fixed"}.get(method, method)
        if method not in CLASS_METHODS:
            raise InputError(N_("Unknown class method '{method}'; use fixed, quantile or equal_interval."),
                             method=self.method)
        self.method = method
        if method == "fixed":
            breaks = [float(b) for b in (self.breaks or ())]
            if not 2 <= len(breaks) <= 4:
                raise InputError(N_("Fixed breaks define the classes: give 2, 3 or 4 breaks (3, 4 or 5 classes); "
                                    "{n} were given."), n=len(breaks))
            if any(not 0.0 <= b <= 1.0 for b in breaks) or any(b >= a for b, a in zip(breaks, breaks[1:])):
                raise InputError(N_("Fixed breaks must lie between 0 and 1 and increase strictly: {breaks}."),
                                 breaks=", ".join(f"{b:g}" for b in breaks))
            self.breaks = tuple(breaks)
            self.count = len(breaks) + 1
        elif int(self.count) not in CLASS_NAMES:
            raise InputError(N_("Use 3, 4 or 5 priority classes; {n} were asked for."), n=self.count)
        self.count = int(self.count)
        return self

    @property
    def high_from(self):
        """First class that counts as high priority (for the stability share and the high-priority area)."""
        return HIGH_FROM[self.count]


def class_legend(count):
    """[(value, English label, colour)] of the classes and of the excluded value."""
    return ([(i + 1, label, color) for i, (label, color) in enumerate(zip(CLASS_NAMES[count], CLASS_COLORS[count]))]
            + [(EXCLUDED, EXCLUDED_LABEL, EXCLUDED_COLOR)])


def equal_interval_breaks(low, high, count):
    """``count - 1`` breaks dividing [low, high] into equal intervals."""
    return [low + (high - low) * j / count for j in range(1, count)]


def breaks_from_score_histogram(hist, count, bins=SCORE_BINS):
    """Quantile breaks from ``bins`` counts of floor(score * (bins - 1)).

    Each break is the upper edge of the bin where the cumulative count reaches the break's rank,
    so a class's share is exact up to the pixels whose score lies within 1 / 65,535 below a break.
    """
    hist = np.asarray(hist)
    cum = np.cumsum(hist, axis=-1)
    n = cum[..., -1]
    ranks = np.stack([(n * j + count - 1) // count for j in range(1, count)], axis=-1)
    if hist.ndim == 1:
        found = np.searchsorted(cum, ranks, side="left")
    else:
        found = np.stack([np.searchsorted(c, r, side="left") for c, r in zip(cum, ranks)])
    return (found + 1) / (bins - 1)


class ScoreStats:
    """Histogram (quantile classes) or range (equal interval) of one score per row: the base, or each run."""

    def __init__(self, rows, bins, histogram):
        self.rows, self.bins = rows, bins
        self.hist = np.zeros(rows * bins, np.int64) if histogram else None
        self.low = np.full(rows, np.inf)
        self.high = np.full(rows, -np.inf)
        self.offsets = (np.arange(rows, dtype=np.intp) * bins)[:, None]
        shared(self)  # statistics recorded on a Dask worker are added here

    def add(self, scores):
        """``scores`` is (rows, pixels); it may be overwritten.

        The block's range or histogram is computed here (in the block's thread) and added to the
        totals in block order (``in_block_order``)."""
        if scores.shape[1] == 0:
            return
        if self.hist is None:
            in_block_order(self._merge_range, scores.min(axis=1), scores.max(axis=1))
            return
        scores *= np.float32(self.bins - 1)
        idx = scores.astype(np.intp)
        idx += self.offsets
        counts = np.bincount(idx.ravel(), minlength=self.rows * self.bins)
        found = np.flatnonzero(counts)
        in_block_order(self._merge_counts, found, counts[found])

    def _merge_range(self, low, high):
        np.minimum(self.low, low, out=self.low)
        np.maximum(self.high, high, out=self.high)

    def _merge_counts(self, bins, counts):
        self.hist[bins] += counts

    def breaks(self, count):
        """(rows, count - 1) breaks."""
        if self.hist is None:
            return np.stack([equal_interval_breaks(lo, hi, count) for lo, hi in zip(self.low, self.high)])
        return breaks_from_score_histogram(self.hist.reshape(self.rows, self.bins), count, self.bins)


def class_raster(status, scores, breaks):
    """uint8 classes of a block from its pixel status (``constraints.pixel_status``).

    Scored pixels get 1..n from ``scores`` (one per scored pixel, in row order); pixels cut out by
    a constraint get EXCLUDED; the others (no data, outside the mask) CLASS_NODATA.
    """
    cls = np.full(status.shape, CLASS_NODATA, np.uint8)
    cls[status == STATUS_EXCLUDED] = EXCLUDED
    cls[status == STATUS_SCORED] = classify(scores, breaks)
    return cls


def area_codes(cls, status, count):
    """Area-table codes of a block: 0 no data, 1..count the classes, count + 1 excluded by a
    constraint, count + 2 data outside the mask (its own row, not "no data"); see ``code_classes``."""
    code = cls.copy()
    code[cls == CLASS_NODATA] = 0
    code[cls == EXCLUDED] = count + 1
    code[status == STATUS_OUTSIDE] = count + 2
    return code


def code_classes(count):
    """The class reported for each area-table code of ``area_codes`` (None: no data)."""
    return (None,) + tuple(range(1, count + 1)) + (EXCLUDED, MASKED)
