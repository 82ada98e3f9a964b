"""Weighted multi-criteria restoration priority, ROAM style, with stability under weight uncertainty.

METHODS.md sections 4 and 6. Each criterion raster is rescaled to 0..1 (linear between two values,
inverted, quantile classes as in FAO's se.plan, or a categorical look-up table), the rescaled
criteria are combined with weights that sum to 1, constraints (water, towns, protected areas when
the user says so) are cut out, and the score is classed low / medium / high / very high.

One module per concept, lower ones first:
- ``parsing``: numbers, keywords and lookup tables typed by people;
- ``rescale``: the rescaling rules (linear, inverted, quantile classes) as pure functions;
- ``criteria``: one criterion (raster band + rescaling), band look-up by name;
  ``entries``: criteria from the RESCALING matrix or a preset's entries;
- ``weights``: weights given directly or from an AHP table, normalized to sum 1;
- ``constraints``: the mask and the constraints, and each pixel's status;
- ``classes``: class breaks (fixed, quantile, equal interval), legend, output values;
- ``uncertainty``: perturbed weights, run thresholds, the run-score sample, stability counts;
- ``kernel``: the steps every pass computes from a block (read, classify, rescale, combine);
- ``quantiles``: exact block-wise quantiles of a criterion (its own passes);
- ``passes``: the scoring passes (score, classes, stability, area table);
- ``driver``: ``priority_score``, which checks a run and runs its passes;
- ``presets``: the JSON presets.
"""
