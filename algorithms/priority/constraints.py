"""Where the priority is computed (METHODS.md 4, step 3): the mask and the constraints.

A pixel is scored when every criterion has data there, it is inside the mask (when there is one)
and no constraint cuts it out. Its status says which: no data, scored, excluded by a constraint,
or data outside the mask (reported on its own row of the area table, not as "no data").
"""

from dataclasses import dataclass

import numpy as np

from ..errors import N_, InputError

STATUS_NODATA, STATUS_SCORED, STATUS_EXCLUDED, STATUS_OUTSIDE = 0, 1, 2, 3


@dataclass
class Layer:
    """A mask or constraint raster: pixels with data and a non-zero value (or one of ``values``) count."""

    name: str
    source: object
    band: int = 1
    values: tuple = None


def inside_mask(values, valid, mask_values=None):
    """Pixels inside a mask raster: with data and a non-zero value, or one of ``mask_values`` when given."""
    hit = np.isin(values, mask_values) if mask_values else values != 0
    return valid & hit


def constrained(values, valid):
    """Pixels a constraint raster cuts out: with data and a non-zero value."""
    return valid & (values != 0)


def pixel_status(valid, inside, cut_out):
    """(uint8 status per pixel, number of candidate pixels each constraint cuts out).

    ``valid``: every criterion has data; ``inside``: inside the mask; ``cut_out``: one boolean
    array per constraint. Status: STATUS_NODATA, STATUS_SCORED, STATUS_EXCLUDED (a candidate that
    a constraint cuts out) or STATUS_OUTSIDE (data outside the mask).
    """
    candidate = valid & inside
    excluded = np.zeros_like(candidate)
    excluded_by = []
    for c in cut_out:
        hit = candidate & c
        excluded_by.append(int(np.count_nonzero(hit)))
        excluded |= hit
    status = candidate.view(np.uint8).copy()
    status[excluded] = STATUS_EXCLUDED
    status[valid & ~inside] = STATUS_OUTSIDE
    return status, excluded_by


def region_error(mask, constraints, inside, excluded_by):
    """Raise the error that says why no pixel is left: the mask keeps none, or constraints cut all."""
    if inside == 0:
        raise InputError(N_("The mask {name} leaves no pixel to score: none of the pixels where the criteria have "
                            "data is inside it. Check MASK and MASK_VALUES."), name=mask.name)
    alone = [c.name for c, n in zip(constraints, excluded_by) if n == inside]
    if alone:
        raise InputError(N_("The constraint {name} excludes every pixel that could be scored, so nothing is left to "
                            "prioritize. Check that it is the right layer (constraints mark the areas to exclude "
                            "with non-zero values or polygons), or remove it."), name=alone[0])
    raise InputError(N_("The constraints {names} together exclude every pixel that could be scored, so nothing is "
                        "left to prioritize. Remove one of them or check their values."),
                     names=", ".join(c.name for c in constraints))

