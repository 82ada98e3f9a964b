"""Criterion weights (METHODS.md 4, step 2): given directly or read from an AHP weights table."""

import math

import numpy as np

from ..errors import N_, InputError
from .parsing import plain


def normalize_weights(weights, names):
    """(weights summing to 1, their original sum); InputError on a count mismatch, negatives or a zero sum."""
    if len(weights) != len(names):
        raise InputError(N_("{n} weights were given for {k} criteria ({names}); give one weight per criterion, "
                            "in the same order."), n=len(weights), k=len(names), names=", ".join(names))
    w = np.asarray(weights, dtype=np.float64)
    for name, value in zip(names, w):
        if not math.isfinite(value) or value < 0:
            raise InputError(N_("The weight of criterion {name} is {value}; weights must be zero or positive."),
                             name=name, value=f"{value:g}")
    total = float(w.sum())
    if total <= 0:
        raise InputError(N_("The weights sum to 0; give at least one criterion a positive weight."))
    return w / total, total


def weights_from_table(rows, names):
    """Weights in criteria order from (criterion, weight) rows, matched by name (case and accents ignored).

    The table format is the one ``t2restore:ahp_weights`` writes (columns ``criterion`` and ``weight``).
    """
    table = {}
    for name, weight in rows:
        try:
            table[plain(name)] = float(str(weight).replace(",", "."))
        except (TypeError, ValueError):
            raise InputError(N_("The weights table gives '{weight}' as the weight of {name}; it must be a number."),
                             weight=weight, name=name) from None
    missing = [n for n in names if plain(n) not in table]
    if missing:
        raise InputError(N_("The weights table has no row for the criteria {missing}; its criteria are {found}. "
                            "Criterion names must match."), missing=", ".join(missing),
                         found=", ".join(str(n) for n, _w in rows) or "-")
    extra = [str(n) for n, _w in rows if plain(n) not in {plain(x) for x in names}]
    if extra:
        raise InputError(N_("The weights table names {extra}, which are not criteria of this run ({names})."),
                         extra=", ".join(extra), names=", ".join(names))
    return [table[plain(n)] for n in names]

