"""Pass 2 of land productivity dynamics (``productivity.productivity_dynamics``): the pass-1 metrics and
each unit's performance reference classed into the five LPD classes, block by block, with hectares per class."""

import numpy as np

from .areas import CellAreas
from .blocks import Grid, RasterInput, RasterOutput, in_block_order, open_raster, run_blocks
from .productivity import (
    LPD_CODES,
    METRIC_BANDS,
    METRICS_NODATA,
    NODATA,
    TOLERANCE,
    combine,
    performance_class,
    state_class,
    trajectory_class,
)
from .tables import AreaAccumulator
from .unit_histograms import unit_keys


def _pass2(tmp_float, tmp_codes, units, references, output, metrics_output, significance, block_size,
           progress, is_cancelled):
    """Classify from the pass-1 metrics and the per-unit references; count classes and nodata."""
    inputs = [RasterInput(tmp_float, name="metrics", band=None), RasterInput(tmp_codes, name="codes", band=None)]
    for inp in units:
        inputs.append(RasterInput(inp.source, name=inp.name))
    grid = Grid.of(open_raster(tmp_float))
    classify = _ClassifyPass(len(units), references, significance, CellAreas(grid) if grid.crs_wkt else None,
                             bool(metrics_output))
    outputs = [RasterOutput(output, np.uint8, NODATA, band_names=("LPD",))]
    if metrics_output:
        outputs.append(RasterOutput(metrics_output, np.float32, METRICS_NODATA, bands=4, band_names=METRIC_BANDS))
    run_blocks(inputs, classify, outputs, block_size=block_size, progress=progress, is_cancelled=is_cancelled,
               parallel=True)
    return classify.summary()


class _ClassifyPass:
    """Pass 2, one block at a time: read the pass-1 metrics, look up each pixel's performance
    reference, class the three metrics and combine them into LPD, accumulate hectares and counts."""

    def __init__(self, n_units, references, significance, cells, with_metrics):
        self.n_units, self.references, self.significance = n_units, references, significance
        self.ref_keys = np.array(sorted(references), dtype=np.int64)
        self.ref_values = np.array([references[k] for k in sorted(references)], dtype=np.float64)
        self.cells, self.with_metrics = cells, with_metrics
        self.areas = AreaAccumulator()
        self.counts = {"no_unit": 0, "no_reference": 0}

    def __call__(self, block):
        mean, slope = block.arrays[0][0].ravel(), block.arrays[0][1].ravel()
        sig, change = block.arrays[1][0].ravel(), block.arrays[1][1].ravel()
        ok = ~np.isnan(mean)
        arrays = [block.arrays[2 + k].ravel() for k in range(self.n_units)]
        valids = [block.valid(2 + k).ravel() for k in range(self.n_units)]
        keys, unit_ok = unit_keys(arrays, valids)
        reference = self.reference(keys, unit_ok, mean.shape)
        no_unit = int(np.count_nonzero(ok & ~unit_ok)) if unit_ok is not None else 0
        has_ref = reference > 0
        no_ref = int(np.count_nonzero(ok & ~has_ref & (unit_ok if unit_ok is not None else True)))
        in_block_order(self._count, no_unit, no_ref)
        valid = ok & has_ref
        lpd = self.classify(mean, slope, sig, change, ok, np.where(has_ref, reference, 0), valid)
        shape = (block.ysize, block.xsize)
        self.accumulate(block, lpd.reshape(shape))
        if not self.with_metrics:
            return lpd.reshape(shape)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(valid, mean / np.where(has_ref, reference, 1), METRICS_NODATA)
        metrics = np.stack([np.where(ok, slope, METRICS_NODATA), np.where(ok, sig, METRICS_NODATA),
                            np.where(ok, change, METRICS_NODATA), ratio]).astype(np.float32)
        return [lpd.reshape(shape), metrics.reshape((4,) + shape)]

    def _count(self, no_unit, no_ref):
        self.counts["no_unit"] += no_unit
        self.counts["no_reference"] += no_ref

    def reference(self, keys, unit_ok, shape):
        """Reference NDVI (90th percentile of its unit's mean) per pixel; NaN outside every known unit."""
        reference = np.full(shape, np.nan)
        if keys is None:
            if 0 in self.references:
                reference[:] = self.references[0]
        elif len(self.ref_keys):
            pos = np.clip(np.searchsorted(self.ref_keys, keys), 0, len(self.ref_keys) - 1)
            hit = (self.ref_keys[pos] == keys) & unit_ok
            reference[hit] = self.ref_values[pos[hit]]
        return reference

    def classify(self, mean, slope, sig, change, ok, reference, valid):
        """LPD codes from the three metrics (NODATA where not ``valid``)."""
        traj = trajectory_class(np.where(ok, slope, 0), sig, self.significance)
        state = state_class(change)
        with np.errstate(invalid="ignore"):
            perf = performance_class(mean, reference, TOLERANCE)
        return combine(traj, state, perf, valid)

    def accumulate(self, block, lpd):
        """Pixels (and hectares when the grid has a CRS) per LPD class."""
        if self.cells is not None:
            cell = self.cells.block(block.xoff, block.yoff, block.xsize, block.ysize)
        else:
            cell = np.zeros(lpd.shape)
        self.areas.add_codes(lpd, 6, cell, None, (None,) + LPD_CODES)

    def summary(self):
        areas, with_ha = self.areas, self.cells is not None
        pixels = {code: areas.pixels.get((0, code), 0) for code in LPD_CODES}
        hectares = {code: areas.hectares.get((0, code), 0.0) for code in LPD_CODES} if with_ha else None
        nodata_ha = areas.hectares.get((0, None), 0.0) if with_ha else None
        return {"pixels": pixels, "hectares": hectares, "nodata_pixels": areas.pixels.get((0, None), 0),
                "nodata_hectares": nodata_ha, "no_unit": self.counts["no_unit"],
                "no_reference": self.counts["no_reference"]}
