"""``priority_score``: check a run's settings, then run its passes over the rasters.

Passes, and why each is needed: quantile rescaling of a criterion needs its distribution first
(``quantiles.quantile_pass``: one or two passes); fixed class breaks then need one scoring pass;
quantile or equal-interval classes two (``passes.ScoringPasses``).
"""

from dataclasses import dataclass

import numpy as np

from ..blocks import DEFAULT_BLOCK, check_aligned
from ..errors import N_, InputError
from .classes import ClassSpec
from .criteria import check_names
from .kernel import BlockKernel
from .passes import ScoringPasses, raster_outputs
from .quantiles import quantile_pass, quantile_pass_count
from .uncertainty import perturbed_weights
from .weights import normalize_weights


@dataclass
class RunSettings:
    """The checked settings of one run: criteria, weights summing to 1, classes, uncertainty runs."""

    criteria: list
    weights: np.ndarray
    weight_sum: float
    spec: ClassSpec
    uncertainty: object  # Uncertainty or None
    runs: np.ndarray  # (runs x criteria) perturbed weights, or None


def check_settings(criteria, weights, classes=None, uncertainty=None, stability_output=None):
    """RunSettings of a run, or the InputError naming what is wrong (before any raster is read)."""
    criteria = [c.validate() for c in criteria]
    if not criteria:
        raise InputError(N_("Give at least one criterion raster with its rescaling."))
    names = [c.name for c in criteria]
    check_names(names)
    w, weight_sum = normalize_weights(weights, names)
    spec = (classes or ClassSpec()).validate()
    unc = uncertainty.validate() if uncertainty is not None else None
    runs = perturbed_weights(w, unc.percent, unc.runs, unc.seed) if unc else None
    if unc and not stability_output:
        raise InputError(N_("The uncertainty analysis needs an output for the stability raster."))
    for c in criteria:
        c.missing = set()
    return RunSettings(criteria, w, weight_sum, spec, unc, runs)


class PassProgress:
    """Progress of a run made of ``total`` passes: ``next()`` gives the callback of the next pass."""

    def __init__(self, progress, total):
        self.progress, self.total, self.index = progress, total, 0

    def next(self):
        index, self.index = self.index, self.index + 1
        if self.progress is None:
            return None
        return lambda fraction: self.progress((index + fraction) / self.total)


def priority_score(criteria, weights, score_output, classes_output=None, constraints=(), mask=None,
                   classes=None, zones=None, uncertainty=None, stability_output=None, block_size=DEFAULT_BLOCK,
                   progress=None, is_cancelled=None):
    """Score, classes, stability and the area table, block by block.

    ``criteria`` are validated ``Criterion`` objects, ``weights`` one number per criterion (any
    positive sum; normalized here), ``constraints`` and ``mask`` are ``Layer`` rasters on the
    criteria's grid (polygon layers are burnt onto it by the caller), ``zones`` an int32 zone raster
    or None, ``uncertainty`` an ``Uncertainty`` or None. Returns a dict (see ``_result``).
    """
    settings = check_settings(criteria, weights, classes, uncertainty, stability_output)
    kernel = BlockKernel(settings.criteria, settings.weights, mask, constraints, zones, settings.runs)
    for inp in kernel.inputs:
        inp.open()
    grid = check_aligned([(i.name, i.ds) for i in kernel.inputs])
    two_pass = settings.spec.method != "fixed"
    quantile_passes = quantile_pass_count(kernel)
    progress_of = PassProgress(progress, quantile_passes + 1 + two_pass)
    passes = ScoringPasses(kernel, settings.spec, settings.uncertainty, grid, block_size, progress_of.next,
                           is_cancelled)
    if quantile_passes:
        quantile_pass(kernel, block_size, progress_of.next, is_cancelled)
    score_out, class_outs, stab_outs = raster_outputs(score_output, classes_output,
                                                      stability_output if settings.uncertainty else None)
    if two_pass:
        breaks, run_breaks = passes.relative_breaks_passes(score_output, class_outs, stab_outs)
    else:
        breaks, run_breaks = passes.fixed_breaks_pass(score_out, class_outs, stab_outs)
    return _result(settings, kernel, passes, breaks, run_breaks)


def _result(settings, kernel, passes, breaks, run_breaks):
    """The summary of a run: weights used, breaks (of the criteria, the classes and each run), the
    area table (``tables.AreaAccumulator``) and pixel counts (scored, excluded, by constraint)."""
    counts = kernel.counts
    return {"weights": [float(v) for v in settings.weights], "weight_sum": settings.weight_sum,
            "run_weights": settings.runs,
            "criterion_breaks": {c.name: c.breaks for c in settings.criteria if c.breaks is not None},
            "classes": settings.spec.count, "high_from": settings.spec.high_from, "areas": passes.areas,
            "breaks": breaks, "run_breaks": run_breaks,
            "pixels": {"scored": counts["scored"], "excluded": counts["candidates"] - counts["scored"],
                       "excluded_by": dict(zip([c.name for c in kernel.constraints], kernel.excluded_by))}}
