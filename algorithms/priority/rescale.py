"""Rescaling rules: a criterion's values to 0..1 (METHODS.md 4, step 1; quantile classes as in se.plan, 6).

Small pure functions on arrays, tested row by row; ``criteria.Criterion.rescale`` applies them to
the pixels of a block.
"""

import numpy as np

from ..errors import N_, InputError
from .parsing import plain

RESCALE_METHODS = ("linear", "inverted", "quantile", "quantile_inverted", "categorical")
QUANTILE_METHODS = ("quantile", "quantile_inverted")
_METHOD_ALIASES = {
    "linear": "linear", "lineal": "linear",
    "inverted": "inverted", "invertido": "inverted", "invertida": "inverted", "lineal_invertido": "inverted",
    "quantile": "quantile", "quantiles": "quantile", "cuantil": "quantile", "cuantiles": "quantile",
    "quantile_inverted": "quantile_inverted", "cuantil_invertido": "quantile_inverted",
    "categorical": "categorical", "categorico": "categorical", "categorica": "categorical",
}
DEFAULT_QUANTILE_CLASSES = 5  # se.plan uses quintiles


def rescale_linear(values, low, high):
    """0 at ``low``, 1 at ``high``, linear in between, clamped outside (``low`` > ``high`` is allowed).

    Computed in double precision and stored as float32: a value equal to a bound maps exactly to
    0 or 1.
    """
    v = np.asarray(values, dtype=np.float64)
    out = (v - low) / (high - low)
    np.clip(out, 0.0, 1.0, out=out)
    return out.astype(np.float32)


def rescale_inverted(values, low, high):
    """'Smaller is better': 1 at ``low``, 0 at ``high`` (linear with the bounds swapped)."""
    return rescale_linear(values, high, low)


def classify(values, breaks):
    """Class 1 + the number of breaks strictly below each value: a value equal to a break stays below it."""
    return np.searchsorted(np.asarray(breaks, dtype=np.float64), np.asarray(values, dtype=np.float64),
                           side="left").astype(np.uint8) + np.uint8(1)


def quantile_score(classes, count, inverted=False):
    """Quantile class 1..count -> 0..1 ((c - 1) / (count - 1)); inverted gives (count - c) / (count - 1)."""
    c = np.asarray(classes, dtype=np.float64)
    out = (count - c) if inverted else (c - 1.0)
    return (out / (count - 1)).astype(np.float32)


def quantile_ranks(n, count):
    """1-based ranks of the breaks: the smallest value whose cumulative share reaches j / count.

    The 'inverted CDF' quantile (numpy method ``inverted_cdf``), in integer arithmetic so that a
    share such as 3/10 of 10 pixels is exactly rank 3.
    """
    return [(n * j + count - 1) // count for j in range(1, count)]


def quantile_breaks_exact(values, count):
    """Reference implementation (whole array, sorted): the breaks the block-wise histograms reproduce."""
    v = np.sort(np.asarray(values).ravel())
    return [float(v[r - 1]) for r in quantile_ranks(v.size, count)]


def normalize_method(method, name=""):
    """A rescaling keyword (English or Spanish, any case or accents) -> one of RESCALE_METHODS."""
    key = plain(method).replace(" ", "_").replace("-", "_")
    if key not in _METHOD_ALIASES:
        raise InputError(N_("The criterion {name} has the unknown rescaling '{method}'; use linear, inverted, "
                            "quantile, quantile_inverted or categorical."), name=name, method=method)
    return _METHOD_ALIASES[key]

