"""The scoring passes of a priority run: score, classes, stability and the area table.

Fixed class breaks: one pass writes every output. Quantile or equal-interval classes depend on the
score's distribution (per run under uncertainty): a first pass accumulates a histogram (or min/max)
of the base score and of every run's score and writes the score with each pixel's status under
hidden names; a second pass reads them back (and the criteria again under uncertainty) and classes.
Each block goes through the kernel's steps (read, classify the pixels, rescale, combine) and the
pass accumulates (areas, score statistics) and returns what is written. Blocks run in the engine's
worker threads (``parallel=True``): every accumulation (area table, score statistics, the kernel's
counts, criteria's missing values) goes through ``in_block_order``, so results never depend on the
number of threads.
"""

import os
import uuid

import numpy as np

from ..areas import CellAreas
from ..blocks import RasterInput, RasterOutput, run_blocks
from ..errors import N_, InputError
from ..tables import AreaAccumulator
from .classes import CLASS_NODATA, SCORE_BINS, SCORE_NODATA, ScoreStats, area_codes, class_raster, code_classes
from .constraints import STATUS_SCORED, region_error
from .kernel import Shifted, score_raster
from .uncertainty import RUN_BINS, sample_mask, sample_step, stability_counts, thresholds32


def raster_outputs(score_output, classes_output, stability_output):
    """(score output, [classes output] or [], [stability output] or []) of a run."""
    score = RasterOutput(score_output, np.float32, SCORE_NODATA, band_names=("priority score",))
    classes = ([RasterOutput(classes_output, np.uint8, CLASS_NODATA, band_names=("priority class",))]
               if classes_output else [])
    stability = ([RasterOutput(stability_output, np.float32, SCORE_NODATA, band_names=("stability",))]
                 if stability_output else [])
    return score, classes, stability


