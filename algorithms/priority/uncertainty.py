"""Stability of the priority under weight uncertainty (runs of perturbed weights).

Weights are what experts disagree on, so the planner's question is "which priorities survive other
reasonable weights?". Each block is read and rescaled once; the N perturbed weight vectors then make
one (N x k) @ (k x pixels) matrix product (``kernel.BlockKernel.run_scores``), so 50 runs cost little
more than one. Stability is the share of runs in which a pixel is high or very high.
"""

from dataclasses import dataclass

import numpy as np

from ..errors import N_, InputError

# Score histograms (quantile classes): classes.SCORE_BINS bins of width 1 / (SCORE_BINS - 1) on [0, 1]
# for the base score (exact over every scored pixel). Under uncertainty each run's quantile breaks come
# from RUN_BINS bins over a fixed pseudo-random sample of about RUN_SAMPLE pixels of the raster (the
# same pixels for every run and any block size): 50 full-resolution histograms of every pixel would
# cost more than the rest of the run, and a break known to 1/4,095 from two million pixels is far
# more precise than the disagreement about weights being measured.
RUN_BINS = 4096
RUN_SAMPLE = 2 ** 21
RUN_CHUNK_VALUES = 4_000_000  # run scores held at once (N x pixels), about 16 MB of float32


@dataclass
class Uncertainty:
    """``runs`` weight vectors, each weight perturbed by up to +-``percent``, drawn with ``seed``."""

    percent: float = 20.0
    runs: int = 50
    seed: int = 1

    def validate(self):
        """Check the settings (named errors), make them numbers, and return self."""
        if not 0 < float(self.percent) <= 100:
            raise InputError(N_("The weight perturbation must be more than 0 and at most 100 percent; {value} was "
                                "given."), value=f"{float(self.percent):g}")
        if not 2 <= int(self.runs) <= 1000:
            raise InputError(N_("Use 2 to 1000 uncertainty runs; {value} were asked for."), value=int(self.runs))
        self.percent, self.runs, self.seed = float(self.percent), int(self.runs), int(self.seed)
        return self


def perturbed_weights(weights, percent, runs, seed):
    """(runs x k) weight vectors: each weight times a factor drawn uniformly in [1 - p, 1 + p], then
    renormalized to sum 1. Seeded (numpy's PCG64), so a seed always gives the same runs.
    """
    p = float(percent) / 100.0
    rng = np.random.default_rng(int(seed))
    factors = 1.0 + rng.uniform(-p, p, size=(int(runs), len(weights)))
    w = np.asarray(weights, dtype=np.float64)[None, :] * factors
    return w / w.sum(axis=1, keepdims=True)


def floor32(values):
    """The largest float32 <= each value: for float32 x, x > floor32(t) exactly when x > t."""
    v = np.atleast_1d(np.asarray(values, dtype=np.float64))
    t = v.astype(np.float32)
    above = t.astype(np.float64) > v
    t[above] = np.nextafter(t[above], np.float32(-np.inf))
    return t


def thresholds32(values):
    """float32 thresholds for unclipped run scores: x > t exactly when min(x, 1) > value.

    Run scores are not clipped to 1 (it would cost as much as the comparison; they exceed 1 by a
    few float32 ulps at most), so a break at or above 1, which no clipped score exceeds, becomes +inf.
    """
    v = np.atleast_1d(np.asarray(values, dtype=np.float64))
    t = floor32(v)
    t[v >= 1.0] = np.inf
    return t


def sample_mask(xoff, yoff, xsize, ysize, grid_xsize, step):
    """Pixels of a window in the fixed pseudo-random 1-in-``step`` sample of the grid.

    A pixel is in the sample when the fractional part of its global index times the golden ratio
    (a Weyl sequence, evenly spread over the raster) is below 1 / step: a property of the pixel,
    so the sample is the same whatever the block size.
    """
    if step <= 1:
        return np.ones((ysize, xsize), bool)
    rows = np.arange(yoff, yoff + ysize, dtype=np.uint64)[:, None] * np.uint64(grid_xsize)
    index = rows + np.arange(xoff, xoff + xsize, dtype=np.uint64)[None, :]
    hashed = (index * np.uint64(2654435761)) & np.uint64(0xFFFFFFFF)
    return hashed < np.uint64((1 << 32) // step)


def sample_step(pixel_count):
    """1 in how many pixels the run-score histograms sample: about RUN_SAMPLE pixels of the grid."""
    return max(1, -(-pixel_count // RUN_SAMPLE))


def stability_counts(run_scores, pixels, thresholds):
    """uint16 number of runs in which each of ``pixels`` scores above its run's threshold.

    ``run_scores`` yields (first pixel, runs x chunk scores), as ``BlockKernel.run_scores`` does;
    ``thresholds`` are float32 (``thresholds32``): one for every run, or one per run as a column.
    """
    counts = np.zeros(pixels, np.uint16)
    for start, s in run_scores:
        hit = s > thresholds
        counts[start:start + s.shape[1]] = hit.sum(axis=0, dtype=np.uint16)
    return counts