class ScoringPasses:
    """What the scoring passes of one run share: the kernel, the class settings and the area table."""

    def __init__(self, kernel, spec, uncertainty, grid, block_size, next_progress, is_cancelled):
        self.kernel, self.spec, self.unc, self.grid = kernel, spec, uncertainty, grid
        self.block_size, self.next_progress, self.is_cancelled = block_size, next_progress, is_cancelled
        self.high_index = spec.high_from - 2  # class >= high_from  <=>  score > breaks[high_index]
        self.cells = CellAreas(grid)
        self.areas = AreaAccumulator()
        self.code_classes = code_classes(spec.count)

    def __getstate__(self):  # sent with the block steps to a Dask worker: not the run's progress and cancel
        return dict(self.__dict__, next_progress=None, is_cancelled=None)

    def _run(self, inputs, func, outputs, before_commit=None):
        run_blocks(inputs, func, outputs, block_size=self.block_size, progress=self.next_progress(),
                   is_cancelled=self.is_cancelled, before_commit=before_commit, parallel=True)

    # -- steps shared by the passes -------------------------------------------------------------

    def accumulate(self, block, cls, status, zones):
        """Add the block's hectares per zone and class (``classes.area_codes``) to the area table."""
        codes = area_codes(cls, status, self.spec.count)
        self.areas.add_cell_codes(codes, self.spec.count + 3, self.cells, block, zones, self.code_classes)

    def stability(self, x, scored, thresholds):
        """Stability raster of a block: share of runs scoring above their high-priority threshold."""
        counts = stability_counts(self.kernel.run_scores(x), x.shape[1], thresholds)
        return score_raster(scored, counts / np.float32(self.unc.runs))

    def check_scored(self):
        """Refuse the result (before the outputs are renamed into place) when nothing could be scored."""
        kernel = self.kernel
        for criterion, seen in zip(kernel.criteria, kernel.seen):
            if not seen:
                raise InputError(N_("The raster {name} has no valid pixel (all nodata)."), name=criterion.name)
        for c in kernel.criteria:
            if c.missing:
                values = ", ".join(f"{v:g}" for v in sorted(c.missing)[:20])
                raise InputError(N_("The lookup table of criterion {name} has no row for the values {values} found "
                                    "in its raster. Add them to the table, or give a score for other values "
                                    "('*: 0')."), name=c.name, values=values)
        counts = kernel.counts
        if counts["all_valid"] == 0:
            raise InputError(N_("There is no pixel where all the criteria have data: their valid areas do not "
                                "overlap. Check that they cover the same region."))
        if counts["scored"] == 0:
            region_error(kernel.mask, kernel.constraints, counts["candidates"], kernel.excluded_by)

    # -- fixed breaks: one pass -----------------------------------------------------------------

    def fixed_breaks_pass(self, score_out, class_outs, stab_outs):
        """Score, classes and stability in one pass; returns (breaks, None)."""
        breaks = list(self.spec.breaks)
        thresholds = thresholds32(breaks[self.high_index])[0] if self.unc else None
        write_classes = bool(class_outs)  # the block function holds no output (open files do not pickle)
        self._run(self.kernel.inputs, lambda block: self._fixed_block(block, breaks, thresholds, write_classes),
                  [score_out] + class_outs + stab_outs, before_commit=self.check_scored)
        return breaks, None

    def _fixed_block(self, block, breaks, thresholds, write_classes):
        status, scored, x, s = self.kernel.score(block)
        cls = class_raster(status, s, breaks)
        self.accumulate(block, cls, status, self.kernel.zones(block))
        out = [score_raster(scored, s)] + ([cls] if write_classes else [])
        if self.unc:
            out.append(self.stability(x, scored, thresholds))
        return out

    # -- quantile or equal-interval classes: two passes -----------------------------------------

    def relative_breaks_passes(self, score_output, class_outs, stab_outs):
        """Score pass (hidden score and status rasters), then class pass; returns (breaks, run breaks)."""
        hidden_score = _hidden_path(score_output, "score")
        hidden_status = _hidden_path(score_output, "status")
        try:
            breaks, run_breaks = self._score_pass(hidden_score, hidden_status)
            self._class_pass(hidden_score, hidden_status, breaks, run_breaks, class_outs, stab_outs)
            _remove(score_output, os.path.splitext(score_output)[0] + ".qml")
            os.replace(hidden_score, score_output)
        finally:
            _remove(hidden_score, hidden_status)
        return breaks, run_breaks

    def _score_pass(self, hidden_score, hidden_status):
        quantile = self.spec.method == "quantile"
        base_stats = ScoreStats(1, SCORE_BINS, quantile)
        run_stats = ScoreStats(self.unc.runs, RUN_BINS, quantile) if self.unc else None
        step = sample_step(self.grid.pixel_count) if quantile else 1
        kernel = self.kernel
        inputs = kernel.inputs[:kernel.zones_slot] if kernel.zones_slot is not None else kernel.inputs
        outputs = [RasterOutput(hidden_score, np.float32, SCORE_NODATA, band_names=("priority score",)),
                   RasterOutput(hidden_status, np.uint8, None)]
        self._run(inputs, lambda block: self._score_block(block, base_stats, run_stats, step), outputs,
                  before_commit=self.check_scored)
        breaks = [float(b) for b in base_stats.breaks(self.spec.count)[0]]
        return breaks, (run_stats.breaks(self.spec.count) if self.unc else None)

    def _score_block(self, block, base_stats, run_stats, step):
        status, scored, x, s = self.kernel.score(block)
        base_stats.add(s[None, :].copy())
        if self.unc:
            if step > 1:
                keep = sample_mask(block.xoff, block.yoff, block.xsize, block.ysize, self.grid.xsize, step)[scored]
                x = x[:, keep]
            for _start, rs in self.kernel.run_scores(x):
                run_stats.add(rs)
        return [score_raster(scored, s), status]

    def _class_pass(self, hidden_score, hidden_status, breaks, run_breaks, class_outs, stab_outs):
        thresholds = thresholds32(run_breaks[:, self.high_index])[:, None] if self.unc else None
        kernel = self.kernel
        inputs = [RasterInput(hidden_score, name="score"), RasterInput(hidden_status, name="status")]
        if kernel.zones_slot is not None:
            inputs.append(kernel.inputs[kernel.zones_slot])
        criteria_view = {}
        if self.unc:
            criteria_view = dict(enumerate(range(len(inputs), len(inputs) + len(kernel.criteria))))
            inputs += kernel.inputs[:len(kernel.criteria)]
        write_classes = bool(class_outs)
        self._run(inputs, lambda block: self._class_block(block, breaks, thresholds, criteria_view, write_classes),
                  class_outs + stab_outs)

    def _class_block(self, block, breaks, thresholds, criteria_view, write_classes):
        score, status = block.arrays[0], block.arrays[1]
        scored = status == STATUS_SCORED
        cls = class_raster(status, score[scored], breaks)
        self.accumulate(block, cls, status, block.arrays[2] if self.kernel.zones_slot is not None else None)
        out = [cls] if write_classes else []
        if self.unc:
            x = self.kernel.rescaled(Shifted(block, criteria_view), scored)
            out.append(self.stability(x, scored, thresholds))
        return out


def _hidden_path(path, tag):
    folder, base = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f".{base}.{uuid.uuid4().hex[:8]}.{tag}.tif")


def _remove(*paths):
    for path in paths:
        for p in (path, path + ".aux.xml"):
            if p and os.path.exists(p):
                os.remove(p)
